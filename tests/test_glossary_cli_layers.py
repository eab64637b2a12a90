"""The shipped and personal glossaries as a user meets them: through the CLI, run from
an empty folder (no glossary.yaml there) with a config folder of the test's own."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "glossary.yaml"
SAMPLE = ROOT / "articles" / "chinamil-2025-01-06-japan-europe-security.txt"
NEW = "演示术语"  # a made-up term no real glossary has

MINE = f"""\
# my own glossary: keep this comment
terms:
  - hanzi: 准同盟
    pinyin: zhǔntóngméng
    english: [near-alliance, quasi-alliance]
    category: diplomacy
  # a term of my own
  - hanzi: {NEW}
    pinyin: yǎnshì shùyǔ
    english: demo term
    category: politics
"""


def shipped_hanzi() -> list[str]:
    """The headwords of the repository's glossary.yaml, read by a plain YAML reader."""
    return [e["hanzi"] for e in YAML(typ="safe").load(GLOSSARY.read_text(encoding="utf-8"))["terms"]]


@pytest.fixture
def empty(tmp_path, monkeypatch) -> Path:
    """An empty working folder, and an empty config folder: no personal glossary."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("FLASHCARDS_CONFIG_DIR", str(tmp_path / "config"))
    return work


@pytest.fixture
def mine(empty) -> Path:
    path = empty / "glossary.yaml"
    path.write_text(MINE, encoding="utf-8")
    return path


def vocab_json(run_cli, *args) -> tuple[list[dict], str]:
    result = run_cli("vocab", *args, "--format", "json")
    assert result.code == 0, result.err
    return json.loads(result.out), result.err


def test_vocab_from_an_empty_folder_lists_every_shipped_entry(run_cli, empty):
    rows, err = vocab_json(run_cli)
    assert [r["hanzi"] for r in rows] == shipped_hanzi()
    assert {r["source"] for r in rows} == {"glossary"}
    assert err.splitlines() == [f"glossaries: shipped ({len(rows):,} entries)"]


def test_the_sample_vocabulary_is_the_same_from_an_empty_folder_and_inside_the_repository(run_cli, empty):
    outside = run_cli("vocab", SAMPLE, "--format", "json")
    inside = run_cli("vocab", SAMPLE, "--format", "json", cwd=ROOT)
    assert outside.code == inside.code == 0, outside.err + inside.err
    assert outside.out == inside.out
    assert any(r["source"] == "both" for r in json.loads(outside.out))
    assert inside.err == outside.err  # inside the repository, ./glossary.yaml is the shipped one: no personal layer


def test_a_personal_glossary_replaces_and_adds_and_the_rest_of_the_shipped_one_stays(run_cli, mine):
    shipped = shipped_hanzi()
    assert "准同盟" in shipped and NEW not in shipped
    rows, err = vocab_json(run_cli)
    by = {r["hanzi"]: r for r in rows}
    assert [r["hanzi"] for r in rows] == shipped + [NEW]  # the replacement in the shipped one's place
    assert by["准同盟"]["english"] == "near-alliance; quasi-alliance"
    assert by[NEW]["english"] == "demo term" and by[NEW]["source"] == "glossary"
    assert err.splitlines() == [
        f"glossaries: shipped ({len(shipped) - 1:,} entries) + glossary.yaml (2 entries: 1 new, 1 replacing shipped ones)"
    ]
    # on an article too: the article's 准同盟 takes my gloss
    rows, _ = vocab_json(run_cli, SAMPLE)
    assert next(r for r in rows if r["hanzi"] == "准同盟")["english"] == "near-alliance; quasi-alliance"


def test_list_says_where_each_entry_comes_from(run_cli, mine):
    result = run_cli("glossary", "list")
    assert result.code == 0, result.err
    origin = {line.split("\t")[0]: line.split("\t")[-1] for line in result.out.splitlines()}
    assert origin["准同盟"] == "overridden" and origin[NEW] == "personal"
    assert set(origin.values()) == {"shipped", "personal", "overridden"}
    assert len(origin) == len(shipped_hanzi()) + 1
    found = run_cli("glossary", "list", "near-alliance")
    assert found.out.splitlines() == ["准同盟\tzhǔntóngméng\tnear-alliance; quasi-alliance\tdiplomacy\toverridden"]


def test_an_entry_can_hide_a_shipped_one(run_cli, mine):
    mine.write_text(MINE + "  - hanzi: 北约\n    hide: true\n", encoding="utf-8")
    rows, err = vocab_json(run_cli)
    assert "北约" not in {r["hanzi"] for r in rows}
    assert len(rows) == len(shipped_hanzi())  # one added, one hidden
    assert err.strip().endswith("1 shipped hidden)")
    assert "北约\t" not in run_cli("glossary", "list").out


def test_which_personal_glossary_wins(run_cli, empty, tmp_path):
    config = tmp_path / "config" / "glossary.yaml"
    config.parent.mkdir()
    config.write_text("terms:\n  - hanzi: 北约\n    hide: true\n", encoding="utf-8")
    assert f"+ {config} (0 entries" in vocab_json(run_cli)[1]
    (empty / "glossary.yaml").write_text(MINE, encoding="utf-8")
    assert "+ glossary.yaml (2 entries" in vocab_json(run_cli)[1]
    other = tmp_path / "other.yaml"
    other.write_text(MINE.replace("demo term", "another"), encoding="utf-8")
    assert f"+ {other} (2 entries" in vocab_json(run_cli, "--glossary", other)[1]


def test_glossary_add_writes_to_the_personal_glossary_keeping_its_comments(run_cli, mine):
    before = GLOSSARY.read_bytes()
    result = run_cli("glossary", "add", "反舰导弹演示", "--english", "demo anti-ship missile", "--category", "weapons")
    assert result.code == 0, result.err
    assert re.fullmatch(r"added 反舰导弹演示 \S.* \(weapons\) to glossary\.yaml:\d+\n", result.out)
    text = mine.read_text(encoding="utf-8")
    assert "# my own glossary: keep this comment\n" in text and "  # a term of my own\n" in text
    assert "- hanzi: 反舰导弹演示" in text
    assert GLOSSARY.read_bytes() == before  # never the shipped one
    replaced = run_cli("glossary", "add", "北约", "--english", "the Alliance", "--category", "organisations",
                       "--pinyin", "Běiyuē")
    assert replaced.code == 0 and "replaces the shipped 北约" in replaced.out
    again = run_cli("glossary", "add", NEW, "--english", "x", "--category", "politics")
    assert again.code == 1 and "already in the glossary" in again.err


def test_glossary_add_without_a_personal_glossary_starts_one_in_the_config_folder(run_cli, empty, tmp_path):
    result = run_cli("glossary", "add", NEW, "--english", "demo term", "--category", "politics")
    assert result.code == 0, result.err
    made = tmp_path / "config" / "glossary.yaml"
    assert f"to {made}:" in result.out and "(a new personal glossary)" in result.out
    text = made.read_text(encoding="utf-8")
    assert text.startswith("# My flashcards glossary.") and "hide: true" in text
    assert not (empty / "glossary.yaml").exists()
    assert vocab_json(run_cli)[0][-1]["hanzi"] == NEW
    bad = run_cli("glossary", "add", "演示二", "--english", "x", "--category", "nonsense")
    assert bad.code == 1 and made.read_text(encoding="utf-8") == text


def test_glossary_check_checks_both_and_names_the_file_of_each_problem(run_cli, mine):
    result = run_cli("glossary", "check")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        f"{GLOSSARY}: ok (shipped, {len(shipped_hanzi()):,} entries)",
        "glossary.yaml: ok (personal, 2 entries)",
    ]
    mine.write_text(MINE.replace("category: politics", "category: navy") + "  - hanzi: 不存在的词\n    hide: true\n",
                    encoding="utf-8")
    result = run_cli("glossary", "check")
    assert result.code == 1 and result.out == ""
    assert result.err.splitlines() == [
        "glossary.yaml:11: unknown category 'navy'; use one of " + result.err.split("use one of ")[1].split("\n")[0],
        "glossary.yaml:12: hides 不存在的词, which the shipped glossary does not have; remove this entry",
    ]


@pytest.mark.parametrize("command", [["vocab"], ["build", str(SAMPLE)], ["glossary", "list"]])
def test_a_bad_personal_glossary_is_one_line_and_exit_1(run_cli, mine, command):
    mine.write_text(MINE.replace("zhǔntóngméng", "zhun3tongmeng"), encoding="utf-8")
    result = run_cli(*command)
    assert result.code == 1 and result.out == ""
    assert result.err.splitlines() == [
        "flashcards: glossary.yaml:4: pinyin: tone numbers are not allowed in 'zhun3tongmeng'; "
        "write tone marks (zhōng, not zhong1)"
    ]
    assert not (mine.parent / "decks").exists()


def test_build_says_which_glossaries_and_a_personal_edit_updates_exactly_its_note(run_cli, mine):
    first = run_cli("build", SAMPLE)
    assert first.code == 0, first.err
    lines = first.out.splitlines()
    assert lines[0] == f"glossaries: shipped ({len(shipped_hanzi()) - 1:,} entries) + glossary.yaml (2 entries: 1 new, 1 replacing shipped ones)"
    assert lines[1] == "wrote decks/flashcards.apkg"
    assert re.fullmatch(r"  notes: \d+ added, 0 updated, 0 unchanged, 0 dropped", lines[2])
    mine.write_text(MINE.replace("[near-alliance, quasi-alliance]", "[quasi-alliance, near-alliance]"), encoding="utf-8")
    again = run_cli("build", SAMPLE)
    assert again.code == 0, again.err
    assert re.fullmatch(r"  notes: 0 added, 1 updated, \d+ unchanged, 0 dropped", again.out.splitlines()[2]), again.out
