"""Layout parsing: plain article text -> metadata + (English, Chinese) paragraph pairs.

Works for every layout users paste: paragraphs interleaved English-first or
Chinese-first, a paragraph now and then without its translation, or the whole
English version followed by the whole Chinese one. The language of each block is
read from its characters (:func:`flashcards.textnorm.language`), never from its
position; the pairing then follows the runs of same-language blocks and, inside a
run, a small length-based alignment (Gale–Church style) at paragraph level.
"""

from __future__ import annotations

import re
import statistics
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
_NAME_ZH = r"[\u4e00-\u9fff·•・]{2,12}(?:[ 、，,][\u4e00-\u9fff·•・]{2,12}){0,3}"
_BYLINE_ZH = re.compile(rf"^(?:(?:本报|本网|新华社|中国军网)?(?:特约)?记者\s*|文\s*[/|｜]\s*|■\s*|作者\s*)?({_NAME_ZH})$")
_METADATA_VALUE_MAX = 120


def _plausible(key: str, value: str) -> bool:
    """Whether ``value`` can be the ``key`` of an article rather than a sentence."""
    if key == "date":
        return len(value) <= 40 and any(c.isdigit() for c in value)
    if key == "url":
        return bool(_URL.match(value))
    if key == "title":
        return len(value) <= _METADATA_VALUE_MAX
    return len(value) <= 60 and len(value.split()) <= 8 and not re.search(r"[。！？!?]|\.$", value)


def _label(line: str) -> tuple[str, str | None] | None:
    """``(key, value)`` if ``line`` is a metadata label (value None: on the next line)."""
    if len(line) > _METADATA_VALUE_MAX:
        return None
    for key, pattern in _LABEL_RE.items():
        m = pattern.match(line)
        if m:
            value = (m.group(1) or "").strip() or None
            if value is not None and not _plausible(key, value):
                return None
            return key, value
    return None


_ANY_LABEL = re.compile(r"(?:^|(?<=\s))(?:" + "|".join(_LABELS.values()) + r")\s*[:：]", re.I)
_TRAILING_DATE = re.compile(r"\s+(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)$")


def _segments(line: str) -> list[tuple[str, str | None]] | None:
    """``Source: X | Updated: Y`` or ``来源：X 作者：Y 2025-01-06`` ->
    [(source, X), (date, Y)], or None unless every part is metadata."""
    if len(line) > 2 * _METADATA_VALUE_MAX:
        return None
    parts = [p for p in re.split(r"\s*[|｜]\s*|\s{3,}", line) if p]
    if len(parts) < 2:
        starts = [m.start() for m in _ANY_LABEL.finditer(line)]
        if len(starts) < 2 or starts[0] != 0:
            return None
        parts = [line[a:b].strip() for a, b in zip(starts, starts[1:] + [len(line)])]
        m = _TRAILING_DATE.search(parts[-1])
        if m:
            parts[-1:] = [parts[-1][:m.start()], m.group(1)]
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


_SENTENCE_END = re.compile(r"[.!?。！？…]+[\"”’』」)）]*\s*")
_SEPARATOR = re.compile(r"\t+|\s+[|｜]\s+|\s*｜\s*")
_LABEL_ONLY = re.compile(r"^.{1,15}[:：]$")


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
        return split_by_script(line) if len(line) <= _METADATA_VALUE_MAX and not _TERMINAL.search(line) else [line]
    groups: list[list[str]] = []
    for chunk in chunks:
        lang = language(chunk)
        if groups and (language(groups[-1][-1]) == lang or not lang):
            groups[-1].append(chunk)
        else:
            groups.append([chunk])
    texts = ["".join(g).strip() for g in groups]
    if len(texts) < 2 or not all(_substantial(t) for t in texts):
        return [line]
    return texts


def _meta_and_units(raw_lines: list[str], join_wrapped: bool = True) -> tuple[dict[str, str], list[Unit]]:
    """Take the metadata and furniture lines out; join wrapped lines into units.

    ``join_wrapped``: a long line not ending a sentence continues on the next line
    (hard-wrapped plain text); off for text whose lines are already paragraphs."""
    lines: list[str] = []
    for line in raw_lines:
        lines += split_mixed(line) if line else [line]
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
        pairs = _segments(line)
        if pairs is None:
            hit = _label(line)
            pairs = [hit] if hit else None
        if pairs:
            for key, value in pairs:
                if value is None and i < len(lines) and lines[i] and _plausible(key, lines[i]) \
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
            if last and i - last.line <= 3 and _NAME_LINE.match(last.text) and "author_zh" not in meta:
                meta["author_zh"] = last.text
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
        if m and not seen_body and (line != m.group(1) or (abs(i - byline_at) <= 3 and _NAME_LINE.match(line))):
            meta.setdefault("author_zh", m.group(1).strip())
            continue
        lang = language(line)
        continues = joinable and join_wrapped and not _TERMINAL.search(units[-1].text) if units else False
        if units and units[-1].lang == lang and (continues or _LABEL_ONLY.match(units[-1].text)):
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
# Length model (after Gale & Church): an English block is about ``ratio`` times its
# Chinese translation in characters, with a spread that grows with the length.
_VARIANCE_PER_CHAR = 6.25
_RELATIVE_SPREAD = 0.15


