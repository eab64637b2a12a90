"""Words the learner already knows (``--known FILE``), to leave out of the lists.

Accepted files:

* a word list: one word per line (anything after the first tab, comma or space
  is ignored; ``#`` starts a comment);
* an Anki export (Notes in Plain Text, .txt/.csv/.tsv): ``#separator:`` and the
  ``#notetype/deck/tags/guid column:`` headers are honoured, HTML is stripped, and
  from each note the first field that is a Chinese word (Han characters only, up
  to 12) is taken;
* a Pleco export: ``默许[默許]<TAB>mo4xu3<TAB>...`` (the bracketed form is dropped).

Traditional forms are added in simplified too, so either script matches.
"""

from __future__ import annotations

import csv
import html
import io
import os
import re
from pathlib import Path

from flashcards.errors import InputError

_HAN_WORD = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]{1,12}$")
_HAS_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_TAG = re.compile(r"<[^>]*>")
_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "space": " ", "colon": ":"}


_BRACKETS = re.compile(r"\[[^\]]*\]")  # Pleco's 默许[默許], Anki's [sound:...]
_META_COLUMN = re.compile(r"^#(?:notetype|deck|tags|guid) column:(\d+)", re.I)
_WORD_END = re.compile(r"[\t,;，、 ]")  # what ends the word at the start of a word-list line


def _clean(field: str) -> str:
    return _BRACKETS.sub("", html.unescape(_TAG.sub("", field))).strip()


def _meta_columns(lines: list[str]) -> set[int]:
    """0-based columns an Anki export uses for note type, deck, tags or GUID, not fields."""
    return {int(m.group(1)) - 1 for line in lines if (m := _META_COLUMN.match(line))}


def _separator(lines: list[str], path: Path) -> str | None:
    """The field separator of a delimited file; None for a plain word list."""
    for line in lines:
        if line.lower().startswith("#separator:"):
            name = line.split(":", 1)[1].strip().lower()
            return _SEPARATORS.get(name, name[:1] or "\t")
    body = [l for l in lines if l.strip() and not l.startswith("#")][:50]
    if path.suffix.lower() == ".tsv" or (body and sum("\t" in l for l in body) > len(body) / 2):
        return "\t"
    if path.suffix.lower() == ".csv":
        return ","
    return None


def parse_known_words(text: str, path: str | os.PathLike = "<known words>") -> frozenset[str]:
    """The set of Chinese words in a word list or an Anki notes export."""
    path = Path(path)
    lines = text.splitlines()
    sep = _separator(lines, path)
    words: set[str] = set()
    if sep is None:
        for number, line in enumerate(lines, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            word = _clean(_WORD_END.split(line, maxsplit=1)[0])
            if not _HAN_WORD.match(word):
                raise InputError(f"expected a Chinese word at the start of the line, found {word[:20]!r}", path, number)
            words.add(word)
    else:
        body = "\n".join(l if not l.startswith("#") else "" for l in lines)
        skip = _meta_columns(lines)
        for row in csv.reader(io.StringIO(body), delimiter=sep):
            for column, field in enumerate(row):
                if column in skip:
                    continue
                value = _clean(field)
                if _HAN_WORD.match(value):
                    words.add(value)
                    break
    if not words:
        raise InputError("no Chinese words found (expected one word per line, or an Anki notes export)", path)
    return frozenset(words | {_simplified(w) for w in words})


def _simplified(word: str) -> str:
    from flashcards.lexicon import dictionary

    return dictionary.simplified(word)


def read_known_words(path: str | os.PathLike) -> frozenset[str]:
    """Read ``path`` (any common encoding) into a set of known words."""
    from flashcards.ingest.article import read_text

    return parse_known_words(read_text(path), path)


load_known_words = read_known_words
