"""Sorting and filtering vocabulary entries."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flashcards.errors import InputError
from flashcards.model import VocabEntry
from flashcards.lists.select import SORT_KEYS, filter_entries, pinyin_sort_key, sort_entries
from test_lists_samples import sample_entries


def hanzi(entries):
    return [e.hanzi for e in entries]


def entry(h, pinyin="", *, category=None, source="article", hsk=None, frequency=None, count=0):
    return VocabEntry(h, pinyin, ("x",), source, category=category, hsk=hsk, frequency=frequency, count=count)


def test_appearance_keeps_the_given_order_and_reverse_flips_it():
    entries = sample_entries()
    assert sort_entries(entries) == entries
    assert sort_entries(entries, "appearance", reverse=True) == entries[::-1]


def test_frequency_puts_common_words_first_and_unknown_last():
    entries = [entry("甲", frequency=2.0), entry("乙"), entry("丙", frequency=5.0), entry("丁", frequency=2.0)]
    assert hanzi(sort_entries(entries, "frequency")) == ["丙", "甲", "丁", "乙"]


def test_count_puts_the_most_frequent_in_the_articles_first():
    entries = [entry("甲", count=1), entry("乙", count=6), entry("丙", count=2)]
    assert hanzi(sort_entries(entries, "count")) == ["乙", "丙", "甲"]


def test_pinyin_sorts_by_letters_then_tones():
    entries = [
        entry("马", "mǎ"),
        entry("妈", "mā"),
        entry("骂", "mà"),
        entry("麻", "má"),
        entry("北约", "Běiyuē"),
        entry("战略", "zhànlüè"),
        entry("战士", "zhànshì"),
        entry("安全", "ānquán"),
        entry("绿", "lǜ"),
        entry("路", "lù"),
        entry("略", "lüè"),
    ]
    assert hanzi(sort_entries(entries, "pinyin")) == ["安全", "北约", "路", "绿", "略", "妈", "麻", "马", "骂", "战略", "战士"]


def test_pinyin_sort_key_ignores_case_and_separators_between_words():
    assert pinyin_sort_key("Běiyuē") == pinyin_sort_key("běiyuē")
    assert pinyin_sort_key("xī'ān") == ("xian", (1, 1))
    assert pinyin_sort_key("zhànlüè huǒbàn") == ("zhanlvehuoban", (4, 4, 3, 4))


def test_pinyin_puts_the_neutral_tone_after_the_fourth():
    entries = [entry("吗", "ma"), entry("骂", "mà"), entry("妈", "mā")]
    assert hanzi(sort_entries(entries, "pinyin")) == ["妈", "骂", "吗"]


def test_category_sorts_categories_alphabetically_with_uncategorised_last():
    entries = sample_entries()
    result = sort_entries(entries, "category")
    assert [e.category for e in result] == ["diplomacy", "diplomacy", "navy", "navy", "politics", None, None]
    # inside a category, order of appearance is kept
    assert hanzi(result)[:2] == ["战略伙伴关系协定", "志同道合"]


def test_hsk_sorts_easiest_first_and_unlisted_words_last():
    entries = [entry("甲", hsk=6), entry("乙"), entry("丙", hsk=1)]
    assert hanzi(sort_entries(entries, "hsk")) == ["丙", "甲", "乙"]


def test_unknown_sort_key_is_an_input_error():
    with pytest.raises(InputError, match="unknown sort key"):
        sort_entries(sample_entries(), "random")


@given(
    st.lists(
        st.builds(
            entry,
            st.text(alphabet="甲乙丙丁", min_size=1, max_size=3),
            st.sampled_from(["mā", "má", "zhànlüè", "Běiyuē", "ānquán", ""]),
            category=st.sampled_from([None, "navy", "army"]),
            hsk=st.none() | st.integers(1, 9),
            frequency=st.none() | st.floats(0, 8),
            count=st.integers(0, 9),
        ),
        max_size=12,
    ),
    st.sampled_from(SORT_KEYS),
    st.booleans(),
)
def test_every_sort_is_a_permutation(entries, key, reverse):
    result = sort_entries(entries, key, reverse=reverse)
    assert sorted(map(id, result)) == sorted(map(id, entries))


def test_filter_by_category_is_case_insensitive_and_none_selects_uncategorised():
    entries = sample_entries()
    assert hanzi(filter_entries(entries, categories=["Navy"])) == ["直升机护卫舰", "演习"]
    assert hanzi(filter_entries(entries, categories=["none", "politics"])) == ["默许", "北约", "合作"]
    assert filter_entries(entries, categories=[]) == entries


def test_filter_by_an_absent_category_names_the_ones_there():
    with pytest.raises(InputError, match=r"no entries in category 'nvy'.*diplomacy, navy, politics"):
        filter_entries(sample_entries(), categories=["nvy"])


def test_filter_by_source_counts_both_as_either():
    entries = sample_entries()
    assert hanzi(filter_entries(entries, sources=["glossary"])) == ["战略伙伴关系协定", "志同道合", "默许", "直升机护卫舰", "演习"]
    assert hanzi(filter_entries(entries, sources=["article"])) == ["战略伙伴关系协定", "志同道合", "直升机护卫舰", "北约", "合作"]
    assert hanzi(filter_entries(entries, sources=["both"])) == ["战略伙伴关系协定", "志同道合", "直升机护卫舰"]
    with pytest.raises(InputError, match="unknown source"):
        filter_entries(entries, sources=["wiki"])


def test_filter_by_hsk_range_treats_unlisted_words_as_hardest():
    entries = [entry("一", hsk=1), entry("三", hsk=3), entry("六", hsk=6), entry("无")]
    assert hanzi(filter_entries(entries, hsk_min=3)) == ["三", "六", "无"]
    assert hanzi(filter_entries(entries, hsk_max=3)) == ["一", "三"]
    assert hanzi(filter_entries(entries, hsk_min=3, hsk_max=6)) == ["三", "六"]


@pytest.mark.parametrize("bounds", [{"hsk_min": 0}, {"hsk_max": 10}, {"hsk_min": 5, "hsk_max": 2}])
def test_bad_hsk_bounds_are_input_errors(bounds):
    with pytest.raises(InputError, match="HSK"):
        filter_entries(sample_entries(), **bounds)


def test_filters_combine():
    result = filter_entries(sample_entries(), categories=["navy", "diplomacy"], sources=["glossary"], hsk_min=6)
    assert hanzi(result) == ["战略伙伴关系协定", "志同道合", "直升机护卫舰", "演习"]
    result = filter_entries(sample_entries(), categories=["navy", "diplomacy"], hsk_max=6)
    assert hanzi(result) == ["演习"]
