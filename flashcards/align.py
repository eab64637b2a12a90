"""Sentence alignment of Chinese and English by dynamic programming over beads.

A bead groups consecutive sentences of both sides: ``((3,), (3, 4))`` says Chinese
sentence 3 translates English sentences 3 and 4. Every sentence of both sides lands
in exactly one bead, in order.
"""

from __future__ import annotations

import math
from typing import Sequence

from flashcards.model import Paragraph, SentencePair
from flashcards.sentences import split_en, split_zh

Bead = tuple[tuple[int, ...], tuple[int, ...]]

# Bead shapes (zh count, en count) and their prior probabilities.
BEAD_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.62, (1, 2): 0.18, (2, 1): 0.06, (1, 3): 0.05, (2, 2): 0.02,
    (3, 1): 0.01, (1, 4): 0.02, (4, 1): 0.003, (2, 3): 0.008, (3, 2): 0.004,
    (1, 0): 0.005, (0, 1): 0.005,
}
_BEAD_COST = {shape: -math.log(p) for shape, p in BEAD_PRIORS.items()}
_VARIANCE = 6.0  # Gale-Church variance per character of the English side


def format_bead(bead: Bead) -> str:
    """``((3,), (3, 4))`` -> ``[3]:[3,4]``."""
    zh, en = bead
    return "[" + ",".join(map(str, zh)) + "]:[" + ",".join(map(str, en)) + "]"


def _length(text: str) -> int:
    return len("".join(text.split()))


def _length_cost(lz: int, le: int, ratio: float) -> float:
    """-log probability that ``le`` English characters translate ``lz`` Chinese ones."""
    mean = (lz * ratio + le) / 2
    if mean == 0:
        return 0.0
    delta = abs(le - lz * ratio) / math.sqrt(_VARIANCE * mean)
    p = math.erfc(delta / math.sqrt(2))  # two-sided tail of the normal
    return -math.log(max(p, 1e-12))


def align(zh: Sequence[str], en: Sequence[str]) -> list[Bead]:
    """Align two sentence lists; every index of both lists lands in exactly one bead."""
    n, m = len(zh), len(en)
    lz = [_length(s) for s in zh]
    le = [_length(s) for s in en]
    ratio = (sum(le) / sum(lz)) if sum(lz) and sum(le) else 1.0
    cz = [0]
    for x in lz:
        cz.append(cz[-1] + x)
    ce = [0]
    for x in le:
        ce.append(ce[-1] + x)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best, arg = inf, None
            for (a, b), prior in _BEAD_COST.items():
                if a > i or b > j:
                    continue
                prev = cost[i - a][j - b]
                if prev == inf:
                    continue
                if a == 0 or b == 0:
                    c = prev + prior + 3.0
                else:
                    c = prev + prior + _length_cost(cz[i] - cz[i - a], ce[j] - ce[j - b], ratio)
                if c < best:
                    best, arg = c, (a, b)
            cost[i][j] = best
            back[i][j] = arg
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        a, b = back[i][j]  # type: ignore[misc]
        beads.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    beads.reverse()
    return beads


def _pairs(zh: list[str], en: list[str], beads: list[Bead], paragraph: int) -> list[SentencePair]:
    out = []
    for zi, ei in beads:
        if zi and ei:
            out.append(SentencePair(zh="".join(zh[i] for i in zi), en=" ".join(en[j] for j in ei), paragraph=paragraph))
    return out


def align_paragraphs(paragraphs: Sequence[Paragraph]) -> list[SentencePair]:
    """Sentence pairs of an article: split each paragraph, align within paragraphs."""
    pairs: list[SentencePair] = []
    for k, para in enumerate(paragraphs):
        zh, en = split_zh(para.zh), split_en(para.en)
        pairs.extend(_pairs(zh, en, align(zh, en), k))
    return pairs
