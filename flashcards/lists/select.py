"""Choosing and ordering the entries of a vocabulary list.

Plain functions over sequences of :class:`~flashcards.model.VocabEntry`; they
return new lists and never change the entries.

Sort keys (``SORT_KEYS``):

``appearance``
    the order the entries come in: order of first appearance in the articles, or
    the glossary's own order for a glossary-only list. This is the default.
``frequency``
    most common words first (wordfreq Zipf value); words without a value last.
``count``
    most occurrences in the articles first.
``pinyin``
    alphabetical by pinyin as a dictionary orders it: letters first (ü after u),
    then tones 1, 2, 3, 4, neutral, then the characters.
``hsk``
    by HSK level, easiest first; words outside the HSK lists last.
``category``
    categories alphabetically, uncategorised entries last; appearance order inside
    each category.

Every sort is stable: ties keep their appearance order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from flashcards.errors import InputError
from flashcards.model import VocabEntry

SORT_KEYS = ("appearance", "frequency", "count", "pinyin", "hsk", "category")
SOURCES = ("glossary", "article", "both")
HSK_LEVELS = range(1, 10)  # HSK 3.0: levels 1-6 and the 7-9 band (stored as 7, 8 or 9)

_INF = float("inf")


def sort_entries(entries: Sequence[VocabEntry], key: str = "appearance", *, reverse: bool = False) -> list[VocabEntry]:
    """Return ``entries`` ordered by ``key`` (one of :data:`SORT_KEYS`).

    ``reverse`` flips the order of the key but keeps ties in appearance order.
    """
    try:
        sort_key = _KEYS[key]
    except KeyError:
        raise InputError(f"unknown sort key {key!r}; choose one of: {', '.join(SORT_KEYS)}") from None
    indexed = list(enumerate(entries))
    if key == "appearance":
        return [entry for _, entry in (reversed(indexed) if reverse else indexed)]
    if reverse:
        # Sort descending on the key alone, then restore appearance order in ties.
        indexed.sort(key=lambda pair: pair[0])
        indexed.sort(key=lambda pair: sort_key(pair[1]), reverse=True)
    else:
        indexed.sort(key=lambda pair: (sort_key(pair[1]), pair[0]))
    return [entry for _, entry in indexed]


def filter_entries(
    entries: Sequence[VocabEntry],
    *,
    categories: Iterable[str] | None = None,
    sources: Iterable[str] | None = None,
    hsk_min: int | None = None,
    hsk_max: int | None = None,
) -> list[VocabEntry]:
    """Return the entries that pass every given filter, in their order.

    ``categories``: keep entries whose category is one of these (case-insensitive;
    ``"none"`` selects entries without a category). A name that no entry has is an
    error, so a typo does not silently print an empty list.

    ``sources``: ``"glossary"`` keeps entries that come from the glossary (including
    those also found in an article, source ``"both"``); ``"article"`` keeps entries
    found in an article (including ``"both"``); ``"both"`` keeps only entries found
    in both.

    ``hsk_min``/``hsk_max``: keep entries whose HSK level is in the range, inclusive.
    A word outside the HSK lists counts as harder than every level: ``hsk_min``
    keeps it, ``hsk_max`` drops it.
    """
    _check_hsk(hsk_min, "minimum")
    _check_hsk(hsk_max, "maximum")
    if hsk_min is not None and hsk_max is not None and hsk_min > hsk_max:
        raise InputError(f"HSK minimum {hsk_min} is above the maximum {hsk_max}")

    wanted_categories = _wanted_categories(entries, categories)
    wanted_sources = _wanted_sources(sources)

    def keep(entry: VocabEntry) -> bool:
        if wanted_categories is not None and _category_key(entry.category) not in wanted_categories:
            return False
        if wanted_sources is not None and entry.source not in wanted_sources:
            return False
        level = _INF if entry.hsk is None else entry.hsk
        if hsk_min is not None and level < hsk_min:
            return False
        if hsk_max is not None and level > hsk_max:
            return False
        return True

    return [entry for entry in entries if keep(entry)]


def pinyin_sort_key(pinyin: str) -> tuple[str, tuple[int, ...]]:
    """A dictionary-order key for tone-marked pinyin: ``("zhanlve", (4, 4))``.

    Letters are compared first (``ü`` as ``v``, a letter of its own after ``u``),
    then the tones syllable by syllable, the neutral tone after tone 4.
    """
    from flashcards.reading.style import split_syllables, to_numbers

    letters: list[str] = []
    tones: list[int] = []
    for syllable in split_syllables(pinyin):
        numbered = to_numbers(syllable).lower()
        if numbered[-1:].isdigit():
            letters.append(numbered[:-1])
            tones.append(int(numbered[-1]))
        else:
            letters.append(numbered)
    return "".join(letters), tuple(tones)


def _category_key(category: str | None) -> str:
    return (category or "").strip().casefold() or "none"


def _wanted_categories(entries: Sequence[VocabEntry], categories: Iterable[str] | None) -> set[str] | None:
    if categories is None:
        return None
    wanted = {_category_key(c) for c in categories if c.strip()}
    if not wanted:
        return None
    present = {_category_key(e.category) for e in entries}
    unknown = sorted(wanted - present)
    if unknown and entries:
        names = sorted({e.category for e in entries if e.category}) + (["none"] if "none" in present else [])
        raise InputError(
            f"no entries in category {', '.join(map(repr, unknown))}; categories here: {', '.join(names) or '(none)'}"
        )
    return wanted


def _wanted_sources(sources: Iterable[str] | None) -> set[str] | None:
    if sources is None:
        return None
    wanted: set[str] = set()
    for source in sources:
        source = source.strip().lower()
        if source not in SOURCES:
            raise InputError(f"unknown source {source!r}; choose one of: {', '.join(SOURCES)}")
        wanted |= {source, "both"}
    return wanted or None


def _check_hsk(level: int | None, which: str) -> None:
    if level is not None and level not in HSK_LEVELS:
        raise InputError(f"HSK {which} must be a level from {HSK_LEVELS[0]} to {HSK_LEVELS[-1]}, not {level}")


def _by_frequency(entry: VocabEntry) -> float:
    return -entry.frequency if entry.frequency is not None else _INF


def _by_category(entry: VocabEntry) -> tuple[bool, str]:
    return (not entry.category, (entry.category or "").casefold())


def _by_pinyin(entry: VocabEntry) -> tuple:
    return (*pinyin_sort_key(entry.pinyin), entry.hanzi)


_KEYS = {
    "appearance": lambda entry: 0,
    "frequency": _by_frequency,
    "count": lambda entry: -entry.count,
    "pinyin": _by_pinyin,
    "hsk": lambda entry: _INF if entry.hsk is None else entry.hsk,
    "category": _by_category,
}
