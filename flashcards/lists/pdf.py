"""PDF from a printable page, through a Chromium-family browser already on the machine.

Nothing is installed for it: ``find_browser`` looks for Chromium, Google Chrome or
Microsoft Edge ($FLASHCARDS_BROWSER first), and ``print_pdf`` runs it headless on a
temporary copy of the page, with a throw-away profile and its network features off;
the page itself loads nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from flashcards.errors import InputError

BROWSER_ENV = "FLASHCARDS_BROWSER"
COMMANDS = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "microsoft-edge",
    "microsoft-edge-stable",
    "chrome",
    "msedge",
)
APP_PATHS = (
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
)
NOT_FOUND = (
    "--format pdf needs Chromium, Google Chrome or Microsoft Edge and none was found "
    f"(set ${BROWSER_ENV} to its program); or use --format html and print the page from any browser"
)
TIMEOUT = 180  # seconds


def find_browser() -> str | None:
    """The program to print with: ``$FLASHCARDS_BROWSER``, else the first browser found."""
    wanted = os.environ.get(BROWSER_ENV, "").strip()
    if wanted:
        return shutil.which(wanted) or (wanted if Path(wanted).is_file() else None)
    for name in COMMANDS:
        if found := shutil.which(name):
            return found
    return next((p for p in APP_PATHS if Path(p).is_file()), None)


def require_browser() -> str:
    """:func:`find_browser`, or an :class:`InputError` saying what to do when there is none."""
    browser = find_browser()
    if browser is None:
        raise InputError(NOT_FOUND)
    return browser


def print_pdf(html: str, *, browser: str | None = None, workdir: Path | None = None) -> bytes:
    """The PDF that headless ``browser`` (default: :func:`require_browser`) prints of ``html``.

    The page and the browser's profile go in a temporary folder inside ``workdir``
    (default: the system's): a confined browser (Ubuntu's Chromium snap) cannot read
    the system's temporary folder but can read the user's own folders.
    """
    browser = browser or require_browser()
    if workdir is not None:
        try:
            workdir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"cannot write here: {exc.strerror or exc}", workdir) from exc
    with tempfile.TemporaryDirectory(prefix="flashcards-print-", dir=workdir) as tmp:
        folder = Path(tmp).resolve()  # a file URI needs an absolute path: --output list.pdf
        page, pdf = folder / "page.html", folder / "page.pdf"
        page.write_text(html, encoding="utf-8")
        command = [
            browser,
            "--headless",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-pdf-header-footer",
            f"--user-data-dir={folder / 'profile'}",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ]
        if _needs_no_sandbox():
            command.insert(2, "--no-sandbox")
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise InputError(f"could not print with {browser}: {exc}") from exc
        if done.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
            last = (done.stderr.strip().splitlines() or ["no PDF written"])[-1]
            raise InputError(f"{browser} did not print the page: {last}")
        return pdf.read_bytes()


def _needs_no_sandbox() -> bool:
    """Chromium refuses to run as root with its sandbox on (containers, CI)."""
    return hasattr(os, "geteuid") and os.geteuid() == 0