def _size(text: str) -> int:
    return sum(1 for c in text if not c.isspace())


def _ratio_cost(en: list[str], zh: list[str], ratio: float) -> float:
    """Half the squared z-score of the English length given the Chinese one."""
    le = sum(_size(t) for t in en)
    lz = sum(_size(t) for t in zh) * ratio
    mean = (le + lz) / 2
    variance = _VARIANCE_PER_CHAR * mean + (_RELATIVE_SPREAD * mean) ** 2 + 1.0
    return (le - lz) ** 2 / variance / 2


_DISTANCE_WEIGHT = 1.0  # per block standing between two interleaved partners


def _align(en: list[str], zh: list[str], ratio: float, style: str, en_first: bool) -> tuple[float, list[Paragraph]]:
    """Best paragraph alignment of two neighbouring runs: 1-1, 1-0, 0-1, 2-1, 1-2.

    In an interleaved layout a translation stands next to its original, so a pair
    with other blocks between its two halves costs more."""
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
                    if style == "interleaved":
                        between = (n - a) + j if en_first else (m - b) + i
                        step += _DISTANCE_WEIGHT * between
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


def _length_ratio(runs: list[list[Unit]]) -> float:
    """English characters per Chinese character in this article's translation.

    The median over neighbouring one-block runs (an interleaved article's pairs)
    when there are a few, else the ratio of totals; an untranslated block skews
    a total but hardly a median."""
    singles = [
        _size(a[0].text) / max(1, _size(b[0].text)) if a[0].lang == "en" else _size(b[0].text) / max(1, _size(a[0].text))
        for a, b in zip(runs, runs[1:])
        if len(a) == 1 and len(b) == 1
    ]
    if len(singles) >= 3:
        ratio = statistics.median(singles)
    else:
        en_total = sum(_size(u.text) for run in runs for u in run if u.lang == "en")
        zh_total = sum(_size(u.text) for run in runs for u in run if u.lang == "zh")
        ratio = en_total / zh_total if en_total and zh_total else 3.0
    return min(5.0, max(1.5, ratio))


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
    ratio = _length_ratio(runs)
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
            # short runs: paragraphs interleaved with their translations; long: two versions
            style = "interleaved" if max(len(run) for run in group) <= 2 else "separate"
            cost, pairs = _align(en, zh, ratio, style, group[0][0].lang == "en")
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
    if len(paragraphs) < 2:
        return paragraphs
    first = paragraphs[0]
    known_en, known_zh = meta.get("title_en", ""), meta.get("title_zh", "")
    repeated = (first.en and first.en == known_en) or (first.zh and first.zh == known_zh) or (
        known_en and known_zh and (first.en or first.zh) in (f"{known_en} {known_zh}", f"{known_zh} {known_en}")
    )
    if not (repeated or not (known_en or known_zh)):
        return paragraphs
    if not (_title_like(first.en, "en") and _title_like(first.zh, "zh")):
        return paragraphs
    if first.en:
        meta["title_en"] = known_en or first.en
    if first.zh:
        meta["title_zh"] = known_zh or first.zh
    return paragraphs[1:]


# ---------------------------------------------------------------- entry point

_NAME_LINE = re.compile(r"^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{1,6}[·•・][\u4e00-\u9fff·•・]{1,10}$")


def _take_name_line(meta: dict[str, str], units: list[Unit]) -> list[Unit]:
    """With an English byline known, a bare Chinese name among the first Chinese
    blocks (after the title) is its Chinese form, not a paragraph."""
    if not meta.get("author") or meta.get("author_zh"):
        return units
    zh_seen = 0
    for k, unit in enumerate(units):
        if unit.lang != "zh":
            continue
        zh_seen += 1
        if zh_seen > 3:
            break
        if zh_seen > 1 and _NAME_LINE.match(unit.text):
            meta["author_zh"] = unit.text
            return units[:k] + units[k + 1:]
    return units



def _finish(paragraph: Paragraph) -> Paragraph:
    zh = textnorm.normalise_zh_punctuation(paragraph.zh)
    return Paragraph(paragraph.en, zh)


def parse_units(meta: dict[str, str], units: list[Unit]) -> tuple[Metadata, tuple[Paragraph, ...]]:
    """Metadata and paragraphs from units already taken out of one or more texts."""
    meta = dict(meta)
    units = _take_name_line(meta, units)
    paragraphs = _take_title(meta, pair_units(units))
    if meta.get("title_zh"):
        meta["title_zh"] = textnorm.normalise_zh_punctuation(meta["title_zh"])
    fields = {k: v for k, v in meta.items() if k in Metadata.__dataclass_fields__}
    return Metadata(**fields), tuple(_finish(p) for p in paragraphs)


def read_units(text: str, join_wrapped: bool = True) -> tuple[dict[str, str], list[Unit]]:
    """Metadata found in ``text`` and its content units (furniture dropped)."""
    return _meta_and_units(textnorm.lines_of(text), join_wrapped)


def parse_text(text: str) -> tuple[Metadata, tuple[Paragraph, ...]]:
    """Metadata and paragraph pairs of one article's text, whatever its layout."""
    meta, units = read_units(text)
    return parse_units(meta, units)
