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
from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import dataclass

from flashcards.store import cache
from flashcards.terms import word_forms

# Latin letters, accented ones too: English news keeps them in names (Aïssata, Atatürk, Łukaszenka)
_EXTENDED = [chr(c) for c in range(0x100, 0x180)]
UPPER = "A-ZÀ-ÖØ-Þ" + "".join(c for c in _EXTENDED if c.isupper())
LOWER = "a-zß-öø-ÿ" + "".join(c for c in _EXTENDED if c.islower())
LETTER = UPPER + LOWER
_WORD = re.compile(rf"\d+(?:st|nd|rd|th)\b|[{LETTER}]+|\d+")  # an ordinal is one word: 20th
_PAREN = re.compile(r"\(([^()]*)\)")
_GLOSS_WORD = re.compile(r"\d+(?:st|nd|rd|th)\b|-?[A-Za-z]+-?")
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
# a note that names the same thing in other words: "runway (i.e. airstrip)"
_SAME_THING = re.compile(r"^i\.e\.\s+((?:[A-Za-z-]+\s?){1,3})$")
# a note that quotes the phrase the sense is used in: 'ranks (as in "join the ranks of...")'
_USED_IN = re.compile(r'^as in "([^"]+)"$')
_GLOSS_SEPARATOR = re.compile(r"[;,]")
_LETTERS = re.compile(rf"[{LETTER}]+")
_WORD_START = re.compile(rf"[{LETTER}0-9]+$")
_COORDINATION = re.compile(r"\b(?:and|or|nor)\b")
_INFINITIVE = re.compile(r"to\s+(?=[a-z])", re.I)  # a gloss that is a verb: "to found"
# Words a gloss uses for grammar, not meaning ("to strike back", "sb's", "(of sth)").
_STOP = frozenset(
    "a an the to of in on for and or with by be is are as at from into onto up out off "
    "sb sth sb's one oneself one's it its etc esp e g i lit fig used idiom abbr "
    "something someone somebody kind type sort way very also have has do does if".split()
)
# a verb gloss of a verb and its particle, nothing else: "to go up", "to set out"
_PHRASAL_VERB = re.compile(r"^to ([a-z]+) (up|out|off|down|on|in|over|away|back|forward|aside|apart|together)$")
# a gloss that is a prepositional phrase: "at most", "in the center" (not "the most", "at the centre")
_PREPOSITIONAL = re.compile(r"^(at|in|on|by|under|over|for|from|with|within|without) (?=[a-z])")
_ARTICLES = frozenset({"a", "an", "the"})
_NEGATION = frozenset({"not", "no", "never"})  # found alone, no evidence: "have not been" is no "not bad" (差不多)
_BE = frozenset({"being", "been"})  # forms of "be", whose lemma every "is" and "was" matches
_MAX_GAP = 2  # words between two matched words of one gloss
_PHRASE_WORDS = 3  # a gloss this long ("let it be") is a phrase, not a word with its grammar
_FRAME = frozenset({"to", "a", "an", "the"})  # not counted in a gloss's length: "as a whole" is no phrase


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
    """A gloss without its parenthesised notes, plus any acronym they hold or other short
    name they give it; the pieces of a gloss that lists them, and the list whole.

    "gross domestic product (GDP)" -> both; "runway (i.e. airstrip)" -> both;
    'ranks (as in "join the ranks of...")' -> "ranks" and "join the ranks of";
    "internal (to a country, ...)" -> "internal"; "army, navy, air force" -> each, and
    "army navy air force".
    """
    notes = _PAREN.findall(gloss)
    inner = [p for p in notes if _ACRONYM.search(p)] + [
        m.group(1).strip(". ") for p in notes if (m := _SAME_THING.match(p.strip()) or _USED_IN.match(p.strip()))]
    outer = _PAREN.sub(" ", gloss)
    out = []
    for text in [outer, *inner]:
        for piece in _GLOSS_SEPARATOR.split(text):
            if _GLOSS_WORD.search(piece):
                out.append(piece.strip())
    if is_list(outer):  # "army, navy, air force": also all of it
        out.append(" ".join(outer.replace(",", " ").split()))
    return out


def is_list(gloss: str) -> bool:
    """A gloss that lists three things or more ("army, navy, air force"), whose rendering
    may list them too, commas and all."""
    return _PAREN.sub(" ", gloss).count(",") >= 2 and ";" not in gloss


