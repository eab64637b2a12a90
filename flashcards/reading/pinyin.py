"""Pinyin in context: one tone-marked syllable for every Han character of a text.

Which source reads a character, highest first:

1. a curated phrase (the glossary's reading of a term) — never re-read; and a word that
   CC-CEDICT reads with different full tones which curated terms (two at least) begin or
   end with, all reading it alike: 分子 is fènzǐ in 恐怖分子, 极端分子 and the rest, so it is
   fènzǐ "member of a group" standing alone in 恐怖主义|分子, not the model's fēnzǐ "molecule";
2. pypinyin's phrase dictionary, for a phrase (two or more characters) found inside
   a jieba word, where CC-CEDICT's words within that phrase read the character the
   same way and no other: two dictionaries agreeing is the most reliable signal
   there is (中将, 给予, 补给线 ...; only the longest CC-CEDICT words covering a character
   count: 知识分子 reads fèn, whatever 分子 alone may be; CC-CEDICT's unstressed 模糊 mo2 hu5 agrees with
   pypinyin's mó hú, read word by word), except that a noun suffix or particle
   (子, 头, 儿, 得, 着 ...) CC-CEDICT reads unstressed is (小伙子 xiǎohuǒzi, not zǐ).
   Where they disagree, pypinyin's phrase data is often wrong (率部 lǜ, 一场 cháng)
   and the model decides; where CC-CEDICT has no word there (军长, 过长), the phrase
   stands unless the model is sure (see below);
3. a jieba word that pypinyin's phrases miss, as CC-CEDICT reads it as a common word
   where it gives one reading in a full tone (尊重 zūnzhòng), unless the model is sure;
   an unstressed suffix or particle there (褂子 guàzi) is never re-read by the model;
   nor is the second of a doubled character CC-CEDICT reads unstressed, a kinship noun or
   a tentative verb, wherever it stands (爸爸 bàba, 舅舅家 jiùjiu jiā, 看看 kànkan);
4. 为, 地, 尽, 率, 长, 得, 着, 都 and 更 standing alone as words, by grammar (the rules are in
   :mod:`flashcards.reading.grammar`): 为 wèi as a preposition followed by a verb in its
   clause, else wéi; 地 de between an adverbial and its verb, else dì
   (the model, trained on encyclopedia text, reads nearly every such 为 as wéi and
   every 地 as dì, which is wrong for the "为 X 提供 Y" and "坚定地支持" of news text);
   尽 before an aspect particle (尽了, 尽过) is the verb jìn "to fulfil, to exhaust"
   (the adverb jǐn never takes one); 率 between a noun and its object is the verb
   shuài "to lead" (部长率团), after a verb or adjective the rate suffix lǜ (拦截/率);
   长 right after X, where CC-CEDICT reads the word X长 only zhǎng (外, 部, 处 ...),
   is that title suffix cut off by segmentation (国外/长); 得 after a verb or adjective
   is the complement particle de (哭得昏昏沉沉), 着 closing V不着/V得着 is zháo, and 都
   alone is the adverb dōu (dū "capital" is bound in words: 首都), 更 alone the adverb
   gèng (gēng "to change" is bound: 更新); the model reads such 得 dé, some 都 dū and
   some 更 gēng; 得 inside a token, after a verb or adjective and in no CC-CEDICT word
   there (睡得 | 着), is that particle too, and so is a 地 ending or starting a token
   after an adverbial (默默地 | 坐在, 慢慢 | 地说). Other 尽, 率, 长, 得, 着 go on;
5. a word jieba's dictionary knows but neither reading dictionary does (旅长, 率团):
   each polyphonic character as CC-CEDICT's words read it in the same place of a word
   (率 opening a word is shuài in every such entry; 长 closing a two-character word is
   zhǎng in nearly two thirds). A near-unanimous place reading stands unless the
   model is sure; a majority one only where the model is unsure (``_UNSURE``);
6. the g2pM model (a small bi-LSTM that ships its weights in its wheel) for every
   character it knows to be polyphonic that (1)-(5) left open: it reads the
   sentence around the character and picks among that character's readings;
7. pypinyin's phrase reading, else its first (most common) reading of the character,
   else CC-CEDICT's.

"Sure" is one threshold (``_SURE``): a reading only one dictionary gives is replaced
by the model's when the model gives its own reading a probability of at least 0.999
among the character's readings. Single-dictionary entries carry their own slips
(CC-CEDICT's 拖拽 tuōyè, pypinyin's unconfirmed phrases); the model is nearly always
confident, and below that level on policy text it is wrong more often than the entry.

Tones are citation tones: pypinyin's phrase dictionary writes 一 and 不 with their
sandhi tones (一个 yí gè), so those two always get their dictionary tone unless a
curated phrase says otherwise, or the CC-CEDICT word they stand in reads 不 unstressed,
as in a potential complement (看不起 kànbuqǐ). The neutral tone has no mark ("le"), ü is "ü".

Traditional text is read through its Simplified form (:func:`segmenter.simplified`, one
character for one, so each syllable lands on the same position of the original): the
segmenter, pypinyin's phrases, the grammar rules and the model all know Simplified, and
the glossary's curated readings are keyed by Simplified headwords. A converted character
keeps the syllable only where it is one of its own readings (``_own_readings``: 髮 is
fà, never 发 fā; 隻 is zhī, never 只 zhǐ). On the CPP dev set converted to Traditional by
OpenCC's s2t (9,893 lines, one target character each) the target is read right 97.78%
of the time so (97.83% without the own-readings check, whose 5 losses are all s2t's
slips: the surname 朴 written 樸, 人参加 written 人蔘加), against 94.01% reading the
Traditional characters directly and 92.88% before the segmenter cut Traditional text
on its Simplified form; the Simplified original scored 97.85%, as it did. With the
unstressed suffixes and the 得/着/都 rules since, the two score 97.77% and 97.84%.

``benchmarks/pinyin_cpp.py`` measures this order against pypinyin alone and g2pM
alone on the CPP polyphone set and on the hand-written in-domain set.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

from flashcards.store import cache
from flashcards.lexicon import cedict
from flashcards.reading import g2pm as pinyin_model, grammar, pypinyin_tables, segmenter
from flashcards.reading.style import from_numbers, is_han, neutral_form, to_numbers, tone

_CITATION = {"一": "yī", "不": "bù"}
_MAX_CONTEXT = 160  # longer texts are read by the model in sentence-sized pieces
_BATCH = 64
_SURE = 0.999  # the model's probability needed to replace a reading only one dictionary gives
_UNSURE = 0.9  # below this probability the model yields to a majority place reading (step 5)
_PLACE_MAJORITY = 0.6  # share of CC-CEDICT's words a place reading needs (step 5) ...
_PLACE_UNANIMOUS = 0.95  # ... and the share at which it stands unless the model is sure
_PLACE_WORDS = 10  # fewest CC-CEDICT words with the character in that place to go by


# ── resources, loaded lazily and once ─────────────────────────────────────────


@functools.cache
def _phrase_dict() -> Mapping[str, list[list[str]]]:
    pypinyin_tables.load()
    from pypinyin.constants import PHRASES_DICT

    return PHRASES_DICT


@functools.cache
def _phrase_cutter():
    pypinyin_tables.load()
    from pypinyin.seg.mmseg import seg

    return seg


@functools.cache
def _single(char: str) -> str | None:
    """pypinyin's most common reading of one character, else CC-CEDICT's first; None if unknown."""
    pypinyin_tables.load()
    from pypinyin.constants import PINYIN_DICT

    readings = PINYIN_DICT.get(ord(char))
    if readings:
        return readings.split(",")[0]
    for numbered in cedict.readings(char):
        if " " not in numbered:
            return from_numbers(numbered)
    return None


@functools.cache
def _cedict_within(phrase: str) -> tuple[frozenset[str], ...]:
    """For each character of ``phrase``: how the longest CC-CEDICT words inside the phrase
    that cover it (two characters or more, the phrase itself included) read it; empty when
    CC-CEDICT knows no such word (补给线: 补给 bǔjǐ reads 给 jǐ; 黄陂: the whole name
    reads 陂; 知识分子: the whole word reads 分 fèn, though 分子 alone is also fēnzǐ)."""
    seen: list[set[str]] = [set() for _ in phrase]
    longest = [0] * len(phrase)  # the length of the longest such word covering each character
    for length in range(len(phrase), 1, -1):
        for a in range(len(phrase) - length + 1):
            word = phrase[a:a + length]
            for numbered in cedict.common_readings(word) or cedict.readings(word):  # (孙子 "grandson" sūnzi)
                parts = numbered.split()
                if len(parts) == len(word):
                    for k, part in enumerate(parts):
                        if longest[a + k] <= length:  # a word inside a longer one says nothing more
                            longest[a + k] = length
                            seen[a + k].add(from_numbers(part))
    return tuple(frozenset(s) for s in seen)


@functools.cache
def _cedict_word(word: str) -> tuple[str | None, ...]:
    """CC-CEDICT's reading of each character of ``word`` as a common word (proper-name
    entries aside), where it gives exactly one, in a full tone or as an unstressed suffix
    (褂子); else None. pypinyin's phrases lack some everyday words (尊重) jieba keeps whole.
    In a word CC-CEDICT has as a name only, a particle's character is no particle: 的 of
    的黎波里 is dì (CC-CEDICT's names are not followed otherwise: their place readings are
    less sure than the model's)."""
    positions = _cedict_positions(word)
    if not any(positions) and len(word) >= 3:
        positions = [s if ch in _UNSTRESSED else set() for ch, s in zip(word, _cedict_positions(word, names=True))]
    return tuple(
        next(iter(s)) if len(s) == 1 and (tone(next(iter(s))) != 5 or (k and word[k] in _UNSTRESSED)) else None
        for k, s in enumerate(positions)
    )


def _cedict_positions(word: str, names: bool = False) -> list[set[str]]:
    """Every syllable CC-CEDICT's common-word entries (or its names) of ``word`` give each
    of its characters."""
    seen: list[set[str]] = [set() for _ in word]
    for entry in cedict.lookup(word):
        parts = entry.pinyin.split()
        if len(parts) == len(word) and parts[0][:1].isupper() == names:
            for k, part in enumerate(parts):
                seen[k].add(from_numbers(part).lower())
    return seen


def _place(index: int, length: int) -> str:
    return "first" if index == 0 else "last" if index == length - 1 else "middle"


@cache.resource("place-readings", cedict.data_version)
def _place_readings() -> Mapping[tuple[str, str], Mapping[str, int]]:
    """(character, place in a word) -> how many CC-CEDICT common words (two characters
    or more) read the character there each way: 率 first {shuài: 12}, 率 last {lǜ: 203,
    shuài: 11}. Counted once per machine, streaming through the file."""
    from collections import Counter, defaultdict

    readings: dict[str, dict[str, None]] = defaultdict(dict)  # headword -> its common-word readings
    for traditional, simplified, numbered in cedict.all_readings():
        if numbered[:1].islower():
            readings[simplified][numbered] = None
            readings[traditional][numbered] = None
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    marked = functools.cache(from_numbers)  # a few thousand syllables, met 300,000 times
    for word, numbered_readings in readings.items():
        if len(word) < 2:
            continue
        for numbered in numbered_readings:
            parts = numbered.split()
            if len(parts) == len(word):
                for k, (ch, part) in enumerate(zip(word, parts)):
                    counts[ch, _place(k, len(word))][marked(part)] += 1
    return {key: dict(value) for key, value in counts.items()}


@functools.cache
def _place_reading(char: str, index: int, length: int) -> tuple[str, float] | None:
    """How CC-CEDICT's words read ``char`` at this place of a word, with the model
    probability needed to overrule that reading; None where the words are too few, split
    or neutral."""
    counts = _place_readings().get((char, _place(index, length)))
    if not counts:
        return None
    total = sum(counts.values())
    best, n = max(counts.items(), key=lambda item: item[1])
    if total < _PLACE_WORDS or tone(best) == 5 or n < _PLACE_MAJORITY * total:
        return None
    return best, (_SURE if n >= _PLACE_UNANIMOUS * total else _UNSURE)


@functools.cache
def _unread_word(token: str) -> bool:
    """A word of jieba's dictionary (旅长, 率团) that neither pypinyin's phrases nor
    CC-CEDICT lists."""
    return (
        len(token) >= 2
        and token in segmenter.word_tags()
        and token not in _phrase_dict()
        and not cedict.readings(token)
    )


def _edge_readings(curated: Mapping[str, tuple[str | None, ...]]) -> dict[str, tuple[set[tuple[str, ...]], int]]:
    """What curated terms begin or end with (two characters or more, not the whole term):
    each piece's readings there and how many terms have it. A piece CC-CEDICT reads with
    different full tones as a common word, which every such term (two at least) reads
    alike, is read so wherever it stands alone (see :meth:`PinyinConverter._edge_reading`):
    分子 of 恐怖分子, 极端分子, 武装分子 ... is fènzǐ "member of a group", so in
    恐怖主义|分子 it is not the model's fēnzǐ "molecule"."""
    edges: dict[str, tuple[set[tuple[str, ...]], int]] = {}
    for term, reading in curated.items():
        if len(term) < 3 or None in reading or len(reading) != len(term):
            continue
        for k in range(2, len(term)):
            for piece, syllables in ((term[:k], reading[:k]), (term[-k:], reading[-k:])):
                seen, count = edges.get(piece, (set(), 0))
                seen.add(tuple(syllables))
                edges[piece] = (seen, count + 1)
    return edges


@functools.cache
def _polyphonic_word(word: str) -> bool:
    """CC-CEDICT reads ``word`` as a common word with different full tones (not only one
    unstressed: 地方 dìfāng "local" and dìfang "place" are one word)."""
    return len({r for r in cedict.common_readings(word) if "5" not in r}) > 1


def _complement_de(token: str, at: int) -> bool:
    """得 inside a token right after a verb or adjective, in no CC-CEDICT word there: the
    complement particle (睡得 | 着, 吃得下), not dé of 获得 or děi of 总得."""
    return at > 0 and not _cedict_within(token)[at] and grammar.verb_or_adjective(token[at - 1])


# ── the converter ─────────────────────────────────────────────────────────────


class PinyinConverter:
    """Reads Chinese text in context.

    ``phrases`` maps a term to its curated reading, one syllable per Han character
    (tone-marked or numbered: ``["zhōng", "jiàng"]`` or ``["zhong1", "jiang4"]``);
    wherever the term comes out of segmentation as one word it is read so.
    Raises ``ValueError`` when a reading does not have one syllable per Han character.
    """

    def __init__(self, phrases: Mapping[str, Sequence[str]] | None = None):
        curated: dict[str, tuple[str | None, ...]] = {}
        for term, reading in (phrases or {}).items():
            syllables = [from_numbers(s).lower() for s in reading if s and s.strip()]
            han = [ch for ch in term if is_han(ch)]
            if not han:
                continue
            if len(syllables) != len(han):
                raise ValueError(f"curated reading of {term!r} has {len(syllables)} syllables for {len(han)} characters")
            queue = iter(syllables)
            curated[term] = tuple(next(queue) if is_han(ch) else None for ch in term)
        self._curated = curated
        self._curated_words = frozenset(curated)
        self._edges = _edge_readings(curated)

    def syllables(self, text: str) -> list[str | None]:
        """One entry per character of ``text``: a tone-marked syllable for each Han character,
        None for any other character (and for the few Han characters no dictionary reads as
        one syllable, such as 兙 "shíkè"). Never raises."""
        return self.syllables_many([text])[0]

    def syllables_many(self, texts: Sequence[str]) -> list[list[str | None]]:
        """``syllables`` for many texts, with one batched pass of the model over all of them.
        A Traditional text is read through its Simplified form (see "Traditional text" above)."""
        simple = [segmenter.simplified(text) for text in texts]
        drafts = [self._draft(text) for text in simple]
        asked = [n for n, (_, ask) in enumerate(drafts) if ask]
        if asked:
            answers = pinyin_model.model().read([(simple[n], sorted(drafts[n][1])) for n in asked], _MAX_CONTEXT, _BATCH)
            for n, readings in zip(asked, answers):
                out, ask = drafts[n]
                for pos, (reading, probability) in readings.items():
                    if probability >= ask[pos]:
                        out[pos] = reading
        for text, converted, (out, _) in zip(texts, simple, drafts):
            if converted != text:
                _own_readings(text, converted, out)
        return [out for out, _ in drafts]

    def model_positions(self, text: str) -> list[int]:
        """Positions of ``text`` the model reads (the rest come from dictionaries alone): those
        it decides, and those where it replaces a one-dictionary reading only when sure."""
        return sorted(self._draft(segmenter.simplified(text))[1])

    def _draft(self, text: str) -> tuple[list[str | None], dict[int, float]]:
        """Readings from the dictionaries, and the positions the model should read, each with
        the probability the model needs to replace the draft reading (0 where it decides)."""
        out: list[str | None] = [None] * len(text)
        ask: dict[int, float] = {}
        if not any(is_han(ch) for ch in text):
            return out, ask
        tokens = segmenter.cut(text, self._curated_words)  # (pieces that rejoin to the text)
        new = [t for t in tokens if t not in self._curated and t not in _TOKEN_READINGS]
        if new:  # what reading them asks the tables, asked together ("\n" ends every phrase)
            pypinyin_tables.ask_ahead("\n".join(new))
        pos = 0
        for token in tokens:
            curated = self._curated.get(token) or self._edge_reading(token)
            if curated is not None:
                out[pos : pos + len(token)] = curated
            else:
                self._read_token(text, token, pos, out, ask)
            pos += len(token)
        return out, ask

    def _edge_reading(self, token: str) -> tuple[str, ...] | None:
        """The one reading curated terms that begin or end with ``token`` give it (see :func:`_edge_readings`)."""
        found = self._edges.get(token)
        if found is None or len(found[0]) != 1 or found[1] < 2 or not _polyphonic_word(token):
            return None
        return next(iter(found[0]))

    @staticmethod
    def _read_token(text: str, token: str, pos: int, out: list[str | None], ask: dict[int, float]) -> None:
        if token in grammar.BY_GRAMMAR:
            reading = grammar.BY_GRAMMAR[token](text, pos)
            if reading is not None:
                out[pos] = reading
                return
        found = _TOKEN_READINGS.get(token)
        if found is None:
            found = _TOKEN_READINGS[token] = _token_reading(token)
        readings, asks = found
        out[pos : pos + len(token)] = readings
        for k, needed in asks:
            ask[pos + k] = needed
        if (at := grammar.adverbial_de(text, pos, token)) is not None:
            out[pos + at] = "de"
            ask.pop(pos + at, None)


def _own_readings(text: str, converted: str, out: list[str | None]) -> None:
    """Where a character of ``text`` was read as its Simplified form (``converted``) and
    that syllable is not one of the character's own (髮 read as 发 fā, 樸 as the surname
    朴 Piáo; a rare character whose Simplified form no dictionary reads), its own most
    common reading instead."""
    for pos, (char, simple) in enumerate(zip(text, converted)):
        if char != simple and not _reads(char, out[pos]):
            out[pos] = _single(char) or out[pos]


def _reads(char: str, syllable: str | None) -> bool:
    """Whether pypinyin or CC-CEDICT read ``char`` as ``syllable`` (a neutral tone: in any
    tone, 個 ge)."""
    if syllable is None:
        return False
    numbered = to_numbers(syllable.lower())
    own = _readings_of(char)
    return numbered in own or any(neutral_form(numbered, r) for r in own)


@functools.cache
def _readings_of(char: str) -> frozenset[str]:
    """Every reading pypinyin or CC-CEDICT gives ``char``, numbered (``ge4``)."""
    pypinyin_tables.load()
    from pypinyin.constants import PINYIN_DICT

    readings = {to_numbers(r) for r in PINYIN_DICT.get(ord(char), "").split(",") if r}
    readings.update(r.lower().replace("u:", "v") for r in cedict.readings(char) if " " not in r)
    return frozenset(readings)


# Each token's reading out of context, as the text's tokens are read: a text repeats its words.
_TOKEN_READINGS: dict[str, tuple[tuple[str | None, ...], tuple[tuple[int, float], ...]]] = {}


def _token_reading(token: str) -> tuple[tuple[str | None, ...], tuple[tuple[int, float], ...]]:
    """The dictionaries' reading of one token out of context (None where not Han), and
    the offsets the model should read, each with the probability it needs to replace
    that reading (0 where it decides)."""
    model = pinyin_model.model()
    phrases = _phrase_dict()
    word = _cedict_word(token) if len(token) >= 2 else (None,) * len(token)
    unread = _unread_word(token)
    out: list[str | None] = [None] * len(token)
    ask: dict[int, float] = {}
    pos = 0
    for piece in _phrase_cutter().cut(token):
        entry = phrases.get(piece) if len(piece) >= 2 else None
        reading = tuple(r[0] for r in entry) if entry and len(entry) == len(piece) else None
        within = _cedict_within(piece) if reading else (frozenset(),) * len(piece)
        for k, ch in enumerate(piece):
            if not is_han(ch):
                continue
            at = pos + k
            unstressed = word[at] if word[at] and tone(word[at]) == 5 else None  # the word's own neutral tone
            if ch in _CITATION:  # except where the word's entry reads it unstressed (看不起 kànbuqǐ)
                out[at] = unstressed or _CITATION[ch]
            elif ch == "得" and _complement_de(token, at):
                out[at] = "de"
            elif reading is None and word[at]:
                out[at] = word[at]  # the whole jieba word, as CC-CEDICT reads it
                if model.knows_polyphone(ch) and ch not in _UNSTRESSED:  # the model reads 看得见 dé
                    ask[at] = _SURE  # one dictionary's word: the model overrides only when sure
            elif reading and reading[k] and within[k] and all(_same_syllable(r, reading[k]) for r in within[k]):
                # two dictionaries agree; a noun suffix CC-CEDICT's words all read unstressed
                # is (小伙子 xiǎohuǒzi: pypinyin writes zǐ)
                # (恨不得 hènbude: the whole word's entry over 不得 bùdé inside it)
                suffix = unstressed or (next(iter(within[k])) if len(within[k]) == 1 else None)
                out[at] = suffix if ch in _UNSTRESSED and suffix else reading[k]
            elif unread and model.knows_polyphone(ch) and _place_reading(ch, at, len(token)):
                out[at], ask[at] = _place_reading(ch, at, len(token))
            else:
                out[at] = reading[k] if reading and reading[k] else _single(ch)
                if model.knows_polyphone(ch):
                    # a phrase of pypinyin's that CC-CEDICT has no word for stands unless the model
                    # is sure; where CC-CEDICT reads the character otherwise, or no phrase covers
                    # it, the model decides
                    ask[at] = _SURE if reading and reading[k] and not within[k] else 0.0
        pos += len(piece)
    for at in range(1, len(token)):
        if at + 2 < len(token) and token[at + 1] == token[at + 2]:
            continue  # AABB: the pair is half a doubled adjective (老老实实), not a word (老老 "granny")
        if (repeated := _unstressed_repeat(token[at - 1:at + 1])) is not None:
            out[at] = repeated  # 舅舅 jiùjiu, also in 舅舅家; never re-read by the model
            ask.pop(at, None)
    return tuple(out), tuple(ask.items())


# noun suffixes and particles: unstressed after a root (桌子 zhuōzi, 石头 shítou, 睡得着
# shuìdezháo) where CC-CEDICT says so; read alone, pypinyin gives them a full tone (zǐ, dé);
# and 不 of a potential complement (站不住脚 zhànbuzhù, 了不起 liǎobuqǐ), a citation bù alone
_UNSTRESSED = frozenset("子头儿得的地着了过们么吧呢吗啊不")


@functools.lru_cache(maxsize=4096)
def _unstressed_repeat(pair: str) -> str | None:
    """The second syllable of a doubled character that is a CC-CEDICT word reading it
    unstressed, and no adverb: a kinship noun or a tentative verb (爸爸 bàba, 舅舅 jiùjiu,
    看看 kànkan; pypinyin gives a full tone: bà, kàn). The adverb 刚刚 is gānggāng."""
    if len(pair) != 2 or pair[0] != pair[1] or segmenter.word_tags().get(pair, "")[:1] == "d":
        return None
    seconds = _cedict_positions(pair)[1]
    return next(iter(seconds)) if len(seconds) == 1 and tone(next(iter(seconds))) == 5 else None


def _same_syllable(neutral_or_same: str, full: str) -> bool:
    """Whether a CC-CEDICT syllable agrees with pypinyin's: the same, or its neutral-tone form
    (CC-CEDICT writes the unstressed second syllable of 模糊 as "hu5"; read alone, it is hú),
    or the erhua r of ér (这儿 zhe4 r5)."""
    return (neutral_or_same == full or neutral_form(to_numbers(neutral_or_same), to_numbers(full))
            or (neutral_or_same == "r" and full in ("ér", "er")))


@functools.cache
def _default_converter() -> PinyinConverter:
    return PinyinConverter()


def syllables(text: str) -> list[str | None]:
    """``PinyinConverter().syllables(text)`` with a shared default converter (no curated phrases)."""
    return _default_converter().syllables(text)


def syllables_many(texts: Sequence[str]) -> list[list[str | None]]:
    """``PinyinConverter().syllables_many(texts)`` with the shared default converter."""
    return _default_converter().syllables_many(texts)
