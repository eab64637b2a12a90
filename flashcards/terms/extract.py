"""Key terms of an article: the words a learner of policy Chinese wants from it.

Units come from the analysed tokens (glossary terms are already whole), then
quoted phrases (“准同盟”) and runs of tokens that form a CC-CEDICT headword
(国内 + 生产总值) are joined, and tokens that are neither in the dictionary nor
names are cut into dictionary words (不断扩大 -> 不断 + 扩大). Function words,
numbers, dates, Latin text, page furniture and very common words are dropped. The
rest are ranked by how characteristic they are of this article: uses here times
rarity in general Chinese (wordfreq Zipf, jieba's IDF), weighted by a TextRank
score over the article's own co-occurrences.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace

from flashcards.store import cache
from flashcards.terms import context_gloss
from flashcards.lexicon import dictionary
from flashcards.model import AnalysedSentence, Example, pickled_by_fields
from flashcards.terms.textrank import textrank

DEFAULT_MAX_ZIPF = 5.0  # above this a word is everyday Chinese (能力 5.4, 日本 6.0)
DEFAULT_HSK_MIN = 4  # HSK 2.0 levels 1-3 are beginner words
MAX_EXAMPLES = 3
MAX_GLOSSES = 5
_MAX_UNIT = 8  # Han characters in a joined unit

# jieba tags never worth a card: numerals, measure words, prepositions, conjunctions,
# particles, pronouns, locality words, interjections, onomatopoeia, non-words.
_DROP_TAGS = frozenset("m mq q p c u uj ul uv uz ud ug r rr rz x e y o f".split())
_NAME_TAGS = {"nr": "person", "nrfg": "person", "nrt": "person", "ns": "place", "nt": "organisation", "nz": "name"}
_NUMERIC = re.compile(r"^[零〇一二两三四五六七八九十百千万亿几第多半数每]+[年月日号天周岁次届个名位项条]*[年月日号天周间内来前后底初中]*$")
_DATE = re.compile(r"^(?:(?:周|星期|礼拜)[一二三四五六日天末]|[本上下这今明去前后昨][周月年天日]|(?:今|明|昨|前|后)天|[上下中]午|凌晨|傍晚|当天|次日|近日|日前)$")
# Words of a news page's frame, not of its content.
_FURNITURE = frozenset("作者 单位 编辑 责任编辑 来源 记者 通讯员 图片 摄影 供图 原标题 本文 转载 相关 新闻 链接 点击 网站 作者单位 研究院".split())
_COUNTERS = frozenset("年月日号天周岁次届个名位项条架艘枚")
_QUOTES = {"“": "”", "「": "」", "『": "』", "‘": "’", '"': '"'}


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Term:
    """A ranked key term of one article, with dictionary data and in-context English."""

    hanzi: str
    pinyin: str
    english: tuple[str, ...]
    context_english: str = ""
    traditional: str = ""
    syllables: tuple[str, ...] = ()
    hsk: int | None = None
    hsk3: str | None = None
    zipf: float = 0.0
    measure_words: tuple[str, ...] = ()
    see: tuple[str, ...] = ()
    is_name: bool = False
    name_kind: str = ""  # person / place / organisation / name, for names
    in_glossary: bool = False
    count: int = 0
    score: float = 0.0
    examples: tuple[Example, ...] = field(default=())


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


# --- units ---------------------------------------------------------------------------

def _join(units: Sequence[Unit], **flags) -> Unit:
    pieces = tuple(n for u in units for n in (u.pieces or (len(u.text),)))
    return Unit("".join(u.text for u in units), tuple(s for u in units for s in u.syllables), units[0].start,
                pieces=pieces, **flags)


def _has_function_word(units: Sequence[Unit]) -> bool:
    return any(dictionary.pos_tag(u.text) in _DROP_TAGS for u in units)


def _join_quoted(units: list[Unit]) -> list[Unit]:
    """“反击 能力” -> one quoted unit; a single quoted token is only marked."""
    out: list[Unit] = []
    i = 0
    while i < len(units):
        close = _QUOTES.get(units[i].text)
        if close:
            j = next((k for k in range(i + 1, min(len(units), i + 1 + _MAX_UNIT)) if units[k].text == close), None)
            inner = units[i + 1:j] if j else []
            text = "".join(u.text for u in inner)
            if inner and dictionary.is_han(text) and 2 <= len(text) <= _MAX_UNIT and (len(inner) == 1 or not _has_function_word(inner)):
                out.append(units[i])
                out.append(_join(inner, quoted=True, glossary=len(inner) == 1 and inner[0].glossary))
                out.append(units[j])
                i = j + 1
                continue
        out.append(units[i])
        i += 1
    return out


def _join_dictionary_words(units: list[Unit], max_tokens: int = 4) -> list[Unit]:
    """Runs of 2-4 tokens whose text is one CEDICT headword become one unit (国内 生产总值)."""
    texts = [u.text for u in units]
    out: list[Unit] = []
    i = 0
    while i < len(units):
        for j in range(min(len(units), i + max_tokens), i + 1, -1):
            if _headword("".join(texts[i:j])) and not any(u.glossary or u.quoted for u in units[i:j]):
                out.append(_join(units[i:j]))
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
    return len(text) <= _MAX_UNIT and dictionary.is_han(text) and text in dictionary.cedict.load()


def _is_name_tag(text: str) -> bool:
    return dictionary.pos_tag(text) in _NAME_TAGS


def _split_unknown(units: list[Unit]) -> list[Unit]:
    """Tokens that are neither words nor names, cut into CEDICT words.

    Three characters or more always (不断扩大 -> 不断 扩大); two only when one of
    them is a function word glued on by the segmenter (后美 -> 后 美), so that
    abbreviations like 演训 stay whole.
    """
    out: list[Unit] = []
    for u in units:
        if len(u.text) >= 2 and not (u.glossary or u.quoted) and dictionary.is_han(u.text) \
                and not dictionary.cedict.lookup(u.text) and not _is_name_tag(u.text):
            parts = dictionary.split_known(u.text)
            if len(u.text) == 2 and not any(dictionary.pos_tag(c) in _DROP_TAGS for c in u.text):
                parts = ()
            if len(parts) > 1:
                pos = 0
                for p in parts:
                    out.append(Unit(p, u.syllables[pos:pos + len(p)], u.start + pos))
                    pos += len(p)
                continue
        out.append(u)
    return out


def sentence_units(sentence: AnalysedSentence, glossary_words: Collection[str] = ()) -> list[Unit]:
    """The sentence cut into units: tokens, joined phrases and split non-words."""
    units = []
    pos = 0
    for tok in sentence.tokens:
        syllables = tok.pinyin if len(tok.pinyin) == len(tok.text) else ()
        units.append(Unit(tok.text, syllables, pos, glossary=tok.text in glossary_words))
        pos += len(tok.text)
    return _mark_counted(_split_unknown(_join_dictionary_words(_join_quoted(units))))


def _mark_counted(units: list[Unit]) -> list[Unit]:
    """A unit right after a number that starts with a counter (5|年内, 四|年) is part of it."""
    out = []
    for k, u in enumerate(units):
        before = units[k - 1].text if k else ""
        if before and (before[-1].isdigit() or _NUMERIC.match(before)) and u.text[:1] in _COUNTERS:
            u = replace(u, counted=True)
        out.append(u)
    return out


def _with_reading(unit: Unit) -> Unit:
    """A unit the reader left without pinyin gets CEDICT's reading (first entry)."""
    if unit.syllables or not dictionary.is_han(unit.text):
        return unit
    entries = dictionary.choose_entries(unit.text)
    syllables = tuple(entries[0].pinyin.split()) if entries else ()
    if len(syllables) != len(unit.text):
        return unit
    from flashcards.reading.style import from_numbers

    return replace(unit, syllables=tuple(from_numbers(x).lower() for x in syllables))