@functools.cache
def content_words(gloss: str) -> tuple[str, ...]:
    """The meaning-bearing words of one gloss variant, lemmatised (but a verb after "to",
    a base form already, and a word of two letters, which simplemma takes for a pronoun's
    form); affixes keep their dash."""
    out = []
    phrasal = _PHRASAL_VERB.match(gloss.lower())
    infinitive = _INFINITIVE.match(gloss)
    for found in _GLOSS_WORD.finditer(gloss):
        word = found.group().lower()
        if phrasal and found.start() == phrasal.start(2):
            out.append(word)  # "to go up" is not "to go": the particle is a word of the verb
            continue
        if word.strip("-") in _STOP or len(word.strip("-")) < 2:
            continue
        if word in _BE and not gloss[:found.start()].endswith("-"):
            continue  # "to come into being" is not found by "is"; "well-being" keeps its word
        if word.startswith("-") or word.endswith("-"):
            out.append(word)  # "-ism", "quasi-": matched as suffix / prefix
        elif infinitive and found.start() == infinitive.end():
            out.append(word)  # "to found" is the base form: no past tense of "to find"
        else:  # a word of two letters is itself: "em" is no "they", nor "US" "we"
            out.extend(w if len(w) <= 2 else lemma(w) for w in word.split("-") if w)
    return tuple(dict.fromkeys(out))


@functools.lru_cache(maxsize=1 << 14)
def _wanted_words(gloss: str) -> tuple[tuple[tuple[str, ...], int, str, str, str], ...]:
    """The content words of each variant of ``gloss`` that has any, how many words the
    variant has besides "to" and articles, the variant lower-cased, the particle of a
    phrasal verb ("to look out": "out") and the preposition a prepositional phrase opens
    with ("at most": "at"): what is looked for in a sentence, worked out once per gloss
    instead of once per sentence searched."""
    out = []
    for variant in gloss_variants(gloss):
        if wanted := content_words(variant):
            lower = variant.lower()
            phrasal = _PHRASAL_VERB.match(lower)
            lead = _PREPOSITIONAL.match(lower)
            out.append((wanted, phrase_length(variant), re.sub(r"^to ", "", lower), phrasal.group(2) if phrasal else "",
                        lead.group(1) if lead else ""))
    return tuple(out)


def unframed(gloss: str) -> str:
    """A prepositional phrase without its preposition ("at most" -> "most"), or ""."""
    lead = _PREPOSITIONAL.match(gloss.lower())
    return gloss[lead.end():] if lead else ""


def _led_by(words: Sequence[Word], first: int, preposition: str) -> bool:
    """Does ``preposition`` come right before word ``first``, but for articles?"""
    k = first - 1
    while k >= 0 and words[k].lower in _ARTICLES:
        k -= 1
    return k >= 0 and words[k].lower == preposition


def phrase_length(text: str) -> int:
    """Words of ``text`` besides "to" and articles: "as a whole" has two, "let it be" three."""
    return sum(w.lower() not in _FRAME for w in _LETTERS.findall(text))


def matches(gloss_word: str, word: Word) -> bool:
    """Does the English ``word`` render ``gloss_word`` (a lemma, or an affix like "-ism")?"""
    return word_forms.same_word(gloss_word, word.lower, word.lemma)


@dataclass(frozen=True)
class Hit:
    """Where one gloss (or part) shows up: word indices first..last, how well."""

    first: int
    last: int
    matched: int  # distinct gloss words found
    wanted: int  # gloss words there were
    exact: int = 0  # of those found, how many as the same word, not one sharing its stem only
    phrase: int = 0  # when the hit is one everyday word of a phrase: the phrase's words
    gaps: int = 0  # content words between those found that the gloss does not have
    particle_only: bool = False  # a phrasal verb's particle alone ("on" of "to turn on"), or a negation alone

    @property
    def coverage(self) -> float:
        return self.matched / self.wanted if self.wanted else 0.0

    @property
    def strength(self) -> float:
        """How surely the hit renders the gloss: its coverage, but one everyday word of a
        phrase is one word of all of them ("let" of "let it be")."""
        return 1 / self.phrase if self.phrase else self.coverage


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
    """Where each lemma, word form, 5-letter prefix, -sion stem and run-together compound occurs
    among the words of ``sentence`` (keyed by the text: hashing a string is cached,
    hashing a tuple of words is not)."""
    index: dict[tuple[str, str], list[int]] = {}
    for i, w in enumerate(english_words(sentence)):
        keys = {("exact", w.lower), ("exact", w.lemma), ("exact", word_forms.us_spelling(w.lemma)),
                ("prefix", w.lemma[:word_forms.MIN_PREFIX])}
        if stem := word_forms.sion_stem(w.lemma):
            keys.add(("sion", stem))
        if w.compound:
            keys.add(("compound", w.compound))
        for key in keys:
            index.setdefault(key, []).append(i)
    return {k: tuple(v) for k, v in index.items()}


