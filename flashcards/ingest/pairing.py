"""Pairing English and Chinese blocks into paragraphs, whatever the layout.

Neighbouring runs of same-language blocks are translations of each other; inside
a pair of runs a small length-based alignment (after Gale & Church) at paragraph
level decides which block goes with which, leaves an untranslated block alone and
joins a paragraph the translator split in two.
"""

from __future__ import annotations

import functools
import statistics
from dataclasses import dataclass

from flashcards.model import Paragraph


@dataclass(frozen=True)
class Unit:
    """A block of text in one language: a paragraph, a title, a heading."""

    text: str
    lang: str  # "en" | "zh"
    line: int  # 1-based input line where the block ends (it may span wrapped lines)


_INDEL = {"interleaved": 2.5, "separate": 3.0}
_MERGE = {"interleaved": 3.0, "separate": 1.5}
# Length model (after Gale & Church): an English block is about ``ratio`` times its
# Chinese translation in characters, with a spread that grows with the length.
_VARIANCE_PER_CHAR = 6.25
_RELATIVE_SPREAD = 0.15


@functools.lru_cache(maxsize=65_536)
def _size(text: str) -> int:
    """Characters of ``text`` that are not white space (asked for again and again while pairing)."""
    return len("".join(text.split()))


def _length_cost(le: float, lz: float, ratio: float) -> float:
    """Half the squared z-score of ``le`` English characters given ``lz`` Chinese."""
    lz *= ratio
    mean = (le + lz) / 2
    variance = _VARIANCE_PER_CHAR * mean + (_RELATIVE_SPREAD * mean) ** 2 + 1.0
    return (le - lz) ** 2 / variance / 2


def _ratio_cost(en: list[str], zh: list[str], ratio: float) -> float:
    return _length_cost(sum(_size(t) for t in en), sum(_size(t) for t in zh), ratio)


_DISTANCE_WEIGHT = 1.0  # per block standing between two interleaved partners
_MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))


def _prefix_sums(texts: list[str]) -> list[int]:
    sums = [0]
    for text in texts:
        sums.append(sums[-1] + _size(text))
    return sums


