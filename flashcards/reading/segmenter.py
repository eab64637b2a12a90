"""The one jieba segmenter of the process, shared by every stage.

jieba loads its whole dictionary (350,000 words, about half a second and 70 MB) before
it cuts a first sentence; a build asks about a few thousand of them. Here jieba's own
code cuts, but its word table is read key by key from a table built once per machine
(:mod:`flashcards.store.tables`); a large corpus, which asks about most of the dictionary,
reads it whole instead. A glossary's terms are added to a *copy* over the shared
table (milliseconds), never to the shared one, so one process can serve several
glossaries. Part-of-speech tags come from the same dictionary file, the same way.
"""

from __future__ import annotations

import functools
import io
import logging
from collections.abc import Iterable, Iterator, Mapping

from flashcards.lexicon.script import to_simplified, to_simplified_for_reading, to_traditional
from flashcards.store import cache, tables

# High enough that a curated term is cut whole rather than into its own parts.
USER_WORD_FREQ = 200_000
# Different words asked about before the whole table is read at once instead.
_LOAD_WHOLE_AFTER = 60_000
# The key under which the words table keeps jieba's total count (no word is empty).
_TOTAL = ""


def words_table(name: str, version, open_dictionary) -> tables.Table:
    """jieba's word → count table of the dictionary file ``open_dictionary()`` opens
    (binary), read as jieba reads it (``Tokenizer.gen_pfdict``: the first two fields of
    each line, a word given twice counted twice in the total), with the total count.
    jieba also holds every word's beginnings, at 0: the table answers those without a
    row of their own (a third of the rows, and half the time to build)."""

    def rows() -> Iterator[tuple[str, int]]:
        with open_dictionary() as fh:
            text = fh.read().decode("utf-8")
        counts: dict[str, int] = {}
        total = 0
        for line in text.splitlines():
            word, count = line.strip().split(" ")[:2]
            counts[word] = int(count)
            total += counts[word]
        yield from counts.items()
        yield _TOTAL, total

    def described() -> str:
        return f"{version()};beginnings unstored"

    return tables.Table(name, described, rows, load_whole_after=_LOAD_WHOLE_AFTER, beginnings=0)


def _dictionary_file():
    import jieba

    return jieba.get_module_res(jieba.DEFAULT_DICT_NAME)


def _tag_rows() -> Iterator[tuple[str, str]]:
    """jieba's part-of-speech tag of every word of its dictionary."""
    with _dictionary_file() as fh:
        for line in fh:
            parts = line.decode("utf-8").split()
            if len(parts) == 3:
                yield parts[0], parts[2]


_WORDS = words_table("jieba-words", cache.library("jieba"), _dictionary_file)
_TAGS = tables.Table("jieba-tags", cache.library("jieba"), _tag_rows)


class _Counts:
    """A tokenizer's word counts: its own added words over the shared table."""

    def __init__(self, shared: tables.Lookup):
        self._shared = shared
        self._own: dict[str, int] = {}

    def ask_ahead(self, text: str) -> None:
        """Read from the table, a query per word length, every piece of ``text`` jieba's
        cut is about to look up one by one (its word graph: from each character of a
        block it cuts with the dictionary, longer pieces while the shorter one is a word
        or a word's prefix)."""
        import jieba

        for block in jieba.re_han_default.findall(text):
            self._shared.ask_ahead(block, self)

    def prefetch(self, words: Iterable[str]) -> None:
        """Read ``words`` from the table together (see :meth:`tables.Lookup.prefetch`)."""
        self._shared.prefetch(words)

    def get(self, word, default=None):
        found = self._own.get(word)
        return self._shared.get(word, default) if found is None else found

    def __getitem__(self, word):
        found = self._own.get(word)
        return self._shared[word] if found is None else found

    def __contains__(self, word) -> bool:
        return word in self._own or word in self._shared

    def __setitem__(self, word, count) -> None:
        self._own[word] = count


@functools.cache
def _tokenizer_class():
    import jieba

    class TableTokenizer(jieba.Tokenizer):
        """jieba's tokenizer over a words table, never loading its dictionary file."""

        def get_dict_file(self):
            # jieba.posseg reads every word's tag from this file when it starts;
            # the tags come from their own table (word_tags) instead
            return io.BytesIO(b"")

        def cut(self, sentence, *args, **kwargs):
            if isinstance(sentence, str):  # (jieba takes bytes too)
                self.FREQ.ask_ahead(sentence)
            return super().cut(sentence, *args, **kwargs)

    return TableTokenizer


def table_tokenizer(table: tables.Table = _WORDS):
    """A new jieba tokenizer over the words ``table`` (see :func:`words_table`)."""
    import jieba

    # CRITICAL: jieba's notices never reach the user's terminal
    jieba.setLogLevel(logging.CRITICAL)
    own = _tokenizer_class()()
    own.FREQ = _Counts(table.lookup())
    own.total = table.lookup()[_TOTAL]
    own.initialized = True
    return own


@functools.cache
def base():
    """The shared tokenizer, with jieba's dictionary as it is."""
    import jieba

    shared = table_tokenizer()
    jieba.dt = shared  # jieba.posseg tags with jieba.dt when it is imported: it finds ours
    return shared


def in_dictionary(word: str) -> bool:
    """Whether jieba's dictionary holds ``word`` (in its Simplified form) as a word of its
    own, not only as the beginning of longer ones."""
    return bool(base().FREQ.get(to_simplified(word)))


