"""The handwriting worksheet: characters to copy in tian zi ge (田字格) grids.

Each term heads its block with its number, characters, pinyin and English. Then
each of its characters not practised earlier on the sheet gets a row of squares,
each quartered by dashed guides: the first holds the character as a model, the
next ones a faint copy to trace, the rest are empty. A term whose characters were
all practised above gets one row for the whole word instead. Characters are set in
a regular-script (kai) face where the system has one. A block never splits across
pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from flashcards.lists.page import KAI_FONTS, full_english, pinyin_html, sections
from flashcards.model import VocabEntry

CELLS = 14  # squares in a row: 14 x 12.5 mm fit A4 and US Letter between 12 mm margins
TRACES = 3  # faint copies after the model

STYLE = """
section.group > h2 { font-size: 11pt; margin: 3mm 0 1mm; border-bottom: 1pt solid var(--ink);
  break-after: avoid; page-break-after: avoid; }
.term { break-inside: avoid; page-break-inside: avoid; margin: 0 0 3mm; }
.term .label { font-size: 9pt; margin-bottom: .8mm; }
.term .label .n { color: var(--muted); font-size: 7.5pt; margin-right: 1.5mm; }
.term .label .zh { font-size: 12pt; margin-right: 2mm; }
.term .label .pinyin { margin-right: 2mm; }
.grid { display: grid; grid-template-columns: repeat(%(cells)d, 12.5mm); border-left: .8pt solid #444; border-top: .8pt solid #444;
  width: max-content; }
.grid + .grid { border-top: none; }
.grid span { position: relative; width: 12.5mm; height: 12.5mm; border-right: .8pt solid #444; border-bottom: .8pt solid #444;
  font-family: %(kai)s; font-size: 29pt; line-height: 12.5mm; text-align: center; }
.grid span::before, .grid span::after { content: ""; position: absolute; border: 0 dashed #9a9a9a; }
.grid span::before { left: 50%%; top: 0; bottom: 0; border-left-width: .5pt; }
.grid span::after { top: 50%%; left: 0; right: 0; border-top-width: .5pt; }
.grid .model { color: #000; }
.grid .trace { color: #c9c9c9; }
""" % {"cells": CELLS, "kai": KAI_FONTS}


def render_body(entries: Sequence[VocabEntry], *, grouped: bool) -> str:
    practised: set[str] = set()
    return sections(entries, grouped, lambda rows: "\n".join(_term(n, e, practised) for n, e in rows))


def han_characters(text: str) -> list[str]:
    """The Han characters of ``text`` in order (letters, digits and punctuation left out)."""
    return [ch for ch in text if _is_han(ch)]


def _is_han(ch: str) -> bool:
    code = ord(ch)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3134F


def practice_rows(hanzi: str, practised: set[str]) -> list[list[tuple[str, str]]]:
    """The grid rows of one term as ``[(character, kind), ...]`` with kind ``model``,
    ``trace`` or ``empty`` (character ``""``). New characters get a row each and join
    ``practised``; a term with none new gets one row for the whole word."""
    chars = han_characters(hanzi)
    new = [ch for ch in dict.fromkeys(chars) if ch not in practised]
    practised.update(new)
    if new:
        return [_fill([(ch, "model")] + [(ch, "trace")] * TRACES) for ch in new]
    if not chars:
        return []
    word = [(ch, "model") for ch in chars] + [(ch, "trace") for ch in chars]
    return [_fill(word[i : i + CELLS]) for i in range(0, len(word), CELLS)] if len(chars) * 2 > CELLS else [_fill(word)]


def _fill(cells: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return cells + [("", "empty")] * (CELLS - len(cells))


def _term(number: int, entry: VocabEntry, practised: set[str]) -> str:
    grids = "".join(
        '<div class="grid">'
        + "".join(f'<span class="{kind}" lang="zh-Hans">{escape(ch)}</span>' for ch, kind in row)
        + "</div>"
        for row in practice_rows(entry.hanzi, practised)
    )
    return (
        '<div class="term">'
        f'<div class="label"><span class="n">{number}</span><span class="zh" lang="zh-Hans">{escape(entry.hanzi)}</span>'
        f'<span class="pinyin">{pinyin_html(entry)}</span>{full_english(entry)}</div>'
        f"{grids}</div>"
    )
