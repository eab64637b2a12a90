"""The study sheet: every term on one compact row, two columns to the page.

A row holds the number, the headword (Traditional beneath it where it differs), the
pinyin, the first meanings that fit, and a narrow column of hints (HSK level,
measure word). Rows are grouped under their category, or listed in the chosen sort.
A row never splits across pages or columns; a category heading never ends one.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from flashcards.lists.page import hanzi_html, hints, pinyin_html, sections, short_english, table_row
from flashcards.model import VocabEntry

STYLE = """
main { columns: 2; column-gap: 7mm; column-rule: .5pt solid var(--rule); }
section.group > h2 { font-size: 10pt; margin: 0 0 .5mm; padding: .6mm 0 .4mm; border-bottom: 1pt solid var(--ink);
  break-after: avoid; page-break-after: avoid; }
section.group + section.group > h2 { margin-top: 1.8mm; }
table.terms { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.terms col.n { width: 6%; } table.terms col.h { width: 29%; } table.terms col.e { width: 54%; }
table.terms col.x { width: 11%; }
table.terms tr { break-inside: avoid; page-break-inside: avoid; }
table.terms td { vertical-align: top; padding: .25mm .8mm .25mm 0; border-bottom: .5pt solid var(--rule); }
td.n { color: var(--muted); font-size: 6.5pt; padding-top: 1.2mm; text-align: right; padding-right: 1.4mm; }
td.h { font-size: 11.5pt; line-height: 1.15; overflow-wrap: anywhere; }
td.h .trad { font-size: 7pt; color: var(--muted); line-height: 1.2; }
td.e { font-size: 8pt; line-height: 1.18; padding-top: .5mm; }
td.e .pinyin { display: block; font-size: 8.5pt; }
td.x { font-size: 6.5pt; color: var(--muted); padding-top: 1.1mm; line-height: 1.35; }
@media screen { main { columns: 1; } body { max-width: 44rem; } }  /* one column to scroll through */
"""


def render_body(entries: Sequence[VocabEntry], *, grouped: bool) -> str:
    return sections(entries, grouped, _table)


def _table(rows: list[tuple[int, VocabEntry]]) -> str:
    return (
        '<table class="terms"><colgroup><col class="n"><col class="h"><col class="e"><col class="x"></colgroup><tbody>'
        + "".join(_row(number, entry) for number, entry in rows)
        + "</tbody></table>"
    )


def _row(number: int, entry: VocabEntry) -> str:
    english = f'<span class="pinyin">{pinyin_html(entry)}</span>{escape(short_english(entry))}'
    return table_row([("n", str(number)), ("h", hanzi_html(entry)), ("e", english), ("x", "<br>".join(hints(entry)))])
