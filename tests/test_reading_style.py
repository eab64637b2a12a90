"""Pinyin styles: every form derived from the tone-marked syllable."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from flashcards.reading.style import (
    from_numbers,
    is_han,
    ruby,
    split_syllables,
    to_numbers,
    tone,
    tone_spans,
    word_pinyin,
)


@pytest.mark.parametrize(
    "marked, numbered, number",
    [
        ("zhàn", "zhan4", 4),
        ("lüè", "lve4", 4),
        ("lǜ", "lv4", 4),
        ("nǚ", "nv3", 3),
        ("zhōng", "zhong1", 1),
        ("chóng", "chong2", 2),
        ("jǐ", "ji3", 3),
        ("le", "le5", 5),
        ("men", "men5", 5),
        ("Běi", "Bei3", 3),
    ],
)
def test_numbers_and_tones(marked, numbered, number):
    assert to_numbers(marked) == numbered
    assert tone(marked) == number
    assert from_numbers(numbered) == marked


@pytest.mark.parametrize(
    "numbered, marked",
    [("lu:e4", "lüè"), ("lüe4", "lüè"), ("xiu1", "xiū"), ("gui4", "guì"), ("hou2", "hóu"), ("er2", "ér"), ("de", "de"), ("zhàn", "zhàn")],
)
def test_from_numbers_places_the_mark_by_the_usual_rule(numbered, marked):
    assert from_numbers(numbered) == marked


def test_to_numbers_of_empty_is_empty():
    assert to_numbers("") == ""


_FINALS = ["a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "i", "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong", "u", "ua", "uo", "uai", "ui", "uan", "un", "uang", "ü", "üe"]
_INITIALS = ["", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "zh", "ch", "sh", "r", "z", "c", "s", "y", "w"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_INITIALS), st.sampled_from(_FINALS), st.integers(1, 5))
def test_numbers_round_trip(initial, final, number):
    numbered = f"{initial}{final}".replace("ü", "v") + str(number)
    marked = from_numbers(numbered)
    assert tone(marked) == number
    assert to_numbers(marked) == numbered


def test_tone_spans_escape_and_class_each_syllable():
    assert tone_spans(["zhàn", "lüè", "le"]) == (
        '<span class="tone4">zhàn</span><span class="tone4">lüè</span><span class="tone5">le</span>'
    )
    assert "&lt;" in tone_spans(["<b>"])


def test_ruby_with_aligned_syllables_and_plain_escaped_text():
    out = ruby("战略 A&B", ["zhàn", "lüè", None, None, None, None, None])
    assert out == '<ruby>战<rt class="tone4">zhàn</rt></ruby><ruby>略<rt class="tone4">lüè</rt></ruby> A&amp;B'


def test_ruby_with_han_syllables_only():
    assert ruby("F-35战机", ["zhàn", "jī"]) == (
        'F-35<ruby>战<rt class="tone4">zhàn</rt></ruby><ruby>机<rt class="tone1">jī</rt></ruby>'
    )


def test_ruby_leaves_han_without_syllable_plain():
    assert ruby("战<略>", ["zhàn"]) == '<ruby>战<rt class="tone4">zhàn</rt></ruby>&lt;略&gt;'


@pytest.mark.parametrize(
    "syllables, proper, word",
    [
        (["xī", "ān"], False, "xī'ān"),
        (["běi", "yuē"], True, "Běiyuē"),
        (["zhàn", "lüè"], False, "zhànlüè"),
        (["fāng", "àn"], False, "fāng'àn"),
        (["hǎi", "ōu"], False, "hǎi'ōu"),
        (["ān", "quán"], False, "ānquán"),
        (["ōu", "méng"], True, "Ōuméng"),
        (["jiāo", "ě"], False, "jiāo'ě"),
        ([], True, ""),
    ],
)
def test_word_pinyin_orthography(syllables, proper, word):
    assert word_pinyin(syllables, proper=proper) == word


@pytest.mark.parametrize(
    "text, syllables",
    [
        ("Xī'ān zhànlüè", ["Xī", "ān", "zhàn", "lüè"]),
        ("fāngàn", ["fān", "gàn"]),
        ("fāng'àn", ["fāng", "àn"]),
        ("Zhōngguó", ["Zhōng", "guó"]),
        ("zhong1jiang4", ["zhong1", "jiang4"]),
        ("dàndào dǎodàn", ["dàn", "dào", "dǎo", "dàn"]),
        ("jūnzhǎng", ["jūn", "zhǎng"]),
        ("Běiyuē", ["Běi", "yuē"]),
        ("", []),
    ],
)
def test_split_syllables(text, syllables):
    assert split_syllables(text) == syllables


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_INITIALS), st.sampled_from(_FINALS), st.integers(1, 5)), min_size=1, max_size=4))
def test_word_pinyin_splits_back_into_its_syllables(parts):
    syllables = [from_numbers(f"{i}{f}{n}".replace("ü", "v")) for i, f, n in parts]
    # the orthography promises a unique reading for real syllables that carry a tone
    from flashcards.reading.style import _syllable_inventory

    plain = [to_numbers(s)[:-1].replace("v", "ü") for s in syllables]
    assume(all(p in _syllable_inventory() for p in plain) and all(tone(s) != 5 for s in syllables))
    assert split_syllables(word_pinyin(syllables)) == syllables


def test_is_han():
    assert is_han("战") and is_han("長") and is_han("\U00020000")
    assert not any(is_han(c) for c in "a1，。😀 ")
    assert not is_han("战略")
