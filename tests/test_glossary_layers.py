"""The shipped glossary and a personal one over it: where each is found, how they
combine (replace, add, hide), what the loader accepts of a personal glossary, and that
the wheel carries the curated glossary.yaml and uses it from any folder."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from flashcards.errors import InputError
from flashcards.glossary import layers, load
from flashcards.glossary.edit import add_entry
from flashcards.glossary.layers import OVERRIDDEN, PERSONAL, SHIPPED, combine, personal_path
from flashcards.glossary.load import check_glossary, load_glossary, read_glossary

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "glossary.yaml"

SHIPPED_TEXT = """\
terms:
  - hanzi: 海军
    pinyin: hǎijūn
    english: navy
    category: forces
  - hanzi: 空军
    pinyin: kōngjūn
    english: air force
    category: forces
  - hanzi: 北约
    pinyin: Běiyuē
    english: NATO
    category: organisations
    pinyin_differs: a test of the merge
"""

PERSONAL_TEXT = """\
# mine
terms:
  - hanzi: 演示术语
    pinyin: yǎnshì shùyǔ
    english: demo term
    category: politics
    see: 海军
  - hanzi: 空军
    pinyin: kōngjūn
    english: [air force, PLAAF]
    category: forces
  - hanzi: 北约
    hide: true
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def shipped_entry_count() -> int:
    """The repository's glossary.yaml, counted by a plain YAML reader."""
    return len(YAML(typ="safe").load(GLOSSARY.read_text(encoding="utf-8"))["terms"])


# ── combining ───────────────────────────────────────────────────────────────────


def test_personal_entries_replace_add_and_hide(tmp_path):
    shipped = load_glossary(write(tmp_path / "shipped.yaml", SHIPPED_TEXT))
    personal = load_glossary(write(tmp_path / "mine.yaml", PERSONAL_TEXT), known={"海军", "空军", "北约"})
    got = combine(shipped, personal)
    assert [e.hanzi for e in got.glossary.entries] == ["海军", "空军", "演示术语"]  # a replacement keeps its place
    assert got.glossary.get("空军").english == ("air force", "PLAAF")
    assert got.glossary.get("北约") is None
    assert got.origin == {"海军": SHIPPED, "空军": OVERRIDDEN, "演示术语": PERSONAL}
    assert got.hidden == 1 and got.unused_hides == ()
    assert "北约" not in got.glossary.pinyin_differs
    assert got.summary() == "glossaries: shipped (1 entry) + " + str(tmp_path / "mine.yaml") + \
        " (2 entries: 1 new, 1 replacing shipped ones; 1 shipped hidden)"


def test_without_a_personal_glossary_the_shipped_one_is_used_as_it_is(tmp_path):
    shipped = load_glossary(write(tmp_path / "shipped.yaml", SHIPPED_TEXT))
    got = combine(shipped, None)
    assert got.glossary is shipped and set(got.origin.values()) == {SHIPPED}
    assert got.summary() == "glossaries: shipped (3 entries)"
    assert combine(None, None).glossary is None and combine(None, None).summary() == "glossaries: none"


def test_a_hide_of_a_term_the_shipped_glossary_lacks_is_reported(tmp_path):
    shipped = load_glossary(write(tmp_path / "shipped.yaml", SHIPPED_TEXT))
    personal = load_glossary(write(tmp_path / "mine.yaml", "terms:\n  - hanzi: 陆军\n    hide: true\n"))
    got = combine(shipped, personal)
    assert got.unused_hides == ("陆军",) and got.hidden == 0 and len(got.glossary) == 3


# ── what a personal glossary may say ────────────────────────────────────────────


@pytest.mark.parametrize("entry, line, says", [
    ("  - hanzi: 北约\n    hide: false\n", 3, "'hide' must be true"),
    ("  - hanzi: 北约\n    hide: true\n    english: NATO\n", 4, "holds only 'hanzi'; remove 'english'"),
    ("  - hide: true\n", 2, "entry is missing 'hanzi'"),
    ("  - hanzi: 北約\n    hide: true\n", 2, "simplified characters"),
    ("  - hanzi: 空军\n    hide: true\n" + "  - hanzi: 空军\n    pinyin: kōngjūn\n    english: air force\n    category: forces\n",
     4, "duplicate entry 空军; first at line 2"),
])
def test_bad_hides_are_reported_on_their_line(tmp_path, entry, line, says):
    path = write(tmp_path / "glossary.yaml", "terms:\n" + entry)
    found = [(p.line, p.message) for p in check_glossary(path)]
    assert any(n == line and says in message for n, message in found), found


