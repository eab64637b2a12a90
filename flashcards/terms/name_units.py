"""Names the segmenter cut up, joined again where the aligned English writes them as one.

jieba knows few foreign names and cuts them into whatever words it has (布 | 林肯,
马里 | 乌波尔, 乔治华盛 | 顿号); a Chinese name's surname may be glued to the word before
(主任何立峰 -> 委主 | 任何 | 立峰). These rules rejoin or recut the units of a sentence
where its English spells the name, and only there: without evidence nothing is joined.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Sequence
from dataclasses import replace

from flashcards.lexicon import dictionary
from flashcards.reading.word_evidence import SURNAMES, gloss_head, sounds_foreign
from flashcards.terms import name_sounds
from flashcards.terms.unit import DROP_TAGS, MAX_UNIT, NAME_DOTS, NUMERALS, Unit, is_headword, join_units, name_parts, recut, units_of

_MODIFIER_TAGS = frozenset("d a ad an zg v vn".split())
_MAX_RUN = 6  # tokens in a name joined again
_MAX_DOTTED_RUN = 10  # ... and in a name the Chinese writes in parts
_MAX_DOTTED = 2 * MAX_UNIT  # characters of such a name
_THE = re.compile(r"^the\s+")
_JOINERS = frozenset("和与及同跟")  # conjunctions: "and", "with"
# Zipf above which a character or a two-character word is a word of its own, no part of a
# name (说 6.6, 许多 "many"; 申 3.9)
_OWN_WORD = 5.0
_CLOSE = 1.75  # a sound match this close lets a name hold a character names rarely use (申 of 波罗申科 "Poroshenko")


def _name_like(unit: Unit) -> bool:
    """A token that may be a piece of a name the segmenter cut up: one character that is
    no function word (和, 的) nor a modifier or verb names do not use (也, 较, 低, 有), a word CEDICT
    lacks, or one it has only as a proper name (林肯 of 布林肯, 罗德 of 阿克塞尔罗德; 马里 "Mali" of
    马里乌波尔 "Mariupol", whatever jieba tags it: a measure word)."""
    if unit.glossary or unit.quoted or not dictionary.is_han(unit.text) or dictionary.pos_tag(unit.text) == "t" \
            or (len(unit.text) >= 2 and unit.text[0] in NUMERALS):
        return False  # a time word is none, though CC-CEDICT's "Tuesday" is capitalised: 马塔瓦莱 | 周二; nor a
        # number (越共 | 十三大, the 13th Congress of the Vietnamese Communist Party)
    if len(unit.text) >= 2 and dictionary.word_info(unit.text).proper:
        return True
    if dictionary.pos_tag(unit.text) in DROP_TAGS:
        return False
    if len(unit.text) == 1:  # an adverb, adjective or verb only where names use it: 特 of 特朗普, not 也, 低, 有
        return dictionary.pos_tag(unit.text) not in _MODIFIER_TAGS or _foreign_sound(unit)
    # nor a word of three characters the segmenter knows as a common noun that sounds Chinese
    # (優勝者 "winner"; 路易丝 is a noun to jieba too, but sounds foreign), nor an adverb it
    # knows that CC-CEDICT happens to lack (比拉尔 | 很快 "Bilal was quickly")
    tag = dictionary.pos_tag(unit.text)
    return not dictionary.cedict.lookup(unit.text) and not (
        (tag == "d" or (len(unit.text) >= 3 and tag == "n")) and not sounds_foreign(unit.text))


def borrow_surnames(units: list[Unit], sentence_en: str) -> list[Unit]:
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
            pieces = units_of(recut(text), syllables, left[0].start if left else before.start)
            name = Unit(before.text[-1] + given.text, (before.syllables[-1], *given.syllables),
                        before.start + len(before.text) - 1, named=True)
            out[i - 1 - len(left):i + 1] = [*pieces, name]
            i += len(pieces) - len(left)
        i += 1
    return out


def join_names(units: list[Unit], sentence_en: str) -> list[Unit]:
    """Runs of 2-6 name-like tokens (more for a name in parts) the aligned English writes as one name become one unit:
    布 林肯 -> 布林肯 "Blinken", 阿 克塞尔罗德 -> 阿克塞尔罗德 "Axelrod", 易卜拉欣 · 莱西 ->
    "Ebrahim Raisi" (a name read in Chinese, 范明政 "Pham Minh Chinh", does not sound
    alike). The run that best sounds like (or is spelt as) a capitalised name of the
    sentence wins (布林肯, not 布林肯周五); without such evidence nothing is joined."""
    if not sentence_en:
        return units
    out: list[Unit] = []
    taken: list[tuple[int, int]] = []  # the English of the names joined so far
    i = 0
    while i < len(units):
        best, best_score, best_span = 0, 0.0, (0, 0)
        for j in range(i + 2, min(len(units), i + _MAX_DOTTED_RUN) + 1):
            run = units[i:j]
            syllables = tuple(x for u in run for x in u.syllables)
            # a name in parts may be longer: 伊德里斯·代比·伊特诺 "Idriss Deby Itno"
            dotted = any(u.text in NAME_DOTS for u in run[1:-1])
            if not 2 <= len(syllables) <= (_MAX_DOTTED if dotted else MAX_UNIT) or (j - i > _MAX_RUN and not dotted) \
                    or is_headword("".join(u.text for u in run)):
                continue
            last_piece = _name_piece(run[-1], dotted)
            ends = _name_piece(run[0], dotted) and last_piece
            inside = [_name_piece(u, dotted) or u.text in NAME_DOTS for u in run[1:-1]]
            odd = [u for ok, u in zip(inside, run[1:-1]) if not ok] + ([] if last_piece else [run[-1]])
            # one character inside or at the end that names rarely use, no function word: the
            # whole must sound close (申 of 波罗申科 "Poroshenko"), and at the end closer than
            # without it (汗 of 布尔汗 "Burhan")
            unusual = _name_piece(run[0], dotted) and len(odd) == 1 and _plain_character(odd[0])
            # a part the Chinese writes before a dot is no single character: one the segmenter
            # left apart before it may be its first, any word it is (也 | 米·奥森巴主 "Yemi Osinbajo")
            lead = dotted and len(run) >= 4 and last_piece and all(inside) and not _name_piece(run[0], dotted) \
                and len(run[0].text) == len(run[1].text) == 1 and run[2].text in NAME_DOTS and dictionary.is_han(run[0].text)
            if not (ends and all(inside)) and not unusual and not lead and not _spelt_chinese_name(run, syllables, sentence_en):
                continue
            found = _name_found("".join(u.text for u in run), syllables, sentence_en)
            score = found[2] if found else 0.0
            if unusual and (score < _CLOSE or (not last_piece and score <= best_score)):
                continue
            if lead and (score < _CLOSE or score < _sound_without_first(run, sentence_en)
                         or not name_sounds.parts_named("".join(u.text for u in run), syllables, sentence_en)):
                continue  # (it must sound as close, and its part like the English word: 也米 "Yemi")
            # a tie goes to the longer run; so does a name the Chinese writes in parts joined
            # by a dot or hyphen where the English writes as much of it or more (纳戈尔诺-卡拉巴赫
            # "Nagorno Karabakh", not 纳戈尔诺 "Nagorno" alone; 马泰乌什·莫拉维茨基 "Mateusz
            # Morawiecki", not 马泰乌什·莫拉, which sounds more like it)
            longer = found and dotted and found[0] <= best_span[0] and found[1] >= best_span[1]
            if score and (score >= best_score or longer) and _every_unit_counts(run, found, sentence_en, dotted, taken) \
                    and not _names_side_by_side(run, sentence_en[found[0]:found[1]]) \
                    and not any(_dictionary_name(u.text, sentence_en[found[0]:found[1]]) for u in units[:i] + units[j:]):
                # (the English another unit of the sentence names is its: 南海 "South China Sea", not 终将 一战)
                best, best_score, best_span = j, score, found[:2]
        if best:
            last = units[best - 1]
            if len(last.syllables) == len(last.text) and _next_word_s(last.text[-1]):
                # a conjunction, preposition or everyday word the segmenter glued to the name's
                # last piece, or left after it (纽 | 西和 "Nyusi and", 哈苏 | 吉是 "Khashoggi is",
                # 马杜罗 | 于 "Maduro on"): where the same English sounds as close without it, it is
                # the next word's (not 美 of 沙特阿美 "Saudi Aramco": 沙特阿 sounds like "Saudi")
                run = units[i:best]
                syllables = tuple(x for u in run for x in u.syllables)[:-1]
                again = _name_found("".join(u.text for u in run)[:-1], syllables, sentence_en)
                if again and again[:2] == best_span and again[2] >= best_score:
                    if len(last.text) >= 2:
                        units = [*units[:best - 1], *units_of([last.text[:-1], last.text[-1]], last.syllables, last.start),
                                 *units[best:]]
                    else:
                        best -= 1
            out.append(join_units(units[i:best], named=True))
            taken.append(best_span)
            i = best
        else:
            out.append(replace(units[i], named=True) if _spelt_name(units[i], sentence_en) else units[i])
            i += 1
    return out


def _name_found(text: str, syllables: Sequence[str], sentence_en: str) -> tuple[int, int, float] | None:
    """Where and how closely ``sentence_en`` writes ``text`` (read ``syllables``) as a name:
    whole, or part by part for a name the Chinese writes in parts."""
    return name_sounds.written_name(sentence_en, syllables) or name_sounds.parts_named(text, syllables, sentence_en)


def _sound_without_first(run: Sequence[Unit], sentence_en: str) -> float:
    """How closely ``run`` without its first unit sounds like a name of ``sentence_en``."""
    found = _name_found("".join(u.text for u in run[1:]), tuple(x for u in run[1:] for x in u.syllables), sentence_en)
    return found[2] if found else 0.0


def _next_word_s(char: str) -> bool:
    """A character that, ending a name, is more likely the next word's: a conjunction (和),
    or a word of its own whose sound transliteration does not favour (是, 在, 于, 刚; not
    克, 斯, 特)."""
    return char in _JOINERS or (dictionary.zipf(char) >= _OWN_WORD and not sounds_foreign(char))


def _name_piece(unit: Unit, dotted: bool) -> bool:
    """A unit that may be a piece of a name (:func:`_name_like`, :func:`_foreign_sound`), or,
    in a name the Chinese writes in parts, a glossary word that is a name (弗拉基米尔·普京
    "Vladimir Putin", whose 普京 is curated), in CC-CEDICT or not (安东尼·布林肯 "Antony Blinken")."""
    return _name_like(unit) or _foreign_sound(unit) or (
        dotted and unit.glossary and len(unit.text) >= 2
        and (dictionary.word_info(unit.text).proper or not dictionary.word_info(unit.text).in_cedict))


def _plain_character(unit: Unit) -> bool:
    """One character that is no function word (的, 和, 在) nor an everyday word (说, 有): a
    verb or adjective may still be a sound of a name the whole of which the English writes
    (申 of 波罗申科)."""
    return len(unit.text) == 1 and dictionary.is_han(unit.text) and not unit.glossary \
        and dictionary.pos_tag(unit.text) not in DROP_TAGS and dictionary.zipf(unit.text) < _OWN_WORD


def _foreign_sound(unit: Unit) -> bool:
    """A piece of one or two characters inside or at the end of a name that transliteration
    uses far more than words do, whatever jieba tags or CC-CEDICT makes of it: 克 of
    埃贡·克伦茨 "Egon Krenz" and of 斯卡多夫斯克 "Skadovsk" is tagged a measure word, 林卡
    of 恰普林卡 "Chaplynka" is CC-CEDICT's Tibetan "garden"."""
    return (1 <= len(unit.text) <= 2 and not (unit.glossary or unit.quoted) and dictionary.is_han(unit.text)
            and sounds_foreign(unit.text)
            and not (len(unit.text) == 2 and dictionary.zipf(unit.text) >= _OWN_WORD))  # 许多 "many" is a word


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


