"""How common a word is: wordfreq's frequencies and jieba's IDF, read from tables.

To answer a question about one word, wordfreq loads its whole list for the language
and, for Chinese, a jieba dictionary of its own; jieba.analyse loads its whole IDF
file (together more than a second and 150 MB). Here wordfreq's own code still
answers — tokenising, combining a compound's parts, rounding — but the lists and
the dictionary it reads are tables built once per machine (:mod:`flashcards.store.tables`),
read key by key.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

from flashcards.store import cache, tables
from flashcards.reading import segmenter

# The key under which the IDF table keeps the median IDF (no word is empty).
_MEDIAN = ""


def _list_rows(lang: str) -> Iterator[tuple[str, float]]:
    import wordfreq

    whole_list = getattr(wordfreq.get_frequency_dict, "__wrapped__", wordfreq.get_frequency_dict)
    return iter(whole_list(lang).items())


def _wordfreq_dictionary():
    from wordfreq.chinese import DICT_FILENAME

    return open(DICT_FILENAME, "rb")


def _idf_rows() -> Iterator[tuple[str, float]]:
    """jieba.analyse's IDF of every word, and their median (as jieba.analyse takes it)."""
    import jieba

    idf: dict[str, float] = {}
    text = (Path(jieba.__file__).parent / "analyse" / "idf.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        word, value = line.strip().split(" ")
        idf[word] = float(value)
    yield from idf.items()
    yield _MEDIAN, sorted(idf.values())[len(idf) // 2]


_LISTS = {lang: tables.Table(f"wordfreq-{lang}", cache.library("wordfreq"), functools.partial(_list_rows, lang)) for lang in ("zh", "en")}
_WORDFREQ_JIEBA = segmenter.words_table("wordfreq-jieba-words", cache.library("wordfreq"), _wordfreq_dictionary)
_IDF = tables.Table("jieba-idf", cache.library("jieba"), _idf_rows)


def frequencies(lang: str) -> tables.Lookup:
    """wordfreq's list for ``lang`` ("zh", "en"): word → frequency (a fraction of all words)."""
    return _LISTS[lang].lookup()


@functools.cache
def _wordfreq():
    """wordfreq, reading its Chinese dictionary and its lists from the tables.

    Its Chinese tokenizer is a module global it fills on first use; its lists come
    from ``get_frequency_dict``, which its word look-up calls by name.
    """
    import wordfreq
    import wordfreq.chinese

    if wordfreq.chinese.jieba_tokenizer is None:
        wordfreq.chinese.jieba_tokenizer = segmenter.table_tokenizer(_WORDFREQ_JIEBA)
    whole_list = wordfreq.get_frequency_dict

    def get_frequency_dict(lang: str, wordlist: str = "best"):
        return frequencies(lang) if wordlist == "best" and lang in _LISTS else whole_list(lang, wordlist)

    get_frequency_dict.__wrapped__ = whole_list
    wordfreq.get_frequency_dict = get_frequency_dict
    return wordfreq


def zipf(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency of ``word`` (0 when unknown, ~7.8 for 的, 7.7 for "the")."""
    return _wordfreq().zipf_frequency(word, lang)


def idf(word: str) -> float:
    """jieba.analyse's IDF of ``word``; the median IDF for a word it does not list."""
    found = _IDF.lookup().get(word)
    return _IDF.lookup()[_MEDIAN] if found is None or not word else found
