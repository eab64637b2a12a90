"""Names the segmenter cut up are one word in a sentence's pinyin and ruby, as on their
cards, where the English writes them as one (real jieba, pypinyin and CC-CEDICT)."""

from __future__ import annotations

import json
import re

import pytest

from flashcards import pipeline
from flashcards.anki.deck import _ruby_html
from flashcards.model import SentencePair
from flashcards.terms.written_names import with_names


@pytest.fixture(scope="module")
def reader():
    return pipeline.analyser(pipeline.load_glossary(None))


def _read(reader, zh: str, en: str):
    sentence = reader.analyse([SentencePair(zh, en, 0)])[0]
    return sentence, with_names(sentence, reader.words)


@pytest.mark.parametrize("zh, en, cut, written", [
    # jieba: 莫 | 德罗, and 莫 alone is the adverb "do not"
    ("莫德罗周六在柏林去世。", "Modrow died in Berlin on Saturday.", "mò Déluó", "Mòdéluó"),
    # 克 is tagged a measure word: 埃贡 · 克 | 伦茨
    ("埃贡·克伦茨当天宣布辞职。", "Egon Krenz resigned that day.", "Āigòng kè Lúncí", "Āigòng Kèlúncí"),
    # one word in English that is not pinyin: no surname 哈 and given name 立德
    ("记者阿斯玛·哈立德从维尔纽斯发回报道。", "Asma Khalid reports from Vilnius.", "Āsīmǎ hā lìdé", "Āsīmǎ Hālìdé"),
])
def test_a_name_the_segmenter_cut_up_is_one_word_in_the_sentence(reader, zh, en, cut, written):
    sentence, named = _read(reader, zh, en)
    assert cut in sentence.pinyin  # what the tokens alone give
    assert written in named.pinyin and cut not in named.pinyin, named.pinyin
    assert named.tokens == sentence.tokens  # the terms stage still sees the segmenter's tokens
    assert "".join(t.text for t in named.written_tokens()) == zh


def test_a_token_the_name_cuts_into_keeps_its_other_part(reader):
    # 主 | 任何 | 立峰: the surname 何 goes to the name, 任 stays a word of its own
    sentence, named = _read(reader, "委员会办公室主任何立峰出席了会议。",
                            "He Lifeng, director of the commission's office, attended the meeting.")
    assert "rènhé lìfēng" in sentence.pinyin
    assert "rèn Hé Lìfēng" in named.pinyin, named.pinyin


def test_without_the_english_name_the_tokens_stand(reader):
    sentence, named = _read(reader, "莫德罗周六在柏林去世。", "He died in Berlin on Saturday.")
    assert named is sentence and named.written == ()


def test_the_ruby_writes_the_name_over_its_characters(reader):
    _, named = _read(reader, "莫德罗周六在柏林去世。", "Modrow died in Berlin on Saturday.")
    ruby = _ruby_html(named.written_tokens())
    first = ruby.split("</ruby>")[0]
    assert '<span class="rb">莫德罗</span>' in first and re.sub(r"<[^>]+>", "", first) == "莫德罗Mòdéluó", ruby


def test_the_sentences_command_writes_names_whole(run_cli, tmp_path, repo_glossary):
    article = tmp_path / "modrow.txt"
    article.write_text("莫德罗周六在柏林去世。\nModrow died in Berlin on Saturday.\n"
                       "埃贡·克伦茨当天宣布辞职。\nEgon Krenz resigned that day.\n", encoding="utf-8")
    result = run_cli("sentences", article, "--format", "json", "--glossary", repo_glossary)
    assert result.code == 0, result.err
    pinyin = [row["pinyin"] for row in json.loads(result.out)]
    assert pinyin[0].startswith("Mòdéluó") and pinyin[1].startswith("Āigòng Kèlúncí"), pinyin

