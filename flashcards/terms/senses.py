"""The English a vocabulary card shows: a few clean dictionary senses, the article's first.

CC-CEDICT entries are written for look-up, not for a card: cross-references
(``廣西壯族自治區|广西壮族自治区[...]``), encyclopaedic notes ("founded in 1931 as
..."), register and grammar labels ("(Tw)", "(verb and noun)"), classifier senses and
ten senses in a row. A card gets at most :data:`MAX_SENSES` senses in plain English,
at most about :data:`MAX_CHARS` characters, with no Han character and no ``|``:

- ``clean_sense`` makes one sense card-ready, or drops it (None);
- ``card_senses`` ranks the clean senses: first those the term's own aligned English
  sentences use; when they use none, the first sense two sentences or more of the rest
  of the article's English use (the article's domain: 编队 in a naval report is
  "formation (of ships or aircraft)", not "to organize into teams"), unless the words it
  is found by are everyday English only (any article says "process" somewhere, or "return" for 反复's
  "(of an illness) to return"); then the dictionary's order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from flashcards.lexicon import cedict
from flashcards.terms import context_gloss

MAX_SENSES = 3
MAX_CHARS = 80

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
# what CC-CEDICT refers to in characters, with its pinyin: 廣州|广州[Guang3 zhou1]
_HAN_REFERENCE = re.compile(_HAN.pattern + r"(?:\|" + _HAN.pattern + r")?(?:\[[^\]]*\])?")
_PINYIN_REFERENCE = re.compile(r"\[[A-Za-z0-9:,·\- ]*\d[A-Za-z0-9:,·\- ]*\]")
# what is left of a sense whose characters were its point: "abbr. to", "namely, and"
_DANGLING = re.compile(r"(?:\b(?:abbr|to|of|for|and|or|as|namely|viz|see|also|by|from|with|in|like|than|pr)\.?|[:(])$"
                       r"|^(?:and|or)$", re.I)
_PRONUNCIATION_NOTE = re.compile(r"\s*\([^()]*\[[^\]]*\d[^\]]*\][^()]*\)")
_OUTSIDE_BRACKETS_COMMA = re.compile(r",(?![^()]*\))")
_VARIANT = re.compile(r"\bvariant of\b", re.I)
_PAREN = re.compile(r"\s*\(([^()]*)\)")
# Labels of register, region, grammar or source: data about the word, not its meaning.
_LABEL = re.compile(
    r"^(?:(?:tw|taiwan|hk|prc|mainland|coll|colloquial|dialect|old|archaic|literary|lit|fig|formal|informal|slang|"
    r"loanword|cantonese|bound form|honorific|polite|humble|derog|derogatory|pejorative|"
    r"(?:loanword )?from (?:Japanese|English|French|German|Russian|Sanskrit|Portuguese|Dutch|Spanish|Italian|Latin|"
    r"Greek|Arabic|Persian|Mongolian|Manchu|Tibetan|Korean|Malay|Hindi|Turkish)\b[^()]*|"
    r"name|(?:verb|noun|adjective|adverb)"
    r"(?: and (?:verb|noun|adjective|adverb))?|idiom(?:,[^)]*)?|onom|abbr|euphemism|neologism|"
    r"internet slang|in names|in compounds|used in \w+|(?:verb|directional) complement|suffix|prefix|"
    r"interjection|(?:final )?particle|preposition|conjunction|"
    r"(?:usu\.? |usually |often )?(?:used (?:adverbially|attributively|predicatively)|(?:followed|preceded) by [^()]+))\.?)$",
    re.I,
)
_NOT_A_MEANING = re.compile(
    r"^(?:CL:|classifier for|surname |variant of|(?:poem|essay|novel|play|book|song) by [A-Z]|old variant|see |abbr\. for|used in |"
    r"also pr\.|pr\. |\w+ pr\. |Japanese variant|unofficial variant|erhua variant)",
    re.I,
)
# An encyclopaedia's aside on a name: what it is known for, or what is there or was done
_FAME = re.compile(r"\s*(?:(?:noted|famous|known|renowned|well-known|celebrated)\s+(?:for|as)|where|which|who|whose)\b",
                   re.I)
# A sense of a specialist field: no sense for a news reader's card ("(math.) transitive").
_FIELD = re.compile(r"\((?:math|mathematics|physics|chemistry|chem|computing|medicine|med|biology|botany|zoology|"
                    r"geology|linguistics|grammar|music|sport|sports|Buddhism|Taoism|Christianity|TCM|"
                    r"astronomy|electricity|finance|economics|statistics|anatomy|pharm|physiology|photography|"
                    r"baseball|soccer|gaming|theater|typography|printing)\.?\)", re.I)
# "fig. opinion or demand" is the meaning itself, said of a word's figurative use ("lit. ..."
# is not: the literal words of an idiom are not its meaning); "classifier: slap" (巴掌) is
# the meaning of its use as a measure word (一巴掌, a slap)
_USE_LABEL = re.compile(r"(^|;\s*)(?:fig\.|classifier:)\s+(?=\w)", re.I)
# a sense that begins by saying what part of speech the word is: the meaning is after the colon
# ("auxiliary verb introducing future action: may (be able to)" -> "may (be able to)")
_GRAMMAR_LABEL = re.compile(r"^[^:;()]*\b(?:verb|particle|adverb|conjunction|preposition|pronoun)\b[^:;()]*:\s+(?=\w)",
                            re.I)
# The senses of a use the Chinese marks: a verb with an aspect particle (标志着 "to mark"), a
# word before a negation (根本不 "(not) at all", 从来不 "never (if used in negative sentence)"),
# an adverb before a verb or an adjective (相当成功 "quite", 一直在 "continuously").
USES = {
    "verb": re.compile(r"^to "),
    "noun": re.compile(r"^(?!to )"),
    "negation": re.compile(r"\((?:not|no)\)|\bnegative\b", re.I),
    "adverb": re.compile(r"^(?!(?:supply|reply|apply|family|ally|rally|assembly|anomaly|monopoly|friendly|lonely|"
                         r"elderly|deadly|costly|timely|orderly|lively|ugly|silly|holy|daily|weekly|monthly|yearly|"
                         r"fly|belly|jelly)\b)(?:[a-z]{2,}ly|quite|rather|very|at all|simply|still|again|also|even|almost|never|always|"
                         r"often|together|in advance|in turn|once again|one by one)(?: \([^()]*\))?$", re.I),
}
_LITERAL = re.compile(r"^\(?lit\.\)?\s", re.I)  # "lit. a notch ...", "(lit.) to fix one's gaze on"
_LEADING_NOTE = re.compile(r"\(([^()]*)\)\s*")
SURNAME = re.compile(r"^surname (?=[A-Z])")  # "surname Trump": the name Trump
_OPTIONAL_START = re.compile(r"^\([^()]*\)\s+(?=[A-Z])")  # what a name may start with: "(Colonel Muammar) Gaddafi"
_ASIDE = re.compile(r"^(?:also|e\.g\.|esp\.|especially|often)\s", re.I)  # a note on other uses or examples
_DETERMINERS = frozenset("a an the this that these those its their his her our my your no every each another".split())
_YEAR = re.compile(r"\b1[0-9]{3}\b|\b20[0-9]{2}\b")
_SB = ((re.compile(r"\bsb's\b"), "someone's"), (re.compile(r"\bsb\b"), "someone"),
       (re.compile(r"\bsth\b"), "something"))


def clean_sense(gloss: str, *, name: bool = False, lenient: bool = False) -> str | None:
    """One CC-CEDICT gloss as a card shows it, or None when it is no meaning to show.

    A proper name keeps the name alone ("Xi Jinping (1953-), PRC politician, ..." ->
    "Xi Jinping"), or its description up to the first cross-reference ("Hunan province
    in south central China, abbr. 湘, capital Changsha 长沙" -> "Hunan province in south
    central China"); notes in brackets that are labels or long asides go; "sb" and "sth"
    are written out. A sense of a specialist field goes, and so does one that needs its
    long note to be understood ("America (including North, Central and South
    America)" is not "America"), unless ``lenient``: then only the label or note goes
    (for a word whose every sense is such, 对冲 "(finance) to hedge").
    """
    text = _GRAMMAR_LABEL.sub("", _USE_LABEL.sub(r"\1", " ".join(gloss.split())))
    labelled = _LEADING_NOTE.match(text)
    if labelled and all(_LABEL.match(label.strip()) for label in labelled.group(1).split(",")):
        text = text[labelled.end():]  # "(Tw) surname Trump": the label says nothing of the meaning
    if name:
        text = SURNAME.sub("", text)  # a foreign name's surname sense names it: 川普 "Trump"
        text = _OPTIONAL_START.sub("", text)  # "(Colonel Muammar) Gaddafi": the name is "Gaddafi"
    if not text or _NOT_A_MEANING.match(text) or (name and _ASIDE.match(text)):
        return None  # a name's "also Nanchang county" is another place of the name, no sense of it
    if not lenient and (_FIELD.search(text) or any(_explains(m.group(1)) for m in _PAREN.finditer(text))):
        return None
    text = _FIELD.sub("", text)
    if name and (life := cedict.LIFESPAN.search(text)):
        text = text[: life.start()]
    if name:  # the description ends where its cross-references or its fame begin: "..., abbr. 湘,
        # capital Changsha 长沙", "Hsinchu city in northern Taiwan, noted for high tech industries",
        # "Changi, area in the east of Singapore, where Singapore Changi Airport is located"
        parts = _OUTSIDE_BRACKETS_COMMA.split(text)
        first = next((k for k, part in enumerate(parts) if k and (_HAN.search(part) or _FAME.match(part))), len(parts))
        text = ",".join(parts[:first])
    text = _PAREN.sub(lambda m: "" if _drop_note(m.group(1)) else m.group(0), text)
    text = ";".join(filter(None, map(_without_references, text.split(";"))))
    for pattern, plain in _SB:
        text = pattern.sub(plain, text)
    text = re.sub(r"\s+([,;.)])", r"\1", " ".join(text.split())).strip(" ,;:")
    text = re.sub(r"\(\s*\)", "", text).strip()
    if not re.search(r"[A-Za-z]", text) or "|" in text:
        return None
    if len(text) > MAX_CHARS:  # each sense of the gloss on its own ("huge; great; grand; worthy of ...")
        text = "; ".join(filter(None, (_shorten(p.strip()) for p in text.split(";"))))
    return text or None


def _without_references(sense: str) -> str:
    """One sense without the words in characters it refers to (``廣州|广州[Guang3 zhou1]``),
    and without the parts that say nothing without them: "abbr. to 中纤板" and "ancient
    variant of 乞" go whole, "the three annual periods of hot weather, namely 初伏, 中伏
    and 末伏" keeps what comes before its list, "abbr. of 印子钱, usury" what comes after."""
    sense = _PRONUNCIATION_NOTE.sub("", sense)  # "with (Taiwan pr. [han4])" is "with"
    if not _HAN.search(sense) and not _PINYIN_REFERENCE.search(sense):
        return sense
    kept: list[str] = []
    for part in _OUTSIDE_BRACKETS_COMMA.split(sense):
        rest = " ".join(_PINYIN_REFERENCE.sub(" ", _HAN_REFERENCE.sub(" ", part)).split())
        rest = re.sub(r"\s+([;.:)])", r"\1", rest)
        if rest and (rest == part.strip() or not (_DANGLING.search(rest) or _VARIANT.search(rest))):
            kept.append(rest)  # a part without references, or one that still says something
        elif kept:
            break  # the rest is the list the reference began
    return ", ".join(kept)


def _drop_note(note: str) -> bool:
    note = note.strip()
    return bool(_LABEL.match(note)) or len(note) > 30 or bool(_HAN.search(note)) or bool(_YEAR.search(note))


def _explains(note: str) -> bool:
    """A long note in brackets that is part of the meaning, not history, a label, a list
    of examples ("to make (a choice, decision, proposal, response, comment etc)") or an
    aside on other uses ("good action, deed, thing or work (also sarcastic, "a fine thing
    indeed")", "to distribute (e.g. disaster relief to victims)")."""
    note = note.strip()
    return (len(note) > 30 and not _HAN.search(note) and not _YEAR.search(note) and not _LABEL.match(note)
            and not re.search(r"\betc\.?$", note) and not _ASIDE.match(note))


def _shorten(text: str) -> str:
    """A sense within the limit: as it is, without its notes in brackets ("State-owned
    Assets Supervision and Administration Commission of State Council (SASAC)"), or cut
    at its last comma that keeps it within it."""
    if len(text) <= MAX_CHARS:
        return text
    bare = " ".join(_PAREN.sub("", text).split())
    if len(bare) <= MAX_CHARS:
        return bare
    cut = text.rfind(",", 0, MAX_CHARS)
    return text[:cut].strip() if cut > 10 else ""


def card_senses(
    glosses: Sequence[str],
    own_sentences: Sequence[str] = (),
    article_english: Sequence[str] = (),
    *,
    name: bool = False,
    use: str = "",
) -> tuple[str, ...]:
    """At most :data:`MAX_SENSES` clean senses of ``glosses`` within :data:`MAX_CHARS`,
    ranked by the English of the term's own sentences, then of the whole article.
    Where the Chinese marks how the article ``use``s the term (see :data:`USES`), the
    senses of that use come before the others the English does not choose between:
    标志着 is "to mark", not "sign"; 根本不存在 "(not) at all", not "fundamental";
    相当成功 "quite", not "equivalent to".

    A name's English is its first clean sense alone: the rest of its entry is
    encyclopaedia (offices held, history), not what the card teaches.
    """
    clean: list[str] = []
    seen: set[str] = set()
    literal: set[str] = set()  # senses CC-CEDICT labels as the literal words, "(lit.) to fix one's gaze on" (青睐)
    for lenient in (False, True):
        # specialist and explained senses only when there is nothing else, or (not for a
        # name) when the term's own sentences use them whole (需求 "(economics) demand")
        only_used = lenient and bool(clean)
        for gloss in glosses:
            cleaned = clean_sense(gloss, name=name, lenient=lenient) or ""
            for sense in filter(None, (p.strip() for p in cleaned.split(";"))):  # "(math.) factor; divisor"
                if sense.lower() in seen or (only_used and (name or not _used(sense, own_sentences, 1.0)[0])):
                    continue
                seen.add(sense.lower())
                clean.append(sense)
                if _LITERAL.match(gloss) and ";" not in cleaned:  # not the "fig." sense of the same gloss
                    literal.add(sense)
    if _YEAR.search(" ".join(clean[1:])):  # encyclopaedic senses go when others remain
        clean = [c for k, c in enumerate(clean) if k == 0 or not _YEAR.search(c)]
    each = [[_used(sense, (sentence,), 0.5) for sentence in own_sentences] for sense in clean]  # sentence by sentence
    own = [max(found, default=(0.0, 0, 0, 0)) for found in each]
    if use == "noun":  # a verb sense the English, too, uses as a noun: 这一行动 "the move" is no "to move about"
        own = [(0.0, 0, 0, 0) if USES["verb"].match(clean[k]) and found[3] < 0 else found for k, found in enumerate(own)]
    # an idiom's literal words ("lit. a notch on the side of a boat ...") after what it means
    # of senses the sentences use whole and alike, the one with least else in it: "asked" is
    # "to ask" more than "to ask the way"
    scattered = [_scattered(sense, own_sentences) if own[k][0] else 0.0 for k, sense in enumerate(clean)]
    as_used = [bool(use and USES[use].search(clean[k])) for k in range(len(clean))]
    # a prepositional phrase whose words the sentences use without its preposition means
    # something else there: "the most" is no "at most" (最多), so it follows the others
    astray = [not own[k][0] and bool(bare := context_gloss.unframed(sense)) and _used(bare, own_sentences, 1.0)[0] > 0
              for k, sense in enumerate(clean)]
    # of senses found alike, the one more of the term's own sentences use: "agent" in two, of
    # 特工 "special agent", not "service" in one, of "secret service" (another word's "security service")
    widely = [sum(1 for found in each[k] if found[:3] == own[k][:3]) if own[k][0] else 0 for k in range(len(clean))]
    ranked = sorted(range(len(clean)), key=lambda k: (-own[k][0], -own[k][1], -own[k][2], -widely[k], -own[k][3], astray[k], not as_used[k],
                                                      bool(_LITERAL.match(clean[k])) or clean[k] in literal, -scattered[k],
                                                      context_gloss.phrase_length(_PAREN.sub("", clean[k])) if own[k][0] == 1.0 else 0, k))
    if ranked and not own[ranked[0]][0]:
        # no sense in the term's own sentences: the first the article uses elsewhere leads,
        # unless the words it is found by are everyday English ("(of an illness) to return"
        # is found by "return")
        domain = next((k for k in ranked if as_used[k] == as_used[ranked[0]]
                       and not context_gloss.common_words_only(" ".join(context_gloss.gloss_variants(clean[k])))
                       and _recurring(clean[k], article_english)), None)
        if domain is not None:
            ranked.remove(domain)
            ranked.insert(0, domain)
    if name:
        return tuple(clean[k] for k in ranked[:1])
    out: list[str] = []
    for k in ranked:
        if len(out) == MAX_SENSES or (out and len("; ".join([*out, clean[k]])) > MAX_CHARS):
            break
        out.append(clean[k])
    return tuple(out)


_MARKED = re.compile(r"\([^()]*\b[A-Z][^()]*\)")  # a sense for one country or body: (PRC), (of the US), not (a decision)


def used_first(senses: Sequence[str], sentences: Sequence[str]) -> tuple[str, ...]:
    """Curated ``senses`` in their curated order, unless the term's own ``sentences`` do not
    use the first: a sense they use leads where the first is marked for one country or body
    ("State Council (PRC)"; 国务院 "State Department (US); State Council (PRC)" in a report on
    the US State Department), and an unmarked phrase of two words or more (not one hyphenated
    word: "near-alliance") they use whole leads over any other (部队 in 武装部队 "armed forces", not "unit"; 总理 "prime minister" of
    Thailand, not "premier"). A single word stays behind: the curator's main sense
    ("chairman" of 主席, "to make (a decision or choice)" of 做出) is no worse for a synonym
    the translator chose, and "President (of the PRC)" is no GDR chairman."""
    if not senses or _used(senses[0], sentences, 1.0)[0]:
        return tuple(senses)
    if _MARKED.search(senses[0]):
        used = next((k for k in range(1, len(senses)) if _used(senses[k], sentences, 1.0)[0]), None)
    else:  # a phrase of two words or more the sentences use whole: 部队 in 武装部队 "armed forces", not "unit"
        used = next((k for k in range(1, len(senses)) if not _MARKED.search(senses[k])
                     and len(_PAREN.sub("", senses[k]).split()) >= 2 and _used(senses[k], sentences, 1.0)[1] >= 2), None)
    return tuple(senses) if used is None else (senses[used], *senses[:used], *senses[used + 1:])


def _used(sense: str, sentences: Sequence[str], least: float) -> tuple[float, int, int, int]:
    """How well any of ``sentences`` renders ``sense``: the best share of its content
    words found together (1.0 = all of them), counted from ``least`` on, how many words
    that was (the more specific sense wins a tie: "Central African Republic" over
    "Central Africa") and how many of them as the same word, not one sharing its stem
    ("whole" for "whole", not "integrated" for "integral"), and whether the word is used as
    the sense's part of speech (1), as another (-1) or either (0): after a determiner it is a
    noun, after "to" a verb ("a record" is "record (in sports etc)", not "to record"). The
    term's own sentence counts half a sense; the rest of the article only a whole one
    ("supply" elsewhere is no evidence for "in short supply")."""
    best = (0.0, 0, 0, 0)
    verb = sense.startswith("to ")
    for sentence in sentences:
        words = context_gloss.english_words(sentence)
        for hit in context_gloss.gloss_hits(sense, sentence):
            if hit.particle_only:
                continue  # the "on" of "on the carrier's bow" is no sense "to turn on" of 打开
            # a verb sense found as a noun ("a record" is no "to record"), or a noun sense as a verb
            noun_use = hit.first > 0 and words[hit.first - 1].lower in _DETERMINERS
            verb_use = hit.first > 0 and words[hit.first - 1].lower == "to"
            agrees = 0 if not (noun_use or verb_use) else 1 if verb == verb_use else -1
            if (hit.coverage, hit.matched, hit.exact, agrees) > best:
                best = (hit.coverage, hit.matched, hit.exact, agrees)
    return best if best[0] >= least else (0.0, 0, 0, 0)


def _recurring(sense: str, sentences: Sequence[str]) -> bool:
    """Whether two of ``sentences`` or more render ``sense`` whole: a word of the article's
    domain, not one it happens to use once ("investments" in a report on a political crisis
    says nothing of 付出 "to invest (energy or time)" in 付出代价 "to pay a price")."""
    found = (sentence for sentence in sentences if _used(sense, (sentence,), 1.0)[0])
    return next(found, None) is not None and next(found, None) is not None


def _scattered(sense: str, sentences: Sequence[str]) -> float:
    """The share of the sense's content words that a sentence has anywhere, together or
    not: of senses found alike, the one whose other words the sentence also uses
    ("security issue", not "safety issue", where it speaks of "issues of development
    security")."""
    best = 0.0
    for sentence in sentences:
        words = context_gloss.english_words(sentence)
        for variant in context_gloss.gloss_variants(sense):
            wanted = context_gloss.content_words(variant)
            if wanted:
                found = sum(any(context_gloss.matches(g, w) for w in words) for g in wanted)
                best = max(best, found / len(wanted))
    return best
