"""Reading an article file (text or saved web page) into an :class:`Article`.

The entry points of ingest: :func:`read_article` for one file in any layout and
:func:`read_separate` for an English file plus a Chinese file. Decoding and text
tidying live in :mod:`flashcards.ingest.textnorm`, layout parsing in
:mod:`flashcards.ingest.text`, web-page extraction in :mod:`flashcards.ingest.html`.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from pathlib import Path

from flashcards.ingest import text as ingest_text, textnorm
from flashcards.reading import pypinyin_tables
from flashcards.lexicon import script
from flashcards.errors import InputError
from flashcards.model import Article, Metadata, Paragraph

_SAVE_BODY = "; save the page with its article, or paste the article's text into a .txt file"
_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError("no such file; check the name and the folder", path)
    if path.is_dir():
        raise InputError("is a directory, not an article file; name a file in it", path)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", path) from None


def read_text(path: str | os.PathLike, data: bytes | None = None) -> str:
    """The decoded text of ``path`` (encoding detected), or of its ``data`` already read;
    InputError if it is not text."""
    path = Path(path)
    text = textnorm.decode(_read_bytes(path) if data is None else data, path)
    if not text.strip():
        raise InputError("the file is empty; save the article's text in it", path)
    return text


_TAG = re.compile(r"</?(?:p|div|span|br|h[1-6]|article|section|table|td|li)\b[^>]*>", re.I)


def is_html(path: Path, text: str) -> bool:
    """A saved page by its name, its first tag, or (a pasted fragment) its many tags."""
    if path.suffix.lower() in _HTML_SUFFIXES or _HTML_START.match(text[:2000]):
        return True
    return len(_TAG.findall(text[:20000])) >= 4


def slug_for(path: str | os.PathLike) -> str:
    """A file-name-safe identifier from the file name: lowercase ASCII, digits, ``-``."""
    stem = Path(path).stem
    if script.has_han(stem):
        pypinyin_tables.load()
        from pypinyin import lazy_pinyin  # lazily: only for Chinese file names

        stem = "-".join(lazy_pinyin(stem))
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug or "article"


def _units_of(path: Path, data: bytes | None = None) -> tuple[dict[str, str], list[ingest_text.Unit]]:
    text = read_text(path, data)
    text = _pairs_as_text(path, text)
    if is_html(path, text):
        from flashcards.ingest import html as ingest_html# lazily: trafilatura is slow to import

        return ingest_html.read_units(text)
    return ingest_text.read_units(text)


def _pairs_as_text(path: Path, text: str) -> str:
    """A JSON file of sentence pairs (``[{"zh": "...", "en": "..."}, ...]``, as bilingual
    corpora give them) as the line-pairs text it stands for: each pair a paragraph, Chinese
    line then English line. Other text comes back as it is; JSON of another shape is an
    error, not an article whose braces and keys become its words."""
    if path.suffix.lower() != ".json" and not text.lstrip().startswith("["):
        return text
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):  # (nested too deep for the parser: no list of pairs either)
        if path.suffix.lower() == ".json":
            raise InputError("is not valid JSON; an article in JSON is a list of sentence pairs, "
                             '[{"zh": "...", "en": "..."}, ...]', path) from None
        return text
    pairs = doc if isinstance(doc, list) else []
    if not pairs or not all(isinstance(p, dict) and isinstance(p.get("zh"), str) and isinstance(p.get("en"), str)
                            for p in pairs):
        raise InputError('holds JSON but no sentence pairs; an article in JSON is a list of pairs, '
                         '[{"zh": "...", "en": "..."}, ...]', path)
    return "\n\n".join(f"{' '.join(p['zh'].split())}\n{' '.join(p['en'].split())}" for p in pairs) + "\n"


def _with_simplified(paragraph: Paragraph) -> Paragraph:
    return replace(paragraph, zh_simplified=script.to_simplified(paragraph.zh))


def _build(path: Path, meta: dict[str, str], units: list[ingest_text.Unit], zh_path: Path) -> Article:
    if not units:
        raise InputError(f"no article text found in {path.name} (only metadata or page furniture){_SAVE_BODY}", path)
    if not any(u.lang == "zh" for u in units):
        raise InputError(f"no Chinese text found in {zh_path.name}; give the article with its Chinese version (--zh FILE when it is a file of its own)", zh_path)
    metadata, paragraphs = ingest_text.parse_units(meta, units)
    if not paragraphs:
        raise InputError(f"no article text found in {path.name} (only a title, metadata or page furniture){_SAVE_BODY}", path)
    return Article(slug_for(path), metadata, tuple(_with_simplified(p) for p in paragraphs))


def read_article(path: str | os.PathLike, data: bytes | None = None) -> Article:
    """One article file (plain text in any bilingual layout, or a saved web page); its
    ``data`` when already read."""
    path = Path(path)
    meta, units = _units_of(path, data)
    return _build(path, meta, units, path)


def read_separate(
    en_path: str | os.PathLike, zh_path: str | os.PathLike, en_data: bytes | None = None, zh_data: bytes | None = None
) -> Article:
    """An article given as two files: the whole English version and the whole Chinese one
    (their ``en_data`` and ``zh_data`` when already read).

    The slug is what the two file names share (else the English one's). Each file's blocks keep the
    language their characters show, so swapped or mixed files still pair correctly.
    """
    en_path, zh_path = Path(en_path), Path(zh_path)
    en_meta, en_units = _units_of(en_path, en_data)
    zh_meta, zh_units = _units_of(zh_path, zh_data)
    meta = {**zh_meta, **en_meta}
    article = _build(en_path, meta, en_units + zh_units, zh_path)
    return replace(article, slug=_common_slug(en_path, zh_path))


def _common_slug(en_path: Path, zh_path: Path) -> str:
    """``talks-en.txt`` + ``talks-zh.txt`` -> ``talks``; else the English file's slug."""
    en, zh = slug_for(en_path), slug_for(zh_path)
    common = os.path.commonprefix([en, zh]).rstrip("-")
    return common if len(common) >= 3 and en != zh else en


__all__ = ["read_article", "read_separate", "read_text", "slug_for", "Article", "Metadata"]
