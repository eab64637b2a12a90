"""Layout parsing: plain article text -> metadata + (English, Chinese) paragraph pairs.

Works for every layout users paste: paragraphs interleaved English-first or
Chinese-first, a paragraph now and then without its translation, or the whole
English version followed by the whole Chinese one. The language of each block is
read from its characters (:func:`flashcards.textnorm.language`), never from its
position; the pairing then follows the runs of same-language blocks and, inside a
run, a small length-based alignment (Gale–Church style) at paragraph level.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from flashcards import textnorm
from flashcards.model import Metadata, Paragraph
from flashcards.textnorm import language


@dataclass(frozen=True)
class Unit:
    """A block of one language: one paragraph, or a line of furniture/metadata."""

    text: str
    lang: str  # "en" | "zh"
    line: int  # 1-based line of its first line in the input


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
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_DATE = re.compile(
    r"^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{4}年\d{1,2}月\d{1,2}日(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}(?: \d{1,2}:\d{2})?"
    r"|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]* \d{4})$",
    re.I,
)
_BYLINE_EN = re.compile(r"^By\s+([A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|and|&))*)\s*(?:[,|(].{0,60})?$")
_NAME_ZH = r"[\u4e00-\u9fff·]{2,6}(?:[ 、，,][\u4e00-\u9fff·]{2,6}){0,3}"
_BYLINE_ZH = re.compile(rf"^(?:(?:本报|本网|新华社|中国军网)?(?:特约)?记者\s*|文\s*[/|｜]\s*|■\s*|作者\s*)?({_NAME_ZH})$")
_METADATA_VALUE_MAX = 120


def _label(line: str) -> tuple[str, str | None] | None:
    """``(key, value)`` if ``line`` is a metadata label (value None: on the next line)."""
    if len(line) > _METADATA_VALUE_MAX:
        return None
    for key, pattern in _LABEL_RE.items():
        m = pattern.match(line)
        if m:
            value = (m.group(1) or "").strip() or None
            return key, value
    return None


def _segments(line: str) -> list[tuple[str, str | None]] | None:
    """``Source: X | Updated: Y`` -> [(source, X), (date, Y)], or None if not all labels."""
    parts = [p for p in re.split(r"\s*[|｜]\s*|\s{3,}", line) if p]
    if len(parts) < 2:
        return None
    found = []
    for part in parts:
        hit = _label(part)
        if hit and hit[1]:
            found.append(hit)
        elif _DATE.match(part):
            found.append(("date", part))
        else:
            return None
    return found


# ---------------------------------------------------------------- furniture

_FURNITURE = re.compile(
    r"^(?:back|back to top|top|home|print|close|share|share to|share this|email|e-mail|facebook|twitter|x|"
    r"linkedin|wechat|weibo|whatsapp|reddit|copy link|comments?|like|next|previous|prev|more|read more|"
    r"font size|large|medium|small|a\s*a\s*a|\+1|"
    r"返回|返回顶部|返回頂部|顶部|首页|首頁|打印|关闭|關閉|分享|分享到|微信|微博|朋友圈|qq空间|QQ空間|"
    r"扫一扫|掃一掃|收藏|点赞|點讚|评论|評論|纠错|糾錯|上一篇|下一篇|更多|字号|字號|大|中|小|"
    r"(?:share|分享到?|字号|字號|font size)\s*[:：].*|"
    r"[\[【(（]\s*(?:editor|责任编辑|責任編輯|编辑|編輯|纠错|糾錯)[^\]】)）]*[\]】)）]|"
    r"(?:views?|reads?|clicks?|comments?|likes?|shares?)\s*[:：]?\s*\d[\d,]*|\d[\d,]*\s*(?:views?|reads?|comments?|likes?|shares?)|"
    r"(?:阅读|閱讀|浏览|瀏覽|点击|點擊|阅读量|阅读数|浏览次数|点击数|评论数)[量数數次]*\s*[:：]?\s*\d[\d,]*|"
    r"(?:copyright|©|\(c\)).*|.*all rights reserved.*|.*版权所有.*|.*版權所有.*|.*icp备.*|.*ICP證.*|"
    r"page \d+ of \d+|第\s*\d+\s*页|[\d\s|<>«»‹›]+|(?:\d+\s*){2,}(?:next|下一页)?)$",
    re.I,
)
_RELATED = re.compile(
    r"^(?:related(?: news| articles| stories| reading| content)?|more (?:news|stories|from .*)|"
    r"recommended(?: reading)?|you may also like|read also|see also|editor'?s picks?|latest news|"
    r"相关新闻|相關新聞|相关阅读|相關閱讀|相关文章|相關文章|相关报道|相關報道|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|热点新闻|熱點新聞|"
    r"精彩推荐|精彩推薦|猜你喜欢|猜你喜歡|往期回顾|往期回顧)\s*[:：]?$",
    re.I,
)
_CODE = re.compile(
    r"(?:^[@.#]?[\w\-\s,.#:>\[\]=\"'*]*\{[^{}]*\}?\s*$|^\s*\}\s*$|[\w\-]+\s*:\s*[^;{}]+;\s*[\w\-]+\s*:|"
    r"\b(?:function\s*\(|var\s+\w+\s*=|document\.\w|window\.\w|\$\(|googletag|adsbygoogle))"
)


def is_furniture(line: str) -> bool:
    """True for page furniture: navigation, share buttons, counters, footers, code."""
    if _FURNITURE.match(line) or _CODE.search(line):
        return True
    return language(line) == ""  # only digits and symbols


# ---------------------------------------------------------------- lines -> units

_TERMINAL = re.compile(r"[.!?。！？…:：;；\"”’』」)）]$")


def _meta_and_units(lines: list[str]) -> tuple[dict[str, str], list[Unit]]:
    """Take the metadata and furniture lines out; join wrapped lines into units."""
    meta: dict[str, str] = {}
    units: list[Unit] = []
    byline_at = -100
    seen_body = False
    joinable = False  # the previous line is a content line the next may continue
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line:
            joinable = False
            continue
        if seen_body and _RELATED.match(line):
            break  # a list of other articles' headlines follows
        hit = _label(line)
        pairs = [hit] if hit else _segments(line)
        if pairs:
            for key, value in pairs:
                if value is None and i < len(lines) and lines[i] and len(lines[i]) <= _METADATA_VALUE_MAX \
                        and not _label(lines[i]) and (_DATE.match(lines[i]) or not is_furniture(lines[i])):
                    value = lines[i]
                    i += 1
                if value:
                    _put(meta, key, value)
            joinable = False
            continue
        if is_furniture(line):
            joinable = False
            continue
        m = _BYLINE_EN.match(line)
        if m and len(line) <= 80:
            meta.setdefault("author", m.group(1).strip())
            last = units[-1] if units else None
            if last and i - last.line <= 3 and _BYLINE_ZH.match(last.text) and "author_zh" not in meta:
                meta["author_zh"] = _BYLINE_ZH.match(last.text).group(1)
                units.pop()  # the Chinese byline came first
            byline_at = i
            joinable = False
            continue
        if _URL.match(line):
            meta.setdefault("url", line)
            continue
        if _DATE.match(line):
            meta.setdefault("date", line)
            continue
        m = _BYLINE_ZH.match(line)
        if m and not seen_body and (abs(i - byline_at) <= 3 or line != m.group(1)):
            meta.setdefault("author_zh", m.group(1).strip())
            continue
        lang = language(line)
        if joinable and units and units[-1].lang == lang and not _TERMINAL.search(units[-1].text):
            sep = " " if lang == "en" else ""
            units[-1] = replace(units[-1], text=units[-1].text + sep + line)
        else:
            units.append(Unit(line, lang, i))
            # a short line (title, label) is whole; a long one may be hard-wrapped
            seen_body = seen_body or len(units) > 2
        joinable = len(line) >= (40 if lang == "en" else 15)
    return meta, [replace(u, lang=language(u.text)) for u in units]


def _put(meta: dict[str, str], key: str, value: str) -> None:
    value = value.strip()
    if key == "author":
        key = "author" if language(value) != "zh" else "author_zh"
        m = _BYLINE_EN.match(value)
        value = m.group(1) if m else value
    if key == "title":
        key = "title_en" if language(value) != "zh" else "title_zh"
    if key == "url" and not _URL.match(value):
        return
    meta.setdefault(key, value)


# ---------------------------------------------------------------- pairing

_INDEL = {"interleaved": 2.5, "separate": 3.0}
_MERGE = {"interleaved": 3.0, "separate": 1.5}
_RATIO_WEIGHT = 4.0
_SMOOTH = 12  # characters added to both sides so short blocks are not over-judged


def _size(text: str) -> int:
    return sum(1 for c in text if not c.isspace())


def _ratio_cost(en: list[str], zh: list[str], ratio: float) -> float:
    le = sum(_size(t) for t in en) + _SMOOTH
    lz = sum(_size(t) for t in zh) * ratio + _SMOOTH
    return _RATIO_WEIGHT * math.log(le / lz) ** 2


def _align(en: list[str], zh: list[str], ratio: float, style: str) -> tuple[float, list[Paragraph]]:
    """Best paragraph alignment of two same-language runs: 1-1, 1-0, 0-1, 2-1, 1-2."""
    inf = float("inf")
    n, m = len(en), len(zh)
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    moves = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))
    for i in range(n + 1):
        for j in range(m + 1):
            if cost[i][j] == inf:
                continue
            for di, dj in moves:
                a, b = i + di, j + dj
                if a > n or b > m:
                    continue
                if di and dj:
                    step = _ratio_cost(en[i:a], zh[j:b], ratio) + (_MERGE[style] if di + dj > 2 else 0.0)
                else:
                    step = _INDEL[style]
                if cost[i][j] + step < cost[a][b]:
                    cost[a][b] = cost[i][j] + step
                    back[a][b] = (di, dj)
    pairs: list[Paragraph] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        pairs.append(Paragraph(" ".join(en[i - di:i]), "".join(zh[j - dj:j])))
        i, j = i - di, j - dj
    return cost[n][m], pairs[::-1]


def _runs(units: list[Unit]) -> list[list[Unit]]:
    runs: list[list[Unit]] = []
    for unit in units:
        if runs and runs[-1][0].lang == unit.lang:
            runs[-1].append(unit)
        else:
            runs.append([unit])
    return runs


def pair_units(units: list[Unit]) -> list[Paragraph]:
    """Pair English and Chinese units into paragraphs, in document order.

    Neighbouring runs of the two languages are translations of each other; which
    run goes with which (does the article start with English or with Chinese, or
    with a block whose translation is missing?) is settled by trying both and
    keeping the pairing whose lengths agree best.
    """
    runs = _runs(units)
    if not runs:
        return []
    en_total = sum(_size(u.text) for u in units if u.lang == "en")
    zh_total = sum(_size(u.text) for u in units if u.lang == "zh")
    ratio = min(5.0, max(1.5, en_total / zh_total)) if en_total and zh_total else 3.0
    style = "interleaved" if len(runs) > 3 else "separate"
    best: tuple[float, list[Paragraph]] | None = None
    for offset in (0, 1):
        groups = [runs[:offset]] if offset else []
        groups += [runs[k:k + 2] for k in range(offset, len(runs), 2)]
        total, paragraphs = 0.0, []
        for group in groups:
            if not group:
                continue
            en = [u.text for run in group for u in run if u.lang == "en"]
            zh = [u.text for run in group for u in run if u.lang == "zh"]
            cost, pairs = _align(en, zh, ratio, style)
            total += cost
            paragraphs += pairs
        if best is None or total < best[0] - 1e-9:
            best = (total, paragraphs)
    assert best is not None
    return best[1]


# ---------------------------------------------------------------- titles

_SPEAKER = re.compile(r"^[^\s:：]{1,20}\s?[:：]")


def _title_like(text: str, lang: str) -> bool:
    if not text:
        return True
    if _SPEAKER.match(text):
        return False
    if lang == "en":
        return len(text.split()) <= 30 and not text.endswith(".")
    return len(text) <= 50 and not text.endswith(("。", "：", ":"))


def _take_title(meta: dict[str, str], paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The first paragraph is the title pair when it looks like one and none is known."""
    if not paragraphs:
        return paragraphs
    first = paragraphs[0]
    known = (meta.get("title_en", ""), meta.get("title_zh", ""))
    if (first.en or first.zh) and (first.en, first.zh) != ("", "") and (
        (first.en and first.en == known[0]) or (first.zh and first.zh == known[1])
    ):
        return paragraphs[1:]  # the page's title repeated as the first block
    if any(known) or len(paragraphs) < 2:
        return paragraphs
    if _title_like(first.en, "en") and _title_like(first.zh, "zh"):
        meta["title_en"], meta["title_zh"] = first.en, first.zh
        return paragraphs[1:]
    return paragraphs


# ---------------------------------------------------------------- entry point


def _finish(paragraph: Paragraph) -> Paragraph:
    zh = textnorm.normalise_zh_punctuation(paragraph.zh)
    return Paragraph(paragraph.en, zh)


def parse_units(meta: dict[str, str], units: list[Unit]) -> tuple[Metadata, tuple[Paragraph, ...]]:
    """Metadata and paragraphs from units already taken out of one or more texts."""
    meta = dict(meta)
    paragraphs = _take_title(meta, pair_units(units))
    if meta.get("title_zh"):
        meta["title_zh"] = textnorm.normalise_zh_punctuation(meta["title_zh"])
    fields = {k: v for k, v in meta.items() if k in Metadata.__dataclass_fields__}
    return Metadata(**fields), tuple(_finish(p) for p in paragraphs)


def read_units(text: str) -> tuple[dict[str, str], list[Unit]]:
    """Metadata found in ``text`` and its content units (furniture dropped)."""
    return _meta_and_units(textnorm.lines_of(text))


def parse_text(text: str) -> tuple[Metadata, tuple[Paragraph, ...]]:
    """Metadata and paragraph pairs of one article's text, whatever its layout."""
    meta, units = read_units(text)
    return parse_units(meta, units)
