"""The reader: every term with its details and its first example sentence in both
languages, the term highlighted; one term after another, grouped by category.

The longest layout (a page holds about five terms), for reading rather than drilling.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from flashcards.lists.entries import entry_terms, highlight_spans
from flashcards.lists.page import full_english, hanzi_html, hints, pinyin_html, sections
from flashcards.model import VocabEntry

SOURCE_LABELS = {"glossary": "glossary", "article": "article", "both": "glossary + article"}

STYLE = """
body { max-width: 52rem; font-size: 11pt; line-height: 1.4; }
section.group > h2 { font-size: 13pt; margin: 1.2rem 0 .2rem; padding-bottom: .15rem;
  border-bottom: 1px solid var(--ink); break-after: avoid; page-break-after: avoid; }
.entry { display: grid; grid-template-columns: 11rem 1fr; column-gap: 1rem; padding: .45rem 0;
  border-bottom: 1px solid var(--rule); break-inside: avoid; page-break-inside: avoid; }
.hanzi { font-size: 22pt; line-height: 1.15; font-weight: 500; }
.hanzi .trad { color: var(--muted); font-size: 11pt; }
.hanzi.long { font-size: 16pt; }
.head .pinyin { font-size: 11pt; }
.english { font-weight: 600; }
.details, .note { color: var(--muted); font-size: 9pt; }
.example { margin: .3rem 0 0; padding-left: .6rem; border-left: 3px solid var(--rule); font-size: 10pt; }
.example p { margin: 0; }
.example .en { color: var(--muted); }
mark { background: #ffe98a; color: inherit; font-weight: 700; padding: 0 .05em;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
"""


def render_body(entries: Sequence[VocabEntry], *, grouped: bool) -> str:
    return sections(entries, grouped, lambda rows: "\n".join(_entry(e) for _, e in rows))


def _highlighted(text: str, terms: Sequence[str], *, whole_words: bool = False) -> str:
    pieces = highlight_spans(text, terms, whole_words=whole_words)
    return "".join(f"<mark>{escape(p)}</mark>" if hit else escape(p) for p, hit in pieces)


def _entry(e: VocabEntry) -> str:
    size = " long" if len(e.hanzi) > 5 else ""
    head = [f'<div class="hanzi{size}">{hanzi_html(e)}</div>', f'<div class="pinyin">{pinyin_html(e)}</div>']
    details = hints(e, measure_word="measure word")
    details.append(escape(SOURCE_LABELS.get(e.source, e.source)))
    body = [f'<div class="english">{full_english(e)}</div>', f'<div class="details">{" · ".join(details)}</div>']
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