# --- filtering -----------------------------------------------------------------------

_LIFESPAN = re.compile(r"\(\d{3,4}-")


@cache.persistent(dictionary.data_version)
def name_kind(text: str) -> str:
    """"person", "place", "organisation" or "name" for a proper name; "" otherwise.

    CC-CEDICT decides whether a word it holds is a name (its reading is capitalised:
    北约 yes, 大国 no); jieba's tag then says what kind, a person only when the
    dictionary gives a lifespan. Words CEDICT lacks go by jieba's tag alone.
    """
    kind = _NAME_TAGS.get(dictionary.pos_tag(text), "")
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
    if unit.glossary:
        return True
    if not dictionary.is_han(text) or len(text) < 2:
        return False
    if _NUMERIC.match(text) or _DATE.match(text) or text in _FURNITURE or unit.counted:
        return False
    return unit.quoted or dictionary.pos_tag(text) not in _DROP_TAGS


# --- the stage -----------------------------------------------------------------------

def _pinyin(unit: Unit, proper: bool) -> str:
    """Dictionary-style pinyin; a phrase joined from several tokens keeps them as words."""
    from flashcards.reading.style import word_pinyin

    words, pos = [], 0
    pieces = unit.pieces or (len(unit.text),)
    for n in pieces:
        piece_proper = proper or (len(pieces) > 1 and bool(name_kind(unit.text[pos:pos + n])))  # 对标 Běiyuē
        words.append(word_pinyin(list(unit.syllables[pos:pos + n]), proper=piece_proper))
        pos += n
    return " ".join(w for w in words if w)


