"""The glossary terms inside a longer unit, which get cards of their own.

A long unit is one card (可持续发展, 航母编队, 以习近平同志为核心的党中央), but a glossary
term inside it is often the term a learner most needs (发展, 编队, 党中央). Inner terms
are cut where jieba's own dictionary cuts the unit (国军 is no term of 中国|军事|威胁);
a unit that is one word of jieba's dictionary (军事演习, 国际水域) is cut where jieba
would cut it if it were not (军事|演习, 国际|水域).
"""

from __future__ import annotations

import functools
from collections.abc import Collection

from flashcards.lexicon import dictionary
from flashcards.reading import segmenter
from flashcards.reading.segmenter import simplified
from flashcards.terms import context_gloss
from flashcards.terms.unit import Unit, recut
from flashcards.terms.units import name_kind

_LONG_FORMULATION = 7  # a glossary term this long is a formulation whose terms get cards too
_GLOSSARY_COMPOUND = 4  # a glossary term this long is a compound whose head gets a card too
_SPECIALIST = 3  # a glossary term this long inside such a compound, one word to jieba, gets one wherever it
# stands (无人机 of 无人机|袭击, 人道主义 of 人道主义|危机; no 军事安全 of 军事|安全|合作, nor 国防部 of 国防部|长)


@functools.lru_cache(maxsize=4096)
def _words(text: str) -> tuple[tuple[tuple[int, int], ...], bool]:
    """The words of ``text`` as (start, end) pairs, and whether jieba's dictionary has it
    whole: where :func:`~flashcards.terms.units.recut` cuts it, or, for such a word
    (军事演习), jieba's best cut of it with the whole left out (军事|演习)."""
    spans, at = [], 0
    for word in recut(text):
        spans.append((at, at + len(word)))
        at += len(word)
    if len(spans) > 1 or len(text) < 3:
        return tuple(spans), False
    tokenizer = segmenter.base()
    dag = tokenizer.get_DAG(text)
    dag[0] = [end for end in dag[0] if end != len(text) - 1] or [0]
    route: dict = {}
    tokenizer.calc(text, dag, route)
    spans, at = [], 0
    while at < len(text):
        spans.append((at, route[at][1] + 1))
        at = spans[-1][1]
    return tuple(spans), len(spans) > 1


def inner_glossary(unit: Unit, glossary_words: Collection[str], sentence_en: str = "") -> list[Unit]:
    """The glossary terms inside a longer unit that is not one itself (发展 in 可持续发展):
    the head term a learner most needs gets its card too, also inside a long glossary
    formulation (党中央 in 以习近平同志为核心的党中央). Only the longest ones: none that
    lies inside another found. Of a glossary compound of four to six characters only
    the head, the term it ends with (制裁 of 实施制裁, 编队 of 航母编队), or where it is a
    term and one character, that term where ``sentence_en`` renders it (迫击炮 of 迫击炮弹
    "mortar shells"), and a term of three characters or more that jieba has as one word
    (无人机 of 无人机袭击): its other halves would crowd the list (军事 and 安全 of 军事安全合作).
    In a word jieba has whole that is a term and one character (火箭|弹, 安全|帽), the term counts where ``sentence_en``, the
    English of the unit's sentence, renders it: "rockets" for 火箭弹, but 安全帽 "helmets"
    is no 安全 "security"."""
    if len(unit.text) < (_GLOSSARY_COMPOUND if unit.glossary else 3):
        return []
    text = unit.text
    simple = simplified(text)  # a Traditional article's unit: the glossary is Simplified
    words, whole = _words(simple)
    cuts = {a for a, _ in words} | {len(text)}
    found = [(a, b) for a in range(len(text)) for b in range(len(text), a + 1, -1)
             if (a, b) != (0, len(text)) and a in cuts and b in cuts and simple[a:b] in glossary_words]
    bound = whole and any(b - a == 1 for a, b in words)  # a term and one character: 火箭|弹
    longest = [(a, b) for a, b in found if not any(c <= a and b <= d and (c, d) != (a, b) for c, d in found)
               and not _word_of_a_name(simple, a, b)
               and not (bound and not context_gloss.english_match(sentence_en, dictionary.english(simple[a:b])))]
    if unit.glossary and len(text) < _LONG_FORMULATION:  # a glossary compound's head alone, or where
        # that is one character after a term, that term where the English renders a gloss of it
        # whole: 迫击炮 of 迫击炮|弹 "mortar shells", 种族灭绝 of 种族灭绝|罪 "genocide", not 国防部
        # of 国防部|长 "defense minister" (nor 国务委员 of 国务委员|会, whose 会 ends a word)
        before_last = words[0][1] if len(words) == 2 and words[1][1] - words[1][0] == 1 \
            and not dictionary.cedict.lookup(simple[-3:]) else len(text)  # (委员|会: 委员会 "committee")
        longest = [(a, b) for a, b in longest
                   if b == len(text) or (b == before_last and _rendered_whole(simple[a:b], sentence_en))
                   or (b - a >= _SPECIALIST and len(text) - b >= 2 and segmenter.in_dictionary(simple[a:b]))]
    return [Unit(text[a:b], _syllables(unit, a, b), unit.start + a, glossary=True) for a, b in longest]


def _rendered_whole(term: str, sentence_en: str) -> bool:
    """Whether ``sentence_en`` renders a gloss of ``term`` whole ("mortar" of 迫击炮 "mortar
    (weapon)"; "defense" is half of 国防部 "Defense Department")."""
    hit = context_gloss.english_match(sentence_en, dictionary.english(term))
    return bool(hit) and hit[2] > 0.5


def _syllables(unit: Unit, start: int, end: int) -> tuple[str, ...]:
    """The syllables of ``unit.text[start:end]``: one for each Han character, so a dot of a
    name before it (弗拉基米尔·普京) has none."""
    if not unit.syllables:
        return ()
    at = sum(map(dictionary.is_han, unit.text[:start]))
    return unit.syllables[at:at + sum(map(dictionary.is_han, unit.text[start:end]))]


def _word_of_a_name(text: str, start: int, end: int) -> bool:
    """Whether the name ``text[start:end]`` is only a word of the longer name ``text``: the
    Social Democratic Party 社会民主党 is no 民主党, the Democrats. A name is itself where
    what comes before it is a name too, whose it is: 美国|民主党, 联合国|安理会; and inside
    a formulation that is no name (党中央 of 以习近平同志为核心的党中央)."""
    return (start > 0 and dictionary.word_info(text[start:end]).proper and name_kind(text) != ""
            and not dictionary.word_info(text[:start]).proper)
