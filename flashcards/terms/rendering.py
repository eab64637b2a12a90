"""Where an article's English renders a term, and how surely: a term is looked for by
its own glosses, its parts' glosses, or, for a name, its spelling in pinyin or the foreign
name it transliterates; a person nothing explains takes a capitalised name of the sentence
that nothing else claims, and a part of a name the article writes in full takes its
English from the full name's. Without such evidence a term gets no English from its
sentence rather than its neighbour's."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from flashcards.lexicon import dictionary
from flashcards.model import AnalysedSentence
from flashcards.reading import word_evidence
from flashcards.reading.orthography import SHIP
from flashcards.terms import context_gloss, name_sounds, senses
from flashcards.terms.unit import Unit, name_parts
from flashcards.terms.units import NUMERALS, name_kind

# a sense of a name that is a place: "Austin, Texas", "Jackson city, capital of Mississippi"
_PLACE = re.compile(r",\s*(?:capital of\b|US state\b|[A-Z][a-z]+$)|\b(?:city|county|province|prefecture)\b")
SURE = 0.9  # the quality of an English match that is evidence for a word no dictionary has


@functools.lru_cache(maxsize=1 << 14)
def _parts_glosses(word: str) -> tuple[tuple[str, ...], ...]:
    """The glosses of each dictionary word ``word`` splits into; () when it does not split.
    Remembered: asked again for every sentence the word is looked for in."""
    parts = dictionary.split_known(word)
    return tuple(dictionary.english(p) for p in parts) if len(parts) > 1 else ()


def rendered_at(sentence_en: str, word: str, info: dictionary.WordInfo, curated: Sequence[str] = (),
                syllables: Sequence[str] = (), kind: str = "") -> tuple[int, int, float] | None:
    """Where ``sentence_en`` renders ``word`` and how surely: curated glossary English first,
    then CEDICT's; a name may also be spelt out in pinyin (王毅 -> "Wang Yi") or be the
    foreign name its characters transliterate (马科斯 -> "Marcos"). Nothing else counts:
    a name with no such evidence gets no English rather than its neighbour's. ``kind``
    is the word's :func:`name_kind` ("" for a common word)."""
    if curated:
        found = context_gloss.english_match(sentence_en, curated)
        if found and found[2] >= 0.5:
            return found
    if not kind:
        return context_gloss.english_match(sentence_en, info.english, _parts_glosses(word))
    # A name is rendered by a capitalised name: "Donald Trump (1946-), American ..." -> "Donald Trump";
    # organisations may be built from parts (日本 航空 自卫队), people may not (石破茂 is not "break through").
    # A name no dictionary has is first looked for as written out (布林肯 is not 布 + "Lincoln").
    if not info.in_cedict and (written := _written_whole(word, syllables, sentence_en)):
        return (*written[:2], 1.0)
    parts = [] if kind == "person" else _parts_glosses(word)
    found = context_gloss.english_match(sentence_en, names_of(info.english), parts)
    if found and sentence_en[found[0]].isupper():
        return found
    written = name_sounds.written_name(sentence_en, syllables) if info.in_cedict else None
    # a sound match is evidence for a longer name; two syllables sound like too much (大桥 is not
    # "Odesa"), unless spelt out in pinyin for a common word the English uses as a name (东风
    # "Dongfeng"): CC-CEDICT's own name 重阳 "Double Ninth Festival" is not "Chongyang" Investment;
    # or unless a transliteration CC-CEDICT has as a name sounds exactly like the English,
    # consonant for consonant (哈迪 "Hardy or Hardie" is also the Yemeni president "Hadi"; 大桥
    # sounds like no transliteration)
    sure = written and (len(syllables) >= 3 or (written[2] >= 3.0 and not info.proper)
                        or (info.proper and written[2] >= 2.0 and word_evidence.sounds_foreign(word)))
    return (*written[:2], 1.0) if sure else None


def _written_whole(word: str, syllables: Sequence[str], sentence_en: str) -> tuple[int, int, float] | None:
    """Where the English writes a name no dictionary has: as it sounds or spelt in pinyin,
    but part by part where that covers more of it (布尔汉·瓦尼 "Burhan Wani": the whole
    sounds like "Burhan" alone)."""
    if word[-1:] in SHIP and len(syllables) == len(word):  # a ship is written as the name it bears: 海口号 "Haikou"
        named = name_sounds.named_as(word[:-1], sentence_en)  # 福特号: CC-CEDICT's "Ford"
        return name_sounds.written_name(sentence_en, syllables[:-1]) or ((*named, 1.0) if named else None)
    written = name_sounds.written_name(sentence_en, syllables)
    parts = name_sounds.parts_named(word, syllables, sentence_en)
    if parts and written and parts[0] <= written[0] and written[1] <= parts[1]:
        return parts
    return written or parts


def name_senses(glosses: Sequence[str], rendering: str, kind: str) -> Sequence[str]:
    """A name's senses of a dictionary entry: the spelling the article uses where the
    dictionary gives several (奥斯汀 "Austin or Austen": "Austin"), and for a person no
    place that bears the name ("Austin, Texas" is no Lloyd Austin)."""
    spellings = {s.strip() for head in names_of(glosses) for s in head.split(" or ")}
    if rendering and rendering in spellings and any(" or " in g for g in glosses):
        return (rendering,)
    return [g for g in glosses if not (kind == "person" and _PLACE.search(g))] or glosses


