"""Layout parsing: plain article text -> metadata + (English, Chinese) paragraph pairs.

Works for every layout users paste: paragraphs interleaved English-first or
Chinese-first, a paragraph now and then without its translation, or the whole
English version followed by the whole Chinese one. The language of each block is
read from its characters (:func:`flashcards.ingest.textnorm.language`), never from its
position. Lines are recognised by :mod:`flashcards.ingest.lines` (metadata,
bylines, furniture) and the remaining blocks paired by
:mod:`flashcards.ingest.pairing`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from flashcards.ingest import lines as ingest_lines, textnorm
from flashcards.ingest.pairing import Unit, pair_units
from flashcards.model import Metadata, Paragraph
from flashcards.ingest.textnorm import language

# ---------------------------------------------------------------- lines -> units

_WRAP_WIDTH = {"en": 40, "zh": 15}  # a line this long that ends mid-sentence may be hard-wrapped
_NEAR = 3  # lines between an English byline and the Chinese name that goes with it
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")


def _label_value(lines: list[tuple[int, str]], i: int, key: str) -> str | None:
    """The value on line ``i`` for a label alone on the line before, if it is one."""
    if i >= len(lines) or not lines[i][1]:
        return None
    text = lines[i][1]
    if not ingest_lines.plausible(key, text) or ingest_lines.label(text):
        return None
    if ingest_lines.is_furniture(text) and not ingest_lines.DATE.match(text):
        return None
    return text


def _meta_and_units(raw_lines: list[str], join_wrapped: bool = True) -> tuple[dict[str, str], list[Unit]]:
    """Take the metadata and furniture lines out; join wrapped lines into units.

    ``join_wrapped``: a long line not ending a sentence continues on the next line
    (hard-wrapped plain text); off for text whose lines are already paragraphs."""
    lines = [
        (number, piece)
        for number, line in enumerate(raw_lines, start=1)
        for piece in (ingest_lines.split_mixed(_MARKDOWN_HEADING.sub("", line)) if line else [""])
    ]
    meta: dict[str, str] = {}
    units: list[Unit] = []
    byline_at = -100
    seen_body = False
    last_line_long = False  # the last unit's last line may be hard-wrapped
    i = 0
    while i < len(lines):
        number, line = lines[i]
        i += 1
        if not line:
            continue
        if seen_body and ingest_lines.RELATED.match(line):
            break  # a list of other articles' headlines follows
        pairs = ingest_lines.segments(line)
        if pairs is None:
            hit = ingest_lines.label(line)
            pairs = [hit] if hit else None
        if pairs:
            for key, value in pairs:
                if value is None:
                    value = _label_value(lines, i, key)
                    i += value is not None
                if value:
                    ingest_lines.put_metadata(meta, key, value)
            continue
        if ingest_lines.is_furniture(line):
            continue
        m = ingest_lines.BYLINE_EN.match(line)
        if m and len(line) <= 80:
            meta.setdefault("author", m.group(1).strip())
            last = units[-1] if units else None
            if last and number - last.line <= _NEAR and ingest_lines.NAME_LINE.match(last.text) and "author_zh" not in meta:
                meta["author_zh"] = last.text
                units.pop()  # the Chinese byline came first
            byline_at = number
            continue
        if ingest_lines.URL.match(line):
            meta.setdefault("url", line)
            continue
        if ingest_lines.DATE.match(line):
            meta.setdefault("date", line)
            continue
        m = ingest_lines.BYLINE_ZH.match(line)
        if m and (
            (line != m.group(1) and not seen_body) or (number - byline_at <= _NEAR and ingest_lines.NAME_LINE.match(line))
        ):
            meta.setdefault("author_zh", m.group(1).strip())
            continue
        lang = language(line)
        last = units[-1] if units else None
        wrapped = join_wrapped and last is not None and number - last.line == 1 and not ingest_lines.TERMINAL.search(last.text)
        if last and last.lang == lang and ((wrapped and last_line_long) or ingest_lines.LABEL_ONLY.match(last.text)):
            units[-1] = replace(last, text=last.text + (" " if lang == "en" else "") + line, line=number)
        else:
            units.append(Unit(line, lang, number))
            seen_body = seen_body or len(units) > 2
        last_line_long = len(line) >= _WRAP_WIDTH[lang]
    return meta, units


# ---------------------------------------------------------------- titles and names

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
    """The first paragraph is the title pair when it looks like one and none is
    known, or when it repeats the known title (a web page's headline)."""
    if len(paragraphs) < 2:
        return paragraphs
    first = paragraphs[0]
    known_en, known_zh = meta.get("title_en", ""), meta.get("title_zh", "")
    repeated = (first.en and first.en == known_en) or (first.zh and first.zh == known_zh) or (
        known_en and known_zh and (first.en or first.zh) in (f"{known_en} {known_zh}", f"{known_zh} {known_en}")
    )
    if (known_en or known_zh) and not repeated:
        return paragraphs
    if not (_title_like(first.en, "en") and _title_like(first.zh, "zh")):
        return paragraphs
    if first.en:
        meta["title_en"] = known_en or first.en
    if first.zh:
        meta["title_zh"] = known_zh or first.zh
    rest = paragraphs[1:]
    # a title pair split by the pairing: "中文标题" then "English title" alone
    if len(rest) > 1 and bool(first.en) != bool(first.zh):
        other = rest[0]
        if (first.en and not other.en and other.zh and _title_like(other.zh, "zh") and not known_zh) or (
            first.zh and not other.zh and other.en and _title_like(other.en, "en") and not known_en
        ):
            meta["title_en"], meta["title_zh"] = meta.get("title_en") or other.en, meta.get("title_zh") or other.zh
            rest = rest[1:]
    return rest


def _take_name_line(meta: dict[str, str], units: list[Unit]) -> list[Unit]:
    """With an English byline known, a bare Chinese name among the first Chinese
    blocks (after the title) is its Chinese form, not a paragraph."""
    if not meta.get("author") or meta.get("author_zh"):
        return units
    zh_units = [k for k, unit in enumerate(units) if unit.lang == "zh"][:3]
    for k in zh_units[1:]:
        if ingest_lines.NAME_LINE.match(units[k].text):
            meta["author_zh"] = units[k].text
            return units[:k] + units[k + 1:]
    return units


# ---------------------------------------------------------------- entry points


def _finish(paragraph: Paragraph) -> Paragraph:
    return replace(paragraph, zh=textnorm.normalise_zh_punctuation(paragraph.zh))


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
