"""Speed and memory of `flashcards build`, side by side with the library floor, in one run.

    python benchmarks/speed.py [--runs 3] [--sizes 10,100,1000] [--src DIR] [--first-run]

The *floor* is what any tool built on these libraries pays: importing jieba, pypinyin
and genanki, loading jieba's dictionary, segmenting and converting the same Chinese
text. Every figure is the median of --runs runs of a fresh process; ratios compare
figures taken in this run, a build and its floor taking turns run by run. Corpora are made from the real paragraphs of the
articles in articles/ and tests/data/articles/, recombined so no two are the same.
Each build gets an empty analysis cache; the dictionary tables (built once per
machine, by the first build of an article and of a corpus) are warm, and the "first
run ever" line shows what building them costs: a build of the sample with an empty
cache folder, taking turns with the floor run by run. ``--src DIR`` measures the first
run of another copy of the source too, in the same turns (e.g. the previous release:
``git archive main | tar -x -C DIR``; it runs with the same installed libraries). The
package's bytecode is compiled first, as installing it (or any earlier run) leaves it.
``--first-run`` measures only that line.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "articles" / "chinamil-2025-01-06-japan-europe-security.txt"
sys.path.insert(0, str(ROOT))

FLOOR = r"""
import sys
import genanki, jieba, pypinyin
jieba.setLogLevel(60)
jieba.initialize()
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        if any("\u4e00" <= c <= "\u9fff" for c in line):
            jieba.lcut(line)
            pypinyin.pinyin(line)
"""


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one process (its largest child included)."""
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: notes on 1,000 articles would fill a pipe
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            raise SystemExit(f"failed: {' '.join(cmd)}\n{errors.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024


def median_run(make_cmd, env, runs: int, before=None) -> tuple[float, float]:
    (result,) = side_by_side([(make_cmd, before)], env, runs)
    return result


def side_by_side(commands, env, runs: int) -> list[tuple[float, float]]:
    """Median seconds and peak MiB of each (make_cmd, before) over ``runs`` rounds, the
    commands taking turns within each round, so that a shared machine's slow spells
    fall on all of them alike."""
    times: list[list[float]] = [[] for _ in commands]
    peaks: list[list[float]] = [[] for _ in commands]
    for i in range(runs):
        for k, (make_cmd, before) in enumerate(commands):
            if before is not None:
                before(i)
            t, m = run(make_cmd(i), env)
            times[k].append(t)
            peaks[k].append(m)
    return [(statistics.median(t), max(m)) for t, m in zip(times, peaks)]


def paragraph_pool() -> list[tuple[str, str]]:
    from flashcards.ingest.article import read_article

    pool = []
    for path in [SAMPLE, *sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))]:
        try:
            article = read_article(path)
        except Exception:
            continue
        pool += [(p.en, p.zh) for p in article.paragraphs if p.en and p.zh]
    return pool


def make_corpus(folder: Path, count: int, pool: list[tuple[str, str]], seed: int = 7) -> list[Path]:
    """``count`` distinct articles of 4–8 recombined real paragraphs, in the sample's layout."""
    rng = random.Random(seed)
    picks: dict[tuple[int, ...], None] = {}  # distinct, in the order drawn
    while len(picks) < count:
        picks.setdefault(tuple(rng.sample(range(len(pool)), rng.randint(4, min(8, len(pool))))))
    return _write_articles(folder, [[(f"Commentary number {n}", f"第{n}号评论"), *(pool[i] for i in pick)]
                                    for n, pick in enumerate(picks)])


EVAL = ROOT.parent / "shared" / "eval"  # development sets, read in place when present (never copied)


def mac_corpus(folder: Path, beads_per_paragraph: int = 3, paragraphs: int = 5) -> list[Path]:
    """Bilingual articles whose text never repeats: MAC-Dev's hand-aligned chapters cut
    into paragraphs of consecutive beads, in the sample's layout (empty when absent)."""
    root = EVAL / "mac-dev"
    if not (root / "gold").is_dir():
        return []
    pairs = []
    for gold in sorted((root / "gold").glob("*.align")):
        zh = (root / "zh" / f"{gold.stem}.txt").read_text(encoding="utf-8").splitlines()
        en = (root / "en" / f"{gold.stem}.txt").read_text(encoding="utf-8").splitlines()
        beads = [line.split(":") for line in gold.read_text(encoding="utf-8").split()]
        ids = [([int(i) for i in z.strip("[]").split(",") if i], [int(i) for i in e.strip("[]").split(",") if i]) for z, e in beads]
        ids = [(z, e) for z, e in ids if z and e]
        for k in range(0, len(ids) - beads_per_paragraph + 1, beads_per_paragraph):
            group = ids[k : k + beads_per_paragraph]
            pairs.append((" ".join(en[i] for _, e in group for i in e), "".join(zh[i] for z, _ in group for i in z)))
    return _write_articles(folder, [pairs[k : k + paragraphs] for k in range(0, len(pairs) - paragraphs + 1, paragraphs)])


