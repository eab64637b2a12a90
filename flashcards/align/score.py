"""Strict and lax precision/recall/F1 of sentence alignments (Sennrich & Volk 2011).

The definition used by Vecalign and Bertalign, pooled over files:

- precision over the system's beads: *strict* when the bead is exactly a gold bead;
  *lax* when it is not, but some Chinese id of the bead is aligned in gold to an
  English id that is also in the bead. A bead with an empty side matches only strictly.
- recall: the same with system and gold swapped, after dropping beads with an empty
  side from both.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from flashcards.errors import InputError

Bead = tuple[tuple[int, ...], tuple[int, ...]]
_BEAD_LINE = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*$")


def parse_bead(text: str, path: str | None = None, line: int | None = None) -> Bead:
    """``[3]:[3,4]`` -> ``((3,), (3, 4))``."""
    m = _BEAD_LINE.match(text)
    if not m:
        raise InputError(f"not a bead (expected like [3]:[3,4]): {text.strip()!r}", path, line)

    def ids(part: str) -> tuple[int, ...]:
        return tuple(int(x) for x in part.replace(" ", "").split(",") if x)

    return ids(m.group(1)), ids(m.group(2))


def parse_beads(text: str, path: str | None = None) -> list[Bead]:
    """All beads of an alignment file, one per non-blank line."""
    return [parse_bead(line, path, k) for k, line in enumerate(text.splitlines(), 1) if line.strip()]


@dataclass
class Counts:
    strict_tp: int = 0
    strict_fp: int = 0
    lax_tp: int = 0
    lax_fp: int = 0

    def __iadd__(self, other: "Counts") -> "Counts":
        self.strict_tp += other.strict_tp
        self.strict_fp += other.strict_fp
        self.lax_tp += other.lax_tp
        self.lax_fp += other.lax_fp
        return self


def _matches(gold: Iterable[Bead], test: Iterable[Bead]) -> Counts:
    """Strict and lax hits of ``test`` beads against ``gold`` beads."""
    gold_set = {b for b in gold if b[0] or b[1]}
    linked: dict[int, set[int]] = defaultdict(set)
    for zh, en in gold_set:
        for z in zh:
            linked[z].update(en)
    counts = Counts()
    for bead in {b for b in test if b[0] or b[1]}:
        if bead in gold_set:
            counts.strict_tp += 1
            counts.lax_tp += 1
            continue
        counts.strict_fp += 1
        en = set(bead[1])
        if any(linked[z] & en for z in bead[0]):
            counts.lax_tp += 1
        else:
            counts.lax_fp += 1
    return counts


@dataclass(frozen=True)
class Scores:
    strict_p: float
    strict_r: float
    strict_f: float
    lax_p: float
    lax_r: float
    lax_f: float


def _ratio(tp: int, fp: int) -> float:
    return tp / (tp + fp) if tp + fp else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: Sequence[Sequence[Bead]], test: Sequence[Sequence[Bead]]) -> Scores:
    """Pooled scores of several files: ``gold[k]`` and ``test[k]`` align the same pair."""
    if len(gold) != len(test):
        raise ValueError("gold and test must hold the same number of files")
    p, r = Counts(), Counts()
    for g, t in zip(gold, test):
        p += _matches(g, t)
        r += _matches([b for b in t if b[0] and b[1]], [b for b in g if b[0] and b[1]])
    sp, sr = _ratio(p.strict_tp, p.strict_fp), _ratio(r.strict_tp, r.strict_fp)
    lp, lr = _ratio(p.lax_tp, p.lax_fp), _ratio(r.lax_tp, r.lax_fp)
    return Scores(sp, sr, _f1(sp, sr), lp, lr, _f1(lp, lr))