def _candidates(gloss_word: str, index, count: int) -> Sequence[int]:
    """Word positions that may match ``gloss_word``: same form or same prefix; all for affixes."""
    if gloss_word.startswith("-") or gloss_word.endswith("-"):
        return range(count)
    found = set(index.get(("exact", gloss_word), ())) | set(index.get(("exact", word_forms.us_spelling(gloss_word)), ()))
    if len(gloss_word) >= word_forms.MIN_PREFIX:
        found.update(index.get(("prefix", gloss_word[:word_forms.MIN_PREFIX]), ()))
    if stem := word_forms.sion_stem(gloss_word):
        found.update(index.get(("sion", stem), ()))
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
    for wanted, length, variant, particle, preposition in _wanted_words(gloss):
        positions = sorted(
            {(i, i, g) for g in wanted for i in _candidates(g, index, len(words)) if matches(g, words[i])}
            | {(i, words[i].compound_last, g) for g in wanted for i in index.get(("compound", g), ())}
        )
        same = {(i, g) for i, j, g in positions if i < j or g in (words[i].lower, words[i].lemma)}
        # group into clusters of nearby matches; ``reach`` is the cluster's last word
        cluster: list[tuple[int, int, str]] = []
        reach = 0
        for i, j, g in positions + [(10**9, 10**9, "")]:
            if cluster and i - reach > _MAX_GAP + 1:
                first, last, found = _tightest(cluster)
                inside = {k for k, _, _ in cluster if first <= k <= last}
                gaps = sum(k not in inside and words[k].lower not in _STOP for k in range(first, last + 1))
                # a phrasal verb's verb without its particle is another verb: "took a closer
                # look" is no "to look out" (the particle alone may be 起's "up" of "to get up")
                found_words = {g for k, _, g in cluster if first <= k <= last}
                # and a prepositional phrase without its preposition is another phrase: "the
                # most" is no "at most", "at the centre" no "in the center"
                # (a phrase whose first word is missing is judged by its coverage: "supply" of "in short supply")
                whole = (not particle or particle in found_words) \
                    and (not preposition or wanted[0] not in found_words or _led_by(words, first, preposition))
                if whole and not _out_of_order(cluster, first, last, wanted, words, variant, gaps):
                    exact = {g for k, _, g in cluster if first <= k <= last and (k, g) in same}
                    # one everyday word is no rendering of a phrase: "let" of "let it be", "came" of
                    # "to come out as", "hand" of "hand in hand"; it covers one word of them all
                    lone = found == 1 and length >= _PHRASE_WORDS and word_forms.common_english(words[first].lower) \
                        and variant not in sentence.lower()
                    hits.append(Hit(first, last, found, len(wanted), len(exact), length if lone else 0, gaps,
                                    particle_only=(bool(particle) and found_words == {particle}) or found_words <= _NEGATION))
                cluster = []
            if g:
                reach = max(reach, j) if cluster else j
                cluster.append((i, j, g))
    return tuple(hits)


def _out_of_order(cluster, first: int, last: int, wanted: Sequence[str], words: Sequence[Word],
                  variant: str, gaps: int) -> bool:
    """The gloss's words found in another order with a content word or "and" or "or" between
    them: no rendering. Pieces of two coordinated phrases ("security and traditional" of
    "energy security and traditional and non-traditional risks" is not "traditional
    security"), or a clause the term's own words only frame ("agreement Iran reached" is
    no "to reach agreement": Iran is the subject). "talks held" may render "to hold talks".
    In order too, a content word and a coordinator between them join two phrases: "civil and
    political rights" renders 公民权利和政治权利, not 公民权利 "civil rights" alone."""
    coordinated = not _COORDINATION.search(variant) and any(words[k].lower in ("and", "or", "nor") for k in range(first + 1, last))
    if not coordinated and not gaps:
        return False
    if coordinated and gaps:
        return True
    order = [wanted.index(g) for k, _, g in sorted(cluster) if first <= k <= last]
    return order != sorted(order)


def _best(hits: Sequence[Hit]) -> Hit | None:
    if not hits:
        return None
    # the same word before one sharing its stem: "location" for 地点, not "located" earlier; a
    # word between counts against a longer hit: 会谈 "talks", not "hold urgent talks" by "hold talks"
    return max(hits, key=lambda h: (h.strength >= 0.5, h.matched - h.gaps, h.strength, -h.gaps, h.exact,
                                    -(h.last - h.first), -h.first))