def test_references_may_name_the_shipped_glossary(tmp_path):
    path = write(tmp_path / "glossary.yaml", PERSONAL_TEXT)
    assert [p.message for p in check_glossary(path)] == ["see: '海军' is not an entry of the glossary"]
    assert check_glossary(path, known={"海军"}) == []
    glossary, problems = read_glossary(path, known={"海军"})
    assert problems == [] and glossary.hidden == {"北约": 12}


def test_the_shipped_glossary_may_not_hide(tmp_path, monkeypatch):
    path = write(tmp_path / "shipped.yaml", SHIPPED_TEXT + "  - hanzi: 陆军\n    hide: true\n")
    monkeypatch.setattr(layers, "shipped_path", lambda: path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="belongs in a personal glossary"):
        layers.load_layers()
    checked, problems = layers.check_layers()
    assert [(p.path, p.line) for p in problems] == [(str(path), 15)]


def test_checked_entries_are_kept_per_file(tmp_path, monkeypatch):
    """Loading the personal glossary does not push the shipped one's checked entries out
    of the cache: loading the shipped one again checks none of its entries afresh."""
    shipped = write(tmp_path / "shipped.yaml", SHIPPED_TEXT)
    personal = write(tmp_path / "mine.yaml", PERSONAL_TEXT)
    load_glossary(shipped)
    load_glossary(personal, known={"海军"})
    checked = []
    real = load._entry
    monkeypatch.setattr(load, "_entry", lambda item, *a: checked.append(item) or real(item, *a))
    load_glossary(shipped)
    load_glossary(personal, known={"海军"})
    assert checked == []


def test_add_entry_next_to_hides_keeps_categories_in_order(tmp_path):
    path = write(tmp_path / "glossary.yaml", "terms:\n  - hanzi: 陆军\n    hide: true\n" + SHIPPED_TEXT.split("\n", 1)[1])
    add_entry(path, "中将", ["lieutenant general"], "ranks", pinyin="zhōngjiàng")
    assert [e.hanzi for e in load_glossary(path).entries] == ["海军", "空军", "中将", "北约"]
    assert load_glossary(path).hidden == {"陆军": 2}


# ── where the glossaries are ────────────────────────────────────────────────────


def test_in_a_checkout_the_shipped_glossary_is_the_repositorys_file():
    assert layers.shipped_path() == GLOSSARY
    assert len(load_glossary(layers.shipped_path())) == shipped_entry_count()


def test_which_personal_glossary_wins(tmp_path, monkeypatch):
    work, config = tmp_path / "work", tmp_path / "config"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("FLASHCARDS_CONFIG_DIR", str(config))
    assert layers.config_dir() == config
    assert personal_path(None, GLOSSARY) is None
    write(config / "glossary.yaml", PERSONAL_TEXT)
    assert personal_path(None, GLOSSARY) == config / "glossary.yaml"
    write(work / "glossary.yaml", PERSONAL_TEXT)
    assert personal_path(None, GLOSSARY) == Path("glossary.yaml")
    assert personal_path(tmp_path / "other.yaml", GLOSSARY) == tmp_path / "other.yaml"
    assert personal_path(GLOSSARY, GLOSSARY) is None  # the shipped file is never personal
    monkeypatch.chdir(ROOT)
    assert personal_path(None, GLOSSARY) is None  # inside the repository: ./glossary.yaml is the shipped one


def test_without_the_env_var_the_config_folder_is_platformdirs(monkeypatch):
    import platformdirs

    monkeypatch.delenv("FLASHCARDS_CONFIG_DIR", raising=False)
    assert layers.config_dir() == Path(platformdirs.user_config_dir("flashcards", appauthor=False))


# ── the wheel ───────────────────────────────────────────────────────────────────


def _can_build_here() -> bool:
    """Whether this environment's setuptools can build a wheel without an isolated one."""
    import setuptools

    major, minor = (int(x) for x in setuptools.__version__.split(".")[:2])
    return importlib.util.find_spec("wheel") is not None or (major, minor) >= (70, 1)


