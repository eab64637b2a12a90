"""A sentence's pinyin with the names the terms stage joins written as one word.

The segmenter cuts a foreign name it does not know into whatever words it has (莫 | 德罗
"Modrow", 迪 | 特马 | 尔 "Dietmar"), and the reading stage writes each piece on its own:
"mò Déluó". Where the units of the sentence join such a name, because its English writes
it as one (see :mod:`flashcards.terms.name_units`), the sentence's pinyin and ruby write
it as the name's card does: "Mòdéluó". A token the name cuts into keeps its other part
as words of their own (委主 | 任何 | 立峰 -> wěi zhǔrèn Hé Lìfēng).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from itertools import accumulate

from flashcards.model import AnalysedSentence, Token
from flashcards.reading.orthography import term_pinyin, written_pinyin
from flashcards.reading.segmenter import simplified
from flashcards.terms import name_sounds
from flashcards.terms.unit import NAME_DOTS, Unit, recut, units_of
from flashcards.terms.units import name_kind, sentence_units


def with_names(sentence: AnalysedSentence, glossary_words: Collection[str] = ()) -> AnalysedSentence:
    """``sentence`` with :attr:`~flashcards.model.AnalysedSentence.written` set where a
    name its units join is not written as one word by its tokens."""
    names = [u for u in sentence_units(sentence, glossary_words) if u.named and u.syllables]
    if not names:
        return sentence
    tokens = sentence.tokens
    offsets = list(accumulate((len(t.text) for t in tokens), initial=0))
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        name = next((u for u in names if offsets[k] <= u.start < offsets[k + 1]), None)
        last = next((j for j in range(k, len(tokens)) if name and offsets[j + 1] >= name.start + len(name.text)), None)
        syllables = _per_character(tokens[k:last + 1]) if last is not None else None
        written = _name_pinyin(name, sentence.pair.en) if syllables is not None else ""
        if not written[:1].isupper():  # no name's spelling to give it (周三 "Wednesday")
            out.append(tokens[k])
            k += 1
            continue
        text = "".join(t.text for t in tokens[k:last + 1])
        before = name.start - offsets[k]
        after = before + len(name.text)
        out += _words(text[:before], syllables[:before])
        out.append(Token(name.text, name.syllables, written))
        out += _words(text[after:], syllables[after:])
        k = last + 1
    return sentence if tuple(out) == tokens else replace(sentence, written=tuple(out))


def _per_character(tokens: Sequence[Token]) -> list[str] | None:
    """Each character's syllable ("" for a name's dot), or None where a token has no
    syllable for each of its Han characters."""
    out: list[str] = []
    for t in tokens:
        if len(t.pinyin) == len(t.text):
            out += t.pinyin
        elif not t.pinyin and all(c in NAME_DOTS for c in t.text):
            out += [""] * len(t.text)
        else:
            return None
    return out


def _name_pinyin(name: Unit, sentence_en: str) -> str:
    """The name as its card writes it: by its kind, and by the English that spells it."""
    found = name_sounds.written_name(sentence_en, name.syllables)
    english = sentence_en[found[0]:found[1]] if found else ""
    return term_pinyin(name.text, name.syllables, kind=name_kind(name.text) or "name", english=english)


def _words(text: str, syllables: Sequence[str]) -> list[Token]:
    """What is left of a token a name cut into, as words of their own."""
    out = []
    for piece in units_of(recut(text), syllables, 0) if text else ():
        syl = tuple(s for s in piece.syllables if s)  # a name's dot has no syllable
        out.append(Token(piece.text, syl, written_pinyin(simplified(piece.text), syl)))
    return out
