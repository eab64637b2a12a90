"""How clean the English of a card is, over every CC-CEDICT headword (not a sample).

    python benchmarks/gloss_clean.py [--src DIR ...] [--show N]

For each simplified headword of the CC-CEDICT file the tool ships with, the card's
English as ``senses.card_senses`` makes it (as a name for a word CC-CEDICT has only as
a proper name) is checked, and the counts printed:

- headwords with no card English at all (a word whose every gloss is a cross-reference
  or a variant note has none, rightly; a word whose one gloss was merely long should);
- senses with a character, a "|" or a "CL:" left (must be 0);
- senses over ``MAX_CHARS``;
- senses that end where a reference in characters was cut out ("abbr. to", "variant
  of", "equivalent of", "namely", "such as", an empty list slot ", ,", a pinyin
  reference "[zhi1]"). A few real senses end so too ("as far as the eye can see",
  例如 "such as"), so this count is not meant to reach 0.

Each --src DIR is a checkout measured in a process of its own, side by side (default:
this one). --show N prints N examples of each kind for the last checkout.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
REFERENCE_LEFT = re.compile(
    r"\b(?:abbr\.? (?:to|of|for)|variant of|equivalent (?:of|to)|namely[,:]?|such as|see|same as|also known as|"
    r"name for|name of|used in|form of)$|,\s*,|\[[A-Za-z]+\d|\($", re.I)


def measure(show: int) -> dict:
    from flashcards.lexicon import cedict, dictionary
    from flashcards.terms import senses

    words = sorted({simplified for _, simplified, _ in cedict.all_readings()})
    kinds = {"no English": [], "Han, | or CL:": [], "too long": [], "reference left": []}
    n_senses = 0
    for word in words:
        info = dictionary.word_info(word)
        english = senses.card_senses(info.english, name=bool(info.proper))
        if not english:
            kinds["no English"].append((word, " / ".join(info.english)[:100]))
        for sense in english:
            n_senses += 1
            if HAN.search(sense) or "|" in sense or "CL:" in sense:
                kinds["Han, | or CL:"].append((word, sense))
            if len(sense) > senses.MAX_CHARS:
                kinds["too long"].append((word, sense))
            if REFERENCE_LEFT.search(sense):
                kinds["reference left"].append((word, sense))
    return {"headwords": len(words), "senses": n_senses,
            **{k: len(v) for k, v in kinds.items()},
            "examples": {k: v[:show] for k, v in kinds.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", action="append", type=Path, help="checkout to measure (repeatable)")
    parser.add_argument("--show", type=int, default=0, help="examples of each kind to print")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # one checkout, in a subprocess
    args = parser.parse_args()
    if args.json:
        print(json.dumps(measure(args.show), ensure_ascii=False))
        return
    results = []
    for src in args.src or [ROOT]:
        env = {**os.environ, "PYTHONPATH": str(src.resolve()), "PYTHONSAFEPATH": "1"}
        run = subprocess.run([sys.executable, __file__, "--json", "--show", str(args.show)],
                             env=env, capture_output=True, text=True, check=True)
        results.append((src, json.loads(run.stdout)))
    keys = ["headwords", "senses", "no English", "Han, | or CL:", "too long", "reference left"]
    print(f"{'':16}" + "".join(f"{str(src)[-24:]:>26}" for src, _ in results))
    for key in keys:
        print(f"{key:16}" + "".join(f"{r[key]:>26,}" for _, r in results))
    for kind, examples in results[-1][1]["examples"].items():
        for word, text in examples:
            print(f"  {kind}: {word} {text}")


if __name__ == "__main__":
    main()
