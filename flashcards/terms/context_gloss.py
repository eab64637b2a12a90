"""In-context English: the words of an aligned English sentence that translate a term.

A term's dictionary glosses (or, for a compound the dictionary lacks, the glosses of
its parts) are reduced to content-word lemmas (simplemma) and looked for in the
English sentence. The answer is the shortest stretch of the sentence that covers
the most of them: 默许 in "With the tacit approval and encouragement of the US"
gives "tacit approval"; 反击能力 (反击 + 能力) gives "counterattack capabilities".
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import dataclass

from flashcards.store import cache

_WORD = re.compile(r"\d+(?:st|nd|rd|th)\b|[A-Za-z]+|\d+")  # an ordinal is one word: 20th
_PAREN = re.compile(r"\(([^()]*)\)")
_GLOSS_WORD = re.compile(r"\d+(?:st|nd|rd|th)\b|-?[A-Za-z]+-?")
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
_GLOSS_SEPARATOR = re.compile(r"[;,]")
_CAPITALISED_RUN = re.compile(r"[A-Z][A-Za-z]*(?:[-' ][A-Z][A-Za-z]*)*")
_LETTERS = re.compile(r"[A-Za-z]+")
_NAME_WORD = re.compile(r"[A-Za-z]+(?:['-][A-Za-z]+)*")
_NOT_LOWER = re.compile(r"[^a-z]")
# Words a gloss uses for grammar, not meaning ("to strike back", "sb's", "(of sth)").
_STOP = frozenset(
    "a an the to of in on for and or with by be is are as at from into onto up out off "
    "sb sth sb's one oneself one's it its etc esp e g i lit fig used idiom abbr "
    "something someone somebody kind type sort way very also have has do does".split()
)
_MIN_PREFIX = 5  # "deterrent" ~ "deterrence", "strategy" ~ "strategic"
_AGENT_SUFFIXES = frozenset({"er", "ers", "or", "ors"})
# what a word may add to a shorter one it starts with and stay the same word: "forge" is not "forget"
_SHORT_ENDINGS = frozenset({"s", "es", "d", "ed", "e", "y", "ly", "al", "ic", "ty", "ce", "cy", "ry"})
_MAX_GAP = 2  # words between two matched words of one gloss


@dataclass(frozen=True)
class Word:
    """One word of the English sentence: its characters and normalised forms.

    The first word of a hyphenated compound also holds the compound run together
    ("post-war" -> "postwar") and the index of its last word.
    """

    start: int
    end: int
    lower: str
    lemma: str
    compound: str = ""
    compound_last: int = -1


@cache.persistent(cache.library("simplemma"))
def lemma(word: str) -> str:
    """simplemma's English lemma of ``word``, lower-cased (remembered across runs)."""
    from flashcards.terms.lemmas import lemmatize

    return lemmatize(word).lower()


@functools.lru_cache(maxsize=4096)
def english_words(sentence: str) -> tuple[Word, ...]:
    """The sentence's words (hyphenated compounds split) with offsets and lemmas."""
    words = [Word(m.start(), m.end(), m.group().lower(), lemma(m.group().lower())) for m in _WORD.finditer(sentence)]
    out = []
    for i, w in enumerate(words):
        j = i
        while j + 1 < len(words) and sentence[words[j].end:words[j + 1].start] == "-":
            j += 1
        if j > i and (i == 0 or sentence[words[i - 1].end:w.start] != "-"):
            joined = "".join(x.lower for x in words[i:j + 1])
            w = Word(w.start, w.end, w.lower, w.lemma, lemma(joined), j)
        out.append(w)
    return tuple(out)


def gloss_variants(gloss: str) -> list[str]:
    """A gloss without its parenthesised notes, plus any acronym they hold.

    "gross domestic product (GDP)" -> both; "internal (to a country, ...)" -> "internal".
    """
    inner = [p for p in _PAREN.findall(gloss) if _ACRONYM.search(p)]
    outer = _PAREN.sub(" ", gloss)
    out = []
    for text in [outer, *inner]:
        for piece in _GLOSS_SEPARATOR.split(text):
            if _GLOSS_WORD.search(piece):
                out.append(piece.strip())
    return out