def uncross_names(units: list[Unit], sentence_en: str) -> list[Unit]:
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
        pieces = _around(join_units([a, b]), k, len(a.text) - k + m)
        out[i:i + 2] = pieces
        i += len(pieces) - 1
    return out


def _around(whole: Unit, at: int, length: int) -> list[Unit]:
    """``whole`` cut around the name of ``length`` characters at offset ``at``: the name one
    unit, the text before and after it cut again by jieba's own dictionary."""
    end = at + length
    left, right = whole.text[:at], whole.text[end:]
    return [*(units_of(recut(left), whole.syllables[:at], whole.start) if left else []),
            Unit(whole.text[at:end], whole.syllables[at:end], whole.start + at, named=True),
            *(units_of(recut(right), whole.syllables[end:], whole.start + end) if right else [])]


def _written_proper_name(text: str, syllables: Sequence[str], sentence_en: str) -> bool:
    """``text`` is a proper name in CC-CEDICT that ``sentence_en`` writes: by one of its
    glosses ("Washington") or as its sound."""
    info = dictionary.word_info(text) if len(text) >= 2 else None
    if not (info and info.in_cedict and info.proper):
        return False
    return name_sounds.named_in(info.english, sentence_en) or name_sounds.written_name(sentence_en, syllables) is not None


