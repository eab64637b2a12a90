"""Han characters and the two scripts: finding them, and converting between Simplified
and Traditional (OpenCC)."""

from __future__ import annotations

import functools
import re

from flashcards.store import cache

HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"
HAN = re.compile(f"[{HAN_RANGES}]")


def han_count(text: str) -> int:
    """How many Han characters ``text`` holds."""
    return len(HAN.findall(text))


def has_han(text: str) -> bool:
    return HAN.search(text) is not None


@functools.cache
def _opencc(config: str):
    import opencc  # lazily: only when Chinese text is converted

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """``text`` in Simplified script (Traditional characters converted; others kept)."""
    if not has_han(text):
        return text
    return _opencc("t2s").convert(text)


def to_simplified_for_reading(text: str) -> str:
    """:func:`to_simplified`, with the variants Taiwan writes as the mainland writes them
    (OpenCC's tw2s): 隨著, 接著 -> 随着, 接着, where t2s leaves 随著, 接著, which every
    reader of Simplified text reads zhù; 著名, 顯著 stay 著."""
    if not has_han(text):
        return text
    return _opencc("tw2s").convert(text)


@cache.persistent(cache.library("opencc"))
def to_traditional(text: str) -> str:
    """``text`` in Traditional script, by OpenCC's s2t (whose dictionaries take a tenth
    of a second to load: the answers are remembered across runs)."""
    return _opencc("s2t").convert(text)


@cache.persistent(cache.library("opencc"))
def simplified_word(word: str) -> str:
    """:func:`to_simplified` of a word (a glossary headword, say), remembered across runs
    as :func:`to_traditional` is: checking an edited entry then loads no converter."""
    return to_simplified(word)