@functools.cache
def content_words(gloss: str) -> tuple[str, ...]:
    """The meaning-bearing words of one gloss variant, lemmatised; affixes keep their dash."""
    out = []
    for raw in _GLOSS_WORD.findall(gloss):
        word = raw.lower()
        if word.strip("-") in _STOP or len(word.strip("-")) < 2:
            continue
        if word.startswith("-") or word.endswith("-"):
            out.append(word)  # "-ism", "quasi-": matched as suffix / prefix
        else:
            out.extend(lemma(w) for w in word.split("-") if w)
    return tuple(dict.fromkeys(out))


@functools.lru_cache(maxsize=1 << 14)
def _wanted_words(gloss: str) -> tuple[tuple[str, ...], ...]:
    """The content words of each variant of ``gloss`` that has any: what is looked for
    in a sentence, worked out once per gloss instead of once per sentence searched."""
    return tuple(wanted for wanted in map(content_words, gloss_variants(gloss)) if wanted)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def matches(gloss_word: str, word: Word) -> bool:
    """Does the English ``word`` render ``gloss_word`` (a lemma, or an affix like "-ism")?"""
    return _matches(gloss_word, word.lower, word.lemma)


@functools.lru_cache(maxsize=1 << 18)
def _matches(gloss_word: str, lower: str, lemma: str) -> bool:
    if gloss_word.startswith("-"):
        return len(lower) > len(gloss_word) and lower.endswith(gloss_word[1:])
    if gloss_word.endswith("-"):
        return lower == gloss_word[:-1] or (len(lower) > len(gloss_word) and lower.startswith(gloss_word[:-1]))
    if gloss_word in (lemma, lower):
        return True
    shorter = min(len(gloss_word), len(lemma))
    common = _common_prefix(gloss_word, lemma)
    if shorter < _MIN_PREFIX or common < max(_MIN_PREFIX, 0.8 * shorter):
        return False
    longer = gloss_word if len(gloss_word) > len(lemma) else lemma
    rest = longer[common:]
    if common == shorter and len(rest) <= 2 and rest not in _SHORT_ENDINGS:
        return False
    return rest not in _AGENT_SUFFIXES  # "fight" is not "fighter"


@dataclass(frozen=True)
class Hit:
    """Where one gloss (or part) shows up: word indices first..last, how well."""

    first: int
    last: int
    matched: int  # distinct gloss words found
    wanted: int  # gloss words there were

    @property
    def coverage(self) -> float:
        return self.matched / self.wanted if self.wanted else 0.0


def _tightest(cluster: Sequence[tuple[int, int, str]]) -> tuple[int, int, int]:
    """The shortest stretch of a cluster that still holds every distinct gloss word found
    (the first of the shortest). Two pointers, so a long cluster (a word repeated all
    through a long text) costs its length, not its cube."""
    need = len({g for _, _, g in cluster})
    counts: Counter[str] = Counter()
    ends: deque[int] = deque()  # window positions whose end may still be the window's furthest
    best = None
    a = 0
    for b, (_, end, g) in enumerate(cluster):
        counts[g] += 1
        while ends and cluster[ends[-1]][1] <= end:
            ends.pop()
        ends.append(b)
        while len(counts) == need:
            span = (cluster[a][0], cluster[ends[0]][1])
            if best is None or span[1] - span[0] < best[1] - best[0]:
                best = span
            counts[cluster[a][2]] -= 1
            if not counts[cluster[a][2]]:
                del counts[cluster[a][2]]
            if ends[0] == a:
                ends.popleft()
            a += 1
    return best[0], best[1], need


@functools.lru_cache(maxsize=256)
def _word_index(sentence: str) -> dict[tuple[str, str], tuple[int, ...]]:
    """Where each lemma, word form, 5-letter prefix and run-together compound occurs
    among the words of ``sentence`` (keyed by the text: hashing a string is cached,
    hashing a tuple of words is not)."""
    index: dict[tuple[str, str], list[int]] = {}
    for i, w in enumerate(english_words(sentence)):
        keys = {("exact", w.lower), ("exact", w.lemma), ("prefix", w.lemma[:_MIN_PREFIX])}
        if w.compound:
            keys.add(("compound", w.compound))
        for key in keys:
            index.setdefault(key, []).append(i)
    return {k: tuple(v) for k, v in index.items()}