def _spelt_chinese_name(run: Sequence[Unit], syllables: Sequence[str], sentence_en: str) -> bool:
    """A surname and a given name that happens to be a word (夏 立言 "Xia Liyan": 立言 is
    CC-CEDICT's "to expound one's theory"), which the English spells in pinyin."""
    return (len(syllables) <= 4 and run[0].text[:1] in SURNAMES and len(run[0].text) <= 2
            and all(dictionary.is_han(u.text) and not (u.glossary or u.quoted) for u in run)
            and name_sounds.pinyin_span(sentence_en, syllables) is not None)


def _every_unit_counts(run: Sequence[Unit], found: tuple[int, int, float], sentence_en: str, dotted: bool,
                       taken: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether the name ``found`` for a run needs both of its end units: without either,
    the rest finds no name, a shorter one inside it, or the same one sounding no better
    (阿 克塞尔罗德 "Axelrod", 布 林肯 "Blinken"). 尼克松 案中 is "Nixon", and 尼克松 alone
    sounds more like it; 晉升為 德累斯頓 finds other capitalised words than 德累斯頓's
    "Dresden"; 大马士革 is CC-CEDICT's "Damascus" without 时 "when" after it, 柏林 its
    "Berlin" of "Berlin's Charité". But a name the
    Chinese writes in parts keeps a last piece no dictionary has, however the shorter run
    sounds (马泰乌什·莫拉维茨基 "Mateusz Morawiecki": Polish -cki is 茨基); ``dotted`` says the
    run is such a name."""
    start, end, score = found
    whole = dotted and not dictionary.cedict.lookup(run[-1].text)
    # and a first piece before its dot (威尔·雷普利 "Will Ripley", where "Will" starts the sentence
    # and only "Ripley" sounds)
    whole_first = dotted and run[1].text in NAME_DOTS and not dictionary.cedict.lookup(run[0].text)
    owners = name_sounds.POSSESSIVE.split(sentence_en[start:end])
    if len(owners) > 1 and any(_dictionary_name("".join(u.text for u in part), english)
                               for k in range(1, len(run)) for part in (run[:k], run[k:]) for english in owners):
        return False  # one of two names a possessive joins: 柏林 | 查里特 "Berlin's Charité"
    for last_dropped, part in ((False, run[1:]), (True, run[:-1])):
        if _dictionary_name("".join(u.text for u in part), sentence_en[start:end]):
            return False  # the whole English is a dictionary's name without the other end: 大马士革 | 时
        alone = name_sounds.written_name(sentence_en, tuple(x for u in part for x in u.syllables))
        if alone is None or any(a <= alone[0] and alone[1] <= b for a, b in taken):
            continue  # no name, or one an earlier name of the sentence writes: 玛丽 sounds like
            # "Myre" of 格雷格·迈尔 "Greg Myre", which is no reason to doubt 玛丽·路易丝 "Mary Louise"
        inside = start <= alone[0] and alone[1] <= end
        if (not inside and alone[2] >= score) or (
                not (whole if last_dropped else whole_first) and (alone[0], alone[1]) == (start, end) and alone[2] > score):
            return False  # (an end that alone sounds less like another word is no doubt: 博索 "Palace" of 博索纳罗)
    return True


def _recuttable(unit: Unit) -> bool:
    """A short token no dictionary has, which may be cut again around a borrowed surname."""
    return (2 <= len(unit.text) <= 3 and bool(unit.syllables) and dictionary.is_han(unit.text)
            and not (unit.glossary or unit.quoted) and not dictionary.cedict.lookup(unit.text))


def _names_side_by_side(run: Sequence[Unit], english: str) -> bool:
    """Every token of ``run`` is a CC-CEDICT name ``english`` writes, and no dot joins them:
    two names side by side, not one (乌克兰 克里米亚 "Ukraine's Crimea", where 科克斯 巴扎尔
    is "Cox's Bazar" and 理查德·尼克松 "Richard Nixon")."""
    pieces = [u.text for u in run]
    return len(pieces) > 1 and not NAME_DOTS.intersection(pieces) and all(
        len(p) >= 2 and dictionary.is_han(p) and (info := dictionary.word_info(p)).proper
        and name_sounds.named_in(info.english, english) for p in pieces)


def _dictionary_name(text: str, english: str) -> bool:
    """Whether ``text`` is a CC-CEDICT proper name that is all of ``english`` ("Damascus";
    "Philippines" for its "the Philippines")."""
    info = dictionary.word_info(text) if len(text) >= 2 and dictionary.is_han(text) else None
    return bool(info and info.proper) and _THE.sub("", english.lower()) in {
        _THE.sub("", gloss_head(g).strip().lower()) for g in info.english}


def article_names(per_sentence: Sequence[Sequence[Unit]]) -> frozenset[str]:
    """The names of three characters or more the article's English shows to be names
    somewhere (units joined as one name), and the parts of those written with a dot, of
    two characters or more (卡西姆·苏莱曼尼: 卡西姆, 苏莱曼尼; 伊德里斯·代比·伊特诺: 代比, the
    surname the article goes on to use alone): what the article itself shows to be one unit."""
    names = set()
    for units in per_sentence:
        for u in units:
            if u.named:
                names.update(p for p in (u.text, *name_parts(u.text)) if len(p) >= 2 + (p == u.text) and dictionary.is_han(p))
    return frozenset(names)


def cut_known_names(units: Sequence[Unit], names: Collection[str]) -> list[Unit]:
    """A name of the article (:func:`article_names`) that the segmenter cut across in a
    sentence whose English does not write it becomes one unit again, as it is where the
    English does: 苏莱曼|尼是 -> 苏莱曼尼 | 是 ("He was the country's most powerful ...").
    A name inside one unit, or across a glossary or quoted unit, stays as it is; one of
    two characters is joined only from two the segmenter left alone (代 | 比 -> 代比, not
    对比 | 利 -> 对 | 比利)."""
    units = list(units)
    text = "".join(u.text for u in units)
    for name in sorted(names, key=len, reverse=True):
        at = text.find(name)
        while at >= 0:
            ends = list(itertools.accumulate(len(u.text) for u in units))
            first = next(k for k, end in enumerate(ends) if end > at)
            last = next(k for k, end in enumerate(ends) if end >= at + len(name))
            covered = units[first:last + 1]
            if last > first and not any(u.glossary or u.quoted or u.named for u in covered) \
                    and (len(name) > 2 or all(len(u.text) == 1 for u in covered)):
                whole = join_units(covered)
                if len(whole.syllables) != len(whole.text):
                    whole = replace(whole, syllables=())
                begins = ends[first] - len(covered[0].text)  # where the units it replaces begin
                units[first:last + 1] = _around(whole, at - begins, len(name))
            at = text.find(name, at + len(name))
    return units