def _parts_span(parts: Sequence[Sequence[str]], sentence: str) -> tuple[int, int, int] | None:
    """Word indices covering the renderings of most parts in ``sentence``, close together,
    and how many parts."""
    words = english_words(sentence)
    options = []
    for glosses in parts:
        hits = [h for g in glosses for h in gloss_hits(g, sentence) if h.strength >= 0.5 or h.matched >= 2]
        hits = sorted(set(hits), key=lambda h: (-h.matched, h.first))[:6]
        options.append([None, *hits])
    best = None
    best_key = None
    for combo in itertools.product(*options):
        chosen = [h for h in combo if h is not None]
        if all(h.particle_only for h in chosen):
            continue  # a particle renders a part beside another part ("win back"), not alone ("out" of 开出)
        first = min(h.first for h in chosen)
        last = max(h.last for h in chosen)
        if last - first > 2 * len(parts) + 1:
            continue
        inside = set().union(*(range(h.first, h.last + 1) for h in chosen))
        if any(k not in inside and words[k].lower not in _STOP and not sentence[words[k].start].isupper()
               for k in range(first, last)):
            continue  # a word no part renders between them ("not spinning like" is no 不像), but in a name
        # head extension: an unmatched last part is usually the English head noun
        if combo[-1] is None and len(parts) > 1 and last + 1 < len(words) and words[last + 1].lower not in _STOP:
            last += 1
        elif combo[0] is None and len(parts) > 1 and first > 0 and words[first - 1].lower not in _STOP:
            first -= 1
        # of spans as short, one rendering the parts in their order: 数战 "several wars", not "fought several"
        in_order = all(a.first < b.first for a, b in zip(chosen, chosen[1:]))
        key = (len(chosen), -(last - first), in_order)
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
    if whole and whole.strength >= 0.5:
        found = (whole.first, whole.last, whole.strength)
    if found is None and len(parts) > 1:
        by_parts = _parts_span(parts, sentence)
        if by_parts:
            found = (by_parts[0], by_parts[1], 0.9 * by_parts[2] / len(parts))
    if found is None and whole is not None:
        found = (whole.first, whole.last, 0.5 * whole.strength)
    if found is None:
        return None
    start, end = words[found[0]].start, words[found[1]].end
    if sentence[end:end + 2] in ("'t", "’t"):
        end += 2  # "won't", not "won": a negation is one word, cut in two above
    # where the gloss has a hyphenated word, so has its rendering: "medium-range missile" for
    # "intermediate-range missile", not "range missile"; 航母 "aircraft carrier" is no
    # "anti-aircraft carrier", nor 快速 "fast" "fast-moving"
    if "-" not in (sentence[start - 1:start], sentence[end:end + 1]):
        return start, end, found[2]  # no hyphenated word cut: the common case, no gloss to read
    hyphenated = [t.lower().split("-") for g in itertools.chain(glosses, *parts) for t in re.findall(r"\w+(?:-\w+)+", g)]
    if any(t[-1] == words[found[0]].lower for t in hyphenated):
        while start > 1 and sentence[start - 1] == "-" and sentence[start - 2].isalnum():
            start = _WORD_START.search(sentence[:start - 1]).start()
    if any(t[0] == words[found[1]].lower for t in hyphenated):
        while end + 1 < len(sentence) and sentence[end] == "-" and sentence[end + 1].isalnum():
            end = _WORD.match(sentence, end + 1).end()
    return start, end, found[2]


def english_span(sentence: str, glosses: Sequence[str], parts: Sequence[Sequence[str]] = ()) -> tuple[int, int] | None:
    """Character offsets of :func:`english_match`, without its quality."""
    found = english_match(sentence, glosses, parts)
    return found[:2] if found else None


def english_text(sentence: str, glosses: Sequence[str], parts: Sequence[Sequence[str]] = ()) -> str:
    """The text of :func:`english_span`, or "" when there is none."""
    span = english_span(sentence, glosses, parts)
    return sentence[span[0]:span[1]] if span else ""


def common_words_only(text: str) -> bool:
    """Whether every word of ``text`` is common English ("On February", "Prime Minister")."""
    return all(word_forms.common_english(w.lower()) for w in _LETTERS.findall(text))


@cache.persistent()
def rare_english(word: str) -> bool:
    """Whether ``word`` is rare in English (wordfreq Zipf under 3: "Ishiba", not "Vietnamese")."""
    from flashcards.lexicon.frequency import zipf

    return zipf(word.lower(), "en") < 3.0
