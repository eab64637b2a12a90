"""The evidence word orthography decides by: CC-CEDICT's entries and capitals, jieba's
counts and tags, and how foreign a name's characters are."""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

from flashcards.store import cache

# Linguistic data: compound surnames, and the commonest single-character surnames.
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 司徒 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 令狐 夏侯 端木 独孤 南宫 西门 "
    "轩辕 申屠 呼延 东郭 太史 闻人 澹台 公冶 宗政 濮阳 淳于 单于 钟离 百里 司空 左丘 拓跋".split()
)
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程"
    "魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫阎段雷龙黎史陶贺毛郝"
    "顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文施牛樊葛邢齐伍庞颜倪庄聂章鲁岳翟殷詹申耿关焦俞左柳"
    "甘祝包宁尚舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝游辛靳管柴鲍喻祁蒲房滕屈饶解艾尤穆"
    "卓车项连窦戚岑景党宫费冷晏席卫栗宗瞿桂佟臧闵边卞姬栾隋商刁荣巫寇郎甄丛仲虞敖巩池习蔺"
)
FOREIGN = 0.5  # mean transliteration log-odds from which a name is foreign
_EVERYDAY_WORD = 4.5  # Zipf of a word everyday Chinese uses (和平 5.2, 解决 5.4; 实事 3.9)
_WEAK = 1.5  # a name jieba counts less than this many times its parts' product is no word
_LATIN_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@functools.lru_cache(maxsize=1 << 15)
def plain(text: str) -> str:
    """Lower case, no tone marks, ü as u: "Lǚ" -> "lu"."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("v", "u")


def gloss_head(gloss: str) -> str:
    """A gloss's first clause, what it calls the thing before its notes, lists and asides:
    "Yellow Sea (between ...)" -> "Yellow Sea", "Putin, president of Russia" -> "Putin";
    a label in front is no note ("(Tw, HK) North Korea" -> "North Korea")."""
    return re.split(r"[(,;]", re.sub(r"^\s*\([^)]*\)\s*", "", gloss))[0]


def romanised(text: str, syl: Sequence[str]) -> tuple[int, ...]:
    """Where ``text`` spells the syllables from the first in pinyin words, the syllable
    index after each word ("Xi Jinping (1953-)" -> (1, 3)); () when it does not."""
    letters = [plain(s) for s in syl]
    head = gloss_head(re.sub(r"\[[^\]]*\]", "", text))
    words = [plain(w).replace("'", "").replace("’", "").replace("-", "") for w in _LATIN_WORD.findall(head)]
    for start in range(min(2, len(words))):  # "Xi Jinping", "Mt Tai"
        ends, at = [], 0
        for w in words[start:]:
            j, spelt = at, ""
            while j < len(letters) and len(spelt) < len(w):
                spelt += letters[j]
                j += 1
            if spelt != w or j == at:
                break
            ends.append(j)
            at = j
            if at == len(letters):
                break
        if ends:
            return tuple(ends)
    return ()


def gloss_breaks(glosses: Sequence[str], syl: Sequence[str]) -> set[int]:
    found = next((f for f in (romanised(g, syl) for g in glosses) if f), ())
    return {e for e in found if e < len(syl)}


def capitals(entries, n: int) -> list[bool]:
    """Per character: does CEDICT capitalise its syllable (the first entry that spells each)."""
    for e in entries:
        sylls = [s for s in e.pinyin.split() if any(c.isalpha() for c in s)]
        if len(sylls) == n:
            return [s[:1].isupper() for s in sylls]
    return [i == 0 for i in range(n)]


@cache.resource("transliteration-odds", cache.library("jieba"))
def transliteration_odds() -> dict[str, float]:
    """Per character, the log-odds that a name holding it is a transliteration: how often
    jieba's dictionary has it in transliterated names (nrt) against given names of Chinese
    people (two or three characters tagged nr after a common surname)."""
    import jieba

    foreign, chinese = Counter(), Counter()
    with jieba.get_module_res(jieba.DEFAULT_DICT_NAME) as fh:
        for line in fh:
            parts = line.decode("utf-8").split()
            if len(parts) != 3:
                continue
            name, _, tag = parts
            if tag == "nrt":
                foreign.update(name)
            elif tag == "nr" and len(name) in (2, 3) and name[0] in SURNAMES:
                chinese.update(name[1:])
    scale = sum(foreign.values()) / max(1, sum(chinese.values()))
    return {c: round(math.log((foreign[c] + 1) / (chinese[c] * scale + 1)), 3) for c in foreign | chinese}


@functools.lru_cache(maxsize=1 << 14)
def foreignness(word: str, skip: int) -> float:
    """Mean transliteration log-odds of the characters from ``skip`` on (a given name
    after its surname, or the whole word): 马科斯 high, 李絮枫 low."""
    odds = transliteration_odds()
    chars = simplified(word)[skip:] or word
    return sum(odds.get(c, 0.0) for c in chars) / len(chars)


def sounds_foreign(word: str) -> bool:
    """Characters transliteration uses far more than words do (马科斯, 哈迪, 巴育; not 大桥)."""
    return foreignness(word, 0) >= FOREIGN


@functools.lru_cache(maxsize=1 << 14)
def weak(word: str) -> bool:
    """jieba counts ``word`` hardly more often than it would expect its parts together."""
    from flashcards.reading import segmenter

    tok = segmenter.base()
    simple = simplified(word)
    count = tok.FREQ.get(simple, 0) or 0
    if not count:
        return False
    best = max((tok.FREQ.get(simple[:i], 0) or 0) * (tok.FREQ.get(simple[i:], 0) or 0) for i in range(1, len(word)))
    return count < _WEAK * best / tok.total


# ── dictionary access ─────────────────────────────────────────────────────────────


@functools.lru_cache(maxsize=1 << 15)
def lookup(word: str):
    from flashcards.lexicon import cedict

    return cedict.lookup(word)


@functools.lru_cache(maxsize=1 << 15)
def entries(word: str, syl: tuple[str, ...]):
    """CEDICT entries of ``word`` read as ``syl`` (all of them when none is)."""
    entries = lookup(word)
    if not entries:
        return ()
    key = "".join(plain(s) for s in syl)
    matching = tuple(e for e in entries if re.sub(r"[^a-z]", "", plain(e.pinyin).replace("u:", "u")) == key)
    return matching or entries


def is_name(entries) -> bool:
    """Every entry is a name: 北约 Bei3 yue1, not 大 (Da4 surname, da4 big)."""
    return bool(entries) and all(e.pinyin[:1].isupper() for e in entries)


def names(word: str, entries) -> bool:
    """CEDICT gives ``word`` only as a name; a place or organisation may start with a
    common word (西太平洋 xi1 Tai4 ping2 Yang2), other words not (对华 dui4 Hua2); a time
    word is not (周五 Zhou1 wu3, Friday), unless it is a festival (圣诞节 Sheng4 dan4 jie2)."""
    if not all(any(c.isupper() for c in e.pinyin) for e in entries):
        return False
    tag = pos_tag(word)
    return (tag != "t" or word.endswith(("节", "節"))) and (is_name(entries) or tag in ("ns", "nt"))


def is_idiom(word: str, entries) -> bool:
    """CC-CEDICT calls ``word`` an idiom, or jieba does and it is no two everyday words
    (和平 解决 "peaceful settlement" is a phrase: hépíng jiějué, not hépíng-jiějué)."""
    if any("(idiom" in g for e in entries for g in e.glosses):
        return True
    if pos_tag(word) != "i":
        return False
    from flashcards.lexicon import dictionary

    halves = (word[:2], word[2:]) if len(word) == 4 else ()
    return not (halves and all(lookup(h) and dictionary.zipf(h) >= _EVERYDAY_WORD for h in halves))


@functools.lru_cache(maxsize=1 << 14)
def split(word: str) -> tuple[str, ...]:
    """``word`` as CEDICT words (fewest pieces), never the whole; () when it does not cut."""
    from flashcards.lexicon import dictionary

    if len(word) < 2:
        return ()
    return dictionary.split_known(word, len(word) - 1)


@functools.lru_cache(maxsize=1 << 15)
def pos_tag(word: str) -> str:
    from flashcards.lexicon import dictionary

    return dictionary.pos_tag(simplified(word))


def simplified(word: str) -> str:
    from flashcards.reading import segmenter

    return segmenter.simplified(word)
