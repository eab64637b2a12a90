"""One unit of a sentence that may be a term, and the cuts the rules that make units share.

A unit is a token of the segmenter or a run of them joined (a quoted phrase, a
dictionary word, a name); ``join_units`` joins, ``recut`` and ``units_of`` cut again.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from flashcards.lexicon import dictionary
from flashcards.reading.segmenter import simplified

MAX_UNIT = 8  # Han characters in a joined unit

# jieba tags never worth a card: numerals, measure words, prepositions, conjunctions,
# particles, pronouns, locality words, interjections, onomatopoeia, non-words.
DROP_TAGS = frozenset("m mq q p c u uj ul uv uz ud ug r rr rz x e y o f".split())
NUMERALS = frozenset("零〇一二两三四五六七八九十百千万亿第")
NAME_DOTS = frozenset("·•‧・-‐－")  # between the parts of a foreign name: 易卜拉欣·莱西, 纳戈尔诺-卡拉巴赫


def name_parts(text: str) -> list[str]:
    """The parts of a name the Chinese writes with dots or hyphens: 易卜拉欣·莱西 -> 易卜拉欣, 莱西."""
    return "".join(" " if c in NAME_DOTS else c for c in text).split()


@dataclass(frozen=True)
class Unit:
    """A stretch of a sentence that may be a term."""

    text: str
    syllables: tuple[str, ...]
    start: int  # character offset in the sentence
    quoted: bool = False
    glossary: bool = False
    counted: bool = False  # follows a number it belongs to: 5|年内
    pieces: tuple[int, ...] = ()  # lengths of the tokens a joined unit was made of
    named: bool = False  # tokens joined because the English writes them as one name


def join_units(units: Sequence[Unit], **flags) -> Unit:
    pieces = tuple(n for u in units for n in (u.pieces or (len(u.text),)))
    return Unit("".join(u.text for u in units), tuple(s for u in units for s in u.syllables), units[0].start,
                pieces=pieces, **flags)


@functools.lru_cache(maxsize=1 << 16)
def is_headword(text: str) -> bool:
    """Whether ``text`` is a CEDICT headword short enough to be one unit (remembered: a
    text asks about the same runs of tokens again and again)."""
    return len(text) <= MAX_UNIT and dictionary.is_han(text) and text in dictionary.cedict.load()


def units_of(words: Sequence[str], syllables: Sequence[str], start: int) -> list[Unit]:
    """Units of ``words``, which rejoin to a text read ``syllables`` that begins at ``start``."""
    units, at = [], 0
    for word in words:
        units.append(Unit(word, syllables[at:at + len(word)], start + at))
        at += len(word)
    return units


def recut(text: str) -> list[str]:
    """``text`` cut by jieba's own dictionary (no glossary words), without guessing unknown
    words; Traditional text where its Simplified form is cut (jieba's dictionary is Simplified)."""
    from flashcards.reading import segmenter

    return segmenter.cut_like(text, segmenter.base().cut(simplified(text), HMM=False))
