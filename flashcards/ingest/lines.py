"""Line-level recognition for ingest: metadata labels and values, bylines, dates,
page furniture, and lines that hold both languages.

Each function looks at one line (or one value) and knows nothing about the
article around it; :mod:`flashcards.ingest.text` decides what to do with them.
"""

from __future__ import annotations

import re

from flashcards.ingest import textnorm
from flashcards.ingest.textnorm import language

# ---------------------------------------------------------------- metadata lines

_LABELS = {
    "source": r"source|稿源|来源|來源|出处|出處",
    "editor": r"(?:chief |executive )?editors?|责任编辑|責任編輯|责编|責編|编辑|編輯|编审|編審",
    "date": r"time|date|updated|published|release(?:d| time)?|publish(?:ed)? (?:time|date)|"
    r"时间|時間|日期|发布时间|發佈時間|發布時間|发布日期|发布|發布|更新时间|更新時間",
    "author": r"author|writer|reporter|written by|作者|撰稿|撰文",
    "url": r"url|link|web ?address|原文链接|原文鏈接|链接|鏈接|网址|網址",
    "title": r"title|headline|标题|標題",
}
_LABEL_RE = {key: re.compile(rf"^(?:{pat})\s*(?:[:：]\s*(.*))?$", re.I) for key, pat in _LABELS.items()}
URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
DATE = re.compile(
    r"^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{4}年\d{1,2}月\d{1,2}日(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}(?: \d{1,2}:\d{2})?"
    r"|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]* \d{4})$",
    re.I,
)
BYLINE_EN = re.compile(r"^By\s+([A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|and|&))*)\s*(?:[,|(].{0,60})?$")
NAME_LINE = re.compile(r"^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{1,6}[·•・][\u4e00-\u9fff·•・]{1,10}$")
_NAME_ZH = r"[\u4e00-\u9fff·•・]{2,12}(?:[ 、，,][\u4e00-\u9fff·•・]{2,12}){0,3}"
BYLINE_ZH = re.compile(rf"^(?:(?:本报|本网|新华社|中国军网)?(?:特约)?记者\s*|文\s*[/|｜]\s*|■\s*|作者\s*)?({_NAME_ZH})$")
METADATA_VALUE_MAX = 120


def plausible(key: str, value: str) -> bool:
    """Whether ``value`` can be the ``key`` of an article rather than a sentence."""
    if key == "date":
        return len(value) <= 40 and any(c.isdigit() for c in value)
    if key == "url":
        return bool(URL.match(value))
    if key == "title":
        return len(value) <= METADATA_VALUE_MAX
    return len(value) <= 60 and len(value.split()) <= 8 and not re.search(r"[。！？!?]|\.$", value)


_BRACKETED = re.compile(r"^[\[【(（](.*)[\]】)）]$")


def label(line: str) -> tuple[str, str | None] | None:
    """``(key, value)`` if ``line`` is a metadata label (value None: on the next line)."""
    if len(line) > METADATA_VALUE_MAX:
        return None
    bracketed = _BRACKETED.match(line)  # "[Editor: Wang Fang]", "【责任编辑：刘洋】"
    line = bracketed.group(1).strip() if bracketed else line
    for key, pattern in _LABEL_RE.items():
        m = pattern.match(line)
        if m:
            value = (m.group(1) or "").strip() or None
            if value is not None and not plausible(key, value):
                return None
            return key, value
    return None


_ANY_LABEL = re.compile(r"(?:^|(?<=\s))(?:" + "|".join(_LABELS.values()) + r")\s*[:：]", re.I)
_TRAILING_DATE = re.compile(r"\s+(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)$")


