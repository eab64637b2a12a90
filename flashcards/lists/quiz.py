"""The fold-over quiz: a self-test on paper.

Each row is cut in two by a dashed line down the middle of the page. The left half
is the prompt (the English and the pinyin) with a box to write the characters in;
the right half is the answer (the characters, Traditional beneath) with a box to
write the meaning in. Fold the right half back to test recall of the characters,
or the left half back to test reading; unfold to check. The page's margins are
equal, so the line falls on the middle of the sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from flashcards.lists.page import hanzi_html, numbered_groups, pinyin_html, short_english, table_row
from flashcards.model import VocabEntry

NOTE = "Fold along the dashed line: right half back to write the characters, left half back to say the meaning"

STYLE = """
table.quiz { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.quiz col.n { width: 5%; } table.quiz col.q { width: 30%; } table.quiz col.w { width: 15%; }
table.quiz col.a { width: 30%; } table.quiz col.m { width: 20%; }
table.quiz thead th { font-size: 7.5pt; font-weight: normal; color: var(--muted); text-align: left;
  padding: 0 1.5mm 1mm; border-bottom: 1pt solid var(--ink); }
table.quiz thead th.fold { text-align: center; }
table.quiz tr { break-inside: avoid; page-break-inside: avoid; }
table.quiz td { vertical-align: middle; height: 12.5mm; padding: .6mm 1.5mm; border-bottom: .5pt solid var(--rule); }
table.quiz tr.group td { height: auto; padding: 2mm 1.5mm .6mm; font-weight: 700; border-bottom: 1pt solid var(--ink); }
table.quiz tr.group { break-after: avoid; page-break-after: avoid; }
td.n { color: var(--muted); font-size: 7pt; text-align: right; }
td.q .english { font-size: 9.5pt; font-weight: 600; line-height: 1.2; }
td.q .pinyin { display: block; font-size: 8.5pt; }
td.w, td.m { border: .5pt solid var(--rule); }
td.w { border-right: 1pt dashed var(--ink); }
td.a { font-size: 15pt; line-height: 1.15; padding-left: 3mm; overflow-wrap: anywhere; }
td.a .trad { font-size: 8pt; color: var(--muted); }
th.w { border-right: 1pt dashed var(--ink); }
"""


def render_body(entries: Sequence[VocabEntry], *, grouped: bool) -> str:
    parts = [
        '<table class="quiz"><colgroup><col class="n"><col class="q"><col class="w"><col class="a"><col class="m">'
        "</colgroup>",
        '<thead><tr><th></th><th>English · pinyin</th><th class="w">write the characters</th>'
        "<th>characters</th><th>say or write the meaning</th></tr></thead><tbody>",
    ]
    for label, rows in numbered_groups(entries, grouped):
        if label is not None:
            parts.append(f'<tr class="group"><td colspan="5">{escape(label)}</td></tr>')
        parts.extend(_row(number, entry) for number, entry in rows)
    parts.append("</tbody></table>")
    return "\n".join(parts)


def _row(number: int, entry: VocabEntry) -> str:
    prompt = f'<span class="english">{escape(short_english(entry))}</span><span class="pinyin">{pinyin_html(entry)}</span>'
    return table_row([("n", str(number)), ("q", prompt), ("w", ""), ("a", hanzi_html(entry)), ("m", "")])
