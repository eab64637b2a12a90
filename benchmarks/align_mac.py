"""Sentence-alignment accuracy and speed on MAC-Dev, beside the published figures.

Run: python benchmarks/align_mac.py   (reads ../shared/eval/mac-dev from the repo root)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from flashcards.align.beads import align
from flashcards.align.score import parse_beads, score

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "mac-dev"

PUBLISHED = [  # strict F1, lax F1 (Bertalign README, Dec 2021)
    ("Gale-Church", 0.485, 0.737),
    ("Hunalign", 0.610, 0.852),
    ("Bleualign", 0.641, 0.873),
    ("Vecalign", 0.863, 0.997),
    ("Bertalign", 0.911, 0.998),
]


def main() -> int:
    if not (EVAL / "gold").is_dir():
        print(f"MAC-Dev not found at {EVAL}; skipping.")
        return 0
    golds, tests = [], []
    total_time = 0.0
    print(f"{'file':8} {'zh':>5} {'en':>5} {'sec':>6} {'strict F1':>10} {'lax F1':>8}")
    for gold_path in sorted((EVAL / "gold").glob("*.align")):
        name = gold_path.stem
        zh = (EVAL / "zh" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
        en = (EVAL / "en" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
        gold = parse_beads(gold_path.read_text(encoding="utf-8"), str(gold_path))
        align(zh[:3], en[:3])  # load resources outside the timing
        start = time.perf_counter()
        test = align(zh, en)
        elapsed = time.perf_counter() - start
        total_time += elapsed
        s = score([gold], [test])
        print(f"{name:8} {len(zh):5} {len(en):5} {elapsed:6.2f} {s.strict_f:10.3f} {s.lax_f:8.3f}")
        golds.append(gold)
        tests.append(test)
    s = score(golds, tests)
    print()
    print(f"{'aligner':12} {'strict P':>8} {'strict R':>8} {'strict F1':>9} {'lax P':>6} {'lax R':>6} {'lax F1':>6}")
    for label, sf, lf in PUBLISHED:
        print(f"{label:12} {'':8} {'':8} {sf:9.3f} {'':6} {'':6} {lf:6.3f}")
    print(f"{'flashcards':12} {s.strict_p:8.3f} {s.strict_r:8.3f} {s.strict_f:9.3f} "
          f"{s.lax_p:6.3f} {s.lax_r:6.3f} {s.lax_f:6.3f}")
    print(f"\ntotal align time {total_time:.2f} s for {len(golds)} chapters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