def segments(line: str) -> list[tuple[str, str | None]] | None:
    """A line of several metadata items -> [(key, value), ...], or None unless
    every part is metadata: ``Source: X | Updated: Y``, ``来源：X 作者：Y 2025-01-06``,
    ``By Zhang Wei | China Daily | Updated: 2025-01-06 07:12`` (a bare short part
    beside labelled ones is the source)."""
    if len(line) > 2 * METADATA_VALUE_MAX:
        return None
    parts = [p for p in re.split(r"\s*[|｜]\s*|\s{3,}", line) if p]
    if len(parts) < 2:
        starts = [m.start() for m in _ANY_LABEL.finditer(line)]
        if starts and starts[0] and DATE.match(line[:starts[0]].strip()):
            starts.insert(0, 0)  # "2025-01-06 19:40 来源：中国军网"
        if len(starts) < 2 or starts[0] != 0:
            return None
        parts = [line[a:b].strip() for a, b in zip(starts, starts[1:] + [len(line)])]
        m = _TRAILING_DATE.search(parts[-1])
        if m:
            parts[-1:] = [parts[-1][:m.start()], m.group(1)]
    found: list[tuple[str, str | None]] = []
    bare: list[str] = []
    for part in parts:
        hit = label(part)
        byline = BYLINE_EN.match(part)
        if hit and hit[1]:
            found.append(hit)
        elif DATE.match(part):
            found.append(("date", part))
        elif byline:
            found.append(("author", byline.group(1)))
        elif len(part.split()) <= 4 and len(part) <= 30 and language(part):
            bare.append(part)
        else:
            return None
    if not found or len(bare) > 1:
        return None
    return found + [("source", part) for part in bare]


# ---------------------------------------------------------------- furniture

_FURNITURE = re.compile(
    r"^(?:back|back to top|top|home|print|close|share|share to|share this|email|e-mail|facebook|twitter|x|"
    r"linkedin|wechat|weibo|whatsapp|reddit|copy link|comments?|like|next|previous|prev|more|read more|"
    r"font size|large|medium|small|a\s*a\s*a|\+1|"
    r"返回|返回顶部|返回頂部|顶部|首页|首頁|打印|关闭|關閉|分享|分享到|微信|微博|朋友圈|qq空间|QQ空間|"
    r"扫一扫|掃一掃|收藏|点赞|點讚|评论|評論|纠错|糾錯|上一篇|下一篇|更多|字号|字號|大|中|小|"
    r"(?:share|分享到?|字号|字號|font size)\s*[:：].*|"
    r"[\[【(（]\s*(?:editor|责任编辑|責任編輯|编辑|編輯|纠错|糾錯|photo|photos|file photo|video|图|圖|图片|圖片|视频|視頻)[^\]】)）]*[\]】)）]|"
    r"(?:views?|reads?|clicks?|comments?|likes?|shares?)\s*[:：]?\s*\d[\d,]*|\d[\d,]*\s*(?:views?|reads?|comments?|likes?|shares?)|"
    r"(?:阅读|閱讀|浏览|瀏覽|点击|點擊|阅读量|阅读数|浏览次数|点击数|评论数)[量数數次]*\s*[:：]?\s*\d[\d,]*|"
    r"(?:copyright\s*)?(?:copyright|©|\(c\))\s*(?:[\w.\- ]{0,40}?\s)?(?:19|20)\d\d\b.{0,150}|.*all rights reserved.*|.*版权所有.*|.*版權所有.*|.*icp备.*|.*ICP證.*|"
    r"(?:当前位置|您的位置|you are here)\s*[:：].*|(?:home|首页|首頁|主页)\s*(?:[>»›/|]\s*[^>»›/|]+?\s*){1,6}|"  # breadcrumbs
    r"page \d+ of \d+|第\s*\d+\s*页|[\d\s|<>«»‹›]+|(?:\d+\s*){2,}(?:next|下一页)?)$",
    re.I,
)
RELATED = re.compile(
    r"^(?:related(?: news| articles| stories| reading| content)?|more (?:news|stories|from .*)|"
    r"recommended(?: reading)?|you may also like|read also|see also|editor'?s picks?|latest news|"
    r"相关新闻|相關新聞|相关阅读|相關閱讀|相关文章|相關文章|相关报道|相關報道|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|热点新闻|熱點新聞|"
    r"精彩推荐|精彩推薦|猜你喜欢|猜你喜歡|往期回顾|往期回顧)\s*[:：]?$",
    re.I,
)
# Leaked style sheets and scripts (checked on lines without Chinese only).
_CODE = re.compile(
    r"^\s*[@.#]?[\w\-\s,.#:>\[\]=\"'*()]*\{[^{}]*\}?\s*$"  # "selector {" or "selector { rule; }"
    r"|^\s*\}\s*$"
    r"|^@(?:media|import|font-face|keyframes|charset|supports)\b"
    r"|\{[^{}]*:[^{}]*;[^{}]*\}"  # a rule body anywhere on the line
    r"|^(?:\s*[a-z\-]+\s*:\s*[^;{}]+;)+\s*$"  # "font-size: 16px;" lines
    r"|\b(?:function\s*\(|var\s+\w+\s*=|document\.\w|window\.\w|\$\(|googletag|adsbygoogle)"
)


