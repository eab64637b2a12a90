"""Which CC-CEDICT sense leads in news, where the dictionary's first sense is not it.

CC-CEDICT orders a word's senses by lexicographic habit: 潜在 is "hidden" before
"potential", 为期 "(to be done) by (a certain date)" before "lasting (a certain time)",
分别 "to part; to leave each other" before "separately; individually". A card shows the
sense the article's English uses first; where the English chooses none, the dictionary's
first sense leads, and in news that first sense is often archaic, literal or rare.

``news_senses.tsv`` (shipped with the package) names, for such words, the one CC-CEDICT
gloss a news reader meets most often: ``word<TAB>gloss<TAB>why``. The gloss is CC-CEDICT's
own text (so the table is CC-CEDICT data too, CC BY-SA), and it must be one of the word's
glosses as :func:`flashcards.lexicon.dictionary.english` gives them; ``flashcards``'s tests
check every row against the dictionary. Only words whose first sense is clearly not the
news sense are listed: where two senses are both common (承认 "to admit" and "to
recognize"), the dictionary's order stands and the article's English decides.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping, Sequence
from importlib import resources

TABLE = "news_senses.tsv"


def _text() -> str:
    return resources.files(__package__).joinpath(TABLE).read_text(encoding="utf-8")


@functools.cache
def data_version() -> str:
    """The table's content, for caches of glosses ordered by it."""
    return hashlib.sha256(_text().encode("utf-8")).hexdigest()[:16]


@functools.cache
def leads() -> Mapping[str, str]:
    """Word -> the CC-CEDICT gloss that leads in news."""
    table: dict[str, str] = {}
    for line in _text().splitlines()[1:]:
        if line.strip() and not line.startswith("#"):
            word, gloss, *_ = line.split("\t")
            table[word] = gloss
    return table


def news_order(words: Sequence[str], glosses: Sequence[str]) -> tuple[str, ...]:
    """``glosses`` of a word with the news sense first, where the table names one of them
    for any of ``words`` (the word's Simplified forms)."""
    lead = next((leads()[w] for w in words if w in leads() and leads()[w] in glosses), None)
    if lead is None:
        return tuple(glosses)
    return (lead, *(g for g in glosses if g != lead))
