"""What the list formats share: an entry's English, category, Traditional form and
pinyin runs, and the spans of an example to highlight."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from flashcards.model import VocabEntry
from flashcards.reading.style import split_syllables, to_numbers, tone

UNCATEGORISED = "Other"
JOIN = "; "

_SPACE = re.compile(r"\s+")


def english_text(entry: VocabEntry) -> str:
    """The meanings as one string, alternatives joined with ``"; "``."""
    return JOIN.join(e.strip() for e in entry.english if e.strip())


def category_label(category: str | None) -> str:
    """The heading a category is shown under."""
    return (category or "").strip() or UNCATEGORISED


def group_by_category(entries: Sequence[VocabEntry]) -> list[tuple[str, list[VocabEntry]]]:
    """``[(label, entries), ...]``, categories in order of first appearance, order kept inside."""
    groups: dict[str, list[VocabEntry]] = {}
    for entry in entries:
        groups.setdefault(category_label(entry.category), []).append(entry)
    return list(groups.items())


def traditional_form(entry: VocabEntry) -> str:
    """Traditional characters when they differ from the headword, else ``""``."""
    trad = entry.traditional.strip()
    return trad if trad and trad != entry.hanzi else ""


def one_line(text: str) -> str:
    """Collapse tabs and line breaks (any whitespace run) into single spaces."""
    return _SPACE.sub(" ", text).strip()


def entry_syllables(entry: VocabEntry) -> list[str]:
    """The syllables of an entry's pinyin as written (``[]`` for no pinyin)."""
    return split_syllables(entry.pinyin)


def numbered_pinyin(entry: VocabEntry) -> str:
    """Numbered pinyin, syllables spaced (``zhan4 lve4``); the pinyin as it is if it cannot be split."""
    syllables = entry_syllables(entry)
    if not syllables:
        return entry.pinyin
    return " ".join(to_numbers(s) for s in syllables)


def tone_runs(entry: VocabEntry) -> list[tuple[str, int | None]]:
    """The pinyin cut into ``(piece, tone)`` runs that concatenate to it exactly.

    Each syllable has its tone (1-5); separators between syllables (spaces,
    apostrophes) have ``None``.
    """
    text = unicodedata.normalize("NFC", entry.pinyin)
    syllables = entry_syllables(entry)
    runs: list[tuple[str, int | None]] = []
    pos = 0
    for syllable in syllables:
        at = text.find(syllable, pos)
        if at < 0:
            return [(text, None)]
        if at > pos:
            runs.append((text[pos:at], None))
        runs.append((syllable, tone(syllable)))
        pos = at + len(syllable)
    if pos < len(text):
        runs.append((text[pos:], None))
    return runs


def highlight_spans(text: str, terms: Sequence[str], *, whole_words: bool = False) -> list[tuple[str, bool]]:
    """Cut ``text`` into ``(piece, is_term)`` pieces, marking each occurrence of any of ``terms``.

    Case is ignored; ``whole_words`` (for English) marks a term only where it is not
    part of a longer word ("war" not in "toward").
    """
    terms = sorted({t for t in terms if t}, key=len, reverse=True)
    if not terms or not text:
        return [(text, False)] if text else []
    alternatives = "|".join(re.escape(t) for t in terms)
    if whole_words:
        alternatives = rf"(?<![A-Za-z0-9])(?:{alternatives})(?![A-Za-z0-9])"
    pattern = re.compile(alternatives, re.IGNORECASE)
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            pieces.append((text[pos : m.start()], False))
        pieces.append((m.group(), True))
        pos = m.end()
    if pos < len(text):
        pieces.append((text[pos:], False))
    return pieces


def entry_terms(entry: VocabEntry) -> tuple[str, ...]:
    """The forms of the headword to highlight in a Chinese example."""
    return tuple(t for t in (entry.hanzi, entry.traditional) if t)