@functools.lru_cache(maxsize=1 << 14)
def _parts_glosses(word: str) -> tuple[tuple[str, ...], ...]:
    """The glosses of each dictionary word ``word`` splits into; () when it does not split.
    Remembered: asked again for every sentence the word is looked for in."""
    parts = dictionary.split_known(word)
    return tuple(dictionary.english(p) for p in parts) if len(parts) > 1 else ()


def _context(sentence_en: str, word: str, info: dictionary.WordInfo, curated: Sequence[str] = (),
             syllables: Sequence[str] = ()) -> tuple[int, int, float] | None:
    """Where ``sentence_en`` renders ``word`` and how surely: curated glossary English first,
    then CEDICT's; a name may also be spelt out in pinyin (王毅 -> "Wang Yi")."""
    kind = name_kind(word)
    if curated:
        found = context_gloss.english_match(sentence_en, curated)
        if found and found[2] >= 0.5:
            return found
    if not kind:
        return context_gloss.english_match(sentence_en, info.english, _parts_glosses(word))
    # A name is rendered by a capitalised name: "Donald Trump (1946-), American ..." -> "Donald Trump";
    # organisations may be built from parts (日本 航空 自卫队), people may not (石破茂 is not "break through").
    glosses = [g.split("(")[0].split(",")[0] for g in info.english]
    parts = [] if kind == "person" else _parts_glosses(word)
    found = context_gloss.english_match(sentence_en, glosses, parts)
    if found and sentence_en[found[0]].isupper():
        return found
    spelt = context_gloss.pinyin_span(sentence_en, syllables)
    return (*spelt, 1.0) if spelt else None


