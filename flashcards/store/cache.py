"""The on-disk cache: analysed articles and slow-to-build resources, keyed by content.

A key hashes everything the cached value depends on (the input's content, the
glossary terms that change segmentation, the tool's version), so a stale entry is
never read: it is simply never asked for again. Values are written atomically;
an unreadable entry counts as a miss. The cache lives in the user's cache folder
(``platformdirs``), or in ``$FLASHCARDS_CACHE_DIR``; ``--no-cache`` (or
``FLASHCARDS_NO_CACHE=1``) turns it off.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from flashcards import __version__

T = TypeVar("T")
_FORMAT = 1  # bump when the layout of cached values changes


class _Settings:
    enabled: bool = os.environ.get("FLASHCARDS_NO_CACHE", "") in ("", "0")
    directory: Path | None = None


def configure(*, enabled: bool | None = None, directory: str | os.PathLike | None = None) -> None:
    """Turn the cache on or off, or point it at another folder (the CLI's options)."""
    if enabled is not None:
        _Settings.enabled = enabled
    if directory is not None:
        _Settings.directory = Path(directory)


def enabled() -> bool:
    """Whether the cache is on."""
    return _Settings.enabled


def directory() -> Path:
    """Where cached files go."""
    if _Settings.directory is not None:
        return _Settings.directory
    env = os.environ.get("FLASHCARDS_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("flashcards", appauthor=False))


@functools.cache
def code_version() -> str:
    """The tool's version and a hash of its source: any change to the code is a new key."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parents[1]
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def library(*names: str) -> Callable[[], str]:
    """A source for keys and tables: the installed versions of the libraries ``names``
    (read once per process)."""
    return functools.partial(_versions, names)


@functools.cache
def _versions(names: tuple[str, ...]) -> str:
    return ";".join(f"{name}={installed_version(name)}" for name in names)


def installed_version(name: str) -> str:
    """The installed version of distribution ``name``, read off the name of its
    ``NAME-VERSION.dist-info`` folder (the wheel format's own naming), as
    :mod:`importlib.metadata` finds it, but without importing that module and parsing the
    package's METADATA file, which costs a rebuild from cache a tenth of its time."""
    wanted = _normalised(name)
    for folder in _dist_info_folders():
        project, _, version = folder[: -len(".dist-info")].partition("-")
        if version and _normalised(project) == wanted:
            return version
    from importlib.metadata import version as metadata_version  # installed some other way

    return metadata_version(name)


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


@functools.cache
def _dist_info_folders() -> tuple[str, ...]:
    """The ``*.dist-info`` folders on ``sys.path``, in its order (the first one wins)."""
    found: list[str] = []
    for entry in sys.path:
        try:
            found += sorted(n for n in os.listdir(entry or ".") if n.endswith(".dist-info"))
        except OSError:  # not a folder (a zip, say) or gone
            continue
    return tuple(found)


def key(*parts: Any) -> str:
    """A stable hex key for ``parts`` (anything with a deterministic ``repr``)."""
    digest = hashlib.sha256(repr((_FORMAT, code_version(), parts)).encode("utf-8"))
    return digest.hexdigest()[:40]


def _path(kind: str, digest: str) -> Path:
    return directory() / kind / f"{digest}.pickle"


def get(kind: str, digest: str) -> Any | None:
    """The value stored under ``kind``/``digest``, or ``None`` (missing, unreadable, disabled)."""
    if not _Settings.enabled:
        return None
    try:
        with open(_path(kind, digest), "rb") as fh:
            return pickle.load(fh)
    except Exception:  # a missing, truncated or foreign file is only a miss
        return None


def put(kind: str, digest: str, value: Any) -> None:
    """Store ``value``; a cache that cannot be written is silently skipped."""
    if not _Settings.enabled:
        return
    from flashcards.errors import InputError
    from flashcards.store.fileio import write_atomic

    try:
        write_atomic(_path(kind, digest), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), durable=False)
    except (InputError, OSError):
        pass


def memoize(kind: str, digest: str, compute: Callable[[], T]) -> T:
    """``get`` or else ``compute`` and ``put``."""
    value = get(kind, digest)
    if value is None:
        value = compute()
        put(kind, digest, value)
    return value


def resource(kind: str, *sources: Callable[[], Any]):
    """Decorator: keep a zero-argument function's result on disk across processes.

    ``sources`` give what the result depends on (e.g. a data file's size and mtime);
    the result is also memoised in the process.
    """

    def wrap(func: Callable[[], T]) -> Callable[[], T]:
        @functools.cache
        def cached() -> T:
            digest = key(kind, func.__module__, func.__qualname__, [s() for s in sources])
            return memoize("resources", digest, func)

        cached.__doc__ = func.__doc__
        cached.__wrapped__ = func
        return cached

    return wrap


# ── persistent memos: pure per-word functions remembered across runs ─────────


class _MemoStore:
    """One SQLite file of (function, arguments) → pickled result, read key by key.

    New results are kept in memory and written in one transaction when the process
    ends, so a long build pays for one write, and a later run reads only the keys it
    asks for (a 1,000-article memo costs a small run nothing). A function that has
    nothing stored yet (a first run, or the first after an upgrade) is not asked
    about key by key: every answer would be a miss.
    """

    def __init__(self) -> None:
        self._con = None
        self._pending: dict[tuple[str, bytes], bytes] = {}
        self._opened = False
        self._stored_kinds: dict[str, bool] = {}  # kind -> whether the file holds any of its keys

    def _connect(self):
        if not self._opened:
            self._opened = True
            import atexit
            import sqlite3

            try:
                path = directory() / "memo.sqlite"
                path.parent.mkdir(parents=True, exist_ok=True)
                con = sqlite3.connect(path, timeout=10, check_same_thread=False)
                con.execute("CREATE TABLE IF NOT EXISTS memo (kind TEXT, key BLOB, value BLOB, PRIMARY KEY (kind, key))")
                con.commit()
                self._con = con
                # written when the process ends; a pool's worker ends without running
                # atexit, but it runs multiprocessing's finalizers
                atexit.register(self.flush)
                from multiprocessing import util

                util.Finalize(self, self.flush, exitpriority=10)
            except Exception:  # an unwritable cache only costs speed
                self._con = None
        return self._con

    def get(self, kind: str, key: bytes) -> bytes | None:
        pending = self._pending.get((kind, key))
        if pending is not None:
            return pending
        con = self._connect()
        if con is None:
            return None
        try:
            stored = self._stored_kinds.get(kind)
            if stored is None:
                stored = con.execute("SELECT 1 FROM memo WHERE kind = ? LIMIT 1", (kind,)).fetchone() is not None
                self._stored_kinds[kind] = stored
            if not stored:
                return None
            row = con.execute("SELECT value FROM memo WHERE kind = ? AND key = ?", (kind, key)).fetchone()
        except Exception:
            return None
        return row[0] if row else None

    def put(self, kind: str, key: bytes, value: bytes) -> None:
        if self._connect() is not None:
            self._pending[(kind, key)] = value

    def flush(self) -> None:
        if not self._pending or self._con is None:
            return
        rows = [(k, key, v) for (k, key), v in self._pending.items()]
        self._pending.clear()
        try:
            with self._con:
                self._con.executemany("INSERT OR REPLACE INTO memo VALUES (?, ?, ?)", rows)
        except Exception:
            pass

    def forget_connection(self) -> None:
        """In a forked child: SQLite connections must not cross a fork, so open anew."""
        self._con = None
        self._opened = False
        self._pending = {}
        self._stored_kinds = {}


_MEMO = _MemoStore()
os.register_at_fork(after_in_child=_MEMO.forget_connection)


def write_memos() -> None:
    """Write what this process has learnt (see :func:`persistent`) to the memo file now,
    not only when it ends: for another process that is about to read it."""
    _MEMO.flush()


def persistent(*sources: Callable[[], Any]):
    """Decorator for a pure function of hashable, picklable arguments: results are
    memoised in the process and kept on disk across runs.

    ``sources`` give what the results depend on besides the arguments (a data file's
    version, say); the tool's version is always part of it.
    """

    def wrap(func: Callable[..., T]) -> Callable[..., T]:
        @functools.cache
        def kind() -> str:
            return key("memo", func.__module__, func.__qualname__, [s() for s in sources])

        @functools.cache
        def cached(*args, **kwargs):
            if not _Settings.enabled:
                return func(*args, **kwargs)
            arg_key = pickle.dumps((args, sorted(kwargs.items())), protocol=4)
            stored = _MEMO.get(kind(), arg_key)
            if stored is not None:
                try:
                    return pickle.loads(stored)
                except Exception:
                    pass
            value = func(*args, **kwargs)
            _MEMO.put(kind(), arg_key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            return value

        functools.update_wrapper(cached, func)
        return cached

    return wrap