def _candidates(gloss_word: str, index, count: int) -> Sequence[int]:
    """Word positions that may match ``gloss_word``: same form or same prefix; all for affixes."""
    if gloss_word.startswith("-") or gloss_word.endswith("-"):
        return range(count)
    found = set(index.get(("exact", gloss_word), ()))
    if len(gloss_word) >= _MIN_PREFIX:
        found.update(index.get(("prefix", gloss_word[:_MIN_PREFIX]), ()))
    return found


@functools.lru_cache(maxsize=1 << 14)
def gloss_hits(gloss: str, sentence: str) -> tuple[Hit, ...]:
    """Every cluster of the words of ``sentence`` that renders (part of) ``gloss``.

    Remembered: a sentence is searched for the same gloss by the term, by compounds
    the term is part of, and again when names are assigned.
    """
    words = english_words(sentence)
    index = _word_index(sentence)
    hits = []
    for wanted in _wanted_words(gloss):
        positions = sorted(
            {(i, i, g) for g in wanted for i in _candidates(g, index, len(words)) if matches(g, words[i])}
            | {(i, words[i].compound_last, g) for g in wanted for i in index.get(("compound", g), ())}
        )
        # group into clusters of nearby matches; ``reach`` is the cluster's last word
        cluster: list[tuple[int, int, str]] = []
        reach = 0
        for i, j, g in positions + [(10**9, 10**9, "")]:
            if cluster and i - reach > _MAX_GAP + 1:
                first, last, found = _tightest(cluster)
                hits.append(Hit(first, last, found, len(wanted)))
                cluster = []
            if g:
                reach = max(reach, j) if cluster else j
                cluster.append((i, j, g))
    return tuple(hits)


def _best(hits: Sequence[Hit]) -> Hit | None:
    if not hits:
        return None
    return max(hits, key=lambda h: (h.coverage >= 0.5, h.matched, h.coverage, -(h.last - h.first), -h.first))


def _parts_span(parts: Sequence[Sequence[str]], sentence: str) -> tuple[int, int, int] | None:
    """Word indices covering the renderings of most parts in ``sentence``, close together,
    and how many parts."""
    words = english_words(sentence)
    options = []
    for glosses in parts:
        hits = [h for g in glosses for h in gloss_hits(g, sentence) if h.coverage >= 0.5 or h.matched >= 2]
        hits = sorted(set(hits), key=lambda h: (-h.matched, h.first))[:6]
        options.append([None, *hits])
    best = None
    best_key = None
    for combo in itertools.product(*options):
        chosen = [h for h in combo if h is not None]
        if not chosen:
            continue
        first = min(h.first for h in chosen)
        last = max(h.last for h in chosen)
        if last - first > 2 * len(parts) + 1:
            continue
        # head extension: an unmatched last part is usually the English head noun
        if combo[-1] is None and len(parts) > 1 and last + 1 < len(words) and words[last + 1].lower not in _STOP:
            last += 1
        elif combo[0] is None and len(parts) > 1 and first > 0 and words[first - 1].lower not in _STOP:
            first -= 1
        key = (len(chosen), -(last - first))
        if best_key is None or key > best_key:
            best, best_key = (first, last, len(chosen)), key
    return best


def english_match(sentence: str, glosses: Sequence[str], parts: Sequence[Sequence[str]] = ()) -> tuple[int, int, float] | None:
    """Character offsets of the part of ``sentence`` that translates a term, and a quality.

    ``glosses`` are the term's own glosses; ``parts`` the glosses of the pieces of a
    compound (准同盟 -> [准's, 同盟's]), used when the whole does not show up well.
    Quality is 1 for a gloss found entire, less for parts or a partial gloss.
    None when nothing plausible is found.
    """
    words = english_words(sentence)
    if not words:
        return None
    whole = _best([h for g in glosses for h in gloss_hits(g, sentence)])
    found = None
    if whole and whole.coverage >= 0.5:
        found = (whole.first, whole.last, whole.coverage)
    if found is None and len(parts) > 1:
        by_parts = _parts_span(parts, sentence)
        if by_parts:
            found = (by_parts[0], by_parts[1], 0.9 * by_parts[2] / len(parts))
    if found is None and whole is not None:
        found = (whole.first, whole.last, 0.5 * whole.coverage)
    if found is None:
        return None
    end = words[found[1]].end
    if sentence[end:end + 2] in ("'t", "’t"):
        end += 2  # "won't", not "won": a negation is one word, cut in two above
    return words[found[0]].start, end, found[2]


