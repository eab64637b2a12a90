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


def _cumulative(values: Sequence[int]) -> list[int]:
    out = [0]
    for v in values:
        out.append(out[-1] + v)
    return out


def _diagonal(cz: list[int], ce: list[int]) -> list[int]:
    """For each Chinese boundary i, the English boundary at the same share of text."""
    n, m = len(cz) - 1, len(ce) - 1
    out, j = [], 0
    for i in range(n + 1):
        target = cz[i] / cz[n] * ce[m] if cz[n] else i * m / max(n, 1)
        while j < m and ce[j + 1] <= target:
            j += 1
        out.append(j)
    return out


LEXICAL_WEIGHT = 9.0
LENGTH_WEIGHT = 0.5
DELETION_COST = 2.0
_MAX_SPAN = max(max(a, b) for a, b in BEAD_PRIORS)


def _search(lz, le, ratio, evidence, lo, hi):
    """Best bead path through the band ``lo[i] <= j <= hi[i]``; returns beads and whether it hit an edge."""
    n, m = len(lz), len(le)
    cz, ce = _cumulative(lz), _cumulative(le)
    inf = float("inf")
    cost: list[dict[int, float]] = [dict() for _ in range(n + 1)]
    back: list[dict[int, tuple[int, int]]] = [dict() for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        row_cost, row_back = cost[i], back[i]
        for j in range(lo[i], hi[i] + 1):
            if i == 0 and j == 0:
                continue
            best, arg = inf, None
            for (a, b), prior in _BEAD_COST.items():
                if a > i or b > j:
                    continue
                prev = cost[i - a].get(j - b)
                if prev is None:
                    continue
                c = prev + prior
                if a == 0 or b == 0:
                    c += DELETION_COST
                else:
                    c += LENGTH_WEIGHT * _length_cost(cz[i] - cz[i - a], ce[j] - ce[j - b], ratio)
                    if evidence is not None:
                        c -= LEXICAL_WEIGHT * evidence.bead_score(range(i - a, i), range(j - b, j))
                if c < best:
                    best, arg = c, (a, b)
            if arg is not None:
                row_cost[j] = best
                row_back[j] = arg
    beads: list[Bead] = []
    edge = False
    i, j = n, m
    while i or j:
        if (j == lo[i] and j > 0) or (j == hi[i] and j < m):
            edge = True
        a, b = back[i][j]
        beads.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    beads.reverse()
    return beads, edge


def _band(diag: list[int], m: int, width: int) -> tuple[list[int], list[int]]:
    lo = [max(0, d - width) for d in diag]
    hi = [min(m, d + width) for d in diag]
    lo[-1], hi[-1] = max(0, min(lo[-1], m)), m  # the path must end at (n, m)
    return lo, hi


def align(zh: Sequence[str], en: Sequence[str]) -> list[Bead]:
    """Align two sentence lists; every index of both lists lands in exactly one bead."""
    from flashcards.align_evidence import DocumentEvidence, learn_links

    n, m = len(zh), len(en)
    if n == 0 or m == 0:
        return [((i,), ()) for i in range(n)] + [((), (j,)) for j in range(m)]
    lz = [_length(s) for s in zh]
    le = [_length(s) for s in en]
    ratio = (sum(le) / sum(lz)) if sum(lz) and sum(le) else 1.0
    diag = _diagonal(_cumulative(lz), _cumulative(le))
    width = 12
    while True:
        lo, hi = _band(diag, m, width)
        evidence = DocumentEvidence(zh, en, _near(lo, hi))
        beads, edge = _search(lz, le, ratio, evidence, lo, hi)
        if not edge or (width >= m and width >= n):
            break
        width *= 2
    # Second pass: document-specific word links, in a narrow band around the first path.
    links = learn_links(evidence, beads)
    if links:
        lo, hi = _path_band(beads, n, m, 6)
        evidence = DocumentEvidence(zh, en, _near(lo, hi), links)
        beads, _ = _search(lz, le, ratio, evidence, lo, hi)
    return beads


def _near(lo: list[int], hi: list[int]) -> list[range]:
    """English sentences each Chinese sentence may share a bead with, given the band."""
    m = hi[-1]
    return [range(max(0, lo[i] - _MAX_SPAN), min(m, hi[i + 1] + _MAX_SPAN)) for i in range(len(lo) - 1)]


def _path_band(beads: list[Bead], n: int, m: int, width: int) -> tuple[list[int], list[int]]:
    """A band of ``width`` English sentences either side of an alignment path."""
    lo, hi = [m] * (n + 1), [0] * (n + 1)
    i = j = 0
    lo[0] = hi[0] = 0
    for zs, es in beads:
        for step in range(len(zs) + 1):
            lo[i + step] = min(lo[i + step], j)
            hi[i + step] = max(hi[i + step], j + len(es))
        i, j = i + len(zs), j + len(es)
    lo = [max(0, x - width) for x in lo]
    hi = [min(m, x + width) for x in hi]
    hi[-1] = m
    return lo, hi


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
