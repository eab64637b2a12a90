"""Vocabulary cards on real news articles nobody on the project tuned for, against hand-written gold.

    python benchmarks/terms_unseen.py [--src DIR ...] [--glossary PATH]
                                      [--eval-dir DIR] [--gold-dir DIR] [--python EXE] [--verbose]

Articles are ../shared/eval/news-dev/NNN-*.txt beside the repository (--eval-dir; when
absent the benchmark says so and exits 0). Every article with a gold file
benchmarks/gold/<article stem>.tsv (--gold-dir) is measured; articles without one are
skipped. The tool is run as a user runs it, once per article, in an empty temporary
folder: `PYTHON -m flashcards vocab ARTICLE --format json --no-cache --glossary PATH`
(PYTHON is --python, default this interpreter; the glossary is the repository's
glossary.yaml unless --glossary says otherwise: today's tool reads it as a personal
glossary over the one it ships, and the repository's own file as just the shipped one;
no personal glossary of this machine's user is read). Each --src DIR is put
first on PYTHONPATH, so that another checkout (e.g. a `git worktree` of an older
commit) is measured in the same run; with several, the pooled figures are also printed
side by side.

Gold files: UTF-8 TSV, first line exactly `hanzi<TAB>english<TAB>pinyin<TAB>kind<TAB>wrong`;
blank lines and lines starting with `#` are ignored; the last column may be left out.
- hanzi: the word in Simplified characters (whatever the article's script);
- english: the English keys accepted in this context, separated by ";";
- pinyin: tone marks, GB/T 16159 word orthography (syllables of a word joined, words
  apart, proper names capitalised, "Xí Jìnpíng", "Xī'ān");
- kind: term, name or general;
- wrong: optional senses that are wrong in this context, separated by ";".
A bad line stops the run with file:line and what is wrong.

Matching: an entry of the tool matches a gold term when their hanzi are equal after
both are converted to Simplified with OpenCC tw2s (the first such entry counts). tw2s
is t2s after Taiwan variants are undone: the Traditional articles were made with
s2tw, and t2s leaves their 隨著 as 随著; tw2s folds 著 into 着, on both sides alike.
Whether a gold hanzi is Simplified is checked with t2s (it must leave it unchanged).

Metrics, per article and pooled over all gold terms (or all entries) of all articles:
- entries: how many entries the tool gives for the article.
- recall: gold terms that have a matching entry / gold terms.
- english: over recalled gold terms, those where (a) some accepted key matches one of
  the first three senses of the entry's English, and (b) no wrong sense matches its
  first sense. Senses are the entry's `english` split on ";" and stripped. A key (or
  wrong sense) matches a sense when each of its content words occurs among the sense's
  words. Words, on both sides: text in (...) or [...] removed, lower-cased, tokens of
  letters and digits (joined by - or '), a final 's dropped, each hyphen-joined part
  lemmatised by simplemma (English) and put in US spelling (-ise/-isation/-yse,
  -our, -tre/-bre, -ence, -ogue, -mme become -ize/-ization/-yze, -or, -ter/-ber,
  -ense, -og, -m whenever simplemma knows the result: "defence" = "defense"). A
  sense's words are every part of every token and each hyphenated token written
  solid; a key's content words are its tokens less STOP_WORDS, and a hyphenated one
  occurs when its solid form or all of its parts do ("self-defense" matches
  "self defence"). A key without content words is a gold error.
- clean: over ALL entries of the tool, those whose English has no Han character, no
  "|", no "CL:" and at most 100 characters.
- syllables: over recalled gold terms, those whose tool pinyin has the same letters
  as the gold pinyin once both are Unicode-NFC, lower-cased, "u:"/"v" written "ü",
  and stripped of everything but letters (spaces, hyphens, apostrophes, dots):
  the same toneful syllables.
- names: over recalled gold terms of kind "name" or whose gold pinyin has a capital,
  those whose tool pinyin equals the gold pinyin exactly once both are NFC, "u:"/"v"
  written "ü", runs of white space made one space, and apostrophes (' ’ ‘ ʼ) removed:
  case, spaces and hyphens must match.
- gloss-cov: over gold terms of kind "term", those whose matching entry comes from
  the glossary (its source is "glossary" or "both").
Cells read "hits/total share"; "-" when the total is 0. --verbose lists the missed
gold terms, the English, syllable and name failures, and the unclean glosses.

Exit status: 0, also when skipped for want of articles or gold; 1 when the tool fails
on an article; 2 for bad gold lines, or a --src that the tool does not import from.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import string
import subprocess
import sys
import tempfile
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import opencc
import simplemma

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = ROOT.parent / "shared" / "eval" / "news-dev"
GOLD_DIR = ROOT / "benchmarks" / "gold"
HEADER = "hanzi\tenglish\tpinyin\tkind\twrong"
KINDS = ("term", "name", "general")
WORKERS = 2
METRICS = ("recall", "english", "clean", "syllables", "names", "gloss-cov")
STOP_WORDS = {"a", "an", "the", "to", "of", "be", "sth", "sb", "one", "oneself",
              "someone", "somebody", "something", "etc"}
US_SPELLING = [(r"is(e|ation)$", r"iz\1"), (r"yse$", "yze"), (r"(?<=...)our$", "or"),
               (r"([tb])re$", r"\1er"), (r"ence$", "ense"), (r"ogue$", "og"), (r"mme$", "m")]
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ"
PINYIN_CHARS = set(string.ascii_letters + TONED + TONED.upper() + " '-")
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
T2S, TW2S = opencc.OpenCC("t2s"), opencc.OpenCC("tw2s")


# ---- gold ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Gold:
    hanzi: str
    keys: tuple[str, ...]
    pinyin: str
    kind: str
    wrong: tuple[str, ...]


class GoldError(Exception):
    """Bad lines in gold files; the message names each as file:line."""


def senses(text: str) -> list[str]:
    return [s.strip() for s in text.split(";") if s.strip()]


def parse_row(fields: list[str]) -> Gold:
    """One data line's fields as a Gold term; ValueError says what is wrong."""
    if len(fields) not in (4, 5):
        raise ValueError(f"expected 4 or 5 tab-separated fields, found {len(fields)}")
    hanzi, english, pinyin, kind, wrong = [f.strip() for f in fields] + [""] * (5 - len(fields))
    pinyin = unicodedata.normalize("NFC", pinyin).translate(APOSTROPHES)
    if not HAN.search(hanzi) or any(c.isspace() for c in hanzi):
        raise ValueError(f"hanzi {hanzi!r} is not a word in Chinese characters")
    if T2S.convert(hanzi) != hanzi:
        raise ValueError(f"hanzi {hanzi!r} is not Simplified (OpenCC t2s: {T2S.convert(hanzi)!r})")
    if not senses(english):
        raise ValueError("english is empty")
    for column, key in [("english", k) for k in senses(english)] + [("wrong", k) for k in senses(wrong)]:
        if not content_words(key):
            raise ValueError(f"{column} {key!r} has no content word")
    if not pinyin or not set(pinyin) <= PINYIN_CHARS:
        raise ValueError(f"pinyin {pinyin!r} is not tone-marked letters, spaces, hyphens and apostrophes")
    if kind not in KINDS:
        raise ValueError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    return Gold(hanzi, tuple(senses(english)), pinyin, kind, tuple(senses(wrong)))


