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


def key(*parts: Any) -> str:
    """A stable hex key for ``parts`` (anything with a deterministic ``repr``)."""
    digest = hashlib.sha256(repr((_FORMAT, __version__, parts)).encode("utf-8"))
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
    from flashcards.fileio import write_atomic

    try:
        write_atomic(_path(kind, digest), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
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
