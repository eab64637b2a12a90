"""Vocabulary lists: render entries as a terminal table, Markdown, CSV, TSV, Pleco, HTML or JSON.

``render(entries, fmt)`` turns a sequence of :class:`~flashcards.model.VocabEntry`
into text in one of :data:`FORMATS`. It keeps the order it is given (sort and filter
first with :mod:`flashcards.lists.select`); the grouped formats (table, markdown,
pleco, html) group entries by category, categories in order of first appearance.

CSV and TSV have a header row and one row per entry, with these columns:

==============  ==============================================================
hanzi           the headword in simplified characters
traditional     traditional characters (empty when the same as ``hanzi``)
pinyin          tone-marked pinyin, syllables of a word joined (``zhànlüè``)
pinyin_numbers  numbered pinyin, syllables spaced (``zhan4 lve4``)
english         the meanings, alternatives joined with ``"; "``
category        the glossary category (empty for article-only terms)
source          ``glossary``, ``article`` or ``both``
hsk             HSK level 1-9, empty when the word is not in the HSK lists
frequency       wordfreq Zipf value (about 1 = rare, 7 = very common)
count           occurrences in the articles
measure_words   classifiers, joined with ``"; "``
note            the glossary's usage note
example_zh      the first example sentence, Chinese
example_en      its English translation
example_pinyin  its pinyin
articles        the articles the term was found in, joined with ``"; "``
==============  ==============================================================

CSV keeps every character of every field (fields with commas, quotes or line breaks
are quoted); TSV puts each entry on one line: tabs and line breaks inside a field
become spaces, so ``cut -f`` and Anki's text importer read it as it is.

Pleco: a ``//Category`` line before each group, then one line per entry,
``hanzi[traditional]<TAB>pinyin<TAB>definition`` with numbered pinyin.

JSON: an array of objects with ``hanzi``, ``pinyin``, ``english`` (a string,
alternatives joined with ``"; "``), ``source``, ``category``, ``hsk`` and
``examples`` (``[{"zh", "en", "pinyin", "article"}]``), plus ``traditional``,
``pinyin_numbers``, ``english_list``, ``frequency``, ``count``, ``measure_words``,
``note``, ``is_name``, ``context_english`` and ``articles``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence

from flashcards.errors import InputError
from flashcards.lists.entries import (
    JOIN,
    english_text,
    entry_terms,
    group_by_category,
    highlight_spans,
    numbered_pinyin,
    one_line,
    tone_runs,
    traditional_form,
)
from flashcards.model import Metadata, VocabEntry

FORMATS = ("table", "markdown", "csv", "tsv", "pleco", "html", "json")

CSV_COLUMNS = (
    "hanzi",
    "traditional",
    "pinyin",
    "pinyin_numbers",
    "english",
    "category",
    "source",
    "hsk",
    "frequency",
    "count",
    "measure_words",
    "note",
    "example_zh",
    "example_en",
    "example_pinyin",
    "articles",
)


# Tone colours as on the cards: 1 red, 2 orange, 3 green, 4 blue, neutral grey
# (shades readable on dark and light terminals).
TERMINAL_TONE_STYLES = {1: "red1", 2: "dark_orange", 3: "green3", 4: "dodger_blue1", 5: "grey58"}



def render(
    entries: Sequence[VocabEntry],
    fmt: str,
    *,
    metadata: Sequence[Metadata] = (),
    color: bool = False,
    width: int | None = None,
    **page: object,
) -> str:
    """Render ``entries`` in format ``fmt`` (one of :data:`FORMATS`) as text.

    ``metadata`` heads the HTML page and the Markdown document; ``color`` turns on
    tone colours in the terminal table; ``width`` is the table's width in columns.
    ``page`` goes to :func:`flashcards.lists.html.render_html` (``layout``, ``paper``,
    ``grouped``, ``tone_colors``).
    """
    if fmt == "table":
        return render_table(entries, color=color, width=width)
    if fmt == "markdown":
        return render_markdown(entries, metadata=metadata)
    if fmt == "csv":
        return render_delimited(entries, ",")
    if fmt == "tsv":
        return render_delimited(entries, "\t")
    if fmt == "pleco":
        return render_pleco(entries)
    if fmt == "html":
        from flashcards.lists.html import render_html

        return render_html(entries, metadata=metadata, **page)
    if fmt == "json":
        return json.dumps(to_json(entries), ensure_ascii=False, indent=2) + "\n"
    raise InputError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")


# --- JSON -----------------------------------------------------------------------


def to_json(entries: Sequence[VocabEntry]) -> list[dict]:
    """The JSON shape of the command-line contract, one object per entry."""
    return [
        {
            "hanzi": e.hanzi,
            "pinyin": e.pinyin,
            "english": english_text(e),
            "source": e.source,
            "category": e.category,
            "hsk": e.hsk,
            "examples": [{"zh": x.zh, "en": x.en, "pinyin": x.pinyin, "article": x.article} for x in e.examples],
            "traditional": e.traditional or e.hanzi,
            "pinyin_numbers": numbered_pinyin(e),
            "english_list": list(e.english),
            "frequency": e.frequency,
            "count": e.count,
            "measure_words": list(e.measure_words),
            "note": e.note,
            "is_name": e.is_name,
            "context_english": e.context_english,
            "articles": list(e.articles),
        }
        for e in entries
    ]


# --- CSV / TSV ------------------------------------------------------------------


def csv_row(entry: VocabEntry) -> dict[str, str]:
    """One entry as the CSV/TSV columns (all strings)."""
    first = entry.examples[0] if entry.examples else None
    return {
        "hanzi": entry.hanzi,
        "traditional": traditional_form(entry),
        "pinyin": entry.pinyin,
        "pinyin_numbers": numbered_pinyin(entry),
        "english": english_text(entry),
        "category": entry.category or "",
        "source": entry.source,
        "hsk": "" if entry.hsk is None else str(entry.hsk),
        "frequency": "" if entry.frequency is None else f"{entry.frequency:.2f}",
        "count": str(entry.count),
        "measure_words": JOIN.join(entry.measure_words),
        "note": entry.note,
        "example_zh": first.zh if first else "",
        "example_en": first.en if first else "",
        "example_pinyin": first.pinyin if first else "",
        "articles": JOIN.join(entry.articles),
    }


def render_delimited(entries: Sequence[VocabEntry], delimiter: str) -> str:
    """CSV (``","``: fields kept exactly, quoted as needed) or TSV (``"\\t"``: one line per entry)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    for entry in entries:
        row = csv_row(entry)
        if delimiter == "\t":
            row = {k: one_line(v) for k, v in row.items()}
        writer.writerow(row)
    return buf.getvalue()


