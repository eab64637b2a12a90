"""Names in the English sentence: its runs of capitalised words, where it spells a Chinese
name in pinyin (王琦瑶 "Wang Qiyao"), or writes the foreign name that characters
transliterate (马科斯 "Marcos"), told by the consonants both keep."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence

from flashcards.lexicon import dictionary
from flashcards.reading.word_evidence import gloss_head, plain
from flashcards.terms.context_gloss import LETTER, LOWER, UPPER
from flashcards.terms.word_forms import common_english
from flashcards.terms.unit import NAME_DOTS, name_parts

# the small words inside a name: Hafez al-Assad, Osama bin Laden, Ursula von der Leyen
_NAME_PARTICLE = r"(?:al|el|bin|ibn|de|da|di|du|del|der|den|van|von|dos|das|la|le)"
CAPITALISED_RUN = re.compile(  # Kuo Chun-te: a Wade-Giles given name
    rf"[{UPPER}][{LETTER}]*(?:-[{LOWER}]+)*"
    rf"(?:(?:[-' ]{_NAME_PARTICLE}(?=[-' ]))*[-' ][{UPPER}][{LETTER}]*(?:-[{LOWER}]+)*)*")
_LETTERS = re.compile(rf"[{LETTER}]+")
_NAME_WORD = re.compile(rf"(?<!['’])[{LETTER}]+(?:['-](?!s\b)[{LETTER}]+)*")  # O'Brien; Berlin of "Berlin's"
_CAPITALISED_WORD = re.compile(rf"[{UPPER}][\w'-]*")
_NOT_LOWER = re.compile(r"[^a-z]")


def pinyin_span(sentence: str, syllables: Sequence[str]) -> tuple[int, int] | None:
    """Where ``sentence`` writes a Chinese name in pinyin: 王琦瑶 -> "Wang Qiyao".

    The name may be written surname first or last, in one to four capitalised words; a
    word that opens the sentence counts ("He Lifeng said": a spelling this exact is no
    capitalised "He").
    """
    if len(syllables) < 2:
        return None
    toneless = [plain(s) for s in syllables]
    targets = {"".join(toneless), "".join(toneless[1:] + toneless[:1])}
    for start, end in (m.span() for m in CAPITALISED_RUN.finditer(sentence)):
        words = list(_NAME_WORD.finditer(sentence[start:end]))
        for i in range(len(words)):
            for j in range(i, min(len(words), i + 4)):
                joined = _NOT_LOWER.sub("", "".join(w.group() for w in words[i:j + 1]).lower())
                if joined in targets:
                    return start + words[i].start(), start + words[j].end()
    return None


# --- transliterated names ------------------------------------------------------------
# A foreign name written in characters keeps the consonants of its English form, more
# or less: 马科斯 Mǎkēsī ~ Marcos, 布林肯 Bùlínkěn ~ Blinken, 莱西 Láixī ~ Raisi. Both
# sides are reduced to classes of consonants that transliteration maps onto each other
# (r and l are one class, as are the sibilants and affricates, b and p, d and t ...); y
# and w are left out, as vowels often begin with them on one side only.
_PINYIN_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
                    "z", "c", "s")
_INITIAL_CLASS = {"b": "P", "p": "P", "m": "M", "f": "F", "d": "T", "t": "T", "n": "N", "l": "L", "r": "L",
                  "g": "K", "k": "K", "h": "H", "j": "J", "q": "S", "x": "S", "zh": "S", "ch": "S", "sh": "S",
                  "z": "S", "c": "S", "s": "S"}
# th is rendered as t (托马斯 Thomas) or as s (史密斯 Smith, 撒切尔 Thatcher, 胡塞 Houthi), and g
# before e, i or y as g or j (吉尔伯特 Gilbert, 乔治 George)
_TH = "Θ"
_SOFT_G = "Ǵ"
_DOUBLED = re.compile(r"([b-df-hj-np-tv-z])\1")
_ENGLISH_SOUNDS = re.compile(r"ph|sh|ch|th|ck|gh|[bcdfghjklmnpqrstvxz]|[aeiouwy]+")
_ENGLISH_CLASS = {"ph": "F", "sh": "S", "ch": "S", "th": _TH, "ck": "K", "gh": "", "b": "P", "p": "P", "d": "T",
                  "t": "T", "g": "K", "k": "K", "q": "K", "c": "K", "j": "S", "s": "S", "z": "S", "x": "KS", "m": "M",
                  "n": "N", "l": "L", "r": "L", "f": "F", "v": "F", "h": "H"}


def _initial(base: str) -> str:
    """The initial consonant of a toneless pinyin syllable, "" for one that begins with a
    vowel, y or w (阿 a, 伊 yi, 乌 wu)."""
    return next((i for i in _PINYIN_INITIALS if base.startswith(i)), "")


def _pinyin_consonants(syllables: Sequence[str]) -> str:
    out = []
    for k, syllable in enumerate(syllables):
        base = plain(syllable)
        if base in ("er", "r"):
            out.append("L")  # 尔 renders an English r or l
            continue
        initial = _initial(base)
        # a last syllable of a vowel and n renders a final n: 恩 of 阿德恩 "Ardern"
        last_n = not initial and base.endswith("n") and k == len(syllables) - 1 > 0
        out.append("N" if last_n else _INITIAL_CLASS.get(initial, ""))
    return "".join(out)


@functools.lru_cache(maxsize=1 << 14)
def _english_consonants(word: str, rhotic: bool = True) -> str:
    """The consonant classes of ``word``; not ``rhotic``, without an r after a vowel and
    before a consonant, which a transliteration may not sound (阿德恩 Ardern, 卡特 Carter)
    or may (博尔诺 Borno)."""
    out = []
    bare = "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))
    bare = _DOUBLED.sub(r"\1", bare)  # a doubled letter is one sound: Flynn, Mattis
    sounds = _ENGLISH_SOUNDS.findall(bare)  # Atatürk as Ataturk
    for k, sound in enumerate(sounds):
        if not rhotic and sound == "r" and k and sounds[k - 1][:1] in "aeiouy" \
                and (k + 1 == len(sounds) or sounds[k + 1][:1] not in "aeiouwy"):
            continue
        if sound == "c" and k + 1 < len(sounds) and sounds[k + 1][:1] in "eiy":
            out.append("S")  # soft c
        elif sound == "g" and k + 1 < len(sounds) and sounds[k + 1][:1] in "eiy":
            out.append(_SOFT_G)
        else:
            out.append(_ENGLISH_CLASS.get(sound, ""))
    return "".join(out)


def _same(ours: str, theirs: str) -> bool:
    # j renders a j or soft g (杰克 Jack, 吉尔伯特 Gilbert) and a hard g or k too (加 of 穆加贝
    # Mugabe, 加沙 Gaza; 吉 of 吉尔吉斯 Kyrgyz)
    return ours == theirs or (theirs == _TH and ours in "TS") or (theirs == _SOFT_G and ours in "KSJ") \
        or (ours == "J" and theirs in "SK")


def _common_subsequence(a: str, b: str) -> int:
    row = [0] * (len(b) + 1)
    for x in a:
        previous = 0
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], previous + 1 if _same(x, y) else max(row[j], row[j - 1])
    return row[-1]


def sound_match(syllables: Sequence[str], english: str) -> float:
    """How well ``english`` sounds like the name ``syllables`` transliterate: 0 when it
    cannot be that name, else the share of the name's consonants found, in order, among
    the English ones plus the share of the English ones they are (2.0 at best). It can
    be that name when both begin with the same consonant, at least three quarters of
    the name's consonants are found and they are at least three fifths of the English."""
    ours = _pinyin_consonants(syllables)
    if len(ours) < 2:
        return 0.0
    if english[:1].lower() in "aeiou" and _initial(plain(syllables[0])):
        return 0.0  # a name that begins with a vowel is written from one (阿德恩 Ardern; 德布 is no "Artb")
    best = 0.0
    for theirs in {_english_consonants(english), _english_consonants(english, rhotic=False)}:
        if not theirs or not _same_onset(ours[0], theirs[0]):
            continue
        common = _common_subsequence(ours, theirs)
        if common >= 0.75 * len(ours) and common >= 0.6 * len(theirs):
            best = max(best, common / len(ours) + common / len(theirs))
    return best


