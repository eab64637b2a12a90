"""Each vocabulary-list format, read back by the kind of program that consumes it."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest

from flashcards.errors import InputError
from flashcards.model import Example, VocabEntry
from flashcards.lists.entries import highlight_spans, tone_runs
from flashcards.lists.text import CSV_COLUMNS, FORMATS, render
from test_lists_samples import METADATA, sample_entries

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --- CSV / TSV ----------------------------------------------------------------------


def test_csv_reads_back_every_field_exactly():
    entries = sample_entries()
    rows = list(csv.DictReader(io.StringIO(render(entries, "csv"))))
    assert len(rows) == len(entries)
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    for row, e in zip(rows, entries):
        assert row["hanzi"] == e.hanzi
        assert row["pinyin"] == e.pinyin
        assert row["english"] == "; ".join(e.english)
        assert row["source"] == e.source
        assert row["category"] == (e.category or "")
        assert row["hsk"] == ("" if e.hsk is None else str(e.hsk))
        assert row["note"] == e.note
        assert row["example_zh"] == (e.examples[0].zh if e.examples else "")
        assert row["example_en"] == (e.examples[0].en if e.examples else "")
    # the note with a line break and the English with a tab survive as they are
    by_hanzi = {r["hanzi"]: r for r in rows}
    assert by_hanzi["默许"]["note"] == "Often paired with 纵容,\nnot neutral."
    assert by_hanzi["默许"]["english"] == "tacit approval; to acquiesce\tin"
    assert by_hanzi["演习"]["example_en"] == 'joint "exercises",\nand training'


def test_csv_traditional_column_is_empty_when_same_as_simplified():
    rows = {r["hanzi"]: r for r in csv.DictReader(io.StringIO(render(sample_entries(), "csv")))}
    assert rows["志同道合"]["traditional"] == ""
    assert rows["默许"]["traditional"] == "默許"


def test_tsv_is_one_line_per_entry_and_reads_back_with_whitespace_collapsed():
    entries = sample_entries()
    text = render(entries, "tsv")
    lines = text.splitlines()
    assert len(lines) == len(entries) + 1
    assert all(line.count("\t") == len(CSV_COLUMNS) - 1 for line in lines if '"' not in line)
    rows = list(csv.DictReader(io.StringIO(text), delimiter="\t"))
    assert [r["hanzi"] for r in rows] == [e.hanzi for e in entries]
    for row, e in zip(rows, entries):
        assert len(row) == len(CSV_COLUMNS) and None not in row
        assert row["english"] == collapse("; ".join(e.english))
        assert row["note"] == collapse(e.note)
        assert "\t" not in "".join(row.values()) and "\n" not in "".join(row.values())


def test_numbered_pinyin_column_has_one_numbered_syllable_per_character():
    rows = list(csv.DictReader(io.StringIO(render(sample_entries(), "csv"))))
    for row in rows:
        syllables = row["pinyin_numbers"].split()
        assert len(syllables) == len(row["hanzi"]), row
        assert all(re.fullmatch(r"[a-zA-Z]+[1-5]", s) for s in syllables), row
    assert next(r for r in rows if r["hanzi"] == "默许")["pinyin_numbers"] == "mo4 xu3"


# --- Pleco --------------------------------------------------------------------------


def parse_pleco(text: str) -> list[dict]:
    """A strict reader of Pleco's import format: //Category lines, then hanzi[trad]<TAB>pinyin<TAB>definition."""
    cards, category = [], None
    for number, line in enumerate(text.split("\n"), 1):
        if not line:
            continue
        if line.startswith("//"):
            category = line[2:]
            assert category and "\t" not in category, number
            continue
        fields = line.split("\t")
        assert len(fields) == 3, f"line {number}: {line!r}"
        head, pinyin, definition = fields
        m = re.fullmatch(r"([^\[\]\s]+)(?:\[([^\[\]\s]+)\])?", head)
        assert m, f"line {number}: bad headword {head!r}"
        assert re.fullmatch(r"(?:[a-zA-Z]+[1-5])+", pinyin), f"line {number}: bad pinyin {pinyin!r}"
        assert definition.strip()
        cards.append({"category": category, "hanzi": m[1], "traditional": m[2], "pinyin": pinyin, "definition": definition})
    return cards


