"""Aligner speed on long chapters made by joining two MAC-Dev chapters.

001+004 (527 zh / 561 en lines) is a ~500-sentence chapter; 001+002 (548 zh / 736 en)
is harder: its two halves have different length ratios, so the search band must move.

Run: python benchmarks/align_speed.py   (reads ../shared/eval/mac-dev from the repo root)
Prints wall time and process CPU time; resources (jieba, CC-CEDICT, word lists) are
loaded by a warm-up on another chapter first, so the figures are the alignment itself.
The first run still looks up every word of the chapter; the second finds them cached.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from flashcards.align.beads import align

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "mac-dev"


def main() -> int:
    if not (EVAL / "zh").is_dir():
        print(f"MAC-Dev not found at {EVAL}; skipping.")
        return 0
    # Load resources (jieba, CC-CEDICT, word lists, pypinyin) on another chapter's opening.
    align((EVAL / "zh" / "006.txt").read_text(encoding="utf-8").splitlines()[:30],
          (EVAL / "en" / "006.txt").read_text(encoding="utf-8").splitlines()[:40])
    for names in (("001", "004"), ("001", "002")):
        zh: list[str] = []
        en: list[str] = []
        for name in names:
            zh += (EVAL / "zh" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
            en += (EVAL / "en" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
        for label in ("first run", "second run"):
            wall, cpu = time.perf_counter(), time.process_time()
            beads = align(zh, en)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            print(f"{'+'.join(names)} {label:10}: {len(zh)} zh x {len(en)} en lines -> {len(beads)} beads "
                  f"in {wall:.2f} s wall, {cpu:.2f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
