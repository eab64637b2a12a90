"""Merge: curated glossary entries and article terms into vocabulary entries.

The glossary outranks the dictionary for pinyin, English and category; an article
adds what only it can: example sentence pairs, counts, the English it used, and
the articles a term came from. ``source`` says where an entry came from:
"glossary", "article" or "both".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from flashcards.lexicon import dictionary
from flashcards.model import Example, GlossaryEntry, VocabEntry
from flashcards.terms import senses
from flashcards.terms.extract import Term

MAX_EXAMPLES = 3


@dataclass
class _Seen:
    """One headword's article evidence, gathered over every article."""

    term: Term
    count: int = 0
    examples: list[Example] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)


def _by_article(terms: Mapping[str, Sequence[Term]] | Sequence[Term]) -> Mapping[str, Sequence[Term]]:
    if isinstance(terms, Mapping):
        return terms
    return {"": terms} if terms else {}


def _gather(terms_by_article: Mapping[str, Sequence[Term]], max_examples: int) -> dict[str, _Seen]:
    """Each headword's evidence under its Simplified form: a word met in a Simplified and a
    Traditional article is one entry, written as the first article writes it."""
    seen: dict[str, _Seen] = {}
    for slug, terms in terms_by_article.items():
        for term in terms:
            s = seen.setdefault(dictionary.simplified(term.hanzi), _Seen(term))
            s.count += term.count
            if slug and slug not in s.articles:
                s.articles.append(slug)
            known = {e.zh for e in s.examples}
            for ex in term.examples:
                if len(s.examples) < max_examples and ex.zh not in known:
                    s.examples.append(replace(ex, article=ex.article or slug))
                    known.add(ex.zh)
    return seen


def _from_glossary(entry: GlossaryEntry, source: str = "glossary") -> VocabEntry:
    """A glossary entry with the dictionary's data filled in where the glossary is silent."""
    info = dictionary.word_info(entry.hanzi)
    return VocabEntry(
        hanzi=entry.hanzi,
        pinyin=entry.pinyin,
        english=entry.english,
        source=source,
        category=entry.category or None,
        traditional=entry.traditional or info.traditional,
        hsk=info.hsk,
        frequency=info.zipf,
        measure_words=info.measure_words,
        is_name=entry.pinyin[:1].isupper(),  # the glossary capitalises proper names
        note=entry.note,
    )


def _from_term(seen: _Seen, entry: GlossaryEntry | None) -> VocabEntry:
    t = seen.term
    if entry is not None:
        base = _from_glossary(entry, source="both")
        return replace(
            base,
            hanzi=t.hanzi,  # as the article writes it: 難民 on a Traditional article, as its examples
            english=senses.used_first(entry.english, [e.en for e in seen.examples]),
            context_english=t.context_english,
            measure_words=base.measure_words or t.measure_words,
            is_name=base.is_name or t.is_name,
            count=seen.count,
            examples=tuple(seen.examples),
            articles=tuple(seen.articles),
        )
    return VocabEntry(
        hanzi=t.hanzi,
        pinyin=t.pinyin,
        english=t.english,
        source="article",
        category=None,
        traditional=t.traditional,
        context_english=t.context_english,
        hsk=t.hsk,
        frequency=t.zipf,
        measure_words=t.measure_words,
        is_name=t.is_name,
        count=seen.count,
        examples=tuple(seen.examples),
        articles=tuple(seen.articles),
    )


def look_up_ahead(terms: Sequence[Term], glossary) -> None:
    """Make, ahead of merging, the dictionary look-ups merging ``terms`` will need: a
    worker that extracted the terms does them in parallel, and they are remembered
    (cache.persistent) for the merge in the parent."""
    for term in terms:
        entry = glossary.get(term.hanzi) if glossary is not None else None
        if entry is not None:
            dictionary.word_info(entry.hanzi)


def merge_vocab(
    glossary,
    terms_by_article: Mapping[str, Sequence[Term]] | Sequence[Term] = (),
    *,
    include_glossary_only: bool = False,
    max_examples: int = MAX_EXAMPLES,
) -> list[VocabEntry]:
    """Vocabulary entries: article terms in rank order (first article first), then
    glossary entries no article used when ``include_glossary_only`` is set.

    With no article terms at all, the whole glossary (source "glossary").
    """
    by_article = _by_article(terms_by_article)
    seen = _gather(by_article, max_examples)
    out: list[VocabEntry] = []
    used: set[str] = set()
    for hanzi, s in seen.items():
        entry = glossary.get(s.term.hanzi) if glossary is not None else None
        out.append(_from_term(s, entry))
        used.add(hanzi)
        if entry is not None:
            used.add(entry.hanzi)
    if glossary is not None and (include_glossary_only or not by_article):
        out.extend(_from_glossary(e) for e in glossary.entries if e.hanzi not in used)
    return out
