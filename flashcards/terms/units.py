"""A sentence cut into units that may be terms.

Units come from the analysed tokens (glossary terms are already whole); quoted phrases
(“准同盟”), runs of tokens that form a CC-CEDICT headword (国内 + 生产总值) and the
pieces of a name the aligned English writes as one (布 + 林肯 -> 布林肯 "Blinken")
are joined; tokens that are neither in the dictionary nor names are cut into
dictionary words (不断扩大 -> 不断 + 扩大). ``is_candidate`` says which units could be
terms at all: not function words, numbers, dates or page furniture.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from flashcards.lexicon import dictionary
from flashcards.lexicon.script import to_simplified
from flashcards.model import AnalysedSentence
from flashcards.reading import grammar
from flashcards.reading.segmenter import simplified
from flashcards.store import cache
from flashcards.reading.word_evidence import FOREIGN, SURNAMES, foreignness
from flashcards.terms import context_gloss, name_sounds

MAX_UNIT = 8  # Han characters in a joined unit

# jieba tags never worth a card: numerals, measure words, prepositions, conjunctions,
# particles, pronouns, locality words, interjections, onomatopoeia, non-words.
DROP_TAGS = frozenset("m mq q p c u uj ul uv uz ud ug r rr rz x e y o f".split())
_MODIFIER_TAGS = frozenset("d a ad an zg v vn".split())
_LIFESPAN = re.compile(r"\(\d{3,4}-")
NAME_TAGS = {"nr": "person", "nrfg": "person", "nrt": "person", "ns": "place", "nt": "organisation", "nz": "name"}
_NUMERIC = re.compile(r"^[零〇一二两三四五六七八九十百千万亿几第多半数每]+[年月日号天周岁次届个名位项条]*[年月日号天周间内来前后底初中]*$")
_WEEKDAY = re.compile(r"^(?:周|星期|礼拜)[一二三四五六日天末]$")
_DATE = re.compile(r"^(?:(?:周|星期|礼拜)[一二三四五六日天末]|[本上下这今明去前后昨][周月年天日]|(?:今|明|昨|前|后)天|[上下中]午|凌晨|傍晚|当天|次日|近日|日前)$")
# Words of a news page's frame, not of its content.
_FURNITURE = frozenset("作者 单位 编辑 责任编辑 来源 记者 通讯员 图片 摄影 供图 原标题 本文 转载 相关 新闻 链接 点击 网站 作者单位 研究院".split())
_COUNTERS = frozenset("年月日号天周岁次届个名位项条架艘枚")
_MAGNITUDES = frozenset("十百千万亿萬億")
NUMERALS = frozenset("零〇一二两三四五六七八九十百千万亿第")
_QUOTES = {"“": "”", "「": "」", "『": "』", "‘": "’", '"': '"'}
NAME_DOTS = frozenset("·•‧・-‐－")  # between the parts of a foreign name: 易卜拉欣·莱西, 纳戈尔诺-卡拉巴赫
_ASPECT = frozenset("了着过")  # aspect particles: 成了, 穿着, 来过


@dataclass(frozen=True)
class Unit:
    """A stretch of a sentence that may be a term."""

    text: str
    syllables: tuple[str, ...]
    start: int  # character offset in the sentence
    quoted: bool = False
    glossary: bool = False
    counted: bool = False  # follows a number it belongs to: 5|年内
    pieces: tuple[int, ...] = ()  # lengths of the tokens a joined unit was made of
    named: bool = False  # tokens joined because the English writes them as one name


# --- units ---------------------------------------------------------------------------

def join_units(units: Sequence[Unit], **flags) -> Unit:
    pieces = tuple(n for u in units for n in (u.pieces or (len(u.text),)))
    return Unit("".join(u.text for u in units), tuple(s for u in units for s in u.syllables), units[0].start,
                pieces=pieces, **flags)


def _has_function_word(units: Sequence[Unit]) -> bool:
    return any(dictionary.pos_tag(u.text) in DROP_TAGS for u in units)


def _join_quoted(units: list[Unit]) -> list[Unit]:
    """“反击 能力” -> one quoted unit; a single quoted token is only marked."""
    out: list[Unit] = []
    i = 0
    while i < len(units):
        close = _QUOTES.get(units[i].text)
        if close:
            j = next((k for k in range(i + 1, min(len(units), i + 1 + MAX_UNIT)) if units[k].text == close), None)
            inner = units[i + 1:j] if j else []
            text = "".join(u.text for u in inner)
            if inner and dictionary.is_han(text) and 2 <= len(text) <= MAX_UNIT and (len(inner) == 1 or not _has_function_word(inner)):
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
            if _headword("".join(texts[i:j])) and not any(u.quoted for u in units[i:j]):
                out.append(join_units(units[i:j]))
                i = j
                break
        else:
            out.append(units[i])
            i += 1
    return out


@functools.lru_cache(maxsize=1 << 16)
def _headword(text: str) -> bool:
    """Whether ``text`` is a CEDICT headword short enough to be one unit (remembered: a
    text asks about the same runs of tokens again and again)."""
    return len(text) <= MAX_UNIT and dictionary.is_han(text) and text in dictionary.cedict.load()


def _is_name_tag(text: str) -> bool:
    return dictionary.pos_tag(text) in NAME_TAGS


def _split_unknown(units: list[Unit]) -> list[Unit]:
    """Tokens that are neither words nor names, cut into CEDICT words.

    Three characters or more always (不断扩大 -> 不断 扩大); two only when one of
    them is a function word glued on by the segmenter (后美 -> 后 美), so that
    abbreviations like 演训 stay whole. A token the segmenter's guesswork tags as a
    name is cut only into words of two characters or more (殷切期望 -> 殷切 期望, but
    not 马科斯 -> 马 科 斯): a name's characters are no words of their own.
    """
    out: list[Unit] = []
    for u in units:
        if len(u.text) >= 2 and not (u.glossary or u.quoted or u.named) and dictionary.is_han(u.text) \
                and not dictionary.cedict.lookup(u.text):
            parts = dictionary.split_known(u.text)
            if len(u.text) == 2 and not any(dictionary.pos_tag(c) in DROP_TAGS for c in u.text):
                parts = ()
            if _is_name_tag(u.text) and any(len(p) < 2 for p in parts) and not _name_and_particle(parts):
                parts = ()
            if len(parts) > 1:
                out.extend(_units_of(parts, u.syllables, u.start))
                continue
        out.append(u)
    return out


def _name_and_particle(parts: Sequence[str]) -> bool:
    """A known name with a character glued on (莫斯科 + 也): the name is a word of its own."""
    return len(parts) == 2 and any(len(p) >= 2 and dictionary.word_info(p).proper for p in parts)


def _name_like(unit: Unit) -> bool:
    """A token that may be a piece of a name the segmenter cut up: one character that is
    no function word (和, 的) nor a modifier or verb names do not use (也, 较, 低, 有), a word CEDICT
    lacks, or one it has only as a proper name (林肯 of 布林肯, 罗德 of 阿克塞尔罗德)."""
    if unit.glossary or unit.quoted or not dictionary.is_han(unit.text) or dictionary.pos_tag(unit.text) in DROP_TAGS:
        return False
    if len(unit.text) == 1:  # an adverb, adjective or verb only where names use it: 特 of 特朗普, not 也, 低, 有
        return dictionary.pos_tag(unit.text) not in _MODIFIER_TAGS or _foreign_sound(unit)
    return not dictionary.cedict.lookup(unit.text) or dictionary.word_info(unit.text).proper


def _borrow_surnames(units: list[Unit], sentence_en: str) -> list[Unit]:
    """A Chinese name whose surname the segmenter glued to the word before (主任何立峰 cut
    委主 任何 立峰): where the English spells the name in pinyin ("He Lifeng"), the
    surname comes back to it and what is left before is cut again by the dictionary
    (委 主任 | 何立峰)."""
    out = list(units)
    i = 1
    while i < len(out):
        before, given = out[i - 1], out[i]
        if (len(before.text) >= 2 and 1 <= len(given.text) <= 2 and before.syllables and given.syllables
                and before.text[-1] in SURNAMES and dictionary.is_han(before.text + given.text)
                and not (before.glossary or before.quoted or given.glossary or given.quoted)
                and name_sounds.pinyin_span(sentence_en, (before.syllables[-1], *given.syllables))):
            left = [out[i - 2]] if i >= 2 and _recuttable(out[i - 2]) else []
            text = "".join(u.text for u in left) + before.text[:-1]
            syllables = tuple(s for u in left for s in u.syllables) + before.syllables[:-1]
            pieces = _units_of(recut(text), syllables, left[0].start if left else before.start)
            name = Unit(before.text[-1] + given.text, (before.syllables[-1], *given.syllables),
                        before.start + len(before.text) - 1, named=True)
            out[i - 1 - len(left):i + 1] = [*pieces, name]
            i += len(pieces) - len(left)
        i += 1
    return out


def _units_of(words: Sequence[str], syllables: Sequence[str], start: int) -> list[Unit]:
    """Units of ``words``, which rejoin to a text read ``syllables`` that begins at ``start``."""
    units, at = [], 0
    for word in words:
        units.append(Unit(word, syllables[at:at + len(word)], start + at))
        at += len(word)
    return units


def _recuttable(unit: Unit) -> bool:
    return (2 <= len(unit.text) <= 3 and bool(unit.syllables) and dictionary.is_han(unit.text)
            and not (unit.glossary or unit.quoted) and not dictionary.cedict.lookup(unit.text))


def recut(text: str) -> list[str]:
    """``text`` cut by jieba's own dictionary (no glossary words), without guessing unknown
    words; Traditional text where its Simplified form is cut (jieba's dictionary is Simplified)."""
    from flashcards.reading import segmenter

    pieces, at = [], 0
    for piece in segmenter.base().cut(simplified(text), HMM=False):
        pieces.append(text[at:at + len(piece)])
        at += len(piece)
    return pieces


def _join_names(units: list[Unit], sentence_en: str) -> list[Unit]:
    """Runs of 2-6 name-like tokens the aligned English writes as one name become one unit:
    布 林肯 -> 布林肯 "Blinken", 阿 克塞尔罗德 -> 阿克塞尔罗德 "Axelrod", 易卜拉欣 · 莱西 ->
    "Ebrahim Raisi" (a name read in Chinese, 范明政 "Pham Minh Chinh", does not sound
    alike). The run that best sounds like (or is spelt as) a capitalised name of the
    sentence wins (布林肯, not 布林肯周五); without such evidence nothing is joined."""
    if not sentence_en:
        return units
    out: list[Unit] = []
    i = 0
    while i < len(units):
        best, best_score, best_span = 0, 0.0, (0, 0)
        for j in range(i + 2, min(len(units), i + 6) + 1):
            run = units[i:j]
            syllables = tuple(x for u in run for x in u.syllables)
            if not 2 <= len(syllables) <= MAX_UNIT or _headword("".join(u.text for u in run)):
                continue
            if not (_name_like(run[0]) and (_name_like(run[-1]) or _foreign_sound(run[-1]))
                    and all(_name_like(u) or u.text in NAME_DOTS or _foreign_sound(u) for u in run[1:-1])) \
                    and not _spelt_chinese_name(run, syllables, sentence_en):
                continue
            found = name_sounds.written_name(sentence_en, syllables)
            score = found[2] if found else 0.0
            # a tie goes to the longer run; so does a name the Chinese writes in parts joined
            # by a dot or hyphen where the English writes more of it (纳戈尔诺-卡拉巴赫
            # "Nagorno Karabakh", not 纳戈尔诺 "Nagorno" alone)
            longer = found and any(u.text in NAME_DOTS for u in run[1:-1]) \
                and found[0] <= best_span[0] and found[1] > best_span[1]
            if score and (score >= best_score or longer) and _every_unit_counts(run, found, sentence_en):
                best, best_score, best_span = j, score, found[:2]
        if best:
            out.append(join_units(units[i:best], named=True))
            i = best
        else:
            out.append(replace(units[i], named=True) if _spelt_name(units[i], sentence_en) else units[i])
            i += 1
    return out


def _foreign_sound(unit: Unit) -> bool:
    """A piece of one or two characters inside or at the end of a name that transliteration
    uses far more than words do, whatever jieba tags or CC-CEDICT makes of it: 克 of
    埃贡·克伦茨 "Egon Krenz" and of 斯卡多夫斯克 "Skadovsk" is tagged a measure word, 林卡
    of 恰普林卡 "Chaplynka" is CC-CEDICT's Tibetan "garden"."""
    return (1 <= len(unit.text) <= 2 and not (unit.glossary or unit.quoted) and dictionary.is_han(unit.text)
            and foreignness(unit.text, 0) >= FOREIGN)


def _spelt_name(unit: Unit, sentence_en: str) -> bool:
    """A token the English spells in pinyin as a name, which no dictionary has (王沪宁 "Wang
    Huning": a name, not characters to cut into words, 王 | 沪宁 "Shanghai-Nanjing") or
    CC-CEDICT has as a name besides a common word (高密 "Gaomi", not "high density"), or as
    a common word only, which the English writes as one capitalised word (东风 "Dongfeng",
    a missile, not "east wind")."""
    return (2 <= len(unit.text) <= 4 and not (unit.glossary or unit.quoted or unit.named)
            and len(unit.syllables) == len(unit.text) and dictionary.is_han(unit.text)
            and (span := name_sounds.pinyin_span(sentence_en, unit.syllables)) is not None
            and (not dictionary.cedict.lookup(unit.text) or dictionary.has_name_reading(unit.text)
                 or " " not in sentence_en[span[0]:span[1]]))


def _uncross_names(units: list[Unit], sentence_en: str) -> list[Unit]:
    """A name two tokens cut across, one of them no CC-CEDICT word: jieba's dictionary
    has 乔治华盛, a leftover of a longer name, so 乔治华盛顿号 came out 乔治华盛 | 顿号
    "back-sloping comma". Where CC-CEDICT has a proper name across the cut (华盛顿) and
    the English writes it ("Washington"), the tokens are cut again around it: 乔治 |
    华盛顿 | 号, the rest by jieba's own dictionary."""
    out = list(units)
    i = 0
    while i < len(out) - 1:
        a, b = out[i], out[i + 1]
        name = None
        if (not (a.glossary or a.quoted or b.glossary or b.quoted) and dictionary.is_han(a.text + b.text)
                and len(a.syllables) == len(a.text) and len(b.syllables) == len(b.text)
                and not (dictionary.cedict.lookup(a.text) and dictionary.cedict.lookup(b.text))):
            crossing = [(k, m) for k in range(len(a.text)) for m in range(1, len(b.text) + 1)
                        if 0 < k or m < len(b.text)]
            syllables = a.syllables + b.syllables
            name = max((km for km in crossing if _written_proper_name(
                a.text[km[0]:] + b.text[:km[1]], syllables[km[0]:len(a.text) + km[1]], sentence_en)),
                key=lambda km: len(a.text) - km[0] + km[1], default=None)
        if name is None:
            i += 1
            continue
        k, m = name
        left, right = a.text[:k], b.text[m:]
        pieces = (_units_of(recut(left), a.syllables[:k], a.start) if left else []) + [
            Unit(a.text[k:] + b.text[:m], a.syllables[k:] + b.syllables[:m], a.start + k, named=True)] + (
            _units_of(recut(right), b.syllables[m:], b.start + m) if right else [])
        out[i:i + 2] = pieces
        i += len(pieces) - 1
    return out


def _written_proper_name(text: str, syllables: Sequence[str], sentence_en: str) -> bool:
    """``text`` is a proper name in CC-CEDICT that ``sentence_en`` writes: by one of its
    glosses ("Washington") or as its sound."""
    info = dictionary.word_info(text) if len(text) >= 2 else None
    if not (info and info.in_cedict and info.proper):
        return False
    return name_sounds.named_in(info.english, sentence_en) or name_sounds.written_name(sentence_en, syllables) is not None


def _ordinal_superlative(units: list[Unit]) -> list[Unit]:
    """第二 | 大城市: after an ordinal, 大 is "largest" (第二大城市 "second-largest city"), so
    a word the segmenter glued it to gives it back: 第二大 (a count, no term) | 城市."""
    return _first_character_back(units, lambda ordinal, word: (
        len(ordinal.text) >= 2 and ordinal.text[0] == "第" and all(c in NUMERALS for c in ordinal.text)
        and word.text[:1] == "大" and len(word.text) >= 3 and dictionary.cedict.lookup(word.text[1:])), counted=True)


def _uncut_dates(units: list[Unit]) -> list[Unit]:
    """週 | 一時 -> 週一 | 時: a weekday the segmenter cut across (週一 "Monday" and 時 "when",
    not 一时 "for a moment") takes its last character back from the word after it."""
    return _first_character_back(units, lambda before, word: (
        len(word.text) >= 2 and _WEEKDAY.match(to_simplified(before.text + word.text[0]))))


def _first_character_back(units: list[Unit], takes, **flags) -> list[Unit]:
    """Units where ``takes(before, word)`` holds for a word with a reading, not curated or
    quoted: the word gives its first character to the unit before it (joined with ``flags``)."""
    out = list(units)
    for i in range(len(out) - 1, 0, -1):
        before, word = out[i - 1], out[i]
        if len(word.syllables) == len(word.text) and not (word.glossary or word.quoted) and takes(before, word):
            first, rest = _units_of([word.text[:1], word.text[1:]], word.syllables, word.start)
            out[i - 1:i + 1] = [join_units([before, first], **flags), rest]
    return out


def _unglue_glossary_words(units: list[Unit]) -> list[Unit]:
    """A glossary word the segmenter took across a word of the text, leaving one character
    over: 互利共赢中共享 came out 中共 | 享 because 中共 is a glossary word, where jieba's own
    dictionary cuts 中 | 共享; 以回应对 came out 以回 | 应对 for the glossary's 应对, where it
    cuts 以 | 回应 | 对. Cut so again."""
    out = list(units)
    for i in range(len(out) - 1, 0, -1):  # from the end: a recut may give three units for two
        before, after = out[i - 1], out[i]
        pieces: list[str] = []
        for word, other, forward in ((before, after, True), (after, before, False)):
            if not (word.glossary and not other.glossary and len(other.text) <= (1 if forward else 2)
                    and dictionary.is_han(other.text) and len(word.syllables) == len(word.text)
                    and len(other.syllables) == len(other.text)):
                continue
            pieces = pieces or recut(before.text + after.text)  # once for the pair, either way
            if len(pieces) < 2:
                continue
            # the word gives its last character to the word after, or its first to the word before
            if forward:
                gives, taker = len(pieces) == 2 and pieces[0] == word.text[:-1], pieces[1]
            else:
                gives, taker = pieces[-1] == word.text[1:], pieces[-2]
            if gives and len(taker) >= 2 - forward and dictionary.cedict.lookup(simplified(taker)):
                out[i - 1:i + 1] = _units_of(pieces, before.syllables + after.syllables, before.start)
                break
    return out


def _spelt_chinese_name(run: Sequence[Unit], syllables: Sequence[str], sentence_en: str) -> bool:
    """A surname and a given name that happens to be a word (夏 立言 "Xia Liyan": 立言 is
    CC-CEDICT's "to expound one's theory"), which the English spells in pinyin."""
    return (len(syllables) <= 4 and run[0].text[:1] in SURNAMES and len(run[0].text) <= 2
            and all(dictionary.is_han(u.text) and not (u.glossary or u.quoted) for u in run)
            and name_sounds.pinyin_span(sentence_en, syllables) is not None)


def _every_unit_counts(run: Sequence[Unit], found: tuple[int, int, float], sentence_en: str) -> bool:
    """Whether the name ``found`` for a run needs both of its end units: without either,
    the rest finds no name, a shorter one inside it, or the same one sounding no better
    (阿 克塞尔罗德 "Axelrod", 布 林肯 "Blinken"). 尼克松 案中 is "Nixon", and 尼克松 alone
    sounds more like it; 晉升為 德累斯頓 finds other capitalised words than 德累斯頓's
    "Dresden"."""
    start, end, score = found
    for part in (run[1:], run[:-1]):
        alone = name_sounds.written_name(sentence_en, tuple(x for u in part for x in u.syllables))
        if alone is None:
            continue
        inside = start <= alone[0] and alone[1] <= end
        if not inside or ((alone[0], alone[1]) == (start, end) and alone[2] > score):
            return False
    return True


def sentence_units(sentence: AnalysedSentence, glossary_words: Collection[str] = ()) -> list[Unit]:
    """The sentence cut into units: tokens, joined phrases and names, split non-words."""
    units = []
    pos = 0
    for tok in sentence.tokens:
        syllables = tok.pinyin if len(tok.pinyin) == len(tok.text) else ()
        in_glossary = tok.text in glossary_words or simplified(tok.text) in glossary_words
        units.append(Unit(tok.text, syllables, pos, glossary=in_glossary))
        pos += len(tok.text)
    units = _uncross_names(_uncut_dates(_ordinal_superlative(_unglue_glossary_words(units))), sentence.pair.en)
    units = _join_names(_join_dictionary_words(_join_quoted(_borrow_surnames(units, sentence.pair.en))), sentence.pair.en)
    return _mark_counted(_split_unknown(units))


def _mark_counted(units: list[Unit]) -> list[Unit]:
    """A unit right after a number that starts with a counter or a magnitude (5|年内, 四|年,
    4.5|万人) is part of it."""
    out = []
    before = ""
    for u in units:
        if before and (before[-1].isdigit() or _NUMERIC.match(before)) and u.text[:1] in _COUNTERS | _MAGNITUDES:
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
    if not stem or text[-1] not in _ASPECT:
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
    kind = NAME_TAGS.get(dictionary.pos_tag(text), "")
    info = dictionary.word_info(text)
    if not info.in_cedict:
        return kind
    if not info.proper:
        return ""
    if kind == "person" and not any(_LIFESPAN.search(g) for g in info.english):
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
    tag = dictionary.pos_tag(text)
    return unit.quoted or tag not in DROP_TAGS or (tag != "p" and _verb_by_dictionary(text))


def _verb_by_dictionary(word: str) -> bool:
    """A word jieba's tagger calls a function word (接管 "c", 整顿 "m", 南下 "f") that
    CC-CEDICT only knows as a verb: "to take over; to assume control". Not one whose
    verb is a copula or a suffix's frame (所致 "to be caused by", 以南 "to the south of
    (suffix)"); nor a preposition, whose verb CC-CEDICT may give alone (沿着 "to go along")."""
    senses = dictionary.english(word)
    return bool(senses) and all(s.startswith("to ") and not s.startswith("to be ") and "suffix" not in s
                                for s in senses)