def word_tags() -> Mapping[str, str]:
    """jieba's part-of-speech tag of every word in its dictionary (``"n"``, ``"v"`` ...)."""
    return _TAGS.lookup()


@functools.cache
def pos_tokenizer():
    """jieba's part-of-speech tagger over the shared tokenizer (its HMM guesses tags
    for words the dictionary lacks)."""
    base()
    import jieba.posseg

    tagger = jieba.posseg.POSTokenizer(base())
    tagger.word_tag_tab = word_tags()
    return tagger


def tokenizer(words: Iterable[str] = ()):
    """A tokenizer that keeps ``words`` whole; the shared one when there are none.
    (Pass the same frozenset again and again: it is found without being rebuilt.)"""
    return _with_words(_word_set(words))


def _word_set(words: Iterable[str]) -> frozenset[str]:
    return words if isinstance(words, frozenset) else frozenset(words)


@functools.cache
def _with_words(words: frozenset[str]):
    shared = base()
    if not any(words):
        return shared
    own = table_tokenizer()
    own.FREQ.prefetch(w[:k] for w in words for k in range(1, len(w) + 1))  # what add_word asks
    for word in sorted(w for w in words if w):
        own.add_word(word, freq=USER_WORD_FREQ)
    return own


def cut(text: str, words: Iterable[str] = ()) -> list[str]:
    """``text`` segmented, ``words`` kept whole; the pieces always concatenate back to
    ``text``. The last few thousand answers are remembered: the pinyin reader and the
    analysis cut each sentence with the same words.

    jieba's dictionary is Simplified: it cuts Traditional text badly (難/民和 for 難民/和,
    英吉利海/峽). A text that is not Simplified is cut where its :func:`simplified` form is
    cut, ``words`` (Simplified headwords) in their Simplified form, and the pieces are
    the text's own characters. A Simplified text is cut as it always was."""
    return list(_cut(text, _word_set(words)))


@functools.lru_cache(maxsize=4096)
def _cut(text: str, words: frozenset[str]) -> tuple[str, ...]:
    simple = simplified(text)
    if simple == text:
        return _cut_as_is(text, words)
    return tuple(cut_like(text, _cut_as_is(simple, _simplified_words(words))))


def cut_like(text: str, pieces: Iterable[str]) -> list[str]:
    """``text`` cut where ``pieces`` of its :func:`simplified` form end: the same places in
    the text's own script (one character for one)."""
    out, at = [], 0
    for piece in pieces:
        out.append(text[at : at + len(piece)])
        at += len(piece)
    return out


def _cut_as_is(text: str, words: frozenset[str]) -> tuple[str, ...]:
    pieces = tuple(tokenizer(words).cut(text, HMM=True))
    return pieces if "".join(pieces) == text else (text,)


@functools.cache
def _simplified_words(words: frozenset[str]) -> frozenset[str]:
    """``words`` in Simplified script (a glossary's headwords are already: the same set)."""
    return frozenset(simplified(w) for w in words)


@functools.lru_cache(maxsize=4096)
def simplified(text: str) -> str:
    """``text`` in Simplified script (OpenCC's tw2s: t2s, and 隨著 as 随着), always one character for one
    character, so that a position in it is the same position in ``text``; ``text``
    itself when it is Simplified already.

    A text is Simplified unless t2s changes one of its characters that Simplified script
    has no use for (:func:`_traditional_only`: 國, 們, 說). 於, 藉, 乾, 菸 are Simplified
    characters of their own in names and set phrases (t2s makes 于, 借, 干, 烟 of them),
    and Simplified text read converted reads them wrong. Of the CPP dev's 9,893
    Simplified lines, t2s changes 96 and 25 count as Traditional (rare name characters
    such as 顗, 璝, whose Simplified forms only Unicode's extensions have): 8 of them
    are cut differently, 1 read differently. Of its 9,791 lines s2t changes, 9,777
    count as Traditional; the other 14 change only characters such as 於, 後, 臟 and
    are cut and read as they are.

    t2s converts phrase by phrase; no phrase of its dictionaries changes a text's length
    on the CPP dev set converted to Traditional, and no single character of the BMP's
    Han blocks converts to more or fewer than one. Should a conversion change the
    length all the same, the text is converted character by character (a character
    whose conversion is not one character is kept as it is)."""
    try:
        text.encode("gb2312")  # nothing outside GB2312: Simplified, without asking OpenCC
        return text
    except UnicodeEncodeError:
        pass
    simple = to_simplified_for_reading(text)
    if simple == text:
        return text
    if len(simple) != len(text):
        simple = "".join(_simplified_char(ch) for ch in text)
    if not any(a != b and _traditional_only(a) for a, b in zip(text, simple)):
        return text
    return simple


@functools.cache
def _traditional_only(char: str) -> bool:
    """Whether ``char`` is a Traditional character Simplified script has no use for: one
    GB2312 (the Simplified standard's 6,763 characters) lacks, and the Traditional form of
    its own Simplified form (國 of 国; not 閤, a variant t2s makes 合 but s2t never writes)."""
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return to_traditional(to_simplified(char)) == char
    return False


@functools.cache
def _simplified_char(char: str) -> str:
    simple = to_simplified(char)
    return simple if len(simple) == 1 else char