def test_pleco_lines_parse_with_categories_and_traditional_forms():
    entries = sample_entries()
    cards = parse_pleco(render(entries, "pleco"))
    assert sorted(c["hanzi"] for c in cards) == sorted(e.hanzi for e in entries)
    by_hanzi = {c["hanzi"]: c for c in cards}
    spa = by_hanzi["战略伙伴关系协定"]
    assert (spa["category"], spa["traditional"]) == ("diplomacy", "戰略夥伴關係協定")
    assert spa["pinyin"] == "zhan4lve4huo3ban4guan1xi5xie2ding4"
    assert spa["definition"] == "strategic partnership agreement; SPA"
    assert by_hanzi["志同道合"]["traditional"] is None  # same as simplified: no brackets
    assert by_hanzi["北约"]["category"] == "Other"
    assert by_hanzi["默许"]["definition"] == "tacit approval; to acquiesce in"  # the tab became a space
    assert "艘" in by_hanzi["直升机护卫舰"]["definition"]


def test_pleco_groups_each_category_once():
    text = render(sample_entries(), "pleco")
    categories = [line[2:] for line in text.splitlines() if line.startswith("//")]
    assert categories == ["diplomacy", "politics", "navy", "Other"]


# --- Markdown -----------------------------------------------------------------------


def markdown_tables(text: str) -> list[list[list[str]]]:
    """Every pipe table of a Markdown document, as rows of unescaped cells."""
    tables, current = [], []
    for line in text.split("\n") + [""]:
        if line.startswith("|"):
            assert line.endswith("|") and not line.endswith("\\|"), line
            cells = re.split(r"(?<!\\)\|", line[1:-1])
            current.append([re.sub(r"\\(.)", r"\1", c.strip()) for c in cells])
        elif current:
            tables.append(current)
            current = []
    return tables


def test_markdown_tables_have_a_consistent_shape():
    entries = sample_entries()
    text = render(entries, "markdown", metadata=[METADATA])
    tables = markdown_tables(text)
    assert len(tables) == 4  # one per category
    hanzi = []
    for table in tables:
        header, separator, *rows = table
        assert header == ["Hanzi", "Pinyin", "English", "HSK", "Example"]
        assert all(re.fullmatch(r":?-{3,}:?", c) for c in separator)
        assert rows and all(len(row) == len(header) for row in rows)
        hanzi += [row[0].split(" (")[0] for row in rows]
    assert sorted(hanzi) == sorted(e.hanzi for e in entries)
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings == ["diplomacy (2)", "politics (1)", "navy (2)", "Other (2)"]
    assert text.startswith("# Vocabulary: What is Japan")


def test_markdown_escapes_pipes_and_highlights_the_term():
    text = render(sample_entries(), "markdown")
    row = next(r for t in markdown_tables(text) for r in t if r[0].startswith("演习"))
    assert row[2] == "military exercise; drill | manoeuvre"
    assert row[4].startswith("举行联合**演习**,") and "<br>" in row[4]


# --- JSON ---------------------------------------------------------------------------


def test_json_has_the_contract_shape():
    entries = sample_entries()
    data = json.loads(render(entries, "json"))
    assert isinstance(data, list) and len(data) == len(entries)
    for obj, e in zip(data, entries):
        assert isinstance(obj["hanzi"], str) and obj["hanzi"] == e.hanzi
        assert isinstance(obj["pinyin"], str) and obj["pinyin"] == e.pinyin
        assert isinstance(obj["english"], str) and obj["english"] == "; ".join(e.english)
        assert obj["source"] in ("glossary", "article", "both")
        assert obj["category"] is None or isinstance(obj["category"], str)
        assert obj["category"] == e.category
        assert obj["hsk"] is None or (isinstance(obj["hsk"], int) and 1 <= obj["hsk"] <= 9)
        assert isinstance(obj["examples"], list)
        for ex_obj, ex in zip(obj["examples"], e.examples, strict=True):
            assert isinstance(ex_obj["zh"], str) and isinstance(ex_obj["en"], str)
            assert (ex_obj["zh"], ex_obj["en"]) == (ex.zh, ex.en)


def test_json_of_nothing_is_an_empty_array():
    assert json.loads(render([], "json")) == []


# --- terminal table -----------------------------------------------------------------


def test_table_is_plain_text_without_colour():
    text = render(sample_entries(), "table", width=100)
    assert "\x1b" not in text
    for e in sample_entries():
        assert e.hanzi in text
    for heading in ("diplomacy (2)", "politics (1)", "navy (2)", "Other (2)"):
        assert heading in text
    assert all(len(line) <= 100 for line in text.splitlines())