def _assign_names(sentence: AnalysedSentence, units: Sequence[Unit], found: dict[str, str], wanted: set[str]) -> None:
    """English forms of names no gloss explains, from leftover capitalised runs.

    Each unexplained name is matched to the unclaimed capitalised run nearest its
    relative position in the sentence, in order (岸田文雄 -> "Fumio Kishida").
    """
    en, zh = sentence.pair.en, sentence.pair.zh
    claimed: list[tuple[int, int]] = []
    todo: list[Unit] = []
    for u in units:
        if not dictionary.is_han(u.text) or len(u.text) < 2:
            continue
        info = dictionary.word_info(u.text, u.syllables)
        span = _context(en, u.text, info, (), u.syllables) if info.english or info.in_cedict or name_kind(u.text) else None
        if span:
            claimed.append(span[:2])
        elif u.text in wanted and u.text not in found and name_kind(u.text) == "person":
            todo.append(u)
    runs = [
        r for r in context_gloss.capitalised_runs(en)
        if not any(a < r[1] and r[0] < b for a, b in claimed) and not en[r[0]:r[1]].isupper()  # not an acronym
    ]
    last = -1
    for u in todo:
        where = u.start / max(1, len(zh))
        options = [(abs(r[0] / max(1, len(en)) - where), k) for k, r in enumerate(runs) if k > last]
        if not options:
            break
        distance, k = min(options)
        if distance <= 0.25:
            found[u.text] = en[runs[k][0]:runs[k][1]]
            last = k


_NOUN_TAGS = frozenset("n vn nz an ng".split())


def _compounds(sentences, per_sentence, glossary_words) -> list[tuple[int, Unit]]:
    """Noun + noun pairs the English renders as one phrase (直升机 护卫舰 -> "helicopter carrier").

    Both nouns must be uncommon, and the aligned sentence must translate the two
    parts side by side; the pair is then a candidate too (its parts stay).
    """
    out = []
    for i, units in enumerate(per_sentence):
        en = sentences[i].pair.en
        for a, b in zip(units, units[1:]):
            if not (_plain_noun(a) and _plain_noun(b)) or len(a.text + b.text) > 6:
                continue
            if a.text + b.text in glossary_words or dictionary.cedict.lookup(a.text + b.text):
                continue  # already a unit of its own wherever it occurs
            found = context_gloss.english_match(en, (), [dictionary.english(a.text), dictionary.english(b.text)])
            if found and found[2] >= 0.45:  # at least one part found, the other beside it
                out.append((i, _join([a, b])))
    return out


def _plain_noun(unit: Unit) -> bool:
    """An uncommon noun of two or more characters, not curated, quoted or joined already."""
    return (len(unit.text) >= 2 and is_candidate(unit) and not (unit.glossary or unit.quoted or unit.pieces)
            and dictionary.pos_tag(unit.text) in _NOUN_TAGS and dictionary.zipf(unit.text) <= DEFAULT_MAX_ZIPF)


@functools.lru_cache(maxsize=4)
def _headwords(glossary) -> frozenset[str]:
    """The glossary's simplified headwords, collected once per glossary (hashed by identity)
    rather than once per article."""
    return frozenset(e.hanzi for e in glossary.entries) if glossary is not None else frozenset()


