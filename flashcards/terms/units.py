"""A sentence cut into units that may be terms.

Units (``unit``) come from the analysed tokens (glossary terms are already whole);
quoted phrases (“准同盟”), runs of tokens that form a CC-CEDICT headword (国内 + 生产总值)
and the pieces of a name the aligned English writes as one (布 + 林肯 -> 布林肯 "Blinken",
see ``name_units``) are joined; tokens that are neither in the dictionary nor names are
cut into dictionary words (不断扩大 -> 不断 + 扩大). ``is_candidate`` says which units
could be terms at all: not function words, numbers, dates or page furniture.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import replace

from flashcards.lexicon import dictionary
from flashcards.lexicon.script import to_simplified
from flashcards.model import AnalysedSentence
from flashcards.reading import grammar, segmenter
from flashcards.reading.orthography import SHIP
from flashcards.reading.segmenter import simplified
from flashcards.store import cache
from flashcards.terms import context_gloss
from flashcards.terms.name_units import borrow_surnames, join_names, uncross_names
from flashcards.terms.unit import DROP_TAGS, MAX_UNIT, NUMERALS, Unit, is_headword, join_units, recut, units_of

NAME_TAGS = {"nr": "person", "nrfg": "person", "nrt": "person", "ns": "place", "nt": "organisation", "nz": "name"}
_NUMERIC = re.compile(r"^[零〇一二两三四五六七八九十百千万亿几第多半数每]+(?:[年月日号天周岁次届个名位项条]|小时|分钟|星期)*"
                      r"[年月日号天周间内来前后底初中]*$")  # 数小时 "several hours", 两个星期
_WEEKDAY = re.compile(r"^(?:周|星期|礼拜)[一二三四五六日天末]$")
_DATE = re.compile(r"^(?:(?:周|星期|礼拜)[一二三四五六日天末]|[本上下这今明去前后昨][周月年天日]|(?:今|明|昨|前|后)天|[上下中]午|凌晨|傍晚|当天|次日|近日|日前)$")
# Words of a news page's frame, not of its content.
_FURNITURE = frozenset("作者 单位 编辑 责任编辑 来源 记者 通讯员 图片 摄影 供图 原标题 本文 转载 相关 新闻 链接 点击 网站 作者单位 研究院".split())
_COUNTERS = frozenset("年月日号天周岁次届个名位项条架艘枚")
_MAGNITUDES = frozenset("十百千万亿萬億")
_APPROXIMATE = frozenset("几幾多余餘")  # "some" or "odd" after tens or hundreds: 十|几年来, 二十|多年
QUOTES = {"“": "”", "「": "」", "『": "』", "‘": "’", '"': '"'}  # opening quote -> closing quote
ASPECT = frozenset("了着过著過")  # aspect particles: 成了, 穿着 (穿著), 来过 (來過)
NEGATIONS = frozenset("不没沒未无無非别別勿")  # what begins a negation: 根本|不存在, 并|没有
NOUN_SUFFIXES = frozenset("者家员員性化式")  # what makes a noun of the word before: 建国|者 "founder"
_MEMBER = frozenset("员員者")  # what makes a member of the word before: 共和党|员, 圣战|者


# adverbs of degree: what they begin is a phrase (最重要, 更强大, 非常成功)
_DEGREE = frozenset("最 更 很 太 极 非常 十分 极其 比较 相当 越来越 特别 尤其".split())


def _has_function_word(units: Sequence[Unit]) -> bool:
    """Whether a function word is among ``units``; a compass direction of two characters
    is none (“北方 分界线” "Northern Limit Line", “东部 战区”)."""
    return any(dictionary.pos_tag(u.text) in DROP_TAGS and not (len(u.text) >= 2 and u.text[0] in _COMPASS)
               for u in units)


_COMPASS = frozenset("东南西北東")


def _join_quoted(units: list[Unit]) -> list[Unit]:
    """“反击 能力” -> one quoted unit; a single quoted token is only marked. A quoted phrase
    with a function word in it, or one that begins with an adverb of degree (“最 重要 成就”
    "most important achievement"), is words the writer quotes, not a term (“互相 尊重”
    "mutual respect" is one)."""
    out: list[Unit] = []
    i = 0
    while i < len(units):
        close = QUOTES.get(units[i].text)
        if close:
            j = next((k for k in range(i + 1, min(len(units), i + 1 + MAX_UNIT)) if units[k].text == close), None)
            inner = units[i + 1:j] if j else []
            text = "".join(u.text for u in inner)
            if inner and dictionary.is_han(text) and 2 <= len(text) <= MAX_UNIT and (len(inner) == 1 or not (
                    _has_function_word(inner) or inner[0].text in _DEGREE)):
                out.append(units[i])
                out.append(join_units(inner, quoted=True, glossary=len(inner) == 1 and inner[0].glossary))
                out.append(units[j])
                i = j + 1
                continue
        out.append(units[i])
        i += 1
    return out


def _join_dictionary_words(units: list[Unit], max_tokens: int = 4) -> list[Unit]:
    """Runs of 2-4 tokens whose text is one CEDICT headword become one unit (国内 生产总值,
    可持续 发展: a glossary word inside still gets its card, see :mod:`flashcards.terms.inner_glossary`)."""
    texts = [u.text for u in units]
    out: list[Unit] = []
    i = 0
    while i < len(units):
        for j in range(min(len(units), i + max_tokens), i + 1, -1):
            if is_headword("".join(texts[i:j])) and not any(u.quoted for u in units[i:j]):
                out.append(join_units(units[i:j]))
                i = j
                break
        else:
            out.append(units[i])
            i += 1
    return out


def _tagged_kind(text: str) -> str:
    """The kind of name jieba tags ``text`` ("" for none), Traditional text by its
    Simplified form (jieba's dictionary has 巴沙尔, not 巴沙爾)."""
    return NAME_TAGS.get(dictionary.pos_tag(simplified(text)), "")


def _split_unknown(units: list[Unit], glossary_words: Collection[str] = ()) -> list[Unit]:
    """Tokens that are neither words nor names, cut into CEDICT words.

    Three characters or more always (不断扩大 -> 不断 扩大); two only when one of
    them is a function word glued on by the segmenter (后美 -> 后 美), so that
    abbreviations like 演训 stay whole. A token the segmenter's guesswork tags as a
    name is cut only into words of two characters or more (殷切期望 -> 殷切 期望, but
    not 马科斯 -> 马 科 斯): a name's characters are no words of their own. A glossary word
    inside is one of the words where it makes fewer of them (俄罗斯黑海舰队 -> 俄罗斯
    黑海舰队, not 俄罗斯 黑海 舰队).
    """
    out: list[Unit] = []
    for u in units:
        if len(u.text) >= 2 and not (u.glossary or u.quoted or u.named) and dictionary.is_han(u.text) \
                and not dictionary.cedict.lookup(u.text):
            parts = dictionary.split_known(u.text)
            curated = dictionary.split_known(simplified(u.text), also=glossary_words)
            if len(curated) > 1 and (not parts or len(curated) < len(parts)):
                out.extend(replace(w, glossary=piece in glossary_words)
                           for w, piece in zip(units_of(segmenter.cut_like(u.text, curated), u.syllables, u.start), curated))
                continue
            if len(u.text) == 2 and not any(dictionary.pos_tag(c) in DROP_TAGS for c in u.text):
                parts = ()
            if _tagged_kind(u.text) and any(len(p) < 2 for p in parts) and not _name_and_particle(parts):
                parts = ()
            if len(parts) > 1:
                out.extend(units_of(parts, u.syllables, u.start))
                continue
        out.append(u)
    return out


def _unglue_names(units: list[Unit]) -> list[Unit]:
    """A function word jieba glued to the last syllable of a name it does not know comes
    off before names are joined (奥尔德 | 森为 -> 奥尔德 | 森 | 为): two characters no
    dictionary has, after a token no dictionary has either; so does a conjunction jieba
    glued between two names it does not know (格里斯 | 特和莎 | 耶 -> 格里斯 | 特 | 和 | 莎 | 耶,
    "Griest and Shaye")."""
    out: list[Unit] = []
    for u in units:
        after_unknown = out and len(out[-1].text) >= 2 and dictionary.is_han(out[-1].text) \
            and not dictionary.cedict.lookup(out[-1].text)
        if len(u.text) == 2 and after_unknown and dictionary.pos_tag(u.text[1]) in DROP_TAGS:
            out.extend(_split_unknown([u]))
        elif after_unknown and (joined := _glued_conjunction(u)):
            out.extend(units_of([u.text[:joined], u.text[joined], u.text[joined + 1:]], u.syllables, u.start))
        else:
            out.append(u)
    return out


_CONJUNCTIONS = frozenset("和与與及")


def _glued_conjunction(unit: Unit) -> int | None:
    """Where a conjunction stands inside ``unit``, a token no dictionary has, as no part of
    a word of the dictionary's (維和部隊 is no 維 | 和 | 部隊); None where none does."""
    text = unit.text
    if unit.glossary or len(unit.syllables) != len(text) or dictionary.cedict.lookup(text):
        return None
    return next((k for k in range(1, len(text) - 1) if text[k] in _CONJUNCTIONS
                 and not dictionary.cedict.lookup(text[k - 1:k + 1]) and not dictionary.cedict.lookup(text[k:k + 2])), None)


def _name_and_particle(parts: Sequence[str]) -> bool:
    """A known name with a character glued on (莫斯科 + 也), or a word with a function word
    glued on (晋升 + 为, which jieba's guess tags a name): the word is a word of its own."""
    return len(parts) == 2 and (any(len(p) >= 2 and dictionary.word_info(p).proper for p in parts) or (
        len(parts[0]) >= 2 and dictionary.pos_tag(parts[1]) in DROP_TAGS))


def _ordinal_superlative(units: list[Unit]) -> list[Unit]:
    """第二 | 大城市: after an ordinal, 大 is "largest" (第二大城市 "second-largest city"), so
    a word the segmenter glued it to gives it back: 第二大 (a count, no term) | 城市."""
    return _first_character_back(units, lambda ordinal, word: (
        len(ordinal.text) >= 2 and ordinal.text[0] == "第" and all(c in NUMERALS for c in ordinal.text)
        and word.text[:1] == "大" and len(word.text) >= 3 and dictionary.cedict.lookup(word.text[1:])), counted=True)


def _ship_names(units: list[Unit]) -> list[Unit]:
    """A place CC-CEDICT names, then 号: a ship named after it (海口 | 号 -> 海口号, the destroyer
    Haikou, not the city), one name; a quoted place, then 号 or 舰, likewise (“辽宁”号, “南昌”舰:
    the carrier Liaoning, the destroyer Nanchang, cards 辽宁号 and 南昌舰). Unquoted, a place
    then 舰 is as often a ship of that country (日本 | 舰), so only quotes say so."""
    out: list[Unit] = []
    for u in units:
        if u.text in _NUMBER_SIGN and out and _place(out[-1]):
            out[-1] = join_units([out[-1], u], named=True)
        elif u.text in SHIP and len(out) >= 3 and QUOTES.get(out[-3].text) == out[-1].text and _place(out[-2]):
            out[-2] = join_units([out[-2], u], named=True)
        else:
            out.append(u)
    return out


_NUMBER_SIGN = frozenset("号號")


def _place(unit: Unit) -> bool:
    """A place CC-CEDICT names (or a word it also reads as a name), no glossary term."""
    return len(unit.text) >= 2 and not unit.glossary and dictionary.is_han(unit.text) \
        and (dictionary.word_info(unit.text).proper or dictionary.has_name_reading(unit.text))


def _uncut_dates(units: list[Unit]) -> list[Unit]:
    """週 | 一時 -> 週一 | 時: a weekday the segmenter cut across (週一 "Monday" and 時 "when",
    not 一时 "for a moment") takes its last character back from the word after it."""
    return _first_character_back(units, lambda before, word: (
        len(word.text) >= 2 and _WEEKDAY.match(to_simplified(before.text + word.text[0]))))


def _lone_character_joins(units: list[Unit]) -> list[Unit]:
    """喜 | 剧作家 -> 喜剧 | 作家: a lone character that is no function word, before a word of
    three characters or more whose first character makes a dictionary word with it and
    whose rest is one (喜剧作家 "comedy writers", not 剧作家 "playwright")."""
    return _first_character_back(units, lambda before, word: (
        len(before.text) == 1 and len(word.text) >= 3 and dictionary.is_han(before.text)
        and not (before.glossary or before.quoted or before.named) and dictionary.pos_tag(before.text) not in DROP_TAGS
        and bool(dictionary.cedict.lookup(before.text + word.text[0])) and bool(dictionary.cedict.lookup(word.text[1:]))))


def _first_character_back(units: list[Unit], takes, **flags) -> list[Unit]:
    """Units where ``takes(before, word)`` holds for a word with a reading, not curated or
    quoted: the word gives its first character to the unit before it (joined with ``flags``)."""
    out = list(units)
    for i in range(len(out) - 1, 0, -1):
        before, word = out[i - 1], out[i]
        if len(word.syllables) == len(word.text) and not (word.glossary or word.quoted) and takes(before, word):
            first, rest = units_of([word.text[:1], word.text[1:]], word.syllables, word.start)
            out[i - 1:i + 1] = [join_units([before, first], **flags), rest]
    return out


def _unglue_glossary_words(units: list[Unit]) -> list[Unit]:
    """A glossary word the segmenter took across a word of the text, leaving one character
    over: 互利共赢中共享 came out 中共 | 享 because 中共 is a glossary word, where jieba's own
    dictionary cuts 中 | 共享; 以回应对 came out 以回 | 应对 for the glossary's 应对, where it
    cuts 以 | 回应 | 对; 应对此负责 came out 应对 | 此, where it cuts 应 | 对此 "should ... for this".
    Cut so again; but a suffix after the word is its (共和党 | 员 "Republican Party member")."""
    out = list(units)
    for i in range(len(out) - 1, 0, -1):  # from the end: a recut may give three units for two
        before, after = out[i - 1], out[i]
        pieces: list[str] = []
        for word, other, forward in ((before, after, True), (after, before, False)):
            if not (word.glossary and not other.glossary and len(other.text) <= (1 if forward else 2)
                    and dictionary.is_han(other.text) and len(word.syllables) == len(word.text)
                    and len(other.syllables) == len(other.text)) \
                    or (len(other.text) == 2 and dictionary.cedict.lookup(simplified(other.text))) \
                    or (forward and other.text in _MEMBER):
                continue  # (a word of its own is not left over: 也门 | 前总统 "Yemen's former president";
                # nor is a suffix of its members: 共和党 | 员 "Republican Party members", no 共和 |
                # 党员; 伊斯兰国 | 家 is 伊斯兰 | 国家 "Islamic country")
            pieces = pieces or recut(before.text + after.text)  # once for the pair, either way
            if len(pieces) < 2:
                continue
            # the word gives its last character to the word after, or its first to the word before
            if forward:
                gives, taker = len(pieces) == 2 and pieces[0] == word.text[:-1], pieces[1]
            else:
                gives, taker = pieces[-1] == word.text[1:], pieces[-2]
            # the taker is a word of CC-CEDICT's or, of two characters or more, of jieba's (对此)
            if gives and len(taker) >= 2 - forward and (dictionary.cedict.lookup(simplified(taker))
                                                       or (len(taker) >= 2 and segmenter.in_dictionary(taker))):
                out[i - 1:i + 1] = units_of(pieces, before.syllables + after.syllables, before.start)
                break
    return out


def sentence_units(sentence: AnalysedSentence, glossary_words: Collection[str] = ()) -> list[Unit]:
    """The sentence cut into units: tokens, joined phrases and names, split non-words."""
    units = []
    pos = 0
    for tok in sentence.tokens:
        syllables = tok.pinyin if len(tok.pinyin) == len(tok.text) else ()
        in_glossary = tok.text in glossary_words or simplified(tok.text) in glossary_words
        units.append(Unit(tok.text, syllables, pos, glossary=in_glossary))
        pos += len(tok.text)
    units = uncross_names(_uncut_dates(_lone_character_joins(_ordinal_superlative(_unglue_glossary_words(_unglue_names(units))))),
                          sentence.pair.en)
    units = join_names(_join_dictionary_words(_join_quoted(borrow_surnames(units, sentence.pair.en))), sentence.pair.en)
    units = _ship_names(units)
    return _mark_counted(_split_unknown(units, frozenset(glossary_words)))


def _mark_counted(units: list[Unit]) -> list[Unit]:
    """A unit right after a number that starts with a counter or a magnitude (5|年内, 四|年,
    4.5|万人) is part of it, and so is one that goes on with "some" after tens or
    hundreds (十|几年来 "for ten-odd years" is no 几年来 "for the past several years")."""
    out = []
    before = ""
    for u in units:
        if before and (before[-1].isdigit() or _NUMERIC.match(before)) and (
                u.text[:1] in _COUNTERS | _MAGNITUDES or (u.text[:1] in _APPROXIMATE and before[-1] in _MAGNITUDES)):
            u = replace(u, counted=True)
        out.append(u)
        before = u.text.strip() or before  # "4.5 万人": a space between is still the number's
    return out


def with_reading(unit: Unit) -> Unit:
    """A unit the reader left without pinyin gets CEDICT's reading (first entry)."""
    if unit.syllables or not dictionary.is_han(unit.text):
        return unit
    entries = dictionary.choose_entries(unit.text)
    syllables = tuple(entries[0].pinyin.split()) if entries else ()
    if len(syllables) != len(unit.text):
        return unit
    from flashcards.reading.style import from_numbers

    return replace(unit, syllables=tuple(from_numbers(x).lower() for x in syllables))


def verb_with_aspect(text: str, english: Sequence[str]) -> bool:
    """Whether ``text`` is a verb and its aspect particle where the ``english`` sentences
    render the verb (成了 "became": 成 "to become"; 穿着 "wearing"), not the word CC-CEDICT
    lists it as (成了 "that's enough!", 穿着 "attire"). Asked of a word with no in-context
    English; one that means what its verb does (有着, 透过) is that verb's word anyway."""
    stem = text[:-1]
    if not stem or text[-1] not in ASPECT:
        return False
    glosses = dictionary.english(stem)
    if not (grammar.verb_or_adjective(stem) or any(g.startswith("to ") for g in glosses)) \
            or _senses(glosses) & _senses(dictionary.english(text)):
        return False
    return any((hit := context_gloss.english_match(sentence, glosses)) and hit[2] >= 0.5 for sentence in english)


def _senses(glosses: Sequence[str]) -> set[str]:
    """The senses of ``glosses`` without their notes: "(bound form) to penetrate; to seep
    through" -> {"to penetrate", "to seep through"}."""
    return {" ".join(s.split()) for g in glosses for s in re.sub(r"\([^()]*\)", "", g).split(";")} - {""}


@cache.persistent(dictionary.data_version)
def name_kind(text: str) -> str:
    """"person", "place", "organisation" or "name" for a proper name; "" otherwise.

    CC-CEDICT decides whether a word it holds is a name (its reading is capitalised:
    北约 yes, 大国 no); jieba's tag then says what kind, a person only when the
    dictionary gives a lifespan. Words CEDICT lacks go by jieba's tag alone.
    """
    kind = _tagged_kind(text)
    info = dictionary.word_info(text)
    if not info.in_cedict:
        return kind
    if not info.proper:
        return ""
    if kind == "person" and not any(dictionary.cedict.LIFESPAN.search(g) for g in info.english):
        return "name"
    return kind or "name"


def is_candidate(unit: Unit) -> bool:
    """Could this unit be a term at all (before frequency thresholds)?"""
    text = unit.text
    if unit.glossary or unit.named:
        return True
    if not dictionary.is_han(text) or len(text) < 2:
        return False
    if _NUMERIC.match(text) or _DATE.match(to_simplified(text)) or text in _FURNITURE or unit.counted:
        return False
    if _leans_on_the_word_before(to_simplified(text)):
        return False
    tag = dictionary.pos_tag(text)
    return unit.quoted or tag not in DROP_TAGS or (tag != "p" and _verb_by_dictionary(text))


def _leans_on_the_word_before(word: str) -> bool:
    """A word CC-CEDICT reads only from an unstressed particle: grammar that leans on the
    word before it (得很 "(after an adjective) very", 的话 "if"), no card of its own; in
    相处|得很|好 it is not even a word."""
    found = dictionary.cedict.readings(word)
    return bool(found) and all(reading.split()[0].endswith("5") for reading in found)


def _verb_by_dictionary(word: str) -> bool:
    """A word jieba's tagger calls a function word (接管 "c", 整顿 "m", 南下 "f") that
    CC-CEDICT only knows as a verb: "to take over; to assume control". Not one whose
    verb is a copula or a suffix's frame (所致 "to be caused by", 以南 "to the south of
    (suffix)"); nor a preposition, whose verb CC-CEDICT may give alone (沿着 "to go along")."""
    senses = dictionary.english(word)
    return bool(senses) and all(s.startswith("to ") and not s.startswith("to be ") and "suffix" not in s
                                for s in senses)
