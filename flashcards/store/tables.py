"""Read-only look-up tables, built once per machine into SQLite files in the cache folder.

The libraries' data (CC-CEDICT, jieba's dictionary, wordfreq's lists) take most of a
second each to load whole, and a build asks about a few thousand of their words. A
:class:`Table` streams the rows into a file the first time any process needs them;
every later process opens the file read-only in milliseconds and reads only the keys
it asks for, so the data costs neither time nor memory. A key may hold several values
(in the order they were given). The tables live in the cache folder's ``resources/``
also when the cache is turned off (they hold the libraries' data, nothing of the
user's); where that folder cannot be written the rows are held in memory instead. A
damaged file is rebuilt once.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import sqlite3
import weakref
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

_FORMAT = 1  # bump when the file layout changes
_KEYS_PER_QUERY = 500  # well under SQLite's limit on a statement's parameters
_ROWS_PER_INSERT = 400  # rows to a statement: half the time of one statement a row
_TABLES: weakref.WeakSet[Table] = weakref.WeakSet()


class Table:
    """Keys (text) → values (text or numbers), from ``rows()``, identified by ``name``
    and by ``version()``: what the rows are made from (a library's version, say) and
    how (bump a number in it when ``rows`` changes). The tool's own version is not
    part of it, so upgrading flashcards does not rebuild the tables."""

    def __init__(
        self,
        name: str,
        version: Callable[[], str],
        rows: Callable[[], Iterable[tuple[str, Any]]],
        *,
        load_whole_after: int | None = None,
        beginnings: Any = None,
    ):
        self.name = name
        self._version = version
        self._rows = rows
        self._store: sqlite3.Connection | dict[str, list] | None = None
        self._load_whole_after = load_whole_after
        self._beginnings = beginnings
        self._lookup: Lookup | None = None
        self._starts: set[str] | None = None  # every key's beginnings, for a table held in memory
        _TABLES.add(self)

    def lookup(self) -> Lookup:
        """The table (one value per key) as a read-only dict, the same one for every
        caller in the process, so each key is asked of the file once; read whole after
        ``load_whole_after`` different keys; the beginning of a key answers
        ``beginnings`` when given (see :class:`Lookup`)."""
        if self._lookup is None:
            self._lookup = Lookup(self, load_after=self._load_whole_after, beginnings=self._beginnings)
        return self._lookup

    # ── reading ──────────────────────────────────────────────────────────────

    def values(self, key: str) -> list:
        """Every value of ``key``, in the order the rows gave them; empty when absent."""
        store = self.store()
        if isinstance(store, dict):
            return list(store.get(key, ()))
        return [row[0] for row in store.execute("SELECT value FROM rows WHERE key = ? ORDER BY rowid", (key,))]

    def get(self, key: str, default: Any = None) -> Any:
        """The first value of ``key``, or ``default``."""
        store = self.store()
        if isinstance(store, dict):
            found = store.get(key)
            return found[0] if found else default
        row = store.execute("SELECT value FROM rows WHERE key = ? ORDER BY rowid LIMIT 1", (key,)).fetchone()
        return row[0] if row else default

    def first_values(self, keys: list[str]) -> dict[str, Any]:
        """The first value of each of ``keys`` the table holds (absent keys left out),
        asked in a few queries rather than one per key."""
        store = self.store()
        if isinstance(store, dict):
            return {k: store[k][0] for k in keys if k in store}
        found: dict[str, Any] = {}
        for at in range(0, len(keys), _KEYS_PER_QUERY):
            chunk = keys[at : at + _KEYS_PER_QUERY]
            query = f"SELECT key, value FROM rows WHERE key IN ({','.join('?' * len(chunk))}) ORDER BY rowid"
            for key, value in store.execute(query, chunk):
                found.setdefault(key, value)
        return found

    def beginning(self, texts: list[str]) -> set[str]:
        """Which of ``texts`` some key begins with (a key begins with itself), asked in a
        few queries: each is a walk down the key index, no row is stored for it."""
        store = self.store()
        if isinstance(store, dict):
            if self._starts is None:
                self._starts = set(_beginnings_of(store))
            return {t for t in texts if t in self._starts}
        found: set[str] = set()
        for at in range(0, len(texts), _KEYS_PER_QUERY):
            chunk = texts[at : at + _KEYS_PER_QUERY]
            # (keys compare as UTF-8 bytes: those beginning with t lie from t up to t + U+10FFFF)
            query = (f"WITH asked(t) AS (VALUES {', '.join(['(?)'] * len(chunk))}) SELECT t FROM asked "
                     "WHERE EXISTS (SELECT 1 FROM rows WHERE key >= t AND key < t || char(1114111))")
            found.update(row[0] for row in store.execute(query, chunk))
        return found

    def keys(self) -> Iterator[str]:
        """Every distinct key, in the order the rows first gave it."""
        store = self.store()
        if isinstance(store, dict):
            return iter(list(store))
        # (SQL's DISTINCT walks the key index: twice as slow as reading the rows in order)
        return iter(dict.fromkeys(row[0] for row in store.execute("SELECT key FROM rows ORDER BY rowid")))

    def count(self) -> int:
        """How many distinct keys there are."""
        store = self.store()
        if isinstance(store, dict):
            return len(store)
        return store.execute("SELECT COUNT(DISTINCT key) FROM rows").fetchone()[0]

    def items(self) -> Iterator[tuple[str, Any]]:
        """Every (key, value) row, in order: for a caller that needs the whole table."""
        store = self.store()
        if isinstance(store, dict):
            return ((k, v) for k, vs in list(store.items()) for v in vs)
        return iter(store.execute("SELECT key, value FROM rows ORDER BY rowid").fetchall())

    def values_containing(self, text: str) -> list:
        """Every distinct text value that contains ``text``, in row order."""
        store = self.store()
        if isinstance(store, dict):
            found = (v for vs in store.values() for v in vs if isinstance(v, str) and text in v)
            return list(dict.fromkeys(found))
        query = "SELECT DISTINCT value FROM rows WHERE instr(value, ?) > 0 ORDER BY rowid"
        return [row[0] for row in store.execute(query, (text,))]

    # ── building ─────────────────────────────────────────────────────────────

    def store(self) -> sqlite3.Connection | dict[str, list]:
        """The open table file, built first when it is missing; a dict without a cache."""
        if self._store is None:
            self._store = self._open()
        return self._store

    def path(self) -> Path:
        """The table's file (in the cache folder's ``resources/``), whether built or not."""
        from flashcards.store import cache

        # (also with --no-cache: a table indexes an installed library's data, it does
        # not remember anything of the user's, and building it in memory costs seconds)
        stamp = hashlib.sha256(repr((_FORMAT, self.name, self._version())).encode()).hexdigest()[:16]
        return cache.directory() / "resources" / f"{self.name}-{stamp}.sqlite"

    def _open(self) -> sqlite3.Connection | dict[str, list]:
        path = self.path()
        for _ in range(2):  # a damaged file (cut short, overwritten) is rebuilt once
            try:
                if not path.exists():
                    _found_missing(self)  # the first run: every table built at once, perhaps
                if not path.exists():
                    self._write(path)
                return _open_read_only(path)
            except (OSError, sqlite3.Error):
                with contextlib.suppress(OSError):
                    path.unlink()
        table: dict[str, list] = {}
        for key, value in self._rows():
            table.setdefault(key, []).append(value)
        return table

    def _write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            con = sqlite3.connect(tmp)
            # no journal and no waiting for the disk: the file is renamed into place only
            # once whole, and a file a power cut damaged is rebuilt (see _open_read_only)
            con.execute("PRAGMA journal_mode = OFF")
            con.execute("PRAGMA synchronous = OFF")
            with con:
                con.execute("CREATE TABLE rows (key TEXT NOT NULL, value)")
                _insert(con, self._rows())
                con.execute("CREATE INDEX rows_key ON rows (key)")
            con.close()
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
        for old in path.parent.glob(f"{self.name}-*.sqlite"):  # earlier versions' tables
            if old != path:
                with contextlib.suppress(OSError):
                    old.unlink()

    def forget(self) -> None:
        """Drop the open file (in a forked child: SQLite connections must not cross a fork)."""
        self._store = None


def _beginnings_of(keys: Iterable[str]) -> Iterator[str]:
    """Every beginning of every key, the keys themselves included (with repeats)."""
    return (key[:end] for key in keys for end in range(1, len(key) + 1))


def _insert(con: sqlite3.Connection, rows: Iterable[tuple[str, Any]]) -> None:
    """Insert (key, value) ``rows`` in their order, many to a statement."""
    many = "INSERT INTO rows VALUES " + ", ".join(["(?, ?)"] * _ROWS_PER_INSERT)
    rows = iter(rows)
    while chunk := list(itertools.islice(rows, _ROWS_PER_INSERT)):
        if len(chunk) == _ROWS_PER_INSERT:
            con.execute(many, list(itertools.chain.from_iterable(chunk)))
        else:
            con.executemany("INSERT INTO rows VALUES (?, ?)", chunk)


# ── the first run: every table at once ───────────────────────────────────────


class _Missing:
    hook: Callable[[Table], None] | None = None


def when_missing(hook: Callable[[Table], None] | None) -> None:
    """Call ``hook(table)`` whenever a table's file is found missing, before that table
    is built: to build every table the tool uses at once (:mod:`flashcards.store.indexing`)
    rather than each as it is first asked for. ``None``: no hook."""
    _Missing.hook = hook


def _found_missing(table: Table) -> None:
    if _Missing.hook is not None:
        with contextlib.suppress(Exception):  # only a head start: each table is built when opened
            _Missing.hook(table)


def registered() -> list[Table]:
    """Every table of the modules imported so far, in no particular order."""
    return list(_TABLES)


def missing(tables: Iterable[Table]) -> list[Table]:
    """Those of ``tables`` whose file is not built yet."""
    return [t for t in tables if not t.path().exists()]


def _open_read_only(path: Path) -> sqlite3.Connection:
    """The table file, opened read-only; sqlite3.Error when it is not whole."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    pages = con.execute("PRAGMA page_count").fetchone()[0] * con.execute("PRAGMA page_size").fetchone()[0]
    if pages == 0 or path.stat().st_size < pages:
        con.close()
        raise sqlite3.DatabaseError("table file is cut short")
    con.execute("SELECT value FROM rows WHERE key = ?", ("",)).fetchall()
    return con


