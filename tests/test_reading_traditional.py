"""Traditional-script text: cut where its Simplified form is cut, read through that form,
and kept in its own characters (real jieba and OpenCC throughout)."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashcards.analyse import Analyser
from flashcards.lexicon.script import to_simplified, to_traditional
from flashcards.reading import segmenter
from flashcards.reading.pinyin import PinyinConverter, syllables
from flashcards.reading.segmenter import cut, simplified

EXAMPLE = "近年來大批難民和尋求庇護者坐小艇橫渡英吉利海峽"  # jieba alone: 難 | 民和, 英吉利海 | 峽
EXAMPLE_SIMPLIFIED = "近年来大批难民和寻求庇护者坐小艇横渡英吉利海峡"
SPA = "战略伙伴关系协定"  # a glossary headword (Simplified)
SPA_PINYIN = "zhànlüè huǒbàn guānxì xiédìng"


def lengths(pieces) -> list[int]:
    return [len(p) for p in pieces]


# ── segmentation ──────────────────────────────────────────────────────────────


def test_traditional_example_is_cut_where_its_simplified_form_is():
    assert to_simplified(EXAMPLE) == EXAMPLE_SIMPLIFIED
    pieces = cut(EXAMPLE)
    assert "".join(pieces) == EXAMPLE
    assert lengths(pieces) == lengths(cut(EXAMPLE_SIMPLIFIED))
    assert pieces == ["近年來", "大批", "難民", "和", "尋求", "庇護", "者", "坐", "小艇", "橫渡", "英吉利海峽"]
    assert "民和" not in pieces


def test_a_glossary_word_stays_whole_in_traditional_text():
    for text in ("雙方週一簽署了戰略夥伴關係協定。", "雙方週一簽署了" + to_traditional(SPA) + "。"):
        pieces = cut(text, {SPA, "国防部长"})
        assert "".join(pieces) == text
        assert any(to_simplified(p) == SPA for p in pieces), pieces


def test_mixed_text_round_trips_and_keeps_latin_and_digits():
    text = "北約秘書長於2024年7月9日在華盛頓說：「我們將加強國防（NATO defence, F-35）！」第３次會議。\n"
    pieces = cut(text)
    assert "".join(pieces) == text
    assert lengths(pieces) == lengths(cut(simplified(text)))
    assert "2024" in pieces and "NATO" in pieces and "華盛頓" in pieces


def test_simplified_form_is_one_character_for_one():
    assert simplified(EXAMPLE) == EXAMPLE_SIMPLIFIED
    assert simplified("Hello, NATO 2024") == "Hello, NATO 2024"
    assert segmenter._simplified_char("國") == "国" and segmenter._simplified_char("a") == "a"


def test_simplified_text_with_characters_t2s_would_change_is_left_alone():
    # 於 (a surname), 乾 (乾县) and 菸 are Simplified characters too; 閤 is a variant t2s makes 合
    for text in ("於丹教授在北京说", "乾县位于陕西", "菸农", "北閤景区在山上"):
        assert to_simplified(text) != text
        assert simplified(text) == text
        assert cut(text) == list(segmenter.tokenizer().cut(text, HMM=True))


# ── reading ───────────────────────────────────────────────────────────────────


def test_traditional_text_reads_as_its_simplified_form():
    assert syllables(EXAMPLE) == syllables(EXAMPLE_SIMPLIFIED)
    assert syllables(EXAMPLE)[5:8] == ["nàn", "mín", "hé"]  # not nán Mínhé


def test_taiwan_s_variant_of_the_aspect_particle_reads_as_one():
    """Taiwan writes 着 (the particle "-ing") as 著: 隨著, 接著 read suízhe, jiēzhe; 著名 stays zhùmíng."""
    assert syllables("隨著難民增加，接著發生抗議。")[:2] == ["suí", "zhe"]
    assert syllables("隨著難民增加，接著發生抗議。")[7:9] == ["jiē", "zhe"]
    assert syllables("著名學者說")[0] == "zhù"


def test_a_converted_character_keeps_only_a_reading_of_its_own():
    assert syllables("他的頭髮很長。")[3] == "fà"  # 髮 is never 发 fā
    assert syllables("我們買了一隻貓。")[5] == "zhī"  # 隻 is never 只 zhǐ
    assert syllables("慕璝的弟弟說")[1] == "guī"  # its Simplified form no dictionary reads


def test_glossary_terms_are_read_and_written_as_curated_in_traditional_text():
    reading = ["zhàn", "lüè", "huǒ", "bàn", "guān", "xì", "xié", "dìng"]
    analyser = Analyser(user_words=[SPA], readings={SPA: reading}, written={SPA: SPA_PINYIN})
    (tokens,) = analyser.read(["兩國週一簽署了戰略夥伴關係協定。"])
    assert "".join(t.text for t in tokens) == "兩國週一簽署了戰略夥伴關係協定。"
    term = next(t for t in tokens if t.text == "戰略夥伴關係協定")
    assert term.pinyin == tuple(reading) and term.written == SPA_PINYIN
    assert PinyinConverter(phrases={SPA: reading}).syllables("戰略夥伴關係協定")[:8] == reading


# ── properties ────────────────────────────────────────────────────────────────

SIMPLIFIED_WORDS = ["国防部长", "战略", "伙伴", "关系", "协定", "难民", "寻求", "庇护", "英吉利海峡", "前往",
                    "英国", "之后", "越来越", "军事", "安全", "合作", "发展", "联合", "演习", "导弹", "海军",
                    "总统", "会议", "问题", "经济", "说", "将", "和", "的", "了", "后", "发", "干", "里",
                    "面", "只", "着", "系", "长", "行", SPA]
TRADITIONAL_WORDS = sorted({to_traditional(w) for w in SIMPLIFIED_WORDS} | {"夥伴", "頭髮", "幹部", "乾淨", "裡面"})
OTHER = ["2024", "7", "３", "NATO", "F-35", " ", "，", "。", "「", "」", "（", "）", "、", "!", "\n", "…", "x"]
USER_WORDS = frozenset({SPA, "难民", "国防部长"})

PROFILE = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
simplified_texts = st.lists(st.sampled_from(SIMPLIFIED_WORDS + OTHER), max_size=16).map("".join)
any_texts = st.lists(st.sampled_from(SIMPLIFIED_WORDS + TRADITIONAL_WORDS + OTHER), max_size=16).map("".join)


@PROFILE
@given(text=any_texts, with_words=st.booleans())
def test_pieces_always_concatenate_to_the_text(text, with_words):
    words = USER_WORDS if with_words else frozenset()
    pieces = cut(text, words)
    assert "".join(pieces) == text
    assert all(pieces)
    assert lengths(pieces) == lengths(cut(simplified(text), words))


@PROFILE
@given(text=simplified_texts, with_words=st.booleans())
def test_simplified_text_is_cut_exactly_as_jieba_cuts_it(text, with_words):
    words = USER_WORDS if with_words else frozenset()
    assert simplified(text) == text
    assert cut(text, words) == list(segmenter.tokenizer(words).cut(text, HMM=True))


# ── end to end ────────────────────────────────────────────────────────────────

ARTICLE = """Defence ministers of the two countries signed a strategic partnership agreement on Monday.

