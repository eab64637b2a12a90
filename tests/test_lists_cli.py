"""`flashcards vocab` end to end: every format read back by its consumer."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from flashcards.lists.select import pinyin_sort_key
from flashcards.lists.text import CSV_COLUMNS
from test_lists import markdown_tables, parse_pleco

HAN = re.compile(r"[\u3400-\u9fff]")

# A small glossary of its own, so these tests do not follow every edit of the real one.
# Fields hold a comma, quotes and a pipe to prove the formats escape them.
GLOSSARY = """\
terms:
  - hanzi: 空军
    pinyin: kōngjūn
    english: air force
    category: forces
  - hanzi: 潜艇
    pinyin: qiántǐng
    english: [submarine]
    category: weapons
  - hanzi: 直升机护卫舰
    pinyin: zhíshēngjī hùwèijiàn
    english: [helicopter destroyer, "helicopter carrier, 'Izumo' class"]
    category: weapons
  - hanzi: 志同道合
    pinyin: zhìtóng-dàohé
    english: ['like-minded, "sharing the same goals"']
    category: diplomacy
  - hanzi: 默许
    pinyin: mòxǔ
    english: [tacit approval | consent]
    category: diplomacy
    note: a loaded word, often critical
  - hanzi: 北约
    pinyin: Běiyuē
    english: NATO
    category: organisations
"""


@pytest.fixture
def glossary_path(tmp_path, monkeypatch):
    """The small glossary, used alone: no shipped glossary beneath it."""
    from flashcards.glossary import layers

    monkeypatch.setattr(layers, "shipped_path", lambda: None)
    path = tmp_path / "glossary.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    return path


@pytest.fixture
def vocab(run_cli, glossary_path):
    """Run ``flashcards vocab ... --glossary <the test glossary>``; expects success."""

    def run(*args):
        result = run_cli("vocab", *args, "--glossary", glossary_path)
        assert result.code == 0, result.err
        return result.out

    return run


@pytest.fixture
def glossary_json(vocab):
    return json.loads(vocab("--format", "json"))


def test_json_lists_the_whole_glossary_in_the_contract_shape(glossary_json):
    assert [o["hanzi"] for o in glossary_json] == ["空军", "潜艇", "直升机护卫舰", "志同道合", "默许", "北约"]
    assert glossary_json[3]["english"] == 'like-minded, "sharing the same goals"'
    assert glossary_json[2]["english"] == "helicopter destroyer; helicopter carrier, 'Izumo' class"
    for obj in glossary_json:
        assert HAN.search(obj["hanzi"]) and obj["pinyin"] and isinstance(obj["english"], str) and obj["english"]
        assert obj["source"] == "glossary"
        assert obj["category"] is None or isinstance(obj["category"], str)
        assert obj["hsk"] is None or obj["hsk"] in range(1, 10)
        assert isinstance(obj["examples"], list)
    assert len({o["hanzi"] for o in glossary_json}) == len(glossary_json)


def test_csv_and_tsv_read_back_with_the_csv_module(vocab, glossary_json):
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        text = vocab("--format", fmt)
        rows = list(csv.DictReader(io.StringIO(text), delimiter=delimiter))
        assert tuple(rows[0]) == CSV_COLUMNS
        assert [r["hanzi"] for r in rows] == [o["hanzi"] for o in glossary_json]
        assert [r["english"] for r in rows] == [o["english"] for o in glossary_json]
        if fmt == "tsv":
            assert len(text.splitlines()) == len(rows) + 1


def test_pleco_lines_parse(vocab, glossary_json):
    cards = parse_pleco(vocab("--format", "pleco"))
    assert sorted(c["hanzi"] for c in cards) == sorted(o["hanzi"] for o in glossary_json)
    categories = {c["category"] for c in cards}
    assert categories == {o["category"] or "Other" for o in glossary_json}


def test_markdown_tables_have_one_row_per_entry(vocab, glossary_json):
    tables = markdown_tables(vocab("--format", "markdown"))
    rows = [row for table in tables for row in table[2:]]
    assert all(len(row) == 5 for table in tables for row in table)
    assert len(rows) == len(glossary_json)


def test_table_is_plain_when_piped(vocab, glossary_json):
    text = vocab("--format", "table")
    assert "\x1b" not in text
    assert glossary_json[0]["hanzi"] in text


def test_output_file_is_written_whole_and_replaces_the_old_one(run_cli, glossary_path, tmp_path, glossary_json):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "list.html"
    out.write_text("old", encoding="utf-8")
    result = run_cli("vocab", "--format", "html", "--output", out, "--glossary", glossary_path)
    assert result.code == 0, result.err
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert all(o["hanzi"] in page for o in glossary_json)
    assert [p.name for p in folder.iterdir()] == ["list.html"]  # no temporary file left


def test_filters_and_sorting(vocab, glossary_json):
    only = json.loads(vocab("--format", "json", "--category", "weapons", "--category", "Forces"))
    assert [o["hanzi"] for o in only] == ["空军", "潜艇", "直升机护卫舰"]

    easy = json.loads(vocab("--format", "json", "--hsk-max", "4"))
    assert easy == [o for o in glossary_json if o["hsk"] is not None and o["hsk"] <= 4]
    hard = json.loads(vocab("--format", "json", "--hsk-min", "5"))
    assert hard == [o for o in glossary_json if o["hsk"] is None or o["hsk"] >= 5]

    by_pinyin = json.loads(vocab("--format", "json", "--sort", "pinyin"))
    keys = [pinyin_sort_key(o["pinyin"]) for o in by_pinyin]
    assert keys == sorted(keys) and len(by_pinyin) == len(glossary_json)


def test_unknown_category_is_one_line_of_error(run_cli, glossary_path):
    result = run_cli("vocab", "--category", "no-such-category", "--glossary", glossary_path)
    assert result.code == 1
    assert result.out == ""
    assert len(result.err.strip().splitlines()) == 1 and "no-such-category" in result.err


@pytest.mark.slow
def test_article_vocabulary_has_examples_from_the_article(run_cli, repo_glossary, sample_article, tmp_path):
    out = tmp_path / "vocab.json"
    result = run_cli("vocab", sample_article, "--format", "json", "--output", out, "--glossary", repo_glossary)
    assert result.code == 0, result.err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {o["source"] for o in data} <= {"glossary", "article", "both"}
    assert any(o["source"] in ("article", "both") for o in data)
    found = [o for o in data if o["source"] in ("article", "both")]
    assert all(o["examples"] and o["hanzi"] in o["examples"][0]["zh"] for o in found[:20])
