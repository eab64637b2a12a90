"""Key-term quality and speed on the articles this repository ships.

    python benchmarks/terms_quality.py [ARTICLE ...] [--glossary PATH]

There is no public gold set of "key terms" for these articles, so the curated
glossary serves as a silver standard: the glossary terms that occur in an
article are what a careful human picked from it. Terms are extracted *without*
the glossary (no user words, no curated English), and the figures say how many
of the top k are glossary terms (precision@k), how many of the glossary terms
in the text reach the top k (recall@k), and how often the in-context English
found from CC-CEDICT alone agrees with the glossary's curated English. A second
article written for the tests is listed too, with completeness checks.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flashcards.terms import context_gloss
from flashcards import pipeline# noqa: E402
from flashcards.terms.extract import extract_terms  # noqa: E402

DEFAULT_ARTICLES = [
    ROOT / "articles" / "chinamil-2025-01-06-japan-europe-security.txt",
    ROOT / "tests" / "data" / "articles" / "second-article.txt",
]


def content(text: str) -> set[str]:
    return {w for w in context_gloss.content_words(text) if not w.startswith("-") and not w.endswith("-")}


def agrees(context: str, curated: tuple[str, ...]) -> bool:
    """Does the article's English share a content word with a curated rendering?"""
    found = content(context)
    return any(found & content(v) for g in curated for v in context_gloss.gloss_variants(g))


def evaluate(path: Path, glossary) -> None:
    [article] = pipeline.read_articles([path])
    t0 = time.perf_counter()
    analysed = pipeline.analyse_article(article, pipeline.analyser(None))
    t1 = time.perf_counter()
    terms = extract_terms(analysed.term_sentences, None)
    t2 = time.perf_counter()
    terms_again = extract_terms(analysed.term_sentences, None)
    t3 = time.perf_counter()
    assert [t.hanzi for t in terms] == [t.hanzi for t in terms_again], "extraction is not deterministic"

    text = "".join(s.pair.zh for s in analysed.sentences)
    print(f"\n== {path.name}: {len(analysed.sentences)} sentence pairs, {len(text)} Chinese characters")
    print(f"analyse {t1 - t0:.2f}s · extract_terms {t2 - t1:.2f}s first call, {t3 - t2:.3f}s warm · {len(terms)} terms")

    complete = sum(bool(t.pinyin and t.english and t.examples) for t in terms)
    with_context = sum(bool(t.context_english) for t in terms)
    names = [t for t in terms if t.is_name]
    print(f"pinyin+English+example: {complete}/{len(terms)} · in-context English found: {with_context}/{len(terms)}"
          f" · names: {len(names)} ({sum(bool(t.context_english) for t in names)} with an English form)")

    gold = {e.hanzi for e in glossary.entries if e.hanzi in text} if glossary is not None else set()
    if gold:
        heads = [t.hanzi for t in terms]
        print(f"silver set: {len(gold)} glossary terms occur in the text")
        for k in (10, 20, 40):
            top = heads[:k]
            exact = sum(h in gold for h in top)
            loose = sum(any(h in g or g in h for g in gold) for h in top)
            print(f"  @{k:<3} precision {exact / len(top):.2f} (overlapping a glossary term: {loose / len(top):.2f})"
                  f" · recall {sum(g in top for g in gold) / len(gold):.2f}")
        print(f"  recall over all {len(heads)} terms: {sum(g in heads for g in gold) / len(gold):.2f}")
        checked = [(t, glossary.get(t.hanzi)) for t in terms if t.hanzi in gold]
        found = [(t, e) for t, e in checked if t.context_english]
        agree = sum(agrees(t.context_english, e.english) for t, e in found)
        print(f"  in-context English (from CEDICT only) for glossary terms: found {len(found)}/{len(checked)},"
              f" agrees with the curated English {agree}/{len(found)}")
    print("top 15:", " ".join(f"{t.hanzi}({t.context_english or t.english[0]})" for t in terms[:15]))


def speed_on_mac_dev() -> None:
    """Speed and in-context English coverage on long literary text: MAC-Dev's gold sentence pairs."""
    import json
    import re

    from flashcards.model import SentencePair

    eval_dir = ROOT.parent / "shared" / "eval" / "mac-dev"
    if not eval_dir.is_dir():
        print("\n(MAC-Dev not found beside the repository: speed run skipped)")
        return
    pairs = []
    for gold in sorted((eval_dir / "gold").glob("*.align")):
        zh = (eval_dir / "zh" / gold.name.replace(".align", ".txt")).read_text(encoding="utf-8").splitlines()
        en = (eval_dir / "en" / gold.name.replace(".align", ".txt")).read_text(encoding="utf-8").splitlines()
        for line in gold.read_text(encoding="utf-8").split():
            left, right = (json.loads(side) for side in line.split(":"))
            if left and right:
                pairs.append(SentencePair("".join(zh[i] for i in left), " ".join(en[i] for i in right)))
    t0 = time.perf_counter()
    sentences = pipeline.analyser(None).analyse(pairs)
    t1 = time.perf_counter()
    terms = extract_terms(sentences, None)
    t2 = time.perf_counter()
    chars = sum(len(re.findall(r"[\u4e00-\u9fff]", p.zh)) for p in pairs)
    print(f"\n== MAC-Dev gold pairs (novels, not defence): {len(pairs)} pairs, {chars} Han characters")
    print(f"analyse {t1 - t0:.1f}s · extract_terms {t2 - t1:.2f}s ({chars / max(t2 - t1, 1e-9):,.0f} characters/s)"
          f" · {len(terms)} terms, in-context English for {sum(bool(t.context_english) for t in terms)}")
    print("top 15:", " ".join(f"{t.hanzi}({t.context_english or t.english[0]})" for t in terms[:15]))


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", nargs="*", type=Path)
    parser.add_argument("--glossary", type=Path, default=ROOT / "glossary.yaml", help="the silver standard")
    args = parser.parse_args(argv)
    paths = args.articles or DEFAULT_ARTICLES
    glossary = pipeline.load_glossary(args.glossary) if args.glossary.is_file() else None
    for path in paths:
        evaluate(path, glossary)
    if not args.articles:
        speed_on_mac_dev()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
