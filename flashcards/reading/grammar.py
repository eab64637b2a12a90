"""Readings of polyphonic characters that stand alone as words, by grammar.

The model, trained on encyclopedia text, reads nearly every 为 alone as wéi, every 地 as
dì and many a complement 得 as dé, which news and stories use otherwise; each rule here
reads one such character from the words around it in its clause, or returns None to
leave it to the dictionaries and the model (see :mod:`flashcards.reading.pinyin`).
"""

from __future__ import annotations

import functools
import re

from flashcards.lexicon import cedict
from flashcards.reading import segmenter

_CLAUSE_MARK = re.compile(r"[，。；：！？、,;:!?()（）“”\"\n]")


def _clause_words(text: str, pos: int) -> tuple[list[str], list[str]]:
    """The words before and after ``text[pos]`` within its clause."""
    before = _CLAUSE_MARK.split(text[:pos])[-1]
    after = _CLAUSE_MARK.split(text[pos + 1 :])[0]
    cut = segmenter.base().cut
    return list(cut(before, HMM=True)), list(cut(after, HMM=True))


def _wei(text: str, pos: int) -> str:
    """为 standing alone as a word: the preposition wèi ("for, on behalf of"), which
    introduces a noun phrase followed by a verb in the same clause (为和平发挥作用,
    为商船护航), or the verb wéi ("to be, to act as"), as in X为Y, 以X为Y, 为X所V."""
    before, after = _clause_words(text, pos)
    if "所" in "".join(after) or "以" in "".join(before):
        return "wéi"
    return "wèi" if any(_is_verb(w) for w in after[1:]) else "wéi"


def _di(text: str, pos: int) -> str:
    """地 standing alone as a word: the particle de that ends an adverbial before its
    verb (坚定地支持, 顺理成章地挑战), or the noun dì ("place, ground": 该地, 等地)."""
    before, after = _clause_words(text, pos)
    if not before or not after or not _is_verb(after[0]):
        return "dì"
    return "dì" if segmenter.word_tags().get(before[-1], "")[:1] in ("r", "m", "q", "f", "s") else "de"


def adverbial_de(text: str, pos: int, token: str) -> int | None:
    """Where in a token the segmenter made (starting at ``pos`` in ``text``) a 地 is the
    particle de, read as :func:`_di` reads it alone: the last character of an X地 it keeps
    whole after a doubled or descriptive adverbial (默默地 | 坐在, 冷冷地 | 说道), or the first
    of a 地V it guessed (慢慢 | 地说, 高兴 | 地说); never in a CC-CEDICT word (基地, 当地)."""
    if len(token) < 2 or "地" not in (token[0], token[-1]) or cedict.readings(token):
        return None  # (asked of every token read: the dictionary only where a 地 stands at an end)
    tags = segmenter.word_tags()
    stem = token[:-1]
    if token[-1] == "地" and len(stem) >= 2 and (stem[-1] == stem[-2] or tags.get(stem, "")[:1] in ("a", "d", "z")):
        at = len(token) - 1
    elif token[0] == "地" and token not in tags:
        at = 0
    else:
        return None
    return at if _di(text, pos + at) == "de" else None


def _jin(text: str, pos: int) -> str | None:
    """尽 standing alone: the verb jìn ("to fulfil, to exhaust": 尽了全力) before an aspect
    particle, which the adverb jǐn ("as far as possible") never takes; else undecided."""
    return "jìn" if text[pos + 1 : pos + 2] in ("了", "过") else None


def _shuai(text: str, pos: int) -> str | None:
    """率 standing alone between its agent and its object: the verb shuài "to lead"
    (部长率团, 将军率一个师); after a verb or adjective it is the rate suffix lǜ
    (拦截/率: interception rate, 可用/率); else undecided."""
    before, after = _clause_words(text, pos)
    if before and verb_or_adjective(before[-1]):
        return "lǜ"
    return "shuài" if before and after and segmenter.word_tags().get(after[0], "")[:1] in ("n", "m", "r") else None


def _de(text: str, pos: int) -> str | None:
    """得 standing alone after a verb or an adjective: the particle de that links it to its
    complement (哭得昏昏沉沉, 看得见, 跑得快); else undecided (获得 is a word; 总得 děi
    "must", 得 dé "to obtain" follow other words)."""
    before, _ = _clause_words(text, pos)
    return "de" if before and verb_or_adjective(before[-1]) else None


def _dou(text: str, pos: int) -> str:
    """都 standing alone: the adverb dōu; the noun dū is bound in words (首都, 都市)."""
    return "dōu"


def _geng(text: str, pos: int) -> str:
    """更 standing alone: the adverb gèng ("more, even more": 更擦亮, 更应该); the verb gēng
    "to change" and the night watch are bound in words (更新, 变更, 三更)."""
    return "gèng"


def _zhao(text: str, pos: int) -> str | None:
    """着 closing a potential complement, V不着 or V得着 (睡不着, 找得着): zháo "to reach
    the goal"; else undecided (the aspect particle zhe, the verb zhuó)."""
    return "zháo" if pos >= 2 and text[pos - 1] in "不得" and _is_verb(text[pos - 2]) else None


@functools.cache
def _head_noun(char: str) -> bool:
    """Whether CC-CEDICT reads the common word char+长 zhǎng and never cháng (外长, 部长;
    not 全长, 所长)."""
    ends = {e.pinyin.split()[-1] for e in cedict.lookup(char + "长") if e.pinyin[:1].islower()}
    return ends == {"zhang3"}


def _zhang(text: str, pos: int) -> str | None:
    """长 cut off as a word of its own after a head noun (两国外长 segmented 国外/长): the
    title suffix zhǎng "head of"; else undecided."""
    return "zhǎng" if pos > 0 and _head_noun(text[pos - 1]) else None


# a grammar rule reads a character standing alone as a word; None leaves it to the steps after
BY_GRAMMAR = {"为": _wei, "地": _di, "尽": _jin, "率": _shuai, "长": _zhang, "得": _de, "都": _dou, "更": _geng, "着": _zhao}


def verb_or_adjective(word: str) -> bool:
    """A verb or an adjective by jieba's dictionary tags: what a complement or a suffix follows."""
    return segmenter.word_tags().get(word, "")[:1] in ("v", "a")


def _is_verb(word: str) -> bool:
    """A verb by jieba's dictionary tags, also as the head of a set phrase (作出贡献: 作出)."""
    tags = segmenter.word_tags()
    return any(tags.get(w, "").startswith("v") for w in (word, word[:2]) if w)
