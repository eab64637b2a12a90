"""The printable layouts as HTML (no browser): structure, fonts, paper, colours, options."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from flashcards.errors import InputError
from flashcards.lists import quiz, worksheet
from flashcards.lists.html import LAYOUTS, render_html
from flashcards.lists.page import TONE_COLORS, css_string, numbered_groups, short_english
from flashcards.lists.pdf import BROWSER_ENV, find_browser
from flashcards.lists.worksheet import CELLS, TRACES, practice_rows
from flashcards.model import VocabEntry
from test_lists import well_formed
from test_lists_cli import glossary_path, vocab  # noqa: F401  (fixtures)
from test_lists_samples import METADATA, sample_entries


def entry(hanzi: str, english: tuple[str, ...] = ("x",), **fields) -> VocabEntry:
    return VocabEntry(hanzi=hanzi, pinyin=fields.pop("pinyin", "zì"), english=english, source="glossary", **fields)


def page_of(layout: str, entries=None, **options) -> str:
    return render_html(sample_entries() if entries is None else entries, metadata=[METADATA], layout=layout, **options)


class Rows(HTMLParser):
    """The text of each ``<td>`` of each ``<tr class="entry">``, and the page's headings."""

    def __init__(self):
        super().__init__()
        self.rows, self.headings, self._cell, self._in_h2 = [], [], None, False

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class") or ""
        if tag == "tr" and "entry" in cls.split():
            self.rows.append([])
        elif tag == "td" and self.rows is not None:
            self._cell = [cls, ""]
        elif tag == "h2":
            self._in_h2 = True
            self.headings.append("")

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            if self.rows:
                self.rows[-1].append(tuple(self._cell))
            self._cell = None
        elif tag == "h2":
            self._in_h2 = False

    def handle_data(self, data):
        if self._cell is not None:
            self._cell[1] += data
        if self._in_h2:
            self.headings[-1] += data


def parse(page: str) -> Rows:
    rows = Rows()
    rows.feed(page)
    return rows


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_every_layout_is_well_formed_self_contained_and_holds_every_entry(layout):
    entries = sample_entries()
    page = page_of(layout)
    text = "".join(well_formed(page).texts)
    for e in entries:
        assert e.hanzi in text and e.pinyin in text
    assert METADATA.title_zh in text and METADATA.source in text and METADATA.date in text
    assert not re.search(r"\bsrc=|@import|url\(|https?:|@font-face", page)  # loads nothing, no web fonts
    for font in ("Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei"):
        assert f'"{font}"' in page
    assert "size: A4;" in page and 'counter(page) " of " counter(pages)' in page
    assert "break-inside: avoid" in page


def test_paper_sets_the_page_size_and_bad_choices_are_input_errors():
    assert "size: letter;" in page_of("sheet", paper="letter") and "size: A4;" not in page_of("sheet", paper="letter")
    with pytest.raises(InputError, match="unknown layout 'poster'"):
        page_of("poster")
    with pytest.raises(InputError, match="unknown paper 'a5'"):
        page_of("sheet", paper="a5")


def test_tone_colours_are_optional_and_dark_enough_for_black_and_white():
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for tone, colour in TONE_COLORS.items():  # WCAG AA contrast for small text on white
        assert 1.05 / (luminance(colour) + 0.05) >= 4.5, (tone, colour)
    coloured, plain = page_of("sheet"), page_of("sheet", tone_colors=False)
    assert re.search(r"\.tone3 \{ color: #", coloured) and not re.search(r"\.tone\d \{ color:", plain)
    assert all(e.pinyin in re.sub(r"<[^>]+>", "", plain) for e in sample_entries())


def test_sheet_rows_hold_hanzi_traditional_pinyin_short_english_and_hints():
    entries = sample_entries()
    rows = parse(page_of("sheet")).rows
    assert len(rows) == len(entries)
    ship = next(cells for cells in rows if cells[1][1].startswith("直升机护卫舰"))
    assert [cls for cls, _ in ship] == ["n", "h", "e", "x"]
    assert ship[1][1] == "直升机护卫舰直升機護衛艦"  # Traditional after the headword
    assert ship[2][1] == "zhíshēngjī hùwèijiàn" + "helicopter destroyer; helicopter frigate"
    assert ship[3][1] == "MW\xa0艘"
    drill = next(cells for cells in rows if cells[1][1].startswith("演习"))
    assert drill[3][1] == "HSK\xa06"


def test_grouping_follows_the_sort():
    entries = sample_entries()
    grouped, flat = parse(page_of("sheet")), parse(page_of("sheet", grouped=False))
    assert [h.split(" (")[0] for h in grouped.headings] == ["diplomacy", "politics", "navy", "Other"]
    assert flat.headings == []
    assert [cells[0][1] for cells in flat.rows] == [str(n) for n in range(1, len(entries) + 1)]
    assert [cells[1][1][: len(e.hanzi)] for cells, e in zip(flat.rows, entries)] == [e.hanzi for e in entries]
    numbers = [n for _, rows in numbered_groups(entries, True) for n, _ in rows]
    assert numbers == list(range(1, len(entries) + 1))  # one count through the categories


