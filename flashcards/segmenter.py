"""The one jieba segmenter of the process, loaded once and shared by every stage.

jieba's dictionary takes about a second to load; the aligner, the pinyin reader,
the analysis and the dictionary layer all segment, so they all take it from here.
A glossary's terms are added to a *copy* of the loaded dictionary (milliseconds),
never to the shared one, so one process can serve several glossaries.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable

# High enough that a curated term is cut whole rather than into its own parts.
USER_WORD_FREQ = 200_000


@functools.cache
def base():
    """jieba's default tokenizer (the one ``jieba.cut`` and ``jieba.posseg`` use), loaded."""
    import jieba

    # CRITICAL: a dictionary cache jieba cannot save (another user's file in the temp
    # folder) only costs a slower load, never a traceback on the user's terminal
    jieba.setLogLevel(logging.CRITICAL)
    jieba.dt.check_initialized()
    return jieba.dt


@functools.cache
def word_tags() -> dict[str, str]:
    """jieba's part-of-speech tag of every word in its dictionary (``"n"``, ``"v"`` ...)."""
    base()
    import jieba.posseg  # reads the dictionary's part-of-speech column on import

    return jieba.posseg.dt.word_tag_tab


def tokenizer(words: Iterable[str] = ()):
    """A tokenizer that keeps ``words`` whole; the shared one when there are none."""
    return _with_words(frozenset(w for w in words if w))


@functools.cache
def _with_words(words: frozenset[str]):
    shared = base()
    if not words:
        return shared
    import jieba

    own = jieba.Tokenizer(shared.dictionary)
    own.FREQ = dict(shared.FREQ)
    own.total = shared.total
    own.initialized = True
    for word in sorted(words):
        own.add_word(word, freq=USER_WORD_FREQ)
    return own


def cut(text: str, words: Iterable[str] = ()) -> list[str]:
    """``text`` segmented; the pieces always concatenate back to ``text``."""
    pieces = list(tokenizer(words).cut(text, HMM=True))
    return pieces if "".join(pieces) == text else [text]