def names_of(glosses: Sequence[str]) -> list[str]:
    """What a name's glosses call it, without what they say of it: "Putin, president of
    Russia" -> "Putin", "Donald Trump (1946-), American ..." -> "Donald Trump", "(Tw)
    surname Trump" -> "Trump"."""
    return [senses.SURNAME.sub("", word_evidence.gloss_head(g)) for g in glosses]


def assign_names(sentence: AnalysedSentence, units: Sequence[Unit], found: dict[str, tuple[str, float]],
                 wanted: set[str]) -> None:
    """English forms of people's names no gloss, spelling or sound explains, from the
    capitalised runs of the sentence that nothing else claims (石破茂 -> "Shigeru Ishiba":
    Japanese names are read in Japanese).

    Each unexplained name is matched to the unclaimed run nearest its relative position
    in the sentence, in order. A run must hold a word that is not common English, so
    that a month, a title or a capitalised heading ("On February", "Prime Minister") is
    never taken for a name, and one word only when it is rare in English ("Ishiba",
    not "Vietnamese"); what starts with a numeral (二十大) is no person, and a name this
    weakly evidenced has three characters or more (a Chinese name of two is spelt out in
    pinyin; 较低 "relatively low" is no name), or two that sound foreign and begin as a
    word of the run does (巴育 "Prayuth Chan-Ocha", 英拉 "Yingluck Shinawatra" of "Minister
    Yingluck Shinawatra") and end there (达尔 | 耶 is no "Dahiyeh" of 达尔's).
    """
    en, zh = sentence.pair.en, sentence.pair.zh
    claimed: list[tuple[int, int]] = []
    todo: list[Unit] = []
    for u, after in zip(units, [*units[1:], None]):
        if not dictionary.is_han(u.text) or len(u.text) < 2:
            continue
        info = dictionary.word_info(u.text, u.syllables, as_name=u.named)
        kind = name_kind(u.text) or ("name" if u.named else "")
        span = rendered_at(en, u.text, info, (), u.syllables, kind) if info.english or info.in_cedict or kind else None
        if span:
            claimed.append(span[:2])
        elif u.text in wanted and u.text not in found and kind == "person" and u.text[0] not in NUMERALS \
                and (len(u.text) >= 3 or (len(u.text) == 2 and word_evidence.sounds_foreign(u.text)
                                           and not _goes_on(after))):
            todo.append(u)
    runs = [
        r for r in name_sounds.capitalised_runs(en)
        if not any(a < r[1] and r[0] < b for a, b in claimed) and not en[r[0]:r[1]].isupper()  # not an acronym
        and not context_gloss.common_words_only(en[r[0]:r[1]]) and _full_or_rare(en[r[0]:r[1]])
    ]
    last = -1
    for u in todo:
        where = u.start / max(1, len(zh))
        # a transliteration is the name it sounds like or none (沃灵顿 is no "Jeremy Corbyn")
        # a transliteration of two syllables (巴育 "Prayuth Chan-Ocha") sounds like too much
        # to tell, but starts as the name does: from there the run is its name
        foreign = word_evidence.sounds_foreign(u.text)
        short = len(u.text) == 2
        starts = [name_sounds.starts_like(u.syllables, en[r[0]:r[1]]) if short else 0 for r in runs]
        options = [(abs(r[0] / max(1, len(en)) - where), k) for k, r in enumerate(runs) if k > last
                   and starts[k] is not None
                   and not (foreign and not short and not name_sounds.sounds_alike(u.syllables, en[r[0]:r[1]]))]
        if not options:
            break
        distance, k = min(options)
        if distance <= 0.25:
            found[u.text] = (en[runs[k][0] + starts[k]:runs[k][1]], SURE)
            last = k


def _goes_on(after: Unit | None) -> bool:
    """Whether ``after``, the unit after a name, may be its next syllable: one character of
    a foreign sound (达尔 | 耶 "Dahiyeh"), where a two-character name's start is then no
    evidence of the name."""
    return after is not None and len(after.text) == 1 and word_evidence.sounds_foreign(after.text)


def parts_as_in_full(context: dict[str, tuple[str, float]], kept) -> None:
    """A part of a name the article writes in full takes its English from the full name's,
    word for word, where that word sounds like it: 莱西 of 易卜拉欣·莱西 "Ibrahim Raisi" is
    "Raisi", though the sentences that name him alone spell him "Laisi" and "Laissez"."""
    for text, (rendering, sureness) in list(context.items()):
        pieces = name_parts(text)
        words = rendering.split()
        if len(pieces) < 2 or len(words) != len(pieces):
            continue
        for piece, word in zip(pieces, words):
            if piece in kept and name_sounds.sounds_alike(kept[piece][0].syllables, word):
                context[piece] = (word, max(sureness, context.get(piece, ("", 0.0))[1]))


def _full_or_rare(run: str) -> bool:
    """A run that may stand for a person: a full name ("Shigeru Ishiba") or one word rare
    in English ("Ishiba", not "Vietnamese")."""
    words = run.replace("-", " ").split()
    return len(words) >= 2 or context_gloss.rare_english(words[0])

