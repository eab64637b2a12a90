"""Ingest: files in every layout -> Article with metadata and paragraph pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashcards.errors import InputError
from flashcards.ingest.article import read_article
from flashcards.ingest.textnorm import has_han

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "articles" / "chinamil-2025-01-06-japan-europe-security.txt"


def test_sample_article_metadata_and_pairs():
    article = read_article(SAMPLE)
    meta = article.metadata
    assert article.slug == "chinamil-2025-01-06-japan-europe-security"
    assert meta.title_en.startswith("What is Japan's intentions")
    assert meta.title_zh == "日本持续推进对欧军事安全合作有何意图"
    assert (meta.source, meta.editor, meta.date) == ("China Military Online", "Li Jiayao", "2025-01-06 19:40:02")
    assert (meta.author, meta.author_zh) == ("Sun Wenzhu", "孙文竹")
    paragraphs = article.paragraphs
    assert len(paragraphs) == 9
    assert paragraphs[0].en.startswith("The strategic partnership agreement (SPA)")
    assert paragraphs[0].zh.startswith("今年1月1日，日本同欧盟签署")  # ASCII comma normalised
    assert paragraphs[-1].zh == "（作者单位：中国国际问题研究院）"
    for p in paragraphs:
        assert p.en and p.zh and not has_han(p.en)
        assert "Related News" not in p.en and p.en != "back"
        assert p.zh_simplified == p.zh


@pytest.mark.parametrize("content", [b"", b"  \n\r\n \t"])
def test_empty_file_is_an_input_error(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match="empty"):
        read_article(path)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        read_article(tmp_path)


def test_english_only_has_no_chinese(tmp_path):
    path = tmp_path / "en.txt"
    path.write_text("A headline\n\nThe navy held a drill on Monday.\n", encoding="utf-8")
    with pytest.raises(InputError, match="no Chinese text found in"):
        read_article(path)
