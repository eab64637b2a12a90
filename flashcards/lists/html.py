"""Printable vocabulary pages: one self-contained HTML file in one of four layouts.

- ``sheet`` (default): a compact study sheet, a row per term, two columns to the page;
- ``quiz``: a fold-over self-test, prompts on the left half, answers on the right;
- ``worksheet``: handwriting practice in tian zi ge grids;
- ``reader``: every term with its first example sentence in both languages.

Every layout heads with the articles' title, source and date, numbers its pages,
never splits a term across pages, and reads in black and white (tone marks always;
tone colours are an extra). See :mod:`flashcards.lists.page` for printing.
"""

from __future__ import annotations

from collections.abc import Sequence

from flashcards.errors import InputError
from flashcards.lists import quiz, reader, sheet, worksheet
from flashcards.lists.page import PAPERS, document
from flashcards.model import Metadata, VocabEntry

LAYOUTS = {"sheet": sheet, "quiz": quiz, "worksheet": worksheet, "reader": reader}


def render_html(
    entries: Sequence[VocabEntry],
    *,
    metadata: Sequence[Metadata] = (),
    layout: str = "sheet",
    paper: str = "a4",
    grouped: bool = True,
    tone_colors: bool = True,
) -> str:
    """The whole printable page as a string.

    ``grouped`` puts the terms under category headings (categories in order of first
    appearance); without it they stay in the order given (the chosen sort).
    """
    if layout not in LAYOUTS:
        raise InputError(f"unknown layout {layout!r}; use one of {', '.join(LAYOUTS)}")
    if paper not in PAPERS:
        raise InputError(f"unknown paper {paper!r}; use one of {', '.join(PAPERS)}")
    module = LAYOUTS[layout]
    return document(
        layout=layout,
        entries=entries,
        metadata=metadata,
        body=module.render_body(entries, grouped=grouped),
        style=module.STYLE,
        paper=paper,
        tone_colors=tone_colors,
        note=getattr(module, "NOTE", ""),
    )