兩國國防部長週一簽署了戰略夥伴關係協定。

The number of refugees and migrants crossing the sea by boat keeps rising, and the government has promised to stop the boats.

乘船越過海峽的難民和移民人數不斷增加，政府承諾要阻止船隻。

NATO's secretary general said in Washington on 9 July 2024 that the alliance would strengthen its defence.

北約秘書長於 2024 年 7 月 9 日在華盛頓表示，聯盟將加強國防。
"""
FRAGMENTS = {"民和", "伴關", "防部", "將加"}  # what jieba cut out of this article's Traditional text


def test_a_traditional_article_through_the_cli(tmp_path, run_cli, repo_glossary):
    article = tmp_path / "traditional.txt"
    article.write_text(ARTICLE, encoding="utf-8")

    result = run_cli("sentences", article, "--format", "json", "--glossary", repo_glossary)
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    assert [r["zh"] for r in rows] == [line for line in ARTICLE.splitlines() if "。" in line]
    refugees = next(r for r in rows if "難民" in r["zh"])
    assert "nànmín hé" in refugees["pinyin"] and "Mínhé" not in refugees["pinyin"]

    result = run_cli("vocab", article, "--format", "json", "--glossary", repo_glossary)
    assert result.code == 0, result.err
    entries = json.loads(result.out)
    assert not {e["hanzi"] for e in entries} & FRAGMENTS
    examples = [x["zh"] for e in entries for x in e["examples"]]
    assert examples and all(x in ARTICLE for x in examples)  # in the article's own script

    result = run_cli("pinyin", "--format", "json", "--glossary", repo_glossary, stdin="乘船越過海峽的難民和移民\n")
    assert result.code == 0, result.err
    (line,) = [json.loads(row) for row in result.out.splitlines()]  # one object per input line
    assert "".join(t["text"] for t in line["tokens"]) == "乘船越過海峽的難民和移民"
    assert {"text": "難民", "pinyin": ["nàn", "mín"]} in line["tokens"]
