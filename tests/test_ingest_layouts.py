"""More layouts, written inline: metadata lines, wrapping, order, web-page variants."""

from __future__ import annotations

import warnings

import pytest

from flashcards.errors import InputError
from flashcards.ingest.article import read_article
from flashcards.ingest.text import parse_text

EN = [
    "Military delegations from the two countries concluded three days of talks on Friday and agreed to set up a hotline.",
    "Both sides said the hotline would help prevent misunderstandings during patrols in remote mountain areas.",
    "The next round of talks is expected to take place before the end of the year.",
    "Observers said the agreement was a modest but useful step.",
]
ZH = [
    "两国军事代表团周五结束了为期三天的会谈，同意建立热线。",
    "双方表示，热线将有助于避免在偏远山区巡逻期间产生误解。",
    "下一轮会谈预计将于年底前举行。",
    "观察人士说，这项协议是一个不大但有益的进展。",
]


def pairs(paragraphs):
    return [(p.en, p.zh) for p in paragraphs]


def read(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_article(path)


def test_chinese_label_line_without_separators():
    text = "English title of the talks\n中文会谈标题\n\n来源：中国军网 作者：孙文竹 责任编辑：李佳瑶 2025-01-06 19:40:02\n\n"
    text += "\n\n".join(f"{e}\n{z}" for e, z in zip(EN, ZH))
    meta, paragraphs = parse_text(text)
    assert (meta.source, meta.author_zh, meta.editor, meta.date) == ("中国军网", "孙文竹", "李佳瑶", "2025-01-06 19:40:02")
    assert (meta.title_en, meta.title_zh) == ("English title of the talks", "中文会谈标题")
    assert pairs(paragraphs) == list(zip(EN, ZH))


def test_separate_versions_after_a_title_pair():
    text = "English title of the talks\n中文会谈标题\n\n" + "\n\n".join(EN) + "\n\n" + "\n\n".join(ZH)
    meta, paragraphs = parse_text(text)
    assert meta.title_zh == "中文会谈标题"
    assert pairs(paragraphs) == list(zip(EN, ZH))


def test_chinese_version_first_then_english():
    meta, paragraphs = parse_text("\n".join(ZH) + "\n\n" + "\n".join(EN))
    assert pairs(paragraphs) == list(zip(EN, ZH))


def test_hard_wrapped_lines_are_joined():
    text = (
        "The two navies completed a joint patrol in the gulf on Thursday, the\n"
        "ministry said in a statement, adding that further exercises were planned.\n"
        "两国海军周四在海湾完成联合巡逻，国防部在声明中说，\n"
        "双方还计划举行更多演习。\n\n"
        "Officials said the talks were candid and constructive.\n"
        "官员表示，会谈坦诚而富有建设性。\n"
    )
    _, paragraphs = parse_text(text)
    assert pairs(paragraphs) == [
        ("The two navies completed a joint patrol in the gulf on Thursday, the ministry said in a statement, "
         "adding that further exercises were planned.", "两国海军周四在海湾完成联合巡逻，国防部在声明中说，双方还计划举行更多演习。"),
        ("Officials said the talks were candid and constructive.", "官员表示，会谈坦诚而富有建设性。"),
    ]


def test_chinese_first_with_an_untranslated_note_first():
    text = "编者按：本文为系列评论的第一篇。\n\n" + "\n\n".join(f"{z}\n{e}" for e, z in zip(EN, ZH))
    _, paragraphs = parse_text(text)
    assert pairs(paragraphs) == [("", "编者按：本文为系列评论的第一篇。")] + list(zip(EN, ZH))


def test_chinese_only_article_is_valid(tmp_path):
    article = read(tmp_path, "zh.txt", "\n\n".join(ZH).encode("utf-8"))
    assert [(p.en, p.zh) for p in article.paragraphs] == [("", z) for z in ZH]


def test_a_label_does_not_swallow_a_sentence():
    meta, paragraphs = parse_text("Time\n" + EN[0] + "\n" + ZH[0] + "\n\n" + EN[1] + "\n" + ZH[1])
    assert meta.date == ""
    assert pairs(paragraphs) == list(zip(EN[:2], ZH[:2]))


def test_only_metadata_and_furniture_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no article text"):
        read(tmp_path, "furniture.txt", "来源：中国军网\nShare\n返回顶部\n".encode("utf-8"))


def test_gb2312_page_with_declared_charset_and_furniture(tmp_path):
    html = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{ZH[0][:8]}_中国军网</title></head><body>
<div id="nav"><a href="/">首页</a> | <a href="/a">要闻</a></div>
<div class="content"><div class="info">来源：中国军网 | 作者：王磊 | 2025-07-15 10:00</div>
{"".join(f"<p>{z}</p><p>{e}</p>" for e, z in zip(EN, ZH))}
<p>分享到：微信 微博</p><p>阅读次数：2,345</p></div>
<div class="related"><h3>相关新闻</h3><ul><li>空军举行夜间飞行训练</li><li>海军新型补给舰入列</li></ul></div>
<div class="footer">版权所有 中国军网 京ICP备123号</div></body></html>"""
    article = read(tmp_path, "page.html", html.encode("gb2312"))
    assert (article.metadata.source, article.metadata.author_zh, article.metadata.date) == ("中国军网", "王磊", "2025-07-15 10:00")
    assert pairs(article.paragraphs) == list(zip(EN, ZH))


def test_page_with_a_two_column_table(tmp_path):
    rows = "".join(f"<tr><td>{e}</td><td>{z}</td></tr>" for e, z in zip(EN, ZH))
    html = f"<!doctype html><html><head><title>Talks 会谈</title></head><body><article><h1>Border talks 边境会谈</h1><table>{rows}</table></article></body></html>"
    article = read(tmp_path, "table.htm", html.encode("utf-8"))
    assert (article.metadata.title_en, article.metadata.title_zh) == ("Border talks", "边境会谈")
    assert pairs(article.paragraphs) == list(zip(EN, ZH))


def test_page_detected_by_content_without_html_suffix(tmp_path):
    html = "<!DOCTYPE html><html><body><nav>Home | World</nav><article>" + "".join(
        f"<p>{e}</p><p>{z}</p>" for e, z in zip(EN, ZH)) + "</article><footer>Copyright 2025</footer></body></html>"
    article = read(tmp_path, "saved.txt", html.encode("utf-8"))
    assert pairs(article.paragraphs) == list(zip(EN, ZH))
    assert article.metadata.date == ""  # not guessed from the copyright line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Zhang Wei | China Daily | Updated: 2025-01-06 07:12", ("China Daily", "Zhang Wei", "", "2025-01-06 07:12")),
        ("Xinhua | Updated: 2025-01-06 08:00", ("Xinhua", "", "", "2025-01-06 08:00")),
        ("2025-01-06 19:40 来源：中国军网", ("中国军网", "", "", "2025-01-06 19:40")),
        ("【责任编辑：刘洋】", ("", "", "刘洋", "")),
    ],
)
def test_metadata_line_shapes(line, expected):
    text = f"{line}\n[Photo/Xinhua]\n\n" + "\n\n".join(f"{e}\n{z}" for e, z in zip(EN, ZH))
    meta, paragraphs = parse_text(text)
    assert (meta.source, meta.author, meta.editor, meta.date) == expected
    assert pairs(paragraphs) == list(zip(EN, ZH))


def test_title_pair_chinese_first_above_an_english_first_body():
    text = "中文会谈标题\nEnglish title of the talks\n\n" + "\n\n".join(f"{e}\n{z}" for e, z in zip(EN, ZH))
    meta, paragraphs = parse_text(text)
    assert (meta.title_en, meta.title_zh) == ("English title of the talks", "中文会谈标题")
    assert pairs(paragraphs) == list(zip(EN, ZH))


def test_css_leaked_into_the_text_is_dropped():
    css = ".article p {\n  font-size: 16px;\n  line-height: 1.8;\n}\n@media (max-width: 600px) { .nav { display: none; } }\n"
    meta, paragraphs = parse_text(css + "\n\n".join(f"{e}\n{z}" for e, z in zip(EN, ZH)))
    assert pairs(paragraphs) == list(zip(EN, ZH))


def test_markdown_headings_and_a_related_header_at_the_top():
    text = "Related News\n\n# English title of the talks\n## 中文会谈标题\n\n" + "\n\n".join(f"{e}\n{z}" for e, z in zip(EN, ZH))
    meta, paragraphs = parse_text(text)
    assert (meta.title_en, meta.title_zh) == ("English title of the talks", "中文会谈标题")
    assert pairs(paragraphs) == list(zip(EN, ZH))


def test_pasted_html_fragment_in_a_text_file(tmp_path):
    fragment = "".join(f"<p>{e}</p>\n<p>{z}</p>\n" for e, z in zip(EN, ZH))
    article = read(tmp_path, "pasted.txt", fragment.encode("utf-8"))
    assert pairs(article.paragraphs) == list(zip(EN, ZH))


def test_fallback_text_of_a_page_keeps_blocks_and_drops_furniture():
    from flashcards.ingest.html import _fallback_text

    html = (
        "<html><head><style>.a{color:red}</style><script>var x = 1;</script></head><body>"
        "<div class='top-nav'><a>Home</a><a>World</a></div><div id='share-bar'>Share</div>"
        f"<div class='content'><p>{EN[0]}</p><p>{ZH[0]}<br>{ZH[1]}</p></div>"
        "<div class='related-list'><a>Other story</a></div><footer>Copyright 2025</footer></body></html>"
    )
    lines = [line.strip() for line in _fallback_text(html).splitlines() if line.strip()]
    assert lines == [EN[0], ZH[0], ZH[1]]


def test_long_separate_versions_pair_in_order():
    import random

    rng = random.Random(5)
    english, chinese = [], []
    for _ in range(400):
        picks = rng.sample(range(len(EN)), rng.randint(1, 3))
        english.append(" ".join(EN[k] for k in picks))
        chinese.append("".join(ZH[k] for k in picks))
    _, paragraphs = parse_text("\n\n".join(english) + "\n\n" + "\n\n".join(chinese))
    assert pairs(paragraphs) == list(zip(english, chinese))