def read_gold(path: Path) -> list[Gold]:
    """The gold terms of one file (no data line, not even a header: none)."""
    golds, errors, seen, header_seen = [], [], {}, False
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            if line.rstrip("\r") != HEADER:
                errors.append(f"{path}:{number}: the header must be exactly {HEADER!r}, not {line!r}")
            continue
        try:
            gold = parse_row(line.rstrip("\r").split("\t"))
            if gold.hanzi in seen:
                raise ValueError(f"{gold.hanzi} is already on line {seen[gold.hanzi]}")
            seen[gold.hanzi] = number
            golds.append(gold)
        except ValueError as error:
            errors.append(f"{path}:{number}: {error}")
    if errors:
        raise GoldError("\n".join(errors))
    return golds


def load_golds(gold_dir: Path, stems: set[str]) -> dict[str, list[Gold]]:
    """Gold terms by article stem, for every gold file; all bad lines reported at once."""
    golds, errors = {}, []
    for path in sorted(gold_dir.glob("*.tsv")):
        if path.stem not in stems:
            print(f"warning: {path.name} names no article of the eval set", file=sys.stderr)
            continue
        try:
            golds[path.stem] = read_gold(path)
        except GoldError as error:
            errors.append(str(error))
    if errors:
        raise GoldError("\n".join(errors))
    return golds


