"""pypinyin, its phrase and character dictionaries read from tables.

When it is imported, pypinyin decodes both of its dictionaries whole from JSON (47,000
phrases and 42,000 characters) and copies them, about a third of its import time; a
build asks about a few thousand entries. Here pypinyin's own code still converts and
cuts, but the two dictionaries it imports are mappings over tables built once per
machine (:mod:`flashcards.store.tables`), read key by key. pypinyin's phrase cutter, which
collects the prefixes of all the phrases when it is imported (another quarter of
the import), asks the phrase table which texts begin a phrase instead.

:func:`load` puts the two mappings where pypinyin imports its dictionaries from
(the modules ``pypinyin.phrases_dict`` and ``pypinyin.pinyin_dict``), so every place
that uses pypinyin calls it before importing pypinyin. A process that imported
pypinyin before keeps pypinyin's own dictionaries; the answers are the same.
"""

from __future__ import annotations

import functools
import json
import sys
import types
from collections.abc import Callable, ItemsView, Iterable, Iterator, MutableMapping, ValuesView
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from flashcards.store import cache, tables

_FORMAT = "1"  # bump when the rows change


def _data_file(name: str) -> Path:
    """One of pypinyin's JSON files, found without importing pypinyin."""
    return Path(find_spec("pypinyin").submodule_search_locations[0]) / name


def _phrase_rows() -> Iterator[tuple[str, str]]:
    """phrase -> its readings, one syllable's alternatives joined by "," and syllables by " "."""
    phrases = json.loads(_data_file("phrases_dict.json").read_text(encoding="utf-8"))
    return ((phrase, " ".join(",".join(choices) for choices in readings)) for phrase, readings in phrases.items())


def _char_rows() -> Iterator[tuple[str, str]]:
    """code point (as text) -> the character's readings, as pypinyin writes them ("zhōng,zhòng")."""
    return iter(json.loads(_data_file("pinyin_dict.json").read_text(encoding="utf-8")).items())


def _version() -> str:
    return f"{cache.library('pypinyin')()};{_FORMAT}"


_PHRASES = tables.Table("pypinyin-phrases", _version, _phrase_rows)
_CHARS = tables.Table("pypinyin-chars", _version, _char_rows)


class _Importing:
    """Set while pypinyin is imported here: its phrase cutter then finds no phrase keys
    to collect prefixes from (it is given the prefix table once imported)."""

    now = False


class TableDict(MutableMapping):
    """A table seen as one of pypinyin's dicts: entries read key by key and decoded
    as pypinyin holds them; entries set or deleted through it (pypinyin's
    ``load_phrases_dict``, say) kept on top of the table, never written to it."""

    def __init__(self, table: tables.Table, decode: Callable[[str], Any], key_type: type):
        self._table = table
        self._decode = decode
        self._key_type = key_type
        self._own: dict = {}
        self._gone: set = set()
        self._length: int | None = None

    def _stored(self, key) -> str | None:
        if key in self._own or key in self._gone or not isinstance(key, self._key_type):
            return None
        return self._table.lookup().get(str(key))

    def __getitem__(self, key):
        if key in self._own:
            return self._own[key]
        found = self._stored(key)
        if found is None:
            raise KeyError(key)
        return self._decode(found)

    def __contains__(self, key) -> bool:
        return key in self._own or self._stored(key) is not None

    def __setitem__(self, key, value) -> None:
        self._own[key] = value
        self._gone.discard(key)
        self._length = None

    def __delitem__(self, key) -> None:
        if key not in self:
            raise KeyError(key)
        self._own.pop(key, None)
        self._gone.add(key)
        self._length = None

    def __iter__(self) -> Iterator:
        if _Importing.now and self._table is _PHRASES:
            return iter(())
        return (key for key, _ in self._merged((text, None) for text in self._table.keys()))

    def items(self) -> ItemsView:
        return _Items(self)

    def values(self) -> ValuesView:
        return _Values(self)

    def _merged(self, rows: Iterable[tuple[str, str | None]]) -> Iterator[tuple[Any, Any]]:
        """(key, value) for the table's (key text, stored value) ``rows`` (a value of
        None stays None) that are not set or deleted here, then those set here."""
        for text, stored in rows:
            key = self._key_type(text)
            if key not in self._own and key not in self._gone:
                yield key, None if stored is None else self._decode(stored)
        yield from self._own.items()

    def _pairs(self) -> Iterator[tuple[Any, Any]]:
        """Every (key, value), the table's read in one pass rather than key by key."""
        return self._merged(self._table.items())

    def __len__(self) -> int:
        if self._length is None:
            in_table = self._table.lookup().get
            shadowed = sum(1 for key in [*self._own, *self._gone] if in_table(str(key)) is not None)
            self._length = self._table.count() - shadowed + len(self._own)
        return self._length

    def copy(self) -> TableDict:
        """A dict of its own over the same table (pypinyin copies its dictionaries)."""
        twin = TableDict(self._table, self._decode, self._key_type)
        twin._own, twin._gone = dict(self._own), set(self._gone)
        return twin


class _Items(ItemsView):
    def __iter__(self):
        return self._mapping._pairs()


class _Values(ValuesView):
    def __iter__(self):
        return (value for _, value in self._mapping._pairs())


@functools.cache
def _beginnings() -> tables.Lookup:
    """Whether a text begins a phrase (a phrase begins itself): asked of the phrase table."""
    return tables.Lookup(_PHRASES, beginnings="")


class PrefixTable:
    """Stands in for the set of phrase prefixes inside pypinyin's phrase cutter
    (``pypinyin.seg.mmseg.p_set``): the beginnings of the table's phrases, and any it
    is taught later (pypinyin's ``load_phrases_dict`` teaches it every phrase again)."""

    def __init__(self):
        self._own: set[str] = set()

    def __contains__(self, prefix) -> bool:
        return prefix in self._own or _beginnings().get(prefix) is not None

    def add(self, prefix: str) -> None:
        self._own.add(prefix)


def ask_ahead(text: str) -> None:
    """Read together what pypinyin's phrase cutter will ask the prefix table about
    ``text`` (see :meth:`flashcards.store.tables.Lookup.ask_ahead`)."""
    mmseg = sys.modules.get("pypinyin.seg.mmseg")
    prefixes = getattr(getattr(mmseg, "p_set", None), "_set", None)
    if isinstance(prefixes, PrefixTable):
        _beginnings().ask_ahead(text, prefixes)


def _phrase_readings(text: str) -> list[list[str]]:
    return [syllable.split(",") for syllable in text.split(" ")]


def _module(name: str, attribute: str, value: Any) -> types.ModuleType:
    module = types.ModuleType(name, f"pypinyin's {attribute}, read from a table (flashcards.reading.pypinyin_tables)")
    setattr(module, attribute, value)
    return module


@functools.cache
def load() -> None:
    """Import pypinyin, reading its dictionaries (and its phrase cutter's prefixes) from
    the tables, unless this process imported it before."""
    if "pypinyin" in sys.modules or find_spec("pypinyin") is None:
        return
    sys.modules.setdefault("pypinyin.phrases_dict", _module(
        "pypinyin.phrases_dict", "phrases_dict", TableDict(_PHRASES, _phrase_readings, str)))
    sys.modules.setdefault("pypinyin.pinyin_dict", _module(
        "pypinyin.pinyin_dict", "pinyin_dict", TableDict(_CHARS, str, int)))
    _Importing.now = True
    try:
        from pypinyin.seg import mmseg
    finally:
        _Importing.now = False
    mmseg.p_set._set = PrefixTable()
