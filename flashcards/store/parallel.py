"""Analysing many articles at once, over the machine's cores when it pays.

A build of many articles forks a *warm* process before it reads anything: that
process loads the libraries while the build reads the glossary and the articles, and
the analysis then runs in workers forked from it, which start with everything loaded.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from flashcards.store import cache

T = TypeVar("T")

# Below this many articles a second process costs more than it saves: each worker
# starts with none of the answers (segmenter, readings, dictionary) learnt so far.
PARALLEL_FROM = 16

_WORK: Callable[[Any], Any] | None = None


def _work(item: Any) -> Any:
    return _WORK(item)  # type: ignore[misc]


def workers() -> int:
    """Cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def spreads(count: int) -> bool:
    """Whether ``count`` items are worth forked workers on this machine."""
    return count >= PARALLEL_FROM and workers() >= 2 and "fork" in multiprocessing.get_all_start_methods()


class Warm:
    """A process forked early to load what the work needs while this one reads its
    input; the work is later done there, by workers forked from it, which start warm.
    Made by :func:`warm_process`, used by :func:`analyse_many`."""

    def __init__(self, pid: int, connection, count: int):
        self.pid = pid
        self._connection = connection
        self._count = count  # items to come at most
        self._given = False  # whether it was handed work

    def run(self, items: Iterable[Any], work: Callable[[Any], T], progress) -> Iterator[T]:
        """``work(item)`` for each item there, in order. ``work`` goes with the first
        item, and each item as soon as ``items`` gives it, so the work starts while
        later items are still being made (read from files, say); each answer comes back
        pickled. Once: the warm process ends with its work."""
        sent = 0
        for item in items:
            if not sent:
                self._given = True
                self._connection.send((work, self._count))
            self._connection.send_bytes(pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL))
            sent += 1
        if not sent:
            return
        self._connection.send_bytes(_NO_MORE)
        while True:
            try:
                message = self._connection.recv_bytes()
            except EOFError:
                raise RuntimeError("the analysis process ended before its work was done") from None
            kind, data = message[:1], message[1:]
            if kind == _FAILED:
                raise pickle.loads(data)
            if kind == _ENDED:
                # its workers have ended too, what they learnt (cache.persistent) written
                # down: the merge here reads it rather than working it out again
                return
            yield pickle.loads(data)
            if progress is not None:
                progress(1)

    def close(self) -> None:
        self._connection.close()
        with contextlib.suppress(ChildProcessError):
            # handed work, it ends once that is done or its answers find no reader (its
            # workers having written down what they learnt); given none, it ends by
            # itself after its head start, which is not waited for
            os.waitpid(self.pid, 0 if self._given else os.WNOHANG)


# What a warm process's messages start with: an answer, the error that stopped the
# work, or word that the work and its workers have ended.
_ANSWER, _FAILED, _ENDED = b"a", b"f", b"e"
_NO_MORE = b""  # sent to it after the last item


@contextlib.contextmanager
def warm_process(count: int, preload: Callable[[], None]) -> Iterator[Warm | None]:
    """A :class:`Warm` process for ``count`` items to come, loading with ``preload``
    from now on; None where so few items do not pay for workers. Ended with the block."""
    if not spreads(count):
        yield None
        return
    parent_end, child_end = multiprocessing.Pipe()
    pid = os.fork()
    if pid == 0:  # the warm process: never returns into the caller's code
        code = 1
        try:
            parent_end.close()
            _serve(child_end, preload)
            code = 0
        finally:
            os._exit(code)
    child_end.close()
    warm = Warm(pid, parent_end, count)
    try:
        yield warm
    finally:
        warm.close()


def _serve(connection, preload: Callable[[], None]) -> None:
    with contextlib.suppress(Exception):  # only a head start: the work loads what is left
        preload()
    try:
        work, count = connection.recv()
    except EOFError:  # nothing to do after all
        return

    # The items are taken in as they are sent, by a thread of their own, so that the
    # sender is never held up (it goes on reading articles, and finds a bad one at
    # once) by workers that are busy; the pool is fed from what has arrived.
    arrived: queue.SimpleQueue[bytes] = queue.SimpleQueue()

    def receive() -> None:
        message = None
        while message != _NO_MORE:
            try:
                message = connection.recv_bytes()
            except (EOFError, OSError):  # the sender stopped: its build failed
                message = _NO_MORE
            arrived.put(message)

    threading.Thread(target=receive, daemon=True).start()

    def items() -> Iterator[Any]:
        while (message := arrived.get()) != _NO_MORE:
            yield pickle.loads(message)

    try:
        prepare = getattr(work, "prepare", None)
        if prepare is not None:  # once, here, rather than in every worker
            prepare()
        answer = lambda item: _ANSWER + pickle.dumps(work(item), protocol=pickle.HIGHEST_PROTOCOL)  # noqa: E731
        # closed when an answer finds no reader (the build stopped: a bad article, say),
        # which ends the workers at once rather than after all the work sent so far
        with contextlib.closing(_answers(items(), answer, count)) as answers:
            for done in answers:
                connection.send_bytes(done)
        # what the head start learnt, which the workers inherited and so never wrote down
        # themselves, is there for the parent too
        cache.write_memos()
        connection.send_bytes(_ENDED)
    except Exception as exc:
        connection.send_bytes(_FAILED + pickle.dumps(exc))


def analyse_many(
    items: Iterable[Any],
    work: Callable[[Any], T],
    *,
    progress: Callable[[int], None] | None = None,
    warm: Warm | None = None,
) -> list[T]:
    """``work(item)`` for each of ``items`` (articles, or their numbers), in order: in the
    ``warm`` process when there is one, else over workers forked now when there are
    enough items (the workers inherit ``work``), else here."""
    if warm is not None:
        return list(warm.run(items, work, progress))
    items = list(items)
    out = []
    for done in _answers(items, work, len(items)):
        out.append(done)
        if progress is not None:
            progress(1)
    return out


def _answers(items: Iterable[Any], work: Callable[[Any], T], count: int) -> Iterator[T]:
    """``work(item)`` for each item, in order, as each is done: over workers forked now
    when the ``count`` items to come are enough (they inherit ``work``), else here."""
    global _WORK
    _WORK = work
    if not spreads(count):
        yield from map(_work, items)
        return
    # workers forked here start with what this process has loaded (everything, in a
    # warm process) and load the rest for themselves; the parent, which only gathers,
    # stays small. Frozen, the inherited objects are not scanned by the workers'
    # collections, which would copy every page they touch.
    gc.freeze()
    pool = multiprocessing.get_context("fork").Pool(workers())
    try:
        yield from pool.imap(_work, items, chunksize=4)
        pool.close()
        pool.join()  # the workers end normally, writing down what they learnt (cache.persistent)
    finally:
        pool.terminate()