# ---- running the tool ---------------------------------------------------------------

def tool_env(src: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(src), env.get("PYTHONPATH")) if p)
    return env


def run_in_empty_dir(cmd: list[str], src: Path | None) -> str:
    """Standard output of cmd, run from an empty temporary folder (also its config
    folder: no personal glossary); RuntimeError if it fails."""
    with tempfile.TemporaryDirectory(prefix="terms-unseen-") as cwd:
        env = dict(tool_env(src), FLASHCARDS_CONFIG_DIR=cwd)
        done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode:
        tail = "\n".join(done.stderr.strip().splitlines()[-15:]) or "(nothing on standard error)"
        raise RuntimeError(f"{' '.join(cmd)} (src {src or 'installed'}) exited {done.returncode}:\n{tail}")
    return done.stdout


def package_origin(python: str, src: Path | None) -> str:
    """Where the subprocess imports flashcards from; a --src that is not honoured is an error."""
    origin = run_in_empty_dir([python, "-c", "import flashcards; print(flashcards.__file__)"], src).strip()
    if src is not None and not Path(origin).resolve().is_relative_to(src):
        raise RuntimeError(f"--src {src}: the tool imports flashcards from {origin} instead")
    return origin


def vocab(python: str, src: Path | None, article: Path, glossary: Path | None) -> list[dict]:
    cmd = [python, "-m", "flashcards", "vocab", str(article), "--format", "json", "--no-cache"]
    if glossary is not None:
        cmd += ["--glossary", str(glossary)]
    try:
        return json.loads(run_in_empty_dir(cmd, src))
    except ValueError as error:
        raise RuntimeError(f"{' '.join(cmd)} (src {src or 'installed'}) printed no JSON array: {error}") from None


def run_all(jobs: list, run) -> dict:
    """run(job) for every job, WORKERS at a time; the first failure cancels the jobs not started."""
    pool = ThreadPoolExecutor(WORKERS)
    try:
        return dict(zip(jobs, pool.map(run, jobs)))
    finally:
        pool.shutdown(cancel_futures=True)


# ---- matching -----------------------------------------------------------------------

@lru_cache(maxsize=None)
def simplified(hanzi: str) -> str:
    """The key on which tool entries and gold terms are matched."""
    return TW2S.convert(hanzi)


@lru_cache(maxsize=None)
def lemma(word: str) -> str:
    """simplemma's English lemma of a lower-case word, in US spelling where simplemma knows it."""
    base = simplemma.lemmatize(word, lang="en")
    for pattern, repl in US_SPELLING:
        us = re.sub(pattern, repl, base)
        if us != base and simplemma.is_known(us, lang="en"):
            return simplemma.lemmatize(us, lang="en")
    return base


def tokens(text: str) -> list[tuple[str, ...]]:
    """Each word of text as its lemmatised hyphen-joined parts (parentheses dropped);
    an acronym (AI, NATO) is kept as it is, lower-cased, not lemmatised."""
    text = re.sub(r"\([^)]*\)|\[[^]]*\]", " ", text.translate(APOSTROPHES))
    words = re.findall(r"[^\W_]+(?:['-][^\W_]+)*", text)
    return [tuple(p.lower() if len(p) > 1 and p.isupper() else lemma(p.lower()) for p in re.sub(r"'s$", "", w).split("-"))
            for w in words]


