"""Analysing many articles at once, over the machine's cores when it pays."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

# Below this many articles a second process costs more than it saves: each worker
# loads the segmenter's tables, the pinyin readings and the model for itself.
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


def analyse_many(
    items: Sequence[Any], work: Callable[[Any], T], *, progress: Callable[[int], None] | None = None
) -> list[T]:
    """``work(item)`` for each of ``items`` (articles, or their numbers), in order, over
    forked workers when there are enough of them; the workers inherit ``work``."""
    global _WORK
    _WORK = work
    n = workers()
    if len(items) < PARALLEL_FROM or n < 2 or "fork" not in multiprocessing.get_all_start_methods():
        out = []
        for item in items:
            out.append(_work(item))
            if progress is not None:
                progress(1)
        return out
    out = []
    # each worker loads what it needs (the models, the readings): in parallel, and the
    # parent, which only gathers, stays small
    pool = multiprocessing.get_context("fork").Pool(n)
    try:
        for done in pool.imap(_work, items, chunksize=4):
            out.append(done)
            if progress is not None:
                progress(1)
        pool.close()
        pool.join()  # the workers end normally, writing down what they learnt (cache.persistent)
    finally:
        pool.terminate()
    return out