def test_coloured_table_differs_from_plain_only_by_colour_codes():
    plain = render(sample_entries(), "table", width=100)
    coloured = render(sample_entries(), "table", color=True, width=100)
    assert "\x1b[" in coloured
    assert ANSI.sub("", coloured) == plain


def test_coloured_table_colours_each_syllable_by_its_tone():
    entry = VocabEntry(hanzi="默许", pinyin="mòxǔ", english=("tacit approval",), source="glossary")
    coloured = render([entry], "table", color=True, width=80)
    codes = re.findall(r"\x1b\[([0-9;]+)m(mò|xǔ)\x1b\[0m", coloured)
    assert [syllable for _, syllable in codes] == ["mò", "xǔ"]
    assert codes[0][0] != codes[1][0]  # tone 4 and tone 3 differ


# --- HTML ---------------------------------------------------------------------------


class _Checker(HTMLParser):
    VOID = {"meta", "br", "link", "img", "hr", "input", "col"}

    def __init__(self):
        super().__init__()
        self.stack, self.classes, self.texts = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)
        self.classes.append((tag, dict(attrs).get("class", "")))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        self.texts.append(data)


def well_formed(page: str) -> _Checker:
    """The page parsed, every element closed in order."""
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert checker.stack == []
    return checker


def test_html_page_is_well_formed_and_holds_every_entry():
    entries = sample_entries()
    page = render(entries, "html", metadata=[METADATA], layout="reader")
    checker = well_formed(page)
    text = "".join(checker.texts)
    for e in entries:
        assert e.hanzi in text and "; ".join(e.english).replace("\t", "\t") in text
    assert METADATA.title_en in text and METADATA.title_zh in text and METADATA.source in text
    assert sum(1 for tag, cls in checker.classes if tag == "article" and "entry" in cls) == len(entries)
    assert "@page" in page and "break-inside: avoid" in page and "Noto Sans CJK SC" in page
    assert 'location.hash === "#print"' in page
    assert not re.search(r"\bsrc=|@import|url\(|https?:", page)  # self-contained: loads nothing


def test_html_escapes_text_and_highlights_the_term():
    entry = VocabEntry(
        hanzi="演习",
        pinyin="yǎnxí",
        english=("<script>alert(1)</script> & drill",),
        source="glossary",
        category='a "quoted" <b>category</b>',
        examples=(Example(zh="举行<联合>演习。", en="joint exercises"),),
    )
    page = render([entry], "html", layout="reader")
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; drill" in page
    assert "&lt;b&gt;category&lt;/b&gt;" in page
    assert "举行&lt;联合&gt;<mark>演习</mark>。" in page
    assert '<span class="tone3">yǎn</span><span class="tone2">xí</span>' in page


def test_every_format_renders_an_empty_list():
    for fmt in FORMATS:
        assert isinstance(render([], fmt), str)
    assert render([], "csv").splitlines() == [",".join(CSV_COLUMNS)]


def test_unknown_format_is_an_input_error():
    with pytest.raises(InputError, match="unknown format"):
        render(sample_entries(), "docx")


# --- pinyin runs --------------------------------------------------------------------


@pytest.mark.parametrize(
    "pinyin, expected",
    [
        ("zhànlüè", [("zhàn", 4), ("lüè", 4)]),
        ("xī'ān", [("xī", 1), ("'", None), ("ān", 1)]),
        ("fǎnjī nénglì", [("fǎn", 3), ("jī", 1), (" ", None), ("néng", 2), ("lì", 4)]),
        ("guānxi", [("guān", 1), ("xi", 5)]),
        ("", []),
    ],
)
def test_tone_runs_cover_the_pinyin_exactly(pinyin, expected):
    runs = tone_runs(VocabEntry(hanzi="字", pinyin=pinyin, english=("x",), source="article"))
    assert runs == expected
    assert "".join(piece for piece, _ in runs) == pinyin


def test_highlight_marks_every_occurrence_and_english_only_as_whole_words():
    assert highlight_spans("演习后再演习", ["演习"]) == [("演习", True), ("后再", False), ("演习", True)]
    assert highlight_spans("moved toward war", ["war"], whole_words=True) == [("moved toward ", False), ("war", True)]
    assert highlight_spans("War games", ["war"], whole_words=True) == [("War", True), (" games", False)]
    assert highlight_spans("", ["war"]) == []


def test_html_highlights_the_english_rendering_in_the_translation():
    page = render(sample_entries()[:1], "html", layout="reader")
    assert "The <mark>strategic partnership agreement</mark> (SPA)" in page
