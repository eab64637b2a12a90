"""TextRank: how central each word is to a text, from the words it occurs near."""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from operator import mul

WINDOW = 5  # words within this distance of each other are linked


def cooccurrence(sequences: Sequence[Sequence[str]], window: int = WINDOW) -> dict[str, Counter]:
    """word -> how often each other word stands within ``window`` words of it, in order
    of first meeting."""
    edges: dict[str, Counter] = defaultdict(Counter)
    for seq in sequences:
        for i, a in enumerate(seq):
            for b in seq[i + 1:i + window]:
                if a != b:
                    edges[a][b] += 1
                    edges[b][a] += 1
    return edges


def textrank(sequences: Sequence[Sequence[str]], window: int = WINDOW, iterations: int = 30, damping: float = 0.85) -> dict[str, float]:
    """TextRank over co-occurrence within ``window`` words; scores scaled to max 1."""
    edges = cooccurrence(sequences, window)
    if not edges:
        return {}
    nodes = list(edges)
    links = node_links(edges)
    # numpy where the process has it already (a worker has, for the pinyin model);
    # importing it for this alone would cost more than it saves (a rebuild after a
    # gloss edit, say)
    iterate = _iterate_numpy if "numpy" in sys.modules else _iterate_python
    score = iterate(links, iterations, damping)
    top = max(score)
    return {n: s / top for n, s in zip(nodes, score)}


def node_links(edges: dict[str, Counter]) -> list[tuple[list[int], list[float]]]:
    """Each node's neighbours (their positions, in the order of ``edges``) and shares
    (weight / neighbour's total weight), worked out once instead of on every iteration."""
    position = {n: k for k, n in enumerate(edges)}
    totals = [sum(counts.values()) for counts in edges.values()]
    return [([position[m] for m in counts], [w / totals[position[m]] for m, w in counts.items()]) for counts in edges.values()]


def _iterate_python(links, iterations: int, damping: float) -> list[float]:
    """The power iteration, each node's sum taken in C (the same products, added in
    the same order, so the same floats as a plain loop)."""
    score = [1.0] * len(links)
    for _ in range(iterations):
        at = score.__getitem__
        score = [(1 - damping) + damping * sum(map(mul, shares, map(at, neighbours))) for neighbours, shares in links]
    return score


def _iterate_numpy(links, iterations: int, damping: float) -> list[float]:
    """The same iteration over flat arrays, one entry per (node, neighbour) link: one
    multiplication of every share by its neighbour's score and one bincount summing
    each node's products. bincount adds a node's products one after another, from 0,
    as sum() does, and numpy multiplies and adds doubles as Python does: the same floats."""
    import numpy as np

    rows = np.array([k for k, (neighbours, _) in enumerate(links) for _ in neighbours], dtype=np.intp)
    neighbours = np.array([m for n, _ in links for m in n], dtype=np.intp)
    shares = np.array([w for _, ws in links for w in ws], dtype=np.float64)
    score = np.ones(len(links))
    for _ in range(iterations):
        score = (1 - damping) + damping * np.bincount(rows, weights=shares * score[neighbours], minlength=len(links))
    return score.tolist()
