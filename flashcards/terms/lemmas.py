"""English lemmas by simplemma, its dictionary read from a table.

simplemma decodes its whole English dictionary (180,000 forms, about a third of a
second) before it gives a first lemma; a build asks for a few hundred. Here
simplemma's own strategies lemmatise, but the dictionary they consult is a table
built once per machine (:mod:`flashcards.store.tables`), read key by key.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping

from flashcards.store import cache, tables

LANGUAGE = "en"


def _rows() -> Iterator[tuple[str, str]]:
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    return iter(DefaultDictionaryFactory().get_dictionary(LANGUAGE).items())


_FORMS = tables.Table(f"simplemma-{LANGUAGE}", cache.library("simplemma"), _rows)


class _TableDictionaries:
    """simplemma's dictionary factory (its ``DictionaryFactory`` protocol) over the table."""

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        if lang != LANGUAGE:
            raise ValueError(f"only the {LANGUAGE} dictionary is kept in a table, not {lang}")
        return _FORMS.lookup()


@functools.cache
def _lemmatizer():
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=_TableDictionaries()))


def lemmatize(word: str) -> str:
    """simplemma's English lemma of ``word`` (as ``simplemma.lemmatize(word, lang="en")``)."""
    return _lemmatizer().lemmatize(word, LANGUAGE)
