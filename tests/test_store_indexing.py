"""The first run: every table built at once by one builder, over the cores, while
whoever needs a table waits for it instead of building it again."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from flashcards.store import cache, indexing, tables


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setattr(cache._Settings, "directory", tmp_path / "cache")
    monkeypatch.setattr(tables._Missing, "hook", None)
    return tmp_path


def _logged_table(name: str, log: Path, rows: list[tuple[str, object]], pause: float = 0.0) -> tables.Table:
    """A table whose rows, when made, write the making process's id to ``log``."""

    def make():
        with open(log, "a") as fh:
            fh.write(f"{name} {os.getpid()}\n")
        time.sleep(pause)
        return iter(rows)

    return tables.Table(name, lambda: "1", make)


def test_a_builder_builds_every_missing_table_in_other_processes(folder):
    log = folder / "made.log"
    made = [_logged_table(f"t{k}", log, [(f"key{k}", k), ("shared", f"v{k}")]) for k in range(5)]
    done: list[str] = []

    import contextlib

    @contextlib.contextmanager
    def progress(total, built):
        assert (total, built) == (5, 0)
        yield done.append

    indexing.build_at_once(made, workers=2, progress=progress)
    assert all(t.path().exists() for t in made)
    entries = [line.split() for line in log.read_text().splitlines()]
    assert sorted(name for name, _ in entries) == [f"t{k}" for k in range(5)]  # each made once
    assert str(os.getpid()) not in {pid for _, pid in entries}  # by the builder, not here
    for k, table in enumerate(made):  # and they read back as built
        assert table.get(f"key{k}") == k and table.values("shared") == [f"v{k}"]
    assert sorted(done) == sorted(set(done)) and set(done) <= {t.name for t in made}


def test_a_caller_waits_only_for_the_table_it_needs(folder):
    log = folder / "made.log"
    first = _logged_table("needed-first", log, [("a", 1)])
    later = [_logged_table(f"later{k}", log, [("b", k)], pause=1.0) for k in range(2)]
    start = time.monotonic()
    indexing.build_at_once([first, *later], workers=1, wanted=first)  # one worker: in the order given
    assert first.path().exists() and not later[1].path().exists()
    assert time.monotonic() - start < 1.5  # not the 2 s the later ones take
    indexing.build_at_once([first, *later], workers=1)  # and without one: every table
    assert all(t.path().exists() for t in later)


def test_whoever_needs_a_table_meanwhile_waits_for_the_builder(folder):
    log = folder / "made.log"
    slow = [_logged_table(f"slow{k}", log, [("a", k)], pause=0.4) for k in range(2)]
    assert indexing.start(slow, 2)  # a builder at work ...
    start = time.monotonic()
    indexing.build_at_once(slow, workers=2)  # ... so this one waits, and builds nothing
    assert time.monotonic() - start > 0.1
    assert all(t.path().exists() for t in slow)
    assert sorted(line.split()[0] for line in log.read_text().splitlines()) == ["slow0", "slow1"]
    indexing.build_at_once(slow, workers=2)  # all built: nothing to start, nothing to wait for
    assert len(log.read_text().splitlines()) == 2


def test_the_hook_builds_every_table_when_a_first_one_is_missing(folder):
    calls = []
    first = tables.Table("first", lambda: "1", lambda: iter([("x", 1)]))
    second = tables.Table("second", lambda: "1", lambda: iter([("y", 2)]))
    tables.when_missing(lambda table: calls.append(table.name) or indexing.build_at_once([first, second], workers=2))
    assert first.get("x") == 1
    assert second.path().exists()  # built by the builder the hook started, with the first
    assert second.get("y") == 2
    assert calls == ["first"]  # the second was built by then: no hook
    tables.when_missing(None)


def test_every_table_of_the_tool_is_built_at_once():
    """A table the first run's list does not name would be built alone, when first opened."""
    import subprocess
    import sys

    code = ("from flashcards import pipeline; from flashcards.store import tables; "
            "print(sorted(t.name for t in pipeline._all_tables()) == sorted(t.name for t in tables.registered()), "
            "len(tables.registered()))")
    answer = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert answer[0] == "True" and int(answer[1]) >= 12


def test_without_a_cache_folder_to_write_the_tables_are_built_where_opened(folder, monkeypatch):
    blocked = folder / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setattr(cache._Settings, "directory", blocked / "cache")
    table = tables.Table("nowhere", lambda: "1", lambda: iter([("k", "v")]))
    indexing.build_at_once([table], workers=2)  # no lock file, no builder: returns at once
    assert table.get("k") == "v"  # held in memory, as before


def test_no_progress_line_off_a_terminal(monkeypatch):
    import io
    import sys

    from flashcards.terminal import indexing_progress

    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with indexing_progress([object()]) as done:
        assert done is None
    assert sys.stderr.getvalue() == ""


def _first_run(cache_dir: Path, *, tty: bool) -> tuple[int, str]:
    """``flashcards pinyin`` as the first command ever (an empty cache folder): exit
    code and what it wrote on stderr (through a terminal when ``tty``)."""
    import subprocess
    import sys

    env = dict(os.environ, FLASHCARDS_CACHE_DIR=str(cache_dir), COLUMNS="100")
    command = [sys.executable, "-m", "flashcards", "pinyin", "中国军队"]
    if not tty:
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        return done.returncode, done.stderr
    import pty

    leader, follower = pty.openpty()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the command has ended and closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    return proc.wait(timeout=300), seen.decode("utf-8", "replace")


@pytest.mark.slow
def test_the_first_command_builds_every_table_and_says_so_on_a_terminal(tmp_path):
    from flashcards import pipeline

    code, err = _first_run(tmp_path / "plain", tty=False)
    assert code == 0 and err == ""  # no progress line off a terminal
    built = sorted(p.name.rsplit("-", 1)[0] for p in (tmp_path / "plain" / "resources").glob("*.sqlite"))
    assert built == sorted(pipeline._TABLES_IN_ORDER)
    assert not list((tmp_path / "plain" / "resources").glob(".*.tmp"))  # nothing half-written
    code, err = _first_run(tmp_path / "terminal", tty=True)
    assert code == 0 and "indexing the dictionaries (once; later runs skip this)" in err
