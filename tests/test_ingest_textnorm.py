"""Decoding, language detection, punctuation and script helpers used by ingest."""

from __future__ import annotations

import codecs

import pytest

from flashcards.errors import InputError
from flashcards.ingest.article import read_article
from flashcards.ingest.html import split_title
from flashcards.ingest.lines import is_furniture, split_mixed
from flashcards.lexicon.script import to_simplified
from flashcards.ingest.textnorm import decode, language, lines_of, normalise_zh_punctuation

TEXT = "Title line\n\n国防部发言人表示，两军保持沟通。\nThe two militaries keep in touch.\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),  # no BOM
        TEXT.encode("utf-16-be"),  # no BOM
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
        TEXT.encode("gb18030"),
        TEXT.replace("\n", "\r\n").encode("gbk"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le", "utf16be", "utf32", "gb18030", "gbk-crlf"],
)
def test_decode_detects_the_encoding(data):
    text = decode(data)
    assert [line for line in lines_of(text) if line] == ["Title line", "国防部发言人表示，两军保持沟通。", "The two militaries keep in touch."]


def test_gb18030_characters_outside_gbk_survive():
    text = "国防部发言人表示，𠮷字和䶮字也能读出。\n" * 3  # 𠮷 needs GB18030's four-byte form
    assert decode(text.encode("gb18030")) == text


def test_big5_traditional_is_decoded():
    text = "國防部發言人表示，兩軍保持溝通管道暢通，並將繼續舉行會談。\n" * 4
    assert decode(text.encode("big5")) == text


@pytest.mark.parametrize("text", ["国防部：", "北约峰会\n", "台湾问题", "南海仲裁案\r\n", "國防部", "國防部發言人表示。"])
@pytest.mark.parametrize("encoding", ["gbk", "big5"])
def test_short_chinese_in_legacy_encodings(text, encoding):
    # short texts fool statistical detectors (GBK often looks Korean to them)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"{text!r} cannot be written in {encoding}")
    assert decode(data) == text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x00\x01\x02\x03\x04\x05" * 50, "binary"),
    ],
)
def test_binary_input_is_an_input_error(tmp_path, data, message):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message) as info:
        read_article(path)
    assert info.value.path == str(path)


def test_language_from_characters():
    assert language("北约(NATO)秘书长表示，将加强合作。") == "zh"
    assert language("In Chinese the slogan is 强军 (a strong military) and it is everywhere.") == "en"
    assert language("2025-01-06 19:40:02") == ""
    assert language("") == ""


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("今年1月1日,日本同欧盟签署协定", "今年1月1日，日本同欧盟签署协定"),
        ("(作者单位:中国国际问题研究院)", "（作者单位：中国国际问题研究院）"),
        ("北约(NATO)成员国;美国", "北约（NATO）成员国；美国"),
        ("发布时间:19:40", "发布时间：19:40"),
        ("金额为1,000美元", "金额为1,000美元"),
        ("这是真的吗?当然.", "这是真的吗？当然。"),
        ("会谈 , 双方同意", "会谈，双方同意"),
    ],
)
def test_chinese_punctuation_normalised(raw, expected):
    assert normalise_zh_punctuation(raw) == expected


def test_to_simplified():
    assert to_simplified("國防部發言人說，兩岸關係") == "国防部发言人说，两岸关系"
    assert to_simplified("Only English") == "Only English"


@pytest.mark.parametrize(
    "line",
    ["Related News", "back", "Share", "Views: 1,024", "阅读次数：88", "返回顶部", "【责任编辑：王芳】", "[Editor: Wang Fang]",
     "Copyright © 2025 Example. All rights reserved.", "© 2025 Example Daily", "Copyright Example Online 2003-2025", "1 2 3 4 Next", ".nav { color: #333; }", "var x = 1;", "12", "|",
     "首页 > 看新闻学英语 > 正文", "Home > Learn English Through News > Article", "Home » World » Asia", "当前位置：首页 > 新闻"],
)
def test_furniture_lines(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "The navy held a drill.", "国防部发言人表示，两军保持沟通。", "Question: Is it true?", "北约",
    "The plan has two parts: training; logistics: supply and repair.",
    "任务有两项:一是训练;二是后勤:保障和维修。",
    "He looked out of the window. The ships had gone.",
    "Copyright law in the region has changed little since the treaty was signed.",
    "Home rule for Scotland was debated again.", "首页上的新闻很多。", "You are here to learn.",
])
def test_content_lines_are_not_furniture(line):
    assert not is_furniture(line)


def test_split_mixed_lines():
    assert split_mixed("The navy held a drill on Monday. 海军周一举行了演习。") == ["The navy held a drill on Monday.", "海军周一举行了演习。"]
    assert split_mixed("The navy held a drill on Monday.\t海军周一举行了演习。") == ["The navy held a drill on Monday.", "海军周一举行了演习。"]
    kept = "北约秘书长吕特(Mark Rutte)表示：“We will stay united.”双方同意加强合作。"
    assert split_mixed(kept) == [kept]
    # decimals are not sentence ends, and a chunk of digits does not start a new language
    decimals = "雷达测得目标距离为12.5公里，误差为0.3公里。速度约为每小时2.8±0.1马赫。随后目标消失。"
    assert split_mixed(decimals) == [decimals]


def test_split_title():
    assert split_title("Defense chiefs hold talks 两国防长举行会谈 - Example Online", "Example Online") == (
        "Defense chiefs hold talks",
        "两国防长举行会谈",
    )
    assert split_title("两国防长举行会谈 | Defense chiefs hold talks") == ("Defense chiefs hold talks", "两国防长举行会谈")