def is_furniture(line: str) -> bool:
    """True for page furniture: navigation, share buttons, counters, footers, code."""
    if _FURNITURE.match(line) or RELATED.match(line) or (not textnorm.has_han(line) and _CODE.search(line)):
        return True
    return language(line) == ""  # only digits and symbols


# ---------------------------------------------------------------- mixed lines

TERMINAL = re.compile(r"[.!?。！？…:：;；\"”’』」)）]$")


_SENTENCE_END = re.compile(r"(?:[.!?。！？…](?![0-9]))+[\"”’』」)）]*\s*")
_SEPARATOR = re.compile(r"\t+|\s+[|｜]\s+|\s*｜\s*")
LABEL_ONLY = re.compile(r"^.{1,15}[:：]$")


def _substantial(text: str) -> bool:
    return textnorm.han_count(text) >= 4 or textnorm.latin_word_count(text) >= 4


_EN_THEN_ZH = re.compile(r"^([A-Za-z0-9][^\u3400-\u9fff]*?)\s*([\u3400-\u9fff][^A-Za-z]*)$")
_ZH_THEN_EN = re.compile(r"^([\u3400-\u9fff][^A-Za-z]*?)\s*([A-Za-z][^\u3400-\u9fff]*)$")


def split_by_script(text: str) -> list[str]:
    """``English words 中文`` (either order) as two pieces, as bilingual headlines
    are written; other text whole."""
    for pattern in (_EN_THEN_ZH, _ZH_THEN_EN):
        m = pattern.match(text)
        if m:
            pieces = [m.group(1).strip(), m.group(2).strip()]
            if all(language(p) for p in pieces) and min(textnorm.latin_word_count(text), textnorm.han_count(text)) >= 2:
                return pieces
    return [text]


def split_mixed(line: str) -> list[str]:
    """A line holding both languages (``EN | ZH`` table cells, or an English sentence
    followed by its Chinese translation) cut into one piece per language.

    Only cut between sentences or at a column separator, and only when every piece
    is substantial, so a Chinese sentence quoting an English name stays whole."""
    pieces = [p.strip(" |｜") for p in _SEPARATOR.split(line) if p.strip(" |｜")]
    if len(pieces) > 1 and len({language(p) for p in pieces} - {""}) > 1:
        return [q for p in pieces for q in split_mixed(p.strip())]
    line = pieces[0] if len(pieces) == 1 else line
    ends = [m.end() for m in _SENTENCE_END.finditer(line)]
    chunks = [line[a:b] for a, b in zip([0] + ends, ends + [len(line)]) if line[a:b]]
    if len(chunks) < 2:
        return split_by_script(line) if len(line) <= METADATA_VALUE_MAX and not TERMINAL.search(line) else [line]
    groups: list[tuple[str, list[str]]] = []  # (language, chunks)
    for chunk in chunks:
        lang = language(chunk)
        if groups and (groups[-1][0] == lang or not lang):
            groups[-1][1].append(chunk)
        else:
            groups.append((lang, [chunk]))
    texts = ["".join(g).strip() for _, g in groups]
    if len(texts) < 2 or not all(_substantial(t) for t in texts):
        return [line]
    return texts



def put_metadata(meta: dict[str, str], key: str, value: str) -> None:
    value = value.strip()
    if key == "author":
        key = "author" if language(value) != "zh" else "author_zh"
        m = BYLINE_EN.match(value)
        value = m.group(1) if m else value
    if key == "title":
        key = "title_en" if language(value) != "zh" else "title_zh"
    if key == "url" and not URL.match(value):
        return
    meta.setdefault(key, value)