def content_words(key: str) -> list[tuple[str, ...]]:
    return [t for t in tokens(key) if "".join(t) not in STOP_WORDS]


def sense_words(sense: str) -> set[str]:
    return {w for t in tokens(sense) for w in (*t, "".join(t))}


def matches(key: str, sense: str) -> bool:
    """Does each content word of key occur among the words of sense?"""
    found = sense_words(sense)
    return all("".join(t) in found or set(t) <= found for t in content_words(key))


def english_problem(gold: Gold, english: str) -> str | None:
    """Why the entry's English is wrong in context, or None when it is right."""
    given = senses(english)
    if not any(matches(key, s) for key in gold.keys for s in given[:3]):
        return "no accepted key in the first three senses"
    if given and any(matches(w, given[0]) for w in gold.wrong):
        return "the first sense is a wrong one"
    return None


def is_clean(english: str) -> bool:
    return not HAN.search(english) and "|" not in english and "CL:" not in english and len(english) <= 100


def canonical_pinyin(pinyin: str) -> str:
    text = unicodedata.normalize("NFC", pinyin).translate(APOSTROPHES)
    text = text.replace("u:", "ü").replace("U:", "Ü").replace("v", "ü").replace("V", "Ü")
    return " ".join(text.split())


def syllables(pinyin: str) -> str:
    return "".join(c for c in canonical_pinyin(pinyin).lower() if c.isalpha())


def orthography(pinyin: str) -> str:
    return canonical_pinyin(pinyin).replace("'", "")


# ---- scoring ------------------------------------------------------------------------

@dataclass
class Score:
    articles: int = 0
    entries: int = 0
    gold: int = 0
    tally: dict[str, list[int]] = field(default_factory=lambda: {m: [0, 0] for m in METRICS})
    notes: list[str] = field(default_factory=list)

    def count(self, metric: str, hit: bool) -> None:
        self.tally[metric][0] += hit
        self.tally[metric][1] += 1

    def add(self, other: Score) -> None:
        self.articles += other.articles
        self.entries += other.entries
        self.gold += other.gold
        for metric, (hits, total) in other.tally.items():
            self.tally[metric][0] += hits
            self.tally[metric][1] += total


def check_term(score: Score, gold: Gold, entry: dict) -> None:
    """Count one recalled gold term's English, syllables and name orthography."""
    problem = english_problem(gold, entry["english"])
    score.count("english", problem is None)
    if problem:
        score.notes.append(f"english   {gold.hanzi}: {problem}; gold {'; '.join(gold.keys)!r}"
                           + (f", wrong {'; '.join(gold.wrong)!r}" if gold.wrong else "")
                           + f"; tool {entry['english']!r}")
    same = syllables(entry["pinyin"]) == syllables(gold.pinyin)
    score.count("syllables", same)
    if gold.kind == "name" or any(c.isupper() for c in gold.pinyin):
        spelt = orthography(entry["pinyin"]) == orthography(gold.pinyin)
        score.count("names", spelt)
        same = same and spelt
    if not same:
        score.notes.append(f"pinyin    {gold.hanzi}: gold {gold.pinyin!r}, tool {entry['pinyin']!r}")


def score_article(golds: list[Gold], entries: list[dict]) -> Score:
    score = Score(articles=1, entries=len(entries), gold=len(golds))
    by_hanzi: dict[str, dict] = {}
    for entry in entries:
        by_hanzi.setdefault(simplified(entry["hanzi"]), entry)
        clean = is_clean(entry["english"])
        score.count("clean", clean)
        if not clean:
            score.notes.append(f"unclean   {entry['hanzi']}: {entry['english']!r}")
    for gold in golds:
        entry = by_hanzi.get(simplified(gold.hanzi))
        score.count("recall", entry is not None)
        if gold.kind == "term":
            score.count("gloss-cov", entry is not None and entry.get("source") in ("glossary", "both"))
        if entry is None:
            score.notes.append(f"missed    {gold.hanzi} ({gold.kind}) {'; '.join(gold.keys)}")
        else:
            check_term(score, gold, entry)
    return score


