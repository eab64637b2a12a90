"""The small articles under tests/data/articles, one per layout, read into Articles."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from flashcards.ingest.article import read_article, read_separate
from flashcards.ingest.textnorm import has_han, language

DATA = Path(__file__).resolve().parent / "data" / "articles"

# Words that only page furniture or metadata would bring into a paragraph.
FURNITURE = (
    "Related", "Copyright", "rights reserved", "Share", "Views", "Facebook", "Editor", "Source",
    "Updated", "Home", "About us", "责任编辑", "返回顶部", "来源", "发布时间", "pageViews", "{", "}",
    "Air force pilots", "空军飞行员", "Navy commissions",
)


def read(name):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # trafilatura's deprecation chatter
        return read_article(DATA / name)


def assert_clean(article):
    meta = article.metadata
    metadata_values = {v for v in (meta.title_en, meta.title_zh, meta.author, meta.author_zh, meta.date) if v}
    for p in article.paragraphs:
        assert p.en or p.zh
        assert not has_han(p.en), p.en
        assert not p.zh or language(p.zh) == "zh", p.zh
        for word in FURNITURE:
            assert word not in p.en and word not in p.zh, (word, p)
        assert p.en not in metadata_values and p.zh not in metadata_values, p
        assert p.zh_simplified or not p.zh


def test_english_first_with_inline_metadata_and_footer():
    article = read("en-first-naval-rescue-drill.txt")
    meta = article.metadata
    assert (meta.title_en, meta.title_zh) == ("Navies of five nations begin joint rescue drill at sea", "五国海军在海上开始联合救援演练")
    assert (meta.source, meta.date, meta.author, meta.author_zh) == ("China Daily", "2025-03-02 09:15", "Chen Liwei", "陈立伟")
    assert meta.editor == "Wang Fang"  # from the "[Editor: Wang Fang]" line at the end
    assert len(article.paragraphs) == 4
    third = article.paragraphs[2]
    assert third.en.startswith("A senior officer said")
    # ASCII commas next to Han characters become full-width; English keeps its own
    assert third.zh == "一名高级军官表示，此次演习不针对任何第三方，并向周边国家观察员开放。"
    assert "exercise, the organisers said" in article.paragraphs[0].en
    assert_clean(article)


def test_chinese_first_question_and_answer():
    article = read("zh-first-defense-qa.txt")
    meta = article.metadata
    assert meta.title_zh == "国防部例行记者会答问摘要"
    assert meta.title_en.startswith("Excerpts from the regular press conference")
    assert (meta.source, meta.date, meta.editor) == ("国防部网", "2025-02-27 17:30", "刘洋")
    pairs = [(p.en.split(":")[0], p.zh.split("：")[0]) for p in article.paragraphs]
    assert pairs == [("Question", "记者"), ("Spokesperson", "发言人")] * 3
    # a speaker label alone on its line joins the text it introduces
    second_question = article.paragraphs[2]
    assert second_question.zh == "记者：中方将派哪些部队参加今年的联合国维和行动？"
    assert second_question.en == "Question: Which units will China send to this year's UN peacekeeping operations?"
    assert_clean(article)


def test_separate_versions_in_one_file():
    article = read("separate-versions-border-talks.txt")
    meta = article.metadata
    assert (meta.title_en, meta.title_zh) == ("Border talks end with agreement on new hotline", "边境会谈结束 双方同意建立新热线")
    assert meta.date == "2025-04-18"
    assert [(p.en[:12], p.zh[:6]) for p in article.paragraphs] == [
        ("Military del", "两国军事代表"),
        ("Both sides s", "双方表示，热"),
        ("The next rou", "下一轮会谈预"),
    ]
    assert_clean(article)


def test_separate_versions_in_two_files_with_a_split_paragraph():
    article = read_separate(DATA / "two-files-carrier-en.txt", DATA / "two-files-carrier-zh.txt")
    meta = article.metadata
    assert article.slug == "two-files-carrier"
    assert (meta.title_en, meta.title_zh) == ("Carrier group returns after ten-week training voyage", "航母编队结束十周远海训练返港")
    assert (meta.author, meta.author_zh) == ("Zhao Ming", "赵明")
    first, *rest = article.paragraphs
    # the translator made two paragraphs of the first English one
    assert first.zh == "航空母舰编队于周二返回母港，结束了为期十周的远海航行。航行期间，舰载机飞行员昼夜出动四百余架次。"
    assert [p.en[:10] for p in rest] == ["Crew membe", "The comman"]
    assert [p.zh[:4] for p in rest] == ["舰员们演", "指挥员表"]
    assert_clean(article)


def test_saved_web_page_without_its_furniture():
    article = read("saved-page-militaries-dialogue.html")
    meta = article.metadata
    assert (meta.title_en, meta.title_zh) == ("Defense chiefs hold video call on crisis communication", "两国防长视频通话讨论危机沟通")
    assert (meta.source, meta.editor, meta.date) == ("Example Military Online", "Zhou Min", "2025-05-12 16:20")
    assert meta.author == "Huang Jie"
    assert meta.url == "https://military.example.com/2025-05/12/content_1234.htm"
    assert len(article.paragraphs) == 3
    assert article.paragraphs[1].zh.startswith("双方同意，两军应保持沟通渠道畅通")
    assert article.paragraphs[1].en.startswith("They agreed that the two militaries")
    assert_clean(article)


def test_gbk_with_crlf():
    raw = (DATA / "gbk-crlf-peacekeeping-roads.txt").read_bytes()
    assert b"\r\n" in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    article = read("gbk-crlf-peacekeeping-roads.txt")
    meta = article.metadata
    assert (meta.title_zh, meta.author, meta.author_zh) == ("维和部队完成雨季道路抢修任务", "Li Haiyan", "李海燕")
    assert [p.zh[:6] for p in article.paragraphs] == ["中国维和工兵", "分队官兵克服", "当地居民说，"]
    assert article.paragraphs[2].en.startswith("Local residents said")
    assert all("\r" not in p.en + p.zh for p in article.paragraphs)
    assert_clean(article)


def test_traditional_script_kept_with_a_simplified_copy():
    assert (DATA / "traditional-utf16-strait-transit.txt").read_bytes()[:2] == b"\xff\xfe"
    article = read("traditional-utf16-strait-transit.txt")
    assert article.metadata.title_zh == "國防部回應外國軍艦過航海峽"
    first = article.paragraphs[0]
    assert first.zh.startswith("國防部發言人表示，軍方全程跟蹤監視")
    assert first.zh_simplified.startswith("国防部发言人表示，军方全程跟踪监视")
    assert first.en.startswith("A spokesperson for the Ministry of National Defense")
    assert len(article.paragraphs) == 3
    assert_clean(article)


def test_paragraphs_missing_their_translation():
    article = read("missing-translation-cyber-forum.txt")
    shape = [(bool(p.en), bool(p.zh)) for p in article.paragraphs]
    assert shape == [(True, True), (True, True), (True, False), (True, True), (False, True)]
    assert article.paragraphs[2].en.startswith("The forum was first held in 2019")
    assert article.paragraphs[3].zh.startswith("与会者一致认为")
    assert article.paragraphs[4].zh == "（本文根据论坛发言整理，部分内容有删节。）"
    assert_clean(article)


def test_a_json_file_of_sentence_pairs_is_read_as_its_pairs(tmp_path):
    """Bilingual corpora give articles as [{"zh": ..., "en": ...}, ...]: each pair is a
    paragraph pair, in order; the keys and quotes are no part of the text."""
    import json

    pairs = [{"zh": "海军周一举行了联合演习。", "en": "The navy held a joint exercise on Monday."},
             {"zh": "空军派出战斗机参加演习。", "en": "The air force sent fighter jets to the drill."},
             {"zh": "演习持续了两天。", "en": "It lasted two days."}]
    path = tmp_path / "drill.pairs.json"
    path.write_text(json.dumps(pairs, ensure_ascii=False, indent=1), encoding="utf-8")
    article = read_article(path)
    zh = "".join(p.zh for p in article.paragraphs)
    en = " ".join(p.en for p in article.paragraphs)
    assert "空军派出战斗机参加演习。" in zh and "The air force sent fighter jets to the drill." in en
    assert '"zh"' not in zh + en and "{" not in zh + en
    assert zh.index("海军") < zh.index("空军") < zh.index("两天")  # in the file's order
