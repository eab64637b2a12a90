"""Whether one English word is another's form: lemmas, British spellings, -sion nouns
of verbs and shared stems ("deterrent" ~ "deterrence"), not compounds ("north" is no
"northeast") or agent nouns ("fight" is no "fighter")."""

from __future__ import annotations

import functools

from flashcards.store import cache

MIN_PREFIX = 5  # "deterrent" ~ "deterrence", "strategy" ~ "strategic"
_AGENT_SUFFIXES = frozenset({"er", "ers", "or", "ors"})
# what a word may add to a shorter one it starts with and stay the same word: "forge" is not "forget"
_SHORT_ENDINGS = frozenset({"s", "es", "d", "ed", "e", "y", "ly", "al", "ic", "ty", "ce", "cy", "ry"})
# suffixes that are words too: "relationship" is still "relation", "sustainable" "sustain"
_SUFFIX_WORDS = frozenset({"ship", "ships", "able", "ably", "less", "like", "wise", "ward", "wards", "hood"})


@cache.persistent()
def common_english(word: str) -> bool:
    from flashcards.lexicon.frequency import zipf

    return zipf(word, "en") >= 4.5


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


@functools.lru_cache(maxsize=1 << 18)
def same_word(gloss_word: str, lower: str, lemma: str) -> bool:
    """Does an English word (``lower``, its ``lemma``) render ``gloss_word`` (a lemma, or
    an affix like "-ism"): the same lemma, its British spelling, a -sion noun of its verb
    or one sharing a long enough stem, but no compound or agent noun of it."""
    if gloss_word.startswith("-"):
        return len(lower) > len(gloss_word) and lower.endswith(gloss_word[1:])
    if gloss_word.endswith("-"):
        return lower == gloss_word[:-1] or (len(lower) > len(gloss_word) and lower.startswith(gloss_word[:-1]))
    if gloss_word in (lemma, lower) or _sion_noun(gloss_word, lemma) or _sion_noun(lemma, gloss_word) \
            or us_spelling(gloss_word) == us_spelling(lemma):
        return True
    shorter = min(len(gloss_word), len(lemma))
    common = _common_prefix(gloss_word, lemma)
    if shorter < MIN_PREFIX or common < max(MIN_PREFIX, 0.8 * shorter):
        return False
    longer = gloss_word if len(gloss_word) > len(lemma) else lemma
    rest = longer[common:]
    if common == shorter and len(rest) <= 2 and rest not in _SHORT_ENDINGS:
        return False
    if common == shorter and len(rest) >= 4 and rest not in _SUFFIX_WORDS and common_english(rest):
        return False  # a compound: "north" is not "northeast", "guide" not "guidelines"
    # an agent is not the act: "fight" is not "fighter", "appropriation" not "appropriator"
    return gloss_word[common:] not in _AGENT_SUFFIXES and lemma[common:] not in _AGENT_SUFFIXES


# British spellings and their American forms, at the end of a word: CC-CEDICT writes
# "organization", a British article "Organisation"
_US_ENDINGS = (("isations", "izations"), ("isation", "ization"), ("ise", "ize"), ("ised", "ized"), ("ising", "izing"),
               ("our", "or"), ("ours", "ors"), ("ence", "ense"), ("tre", "ter"), ("tres", "ters"), ("ogue", "og"), ("mme", "m"))


@functools.lru_cache(maxsize=1 << 16)
def us_spelling(word: str) -> str:
    """``word`` with a British ending spelt the American way (organisation -> organization,
    labour -> labor, defence -> defense, centre -> center); other words as they are."""
    if len(word) > 5:
        for british, american in _US_ENDINGS:
            if word.endswith(british):
                return word[: -len(british)] + american
    return word


def sion_stem(word: str) -> str:
    """What a -sion noun shares with its verb, too short or changed too much for the shared
    prefix to tell: "ten" of "tension" and "tense", "inva" of "invasion" and "invade", "deci"
    of "decision" and "decide" ("version" is no "verse"); "" for other words."""
    if word.endswith("sion"):
        return word[:-4]
    if word.endswith(("de", "se")) and len(word) >= 5 and not word.endswith("verse"):
        return word[:-2]
    return ""


def _sion_noun(noun: str, verb: str) -> bool:
    return noun.endswith("sion") and not verb.endswith("sion") and sion_stem(noun) == sion_stem(verb) != ""
