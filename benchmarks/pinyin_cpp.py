"""Polyphone accuracy and speed of the pinyin converter, side by side with pypinyin
alone and g2pM alone, on two sets:

- CPP dev (``../shared/eval/cpp-dev`` from the repository root; skipped when absent):
  Wikipedia sentences, one marked polyphonic character each;
- the in-domain set ``tests/data/pinyin_domain.tsv``: policy, military and
  diplomatic sentences written for this project, several marked characters each.

Run: ``python benchmarks/pinyin_cpp.py [--limit N] [--errors N]``. Prints accuracy (%)
and characters per second for each system ("ours" is the converter alone;
"ours+glossary" adds the project glossary's curated readings, as the product does),
then the converter's speed on the sample article and the share of its Han
characters the model was asked about.
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
CPP = EVAL / "cpp-dev"
DOMAIN = REPO / "tests" / "data" / "pinyin_domain.tsv"
ARTICLES = REPO / "articles"

_TARGET = re.compile(r"(.)\{([a-zü:v]+[1-5])\}")
_MARK = "\u2581"


def read_domain(path: Path = DOMAIN) -> list[tuple[str, dict[int, str]]]:
    """The in-domain set: (sentence, {position: numbered reading with ü as "v"})."""
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, gold, last = [], {}, 0
        for m in _TARGET.finditer(line):
            text.append(line[last : m.end(1)])
            gold[len("".join(text)) - 1] = m.group(2).replace("u:", "v").replace("ü", "v")
            last = m.end()
        text.append(line[last:])
        items.append(("".join(text), gold))
    return items


def read_cpp(folder: Path = CPP, limit: int | None = None) -> list[tuple[str, dict[int, str]]]:
    sents = (folder / "dev.sent").read_text(encoding="utf-8").splitlines()
    labels = (folder / "dev.lb").read_text(encoding="utf-8").splitlines()
    items = []
    for sent, label in list(zip(sents, labels))[:limit]:
        i = sent.index(_MARK)
        j = sent.index(_MARK, i + 1)
        items.append((sent[:i] + sent[i + 1 : j] + sent[j + 1 :], {i: label.strip().replace("u:", "v")}))
    return items


# ── the three systems: each maps sentences to per-character numbered readings ──


def run_pypinyin(texts):
    from pypinyin import Style, pinyin

    out = []
    for text in texts:
        rows = pinyin(text, style=Style.TONE3, neutral_tone_with_five=True, errors=lambda s: [[None]] * len(s))
        readings = [r[0] for r in rows]
        out.append(readings if len(readings) == len(text) else [None] * len(text))
    return out


def run_g2pm(texts):
    from g2pM import G2pM

    model = G2pM()
    out = []
    for text in texts:
        readings = model(text, char_split=True) if text else []
        out.append([r.replace("u:", "v") if r != ch else None for r, ch in zip(readings, text)])
    return out


def run_ours(texts):
    from flashcards.reading.pinyin import PinyinConverter
    from flashcards.reading.style import to_numbers

    return [[to_numbers(s) if s else None for s in row] for row in PinyinConverter().syllables_many(texts)]


def glossary_phrases() -> dict[str, list[str]]:
    """The project glossary's curated readings, as the product passes them to the converter."""
    from flashcards.glossary.load import load_glossary
    from flashcards.pipeline import glossary_readings

    return glossary_readings(load_glossary(REPO / "glossary.yaml"))


def run_ours_with_glossary(texts):
    from flashcards.reading.style import to_numbers

    rows = _glossary_converter().syllables_many(texts)
    return [[to_numbers(s) if s else None for s in row] for row in rows]


@functools.cache
def _glossary_converter():
    from flashcards.reading.pinyin import PinyinConverter

    return PinyinConverter(phrases=glossary_phrases())


SYSTEMS = {"pypinyin alone": run_pypinyin, "g2pM alone": run_g2pm, "ours": run_ours, "ours+glossary": run_ours_with_glossary}


WARM_UP = ["中方愿意为和平发挥作用，银行行长了解了情况。", "abc"]


def score(items, system):
    texts = [t for t, _ in items]
    system(WARM_UP)  # load every resource before timing
    start = time.perf_counter()
    predicted = system(texts)
    seconds = time.perf_counter() - start
    right = total = 0
    for (text, gold), row in zip(items, predicted):
        for pos, reading in gold.items():
            total += 1
            right += row[pos] == reading
    chars = sum(len(t) for t in texts)
    return 100.0 * right / total, total, chars / seconds, predicted


def report(name, items, show_errors=0):
    print(f"\n{name}: {len(items)} sentences, {sum(len(g) for _, g in items)} targets")
    print(f"  {'system':<16}{'accuracy %':>12}{'chars/s':>12}")
    for label, system in SYSTEMS.items():
        accuracy, _, speed, predicted = score(items, system)
        print(f"  {label:<16}{accuracy:>12.2f}{speed:>12,.0f}")
        if label.startswith("ours") and show_errors:
            shown = 0
            for (text, gold), row in zip(items, predicted):
                for pos, reading in gold.items():
                    if row[pos] != reading and shown < show_errors:
                        shown += 1
                        print(f"    {text[max(0, pos - 8):pos]}[{text[pos]}]{text[pos + 1:pos + 8]}  gold {reading}  ours {row[pos]}")


def article_speed():
    from flashcards.reading.pinyin import PinyinConverter
    from flashcards.reading.style import is_han

    lines = [line.strip() for path in sorted(ARTICLES.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if any(is_han(ch) for ch in line)]
    if not lines:
        print("\nno article with Chinese text under articles/")
        return
    conv = PinyinConverter()
    conv.syllables_many(WARM_UP)
    seconds = float("inf")
    for _ in range(5):  # best of five: the article is short
        start = time.perf_counter()
        conv.syllables_many(lines)
        seconds = min(seconds, time.perf_counter() - start)
    han = sum(is_han(ch) for line in lines for ch in line)
    asked = sum(len(conv.model_positions(line)) for line in lines)
    print(f"\nsample article(s): {len(lines)} lines, {han} Han characters, {han / seconds:,.0f} Han chars/s; "
          f"model asked about {asked} ({100.0 * asked / max(han, 1):.1f}%)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N CPP sentences")
    parser.add_argument("--errors", type=int, default=0, help="show up to N of our errors per set")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    report("in-domain set (tests/data/pinyin_domain.tsv)", read_domain(), args.errors)
    if (CPP / "dev.sent").exists():
        report("CPP dev", read_cpp(limit=args.limit), args.errors)
    else:
        print(f"\nCPP dev not found at {CPP}: skipped")
    article_speed()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
