"""TextRank: how central each word is to a text, from the words it occurs near."""

from __future__ import annotations

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
    # Each node's neighbours (their positions) and shares (weight / neighbour's total
    # weight), worked out once instead of on every iteration; scores kept in a list by
    # node position, each iteration's sums taken in C (the same products, added in the
    # same order, so the same floats as a Python loop).
    nodes = list(edges)
    position = {n: k for k, n in enumerate(nodes)}
    totals = [sum(edges[n].values()) for n in nodes]
    links = [([position[m] for m in edges[n]], [w / totals[position[m]] for m, w in edges[n].items()]) for n in nodes]
    score = [1.0] * len(nodes)
    for _ in range(iterations):
        at = score.__getitem__
        score = [(1 - damping) + damping * sum(map(mul, shares, map(at, neighbours))) for neighbours, shares in links]
    top = max(score)
    return {n: s / top for n, s in zip(nodes, score)}
