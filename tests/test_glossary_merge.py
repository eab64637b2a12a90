"""Merging glossary entries and article terms into vocabulary entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashcards.terms.known_words import load_known_words, parse_known_words, read_known_words
from flashcards.errors import InputError
from flashcards.glossary.merge import merge_vocab
from flashcards.model import Example
from flashcards.terms.extract import Term

GLOSSARY = """\
terms:
  - hanzi: 准同盟
    pinyin: zhǔn tóngméng
    english: [quasi-alliance]
    category: diplomacy
    note: a curated note
  - hanzi: 北约
    pinyin: Běiyuē
    english: NATO
    category: organisations
  - hanzi: 护卫舰
    pinyin: hùwèijiàn
    english: [frigate]
    category: weapons
"""


@pytest.fixture()
def glossary(tmp_path: Path):
    from flashcards.glossary.load import load_glossary

    path = tmp_path / "glossary.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    return load_glossary(path)


def ex(n: int, word: str) -> Example:
    return Example(zh=f"句子{n}{word}。", en=f"Sentence {n}.", pinyin="")


def term(hanzi, english=("gloss",), count=1, examples=None, **kw) -> Term:
    return Term(hanzi=hanzi, pinyin=kw.pop("pinyin", "pīnyīn"), english=english, count=count,
                examples=examples if examples is not None else (ex(0, hanzi),), **kw)


def test_no_article_gives_the_whole_glossary(glossary):
    vocab = merge_vocab(glossary, {}, include_glossary_only=True)
    assert [v.hanzi for v in vocab] == ["准同盟", "北约", "护卫舰"]
    assert {v.source for v in vocab} == {"glossary"}
    nato = vocab[1]
    assert nato.is_name and nato.category == "organisations" and nato.english == ("NATO",)
    assert nato.traditional == "北約" and nato.frequency and nato.frequency > 3
    assert vocab[2].measure_words == ("艘",)
    assert merge_vocab(glossary, []) == merge_vocab(glossary, {}, include_glossary_only=False)
    assert merge_vocab(None, {}) == []


def test_glossary_outranks_dictionary_and_article_adds_examples(glossary):
    terms = {"art-a": [
        term("准同盟", english=("quasi- + alliance",), count=2, pinyin="zhǔntóngméng",
             context_english="quasi-alliance", examples=(ex(1, "准同盟"), ex(2, "准同盟"))),
        term("默许", english=("to accept tacitly",), hsk=None, zipf=3.4, context_english="tacit approval"),
    ]}
    vocab = merge_vocab(glossary, terms, include_glossary_only=False)
    assert [v.hanzi for v in vocab] == ["准同盟", "默许"]
    quasi, tacit = vocab
    assert quasi.source == "both" and quasi.pinyin == "zhǔn tóngméng" and quasi.english == ("quasi-alliance",)
    assert quasi.category == "diplomacy" and quasi.note == "a curated note"
    assert quasi.count == 2 and len(quasi.examples) == 2 and quasi.context_english == "quasi-alliance"
    assert all(e.article == "art-a" for e in quasi.examples) and quasi.articles == ("art-a",)
    assert tacit.source == "article" and tacit.category is None and tacit.english == ("to accept tacitly",)
    assert tacit.context_english == "tacit approval" and tacit.frequency == 3.4


def test_glossary_only_entries_follow_when_asked(glossary):
    vocab = merge_vocab(glossary, {"a": [term("北约")]}, include_glossary_only=True)
    assert [(v.hanzi, v.source) for v in vocab] == [("北约", "both"), ("准同盟", "glossary"), ("护卫舰", "glossary")]


def test_terms_from_several_articles_are_counted_and_capped(glossary):
    a = [term("默许", count=2, examples=(ex(1, "默许"), ex(2, "默许")))]
    b = [term("默许", count=3, examples=(ex(2, "默许"), ex(3, "默许"), ex(4, "默许")))]
    [v] = merge_vocab(None, {"a": a, "b": b}, include_glossary_only=False)
    assert v.count == 5 and v.articles == ("a", "b")
    assert [e.zh for e in v.examples] == [ex(n, "默许").zh for n in (1, 2, 3)]  # deduplicated, capped at 3
    assert [e.article for e in v.examples] == ["a", "a", "b"]
    [w] = merge_vocab(None, a)  # a bare sequence of terms is one unnamed article
    assert w.count == 2 and w.articles == ()


def test_a_term_keeps_the_script_of_its_article_and_is_one_entry_across_scripts(glossary):
    """On a Traditional article the glossary's 护卫舰 is written 護衛艦, as its examples are;
    met in a Simplified article too, it is one entry (keyed on the Simplified form)."""
    traditional = {"trad": [term("護衛艦", examples=(ex(1, "護衛艦"),))]}
    [v] = merge_vocab(glossary, traditional, include_glossary_only=False)
    assert v.hanzi == "護衛艦" and v.source == "both" and v.english == ("frigate",) and v.pinyin == "hùwèijiàn"
    assert v.hanzi in v.examples[0].zh
    both = {"trad": [term("護衛艦", examples=(ex(1, "護衛艦"),))], "simp": [term("护卫舰", examples=(ex(2, "护卫舰"),))]}
    [w] = merge_vocab(glossary, both, include_glossary_only=True)[:1]
    assert w.hanzi == "護衛艦" and w.articles == ("trad", "simp") and len(w.examples) == 2
    assert [v.hanzi for v in merge_vocab(glossary, both, include_glossary_only=True)].count("护卫舰") == 0
    [m] = merge_vocab(None, {"a": [term("默許")], "b": [term("默许")]})
    assert m.hanzi == "默許" and m.articles == ("a", "b")


def test_known_words_from_a_list_and_an_anki_export(tmp_path: Path):
    plain = tmp_path / "known.txt"
    plain.write_text("默许\n# a comment\n準同盟\tzhun3\n\n", encoding="utf-8")
    assert read_known_words(plain) >= {"默许", "準同盟", "准同盟"}
    assert load_known_words(plain) == read_known_words(plain)
    anki = tmp_path / "notes.txt"
    anki.write_text("#separator:tab\n#html:true\n<b>hello</b>\t护卫舰\t<div>frigate</div>\n"
                    "x\t<span>北約</span>\t[sound:a.mp3]\n", encoding="utf-8")
    assert load_known_words(anki) >= {"护卫舰", "北約", "北约"}
    with_meta = tmp_path / "meta.txt"
    with_meta.write_text("#separator:tab\n#notetype column:1\n#deck column:2\n"
                         "中文基本\t汉语词汇\t默许\ttacit\n", encoding="utf-8")
    assert read_known_words(with_meta) == {"默许"}  # not the note type or deck name
    pleco = tmp_path / "pleco.txt"
    pleco.write_text("默许[默許]\tmo4xu3\tto accept tacitly\n", encoding="utf-8")
    assert read_known_words(pleco) == {"默许"}
    csv_file = tmp_path / "deck.csv"
    csv_file.write_text('Front,Back\n"反击能力","counterattack, capability"\n', encoding="utf-8")
    assert load_known_words(csv_file) == {"反击能力"}


def test_bad_known_files_are_input_errors(tmp_path: Path):
    with pytest.raises(InputError) as err:
        parse_known_words("默许\napple pie\n", "k.txt")
    assert err.value.line == 2 and "k.txt:2:" in str(err.value)
    with pytest.raises(InputError):
        parse_known_words("#separator:tab\nonly\tenglish\n", "k.txt")
    with pytest.raises(InputError):
        load_known_words(tmp_path / "missing.txt")
