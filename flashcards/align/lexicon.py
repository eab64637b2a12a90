"""Lexical and anchor evidence that a Chinese and an English sentence translate each other.

Chinese words (jieba) are linked to English content words (lemmatised with simplemma,
lightly stemmed) through their CC-CEDICT glosses; names through their pinyin
(韦小宝 ~ Wei Xiaobao); numbers, Latin tokens (NATO, GDP) and punctuation keys
(？！ quotes ： … ——) through themselves. Words weigh by rarity (wordfreq).
Everything per word is computed once per process and cached.
"""

from __future__ import annotations

import functools
import math
import re

from flashcards.lexicon import frequency
from flashcards.reading import pypinyin_tables, segmenter
from flashcards.terms.context_gloss import lemma

# Function words that carry no translation evidence.
_STOP = frozenset(
    """a an the and or but nor so yet if then than as of at by for from in into on onto to
    up down out off over under with without about above below between through during
    before after again once here there when where why how all any both each few more most
    other some such no not only own same too very can will just should now is are was were
    be been being have has had having do does did doing i me my myself we our ours you your
    he him his she her it its they them their what which who whom this that these those am
    would could shall may might must also s t d ll re ve m o sb sth someone something one's
    oneself lit fig etc esp e g i e used""".split()
)
# Words of CC-CEDICT's own apparatus, not of any translation.
_GLOSS_STOP = frozenset(
    "variant surname abbr unofficial old archaic classifier also erhua radical pr kangxi "
    "component japanese korean used".split()
)
_NUMBERS = {
    w: str(n) for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_EN_TOKEN = re.compile(r"[A-Za-z]+(?:['’\-][A-Za-z]+)*|\d+(?:[.,]\d+)*|\.\.\.|--|[?!:\"“”…—–%]")
_ZH_PUNCT = {
    "？": "?", "?": "?", "！": "!", "!": "!", "：": ":", ":": ":", "“": '"', "”": '"',
    '"': '"', "「": '"', "」": '"', "『": '"', "』": '"', "…": "…", "—": "—", "%": "%", "％": "%",
}
_EN_PUNCT = {
    "?": "?", "!": "!", ":": ":", '"': '"', "“": '"', "”": '"', "...": "…", "…": "…",
    "—": "—", "--": "—", "–": "—", "%": "%",
}
# A single quote mark that is not an apostrophe inside a word quotes speech.
_SINGLE_QUOTE = re.compile(r"(?<![A-Za-z])['‘’]|['‘’](?![A-Za-z])")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.+\-]*$")
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_STEM = 5  # content words compare on their first letters: negotiate ~ negotiation
PUNCT_WEIGHT = 1.5




def _stem(word: str) -> str:
    return word[:_STEM] if word.isalpha() else word


@functools.cache
def en_key(word: str) -> str | None:
    """The comparison key of an English word, or ``None`` for a function word."""
    low = word.lower().replace("’", "'")
    if "'" in low:  # he's, you're, don't: the word before the clitic
        low = "not" if low.endswith("n't") else low.split("'", 1)[0]
    if low in _NUMBERS:
        return _NUMBERS[low]
    if low in _STOP or not low:
        return None
    if low[0].isdigit():
        return low.replace(",", "")
    return _stem(lemma(low))


def _rarity(word: str, lang: str) -> float:
    """7 minus the word's Zipf frequency (its frequency per billion words, log 10), at least 0.3."""
    freq = frequency.frequencies(lang).get(word, 0.0)
    if freq > 0:
        zipf = math.log10(freq) + 9
    else:  # slower: splits numbers and compounds into parts
        zipf = frequency.zipf(word, lang)
    return max(0.3, 7.0 - zipf)


@functools.cache
def _en_weight(word: str) -> float:
    return _rarity(word.replace("’", "'"), "en")


@functools.cache
def _zh_weight(word: str) -> float:
    return _rarity(word, "zh")