def extract_terms(
    sentences: Sequence[AnalysedSentence],
    glossary=None,
    *,
    top: int | None = None,
    max_zipf: float | None = DEFAULT_MAX_ZIPF,
    hsk_min: int | None = DEFAULT_HSK_MIN,
    names: bool = True,
    known: Collection[str] = frozenset(),
) -> list[Term]:
    """The article's key terms, most characteristic first.

    ``glossary`` terms found in the article are always kept (unless ``known``);
    other words are dropped when more common than ``max_zipf`` or below HSK 2.0
    level ``hsk_min`` (None switches either test off). ``names`` keeps proper
    names; ``known`` words (simplified or traditional) are skipped; ``top`` caps
    the list.
    """
    glossary_words = _headwords(glossary)
    known = set(known)
    per_sentence = [[_with_reading(u) for u in sentence_units(s, glossary_words)] for s in sentences]

    counts: Counter[str] = Counter()
    first_seen: dict[str, Unit] = {}
    where: dict[str, list[int]] = defaultdict(list)

    def record(i: int, u: Unit) -> None:
        counts[u.text] += 1
        first_seen.setdefault(u.text, u)
        if i not in where[u.text]:
            where[u.text].append(i)

    sequences: list[list[str]] = []
    for i, units in enumerate(per_sentence):
        candidates = [u for u in units if is_candidate(u)]
        for u in candidates:
            record(i, u)
        sequences.append([u.text for u in candidates])
    ranks = textrank(sequences)
    for i, u in _compounds(sentences, per_sentence, glossary_words):
        record(i, u)

    kept: dict[str, tuple[Unit, dictionary.WordInfo, str]] = {}
    for text, unit in first_seen.items():
        info = dictionary.word_info(text, unit.syllables)
        kind = name_kind(text)
        in_glossary = text in glossary_words
        if in_glossary and not kind and glossary.get(text).pinyin[:1].isupper():
            kind = "name"  # the glossary capitalises proper names
        if text in known or info.traditional in known:
            continue
        if kind and not names and not in_glossary:
            continue
        if not in_glossary:
            if max_zipf is not None and info.zipf > max_zipf:
                continue
            if hsk_min is not None and info.hsk is not None and info.hsk < hsk_min:
                continue
        kept[text] = (unit, info, kind)

    # In-context English, first from glosses, then names from leftover capitalised words.
    context: dict[str, str] = {}
    for text, (unit, info, kind) in kept.items():
        entry = glossary.get(text) if text in glossary_words else None
        found = [(m[2], -k, i, m) for k, i in enumerate(where[text])
                 if (m := _context(sentences[i].pair.en, text, info, entry.english if entry else (), unit.syllables))]
        if found:
            _, _, i, m = max(found)
            context[text] = sentences[i].pair.en[m[0]:m[1]]
            where[text].remove(i)
            where[text].insert(0, i)  # the example that shows the English comes first
    unexplained = {t for t, (_, _, kind) in kept.items() if kind and t not in context}
    for i, units in enumerate(per_sentence):
        if unexplained & {u.text for u in units}:
            _assign_names(sentences[i], units, context, unexplained)

    @functools.cache
    def example(i: int) -> Example:
        """Sentence ``i`` as an example; its pinyin is worked out once, not for every term in it."""
        return Example(zh=sentences[i].pair.zh, en=sentences[i].pair.en, pinyin=sentences[i].pinyin)

    terms = []
    for order, (text, (unit, info, kind)) in enumerate(kept.items()):
        in_glossary = text in glossary_words
        english = info.english[:MAX_GLOSSES]
        if not english and in_glossary:
            english = glossary.get(text).english
        if not english and context.get(text):
            english = (context[text],)  # a compound CEDICT lacks: the article's own rendering
        if not english and not in_glossary:
            continue  # nothing to show a learner: an unexplained name or a non-word
        if len(unit.syllables) != len(text):
            continue  # no reading: not card material
        boost = 1.0
        if in_glossary:
            boost *= 1.5
        if unit.quoted:
            boost *= 1.3
        if not info.in_cedict and not (in_glossary or unit.quoted or kind):
            boost *= 0.6  # likely a segmentation artefact
        score = (1 + math.log(counts[text])) * dictionary.rarity(text) ** 1.5 * boost * (0.75 + 0.5 * ranks.get(text, 0.0))
        examples = tuple(example(i) for i in where[text][:MAX_EXAMPLES])
        terms.append((-score, order, Term(
            hanzi=text,
            pinyin=_pinyin(unit, bool(kind)),
            english=english,
            context_english=context.get(text, ""),
            traditional=info.traditional,
            syllables=unit.syllables,
            hsk=info.hsk,
            hsk3=info.hsk3,
            zipf=info.zipf,
            measure_words=info.measure_words,
            see=info.see,
            is_name=bool(kind),
            name_kind=kind,
            in_glossary=in_glossary,
            count=counts[text],
            score=round(score, 4),
            examples=examples,
        )))
    terms.sort(key=lambda t: (t[0], t[1]))
    out = [t for _, _, t in terms]
    return out[:top] if top is not None else out