def english_span(sentence: str, glosses: Sequence[str], parts: Sequence[Sequence[str]] = ()) -> tuple[int, int] | None:
    """Character offsets of :func:`english_match`, without its quality."""
    found = english_match(sentence, glosses, parts)
    return found[:2] if found else None


def english_text(sentence: str, glosses: Sequence[str], parts: Sequence[Sequence[str]] = ()) -> str:
    """The text of :func:`english_span`, or "" when there is none."""
    span = english_span(sentence, glosses, parts)
    return sentence[span[0]:span[1]] if span else ""


@cache.persistent()
def _common_english(word: str) -> bool:
    from flashcards.lexicon.frequency import zipf

    return zipf(word, "en") >= 4.5


def common_words_only(text: str) -> bool:
    """Whether every word of ``text`` is common English ("On February", "Prime Minister")."""
    return all(_common_english(w.lower()) for w in _LETTERS.findall(text))


@cache.persistent()
def rare_english(word: str) -> bool:
    """Whether ``word`` is rare in English (wordfreq Zipf under 3: "Ishiba", not "Vietnamese")."""
    from flashcards.lexicon.frequency import zipf

    return zipf(word.lower(), "en") < 3.0


def capitalised_runs(sentence: str) -> list[tuple[int, int]]:
    """Character spans of runs of capitalised words (candidate English names).

    A common word that only is capitalised because it starts a sentence
    ("During the Fumio Kishida administration") is left out.
    """
    runs: list[tuple[int, int]] = []
    for m in _CAPITALISED_RUN.finditer(sentence):
        start, end = m.start(), m.end()
        before = sentence[:start].rstrip()
        sentence_start = not before or before[-1] in ".!?\"“(:"
        first = _LETTERS.match(sentence, start, end).group()
        if sentence_start and _common_english(first.lower()):
            rest = sentence[start + len(first):end].lstrip(" -'")
            if not rest:
                continue
            start = end - len(rest)
        runs.append((start, end))
    return runs


def _toneless(syllable: str) -> str:
    base = unicodedata.normalize("NFD", syllable.lower())
    return "".join(c for c in base if not unicodedata.combining(c)).replace("ü", "u").replace("v", "u")


def pinyin_span(sentence: str, syllables: Sequence[str]) -> tuple[int, int] | None:
    """Where ``sentence`` writes a Chinese name in pinyin: 王琦瑶 -> "Wang Qiyao".

    The name may be written surname first or last, in one to four capitalised words; a
    word that opens the sentence counts ("He Lifeng said": a spelling this exact is no
    capitalised "He").
    """
    if len(syllables) < 2:
        return None
    toneless = [_toneless(s) for s in syllables]
    targets = {"".join(toneless), "".join(toneless[1:] + toneless[:1])}
    for start, end in (m.span() for m in _CAPITALISED_RUN.finditer(sentence)):
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
                  "g": "K", "k": "K", "h": "H", "j": "S", "q": "S", "x": "S", "zh": "S", "ch": "S", "sh": "S",
                  "z": "S", "c": "S", "s": "S"}
_ENGLISH_SOUNDS = re.compile(r"ph|sh|ch|th|ck|gh|[bcdfghjklmnpqrstvxz]|[aeiouwy]+")
_ENGLISH_CLASS = {"ph": "F", "sh": "S", "ch": "S", "th": "T", "ck": "K", "gh": "", "b": "P", "p": "P", "d": "T",
                  "t": "T", "g": "K", "k": "K", "q": "K", "c": "K", "j": "S", "s": "S", "z": "S", "x": "KS", "m": "M",
                  "n": "N", "l": "L", "r": "L", "f": "F", "v": "F", "h": "H"}