def _pip_wheel(source: Path, dist: Path) -> Path:
    isolation = ["--no-build-isolation"] if _can_build_here() else []
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", *isolation, "-q", "-w", str(dist), str(source)],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    (wheel,) = dist.glob("flashcards-*.whl")
    return wheel


def _source_copy(to: Path) -> Path:
    """What a clean checkout holds of the package (a copy, so the build leaves the
    repository alone)."""
    to.mkdir()
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "glossary.yaml"):
        shutil.copy2(ROOT / name, to / name)
    shutil.copytree(ROOT / "flashcards", to / "flashcards", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return to


@pytest.mark.slow
def test_the_wheel_ships_the_glossary_and_uses_it_from_an_empty_folder(tmp_path):
    source = _source_copy(tmp_path / "src")
    curated = (source / "glossary.yaml").read_bytes()
    wheel = _pip_wheel(source, tmp_path / "dist")
    with zipfile.ZipFile(wheel) as zf:
        assert zf.read("flashcards/glossary/glossary.yaml") == curated
    assert not (source / "flashcards" / "glossary" / "glossary.yaml").exists()  # nothing copied into the tree

    # the sdist holds glossary.yaml and the hook, so a wheel built from it ships it too
    proc = subprocess.run([sys.executable, "-c", "import sys; from setuptools import build_meta; "
                           "print(build_meta.build_sdist(sys.argv[1]))", str(tmp_path / "sdist")],
                          cwd=source, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    sdist = tmp_path / "sdist" / proc.stdout.split()[-1]
    with tarfile.open(sdist) as tar:
        tar.extractall(tmp_path / "unpacked", filter="data")
    (unpacked,) = (tmp_path / "unpacked").iterdir()
    with zipfile.ZipFile(_pip_wheel(unpacked, tmp_path / "dist2")) as zf:
        assert zf.read("flashcards/glossary/glossary.yaml") == curated

    # installed (not editable) and run from an empty folder: the shipped glossary whole
    site, empty, config = tmp_path / "site", tmp_path / "empty", tmp_path / "config"
    empty.mkdir()
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
                   check=True, capture_output=True)
    env = {**os.environ, "PYTHONPATH": str(site), "FLASHCARDS_CONFIG_DIR": str(config)}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, *args], cwd=empty, env=env, capture_output=True, text=True, check=False)

    where = run("-c", "from flashcards.glossary.layers import shipped_path; print(shipped_path())")
    assert where.stdout.strip() == str(site / "flashcards" / "glossary" / "glossary.yaml"), where.stderr
    listed = run("-m", "flashcards", "vocab", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == len(YAML(typ="safe").load(curated.decode("utf-8"))["terms"])
    refused = run("-m", "flashcards", "glossary", "add", "演示术语", "--english", "demo", "--category", "politics",
                  "--glossary", where.stdout.strip())
    assert refused.returncode == 1 and "installed with flashcards" in refused.stderr
    assert (site / "flashcards" / "glossary" / "glossary.yaml").read_bytes() == curated
    added = run("-m", "flashcards", "glossary", "add", "演示术语", "--english", "demo", "--category", "politics")
    assert added.returncode == 0 and str(config / "glossary.yaml") in added.stdout, added.stderr


def test_the_shipped_glossary_is_parsed_once_and_an_edit_to_it_is_seen(tmp_path, monkeypatch):
    shipped = write(tmp_path / "shipped.yaml", SHIPPED_TEXT)
    monkeypatch.setattr(layers, "shipped_path", lambda: shipped)
    monkeypatch.chdir(tmp_path)
    before = [e.english for e in layers.load_layers().glossary.entries]
    parsed = []
    real = load.check_text
    monkeypatch.setattr(load, "check_text", lambda *a, **k: parsed.append(1) or real(*a, **k))
    assert [e.english for e in layers.load_layers().glossary.entries] == before
    assert parsed == []  # the second load read the kept result
    write(shipped, SHIPPED_TEXT.replace("english: navy", "english: [navy, naval force]"))
    after = {e.hanzi: e.english for e in layers.load_layers().glossary.entries}
    assert parsed == [1] and after["海军"] == ("navy", "naval force")
