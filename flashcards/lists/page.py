"""What every printable layout shares: the document shell, the page box, fonts, the
header with the articles' metadata, page numbers, and the pieces of an entry
(pinyin with tone marks and optional tone colours, short English, study hints).

Printing: ``@page`` sets the paper (A4 or US Letter) and margins; its margin boxes
carry a running title and ``page N of M`` (Chrome, Edge and Chromium 131 and later
print them; Firefox and Safari print the page without). ``?paper=a4`` or ``?paper=letter`` in the URL, or the buttons at
the top of the page, change the paper; ``#print`` in the URL opens the print dialog
on load. Nothing is loaded from the network: fonts come from the reader's system.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from flashcards.lists.entries import english_text, group_by_category, tone_runs, traditional_form
from flashcards.model import Metadata, VocabEntry

PAPERS = {"a4": "A4", "letter": "letter"}

# Simplified Chinese first, then fonts that only carry Traditional; every common
# system has one of them (Noto/Source Han on Linux, PingFang on macOS and iOS,
# Microsoft YaHei on Windows).
CJK_FONTS = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "PingFang SC", "Hiragino Sans GB", '
    '"Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'
)
CJK_TRADITIONAL_FONTS = (
    '"Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei", ' + CJK_FONTS
)
# Regular script (kaishu) is what a hand copies; a serif CJK face where there is none.
KAI_FONTS = (
    '"Kaiti SC", "STKaiti", "KaiTi", "AR PL UKai CN", "Noto Serif CJK SC", "Source Han Serif SC", '
    '"SimSun", ' + CJK_FONTS
)
# Latin fonts known to carry every tone-marked vowel (ǎ ǒ ǚ ...), so pinyin is set in one font.
PINYIN_FONTS = '"Noto Sans", "Segoe UI", "DejaVu Sans", "Lucida Grande", "Arial Unicode MS", sans-serif'

# Tone colours as on the cards (1 red, 2 orange, 3 green, 4 blue, neutral grey), in
# shades dark enough to read on white and on a black-and-white print. They are an
# extra: the tone marks always say the tone.
TONE_COLORS = {1: "#c40000", 2: "#9a5b00", 3: "#00731c", 4: "#1f35d0", 5: "#666666"}

SHORT_ENGLISH = 42  # characters of English a compact row shows

BASE_STYLE = """
:root { color-scheme: light; --ink: #111; --muted: #555; --rule: #bbb; --faint: #e4e4e4; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans", "Helvetica Neue", Arial, %(cjk)s; color: var(--ink); background: #fff; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; font-size: 10pt; line-height: 1.35; }
:lang(zh), :lang(zh-Hans) { font-family: %(cjk)s; }
:lang(zh-Hant) { font-family: %(trad)s; }
.pinyin { font-family: %(pinyin)s; }
header.doc { border-bottom: 1.5pt solid var(--ink); margin-bottom: 3mm; padding-bottom: 2mm; }
header.doc h1 { font-size: 15pt; margin: 0 0 1mm; line-height: 1.2; }
.source { margin: .5mm 0 0; }
.source .title-zh { font-size: 11pt; }
.source .meta, .summary { color: var(--muted); font-size: 8.5pt; }
.source a { color: inherit; word-break: break-all; text-decoration: none; }
.empty { color: var(--muted); font-style: italic; }
h2 .count { color: var(--muted); font-weight: normal; font-size: .8em; }
%(tones)s
.toolbar { position: sticky; top: 0; background: #f1f3f4; border: 1px solid var(--rule); border-radius: 6px;
  padding: .4rem .7rem; margin-bottom: 1rem; font-size: 10pt; z-index: 1; }
.toolbar button { font: inherit; margin-left: .4rem; }
@page {
  size: %(size)s; margin: 13mm 12mm 14mm;
  @top-left { content: %(running)s; font: 7.5pt %(cjk)s; color: #555; }
  @bottom-right { content: "page " counter(page) " of " counter(pages); font: 8pt %(pinyin)s; color: #333; }
}
@page :first { @top-left { content: none; } }
@media print {
  body { max-width: none; padding: 0; }
  .toolbar { display: none; }
  .tone1, .tone2, .tone3, .tone4, .tone5 { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

SCRIPT = """
(function () {
  var sheet = document.getElementById("paper");
  function setPaper(size) { sheet.textContent = size ? "@page { size: " + size + "; }" : ""; }
  var wanted = (new URLSearchParams(location.search).get("paper") || "").toLowerCase();
  if (wanted === "a4") setPaper("A4");
  else if (wanted === "letter") setPaper("letter");
  document.querySelectorAll("button[data-paper]").forEach(function (b) {
    b.addEventListener("click", function () { setPaper(b.dataset.paper); window.print(); });
  });
  if (location.hash === "#print") window.addEventListener("load", function () { window.print(); });
})();
"""


def document(
    *,
    layout: str,
    entries: Sequence[VocabEntry],
    metadata: Sequence[Metadata],
    body: str,
    style: str,
    paper: str = "a4",
    tone_colors: bool = True,
    note: str = "",
) -> str:
    """The whole self-contained page: shell, shared style, the layout's ``style`` and ``body``."""
    title = page_title(metadata)
    tones = "\n".join(f".tone{t} {{ color: {c}; }}" for t, c in TONE_COLORS.items()) if tone_colors else ""
    shared = BASE_STYLE % {
        "cjk": CJK_FONTS,
        "trad": CJK_TRADITIONAL_FONTS,
        "pinyin": PINYIN_FONTS,
        "tones": tones,
        "size": PAPERS[paper],
        "running": css_string(title),
    }
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title>",
            f"<style>{shared}{style}</style>",
            '<style id="paper"></style>',
            "</head>",
            f'<body class="layout-{layout}">',
            '<div class="toolbar">Print this list: <button type="button" data-paper="A4">A4</button>'
            '<button type="button" data-paper="letter">Letter</button></div>',
            header(title, entries, metadata, note),
            "<main>",
            body if entries else '<p class="empty">No vocabulary entries.</p>',
            "</main>",
            f"<script>{SCRIPT}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string that cannot end the string or the ``<style>`` element."""
    out = []
    for ch in text:
        if ch in '"\\<>' or ord(ch) < 0x20:
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def page_title(metadata: Sequence[Metadata]) -> str:
    if len(metadata) == 1 and (metadata[0].title_en or metadata[0].title_zh):
        return f"Vocabulary: {metadata[0].title_en or metadata[0].title_zh}"
    return "Vocabulary"


def header(title: str, entries: Sequence[VocabEntry], metadata: Sequence[Metadata], note: str = "") -> str:
    """The first page's head: title, each article's titles, source, date, author and link."""
    out = ['<header class="doc">', f"<h1>{escape(title if len(metadata) != 1 else 'Vocabulary')}</h1>"]
    for meta in metadata:
        out.append('<div class="source">')
        if meta.title_en:
            out.append(f'<div class="title-en">{escape(meta.title_en)}</div>')
        if meta.title_zh:
            out.append(f'<div class="title-zh" lang="zh-Hans">{escape(meta.title_zh)}</div>')
        author = " / ".join(a for a in (meta.author, meta.author_zh) if a)
        facts = [meta.source, meta.date, f"by {author}" if author else "", f"editor {meta.editor}" if meta.editor else ""]
        line = " · ".join(escape(f) for f in facts if f)
        if meta.url:
            link = f'<a href="{escape(meta.url)}">{escape(meta.url)}</a>'
            line = f"{line} · {link}" if line else link
        if line:
            out.append(f'<div class="meta">{line}</div>')
        out.append("</div>")
    from_glossary = sum(e.source in ("glossary", "both") for e in entries)
    summary = f"{len(entries)} terms, {from_glossary} from the glossary"
    out.append(f'<div class="summary">{summary}{". " + note if note else ""}</div>')
    out.append("</header>")
    return "\n".join(out)


def numbered_groups(
    entries: Sequence[VocabEntry], grouped: bool
) -> list[tuple[str | None, list[tuple[int, VocabEntry]]]]:
    """``[(heading, [(number, entry), ...]), ...]``: by category (categories in order of
    first appearance) when ``grouped``, else one group without a heading in the given
    order. Numbers run 1..N through the whole page, in the order shown."""
    groups = group_by_category(entries) if grouped else [(None, list(entries))]
    out, number = [], 0
    for label, group in groups:
        rows = []
        for entry in group:
            number += 1
            rows.append((number, entry))
        out.append((label, rows))
    return out


def sections(entries: Sequence[VocabEntry], grouped: bool, inner) -> str:
    """A ``<section class="group">`` per group of :func:`numbered_groups`: its heading
    (``label (count)``, none when not ``grouped``), then ``inner(rows)``."""
    parts = []
    for label, rows in numbered_groups(entries, grouped):
        parts.append('<section class="group">')
        if label is not None:
            parts.append(f'<h2>{escape(label)} <span class="count">({len(rows)})</span></h2>')
        parts += [inner(rows), "</section>"]
    return "\n".join(parts)


def table_row(cells: Sequence[tuple[str, str]]) -> str:
    """``<tr class="entry">`` of ``<td class=CLASS>HTML</td>`` for each ``(CLASS, HTML)``."""
    return '<tr class="entry">' + "".join(f'<td class="{cls}">{html}</td>' for cls, html in cells) + "</tr>"


def pinyin_html(entry: VocabEntry) -> str:
    """The pinyin, each syllable in a span of its tone (``tone1`` ... ``tone5``)."""
    return "".join(
        f'<span class="tone{tone}">{escape(s)}</span>' if tone else escape(s) for s, tone in tone_runs(entry)
    )


def hanzi_html(entry: VocabEntry, *, trad_tag: str = "div") -> str:
    """The headword, and its Traditional form (class ``trad``) when that differs."""
    out = f'<span class="zh" lang="zh-Hans">{escape(entry.hanzi)}</span>'
    trad = traditional_form(entry)
    if trad:
        out += f'<{trad_tag} class="trad" lang="zh-Hant">{escape(trad)}</{trad_tag}>'
    return out


def short_english(entry: VocabEntry, limit: int = SHORT_ENGLISH) -> str:
    """The first meanings that fit in ``limit`` characters (always the first, cut at a
    word with an ellipsis when it alone is longer), joined with ``"; "``."""
    meanings = [m.strip() for m in entry.english if m.strip()]
    if not meanings:
        return ""
    kept = [meanings[0]]
    for meaning in meanings[1:]:
        if len("; ".join([*kept, meaning])) > limit:
            break
        kept.append(meaning)
    text = "; ".join(kept)
    if len(text) > limit + 12:  # a long first meaning: cut at a word
        cut = text[: limit + 1].rsplit(None, 1)[0].rstrip(",;:")
        text = cut + "…"
    return text


def hints(entry: VocabEntry, *, measure_word: str = "MW") -> list[str]:
    """Study hints as HTML: ``HSK 4`` and the measure words (``MW 艘``; at most two)."""
    out = []
    if entry.hsk is not None:
        out.append(f"HSK&nbsp;{entry.hsk}")
    if entry.measure_words:
        words = escape("、".join(entry.measure_words[:2]))
        out.append(f'{escape(measure_word)}&nbsp;<span lang="zh-Hans">{words}</span>')
    return out


def full_english(entry: VocabEntry) -> str:
    return escape(english_text(entry))