@functools.lru_cache(maxsize=50_000)
def en_tokens(sentence: str) -> list[tuple[frozenset[str], float]]:
    """Evidence tokens of an English sentence: (keys, weight) for each content word."""
    out = []
    for tok in _EN_TOKEN.findall(sentence):
        if tok in _EN_PUNCT:
            out.append((frozenset(("P" + _EN_PUNCT[tok],)), PUNCT_WEIGHT))
            continue
        keys = set()
        key = en_key(tok)
        if key is not None:
            keys.add(key)
        if key is not None and tok[0].isupper():
            parts = [p for p in re.split(r"['’\-]", tok.lower()) if p]
            keys.add("N:" + "".join(parts))
            keys.update("N:" + p for p in parts if len(parts) > 1)
        if keys:
            out.append((frozenset(keys), _en_weight(tok.lower())))
    quote = (frozenset(('P"',)), PUNCT_WEIGHT)
    out.extend(quote for _ in _SINGLE_QUOTE.finditer(sentence))
    return out


def _gloss_keys(gloss: str) -> set[str]:
    keys = set()
    for tok in _EN_TOKEN.findall(_PAREN.sub(" ", gloss)):
        if tok in _EN_PUNCT or tok.lower() in _GLOSS_STOP:
            continue
        key = en_key(tok)
        if key is not None:
            keys.add(key)
        if tok[0].isupper():
            keys.add("N:" + tok.lower().replace("-", ""))
    return keys


@functools.cache
def _cedict_keys(word: str) -> frozenset[str]:
    from flashcards.lexicon import cedict

    keys: set[str] = set()
    for entry in cedict.lookup(word):
        for gloss in entry.glosses:
            keys |= _gloss_keys(gloss)
    return frozenset(keys)


@functools.cache
def _pinyin(word: str) -> tuple[str, ...]:
    """Toneless syllables: CC-CEDICT's reading when it has the word, else pypinyin's."""
    from flashcards.lexicon import cedict

    entries = cedict.lookup(word)
    if entries:
        return tuple(re.sub(r"[^a-z]", "", syl.lower().replace("u:", "u")) for syl in entries[0].pinyin.split())
    pypinyin_tables.load()
    from pypinyin import Style, lazy_pinyin

    return tuple(s.replace("ü", "u").replace("v", "u") for s in lazy_pinyin(word, style=Style.NORMAL))


def _sub_words(word: str) -> list[str]:
    """Cut an unknown word into the longest CC-CEDICT words, left to right."""
    from flashcards.lexicon import cedict

    table = cedict.load()
    out, i = [], 0
    while i < len(word):
        for size in range(min(4, len(word) - i, len(word) - 1), 0, -1):
            if size == 1 or word[i:i + size] in table:
                out.append(word[i:i + size])
                i += size
                break
    return out


@functools.cache
def translations(word: str) -> frozenset[str]:
    """English keys a Chinese word may be translated by (glosses, pinyin, itself)."""
    if word in _ZH_PUNCT:
        return frozenset(("P" + _ZH_PUNCT[word],))
    if not _HAN.search(word):
        if _LATIN.match(word):
            key = en_key(word)
            return frozenset(k for k in (key, "N:" + word.lower()) if k)
        return frozenset()
    keys = set(_cedict_keys(word))
    known = bool(keys)
    if not known and len(word) > 1:
        for part in _sub_words(word):
            keys |= _cedict_keys(part)
    syllables = _pinyin(word)
    if len(syllables) > 1:
        keys.add("N:" + "".join(syllables))
        if not known:  # probably a name: surname and given name apart
            keys.add("N:" + syllables[0])
            keys.add("N:" + "".join(syllables[1:]))
    return frozenset(keys)


@functools.lru_cache(maxsize=50_000)
def zh_tokens(sentence: str) -> list[tuple[str, frozenset[str], float]]:
    """Evidence tokens of a Chinese sentence: (word, English keys, weight)."""
    out: list[tuple[str, frozenset[str], float]] = []
    for word in segmenter.base().lcut(sentence):
        if word and word[0] in _ZH_PUNCT and word == word[0] * len(word):
            word = word[0]  # …… and —— count once
            if out and out[-1][0] == word:
                continue
        if word in _ZH_PUNCT:
            out.append((word, translations(word), PUNCT_WEIGHT))
            continue
        if not word.strip() or not (_HAN.search(word) or _LATIN.match(word)):
            continue
        keys = translations(word)
        if keys:
            out.append((word, keys, _zh_weight(word)))
    return out

