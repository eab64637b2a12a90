"""Ways of writing pinyin, all derived from one form: the tone-marked syllable.

The converter (``flashcards.reading.pinyin``) reads every Han character as one lower-case
tone-marked syllable ("zhàn", "lüè", neutral tone without a mark: "le"). Everything
else a card or a list shows is derived here by pure functions:

- ``to_numbers("lüè") -> "lve4"``: tone numbers; the neutral tone is 5 and ü is
  written "v" (as typed on keyboards and by pypinyin's TONE3 style);
- ``from_numbers("lu:e4") -> "lüè"``: the reverse, accepting "v", "u:" and "ü";
- ``tone("zhàn") -> 4``: 1-4, 5 for the neutral tone;
- ``tone_spans(syllables)``: ``<span class="tone4">zhàn</span>`` per syllable;
- ``ruby(text, syllables)``: ``<ruby>战<rt class="tone4">zhàn</rt></ruby>`` per Han character;
- ``word_pinyin(syllables, proper=False)``: one word in the usual orthography:
  syllables joined, an apostrophe before a syllable starting with a, o or e
  (xī'ān), capitalised for proper names (Běiyuē);
- ``split_syllables("Xī'ān zhànlüè")``: the reverse of ``word_pinyin`` for text.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Sequence

from flashcards.store import cache
from flashcards.reading import pypinyin_tables

# Combining marks of the four tones, in tone order.
_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
_MARK_OF_TONE = {tone: mark for mark, tone in _MARKS.items()}
_APOSTROPHE_BEFORE = "aoe"

# the same ranges as the rest of the project counts as Han (〇 is not among them)
_HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))


def is_han(char: str) -> bool:
    """True for one CJK ideograph (unified, extensions A-H, compatibility)."""
    if len(char) != 1:
        return False
    code = ord(char)
    for lo, hi in _HAN_RANGES:  # a plain loop: three times faster than any() over a generator
        if lo <= code <= hi:
            return True
    return False


@functools.lru_cache(maxsize=1 << 16)
def _base_and_tone(syllable: str) -> tuple[str, int]:
    """``"Lüè"`` -> ``("Lüe", 4)``: the syllable without its tone mark, and the tone.

    Memoised: every card and list asks for the tones of the same few thousand syllables.
    """
    tone = 5
    letters = []
    for ch in unicodedata.normalize("NFD", syllable):
        if ch in _MARKS:
            tone = _MARKS[ch]
        else:
            letters.append(ch)
    return unicodedata.normalize("NFC", "".join(letters)), tone


def tone(syllable: str) -> int:
    """The tone of a tone-marked syllable: 1-4, or 5 for the neutral tone."""
    return _base_and_tone(syllable)[1]


def to_numbers(syllable: str) -> str:
    """``"zhàn"`` -> ``"zhan4"``, ``"lüè"`` -> ``"lve4"``, ``"le"`` -> ``"le5"``.

    ü is written "v". An empty string stays empty.
    """
    if not syllable:
        return ""
    base, number = _base_and_tone(syllable)
    return base.replace("ü", "v").replace("Ü", "V") + str(number)


def neutral_form(numbered: str, other: str) -> bool:
    """Whether the numbered syllable ``numbered`` is the neutral-tone form of the numbered
    syllable ``other`` (hu5 of hu2)."""
    return numbered.endswith("5") and numbered[:-1] == other[:-1]


def _mark_position(base: str) -> int:
    """Index of the vowel that carries the tone mark (a and e first, o in "ou", else the last vowel)."""
    low = base.lower()
    for vowel in "ae":
        if vowel in low:
            return low.index(vowel)
    if "ou" in low:
        return low.index("o")
    positions = [i for i, ch in enumerate(low) if ch in "iouü"]
    if positions:
        return positions[-1]
    positions = [i for i, ch in enumerate(low) if ch in "mn"]  # syllabic m, n, ng: hm, ńg
    return positions[0] if positions else -1


@functools.lru_cache(maxsize=1 << 16)
def from_numbers(numbered: str) -> str:
    """``"zhan4"`` -> ``"zhàn"``, ``"lu:e4"``/``"lve4"`` -> ``"lüè"``, ``"le5"``/``"le"`` -> ``"le"``.

    Case is kept (``"Bei3"`` -> ``"Běi"``). A tone-marked input comes back unchanged.
    Memoised: reading CC-CEDICT converts the same syllables hundreds of thousands of times.
    """
    text = numbered.strip()
    number = 5
    if text and text[-1] in "012345":
        number = int(text[-1]) or 5
        text = text[:-1]
    text = text.replace("u:", "ü").replace("U:", "Ü").replace("v", "ü").replace("V", "Ü")
    if number == 5 or tone(text) != 5:
        return unicodedata.normalize("NFC", text)
    pos = _mark_position(text)
    if pos < 0:
        return text
    marked = text[: pos + 1] + _MARK_OF_TONE[number] + text[pos + 1 :]
    return unicodedata.normalize("NFC", marked)


def tone_spans(syllables: Sequence[str]) -> str:
    """Each syllable in ``<span class="toneN">``, escaped, with nothing between them."""
    return "".join(f'<span class="tone{tone(s)}">{html.escape(s)}</span>' for s in syllables if s)


def ruby(text: str, syllables: Sequence[str | None]) -> str:
    """``<ruby>战<rt class="tone4">zhàn</rt></ruby>`` for each Han character of ``text``.

    ``syllables`` is either aligned with ``text`` (one entry per character, None for
    non-Han characters, as the converter returns it) or holds one syllable per Han
    character only. Other characters, and Han characters left without a syllable,
    are plain escaped text.
    """
    if len(syllables) == len(text):
        aligned = list(syllables)
    else:
        queue = iter([s for s in syllables if s])
        aligned = [next(queue, None) if is_han(ch) else None for ch in text]
    out = []
    for ch, syl in zip(text, aligned):
        if syl and is_han(ch):
            out.append(f'<ruby>{html.escape(ch)}<rt class="tone{tone(syl)}">{html.escape(syl)}</rt></ruby>')
        else:
            out.append(html.escape(ch, quote=False))
    return "".join(out)


def word_pinyin(syllables: Sequence[str], proper: bool = False) -> str:
    """The syllables of one word written as a word: ``["xī", "ān"]`` -> ``"xī'ān"``.

    An apostrophe goes before every syllable but the first that starts with a, o or e
    (with or without a tone mark); ``proper`` capitalises the first letter (Běiyuē).
    """
    parts: list[str] = []
    for syl in syllables:
        if not syl:
            continue
        if parts and _base_and_tone(syl)[0][:1].lower() in _APOSTROPHE_BEFORE:
            parts.append("'")
        parts.append(syl)
    word = "".join(parts)
    if proper and word:
        word = word[0].upper() + word[1:]
    return word


# ── splitting written pinyin back into syllables ────────────────────────────────


@cache.resource("syllable-inventory", cache.library("pypinyin"))
def _syllable_inventory() -> frozenset[str]:
    """Every toneless syllable pypinyin knows (ü written "ü"), plus erhua "r"."""
    pypinyin_tables.load()
    from pypinyin.constants import PINYIN_DICT

    known = {"r"}
    for readings in PINYIN_DICT.values():
        for reading in readings.split(","):
            known.add(_base_and_tone(reading)[0])
    return frozenset(known)


_CHUNK = re.compile(r"[A-Za-zÀ-ɏḀ-ỿ\u0300-\u036f:]+[1-5]?")
_TONED_PART = re.compile(r"[^1-5]+[1-5]?")  # a tone digit always ends a syllable
_LONGEST_SYLLABLE = 7  # characters of the longest syllable as written, tone digit included ("zhuang4")


@functools.lru_cache(maxsize=1 << 16)
def _syllable_base(piece: str) -> str | None:
    """A piece of written pinyin that is one syllable -> its lower-case toneless base
    ("Lüè", "lve4", "lu:e" -> "lüe"); None if it is no syllable or has two tone marks."""
    if sum(c in _MARKS for c in unicodedata.normalize("NFD", piece)) > 1:
        return None
    base = _base_and_tone(piece.rstrip("12345"))[0].lower().replace("v", "ü").replace("u:", "ü")
    return base if base in _syllable_inventory() else None


def _split_chunk(chunk: str) -> list[str]:
    """One run of letters -> syllables, preferring the fewest syllables, never two tone
    marks in one syllable, and no syllable but the first starting with a, o or e
    (the orthography puts an apostrophe there)."""
    n = len(chunk)
    # best[i] = (cost, pieces) for chunk[i:]
    best: list[tuple[tuple[int, int], list[str]] | None] = [None] * (n + 1)
    best[n] = ((0, 0), [])
    for i in range(n - 1, -1, -1):
        for j in range(i + 1, min(n, i + _LONGEST_SYLLABLE) + 1):
            if best[j] is None:
                continue
            piece = chunk[i:j]
            base = _syllable_base(piece)
            if base is None:
                continue
            vowel_start = int(i > 0 and base[:1] in _APOSTROPHE_BEFORE)
            rest_cost, rest = best[j]
            cost = (rest_cost[0] + vowel_start, rest_cost[1] + 1)
            if best[i] is None or cost < best[i][0]:
                best[i] = (cost, [piece] + rest)
    return best[0][1] if best[0] is not None else [chunk]


@functools.lru_cache(maxsize=1 << 14)
def _split_syllables(pinyin: str) -> tuple[str, ...]:
    """:func:`split_syllables`, memoised (a deck writes the same words again and again)."""
    out: list[str] = []
    for chunk in _CHUNK.findall(unicodedata.normalize("NFC", pinyin)):
        for part in _TONED_PART.findall(chunk):
            out.extend(_split_chunk(part))
    return tuple(out)


def split_syllables(pinyin: str) -> list[str]:
    """Written pinyin -> its syllables as written: ``"Xī'ān zhànlüè"`` -> ``["Xī", "ān", "zhàn", "lüè"]``.

    Spaces, apostrophes, hyphens and punctuation separate; numbered syllables
    (``"zhong1jiang4"``) split after each digit. Letters that are not pinyin come back
    as one piece.
    """
    return list(_split_syllables(pinyin))
