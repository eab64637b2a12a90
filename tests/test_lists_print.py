"""The printable pages, printed to PDF by a real headless Chromium and read back with pdftotext.

The sample article's list goes through the real command (``flashcards vocab ...
--format html``, then ``--format pdf``), so these measure what a user prints.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from conftest import GLOSSARY, SAMPLE
from flashcards.lists.page import short_english
from flashcards.lists.pdf import find_browser, print_pdf
from flashcards.lists.text import render
from flashcards.model import VocabEntry
from test_lists_samples import METADATA, many_entries, sample_entries

CHROMIUM = find_browser()
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="needs a headless Chromium (Debian package 'chromium')"),
    pytest.mark.skipif(not POPPLER, reason="needs pdftotext and pdfinfo (Debian package 'poppler-utils')"),
]


def to_pdf(html: str, tmp_path: Path) -> Path:
    pdf = tmp_path / "vocab.pdf"
    pdf.write_bytes(print_pdf(html))
    return pdf


def pdf_text(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    # -raw: the text in the order it is drawn, so a table cell's wrapped lines stay together
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", *pages, str(pdf), "-"], capture_output=True, check=True)
    return unicodedata.normalize("NFC", out.stdout.decode("utf-8"))


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def page_count(pdf: Path) -> int:
    return int(pdf_info(pdf)["Pages"])


def pages_text(pdf: Path) -> list[str]:
    """Each page's text with all whitespace removed, so line wrapping does not matter."""
    return [flat(pdf_text(pdf, n)) for n in range(1, page_count(pdf) + 1)]


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def vocab(*args: str | Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "flashcards", "vocab", SAMPLE, "--glossary", GLOSSARY, *args]
    done = subprocess.run([str(a) for a in command], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done


@pytest.fixture(scope="module")
def sample_terms() -> list[dict]:
    return json.loads(vocab("--format", "json").stdout)


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """``printed(layout, paper)``: the sample article's list printed by ``--format pdf``."""
    folder = tmp_path_factory.mktemp("printed")
    done: dict[tuple[str, str], Path] = {}

    def run(layout: str, paper: str = "a4") -> Path:
        if (layout, paper) not in done:
            pdf = folder / f"{layout}-{paper}.pdf"
            vocab("--format", "pdf", "--layout", layout, "--paper", paper, "--output", pdf)
            done[layout, paper] = pdf
        return done[layout, paper]

    return run


def entry_of(term: dict) -> VocabEntry:
    return VocabEntry(hanzi=term["hanzi"], pinyin=term["pinyin"], english=tuple(term["english_list"]), source=term["source"])


# --- the sample article: the acceptance figures -------------------------------------


@pytest.mark.parametrize("paper, size_name", [("a4", "A4"), ("letter", "letter")])
def test_sample_sheet_fits_four_pages_with_every_term(printed, sample_terms, paper, size_name):
    pdf = printed("sheet", paper)
    info = pdf_info(pdf)
    assert size_name in info["Page size"], info["Page size"]
    assert len(sample_terms) > 150  # a real list, not a few lines
    assert 2 <= page_count(pdf) <= 4, f"{len(sample_terms)} terms on {page_count(pdf)} pages"
    pages = pages_text(pdf)
    whole = "".join(pages)
    for term in sample_terms:
        assert term["hanzi"] in whole, term["hanzi"]
        assert flat(term["pinyin"]) in whole, term["pinyin"]
        if term["traditional"] and term["traditional"] != term["hanzi"]:
            assert term["traditional"] in whole, term["traditional"]
    # the header: title, source and date on the first page; page numbers on every page
    for needle in ("日本持续推进对欧军事安全合作有何意图", "ChinaMilitaryOnline", "2025-01-06"):
        assert needle in pages[0]
    for number, text in enumerate(pages, 1):
        assert f"page{number}of{len(pages)}" in text, f"page {number}"


def test_sample_sheet_keeps_each_term_on_one_page(printed, sample_terms):
    pages = pages_text(printed("sheet"))
    for term in sample_terms:
        trad = term["traditional"] if term["traditional"] != term["hanzi"] else ""
        row = term["hanzi"] + trad + flat(term["pinyin"]) + flat(short_english(entry_of(term)))
        on = [n for n, text in enumerate(pages, 1) if row in text]
        assert len(on) == 1, f"{term['hanzi']}: its whole row is on pages {on}"


@pytest.mark.parametrize("layout", ["quiz", "worksheet", "reader"])
def test_every_layout_prints_every_term(printed, sample_terms, layout):
    pdf = printed(layout)
    pages = pages_text(pdf)
    whole = "".join(pages)
    assert all(term["hanzi"] in whole for term in sample_terms)
    assert f"page{len(pages)}of{len(pages)}" in pages[-1]
    if layout == "quiz":  # the prompt and the answer of a term share a row, so a page
        for term in sample_terms:
            prompt = flat(short_english(entry_of(term)))
            assert any(prompt in text and term["hanzi"] in text for text in pages), term["hanzi"]


def words_x(pdf: Path, page: int) -> tuple[float, dict[str, list[float]]]:
    """The page's width and, for each word pdftotext finds on it, where it starts (points from the left)."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, check=True).stdout.decode("utf-8")
    width = float(re.search(r'<page width="([\d.]+)"', out).group(1))
    found: dict[str, list[float]] = {}
    for x, word in re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', out):
        found.setdefault(word, []).append(float(x))
    return width, found


def test_sample_sheet_prints_two_columns_of_terms(printed, sample_terms):
    width, words = words_x(printed("sheet"), 2)
    starts = [x for term in sample_terms for x in words.get(term["hanzi"], [])]
    left = [x for x in starts if x < width / 2]
    right = [x for x in starts if x > width / 2]
    assert len(left) >= 15 and len(right) >= 15, (len(left), len(right))


def test_pdf_leaves_only_the_file_beside_it(printed):
    pdf = printed("sheet")
    assert sorted(p.name for p in pdf.parent.iterdir() if not p.name.endswith(".pdf")) == []
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_sheet_takes_at_most_a_fifth_of_the_readers_pages(printed):
    assert page_count(printed("sheet")) * 5 <= page_count(printed("reader"))


# --- hand-made entries: every field, and rows that must not split --------------------


@pytest.mark.parametrize("layout", ["sheet", "quiz", "worksheet", "reader"])
def test_printed_page_holds_the_metadata_and_every_entry(tmp_path, layout):
    entries = sample_entries()
    text = flat(pdf_text(to_pdf(render(entries, "html", metadata=[METADATA], layout=layout), tmp_path)))
    for needle in (METADATA.title_en, METADATA.title_zh, METADATA.source, METADATA.author, METADATA.date):
        assert flat(needle) in text, needle
    for e in entries:
        assert e.hanzi in text, e.hanzi
        assert flat(e.pinyin) in text, e.pinyin
        assert flat(e.english[0]) in text, e.english[0]
        if e.traditional and e.traditional != e.hanzi and layout != "worksheet":
            assert e.traditional in text
    if layout == "reader":
        assert all(flat(ex.zh) in text for e in entries for ex in e.examples[:1])
    if layout != "quiz":
        for heading in ("diplomacy", "politics", "navy", "Other"):
            assert heading in text


def long_rows(n: int) -> list[VocabEntry]:
    """Entries whose rows wrap over several lines, each line with the entry's marker."""
    out = []
    for i, e in enumerate(many_entries(n)):
        words = " ".join(f"W{i:03d}x{k}" for k in range(5))
        out.append(VocabEntry(hanzi=e.hanzi, pinyin=e.pinyin, english=(f"ENTRY{i:03d} {words} END{i:03d}",),
                              source=e.source, category=e.category, traditional=e.traditional, hsk=e.hsk,
                              examples=e.examples))
    return out


@pytest.mark.parametrize("layout", ["sheet", "quiz", "worksheet", "reader"])
def test_printed_rows_are_never_split_across_pages(tmp_path, layout):
    entries = long_rows(90 if layout == "sheet" else 40)
    pages = pages_text(to_pdf(render(entries, "html", metadata=[METADATA], layout=layout), tmp_path))
    assert len(pages) >= 2
    seen = []
    for number, text in enumerate(pages, 1):
        starts = re.findall(r"ENTRY(\d{3})", text)
        ends = re.findall(r"END(\d{3})", text)
        middles = sorted(set(re.findall(r"W(\d{3})x", text)))
        assert starts == ends, f"page {number}: a row starts here and ends elsewhere"
        assert middles == sorted(set(starts)), f"page {number}: a row's middle without its start"
        for heading in re.finditer(r"group\d+", text):  # a category heading never ends a page
            assert re.search(r"ENTRY\d{3}", text[heading.end():]), f"{heading.group()} ends page {number}"
        seen += starts
    assert sorted(seen) == [f"{i:03d}" for i in range(len(entries))]


def test_pdf_to_a_relative_output_path(tmp_path):
    """`--output sheet.pdf`, as the README shows it: the page is printed from a folder
    beside the output, and the browser needs its absolute address."""
    command = [sys.executable, "-m", "flashcards", "vocab", SAMPLE, "--glossary", GLOSSARY, "--top", "5",
               "--format", "pdf", "--output", "sheet.pdf"]
    done = subprocess.run([str(a) for a in command], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert page_count(tmp_path / "sheet.pdf") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sheet.pdf"]  # no print folder left behind