# ---- output -------------------------------------------------------------------------

def cell(hits: int, total: int) -> str:
    return f"{hits}/{total} {hits / total:4.0%}" if total else "-"


def row(label: str, score: Score) -> str:
    cells = [cell(*score.tally[m]) for m in METRICS]
    return f"{label[:40]:<40} {score.entries:>7} {score.gold:>5} " + " ".join(f"{c:>13}" for c in cells)


def print_source(label: str, scores: dict[str, Score], verbose: bool) -> Score:
    """One source's table (and, verbose, its failures); returns the pooled score."""
    print(f"\n== {label}")
    print(f"{'article':<40} {'entries':>7} {'gold':>5} " + " ".join(f"{m:>13}" for m in METRICS))
    pooled = Score()
    for stem, score in scores.items():
        print(row(stem, score))
        pooled.add(score)
    print(row(f"pooled ({pooled.articles} articles)", pooled))
    if verbose:
        for stem, score in scores.items():
            print(f"\n-- {stem}")
            print("\n".join(f"   {note}" for note in score.notes) or "   (no failures)")
    return pooled


def print_comparison(pooled: dict[str, Score]) -> None:
    width = max(15, *(len(label) + 2 for label in pooled))
    print("\n== pooled, side by side")
    print(f"{'':<10}" + "".join(f"{label:>{width}}" for label in pooled))
    for name, value in [("entries", lambda s: str(s.entries)), ("gold", lambda s: str(s.gold))] + \
            [(m, lambda s, m=m: cell(*s.tally[m])) for m in METRICS]:
        print(f"{name:<10}" + "".join(f"{value(s):>{width}}" for s in pooled.values()))


# ---- main ---------------------------------------------------------------------------

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR, help="the news-dev articles")
    parser.add_argument("--gold-dir", type=Path, default=GOLD_DIR, help="the gold TSV files")
    parser.add_argument("--python", default=sys.executable, help="interpreter that runs the tool")
    parser.add_argument("--src", type=Path, action="append", default=[],
                        help="checkout to measure, put first on PYTHONPATH (repeatable)")
    parser.add_argument("--glossary", type=Path, help="glossary [default: the repository's glossary.yaml]")
    parser.add_argument("--verbose", action="store_true", help="list every failure")
    args = parser.parse_args(argv)
    if args.glossary is None and (ROOT / "glossary.yaml").exists():
        args.glossary = ROOT / "glossary.yaml"
    args.glossary = args.glossary and args.glossary.resolve()
    args.src = list(dict.fromkeys(s.resolve() for s in args.src)) or [None]
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.eval_dir.is_dir():
        print(f"skipped: no evaluation articles at {args.eval_dir}")
        return 0
    articles = {p.stem: p.resolve() for p in sorted(args.eval_dir.glob("[0-9][0-9][0-9]-*.txt"))}
    try:
        golds = load_golds(args.gold_dir, set(articles))
        origins = {src: package_origin(args.python, src) for src in args.src}
    except (GoldError, RuntimeError) as error:
        print(error, file=sys.stderr)
        return 2
    if not golds:
        print(f"skipped: no gold file for any of the {len(articles)} articles in {args.gold_dir}")
        return 0
    print(f"{len(golds)} of {len(articles)} articles have gold ({sum(map(len, golds.values()))} terms);"
          f" glossary: {args.glossary or 'none'}")
    jobs = [(src, stem) for src in args.src for stem in golds]
    try:
        outputs = run_all(jobs, lambda job: vocab(args.python, job[0], articles[job[1]], args.glossary))
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1
    pooled = {}
    for src in args.src:
        label = f"{src or 'installed'} (flashcards from {origins[src]})"
        scores = {stem: score_article(golds[stem], outputs[src, stem]) for stem in golds}
        pooled[str(src or "installed")] = print_source(label, scores, args.verbose)
    if len(pooled) > 1:
        print_comparison(pooled)
    return 0


if __name__ == "__main__":
    sys.exit(main())