def starts_like(syllables: Sequence[str], english: str) -> int | None:
    """Where in ``english`` (a run of capitalised words) the first word begins that starts
    as the name ``syllables`` transliterate does: the same class of first consonant, or a
    vowel (y, w) on both sides (巴育 "Prayuth", 英拉 "Yingluck" of "Minister Yingluck
    Shinawatra"); None when no word does. Evidence for a short name only where its
    sentence leaves no other name to take."""
    if not syllables:
        return None
    for word in _NAME_WORD.finditer(english):
        if common_english(word.group().lower()):
            continue  # a title before the name
        return word.start() if _onset_agrees(syllables, word.group()) else None
    return None


def _onset_agrees(syllables: Sequence[str], word: str) -> bool:
    """Whether ``word`` starts as the name ``syllables`` transliterate does (see :func:`starts_like`)."""
    ours = _INITIAL_CLASS.get(_initial(plain(syllables[0])), "")
    theirs = _english_consonants(word[:3])[:1] if word[:1].lower() not in "aeiouwy" else ""
    return bool(ours and theirs and _same_onset(ours, theirs)) or (not ours and not theirs)


def _word_before(span: tuple[int, ...] | None, sentence: str) -> re.Match | None:
    """The capitalised word right before ``span``, one space between (Will of "Will Ripley")."""
    if span is None or span[0] < 2 or sentence[span[0] - 1] != " ":
        return None
    word = re.search(rf"[{LETTER}]+(?:['-][{LETTER}]+)*$", sentence[:span[0] - 1])
    return word if word and word.group()[:1].isupper() else None