def _align(en: list[str], zh: list[str], ratio: float, style: str, en_first: bool) -> tuple[float, list[Paragraph]]:
    """Best paragraph alignment of two neighbouring runs: 1-1, 1-0, 0-1, 2-1, 1-2.

    In an interleaved layout a translation stands next to its original, so a pair
    with other blocks between its two halves costs more. Long runs are searched in
    a band around the diagonal (a tenth of their length, at least 20 blocks)."""
    n, m = len(en), len(zh)
    if not n or not m:  # one language only: nothing to pair
        return _INDEL[style] * (n + m), [Paragraph(t, "") for t in en] + [Paragraph("", t) for t in zh]
    en_sum, zh_sum = _prefix_sums(en), _prefix_sums(zh)
    band = max(20, max(n, m) // 10)
    cost: list[dict[int, float]] = [{} for _ in range(n + 1)]
    back: list[dict[int, tuple[int, int]]] = [{} for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        centre = i * m // n
        for j in range(max(0, centre - band), min(m, centre + band) + 1):
            here = cost[i].get(j)
            if here is None:
                continue
            for di, dj in _MOVES:
                a, b = i + di, j + dj
                if a > n or b > m:
                    continue
                if di and dj:
                    step = _length_cost(en_sum[a] - en_sum[i], zh_sum[b] - zh_sum[j], ratio)
                    step += _MERGE[style] if di + dj > 2 else 0.0
                    if style == "interleaved":
                        between = (n - a) + j if en_first else (m - b) + i
                        step += _DISTANCE_WEIGHT * between
                else:
                    step = _INDEL[style]
                if here + step < cost[a].get(b, float("inf")):
                    cost[a][b] = here + step
                    back[a][b] = (di, dj)
    pairs: list[Paragraph] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        pairs.append(Paragraph(" ".join(en[i - di:i]), "".join(zh[j - dj:j])))
        i, j = i - di, j - dj
    return cost[n][m], pairs[::-1]


def _runs(units: list[Unit]) -> list[list[Unit]]:
    runs: list[list[Unit]] = []
    for unit in units:
        if runs and runs[-1][0].lang == unit.lang:
            runs[-1].append(unit)
        else:
            runs.append([unit])
    return runs


def _length_ratio(runs: list[list[Unit]]) -> float:
    """English characters per Chinese character in this article's translation.

    The median over neighbouring one-block runs (an interleaved article's pairs)
    when there are a few, else the ratio of totals; an untranslated block skews
    a total but hardly a median."""
    singles = [
        _size(a[0].text) / max(1, _size(b[0].text)) if a[0].lang == "en" else _size(b[0].text) / max(1, _size(a[0].text))
        for a, b in zip(runs, runs[1:])
        if len(a) == 1 and len(b) == 1
    ]
    if len(singles) >= 3:
        ratio = statistics.median(singles)
    else:
        en_total = sum(_size(u.text) for run in runs for u in run if u.lang == "en")
        zh_total = sum(_size(u.text) for run in runs for u in run if u.lang == "zh")
        ratio = en_total / zh_total if en_total and zh_total else 3.0
    return min(5.0, max(1.5, ratio))


def _paragraph(units: list[Unit]) -> Paragraph:
    return Paragraph(" ".join(u.text for u in units if u.lang == "en"), "".join(u.text for u in units if u.lang == "zh"))


def _pair_neighbours(units: list[Unit], ratio: float) -> tuple[float, list[Paragraph]]:
    """Interleaved reading: each paragraph is next to its translation.

    The document is cut into consecutive beads: one block alone, a block and its
    neighbour in the other language, or three (a paragraph split in two on one
    side: ``A A B`` or ``A B B``)."""
    inf = float("inf")
    n = len(units)
    cost = [0.0] + [inf] * n
    back = [0] * (n + 1)
    for i in range(n):
        if cost[i] == inf:
            continue
        for size in (1, 2, 3):
            bead = units[i:i + size]
            if len(bead) < size:
                break
            langs = [u.lang for u in bead]
            if size == 1:
                step = _INDEL["interleaved"]
            elif size == 2:
                if langs[0] == langs[1]:
                    continue
                step = _ratio_cost([u.text for u in bead if u.lang == "en"], [u.text for u in bead if u.lang == "zh"], ratio)
            else:
                if langs[0] == langs[2] or len(set(langs)) < 2:
                    continue  # only A A B or A B B
                step = _MERGE["interleaved"] + _ratio_cost(
                    [u.text for u in bead if u.lang == "en"], [u.text for u in bead if u.lang == "zh"], ratio
                )
            if cost[i] + step < cost[i + size]:
                cost[i + size] = cost[i] + step
                back[i + size] = size
    paragraphs: list[Paragraph] = []
    k = n
    while k:
        paragraphs.append(_paragraph(units[k - back[k]:k]))
        k -= back[k]
    return cost[n], paragraphs[::-1]


def _pair_runs(runs: list[list[Unit]], ratio: float, offset: int) -> tuple[float, list[Paragraph]]:
    """Runs read two by two (after ``offset`` runs alone), each pair of runs aligned."""
    groups = ([runs[:offset]] if offset else []) + [runs[k:k + 2] for k in range(offset, len(runs), 2)]
    total, paragraphs = 0.0, []
    for group in groups:
        en = [u.text for run in group for u in run if u.lang == "en"]
        zh = [u.text for run in group for u in run if u.lang == "zh"]
        # short runs: paragraphs interleaved with their translations; long: two versions
        style = "interleaved" if max(len(run) for run in group) <= 2 else "separate"
        cost, pairs = _align(en, zh, ratio, style, group[0][0].lang == "en")
        total += cost
        paragraphs += pairs
    return total, paragraphs


def pair_units(units: list[Unit]) -> list[Paragraph]:
    """Pair English and Chinese units into paragraphs, in document order.

    Three readings compete and the one whose lengths agree best wins: every
    paragraph beside its translation (interleaved, either language first, with
    gaps), and runs of same-language paragraphs aligned with the next run or the
    previous one (separate versions, or interleaving by sections).
    """
    runs = _runs(units)
    if not runs:
        return []
    ratio = _length_ratio(runs)
    readings = [_pair_neighbours(units, ratio), _pair_runs(runs, ratio, 0), _pair_runs(runs, ratio, 1)]
    return min(readings, key=lambda reading: reading[0])[1]
