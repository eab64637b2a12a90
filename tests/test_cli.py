"""Every command of design.md's contract, run through the real entry point on the sample article."""

from __future__ import annotations

import json
import os
import re

import pytest

HAN = re.compile(r"[\u3400-\u9fff]")
SYLLABLE = re.compile(r"^[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+$")


@pytest.fixture(scope="module")
def sentences_json():
    """`python -m flashcards sentences SAMPLE --format json`, run once for the module."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    sample = root / "articles" / "chinamil-2025-01-06-japan-europe-security.txt"
    proc = subprocess.run(
        [sys.executable, "-m", "flashcards", "sentences", str(sample), "--format", "json",
         "--glossary", str(root / "glossary.yaml")],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    return json.loads(proc.stdout)


def test_sentences_json_shape_and_order(sentences_json, sample_article):
    text = sample_article.read_text(encoding="utf-8")
    assert len(sentences_json) >= 15
    last = -1
    for row in sentences_json:
        assert isinstance(row["en"], str) and isinstance(row["zh"], str) and isinstance(row["pinyin"], str)
        assert HAN.search(row["zh"]) and not HAN.search(row["en"])
        assert row["en"].strip() and row["pinyin"].strip()
        # document order: each Chinese sentence starts after the previous one
        first_clause = re.split(r"[，,；;：:]", row["zh"])[0][:8]
        pos = text.replace(",", "，").find(first_clause.replace(",", "，"))
        if pos < 0:
            pos = text.find(first_clause)
        assert pos > last or pos == -1
        last = max(last, pos)


def test_sentences_pair_translation_and_drop_furniture(sentences_json):
    joined = {r["en"]: r["zh"] for r in sentences_json}
    spa = [zh for en, zh in joined.items() if "strategic partnership agreement" in en]
    assert spa and "战略伙伴关系协定" in spa[0]
    everything = json.dumps(sentences_json, ensure_ascii=False)
    for furniture in ("Related News", "China Military Online", "Li Jiayao", "Editor", "孙文竹"):
        assert furniture not in everything


def test_sentences_tsv(run_cli, sample_article, repo_glossary):
    result = run_cli("sentences", sample_article, "--format", "tsv", "--glossary", repo_glossary)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "zh\ten\tpinyin"
    assert len(lines) > 15 and all(line.count("\t") == 2 for line in lines)


def test_align_prints_beads_covering_every_line(run_cli, tmp_path):
    zh = tmp_path / "zh.txt"
    en = tmp_path / "en.txt"
    zh.write_text("日本同欧盟签署了协定。\n双方将共同维护地区和平与安全。\n这是第三句。\n", encoding="utf-8")
    en.write_text(
        "Japan signed an agreement with the EU.\nThe two sides will jointly maintain regional peace.\n"
        "And security.\nThis is the third sentence.\n",
        encoding="utf-8",
    )
    result = run_cli("align", "--zh", zh, "--en", en)
    assert result.code == 0, result.err
    zh_ids, en_ids = [], []
    for line in result.out.splitlines():
        m = re.fullmatch(r"\[([0-9,]*)\]:\[([0-9,]*)\]", line)
        assert m, line
        zh_ids += [int(x) for x in m.group(1).split(",") if x]
        en_ids += [int(x) for x in m.group(2).split(",") if x]
    assert zh_ids == [0, 1, 2] and en_ids == [0, 1, 2, 3]
    assert result.out.splitlines()[0] == "[0]:[0]"


def test_pinyin_json_contract(run_cli):
    text = "中将在北约峰会上发言，2024年。"
    result = run_cli("pinyin", text, "--format", "json")
    assert result.code == 0, result.err
    obj = json.loads(result.out)
    assert obj["text"] == text
    assert "".join(t["text"] for t in obj["tokens"]) == text
    for token in obj["tokens"]:
        han = HAN.findall(token["text"])
        assert len(token["pinyin"]) == len(han)
        assert all(SYLLABLE.match(s) for s in token["pinyin"])
    syllables = [s for t in obj["tokens"] for s in t["pinyin"]]
    assert syllables[:2] == ["zhōng", "jiàng"]


def test_pinyin_text_numbers_and_stdin(run_cli):
    result = run_cli("pinyin", "--format", "numbers", stdin="弹道导弹\n军长\n")
    assert result.code == 0, result.err
    assert result.out.splitlines() == ["dan4 dao4 dao3 dan4", "jun1 zhang3"]
    result = run_cli("pinyin", "给予")
    assert result.out.strip() == "jǐyǔ"


def test_vocab_json_for_sample(run_cli, sample_article, repo_glossary):
    result = run_cli("vocab", sample_article, "--format", "json", "--glossary", repo_glossary)
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    assert len(rows) >= 20
    for row in rows:
        assert isinstance(row["hanzi"], str) and HAN.search(row["hanzi"])
        assert isinstance(row["pinyin"], str) and row["pinyin"]
        assert isinstance(row["english"], str) and row["english"]
        assert row["source"] in {"glossary", "article", "both"}
        assert row["category"] is None or isinstance(row["category"], str)
        assert row["hsk"] is None or isinstance(row["hsk"], int)
        assert isinstance(row["examples"], list)
        for ex in row["examples"]:
            assert set(ex) >= {"zh", "en"}
    assert {r["source"] for r in rows} >= {"both", "article"}
    assert any(r["hanzi"] == "准同盟" for r in rows)


def test_vocab_without_article_is_the_glossary(run_cli, repo_glossary):
    from flashcards.glossary.load import load_glossary

    result = run_cli("vocab", "--format", "json", "--glossary", repo_glossary)
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    entries = load_glossary(repo_glossary).entries
    assert [r["hanzi"] for r in rows] == [e.hanzi for e in entries]
    assert {r["source"] for r in rows} == {"glossary"}


def test_glossary_check_clean_and_broken(run_cli, repo_glossary, tmp_path):
    result = run_cli("glossary", "check", "--glossary", repo_glossary)
    assert result.code == 0, result.err
    broken = tmp_path / "g.yaml"
    broken.write_text(repo_glossary.read_text(encoding="utf-8") + "\n  - hanzi: [unclosed\n", encoding="utf-8")
    result = run_cli("glossary", "check", "--glossary", broken)
    assert result.code == 1
    assert result.err.strip() and all(re.match(rf"{re.escape(str(broken))}:\d+: ", line) for line in result.err.splitlines())


def test_build_writes_package_and_reports_changes(run_cli, sample_article, repo_glossary, tmp_path):
    out = tmp_path / "decks"
    result = run_cli("build", sample_article, "--glossary", repo_glossary, "--out", out)
    assert result.code == 0, result.err
    packages = list(out.glob("*.apkg"))
    assert len(packages) == 1 and packages[0].stat().st_size > 10_000
    assert f"wrote {packages[0]}" in result.out
    assert re.search(r"notes: \d+ added, 0 updated, 0 unchanged, 0 dropped", result.out)
    again = run_cli("build", sample_article, "--glossary", repo_glossary, "--out", out)
    assert re.search(r"notes: 0 added, 0 updated, \d+ unchanged, 0 dropped", again.out)


def test_missing_article_is_one_line_exit_1(run_cli, tmp_path):
    result = run_cli("sentences", tmp_path / "nope.txt")
    assert result.code == 1
    assert len(result.err.strip().splitlines()) == 1
    assert "nope.txt" in result.err and "Traceback" not in result.err


def test_usage_error_exit_2(run_cli):
    result = run_cli("sentences", "--format", "yaml", "x.txt")
    assert result.code == 2


def test_the_cli_turns_blas_threads_off_unless_the_user_set_them(run_cli, monkeypatch):
    """The pinyin model's small products run in analysis workers of our own, one per
    core: BLAS threads beside them would only spin on the other workers' cores."""
    from flashcards.cli import BLAS_THREADS

    for name in BLAS_THREADS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    assert run_cli("--help").code == 0
    assert {name: os.environ.get(name) for name in BLAS_THREADS} == {
        "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "3", "MKL_NUM_THREADS": "1"}
