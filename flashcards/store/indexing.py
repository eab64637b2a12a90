"""The first run: every dictionary table built at once, over the machine's cores.

The first process that finds a table missing (or a command, as it starts on a machine
with no table at all) forks a *builder*, which builds every missing table in a pool
of one worker per core, each worker taking the next table as it finishes one, in the
order a build first asks for them: the command works on with the first tables while
the later ones are built, and waits only for a table it needs that is not built yet. The builder holds an exclusive lock on the cache
folder's ``resources/.building.lock`` (``flock``: its workers inherit it, and it is
released when the last of them ends), so any process that needs a table (the one
that started the builder, the warm process of a corpus build, another command run
meanwhile) waits for the lock rather than building the tables again, then opens them.
A table the builder could not build is built where it is needed, as before.

Where processes cannot be forked or files locked (not POSIX), nothing happens here:
each table is built the first time it is opened.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator, Sequence


from flashcards.store import tables as store_tables

_LOCK = ".building.lock"
_POLL = 0.05  # seconds between looks at a builder's progress


def build_at_once(
    tables: Sequence[store_tables.Table], *, workers: int, progress: Callable | None = None,
    wanted: store_tables.Table | None = None,
) -> None:
    """Have every missing one of ``tables`` built (starting a builder unless one is at
    work already) and wait until ``wanted`` is (every one of them, without it): the
    builder builds them in the order given, so a caller that asks for them in that
    order works on while the later ones are built. ``progress(total, built)`` is
    entered as a context while waiting, and what it gives is called with each table's
    name as it is built."""
    if start(tables, workers):
        _wait(tables, progress, wanted)


class _Builder:
    pid: int | None = None


def _lock_file(tables: Sequence[store_tables.Table]) -> int | None:
    """An open descriptor of the lock file beside the tables, or None (no fork, no
    locks, or a folder that cannot be written: the tables are then built when opened)."""
    try:
        import fcntl  # noqa: F401 - POSIX only
    except ImportError:
        return None
    if not tables or not hasattr(os, "fork"):
        return None
    folder = tables[0].path().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return os.open(folder / _LOCK, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError:
        return None


def start(tables: Sequence[store_tables.Table], workers: int) -> bool:
    """Fork a builder for the missing ``tables`` unless one is at work, and return at
    once; False where there is nothing to wait for."""
    import fcntl

    if not store_tables.missing(tables):
        return False
    fd = _lock_file(tables)
    if fd is None:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # a builder is at work: wait for it
        os.close(fd)
        return True
    todo = store_tables.missing(tables)  # another builder may have finished meanwhile
    if not todo:
        os.close(fd)
        return False
    pid = os.fork()
    if pid == 0:  # the builder: never returns into the caller's code
        code = 1
        try:
            store_tables.when_missing(None)  # it holds the lock: it must never wait for it
            _build(todo, workers)
            code = 0
        finally:
            os._exit(code)
    os.close(fd)  # the builder holds the lock from now on (the same open file)
    _Builder.pid = pid
    return True


_TODO: list[store_tables.Table] = []  # what the builder's workers build, by index


def _build_one(index: int) -> str | None:
    table = _TODO[index]
    try:
        path = table.path()
        if not path.exists():
            table._write(path)
    except Exception:  # noqa: BLE001 - left to be built where it is opened
        return None
    return table.name


def _build(todo: list[store_tables.Table], workers: int) -> None:
    import multiprocessing

    _TODO[:] = todo
    workers = min(workers, len(todo))
    if workers < 2:
        for index in range(len(todo)):
            _build_one(index)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for _ in pool.imap_unordered(_build_one, range(len(todo))):
            pass


def _wait(tables: Sequence[store_tables.Table], progress: Callable | None, wanted: store_tables.Table | None) -> None:
    """Wait until ``wanted`` is built (or the builder has let go of its lock), showing
    ``progress`` meanwhile."""
    todo = store_tables.missing(tables)
    if wanted is not None and wanted not in todo:
        return
    fd = _lock_file(tables)
    if fd is None:
        return
    try:
        if _try_lock(fd):  # no builder at work (any more)
            _reap()
            return
        with contextlib.ExitStack() as stack:
            done = None
            with contextlib.suppress(Exception):  # (a display already on the terminal, say)
                done = stack.enter_context(progress(len(tables), len(tables) - len(todo))) if progress else None
            for name in _as_built(fd, todo, wanted):
                if done is not None:
                    done(name)
    finally:
        os.close(fd)  # (releases the lock, if this process took it)


def _try_lock(fd: int) -> bool:
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _as_built(fd: int, todo: list[store_tables.Table], wanted: store_tables.Table | None) -> Iterator[str]:
    """The names of ``todo`` as their files appear, until ``wanted``'s does or the
    builder lets go."""
    paths = {t.name: t.path() for t in todo}
    while True:
        finished = _try_lock(fd)
        for name, path in list(paths.items()):
            if path.exists():
                del paths[name]
                yield name
        if finished:
            _reap()
            return
        if wanted is not None and wanted.name not in paths:
            return
        time.sleep(_POLL)


def _reap() -> None:
    """Collect this process's builder, which has let go of its lock and so is ending
    (no zombie left behind)."""
    if _Builder.pid is not None:
        with contextlib.suppress(ChildProcessError, OSError):
            os.waitpid(_Builder.pid, 0)
        _Builder.pid = None


def _forget_builder() -> None:
    _Builder.pid = None  # a forked child did not start it


os.register_at_fork(after_in_child=_forget_builder)