def test_quiz_puts_prompts_left_of_the_fold_and_answers_right():
    entries = sample_entries()
    rows = parse(page_of("quiz", grouped=False)).rows
    assert len(rows) == len(entries)
    for cells, e in zip(rows, entries):
        assert [cls for cls, _ in cells] == ["n", "q", "w", "a", "m"]
        prompt, answer = cells[1][1], cells[3][1]
        assert short_english(e) in prompt and e.pinyin in prompt and e.hanzi not in prompt
        assert answer.startswith(e.hanzi) and short_english(e) not in answer
        assert cells[2][1] == cells[4][1] == ""  # boxes to write in
    widths = dict(re.findall(r"col\.(\w) \{ width: (\d+)%", quiz.STYLE))
    assert int(widths["n"]) + int(widths["q"]) + int(widths["w"]) == 50  # the fold is the middle of the page
    assert "td.w { border-right: 1pt dashed" in quiz.STYLE


def test_worksheet_rows_model_then_trace_then_empty_and_each_character_once():
    practised: set[str] = set()
    first = practice_rows("军事安全", practised)
    assert [row[0] for row in first] == [("军", "model"), ("事", "model"), ("安", "model"), ("全", "model")]
    for row in first:
        assert len(row) == CELLS
        assert [kind for _, kind in row] == ["model"] + ["trace"] * TRACES + ["empty"] * (CELLS - 1 - TRACES)
        assert {ch for ch, _ in row[: 1 + TRACES]} == {row[0][0]} and {ch for ch, _ in row[1 + TRACES :]} == {""}
    assert [row[0][0] for row in practice_rows("安全合作", practised)] == ["合", "作"]  # only the new ones
    word = practice_rows("合作", practised)  # nothing new: the whole word once, traced once
    assert len(word) == 1 and word[0][:4] == [("合", "model"), ("作", "model"), ("合", "trace"), ("作", "trace")]
    assert [row[0][0] for row in practice_rows("F-35战机", set())] == ["战", "机"]  # letters and digits are not drilled
    assert practice_rows("F-35", set()) == []
    long_word = practice_rows("战略伙伴关系协定", set("战略伙伴关系协定"))
    assert len(long_word) == 2 and all(len(row) == CELLS for row in long_word)


def test_worksheet_page_has_a_grid_per_new_character():
    entries = [entry("军事", pinyin="jūnshì"), entry("军队", pinyin="jūnduì"), entry("事", pinyin="shì")]
    page = page_of("worksheet", entries)
    assert page.count('<div class="grid">') == 3 + 1  # 军 事, 队, then 事 as a whole word
    assert page.count('class="model"') == 4 and page.count('class="trace"') == 3 * TRACES + 1
    assert "Noto Serif CJK SC" in worksheet.STYLE and '"KaiTi"' in worksheet.STYLE


@pytest.mark.parametrize(
    "english, expected",
    [
        (("air force",), "air force"),
        (("strategic adjustment", "strategic shift", "strategic turn"), "strategic adjustment; strategic shift"),
        (("a" * 50,), "a" * 50),  # one long word is kept whole
        (("to make something up in the course of a long and winding conversation",), "to make something up in the course of a…"),
        (("", " ", "drill"), "drill"),
        ((), ""),
    ],
)
def test_short_english_keeps_the_meanings_that_fit(english, expected):
    assert short_english(entry("字", english)) == expected


def test_css_strings_cannot_break_out():
    assert css_string('a "b" \\ </style>') == '"a \\22 b\\22  \\5c  \\3c /style\\3e "'
    page = render_html([entry("字")], metadata=[type(METADATA)(title_en='x</style><script>alert(1)</script>"')])
    assert "<script>alert(1)" not in page and page.count("</style>") == 2


# --- the command --------------------------------------------------------------------


def test_vocab_layout_and_paper_options(vocab, tmp_path):
    for layout in LAYOUTS:
        page = vocab("--format", "html", "--layout", layout, "--paper", "letter")
        assert f'class="layout-{layout}"' in page and "size: letter;" in page
        assert "直升机护卫舰" in page
    by_pinyin = parse(vocab("--format", "html", "--sort", "pinyin"))
    assert by_pinyin.headings == []  # a chosen sort is kept, not regrouped
    assert parse(vocab("--format", "html")).headings  # order of appearance: by category


def test_vocab_pdf_needs_an_output_file_and_a_browser(run_cli, glossary_path, tmp_path, monkeypatch):
    result = run_cli("vocab", "--format", "pdf", "--glossary", glossary_path)
    assert result.code == 2 and "--output" in result.err and result.out == ""
    monkeypatch.setenv(BROWSER_ENV, str(tmp_path / "no-such-browser"))
    out = tmp_path / "list.pdf"
    result = run_cli("vocab", "--format", "pdf", "--output", out, "--glossary", glossary_path)
    assert result.code == 1 and not out.exists()
    assert len(result.err.strip().splitlines()) == 1 and "--format html" in result.err and "Traceback" not in result.err


def test_find_browser_honours_the_environment(tmp_path, monkeypatch):
    program = tmp_path / "my-chrome"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setenv(BROWSER_ENV, str(program))
    assert find_browser() == str(program)
    monkeypatch.setenv(BROWSER_ENV, str(tmp_path / "missing"))
    assert find_browser() is None