# --- Pleco ----------------------------------------------------------------------


def pleco_line(entry: VocabEntry) -> str:
    """``hanzi[traditional]<TAB>numbered pinyin<TAB>definition``."""
    trad = traditional_form(entry)
    head = one_line(entry.hanzi) + (f"[{one_line(trad)}]" if trad else "")
    pinyin = numbered_pinyin(entry).replace(" ", "")
    definition = english_text(entry)
    if entry.measure_words:
        definition += f" (measure word: {'、'.join(entry.measure_words)})"
    return f"{head}\t{one_line(pinyin)}\t{one_line(definition)}"


def render_pleco(entries: Sequence[VocabEntry]) -> str:
    """Pleco's flashcard import text: ``//Category`` lines then one line per entry."""
    lines: list[str] = []
    for label, group in group_by_category(entries):
        lines.append("//" + one_line(label).replace("/", "-"))
        lines.extend(pleco_line(e) for e in group)
    return "".join(line + "\n" for line in lines)


# --- Markdown -------------------------------------------------------------------

MARKDOWN_HEADER = ("Hanzi", "Pinyin", "English", "HSK", "Example")


_MD_SPECIAL = re.compile(r"([\\|*_`<>\[\]])")


def md_escape(text: str) -> str:
    """Make text safe inside a Markdown table cell: one line, no stray pipes or emphasis."""
    text = one_line(text)
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_example(entry: VocabEntry) -> str:
    if not entry.examples:
        return ""
    ex = entry.examples[0]
    zh = "".join(f"**{md_escape(p)}**" if hit else md_escape(p) for p, hit in highlight_spans(ex.zh, entry_terms(entry)))
    return zh + (f"<br>{md_escape(ex.en)}" if ex.en.strip() else "")


