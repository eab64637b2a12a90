"""The per-machine look-up tables, and the libraries answering from them exactly as
they answer from their own files (jieba's cuts and tags, wordfreq, jieba's IDF)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from flashcards.store import cache, tables
from flashcards.lexicon import frequency
from flashcards.reading import segmenter

ROWS = [("a", 1), ("b", 2.5), ("a", "again"), ("中文", "zhōngwén")]


def counting_table(name: str, calls: list[int]) -> tables.Table:
    def rows():
        calls.append(1)
        return iter(ROWS)

    return tables.Table(name, lambda: "v1", rows)


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(cache._Settings, "directory", tmp_path)
    monkeypatch.setattr(cache._Settings, "enabled", True)
    return tmp_path


def test_table_is_built_once_and_read_by_later_processes(cache_dir):
    calls: list[int] = []
    first = counting_table("test-rows", calls)
    assert first.values("a") == [1, "again"]
    assert first.get("b") == 2.5 and first.get("zz", "none") == "none"
    assert sorted(first.keys()) == ["a", "b", "中文"] and first.count() == 3
    files = list((cache_dir / "resources").glob("test-rows-*.sqlite"))
    assert len(files) == 1
    later = counting_table("test-rows", calls)  # a new process: a new Table over the same file
    assert later.get("中文") == "zhōngwén" and later.values_containing("ga") == ["again"]
    assert len(calls) == 1


@pytest.mark.parametrize("count", [0, 1, tables._ROWS_PER_INSERT, 2 * tables._ROWS_PER_INSERT + 3])
def test_rows_are_stored_whole_and_in_order_however_many(cache_dir, count):
    # many rows go in to a statement, the last few one at a time: none lost, none moved
    rows = [(f"k{i % 7}", i if i % 3 else f"v{i}") for i in range(count)]
    table = tables.Table(f"test-many-{count}", lambda: "v1", lambda: iter(rows))
    assert list(table.items()) == rows
    assert table.values("k0") == [v for k, v in rows if k == "k0"]


def test_new_version_replaces_the_old_file(cache_dir):
    tables.Table("test-ver", lambda: "v1", lambda: iter(ROWS)).get("a")
    tables.Table("test-ver", lambda: "v2", lambda: iter([("a", 9)])).get("a")
    files = list((cache_dir / "resources").glob("test-ver-*.sqlite"))
    assert len(files) == 1
    assert tables.Table("test-ver", lambda: "v2", lambda: iter(())).get("a") == 9


def test_damaged_file_is_rebuilt(cache_dir):
    calls: list[int] = []
    counting_table("test-bad", calls).get("a")
    (path,) = (cache_dir / "resources").glob("test-bad-*.sqlite")
    path.write_bytes(path.read_bytes()[:1000])
    assert counting_table("test-bad", calls).values("a") == [1, "again"]
    path.write_bytes(b"not a database")
    assert counting_table("test-bad", calls).get("b") == 2.5
    assert len(calls) == 3


def test_tables_stay_on_disk_with_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setattr(cache._Settings, "directory", tmp_path)
    monkeypatch.setattr(cache._Settings, "enabled", False)
    assert tables.Table("test-off", lambda: "v1", lambda: iter(ROWS)).get("b") == 2.5
    assert list((tmp_path / "resources").glob("test-off-*.sqlite"))


def test_where_the_folder_cannot_be_written_the_rows_are_held_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(cache._Settings, "directory", blocker / "cache")
    table = tables.Table("test-mem", lambda: "v1", lambda: iter(ROWS))
    assert table.values("a") == [1, "again"] and table.count() == 3
    assert table.values_containing("zhōng") == ["zhōngwén"]
    assert sorted(table.keys()) == ["a", "b", "中文"] and list(table.items())[0] == ("a", 1)


@pytest.mark.parametrize("load_after", [None, 1])
def test_lookup_answers_alike_key_by_key_or_whole(cache_dir, load_after):
    table = tables.Table("test-lookup", lambda: "v1", lambda: iter([("x", 1), ("y", 0), ("z", "zed")]))
    seen = tables.Lookup(table, load_after=load_after)
    for _ in range(2):
        assert seen.get("x") == 1 and seen["y"] == 0 and "y" in seen
        assert "w" not in seen and seen.get("w", -1) == -1
        with pytest.raises(KeyError):
            seen["w"]
    assert sorted(seen) == ["x", "y", "z"] and len(seen) == 3


COUNTS = [("中", 1), ("中国", 5), ("中国人", 3), ("国", 2), ("人", 4), ("人民", 6), ("民", 1), ("", 0)]


def test_asking_ahead_answers_what_a_dictionary_walk_asks_in_a_few_queries(cache_dir, monkeypatch):
    """After ask_ahead(text), every piece a walk over the text looks up (from each
    character, longer pieces while the shorter one is a key) is answered from memory,
    the same as key by key; the file was asked once per piece length."""
    table = tables.Table("test-walk", lambda: "v1", lambda: iter(COUNTS))
    plain = tables.Lookup(table)
    text = "中国人民xy中"
    walk = []
    for k in range(len(text)):
        stop = k + 1
        walk.append(text[k:stop])
        while text[k:stop] in plain and stop < len(text):
            stop += 1
            walk.append(text[k:stop])
    queries: list[str] = []
    monkeypatch.setattr(table, "get", lambda key, default=None: queries.append(key) or default)
    first_values = table.first_values
    monkeypatch.setattr(table, "first_values", lambda keys: queries.append(tuple(keys)) or first_values(keys))
    ahead = tables.Lookup(table)
    ahead.ask_ahead(text)
    assert all(isinstance(q, tuple) for q in queries) and len(queries) == 4  # 中国人民: pieces of 1 to 4
    assert [ahead.get(piece) for piece in walk] == [plain.get(piece) for piece in walk]
    assert all(isinstance(q, tuple) for q in queries)  # nothing asked key by key afterwards


WORDS_ONLY = [("中国人民", 6), ("中国", 5), ("国家", 2), ("美", 1), ("", 9)]
# what jieba's dictionary would hold: every word's beginnings at 0
WITH_BEGINNINGS = dict(WORDS_ONLY) | {"中": 0, "中国人": 0, "国": 0}
ASKED = ["中", "中国", "中国人", "中国人民", "中国人民解放军", "国", "国家", "家", "美", "美国", "人民", "x", ""]


@pytest.mark.parametrize("where", ["file", "memory", "whole", "ahead"])
def test_beginnings_of_keys_answer_as_if_stored(cache_dir, monkeypatch, where):
    if where == "memory":  # a cache folder that cannot be written: the rows in memory
        blocker = cache_dir / "a-file"
        blocker.write_text("not a folder")
        monkeypatch.setattr(cache._Settings, "directory", blocker / "cache")
    table = tables.Table("test-beginnings", lambda: "v1", lambda: iter(WORDS_ONLY))
    seen = tables.Lookup(table, load_after=1 if where == "whole" else None, beginnings=0)
    if where == "ahead":
        seen.ask_ahead("中国人民解放军美国")
    assert {w: seen.get(w) for w in ASKED} == {w: WITH_BEGINNINGS.get(w) for w in ASKED}
    assert [w in seen for w in ASKED] == [w in WITH_BEGINNINGS for w in ASKED]
    assert table.beginning(["中国人", "国", "家", "民", "中国人民解放"]) == {"中国人", "国"}
    assert tables.Lookup(table).get("中国人") is None  # only a lookup asking for them sees them


def test_first_values_match_key_by_key_answers(cache_dir):
    table = tables.Table("test-first", lambda: "v1", lambda: iter(ROWS))
    keys = ["a", "zz", "中文", "b", "a"]
    assert table.first_values(keys) == {k: table.get(k) for k in keys if table.get(k) is not None}


def test_table_tokenizer_cuts_like_jieba_with_its_own_dictionary(sample_article):
    import jieba

    own = jieba.Tokenizer()
    own.initialize()
    text = sample_article.read_text(encoding="utf-8")
    for hmm in (True, False):
        assert list(segmenter.base().cut(text, HMM=hmm)) == list(own.cut(text, HMM=hmm))
    added = segmenter.tokenizer(["准同盟", "日欧"])
    own.add_word("准同盟", freq=segmenter.USER_WORD_FREQ)
    own.add_word("日欧", freq=segmenter.USER_WORD_FREQ)
    assert list(added.cut(text)) == list(own.cut(text))
    assert "准同盟" not in list(segmenter.base().cut(text)), "the shared tokenizer must not learn a glossary's words"


def test_part_of_speech_tags_match_jieba_posseg(sample_article):
    text = sample_article.read_text(encoding="utf-8")
    ours = [(p.word, p.flag) for p in segmenter.pos_tokenizer().cut(text)]
    script = "import jieba.posseg, json, sys; print(json.dumps([(p.word, p.flag) for p in jieba.posseg.cut(sys.stdin.read())]))"
    theirs = subprocess.run([sys.executable, "-c", script], input=text, capture_output=True, text=True, check=True)
    assert ours == [tuple(pair) for pair in json.loads(theirs.stdout)]
    assert segmenter.word_tags().get("合作") == "vn" and segmenter.word_tags().get("准同盟") is None


WORDS = ["安全", "合作", "准同盟", "日欧准同盟", "2025年", "一带一路倡议", "臺灣", "北約", "第1号", "的", "龘龘", ""]
ENGLISH = ["the", "Kishida", "NATO's", "1,000", "quasi-alliance", "defence", "zzxxqq"]


def test_wordfreq_and_idf_answer_as_the_libraries_do():
    script = (
        "import json, sys, wordfreq, jieba.analyse\n"
        "zh, en = json.loads(sys.stdin.read())\n"
        "t = jieba.analyse.default_tfidf\n"
        "print(json.dumps([[wordfreq.zipf_frequency(w, 'zh') for w in zh], [wordfreq.zipf_frequency(w, 'en') for w in en],"
        " [t.idf_freq.get(w, t.median_idf) for w in zh]]))"
    )
    plain = subprocess.run([sys.executable, "-c", script], input=json.dumps([WORDS, ENGLISH]),
                           capture_output=True, text=True, check=True)
    zh, en, idf = json.loads(plain.stdout)
    assert [frequency.zipf(w, "zh") for w in WORDS] == zh
    assert [frequency.zipf(w, "en") for w in ENGLISH] == en
    assert [frequency.idf(w) for w in WORDS] == idf
    assert zh[0] > 4 and zh[-2] == 0  # the look-ups answered something real


def test_lemmas_are_simplemmas():
    from flashcards.terms import lemmas as lemmatiser

    words = ["forces", "was", "allies", "strengthened", "Japan's", "quasi-alliance", "better", "mice", "zzxxqq", "NATO"]
    script = "import json, sys, simplemma; print(json.dumps([simplemma.lemmatize(w, lang='en') for w in json.loads(sys.stdin.read())]))"
    plain = subprocess.run([sys.executable, "-c", script], input=json.dumps(words), capture_output=True, text=True, check=True)
    assert [lemmatiser.lemmatize(w) for w in words] == json.loads(plain.stdout)
    assert lemmatiser.lemmatize("forces") == "force"


PYPINYIN_ANSWERS = r"""
import hashlib, json, sys
if sys.argv[1] == "tables":
    from flashcards.reading import pypinyin_tables
    pypinyin_tables.load()
