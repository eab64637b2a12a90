"""Pinyin in word orthography (GB/T 16159-2012), as dictionaries and textbooks print it.

The syllables are given (one tone-marked syllable per Han character, read in context by
the converter); this module only decides where words begin and end and which are
capitalised. The evidence is data, not lists of words:

- CC-CEDICT. A headword of up to three syllables is one word (lǐngdǎorén). A longer one
  is written as its dictionary words (shèhuì zhǔyì, guónèi shēngchǎn zǒngzhí), a lone
  character joined to its neighbour (shèhuì zhǔyìzhě). A proper name is cut where CEDICT
  capitalises a syllable (Zhōngguó Rénmín Jiěfàngjūn, Xí Jìnpíng), except that capitalised
  single syllables are abbreviations that join their neighbours (Zhōngfēi Gònghéguó,
  Zhōnggòng Zhōngyāng, Ānlǐhuì), unless the English gloss romanises the name with the
  break (Wang Yi -> Wáng Yì, Beijing -> Běijīng Shì, Diaoyu Islands -> Diàoyú Dǎo) or names
  the capitalised generic (Yellow Sea -> Huáng Hǎi, Pacific Ocean -> Tàipíng Yáng, as GB/T
  writes place names: proper part and generic apart). A single syllable before a name
  stays apart (Běi Dàxīyáng, Xī Tàipíng Yáng). A generic noun of places after a name of
  its own stands apart (Bólín Qiáng; Kēluólāduō Zhōu and Dìnièbó Hé, which CEDICT lacks
  or writes as one), and 第 takes its numeral with a hyphen, the measure word apart
  (Dì-èr Cì Shìjiè Dàzhàn).
- Idioms (CEDICT "(idiom)", jieba's tag i): four characters as two halves with a hyphen
  (zhìtóng-dàohé), joined when the second character is a conjunction or particle
  (qǔ'érdàizhī, GB/T's zǒng'éryánzhī); AABB likewise (fāngfāng-miànmiàn); longer
  idioms word by word. Two names in coordination, glossed "China-USA": Zhōng-Měi.
- A token CEDICT lacks is written as its dictionary words (fǎng dàlù, Tuītè shàng; a
  suffix, jieba tag k, and the particles le, zhe, guo join the word before). Tagged as a
  place, organisation or other name (ns, nt, nz, nr), and starting with a name or a
  numeral, every word is capitalised (Húnán Rìbào, Èrshí Dà: "the 20th [Party] Congress",
  an abbreviation written like the name it stands for).
- People CEDICT lacks: a Chinese surname (compound first: Ōuyáng) and a given name of one
  or two characters are two words (Lǐ Xùfēng); a transliterated name is one word (Mǎkēsī,
  Bùlínkěn), its characters measured on jieba's dictionary (nrt words against Chinese
  names); four characters with no compound surname are Japanese, two and two (Àntián
  Wénxióng). A card's English wins when it romanises the name (Li Xufeng).
- A name in parts separated by a middle dot is written part by part with a space, as
  its English is (Yìbǔlāxīn Láixī); the dot is punctuation, a space the word break.
- A CEDICT name that jieba's own counts barely prefer to its characters apart (日电,
  "NEC", in datelines 10日电 "dispatch of the 10th") is written as those characters: rì diàn.
Memoised per (word, syllables): a text repeats its words.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Mapping, Sequence

from flashcards.lexicon import cedict
from flashcards.reading import word_evidence as ev

_NAME_TAGS = frozenset({"nr", "nrfg", "nrt", "ns", "nt", "nz"})
_PERSON_TAGS = frozenset({"nr", "nrfg"})
_NAME_KINDS = frozenset({"person", "place", "organisation", "name"})
_JOINS_BEFORE = frozenset({"k", "ul", "uz", "ug"})  # suffix; le, zhe, guo: joined to the word before
_BINDS_IDIOM = ("c", "u")  # a second character of these tags: no two halves (qǔ'érdàizhī)
_SEPARATORS = re.compile(r"[·•‧・]")
_HYPHENS = re.compile(r"[-‐－]")
# Linguistic data: the generic nouns of place names, written apart from the name they
# follow when that is a name of its own (Kēluólāduō Zhōu, Dìnièbó Hé, Běijīng Shì).
_GENERICS = frozenset("州省市县区河江湖海洋湾峡岛山街路")
# ... and the English words that name each in a gloss ("Yellow Sea", "Pacific Ocean"): where
# CC-CEDICT capitalises the generic and glosses it so, it is a word of its own (Huáng Hǎi).
_GENERIC_ENGLISH = {
    "海": {"sea"}, "洋": {"ocean"}, "河": {"river"}, "江": {"river"}, "湖": {"lake"},
    "山": {"mt", "mount", "mountain", "mountains", "hill"}, "岛": {"island", "islands", "isle"},
    "湾": {"bay", "gulf"}, "峡": {"gorge", "strait"}, "省": {"province"}, "市": {"city", "municipality"},
    "县": {"county"}, "州": {"state", "prefecture"}, "区": {"district"}, "街": {"street"}, "路": {"road"},
}
_NUMERALS = frozenset("一二三四五六七八九十百千万零〇两")
SHIP = frozenset("号號舰艦")  # after a name, the name of a ship named after it: 海口号, 辽宁号, 南昌舰
_FIRST = "first"  # a Part capitalised on its first group only: Dì-èr

Part = tuple[tuple[tuple[str, ...], ...], bool]  # groups of syllables (hyphen between), capitalised


# ── the two entry points ──────────────────────────────────────────────────────────


def written_pinyin(word: str, syllables: Sequence[str], known: Mapping[str, str] | None = None) -> str:
    """``word`` read as ``syllables`` in word orthography (Xí Jìnpíng, Húnán Rìbào, lǐngdǎorén,
    zhìtóng-dàohé, rì diàn). ``known`` words (the glossary's, with their curated pinyin) are
    written as the glossary writes them, also at the end of a longer token (日本 + 航空自卫队)."""
    if not syllables:
        return ""
    if known:
        if word in known:
            return known[word]
        if len(syllables) == len(word) and not ev.lookup(word):
            for cut in range(1, len(word) - 1):  # a glossary term at the end: 日本 + 航空自卫队
                if word[cut:] in known:
                    return f"{written_pinyin(word[:cut], syllables[:cut], known)} {known[word[cut:]]}"
    return _written(word, tuple(syllables), "", "")


def term_pinyin(word: str, syllables: Sequence[str], kind: str = "", english: str = "") -> str:
    """A vocabulary card's pinyin, by the same rules as :func:`written_pinyin`; ``kind``
    ("person", "place", "organisation", "name" or "" for a common word) and ``english``
    (the term's rendering in its article, e.g. "Li Xufeng") decide what the word alone
    cannot: where a person's surname ends, whether an unknown word is a name."""
    if not syllables:
        return ""
    return _written(word, tuple(syllables), kind if kind in _NAME_KINDS else "", english)


@functools.lru_cache(maxsize=1 << 16)
def _written(word: str, syllables: tuple[str, ...], kind: str, english: str) -> str:
    return _render(_parts(word, syllables, kind, english))


def _render(parts: Sequence[Part]) -> str:
    from flashcards.reading.style import word_pinyin

    return " ".join(
        "-".join(word_pinyin([s.lower() for s in g], proper=bool(cap) and (cap is not _FIRST or k == 0)) for k, g in enumerate(groups))
        for groups, cap in parts
    )


def _hyphenated(word: str, syl: tuple[str, ...], kind: str, english: str) -> list[Part]:
    """A word whose parts the Chinese joins by a hyphen (纳戈尔诺-卡拉巴赫) is one word whose
    parts are joined by a hyphen: Nàgē'ěrnuò-Kǎlābāhè; as it comes when a part is no word."""
    groups, caps = [], []
    for piece, piece_syl in _pieces(word, syl, _HYPHENS):
        if not piece:
            continue  # a hyphen at an end, or two together
        parts = _parts(piece, piece_syl, kind, english) if piece_syl and len(piece_syl) == len(piece) else []
        if len(parts) != 1:
            return [((syl,), False)]
        groups.extend(parts[0][0])
        caps.append(parts[0][1] is True)
    return [(tuple(groups), all(caps))]


def _pieces(word: str, syl: tuple[str, ...], separators: re.Pattern) -> list[tuple[str, tuple[str, ...]]]:
    """``word`` cut at its ``separators``, each piece with its syllables (one per Han character)."""
    from flashcards.reading.style import is_han

    out, at = [], 0
    for piece in separators.split(word):
        n = sum(map(is_han, piece))
        out.append((piece, syl[at:at + n]))
        at += n
    return out


# ── deciding the words ────────────────────────────────────────────────────────────


def _parts(word: str, syl: tuple[str, ...], kind: str = "", english: str = "") -> list[Part]:
    from flashcards.reading.style import is_han

    han = [c for c in word if is_han(c)]
    if len(han) != len(syl):  # not one syllable per character: as it comes
        return [((syl,), False)]
    if len(han) != len(word):
        if _HYPHENS.search(word) and not _SEPARATORS.search(word):
            return _hyphenated(word, syl, kind, english)
        if _SEPARATORS.search(word):  # 易卜拉欣·莱西: part by part, "Ebrahim Raisi" word by word
            pieces = [(piece, piece_syl) for piece, piece_syl in _pieces(word, syl, _SEPARATORS) if piece_syl]
            words = english.split()
            own = words if len(words) == len(pieces) else [english] * len(pieces)
            # every part of a name capitalised, one character too (特雷莎·梅 Tèléishā Méi "Theresa May")
            return [(groups, cap or bool(kind)) for (piece, piece_syl), en in zip(pieces, own)
                    for groups, cap in _parts(piece, piece_syl, kind, en)]
        return [((syl,), False)]
    if len(word) == 1:
        return [((syl,), ev.is_name(ev.entries(word, syl)))]
    if kind and word[-1] in SHIP and len(word) >= 3:  # a ship named after a place: Yuèyáng Hào
        return [*_parts(word[:-1], syl[:-1], kind, english), ((syl[-1:],), True)]
    if kind in ("person", "name") and english:  # a name of no known kind the English spells out too
        found = ev.romanised(english, syl)
        if found and found[-1] == len(syl):  # Li Xufeng: Lǐ Xùfēng
            return _cut(syl, found, cap=True)
    entries = ev.entries(word, syl)
    if kind and any(e.pinyin[:1].isupper() for e in entries):  # named so: 高密 Gāomì, not gāomì "high density"
        entries = tuple(e for e in entries if e.pinyin[:1].isupper())
    if entries and _coordination(entries, len(word)):  # China-USA: Zhōng-Měi
        return [(tuple(syl[i:i + 1] for i in range(len(word))), True)]
    name = bool(entries) and ev.names(word, entries)
    if entries and not (name and ev.weak(word)):
        if len(word) >= 4 and ev.is_idiom(word, entries):
            return _idiom(word, syl)
        if name:
            return _name_parts(word, syl, entries, kind)
        return _dictionary_word(word, syl)
    if entries:  # a weak name: its words apart (日电 -> rì diàn, 中国海 -> Zhōngguó hǎi), each
        # capitalised where the article names it (劳动新闻 "Rodong Sinmun": Láodòng Xīnwén)
        pieces, ends = ev.split(word) or tuple(word), []
        for piece in pieces:
            ends.append((ends[-1] if ends else 0) + len(piece))
        return [(groups, cap or bool(kind)) for piece, end in zip(pieces, ends)
                for groups, cap in _parts(piece, syl[end - len(piece):end])]
    return _unknown(word, syl, kind, english)


def _dictionary_word(word: str, syl: tuple[str, ...], cap: bool = False) -> list[Part]:
    """A common CEDICT word: joined up to three syllables; a longer one as its words."""
    n = len(word)
    if n <= 3:
        return [((syl,), cap)]
    if n == 4 and word[0] == word[1] and word[2] == word[3]:  # AABB: fāngfāng-miànmiàn
        return [((syl[:2], syl[2:]), cap)]
    if all(len(p) == 1 for p in ev.split(word)):  # no word inside: one word (阿亚图拉 āyàtúlā)
        return [((syl,), cap)]
    pieces = _runs(ev.split(word), lambda a, b: len(a) == len(b) == 1)  # lone characters: 航空 母舰
    if n == 4 and len(pieces) > 2 and (ev.lookup(word[:2]) or ev.lookup(word[2:])):
        pieces = (word[:2], word[2:])  # 航空 母舰: two and two
    if not pieces:
        return [((syl,), cap)]
    out: list[Part] = []
    at, pending = 0, ()  # a lone first character waits for the next word
    for piece in pieces:
        sub = _parts(piece, syl[at:at + len(piece)])
        at += len(piece)
        if len(piece) == 1:
            if out and len(out[-1][0]) == 1:
                out[-1] = ((out[-1][0][0] + sub[0][0][0],), out[-1][1])
            else:
                pending += sub[0][0][0]
            continue
        if pending and len(sub[0][0]) == 1:
            sub[0] = ((pending + sub[0][0][0],), sub[0][1])
            pending = ()
        out.extend(sub)
    out += [((pending,), False)] if pending else []
    if len(out) == 1 and len(out[0][0]) == 1:  # one word after all: as CEDICT writes it
        return [((syl,), cap)]
    return [(groups, c or cap) for groups, c in out]


def _idiom(word: str, syl: tuple[str, ...]) -> list[Part]:
    if len(word) == 4:
        joined = ev.pos_tag(word[1]).startswith(_BINDS_IDIOM)
        return [((syl,), False)] if joined else [((syl[:2], syl[2:]), False)]
    return _cut(syl, list(itertools.accumulate(map(len, ev.split(word) or tuple(word)))), cap=False)


def _name_parts(word: str, syl: tuple[str, ...], entries, kind: str) -> list[Part]:
    """A CEDICT name: words where CEDICT capitalises, abbreviations and generics joined."""
    caps = ev.capitals(entries, len(word))
    breaks = set().union(*(ev.gloss_breaks(e.glosses, syl) for e in entries))
    if len(word) >= 3 and (caps[-1] or word[-1] in _GENERICS) and _name_of_its_own(word[:-1], listed=not caps[-1]):
        caps[-1] = True  # 柏林墙 Bólín Qiáng, 科罗拉多州 Kēluólāduō Zhōu
        breaks.add(len(word) - 1)
    if _generic_apart(word, syl, entries, caps):  # 黄海 Huáng Hǎi, 太平洋 Tàipíng Yáng
        breaks.add(len(word) - 1)
    if caps[1:2] == [True] and _person(word) == (1, len(word)) and any(cedict.LIFESPAN.search(g) for e in entries for g in e.glosses):
        breaks.add(1)  # a person's surname apart, whatever the English spells: 金正男 Jīn Zhèngnán "Kim Jong-nam"
    ordinal = _ordinal(word)
    if ordinal:  # 第二次世界大战: Dì-èr Cì Shìjiè Dàzhàn
        caps[ordinal] = True
        breaks.update((ordinal, ordinal + 1))
    starts = [0] + [i for i in range(1, len(word)) if caps[i]]
    spans = [[a, b] for a, b in zip(starts, starts[1:] + [len(word)])]
    # capitalised single syllables: a run of them is one abbreviation, one after a word joins it,
    # but a run after a word is a word of its own (联合国 教科文 组织: Liánhéguó Jiàokēwén Zǔzhī)
    groups: list[list[int]] = []
    abbreviation = False  # the last group is a run of capitalised single syllables
    for k, (a, b) in enumerate(spans):
        single = b - a == 1 and caps[a] and a not in breaks
        if groups and single:
            ga, gb = groups[-1]
            run = k + 1 < len(spans) and spans[k + 1][1] - spans[k + 1][0] == 1 and caps[spans[k + 1][0]]
            if abbreviation or (gb - ga == 1 and caps[ga]) or (gb - ga >= 2 and not run):
                groups[-1][1] = b
                continue
        groups.append([a, b])
        abbreviation = single
    # a single syllable before a word: joins it, unless that word is a name of its own
    merged: list[list[int]] = []
    i = 0
    while i < len(groups):
        a, b = groups[i]
        if (b - a == 1 and i + 1 < len(groups) and b not in breaks and not ev.is_name(ev.lookup(word[b:groups[i + 1][1]]))
                and not ev.is_name(ev.lookup(word[b:]))):  # 西 太平洋: the rest a name of its own
            merged.append([a, groups[i + 1][1]])
            i += 2
            continue
        merged.append([a, b])
        i += 1
    # every word capitalised in a name, not in a phrase CC-CEDICT explains in lowercase English:
    # 美国人民 "the American people" is Měiguó rénmín
    all_caps = (kind in ("place", "organisation", "name", "person") or ev.pos_tag(word) in _NAME_TAGS - {"nr", "nrt"}) \
        and not all(g[:1].islower() for e in entries for g in e.glosses)
    out: list[Part] = []
    for n, (a, b) in enumerate(merged):
        cap = n == 0 or caps[a] or all_caps
        piece = word[a:b]
        tail = _name_tail(piece) if b - a >= 4 else ()
        if tail:  # 马克思主义: Mǎkèsī zhǔyì
            at = a
            for k, sub in enumerate(tail):
                out.append(((syl[at:at + len(sub)],), cap if k == 0 else all_caps))
                at += len(sub)
        elif a == 0 and b == ordinal:
            out.append(((syl[:1], syl[1:b]), _FIRST))
        else:
            out.append(((syl[a:b],), cap))
    return out


def _generic_apart(word: str, syl: tuple[str, ...], entries, caps: Sequence[bool]) -> bool:
    """GB/T 16159 writes a place name's generic apart from its proper part (Huáng Hǎi, Tàipíng
    Yáng, Cháng Jiāng). CC-CEDICT marks such a generic by capitalising it (Huang2 Hai3) and by
    naming it in the gloss ("Yellow Sea", "Bohai Sea"); a gloss that romanises the whole as
    one word and names no generic (北海 "Beihai", a park) keeps it joined, and a person's name
    (宋江 "Song Jiang") names none."""
    if len(word) < 2 or not caps[-1] or word[-1] not in _GENERIC_ENGLISH:
        return False
    generic = _GENERIC_ENGLISH[word[-1]]
    named = False
    for gloss in (g for e in entries for g in e.glosses):
        says_generic = bool(generic & set(re.findall(r"[a-z]+", ev.gloss_head(gloss).lower())))
        if ev.romanised(gloss, syl) == (len(syl),) and not says_generic:
            return False
        named = named or says_generic
    return named


def _ordinal(word: str) -> int:
    """Where 第 and the numeral after it end (第二次 -> 2), or 0."""
    n = 1 if word[:1] == "第" else 0
    while n and n < len(word) and word[n] in _NUMERALS:
        n += 1
    return n if n >= 2 and n < len(word) else 0


def _name_of_its_own(word: str, listed: bool) -> bool:
    """``word`` is a CEDICT name (柏林), or, for a listed generic after it, a transliteration."""
    return ev.is_name(ev.lookup(word)) or (listed and ev.sounds_foreign(word))


def _coordination(entries, n: int) -> bool:
    """Names of one syllable each in coordination, glossed so: 中美 "China-USA", 美朝 "US
    and North Korea", 朝韩 "North and South Korea"."""
    return n >= 2 and all(ev.capitals(entries, n)) and all(
        re.match(r"^[A-Z][\w.]*(?:-| and )[A-Z]", g) for e in entries for g in e.glosses
    )


def _abbreviation(char: str) -> bool:
    """CEDICT has ``char`` as a name abbreviating one: 日 "abbr. for 日本, Japan"."""
    return any(e.pinyin[:1].isupper() and any(g.startswith("abbr. for") for g in e.glosses) for e in ev.lookup(char))


def _name_tail(piece: str) -> tuple[str, ...]:
    """A name followed by common words (马克思 主义), or ()."""
    parts = ev.split(piece)
    if len(parts) < 2 or not ev.is_name(ev.lookup(parts[0])):
        return ()
    if all(len(p) >= 2 and ev.lookup(p) and not ev.is_name(ev.lookup(p)) for p in parts[1:]):
        return parts
    return ()


def _unknown(word: str, syl: tuple[str, ...], kind: str, english: str = "") -> list[Part]:
    """A token CEDICT lacks: a person, a foreign name, or words. A person the article's
    English writes as one word that is not its pinyin is foreign, one word: 哈立德
    "Khalid" is Hālìdé, not the surname 哈 and a given name 立德."""
    if kind in ("person", "name") and english and " " not in english.strip() and not ev.romanised(english, syl):
        return [((syl,), True)]
    tag = ev.pos_tag(word)
    pieces = _runs(ev.split(word), lambda a, b: ev.pos_tag(a) == ev.pos_tag(b) == "m")  # a number: 第四十八
    first = pieces[0] if pieces else ""  # (no pieces where CC-CEDICT cuts no word out: 一澪)
    if kind and len(english.split()) >= 2 and len(first) >= 2 and len(word) - len(first) >= 2 and any(
            _names_word(ev.gloss_head(g).lower(), english.split()[0].lower()) for e in ev.lookup(first) if ev.is_name((e,))
            for g in e.glosses):  # a name the English writes as two, the first a dictionary's: 沙特阿美 Shātè Āměi
        return _parts(first, syl[:len(first)]) + [((syl[len(first):],), True)]  # "Saudi Aramco", 伊斯兰 "Islamic" Maghreb
    if len(pieces) == 1 and len(word) > 1:  # 第四十八: one number
        return [((syl,), False)]
    common = [p for p in pieces if len(p) >= 2 and not ev.is_name(ev.lookup(p))]
    if kind or tag in ("nr", "nrfg", "nrt"):  # 马科斯 holds 马科 "Equidae", 恰普林卡 林卡 "garden"
        common = [p for p in common if not ev.sounds_foreign(p) and p not in ev.COMPOUND_SURNAMES]
    if not common:
        if kind == "person" or tag in _PERSON_TAGS:
            sizes = _person(word)
            if sizes:
                return _cut(syl, sizes, cap=True)
        if len(word) == 4 and tag == "i":  # 兵凶战危
            return _idiom(word, syl)
        foreign = ev.foreignness(word, 0)
        if (kind or tag in _NAME_TAGS) and foreign >= ev.FOREIGN:
            return [((syl,), True)]
        if not tag and len(word) >= 3 and foreign >= ev.FOREIGN and (
            foreign >= 2 * ev.FOREIGN or any(ev.is_name(ev.lookup(p)) for p in pieces)
        ):
            return [((syl,), True)]  # a word jieba's tagger cannot place: 布林肯 (布 + 林肯 Lincoln)
        if 2 <= len(word) <= 3 and all(_abbreviation(c) for c in word):  # 越新: Yuè-Xīn
            return [(tuple(syl[i:i + 1] for i in range(len(word))), True)]
        if (kind == "person" or tag in ("nr", "")) and len(word) == 4:
            return _cut(syl, (2, 4), cap=True)  # 岸田文雄: Japanese, two and two
        if all(len(p) == 1 for p in pieces):  # characters jieba joined
            place = len(word) > 2 and tag in ("ns", "nr", "nrt")
            if place and word[-1] in _GENERICS and _name_of_its_own(word[:-1], listed=True):
                return _cut(syl, (len(word) - 1,), cap=True)  # 第聂伯河 Dìnièbó Hé
            if len(word) <= 2 or kind or place:
                return [((syl,), bool(kind) or place)]
            return _parts(word[0], syl[:1]) + _cut(syl[1:], range(2, len(syl), 2), cap=False)  # 放 冬假
    if kind:
        named = True
    elif tag in ("ns", "nt", "nz"):  # 湖南日报, 伊斯兰共和国
        named = ev.pos_tag(pieces[0]) == "m" or any(len(p) >= 2 and ev.is_name(ev.lookup(p)) for p in pieces)
    else:  # 越南人, 二十大 (nrt), not 上周四 (nr)
        named = tag in _NAME_TAGS and (ev.pos_tag(pieces[0]) == "m" or ev.is_name(ev.lookup(pieces[0])))
    out: list[Part] = []
    at, lead = 0, ()
    for i, piece in enumerate(pieces):
        sub = _parts(piece, syl[at:at + len(piece)])
        at += len(piece)
        single = len(piece) == 1 and len(sub) == 1 and len(sub[0][0]) == 1
        if single and out and not lead and len(out[-1][0]) == 1 and (  # a waiting prefix goes first
            ev.pos_tag(piece) in _JOINS_BEFORE or (named and i == len(pieces) - 1 and ev.pos_tag(pieces[i - 1]) != "m")
        ):
            out[-1] = ((out[-1][0][0] + sub[0][0][0],), out[-1][1])
            continue
        if single and ev.pos_tag(piece) == "h" and i + 1 < len(pieces):
            lead += sub[0][0][0]
            continue
        if lead:  # the waiting prefix joins the next word, or stands alone before it
            if len(sub[0][0]) == 1:
                sub[0] = ((lead + sub[0][0][0],), sub[0][1])
            else:
                out.append(((lead,), False))
            lead = ()
        out.extend(sub)
    out += [((lead,), False)] if lead else []
    return [(groups, True) for groups, _ in out] if named else out


def _names_word(name: str, word: str) -> bool:
    """Whether an English ``word`` is the dictionary's ``name`` or a form of it ("Islamic" of
    "Islam", "Saudi" of "Saudi")."""
    return word == name or (len(name) >= 4 and " " not in name and word.startswith(name))


def _runs(pieces: tuple[str, ...], together) -> tuple[str, ...]:
    """Neighbouring pieces ``together(previous, piece)`` says are one word, joined."""
    out: list[str] = []
    for piece in pieces:
        if out and together(out[-1], piece):
            out[-1] += piece
        else:
            out.append(piece)
    return tuple(out)


def _person(word: str) -> tuple[int, ...] | None:
    """Where a Chinese name's surname ends, as cut sizes, or None when it is not one."""
    if word[:2] in ev.COMPOUND_SURNAMES and 3 <= len(word) <= 4:
        return (2, len(word))
    if word[0] in ev.SURNAMES and 2 <= len(word) <= 3 and ev.foreignness(word, 1) < ev.FOREIGN:
        return (1, len(word))
    return None


def _cut(syl: tuple[str, ...], ends: Sequence[int], cap: bool) -> list[Part]:
    """``syl`` as words ending at ``ends``, all capitalised or none."""
    bounds = [0] + [e for e in ends if 0 < e < len(syl)] + [len(syl)]
    return [((syl[a:b],), cap) for a, b in zip(bounds, bounds[1:]) if b > a]