def sounds_alike(syllables: Sequence[str], english: str) -> bool:
    """Could ``english`` be the name that ``syllables`` transliterate (see :func:`sound_match`)?"""
    return sound_match(syllables, english) > 0


def spelt(english: str, syllables: Sequence[str]) -> str:
    """``english`` where it spells ``syllables``, in pinyin or as the foreign name they
    transliterate, else "": what the name's pinyin may follow. "Trinket" translates 韦小宝
    and says nothing of how to write it."""
    return english if english and (pinyin_span(english, syllables) or sounds_alike(syllables, english)) else ""


# A nationality or language is no one's name ("Vietnamese" sounds like 范明政).
POSSESSIVE = re.compile(r"['’]s ")
_DEMONYM = re.compile(r"(?:ese|ians?|ish)\b")
_PEOPLE = ("n", "an", "ian", "ese", "i", "ns", "ans", "ians", "is")  # Korea-n, Syria-n, Iran-ian, Japan-ese, Iraq-i


def _same_onset(ours: str, theirs: str) -> bool:
    """A transliteration keeps the name's first consonant (h may render kh: 哈梅内伊 Khamenei)."""
    return _same(ours, theirs) or {ours, theirs} == {"H", "K"}


def transliteration_match(sentence: str, syllables: Sequence[str]) -> tuple[int, int, float] | None:
    """Where ``sentence`` writes the foreign name that ``syllables`` transliterate, as
    one to three capitalised words (马科斯 -> "Marcos", 瓦格纳 -> "Wagner"), and its
    :func:`sound_match`; the closest-sounding wins, and of two as close the rarer English
    (爱莉安娜 is "Ariana", not the "Arena" before it)."""
    best = None
    for start, end in _runs_and_possessives(sentence):
        words = list(_NAME_WORD.finditer(sentence[start:end]))
        for i in range(len(words)):
            for j in range(i, min(len(words), i + 3)):
                text = sentence[start + words[i].start():start + words[j].end()]
                common = i == j and common_english(text.lower())  # one everyday word is no name; "Jack Smith" is
                score = 0.0 if common or _DEMONYM.search(text) else sound_match(syllables, text)
                if score and (best is None or score > best[2] or (
                        score == best[2] and _english_zipf(text) < _english_zipf(sentence[best[0]:best[1]]))):
                    best = (start + words[i].start(), start + words[j].end(), score)
    return best


