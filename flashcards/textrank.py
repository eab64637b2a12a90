"""TextRank: how central each word is to a text, from the words it occurs near."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

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
    # The graph laid out once as flat arrays, one entry per (node, neighbour) link, the
    # links of each node together in order: an iteration is then one multiplication of
    # every link's share (weight / neighbour's total weight) by its neighbour's score
    # and one bincount summing each node's products. bincount adds a node's products
    # one after another, from 0, as Python's sum() does, and numpy multiplies and adds
    # doubles as Python does: the same floats as a Python loop, in C.
    import numpy as np

    nodes = list(edges)
    position = {n: k for k, n in enumerate(nodes)}
    totals = [sum(edges[n].values()) for n in nodes]
    rows = np.array([k for k, n in enumerate(nodes) for _ in edges[n]], dtype=np.intp)
    neighbours = np.array([position[m] for n in nodes for m in edges[n]], dtype=np.intp)
    shares = np.array([w / totals[position[m]] for n in nodes for m, w in edges[n].items()], dtype=np.float64)
    score = np.ones(len(nodes))
    for _ in range(iterations):
        score = (1 - damping) + damping * np.bincount(rows, weights=shares * score[neighbours], minlength=len(nodes))
    values = score.tolist()
    top = max(values)
    return {n: s / top for n, s in zip(nodes, values)}