def _pinyin_consonants(syllables: Sequence[str]) -> str:
    out = []
    for syllable in syllables:
        base = _toneless(syllable)
        if base in ("er", "r"):
            out.append("L")  # 尔 renders an English r or l
            continue
        initial = next((i for i in _PINYIN_INITIALS if base.startswith(i)), "")
        out.append(_INITIAL_CLASS.get(initial, ""))
    return "".join(out)


def _english_consonants(word: str) -> str:
    out = []
    sounds = _ENGLISH_SOUNDS.findall(word.lower())
    for k, sound in enumerate(sounds):
        if sound == "c" and k + 1 < len(sounds) and sounds[k + 1][:1] in "eiy":
            out.append("S")  # soft c
        else:
            out.append(_ENGLISH_CLASS.get(sound, ""))
    return "".join(out)


def _common_subsequence(a: str, b: str) -> int:
    row = [0] * (len(b) + 1)
    for x in a:
        previous = 0
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], previous + 1 if x == y else max(row[j], row[j - 1])
    return row[-1]


def sound_match(syllables: Sequence[str], english: str) -> float:
    """How well ``english`` sounds like the name ``syllables`` transliterate: 0 when it
    cannot be that name, else the share of the name's consonants found, in order, among
    the English ones plus the share of the English ones they are (2.0 at best). It can
    be that name when both begin with the same consonant, at least three quarters of
    the name's consonants are found and they are at least three fifths of the English."""
    ours = _pinyin_consonants(syllables)
    theirs = _english_consonants(english)
    if len(ours) < 2 or not theirs or not _same_onset(ours[0], theirs[0]):
        return 0.0
    common = _common_subsequence(ours, theirs)
    if common < 0.75 * len(ours) or common < 0.6 * len(theirs):
        return 0.0
    return common / len(ours) + common / len(theirs)


def sounds_alike(syllables: Sequence[str], english: str) -> bool:
    """Could ``english`` be the name that ``syllables`` transliterate (see :func:`sound_match`)?"""
    return sound_match(syllables, english) > 0


# A nationality or language is no one's name ("Vietnamese" sounds like 范明政).
_DEMONYM = re.compile(r"(?:ese|ians?|ish)\b")


def _same_onset(ours: str, theirs: str) -> bool:
    """A transliteration keeps the name's first consonant (h may render kh: 哈梅内伊 Khamenei)."""
    return ours == theirs or {ours, theirs} == {"H", "K"}


def transliteration_match(sentence: str, syllables: Sequence[str]) -> tuple[int, int, float] | None:
    """Where ``sentence`` writes the foreign name that ``syllables`` transliterate, as
    one to three capitalised words (马科斯 -> "Marcos", 瓦格纳 -> "Wagner"), and its
    :func:`sound_match`; the closest-sounding wins."""
    best = None
    for start, end in capitalised_runs(sentence):
        words = list(_NAME_WORD.finditer(sentence[start:end]))
        for i in range(len(words)):
            for j in range(i, min(len(words), i + 3)):
                text = sentence[start + words[i].start():start + words[j].end()]
                common = i == j and _common_english(text.lower())  # one everyday word is no name; "Jack Smith" is
                score = 0.0 if common or _DEMONYM.search(text) else sound_match(syllables, text)
                if score and (best is None or score > best[2]):
                    best = (start + words[i].start(), start + words[j].end(), score)
    return best


def written_name(sentence: str, syllables: Sequence[str]) -> tuple[int, int, float] | None:
    """Where ``sentence`` writes ``syllables`` as a name, and how surely: spelt out in
    pinyin (王琦瑶 "Wang Qiyao": 3.0, more than any sound match), else as the foreign name
    they transliterate (:func:`transliteration_match`)."""
    span = pinyin_span(sentence, syllables)
    return (*span, 3.0) if span else transliteration_match(sentence, syllables)


def transliteration_span(sentence: str, syllables: Sequence[str]) -> tuple[int, int] | None:
    """The span of :func:`transliteration_match`, without its score."""
    found = transliteration_match(sentence, syllables)
    return found[:2] if found else None