def _forget_all() -> None:
    for table in list(_TABLES):
        table.forget()


os.register_at_fork(after_in_child=_forget_all)


class Lookup(Mapping):
    """A :class:`Table` of one value per key seen as a read-only dict, each answer
    remembered in the process. After ``load_after`` different keys it reads the whole
    table into memory at once, which is then cheaper than asking key by key (a large
    corpus asks about most of a dictionary). With ``beginnings`` (not None), a text
    that only begins some keys answers that value, as if it were stored: jieba's word
    table holds every word's beginnings at 0, pypinyin's phrase cutter asks which
    texts begin a phrase; the table need not hold a row for each."""

    def __init__(self, table: Table, *, load_after: int | None = None, beginnings: Any = None):
        self._table = table
        self._seen: dict[str, Any] = {}
        self._load_after = load_after
        self._beginnings = beginnings
        self._whole = False

    def get(self, key, default=None):
        try:
            found = self._seen[key]
        except KeyError:
            if self._whole:
                return default
            found = self._table.get(key, _MISSING)
            if found is _MISSING and self._beginnings is not None and self._table.beginning([key]):
                found = self._beginnings
            self._seen[key] = found
            if self._load_after is not None and len(self._seen) > self._load_after:
                self._load_whole()
        return default if found is _MISSING else found

    def prefetch(self, keys: Iterable[str]) -> None:
        """Ask the table about every one of ``keys`` not asked about before, together:
        answers then come from memory, as if each had been asked alone."""
        if self._whole:
            return
        seen = self._seen
        wanted = [k for k in dict.fromkeys(keys) if k not in seen]
        if not wanted:
            return
        found = self._table.first_values(wanted)
        if self._beginnings is not None:
            begun = self._table.beginning([k for k in wanted if k not in found])
            found.update(dict.fromkeys(begun, self._beginnings))
        for key in wanted:
            seen[key] = found.get(key, _MISSING)
        if self._load_after is not None and len(seen) > self._load_after:
            self._load_whole()

    def ask_ahead(self, text: str, present: Container | None = None) -> None:
        """:meth:`prefetch` what a dictionary walk over ``text`` asks about: from each
        character, longer and longer pieces for as long as the shorter piece is
        ``present`` (in the table, by default) — a query per length, not one per piece."""
        present = self if present is None else present
        starts = range(len(text))
        length = 1
        while starts and not self._whole:
            self.prefetch([text[k : k + length] for k in starts])
            starts = [k for k in starts if k + length < len(text) and text[k : k + length] in present]
            length += 1

    def _load_whole(self) -> None:
        whole = dict(self._table.items())
        if self._beginnings is not None:
            for start in _beginnings_of(list(whole)):
                whole.setdefault(start, self._beginnings)
        self._seen = whole
        self._whole = True

    def __getitem__(self, key):
        found = self.get(key, _MISSING)
        if found is _MISSING:
            raise KeyError(key)
        return found

    def __contains__(self, key) -> bool:
        return self.get(key, _MISSING) is not _MISSING

    def __iter__(self) -> Iterator[str]:
        return self._table.keys()

    def __len__(self) -> int:
        return self._table.count()


_MISSING = object()