import pypinyin
from pypinyin import Style, lazy_pinyin, pinyin
from pypinyin.constants import PHRASES_DICT, PINYIN_DICT
from pypinyin.seg.mmseg import seg
text = sys.stdin.read()
def digest(mapping):
    return hashlib.sha256(json.dumps(sorted(mapping.items())).encode()).hexdigest()
answers = {
    "dictionaries": type(PHRASES_DICT).__name__ + " " + type(PINYIN_DICT).__name__,
    "sizes": [len(PHRASES_DICT), len(PINYIN_DICT)],
    "contents": [digest(PHRASES_DICT), digest(PINYIN_DICT), sorted(PINYIN_DICT) == sorted(k for k, _ in PINYIN_DICT.items()),
                 sorted(map(str, PINYIN_DICT.values())) == sorted(PINYIN_DICT[k] for k in PINYIN_DICT)],
    "heteronyms": pinyin(text, heteronym=True),
    "tone3": lazy_pinyin(text, style=Style.TONE3),
    "cut": list(seg.cut(text)),
    "prefixes": [text[i:j] for i in range(len(text)) for j in range(i + 1, min(len(text), i + 6) + 1)
                 if text[i:j] in seg._prefix_set],
}
pypinyin.load_phrases_dict({"准同盟": [["zhǔn"], ["tóng"], ["méng"]]})
answers["added"] = [pinyin("日欧准同盟"), "准同盟" in PHRASES_DICT, len(PHRASES_DICT)]
print(json.dumps(answers, ensure_ascii=False))
"""


def test_pypinyin_over_the_tables_answers_as_pypinyin_does(sample_article):
    text = sample_article.read_text(encoding="utf-8")

    def answers(how: str) -> dict:
        done = subprocess.run([sys.executable, "-c", PYPINYIN_ANSWERS, how], input=text,
                              capture_output=True, text=True, check=True)
        return json.loads(done.stdout)

    plain, ours = answers("plain"), answers("tables")
    assert plain.pop("dictionaries") == "dict dict" and ours.pop("dictionaries") == "TableDict TableDict"
    assert ours == plain
    assert plain["sizes"][0] > 40_000 and plain["added"][1] and plain["added"][2] == plain["sizes"][0] + 1
    assert len(plain["prefixes"]) > 1000