def _english_zipf(text: str) -> float:
    from flashcards.lexicon.frequency import zipf

    return max(zipf(w.lower(), "en") for w in text.split())


def _runs_and_possessives(sentence: str) -> list[tuple[int, int]]:
    """The capitalised runs of ``sentence``, and each pair of them a possessive joins: the
    name of a place may be one ("Cox's Bazar", 科克斯巴扎尔), which only the sound tells from a
    person's ("Biden's America")."""
    runs = capitalised_runs(sentence)
    joined = [(a[0], b[1]) for a, b in zip(runs, runs[1:]) if POSSESSIVE.fullmatch(sentence, a[1], b[0])]
    return runs + joined


def written_name(sentence: str, syllables: Sequence[str]) -> tuple[int, int, float] | None:
    """Where ``sentence`` writes ``syllables`` as a name, and how surely: spelt out in
    pinyin (王琦瑶 "Wang Qiyao": 3.0, more than any sound match), else as the foreign name
    they transliterate (:func:`transliteration_match`)."""
    span = pinyin_span(sentence, syllables)
    return (*span, 3.0) if span else transliteration_match(sentence, syllables)


def parts_named(name: str, syllables: Sequence[str], sentence: str) -> tuple[int, int, float] | None:
    """Where ``sentence`` writes a name the Chinese writes in parts (``name``, read
    ``syllables``), each part as the English writes it, word after word: 约翰·克里 "John
    Kerry", whose 约翰 is CC-CEDICT's "John" (yuē and John share no consonant), 克里 the
    sound of "Kerry"."""
    pieces = name_parts(name)
    if len(pieces) < 2 or not any(c in NAME_DOTS for c in name):
        return None
    spans: list[tuple[int, int]] = []
    at = 0
    first: tuple[str, ...] = ()  # the first part's syllables, where only the word before the second can be it
    for piece in pieces:
        piece_syllables = tuple(syllables[at:at + len(piece)])
        at += len(piece)
        span = named_as(piece, sentence, spans[-1][1] if spans else 0) or written_name(sentence, piece_syllables)
        if span is None and not spans and not first:
            first = piece_syllables  # "Will" starts the sentence, so it is no candidate name (威尔·雷普利 "Will Ripley")
            continue
        if first:
            before = _word_before(span, sentence)
            if before is None or not _onset_agrees(first, before.group()):
                return None
            spans.append(before.span())
            first = ()
        if spans and not _next_to(span, spans[-1], sentence):
            # the next word, where it starts as the part does: Morawiecki of 莫拉维茨基
            word = _NAME_WORD.match(sentence, spans[-1][1] + 1) if sentence[spans[-1][1]:spans[-1][1] + 1] == " " else None
            span = word.span() if word and starts_like(piece_syllables, word.group()) == 0 else None
        if span is None or (spans and not _next_to(span, spans[-1], sentence)):
            return None  # not word after word
        spans.append(span[:2])
    return spans[0][0], spans[-1][1], 1.0


_MIDDLE_NAME = re.compile(rf" (?:[{UPPER}]\.|[{UPPER}][{LOWER}]+) ")  # "Lloyd J. Austin", "Robert Gabriel Mugabe"


def _next_to(span, before: tuple[int, int], sentence: str) -> bool:
    """Whether ``span`` is the word right after ``before``, a space or hyphen between, or
    a middle name or initial the Chinese leaves out (罗伯特·穆加贝 "Robert Gabriel Mugabe")."""
    if span is None or span[0] <= before[1]:
        return False
    gap = sentence[before[1]:span[0]]
    return not gap.strip(" -") or bool(_MIDDLE_NAME.fullmatch(gap))


