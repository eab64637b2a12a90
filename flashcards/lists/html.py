"""A printable vocabulary page: one self-contained HTML file, ready for a browser's print dialog.

The page heads with the articles' metadata, then lists the entries grouped by
category: the headword large with its pinyin (coloured by tone) and traditional
form, the English, HSK level and measure words, and the first example sentence
with the term highlighted.

Printing: ``@page`` margins of 15 mm and the browser's paper size by default;
``?paper=a4`` or ``?paper=letter`` in the URL (or the buttons at the top of the
page) fixes the size. ``#print`` in the URL opens the print dialog on load. Entries
are never split across pages and a category heading never ends a page. Nothing is
loaded from the network; fonts come from the reader's system (CJK font stack).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from flashcards.model import Metadata, VocabEntry
from flashcards.lists.entries import (
    english_text,
    entry_terms,
    group_by_category,
    highlight_spans,
    tone_runs,
    traditional_form,
)

CJK_FONTS = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'

# Latin fonts known to carry every tone-marked vowel (ǎ ǒ ǚ ...), so pinyin is set in one font.
PINYIN_FONTS = '"Noto Sans", "Segoe UI", "DejaVu Sans", "Lucida Grande", "Arial Unicode MS", sans-serif'

SOURCE_LABELS = {"glossary": "glossary", "article": "article", "both": "glossary + article"}

STYLE = """
:root { color-scheme: light; --ink: #1a1a1a; --muted: #5f6368; --rule: #d0d4d9; --mark: #ffe98a; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans", "Helvetica Neue", Arial, %(cjk)s; color: var(--ink); background: #fff; }
body { margin: 0 auto; max-width: 52rem; padding: 1.5rem; font-size: 11pt; line-height: 1.4; }
:lang(zh) { font-family: %(cjk)s; }
header.doc { border-bottom: 2px solid var(--ink); margin-bottom: 1rem; padding-bottom: .6rem; }
header.doc h1 { font-size: 18pt; margin: 0 0 .3rem; }
.source { margin: .35rem 0 0; }
.source .title-zh { font-size: 12pt; }
.source .meta, .summary { color: var(--muted); font-size: 9pt; }
.source a { color: inherit; word-break: break-all; }
section.category > h2 { font-size: 13pt; margin: 1.2rem 0 .2rem; padding-bottom: .15rem;
  border-bottom: 1px solid var(--ink); break-after: avoid; page-break-after: avoid; }
h2 .count { color: var(--muted); font-weight: normal; font-size: 10pt; }
.entry { display: grid; grid-template-columns: 11rem 1fr; column-gap: 1rem; padding: .45rem 0;
  border-bottom: 1px solid var(--rule); break-inside: avoid; page-break-inside: avoid; }
.hanzi { font-size: 22pt; line-height: 1.15; font-weight: 500; }
.trad { color: var(--muted); font-size: 11pt; }
.hanzi.long { font-size: 16pt; }
.pinyin { font-size: 11pt; font-family: %(pinyin)s; }
.english { font-weight: 600; }
.details, .note { color: var(--muted); font-size: 9pt; }
.example { margin: .3rem 0 0; padding-left: .6rem; border-left: 3px solid var(--rule); font-size: 10pt; }
.example p { margin: 0; }
.example .en { color: var(--muted); }
mark { background: var(--mark); color: inherit; font-weight: 700; padding: 0 .05em; }
.tone1 { color: #e30000; } .tone2 { color: #d89000; } .tone3 { color: #00a000; }
.tone4 { color: #1510f0; } .tone5 { color: #8a8a8a; }
.empty { color: var(--muted); font-style: italic; }
.toolbar { position: sticky; top: 0; background: #f1f3f4; border: 1px solid var(--rule); border-radius: 6px;
  padding: .4rem .7rem; margin-bottom: 1rem; font-size: 10pt; }
.toolbar button { font: inherit; margin-left: .4rem; }
@page { size: auto; margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; }
  .toolbar { display: none; }
  a { text-decoration: none; }
  mark, .tone1, .tone2, .tone3, .tone4, .tone5 { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
""" % {"cjk": CJK_FONTS, "pinyin": PINYIN_FONTS}

SCRIPT = """
(function () {
  var sheet = document.getElementById("paper");
  function setPaper(size) {
    sheet.textContent = size ? "@page { size: " + size + "; margin: 15mm; }" : "";
  }
  var wanted = (new URLSearchParams(location.search).get("paper") || "").toLowerCase();
  if (wanted === "a4") setPaper("A4");
  else if (wanted === "letter") setPaper("letter");
  document.querySelectorAll("button[data-paper]").forEach(function (b) {
    b.addEventListener("click", function () { setPaper(b.dataset.paper); window.print(); });
  });
  if (location.hash === "#print") window.addEventListener("load", function () { window.print(); });
})();
"""


def render_html(entries: Sequence[VocabEntry], *, metadata: Sequence[Metadata] = ()) -> str:
    """The whole printable page as a string."""
    title = _page_title(metadata)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{STYLE}</style>",
        '<style id="paper"></style>',
        "</head>",
        "<body>",
        '<div class="toolbar">Print this list: <button type="button" data-paper="A4">A4</button>'
        '<button type="button" data-paper="letter">Letter</button></div>',
        _header(title, entries, metadata),
        "<main>",
    ]
    if not entries:
        parts.append('<p class="empty">No vocabulary entries.</p>')
    for label, group in group_by_category(entries):
        parts.append('<section class="category">')
        parts.append(f'<h2>{escape(label)} <span class="count">({len(group)})</span></h2>')
        parts.extend(_entry(e) for e in group)
        parts.append("</section>")
    parts += ["</main>", f"<script>{SCRIPT}</script>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _page_title(metadata: Sequence[Metadata]) -> str:
    if len(metadata) == 1 and (metadata[0].title_en or metadata[0].title_zh):
        return f"Vocabulary: {metadata[0].title_en or metadata[0].title_zh}"
    return "Vocabulary"


def _header(title: str, entries: Sequence[VocabEntry], metadata: Sequence[Metadata]) -> str:
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
    out.append(f'<div class="summary">{len(entries)} terms, {from_glossary} from the glossary</div>')
    out.append("</header>")
    return "\n".join(out)


def _pinyin_html(entry: VocabEntry) -> str:
    return "".join(
        f'<span class="tone{tone}">{escape(s)}</span>' if tone else escape(s) for s, tone in tone_runs(entry)
    )


def _highlighted(text: str, terms: Sequence[str], *, whole_words: bool = False) -> str:
    pieces = highlight_spans(text, terms, whole_words=whole_words)
    return "".join(f"<mark>{escape(p)}</mark>" if hit else escape(p) for p, hit in pieces)


def _entry(e: VocabEntry) -> str:
    trad = traditional_form(e)
    size = " long" if len(e.hanzi) > 5 else ""
    head = [f'<div class="hanzi{size}" lang="zh-Hans">{escape(e.hanzi)}</div>']
    if trad:
        head.append(f'<div class="trad" lang="zh-Hant">{escape(trad)}</div>')
    head.append(f'<div class="pinyin">{_pinyin_html(e)}</div>')
    details = []
    if e.hsk is not None:
        details.append(f"HSK {e.hsk}")
    if e.measure_words:
        details.append(f'measure word <span lang="zh-Hans">{escape("、".join(e.measure_words))}</span>')
    details.append(escape(SOURCE_LABELS.get(e.source, e.source)))
    body = [f'<div class="english">{escape(english_text(e))}</div>', f'<div class="details">{" · ".join(details)}</div>']
    if e.note:
        body.append(f'<div class="note">{escape(e.note)}</div>')
    if e.examples:
        ex = e.examples[0]
        english_terms = [e.context_english] if e.context_english else []
        body.append(
            '<blockquote class="example">'
            f'<p class="zh" lang="zh-Hans">{_highlighted(ex.zh, entry_terms(e))}</p>'
            + (f'<p class="en">{_highlighted(ex.en, english_terms, whole_words=True)}</p>' if ex.en else "")
            + "</blockquote>"
        )
    return (
        '<article class="entry">'
        f'<div class="head">{"".join(head)}</div>'
        f'<div class="body">{"".join(body)}</div>'
        "</article>"
    )
