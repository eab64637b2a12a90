"""Plain data passed between the pipeline's stages.

Every stage takes and returns these frozen dataclasses (or lists of them), so that
each stage can be tested alone and results can be cached as plain data.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter

# Punctuation that never belongs to a number or a Latin word in a pinyin line.
_PUNCTUATION = "，。、；：？！“”‘’（）《》〈〉【】「」『』…—·,;:?!\"'()[]<> \u3000"


def pickled_by_fields(cls):
    """Decorator for a slotted dataclass: pickled as its class and its fields in order.

    dataclasses pickles a slotted class through a ``__getstate__`` that looks up the
    class's fields again for every object; a corpus's analyses hold hundreds of
    thousands of tokens, pickled for the cache and again for the workers' answers.
    """
    names = tuple(f.name for f in fields(cls))
    values = attrgetter(*names) if len(names) > 1 else lambda obj: (getattr(obj, names[0]),)

    def __reduce__(self):
        return cls, values(self)

    cls.__reduce__ = __reduce__
    return cls


@dataclass(frozen=True)
class Metadata:
    """What an article says about itself; goes on the cards as the source line."""

    title_en: str = ""
    title_zh: str = ""
    source: str = ""
    editor: str = ""
    date: str = ""
    author: str = ""
    author_zh: str = ""
    url: str = ""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph and its translation; either side may be empty.

    ``zh_simplified`` is ``zh`` in Simplified script, for dictionary lookups (ingest
    fills it; ``zh`` keeps the script the article was written in, for display).
    """

    en: str
    zh: str
    zh_simplified: str = ""


@dataclass(frozen=True)
class Article:
    """An ingested article: metadata plus paragraph pairs in document order."""

    slug: str
    metadata: Metadata
    paragraphs: tuple[Paragraph, ...]


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class SentencePair:
    """An aligned pair. ``paragraph`` is the index of the paragraph it came from."""

    zh: str
    en: str
    paragraph: int = 0


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Token:
    """A segment of a Chinese sentence with one tone-marked syllable per Han character.

    ``written`` is the token's pinyin as a dictionary writes the word (syllables
    joined, apostrophes, proper names capitalised: ``Běiyuē``, ``xī'ān``).
    """

    text: str
    pinyin: tuple[str, ...] = ()
    written: str = ""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class AnalysedSentence:
    """A sentence pair with its Chinese side segmented and read in context."""

    pair: SentencePair
    tokens: tuple[Token, ...]
    # the tokens as the pinyin writes them, where that differs: a name the segmenter cut up
    # is one word there (莫 | 德罗 "Modrow" -> 莫德罗 Mòdéluó); empty when the tokens are
    written: tuple[Token, ...] = ()

    def written_tokens(self) -> tuple[Token, ...]:
        """The tokens the sentence's pinyin and ruby are written from."""
        return self.written or self.tokens

    @property
    def pinyin(self) -> str:
        """The sentence's pinyin, word by word as a dictionary writes it; numbers and
        Latin words kept, punctuation left out."""
        return " ".join(p if isinstance(p, str) else p.written or "".join(p.pinyin) for p in self.pinyin_parts())

    def pinyin_parts(self) -> list[Token | str]:
        """What :attr:`pinyin` is written from, in order: each token read in pinyin, and
        as text each run of tokens without Han characters that holds a number or a
        Latin word ("1", "2+2", "NATO"), its outer punctuation trimmed."""
        parts: list[Token | str] = []
        run: list[str] = []  # consecutive tokens without Han characters: "2", "+", "2"

        def end_run() -> None:
            text = "".join(run).strip().strip(_PUNCTUATION)
            if any(c.isalnum() for c in text):
                parts.append(text)
            run.clear()

        for t in self.written_tokens():
            if t.pinyin:
                end_run()
                parts.append(t)
            else:
                run.append(t.text)
        end_run()
        return parts


@dataclass(frozen=True)
class GlossaryEntry:
    """One curated term of ``glossary.yaml``. ``line`` is where it starts in the file."""

    hanzi: str
    pinyin: str
    english: tuple[str, ...]
    category: str
    traditional: str = ""
    abbreviation_of: str = ""
    note: str = ""
    see: tuple[str, ...] = ()
    line: int = 0


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Example:
    """An example sentence pair for a term, from an article."""

    zh: str
    en: str
    pinyin: str = ""
    article: str = ""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class VocabEntry:
    """A merged vocabulary entry: what a card or a list row shows."""

    hanzi: str
    pinyin: str
    english: tuple[str, ...]
    source: str  # "glossary" | "article" | "both"
    category: str | None = None
    traditional: str = ""
    context_english: str = ""
    hsk: int | None = None
    frequency: float | None = None  # wordfreq Zipf value
    measure_words: tuple[str, ...] = ()
    is_name: bool = False
    count: int = 0
    note: str = ""
    examples: tuple[Example, ...] = field(default=())
    articles: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnalysedArticle:
    """An article after alignment and analysis: what the renderers consume. ``headline`` is
    its title pair read the same way (None without one): no sentence of the article, but
    its words are the article's terms too."""

    article: Article
    sentences: tuple[AnalysedSentence, ...]
    headline: AnalysedSentence | None = None

    @property
    def term_sentences(self) -> tuple[AnalysedSentence, ...]:
        """What terms are taken from: the sentences, then the headline (last: a sentence of
        the body is the better example, and its English the surer rendering)."""
        return self.sentences + ((self.headline,) if self.headline is not None else ())
