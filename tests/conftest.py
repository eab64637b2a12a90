"""Shared fixtures: the sample article, the repository's glossary, and a CLI runner."""

from __future__ import annotations

import atexit
import io
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

# Tests never read or write the user's cache: one fresh cache folder per test session
# (shared by its tests, so CC-CEDICT is indexed once).
os.environ["FLASHCARDS_CACHE_DIR"] = tempfile.mkdtemp(prefix="flashcards-test-cache-")
# Nor the user's personal glossary: the config folder is an empty one of the session's.
os.environ["FLASHCARDS_CONFIG_DIR"] = tempfile.mkdtemp(prefix="flashcards-test-config-")
# Both go when the run ends: the indexed dictionaries take over 100 MB a run.
for _folder in (os.environ["FLASHCARDS_CACHE_DIR"], os.environ["FLASHCARDS_CONFIG_DIR"]):
    atexit.register(shutil.rmtree, _folder, ignore_errors=True)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "articles" / "chinamil-2025-01-06-japan-europe-security.txt"
GLOSSARY = ROOT / "glossary.yaml"


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def sample_article() -> Path:
    return SAMPLE


@pytest.fixture
def repo_glossary() -> Path:
    return GLOSSARY


@pytest.fixture
def run_cli(capsys, monkeypatch):
    """Run ``flashcards ARGS`` in this process through the real entry point."""
    from flashcards.cli import main

    def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> CliResult:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        if cwd is not None:
            monkeypatch.chdir(cwd)
        capsys.readouterr()
        code = 0
        try:
            main([str(a) for a in args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
