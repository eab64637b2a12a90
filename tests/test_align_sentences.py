"""Sentence splitting: English with pysbd, Chinese by rule, Chinese clauses on ；."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from flashcards.align.sentences import split_en, split_zh, split_zh_clauses


def _squash(text: str) -> str:
    return "".join(text.split())


def test_english_minds_abbreviations_and_percentages():
    text = 'The U.S. and Dr. Smith said GDP rose 1.5% in 2024. Then they left. "2+2" talks began.'
    assert split_en(text) == [
        "The U.S. and Dr. Smith said GDP rose 1.5% in 2024.",
        "Then they left.",
        '"2+2" talks began.',
    ]


def test_english_keeps_closing_quote_with_its_sentence():
    assert split_en('He said "we will win." She laughed.') == ['He said "we will win."', "She laughed."]


def test_chinese_splits_on_full_stops_and_keeps_closing_quotes():
    text = "他说：“好吧。”然后走了！真的吗？（完）"
    assert split_zh(text) == ["他说：“好吧。”", "然后走了！", "真的吗？", "（完）"]


def test_chinese_keeps_decimals_and_latin_tokens_whole():
    text = "预算提升至2.5%。建立“2+2”机制,与NATO合作。"
    assert split_zh(text) == ["预算提升至2.5%。", "建立“2+2”机制,与NATO合作。"]


def test_chinese_ascii_punctuation_after_han():
    assert split_zh("日本宣布增加预算.北约表示欢迎!") == ["日本宣布增加预算.", "北约表示欢迎!"]


def test_chinese_ellipsis_ends_a_sentence_before_a_closing_quote():
    assert split_zh("“我不知道……”他走了。") == ["“我不知道……”", "他走了。"]


def test_clauses_split_after_semicolons_of_both_widths():
    sentence = "7月,举行联合演习;8月,派出护卫舰；9月,首次举行演习。"
    assert split_zh_clauses(sentence) == ["7月,举行联合演习;", "8月,派出护卫舰；", "9月,首次举行演习。"]


def test_punctuation_cut_off_goes_back_to_its_sentence():
    # pysbd cuts a closing quote off after the stop; a quote or a 。 left on its own
    assert split_en('It is right that he was punished. " The court will rule.') == [
        'It is right that he was punished."', "The court will rule."]  # fmt: skip
    assert split_en('She may go home if she wishes. "') == ['She may go home if she wishes."']
    assert split_zh("他受到了惩罚。\n”\n法院将宣判。") == ["他受到了惩罚。”", "法院将宣判。"]
    assert split_zh("他们高呼“打倒独裁者！”。周六举行集会。") == ["他们高呼“打倒独裁者！”。", "周六举行集会。"]
    # an opening quote on a line of its own joins the sentence it opens; quotes that open stay
    assert split_zh("“\n我们准备好了。") == ["“我们准备好了。"]
    assert split_en('He said "yes" and left. "Go," she said.') == ['He said "yes" and left.', '"Go," she said.']


def test_no_sentence_pair_of_punctuation_only():
    from flashcards.align.beads import align_paragraphs
    from flashcards.model import Paragraph

    en = 'He used public money, and it is right that he has been punished. "\nThe court will publish the ruling next week.'
    zh = "他挪用了公款，受到惩罚是理所应当的。\n”\n法院将于下周公布判决书。"
    pairs = align_paragraphs([Paragraph(en, zh, zh)])
    assert [(p.zh, p.en) for p in pairs] == [
        ("他挪用了公款，受到惩罚是理所应当的。”", 'He used public money, and it is right that he has been punished."'),
        ("法院将于下周公布判决书。", "The court will publish the ruling next week."),
    ]
    assert align_paragraphs([Paragraph('"', "”", "”")]) == []  # nothing to read: no pair


def test_empty_and_blank_text():
    assert split_en("") == [] and split_zh("   \n ") == [] and split_zh_clauses("") == []


def test_line_breaks_end_sentences():
    assert split_zh("第一行\n第二行。") == ["第一行", "第二行。"]


_ZH_TEXT = st.text(alphabet=list("中国日本军事合作。！？…“”‘’（）()；;,.，：:!?1.5%+ \nAB"), max_size=60)
_EN_TEXT = st.text(alphabet=list("abc XYZ.?!\"'();:,%+12\n"), max_size=80)


@settings(max_examples=200, deadline=None)
@given(_ZH_TEXT)
def test_chinese_splitting_never_loses_a_character(text):
    pieces = split_zh(text)
    assert _squash("".join(pieces)) == _squash(text)
    assert all(p == p.strip() and p for p in pieces)
    for piece in pieces:
        assert _squash("".join(split_zh_clauses(piece))) == _squash(piece)


@settings(max_examples=150, deadline=None)
@given(_EN_TEXT)
def test_english_splitting_never_loses_a_character(text):
    pieces = split_en(text)
    assert _squash("".join(pieces)) == _squash(text)
    assert all(p == p.strip() and p for p in pieces)
