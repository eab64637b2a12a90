"""Key terms of an article: the words a learner of policy Chinese wants from it.

The sentences are cut into units (:mod:`flashcards.terms.units`); function words,
numbers, dates, Latin text, page furniture and very common words are dropped. The
rest are ranked by how characteristic they are of this article: uses here times
rarity in general Chinese (wordfreq Zipf, jieba's IDF), weighted by a TextRank
score over the article's own co-occurrences. Each term gets the English its own
aligned sentence uses (only with evidence: a gloss, its parts' glosses, a name spelt
out or transliterated; :mod:`flashcards.terms.rendering`) and a card's few clean senses
(:mod:`flashcards.terms.senses`).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from flashcards.terms import context_gloss, name_sounds, name_units, senses
from flashcards.lexicon import dictionary
from flashcards.model import AnalysedSentence, Example, GlossaryEntry, pickled_by_fields
from flashcards.reading import segmenter
from flashcards.reading.orthography import term_pinyin
from flashcards.terms.inner_glossary import inner_glossary
from flashcards.terms.rendering import SURE, assign_names, name_senses, names_of, parts_as_in_full, rendered_at
from flashcards.terms.textrank import textrank
from flashcards.terms.unit import Unit, join_units
from flashcards.terms.units import (
    ASPECT, NEGATIONS, NOUN_SUFFIXES, QUOTES, is_candidate, name_kind, sentence_units, verb_with_aspect, with_reading,
)

DEFAULT_MAX_ZIPF = 5.0  # above this a word is everyday Chinese (能力 5.4, 日本 6.0)
DEFAULT_HSK_MIN = 4  # HSK 2.0 levels 1-3 are beginner words
ADVANCED_HSK = 5  # HSK 2.0 levels 5-6: the field's own words (革命, 政策, 选举), however often news uses them (names aside: 欧洲)
ADVANCED_MARGIN = 0.5  # how much more common than max_zipf such a word may be
MAX_EXAMPLES = 3
SHOWN = 0.6  # the least quality of a match shown as the article's English: more than half its gloss
# (not "fire" for 火上浇油, "news" for 媒体 "news media", "police" for 警车 "police car")


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


# --- the stage -----------------------------------------------------------------------


def _two_words(word: str) -> bool:
    """Two words a learner learns apart, however the segmenter or CC-CEDICT happens to list
    them: a modifier and a verb (正确 处理 "to handle correctly", 迅速 发展 "to develop
    rapidly"), an adverb and an adjective or verb CC-CEDICT does not list together (最 长
    "longest"), a pronoun and the copula (那 是 "that is", not the reply 那是 "of course"), a
    noun and a localizer (两国 之间 "between the two countries", which CC-CEDICT lists; 长期
    以来 "for a long time" is no noun's)."""
    if len(word) == 2:
        first, second = map(dictionary.pos_tag, word)
        return (first == "r" and word[1] == "是") or (
            first == "d" and second in ("a", "v") and not dictionary.cedict.lookup(word))
    parts = dictionary.split_known(word, len(word) - 1)
    if len(parts) != 2 or any(len(p) < 2 for p in parts) or dictionary.pos_tag(word) == "i":
        return False
    first, second = map(dictionary.pos_tag, parts)
    return (first in ("d", "ad", "a") and second in ("v", "vn")) or (first.startswith("n") and second == "f")


def _keeps_head(rendering: str, glosses: Sequence[str]) -> bool:
    """A partial rendering ends as one of the ``glosses`` ends, in the word that heads it
    in English ("20th National Congress" of "20th Party Congress"; not "Foreign Ministry"
    of "Foreign Ministry spokesperson", nor "US Department" of "US Department of Commerce")."""
    words = re.findall(r"[A-Za-z]+", rendering)
    if not words:
        return False
    last = context_gloss.lemma(words[-1].lower())
    for gloss in glosses:
        head = re.findall(r"[A-Za-z]+", re.sub(r"\([^()]*\)", "", gloss))
        if head and context_gloss.lemma(head[-1].lower()) == last:
            return True
    return False


# what the words before a noun end with: a possessive (的, 之) or a demonstrative with its
# measure word (这一, 这些, 该) -- not a bare 这, the subject of 这说明 "this shows"
_NOUN_MARK = re.compile(r".*(?:[的之]|[这那此每][一个些种项次场]|该)")


def _marked_use(word: str, after: str, before: str = "") -> str:
    """How the words around ``word`` mark its use (a key of :data:`senses.USES`), or "":
    an aspect particle after it a verb (标志|着), and so does a pronoun, a name or a number
    after a word jieba tags a verb (使得|土耳其 "left Turkey ...", 使得|数百 "allowed
    hundreds", not "usable"); a possessive or a demonstrative before it a noun (其...的|主张
    "position", 这一|行动 "action", not "to advocate", "to move about"); a negation after
    it a word of negative sentences (根本|不), a verb or an adjective an adverb (相当|成功)."""
    if after in ASPECT:
        return "verb"
    if _NOUN_MARK.fullmatch(before) and after not in NOUN_SUFFIXES:  # 的|建国|者: the noun is 建国者
        return "noun"
    if after[:1] in NEGATIONS:
        return "negation"
    tag, next_tag = dictionary.pos_tag(segmenter.simplified(word)), dictionary.pos_tag(segmenter.simplified(after))
    if tag == "d" and next_tag[:1] in ("v", "a"):
        return "adverb"
    if tag == "v" and next_tag in ("r", "nr", "nrfg", "nrt", "ns", "nt", "nz", "m"):
        return "verb"
    return ""


def _sense_index(sentence_en: str, glosses: Sequence[str]) -> int:
    """The first of ``glosses`` that ``sentence_en`` renders (``len(glosses)`` when none)."""
    for k, gloss in enumerate(glosses):
        hit = context_gloss.english_match(sentence_en, (gloss,))
        if hit and hit[2] >= 0.5:
            return k
    return len(glosses)


def _claimed(sentence: AnalysedSentence, units: Sequence[Unit], text: str, glosses: Sequence[str], span,
             curated: bool = False, names_only: bool = False, glossary=None) -> bool:
    """Another word of the sentence renders the same English: 攻击 "to attack" and
    打击 "to hit; to strike; to attack" both match "attacks", 创造 "to create" and 创意
    "creative" both match "creating". A dictionary word's English is then nobody's for
    sure, and none is shown (a guess teaches the wrong word). A ``curated`` glossary
    term keeps it unless the other word renders it by an earlier sense of its own and
    stands nearer that English's place in the sentence. For a name, only another name
    counts: "Cairo" is 开罗's, so it is not 克里's (Kerry) for sounding alike; and for a
    name no dictionary has, any word whose English lies inside the name's."""
    en, zh = sentence.pair.en, sentence.pair.zh
    where = span[0] / max(1, len(en))
    spans = [(u.start, u.start + len(u.text)) for u in units if u.text == text]  # the term's own places
    mine = [abs(a / max(1, len(zh)) - where) for a, _ in spans]
    sounded = names_only and not dictionary.word_info(text).in_cedict  # (美国's own "United States" holds 联合's "United")
    index = None
    for u in units:
        if len(u.text) < 2 or not dictionary.is_han(u.text):
            continue
        if (u.text in text or text in u.text) and (not spans or any(
                u.start < b and a < u.start + len(u.text) for a, b in spans)):
            continue  # a piece of the term's own text; elsewhere, a word of its own (莫斯科 "Moscow" beside the cruiser 莫斯科号)
        if curated and mine and abs(u.start / max(1, len(zh)) - where) >= min(mine):
            continue
        info = dictionary.word_info(u.text, u.syllables)
        if names_only and not info.proper and not sounded:
            continue
        # a name claims its name, not what its gloss says of it: 美国 claims "United States",
        # and so 联合 "unite" is not rendered by "United"
        other = names_of(info.english) if info.proper else info.english
        if names_only and not info.proper:
            # a name found by its sound holds no word another word translates, nor lies in one: 胡德堡 陆军
            # 基地 is no "Hood Army Base", 台岛 no "Theater" of the glossary's 东部战区 "Eastern Theater Command"
            entry = glossary.get(u.text) if glossary is not None and u.glossary else None
            hit = context_gloss.english_match(en, entry.english if entry else other) if entry or other else None
            if hit and hit[2] >= 0.5 and hit[:2] != tuple(span[:2]) and (
                    span[0] <= hit[0] and hit[1] <= span[1] or hit[0] <= span[0] and span[1] <= hit[1]):
                return True
            continue
        hit = context_gloss.english_match(en, other) if other else None
        if not hit or hit[2] < 0.5 or span[0] < hit[0] or hit[1] < span[1] or (names_only and hit[:2] != tuple(span[:2])):
            continue  # (a name's part is not another's: 莫迪 "Narendra Modi" leaves 纳伦德拉 "Narendra")
        if not curated:
            return True
        index = _sense_index(en, glosses) if index is None else index
        if _sense_index(en, other) <= index:
            return True
    return False


# a sentence ends (not "U.S."), or a clause or list item does: "ballistic missiles, drones, anti-"
# is no rendering of 反弹道导弹
_PHRASE_BREAK = re.compile(r"[a-z]{2}[.!?][\"”’)]*\s|[,;:]\s")


def _breaks_phrase(rendering: str, glosses: Sequence[str]) -> bool:
    """A rendering that runs across a sentence or clause end ('world. "At the') or a list
    item's, unless the term's gloss is a list itself ("army, navy and air force" for
    陆海空三军 "army, navy, air force")."""
    found = _PHRASE_BREAK.search(rendering)
    return bool(found) and not (found.group().startswith(",") and any(map(context_gloss.is_list, glosses))
                                and not _PHRASE_BREAK.search(rendering.replace(", ", " ")))


_CLAUSE_WORDS = frozenset(
    "had has have was were is are am be been being will would shall should can could may might must "
    "do does did that which who whom whose called said says".split())


def _phrase(english: str) -> bool:
    """Whether ``english`` reads as one term (a noun phrase, a name), not a stretch of a
    clause ("supporters had warned", 'list called "Entity'): no quotes or brackets, no
    auxiliary, complementiser or verb of saying."""
    if any(c in english for c in "\"“”()[]:;"):
        return False
    return not any(w in _CLAUSE_WORDS for w in re.findall(r"[a-z']+", english.lower()))


# a Chinese body: "PRC Maritime Safety Agency" (驻华 "stationed in China" is none)
_CHINA = re.compile(r"^(?:PRC|China|Chinese)\b|\(PRC\)")


def _chinese_body_abroad(before: Unit, unit: Unit, glossary_words: Collection[str]) -> bool:
    """A word CC-CEDICT has only as a Chinese body, after another country's name: 朝鲜 |
    中央电视台 is Korean Central Television, not "China Central Television (CCTV)", and
    瑞典 | 海事局 Sweden's maritime administration, no "PRC Maritime Safety Agency"."""
    if unit.glossary or unit.text in glossary_words or not before.text or not dictionary.is_han(before.text):
        return False
    glosses = dictionary.word_info(unit.text).english
    if not glosses or not all(_CHINA.search(g) for g in glosses):
        return False
    place = dictionary.word_info(before.text)
    return place.proper and not any(_CHINA.search(g) for g in place.english)


def _unshouted(english: str, syllables: Sequence[str] | None) -> str:
    """A name as the card writes it where the English writes it in capitals (a transcript's
    speaker, "WILL RIPLEY:"): "Ripley", when it is the sound of the name's ``syllables``
    (an acronym, "OSCE", is no sound of a name, and stays). ``syllables`` is None for a
    term that is no name, or a name a dictionary writes."""
    if syllables and english.isupper() and name_sounds.sound_match(syllables, english):
        return english.title()
    return english


def _zipf_limit(max_zipf: float, info: dictionary.WordInfo, kind: str) -> float:
    """How common a word may be: ``max_zipf``, or up to :data:`ADVANCED_MARGIN` more for an
    advanced common word (HSK 5-6, no name) unless rarer words than the default were asked for."""
    advanced = info.hsk is not None and info.hsk >= ADVANCED_HSK and not kind
    return max_zipf + ADVANCED_MARGIN if advanced and max_zipf >= DEFAULT_MAX_ZIPF else max_zipf


_NOUN_TAGS = frozenset("n vn nz an ng".split())
_OPENING_QUOTES = frozenset(QUOTES) | {"《"}  # and a title's opening bracket


def _compounds(sentences, per_sentence, glossary_words) -> list[tuple[int, Unit]]:
    """Noun + noun pairs the English renders as one phrase (直升机 护卫舰 -> "helicopter carrier").

    Both nouns must be uncommon, and the aligned sentence must translate both parts,
    side by side, as a phrase (one part and a guessed head noun beside it is no
    evidence, nor is a clause: 支持者 警告 "supporters had warned"); the pair is then a
    candidate too, where the article uses it twice (its parts stay).
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
            if found and found[2] >= SURE and _phrase(en[found[0]:found[1]]):  # both parts side by side: one phrase
                out.append((i, join_units([a, b])))
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
    other words are dropped when more common than ``max_zipf`` (see :func:`_zipf_limit`
    for advanced words) or below HSK 2.0
    level ``hsk_min`` (None switches either test off). ``names`` keeps proper
    names; ``known`` words (simplified or traditional) are skipped; ``top`` caps
    the list.
    """
    glossary_words = _headwords(glossary)
    known = set(known)
    per_sentence = [sentence_units(s, glossary_words) for s in sentences]
    names_here = name_units.article_names(per_sentence)
    per_sentence = [[with_reading(u) for u in name_units.cut_known_names(units, names_here)] for units in per_sentence]

    counts: Counter[str] = Counter()
    first_seen: dict[str, Unit] = {}
    where: dict[str, list[int]] = defaultdict(list)

    def record(i: int, u: Unit) -> None:
        counts[u.text] += 1
        first_seen.setdefault(u.text, u)
        if i not in where[u.text]:
            where[u.text].append(i)

    sequences: list[list[str]] = []
    uses: dict[str, str] = {}  # how the Chinese marks a term's use where it first does (senses.USES)
    for i, units in enumerate(per_sentence):
        candidate = [is_candidate(u) and not (k and _chinese_body_abroad(units[k - 1], u, glossary_words))
                     for k, u in enumerate(units)]
        # what follows a word, past an opening quote: 使得 “叙利亚 ... is a verb before a name
        words = [(u, ok) for u, ok in zip(units, candidate) if u.text not in _OPENING_QUOTES]
        for k, ((u, ok), (after, _)) in enumerate(zip(words, words[1:])):
            before = "".join(w.text for w, _ in words[max(k - 2, 0):k])
            if ok and u.text not in uses and (use := _marked_use(u.text, after.text, before)):
                uses[u.text] = use
        candidates = [u for u, ok in zip(units, candidate) if ok]
        for u in candidates:
            record(i, u)
            for inner in inner_glossary(u, glossary_words, sentences[i].pair.en):
                record(i, inner)
        sequences.append([u.text for u in candidates])
    ranks = textrank(sequences)
    compounds = _compounds(sentences, per_sentence, glossary_words)
    seen_twice = Counter(u.text for _, u in compounds)
    for i, u in compounds:
        if seen_twice[u.text] >= 2:  # a phrase the article uses once may be words side by side
            record(i, u)

    kept: dict[str, tuple[Unit, dictionary.WordInfo, str, GlossaryEntry | None]] = {}
    for text, unit in first_seen.items():
        info = dictionary.word_info(text, unit.syllables, as_name=unit.named)
        kind = name_kind(text) or ("name" if unit.named else "")
        entry = glossary.get(text) if glossary is not None else None
        in_glossary = entry is not None
        if in_glossary and not kind and entry.pinyin[:1].isupper():
            kind = "name"  # the glossary capitalises proper names
        if text in known or info.traditional in known:
            continue
        if kind and not names and not in_glossary:
            continue
        if not in_glossary:
            if not kind and _two_words(text):
                continue
            if not kind and not unit.quoted and len(text) == 2 and not info.in_cedict \
                    and not segmenter.in_dictionary(text):
                continue  # two characters no dictionary has: the segmenter's guess (仍愿 "still wishes")
            if max_zipf is not None and info.zipf > _zipf_limit(max_zipf, info, kind):
                continue
            if hsk_min is not None and info.hsk is not None and info.hsk < hsk_min:
                continue
        kept[text] = (unit, info, kind, entry)

    # In-context English, first from glosses, then names from leftover capitalised words.
    context: dict[str, tuple[str, float]] = {}  # term -> (the article's English, how surely)
    for text, (unit, info, kind, entry) in kept.items():
        found = [(m[2], -k, i, m) for k, i in enumerate(where[text])
                 if (m := rendered_at(sentences[i].pair.en, text, info, entry.english if entry else (), unit.syllables, kind))
                 and not _breaks_phrase(sentences[i].pair.en[m[0]:m[1]], entry.english if entry else info.english)
                 and not _claimed(sentences[i], per_sentence[i], text, entry.english if entry else info.english, m,
                                  curated=entry is not None, names_only=bool(kind), glossary=glossary)]
        if found:
            _, _, i, m = max(found)
            english = sentences[i].pair.en[m[0]:m[1]]
            context[text] = (_unshouted(english, unit.syllables if kind and not info.in_cedict else None), m[2])
            where[text].remove(i)
            where[text].insert(0, i)  # the example that shows the English comes first
    parts_as_in_full(context, kept)
    unexplained = {t for t, (_, _, kind, _) in kept.items() if kind == "person" and t not in context}
    for i, units in enumerate(per_sentence):
        if unexplained & {u.text for u in units}:
            assign_names(sentences[i], units, context, unexplained)

    @functools.cache
    def example(i: int) -> Example:
        """Sentence ``i`` as an example; its pinyin is worked out once, not for every term in it."""
        return Example(zh=sentences[i].pair.zh, en=sentences[i].pair.en, pinyin=sentences[i].pinyin)

    article_english = (" ".join(s.pair.en for s in sentences),)
    terms = []
    for order, (text, (unit, info, kind, entry)) in enumerate(kept.items()):
        in_glossary = entry is not None
        rendering, sureness = context.get(text, ("", 0.0))
        own = [sentences[i].pair.en for i in where[text][:MAX_EXAMPLES]]
        glosses = name_senses(info.english, rendering, kind) if kind and not in_glossary else info.english
        english = senses.card_senses(glosses, own, article_english, name=bool(kind), use=uses.get(text, ""))
        if kind and unit.named and info.in_cedict and not info.proper and not in_glossary:
            english = (rendering,) if rendering else ()  # a common word the English spells as a name: 东风 "Dongfeng"
        elif kind and info.proper and rendering and not in_glossary and name_sounds.sounds_alike(unit.syllables, rendering) \
                and not name_sounds.named_in(info.english, rendering):
            english = (rendering,)  # another bearer of a dictionary's name: 哈迪 "Hadi", not "Hardy or Hardie"
        if not english and in_glossary:
            english = entry.english
        if not english and rendering and sureness >= SURE and (kind or _phrase(rendering)):
            english = (rendering,)  # a compound CEDICT lacks: the article's own rendering (a name's may hold
            # a clause's word: "Will Ripley", Theresa "May")
        if sureness < (SHOWN if info.in_cedict or in_glossary else SURE):
            rendering = ""  # a word no dictionary has needs evidence, any other word half its gloss
        elif sureness < 1.0 and (not kind or in_glossary) and (info.english or entry) \
                and not _keeps_head(rendering, entry.english if entry else info.english):
            rendering = ""  # part of a gloss without its head: "Foreign Ministry" is no spokesperson
        if not (kind or in_glossary or rendering) and verb_with_aspect(text, own):
            continue  # a verb and its aspect particle: 成了 "became", not "that's enough!"
        if not english and not in_glossary:
            continue  # nothing to show a learner: an unexplained name or a non-word
        if kind and info.in_cedict and not in_glossary and not rendering and not name_sounds.named_in(info.english, article_english[0]):
            continue  # a dictionary name the English never names: a piece of another (巴斯 of 顿巴斯), or no name here
        if len(unit.syllables) != sum(map(dictionary.is_han, text)):
            continue  # no reading: not card material
        boost = 1.0
        if in_glossary:
            boost *= 1.5
        if unit.quoted:
            boost *= 1.3
        if not info.in_cedict and not (in_glossary or unit.quoted or kind):
            boost *= 0.6  # likely a segmentation artefact
        if not in_glossary and max_zipf is not None and info.zipf > max_zipf:
            boost *= 0.5  # an advanced word kept however common: after the article's own terms
        score = (1 + math.log(counts[text])) * dictionary.rarity(text) ** 1.5 * boost * (0.75 + 0.5 * ranks.get(text, 0.0))
        examples = tuple(example(i) for i in where[text][:MAX_EXAMPLES])
        terms.append((-score, order, Term(
            hanzi=text,
            pinyin=term_pinyin(text, unit.syllables, english=name_sounds.spelt(rendering, unit.syllables), kind=kind or (
                "name" if not in_glossary and name_sounds.written_as_name(rendering, article_english[0]) else "")),
            english=english,
            context_english=rendering,
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