def _md_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def render_markdown(entries: Sequence[VocabEntry], *, metadata: Sequence[Metadata] = ()) -> str:
    """A Markdown document: title, then a heading and a table per category."""
    out: list[str] = ["# " + (md_escape(_title(metadata)) or "Vocabulary"), ""]
    for meta in metadata:
        parts = [meta.title_zh, meta.source, meta.date, meta.author or meta.author_zh]
        line = " · ".join(md_escape(p) for p in parts if p.strip())
        if meta.url.strip():
            line += (" · " if line else "") + f"<{one_line(meta.url)}>"
        if line:
            out += [f"- {md_escape(meta.title_en) + ': ' if meta.title_en.strip() and len(metadata) > 1 else ''}{line}"]
    if metadata:
        out.append("")
    if not entries:
        out.append("No vocabulary entries.")
        return "\n".join(out) + "\n"
    for label, group in group_by_category(entries):
        out += [f"## {md_escape(label)} ({len(group)})", "", _md_row(MARKDOWN_HEADER), _md_row(["---"] * len(MARKDOWN_HEADER))]
        for e in group:
            trad = traditional_form(e)
            hanzi = md_escape(e.hanzi) + (f" ({md_escape(trad)})" if trad else "")
            hsk = "" if e.hsk is None else str(e.hsk)
            out.append(_md_row([hanzi, md_escape(e.pinyin), md_escape(english_text(e)), hsk, _md_example(e)]))
        out.append("")
    return "\n".join(out)


def _title(metadata: Sequence[Metadata]) -> str:
    if len(metadata) == 1:
        meta = metadata[0]
        return f"Vocabulary: {meta.title_en or meta.title_zh}" if (meta.title_en or meta.title_zh) else ""
    return f"Vocabulary of {len(metadata)} articles" if metadata else ""


# --- terminal table -------------------------------------------------------------


def render_table(entries: Sequence[VocabEntry], *, color: bool = False, width: int | None = None) -> str:
    """A rich table per category; pinyin coloured by tone when ``color``, plain text otherwise.

    Every category's table has the same columns at the same widths.
    """
    from rich import box
    from rich.cells import cell_len
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    total = width or 100
    buf = io.StringIO()
    console = Console(
        file=buf,
        width=total,
        force_terminal=color,
        color_system="256" if color else None,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
    )
    if not entries:
        console.print("No vocabulary entries.")
        return buf.getvalue()
    def headword(e: VocabEntry) -> Text:
        trad = traditional_form(e)
        return Text(e.hanzi).append(f"\n{trad}" if trad else "", style="dim")

    hanzi_width = min(max(cell_len(e.hanzi) for e in entries), total // 4)
    pinyin_width = min(max(cell_len(e.pinyin) for e in entries), total // 4)
    for number, (label, group) in enumerate(group_by_category(entries)):
        if number:
            console.print()
        console.print(Text(f"{label} ({len(group)})", style="bold"))
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold", expand=True)
        table.add_column("Hanzi", min_width=hanzi_width, max_width=hanzi_width, overflow="fold")
        table.add_column("Pinyin", min_width=pinyin_width, max_width=pinyin_width)
        table.add_column("English", ratio=1, min_width=20)
        table.add_column("HSK", justify="right", no_wrap=True)
        table.add_column("Source", no_wrap=True, min_width=8)
        for e in group:
            table.add_row(
                headword(e),
                _pinyin_text(e, color),
                Text(english_text(e)),
                "" if e.hsk is None else str(e.hsk),
                e.source,
            )
        console.print(table)
    return buf.getvalue()


def _pinyin_text(entry: VocabEntry, color: bool):
    from rich.text import Text

    if not color:
        return Text(entry.pinyin)
    text = Text()
    for piece, tone in tone_runs(entry):
        text.append(piece, style=TERMINAL_TONE_STYLES.get(tone, "") if tone else "")
    return text
