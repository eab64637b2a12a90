"""Every reading of the shipped glossary agrees with CC-CEDICT and the pinyin converter,
or says why it does not (``pinyin_differs``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flashcards import cedict
from flashcards.glossary import han_count, load_glossary, pinyin_syllables
from flashcards.glossary_edit import converter_syllables

GLOSSARY = Path(__file__).resolve().parents[1] / "glossary.yaml"


def _cedict_readings(word: str) -> list[tuple[str, ...]]:
    return [tuple(r.replace("u:", "ü").split()) for r in cedict.readings(word)]


def disagreements(hanzi: str, pinyin: str) -> list[str]:
    """Where the entry's reading differs from the converter or from CC-CEDICT."""
    mine = pinyin_syllables(pinyin)
    han = "".join(ch for ch in hanzi if han_count(ch))
    found = []
    theirs = converter_syllables(han)
    if tuple(theirs) != mine:
        found.append(f"converter reads {' '.join(theirs)}, glossary {' '.join(mine)}")
    whole = _cedict_readings(han)
    if whole:
        if mine not in whole:
            found.append(f"CC-CEDICT reads {han} as {' / '.join(' '.join(r) for r in whole)}")
        return found
    # A phrase CC-CEDICT lacks: check each of its pinyin words that CC-CEDICT has.
    start = 0
    for word in re.split(r"[\s\-]+", pinyin.strip()):
        n = len(pinyin_syllables(word))
        piece, syllables = han[start:start + n], mine[start:start + n]
        start += n
        readings = _cedict_readings(piece)
        if readings and syllables not in readings:
            found.append(f"CC-CEDICT reads {piece} as {' / '.join(' '.join(r) for r in readings)}")
    return found


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(GLOSSARY)


def test_glossary_has_at_least_500_entries(glossary):
    assert len(glossary.entries) >= 500


def test_every_reading_agrees_with_cedict_and_converter_or_says_why(glossary):
    silent, stale = [], []
    for entry in glossary.entries:
        found = disagreements(entry.hanzi, entry.pinyin)
        explained = entry.hanzi in glossary.pinyin_differs
        if found and not explained:
            silent.append(f"line {entry.line}: {entry.hanzi} {entry.pinyin}: {'; '.join(found)}")
        if explained and not found:
            stale.append(f"line {entry.line}: {entry.hanzi} {entry.pinyin}: pinyin_differs but nothing differs")
    assert not silent, "readings that differ without a pinyin_differs reason:\n" + "\n".join(silent)
    assert not stale, "\n".join(stale)


def test_disagreement_detector_catches_a_wrong_tone():
    assert disagreements("北约", "Běiyuē") == []
    assert disagreements("北约", "Bēiyuē")
    assert disagreements("关系", "guānxì")  # CC-CEDICT has guan1 xi5


def test_phrases_are_checked_word_by_word_against_cedict():
    # 战略伙伴关系协定 is not a CC-CEDICT headword, but its words are.
    found = disagreements("战略伙伴关系协定", "zhànlüè huǒbàn guānxì xiédìng")
    assert any("关系" in f for f in found)
    assert not any("战略" in f for f in found)