def cpp_corpus(folder: Path, count: int, sentences: int = 9) -> list[Path]:
    """``count`` Chinese-only articles whose text never repeats: CPP's sentences, nine
    to an article (empty when absent or too few)."""
    source = EVAL / "cpp-dev" / "dev.sent"
    if not source.is_file():
        return []
    lines = [line.replace("\u2581", "") for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    if len(lines) < count * sentences:
        return []
    return _write_articles(folder, [[("", "".join(lines[k * sentences : (k + 1) * sentences]))] for k in range(count)])


def _write_articles(folder: Path, articles: list[list[tuple[str, str]]]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, paragraphs in enumerate(articles):
        body = "\n\n".join(f"{en}\n\n{zh}" if en else zh for en, zh in paragraphs)
        path = folder / f"article-{n:04d}.txt"
        path.write_text(body + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def shipped_entry(hanzi: str) -> str:
    """The lines of the shipped glossary's entry for ``hanzi``, as written there."""
    lines = (ROOT / "glossary.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(n for n, line in enumerate(lines) if line.strip() == f"- hanzi: {hanzi}")
    end = next((n for n in range(start + 1, len(lines)) if lines[n].lstrip().startswith(("- ", "#"))), len(lines))
    return "".join(lines[start:end]).rstrip() + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--corpus", type=int, default=200)
    parser.add_argument("--src", type=Path, help="another copy of the source whose first run to measure side by side")
    parser.add_argument("--first-run", action="store_true", help="measure the first run ever only (against the floor)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="flashcards-speed-"))
    env = dict(os.environ)
    # the package's bytecode, as an install (or any earlier run) leaves it: with
    # PYTHONDONTWRITEBYTECODE set, every run would otherwise compile each module anew
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "flashcards")], check=True)
    if args.src is not None:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(args.src / "flashcards")], check=True)
    exe = [sys.executable, "-m", "flashcards"]
    # the shipped glossary, with a user's personal glossary over it: one entry, the
    # sample's 准同盟 as shipped (the one-gloss edit below rewords it there, as a user would)
    env["FLASHCARDS_CONFIG_DIR"] = str(work / "config")  # no personal glossary of this machine's user
    glossary = work / "glossary.yaml"
    glossary.write_text("terms:\n" + shipped_entry("准同盟"), encoding="utf-8")
    warm = work / "warm-cache"

    def fresh_cache(i: int = 0) -> None:
        """An empty analysis cache holding only the machine-wide dictionary index."""
        target = work / "cache"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(warm / "resources", target / "resources")

    env_first = dict(env, FLASHCARDS_CACHE_DIR=str(warm))
    floor_cmd = [sys.executable, "-c", FLOOR]

    def first_run(tag: str, src: Path | None):
        """A build of the sample with an empty cache folder (of ``src``'s code when given)."""
        def make(i: int) -> list[str]:
            folder = work / f"first-{tag}-{i}"
            shutil.rmtree(folder, ignore_errors=True)
            # (PYTHONSAFEPATH: the current folder, a checkout itself, must not come first)
            pythonpath = [f"PYTHONPATH={src}", "PYTHONSAFEPATH=1"] if src is not None else []
            return ["env", f"FLASHCARDS_CACHE_DIR={folder}", *pythonpath, *exe, "build", str(SAMPLE),
                    "--glossary", str(glossary), "--out", str(folder / "decks")]
        return make, None

    firsts = side_by_side([(lambda i: [*floor_cmd, str(SAMPLE)], None), first_run("now", None)]
                          + ([first_run("src", args.src)] if args.src is not None else []), env, args.runs)
    (first_floor, first_floor_m), (first, first_m) = firsts[:2]
    if args.first_run:
        print(f"{'what':48} {'seconds':>8} {'peak MiB':>9}  note")
        print(f"{'floor, sample article':48} {first_floor:8.2f} {first_floor_m:9.0f}")
        for what, (t, m) in zip(["first run ever (dictionary tables built)", "first run ever, --src code"], firsts[1:]):
            print(f"{what:48} {t:8.2f} {m:9.0f}  {t / first_floor:.2f}x floor")
        print(f"(median of {args.runs} runs; {os.cpu_count()} cores; python {sys.version.split()[0]})")
        shutil.rmtree(work, ignore_errors=True)
        return
    shutil.copytree(work / f"first-now-{args.runs - 1}", warm)
    # a corpus reads a few more tables than one article does: build those once too
    pool = paragraph_pool()
    run([*exe, "build", str(make_corpus(work / "warm-up", 20, pool, seed=1)[0].parent), "--glossary", str(glossary),
         "--out", str(work / "d0")], env_first)
    env["FLASHCARDS_CACHE_DIR"] = str(work / "cache")

    rows: list[tuple[str, float, float, str]] = []

    # 1. cold build of the sample vs the floor
    (floor_t, floor_m), (cold_t, cold_m) = side_by_side([
        (lambda i: [*floor_cmd, str(SAMPLE)], None),
        (lambda i: [*exe, "build", str(SAMPLE), "--glossary", str(glossary), "--out", str(work / f"d1-{i}")], fresh_cache),
    ], env, args.runs)
    rows += [("floor, sample article", floor_t, floor_m, ""),
             ("cold build, sample article", cold_t, cold_m, f"{cold_t / floor_t:.2f}x floor"),
             ("floor, sample article (with the first runs)", first_floor, first_floor_m, ""),
             ("first run ever (dictionary tables built)", first, first_m, f"{first / first_floor:.2f}x floor")]
    if args.src is not None:
        src_t, src_m = firsts[2]
        rows.append(("first run ever, --src code", src_t, src_m, f"{src_t / first_floor:.2f}x floor"))

    # 3. regeneration after a one-gloss edit, cache warm
    out = work / "d3"
    run([*exe, "build", str(SAMPLE), "--glossary", str(glossary), "--out", str(out)], env)
    original = glossary.read_text(encoding="utf-8")

    def edit_gloss(i: int) -> None:
        """Reword the English of one term the sample uses (准同盟), as a user would."""
        lines = original.splitlines(keepends=True)
        at = next(n for n, line in enumerate(lines) if line.strip() == "- hanzi: 准同盟")
        at = next(n for n in range(at, len(lines)) if lines[n].lstrip().startswith("english:"))
        indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
        lines[at] = f"{indent}english: quasi-alliance (wording {i})\n"
        glossary.write_text("".join(lines), encoding="utf-8")

    regen_t, regen_m = median_run(
        lambda i: [*exe, "build", str(SAMPLE), "--glossary", str(glossary), "--out", str(out)], env, args.runs,
        before=edit_gloss,
    )
    glossary.write_text(original, encoding="utf-8")
    rows.append(("rebuild after a one-gloss edit (cache warm)", regen_t, regen_m, ""))

    def build_of(path: Path, tag: str):
        return lambda i: [*exe, "build", str(path), "--glossary", str(glossary), "--out", str(work / f"{tag}-{i}")]

    def against_floor(label: str, docs: list[Path], tag: str) -> None:
        (floor_t, floor_m), (t, m) = side_by_side(
            [(lambda i: [*floor_cmd, *map(str, docs)], None), (build_of(docs[0].parent, tag), fresh_cache)], env, args.runs)
        rows.extend([(f"floor, {label}", floor_t, floor_m, ""), (f"build, {label}", t, m, f"{t / floor_t:.2f}x floor")])

    def scaling(label: str, make_docs, tag: str) -> list[tuple[int, float, float]]:
        points = []
        for size in [int(s) for s in args.sizes.split(",") if s]:
            docs = make_docs(size)
            if docs:
                t, m = median_run(build_of(docs[0].parent, f"{tag}-{size}"), env, 1, before=fresh_cache)
                points.append((size, t, m))
                rows.append((f"build, {size} {label}", t, m, f"{t / size * 1000:.0f} ms/article"))
        return points

    # 2. a corpus vs the floor on the same text
    against_floor(f"{args.corpus}-article corpus", make_corpus(work / f"corpus-{args.corpus}", args.corpus, pool), "d2")
    # 4. scaling
    scale = scaling("articles", lambda size: make_corpus(work / f"scale-{size}", size, pool, seed=size), "d4")
    # 5. text that never repeats (the recombined corpus repeats its paragraphs, which
    # flatters every per-sentence memo): MAC-Dev bilingual, CPP Chinese-only scaling
    mac = mac_corpus(work / "mac")
    if mac:
        against_floor(f"{len(mac)} MAC-Dev articles (no repeats)", mac, "d5")
    distinct = scaling("CPP Chinese-only articles", lambda size: cpp_corpus(work / f"cpp-{size}", size), "d6")

    print(f"{'what':48} {'seconds':>8} {'peak MiB':>9}  note")
    for what, t, m, note in rows:
        print(f"{what:48} {t:8.2f} {m:9.0f}  {note}")
    for name, points in (("recombined", scale), ("CPP, no repeats", distinct)):
        steps = [f"{n0}->{n1}: {(t1 - t0) / (n1 - n0) * 1000:.1f} ms" for (n0, t0, _), (n1, t1, _) in zip(points, points[1:])]
        if steps:
            print(f"time per extra article ({name}): " + ", ".join(steps))
    print(f"(median of {args.runs} runs; {os.cpu_count()} cores; python {sys.version.split()[0]})")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
