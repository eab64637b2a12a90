"""The printable HTML page, printed to PDF by a real headless Chromium and read back with pdftotext."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from flashcards.lists.text import render
from test_lists_samples import METADATA, many_entries, sample_entries

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="needs a headless Chromium (Debian package 'chromium')"),
    pytest.mark.skipif(not POPPLER, reason="needs pdftotext and pdfinfo (Debian package 'poppler-utils')"),
]


def print_to_pdf(html: str, tmp_path: Path, query: str = "") -> Path:
    page = tmp_path / "vocab.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp_path / "vocab.pdf"
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-pdf-header-footer",
        f"--user-data-dir={tmp_path / 'profile'}",
        f"--print-to-pdf={pdf}",
        page.as_uri() + query,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and pdf.exists() and pdf.stat().st_size > 0, done.stderr[-2000:]
    return pdf


def pdf_text(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", *pages, str(pdf), "-"], capture_output=True, check=True)
    return unicodedata.normalize("NFC", out.stdout.decode("utf-8"))


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def flat(text: str) -> str:
    """Text with all whitespace removed, so line wrapping does not matter."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("paper, size_name", [("a4", "A4"), ("letter", "letter")])
def test_printed_page_holds_the_metadata_and_every_entry(tmp_path, paper, size_name):
    entries = sample_entries()
    pdf = print_to_pdf(render(entries, "html", metadata=[METADATA]), tmp_path, f"?paper={paper}")
    info = pdf_info(pdf)
    assert size_name in info["Page size"], info["Page size"]
    text = flat(pdf_text(pdf))
    for needle in (METADATA.title_en, METADATA.title_zh, METADATA.source, METADATA.author, METADATA.date):
        assert flat(needle) in text, needle
    for e in entries:
        assert e.hanzi in text, e.hanzi
        assert flat(e.pinyin) in text, e.pinyin
        assert flat(e.english[0]) in text, e.english[0]
        if e.traditional and e.traditional != e.hanzi:
            assert e.traditional in text
        for ex in e.examples[:1]:
            assert flat(ex.zh) in text, ex.zh
    for heading in ("diplomacy(2)", "politics(1)", "navy(2)", "Other(2)"):
        assert heading in text


def test_printed_entries_are_never_split_across_pages(tmp_path):
    entries = many_entries(60)
    pdf = print_to_pdf(render(entries, "html", metadata=[METADATA]), tmp_path, "?paper=a4")
    pages = int(pdf_info(pdf)["Pages"])
    assert pages >= 3
    seen = []
    example = flat("between Japan and the EU took effect on January 1 this year.")
    for number in range(1, pages + 1):
        text = flat(pdf_text(pdf, number))
        markers = re.findall(r"ENTRY(\d{3})", text)
        seen += markers
        # every entry on this page has its whole example sentence on the same page
        assert text.count(example) == len(markers), f"page {number}"
        # a category heading is followed by at least one of its entries on the same page
        for heading in re.finditer(r"group\d+\(\d+\)", text):
            assert re.search(r"ENTRY\d{3}", text[heading.end() :]), f"heading {heading.group()} ends page {number}"
    assert seen == [f"{i:03d}" for i in range(60)]