def named_as(text: str, sentence: str, after: int = 0) -> tuple[int, int] | None:
    """Where ``sentence`` writes (from ``after`` on) a capitalised word of the glosses of
    ``text``, a name in CC-CEDICT ("John" of 约翰; "Mugabe" of 穆加贝 "Robert Mugabe" after
    the "Robert" of 罗伯特)."""
    info = dictionary.word_info(text) if len(text) >= 2 and dictionary.is_han(text) else None
    if not (info and info.proper):
        return None
    for gloss in info.english:
        for word in _CAPITALISED_WORD.findall(gloss_head(gloss)):
            found = re.compile(rf"(?<![{LETTER}]){re.escape(word)}(?![{LETTER}])").search(sentence, after)
            if found:
                return found.span()
    return None


def transliteration_span(sentence: str, syllables: Sequence[str]) -> tuple[int, int] | None:
    """The span of :func:`transliteration_match`, without its score."""
    found = transliteration_match(sentence, syllables)
    return found[:2] if found else None


def named_in(glosses: Sequence[str], english: str) -> bool:
    """Some capitalised word of the ``glosses`` (their first clause) is in ``english``, or
    one spelt nearly alike is: the same first four letters, the length within two
    (CEDICT's "Donbass", the article's "Donbas"; "Shanshang" is not "Shan"), or a letter
    apart (CEDICT's "Gaddafi", the article's "Gadhafi"), or its people's adjective
    ("Iranian-supported" names "Iran", "Ukrainian" "Ukraine"). One letter
    names nothing: the "I" of "World War I" (一战) is not the pronoun of "I think"."""
    words, prefixes = _capitalised(english)
    for gloss in glosses:
        for w in _CAPITALISED_WORD.findall(gloss_head(gloss)):
            w = w.lower()
            if len(w) < 2:
                continue
            if w in words or (len(w) >= 4 and any(abs(n - len(w)) <= 2 for n in prefixes.get(w[:4], ()))) \
                    or (len(w) >= 4 and any(stem + ending in words for stem in (w, w[:-1]) for ending in _PEOPLE)) \
                    or (len(w) >= 6 and any(_spelt_alike(w, other) for other in words if other[:2] == w[:2])):
                return True
    return False


def _spelt_alike(a: str, b: str) -> bool:
    """Two romanisations of one name, a letter apart: "Gaddafi" and "Gadhafi" (not "Hardie"
    and "Hadi", nor "state" and "start")."""
    return abs(len(a) - len(b)) <= 1 and difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


@functools.lru_cache(maxsize=64)
def _capitalised(english: str) -> tuple[frozenset[str], dict[str, set[int]]]:
    """The capitalised words of an article's English, lower-cased, and the lengths of those
    sharing each four-letter prefix: found once per article, not once per name looked for."""
    words = frozenset(part for w in _CAPITALISED_WORD.findall(english) for part in (w.lower(), w.lower().split("-")[0]))
    prefixes: dict[str, set[int]] = defaultdict(set)
    for w in words:
        if len(w) >= 4:
            prefixes[w[:4]].add(len(w))
    return words, prefixes


# --- runs of capitalised words ---------------------------------------------------------


def capitalised_runs(sentence: str) -> list[tuple[int, int]]:
    """Character spans of runs of capitalised words (candidate English names).

    A common word that only is capitalised because it starts a sentence
    ("During the Fumio Kishida administration") is left out.
    """
    runs: list[tuple[int, int]] = []
    for m in CAPITALISED_RUN.finditer(sentence):
        start, end = m.start(), m.end()
        before = sentence[:start].rstrip()
        sentence_start = not before or before[-1] in ".!?\"“(:"
        first = _LETTERS.match(sentence, start, end).group()
        if sentence_start and common_english(first.lower()):
            rest = sentence[start + len(first):end].lstrip(" -'")
            if not rest:
                continue
            start = end - len(rest)
        runs.append((start, end))
    return runs


@functools.lru_cache(maxsize=64)
def _runs_of(english: str) -> frozenset[str]:
    return frozenset(english[a:b] for a, b in capitalised_runs(english))


def written_as_name(rendering: str, english: str) -> bool:
    """Whether ``rendering`` is two words or more that ``english`` writes as a name: one
    whole run of capitalised words in running text ("the National Resistance Front says"),
    not a piece of a run ("Annual Military" of a headline in title case)."""
    return " " in rendering.strip() and rendering in _runs_of(english)
