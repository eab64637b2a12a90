"""The pipeline, stage by stage: ingest → align → analyse → terms → merge → render.

Each function here wires plain data from one stage into the next; the stages live
in their own modules. The CLI calls only these functions.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from flashcards.errors import InputError
from flashcards.model import AnalysedArticle, Article, Metadata, Paragraph, SentencePair, VocabEntry

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".md", ".text")
DEFAULT_GLOSSARY = Path("glossary.yaml")
DEFAULT_ARTICLES = Path("articles")


@dataclass(frozen=True)
class Options:
    """What the user chose for term extraction (``None``: the extractor's default)."""

    top: int | None = None
    names: bool = True
    known: frozenset[str] = frozenset()
    hsk_min: int | None = None
    max_zipf: float | None = None

    def extract_kwargs(self) -> dict:
        """Keyword arguments for :func:`flashcards.terms.extract.extract_terms`."""
        chosen = {"top": self.top, "names": self.names, "known": self.known}
        chosen.update({k: v for k, v in (("hsk_min", self.hsk_min), ("max_zipf", self.max_zipf)) if v is not None})
        return chosen


def load_glossaries(path: Path | None):
    """The shipped glossary with the personal one over it (``path``, else
    ``./glossary.yaml``, else the user's config folder's): a
    :class:`flashcards.glossary.layers.Layers`, whose ``glossary`` the stages use."""
    from flashcards.glossary.layers import load_layers

    return load_layers(path)


def load_glossary(path: Path | None):
    """The glossary the stages use: :func:`load_glossaries`' combined glossary."""
    return load_glossaries(path).glossary


def article_paths(args: Sequence[Path | str]) -> list[Path | str]:
    """The article files named, folders expanded, links kept; with none, everything under ``articles/``."""
    if not args:
        if not DEFAULT_ARTICLES.is_dir():
            raise InputError("no ARTICLE given and no articles/ folder here; name an article file", DEFAULT_ARTICLES)
        args = [DEFAULT_ARTICLES]
    paths: list[Path] = []
    for arg in args:
        if isinstance(arg, str):  # a link (see flashcards.ingest.fetch.is_url): fetched when read
            paths.append(arg)
        elif arg.is_dir():
            found = sorted(p for p in arg.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not found:
                raise InputError("folder holds no article files (.txt, .html); put articles in it or name the files", arg)
            paths.extend(found)
        else:
            paths.append(arg)
    return paths


def read_articles(paths: Sequence[Path], en: Path | None = None, zh: Path | None = None) -> list[Article]:
    """Ingest: each path one article, plus one from a separate ``--en``/``--zh`` pair."""
    return list(each_article(paths, en, zh))


def check_pair(en: Path | None, zh: Path | None) -> None:
    """An --en/--zh pair is given whole or not at all."""
    if (en is None) != (zh is None):
        raise InputError("--en and --zh go together: give both files of the article")


def each_article(paths: Sequence[Path], en: Path | None = None, zh: Path | None = None) -> Iterator[Article]:
    """:func:`read_articles` one article at a time, each read when it is asked for."""
    check_pair(en, zh)
    for path in paths:
        yield read_article(path)
    if en is not None and zh is not None:
        yield read_separate(en, zh)


def read_separate(en: Path | str, zh: Path | str) -> Article:
    """An article given as two files or links (:func:`read_article` says how a link is read)."""
    from flashcards.ingest import article as ingest, fetch

    pages = {arg: fetch.page(arg) for arg in (en, zh) if fetch.is_url(arg)}
    names = [Path(pages[arg][0].name) if arg in pages else Path(arg) for arg in (en, zh)]
    with _links_named(pages):
        article = ingest.read_separate(*names, *(pages[arg][0].body() if arg in pages else None for arg in (en, zh)))
    for fetched, now in pages.values():
        if now:
            fetch.keep(fetched)
    return article


@contextlib.contextmanager
def _links_named(pages: dict):
    """An input error about a fetched page names its link, not the file name it is read under."""
    try:
        yield
    except InputError as exc:
        link = next((url for url, (page, _) in pages.items() if exc.path == str(Path(page.name))), None)
        if link is None:
            raise
        raise InputError(exc.message, link) from None


def read_article(path: Path | str) -> Article:
    """The article in file ``path``: read back from the cache when a file of that name
    and those bytes was read before (a rebuild then never loads the readers of layouts
    and encodings), else read now. A link is fetched (or its page read from the cache,
    see :mod:`flashcards.ingest.fetch`) and read as the page saved under its name is."""
    from flashcards.ingest import fetch

    if fetch.is_url(path):
        page, now = fetch.page(path)
        with _links_named({path: (page, now)}):
            article = _read_bytes(Path(page.name), page.body())
        if now:  # kept only once it gave an article
            fetch.keep(page)
        return article
    try:
        data = Path(path).read_bytes()
    except OSError:  # missing, a folder, unreadable: the reader says which, as it does
        data = None
    return _read_bytes(Path(path), data)


def _read_bytes(path: Path, data: bytes | None) -> Article:
    import hashlib

    from flashcards.store import cache

    key = None if data is None else cache.key("article", Path(path).name, hashlib.sha256(data).hexdigest())
    article = None if key is None else cache.get("articles", key)
    if article is None:
        from flashcards.ingest import article as ingest

        article = ingest.read_article(path, data)
        if key is not None:
            cache.put("articles", key, article)
    return article


# The tables the stages read (flashcards.store.tables), in the order a build first asks
# for them (their rows, in thousands, and seconds to build on one core in brackets): what
# a first run builds at once over the machine's cores, the command working on with the
# first while the later ones are built. A table not named here is built where it is
# first opened; a test checks that every one is named.
_TABLES_IN_ORDER = (
    "pypinyin-chars",  # (42k, 0.06 s) the glossary's checks
    "jieba-words",  # (349k, 0.5 s) segmenting
    "cedict",  # (198k, 0.3 s)
    "simplemma-en",  # (181k, 0.3 s)
    "wordfreq-zh",  # (334k, 0.4 s)
    "pypinyin-phrases",  # (47k, 0.2 s) pinyin
    "wordfreq-en",  # (321k, 0.3 s)
    "wordfreq-jieba-words",  # (38k, 0.06 s)
    "jieba-tags",  # (349k, 0.3 s)
    "hsk2", "hsk3",  # (5k + 11k)
    "jieba-idf",  # (270k, 0.4 s) term extraction, last
)


# What the tables' rows are read with (the command imports them anyway).
_TABLE_LIBRARIES = ("jieba", "wordfreq", "simplemma.strategies.dictionaries")


def index_tables(missing=None, progress=None) -> None:
    """Build every table the stages read that is not built yet (the first run on a
    machine, or the first after a library's upgrade), over the machine's cores, when
    the ``missing`` table (if given) is one of them, and wait until that one is built
    (all of them, without it); ``progress`` as :func:`flashcards.store.indexing.build_at_once`
    takes it. Later runs find them built."""
    from flashcards.store import indexing
    from flashcards.store.parallel import workers

    every = _all_tables()
    if missing is None or missing in every:
        indexing.build_at_once(every, workers=workers(), progress=progress, wanted=missing)


def start_indexing() -> None:
    """On a machine's first run (no table built at all), start building every table at
    once, while this command starts up; it waits for them where it first needs one
    (:func:`index_tables`). Elsewhere a look at one folder, nothing more."""
    import os

    from flashcards.store import cache

    try:
        if any(name.endswith(".sqlite") for name in os.listdir(cache.directory() / "resources")):
            return
    except OSError:  # no such folder yet: the first run
        pass
    import importlib

    from flashcards.store import indexing
    from flashcards.store.parallel import workers

    for library in _TABLE_LIBRARIES:  # imported once here, not again in each of the builder's workers
        importlib.import_module(library)
    indexing.start(_all_tables(), workers())


def _all_tables() -> list:
    """Every table the stages read, in the order a build first asks for them."""
    from flashcards.lexicon import cedict, dictionary, frequency  # noqa: F401 - each registers its tables
    from flashcards.reading import pypinyin_tables, segmenter  # noqa: F401
    from flashcards.store import tables
    from flashcards.terms import lemmas  # noqa: F401

    rank = {name: i for i, name in enumerate(_TABLES_IN_ORDER)}
    return sorted((t for t in tables.registered() if t.name in rank), key=lambda t: rank[t.name])


def analyser(glossary):
    """The segmenter/reader for this glossary: its terms kept whole, its readings trusted."""
    from flashcards.analyse import Analyser

    if glossary is None:
        return Analyser()
    return Analyser(
        user_words=[e.hanzi for e in glossary.entries],
        readings=glossary_readings(glossary),
        written={e.hanzi: e.pinyin for e in glossary.entries},
    )


def glossary_readings(glossary) -> dict[str, list[str]]:
    """Curated per-character readings of the glossary's terms (hanzi → syllables)."""
    from flashcards.reading.style import is_han, split_syllables

    out: dict[str, list[str]] = {}
    for entry in glossary.entries:
        syllables = split_syllables(entry.pinyin)
        hanzi = [c for c in entry.hanzi if is_han(c)]
        if len(syllables) == len(hanzi) == len(entry.hanzi):
            out[entry.hanzi] = syllables
    return out


def analyse_article(article: Article, reader) -> AnalysedArticle:
    """Align the article's paragraphs into sentence pairs and read them in context; a name
    the segmenter cut up is written as one word where the English writes it as one."""
    from flashcards.align.beads import align_paragraphs
    from flashcards.terms.written_names import with_names

    pairs = align_paragraphs(article.paragraphs) if has_english(article) else chinese_only_pairs(article)
    headline = headline_pair(article.metadata)
    analysed = [with_names(s, reader.words) for s in reader.analyse(pairs + ([headline] if headline else []))]
    return AnalysedArticle(article, tuple(analysed[:len(pairs)]), analysed[-1] if headline else None)


# what a web page's title puts between its headline and a section's or a site's name:
# "重阳问答︱如何看待…", "… - 经济观察网 － 专业财经新闻网站", "首页 > 国际 > 正文"
_TITLE_PARTS = re.compile(r"\s*[>|︱｜]\s*|\s+[-－–—]\s+|－")


def headline_pair(meta: Metadata) -> SentencePair | None:
    """The article's title pair as one more sentence to take terms from: the longest part
    of each side, when both are a headline of some length (six Han characters, three
    English words), not a breadcrumb ("首页 > 国际 > 正文")."""
    from flashcards.reading.style import is_han

    def han(text: str) -> int:
        return sum(map(is_han, text))

    zh = max(_TITLE_PARTS.split(meta.title_zh), key=han)
    en = max(_TITLE_PARTS.split(meta.title_en), key=len).strip(" -–—－|︱>")
    return SentencePair(zh.strip(), en, -1) if han(zh) >= 6 and len(en.split()) >= 3 else None


def has_english(article: Article) -> bool:
    """Whether any paragraph of the article has an English side."""
    return any(p.en.strip() for p in article.paragraphs)


def chinese_only_pairs(article: Article) -> list[SentencePair]:
    """An article with no English at all: its Chinese sentences, each with an empty
    English side, so it still gives vocabulary (the deck makes no sentence notes of them)."""
    from flashcards.align.sentences import split_zh

    return [SentencePair(zh, "", i) for i, p in enumerate(article.paragraphs) for zh in split_zh(p.zh) if zh.strip()]


def segmentation_key(glossary) -> tuple:
    """What of the glossary changes segmentation and readings: its terms and their pinyin.

    A corrected gloss, note or category leaves this unchanged, so the analysis of
    every article is read back from the cache instead of being redone.
    """
    if glossary is None:
        return ()
    return tuple(sorted((e.hanzi, e.pinyin) for e in glossary.entries))


@functools.lru_cache(maxsize=4)
def _segmentation_digest(glossary) -> str:
    """:func:`segmentation_key` hashed, once per glossary (by identity) rather than
    once per article key."""
    from flashcards.store import cache

    return cache.key("segmentation", segmentation_key(glossary))


@functools.lru_cache(maxsize=4096)
def analysis_key(article: Article, segmentation_digest: str) -> str:
    """The cache key of an article's analysis: the article and what of the glossary
    changes segmentation (remembered: its terms' key is made from it too)."""
    from flashcards.store import cache

    return cache.key("analysis", article, segmentation_digest)


def analyse_articles(
    articles: Iterable[Article], glossary, *, options: Options | None = None, progress=None, warm=None
) -> list[AnalysedArticle]:
    """Every article analysed, from the cache where it can be.

    Only articles missing from the cache load the segmenter and the pinyin reader;
    many of them are spread over the machine's cores (from the ``warm`` process of
    :func:`flashcards.store.parallel.warm_process`, when given, which starts on the first
    while the later ones are still being read). With ``options``, each of them also has
    its key terms extracted where it is analysed (so in parallel too), ready for
    :func:`vocabulary`. ``progress(n)`` is called as articles are done.
    """
    from flashcards.store import cache
    from flashcards.store.parallel import analyse_many

    seg = _segmentation_digest(glossary)
    results: list[AnalysedArticle | None] = []
    missing: list[int] = []

    def misses() -> Iterator[tuple[Article, str]]:
        """(article, cache key) of each article the cache lacks, as the articles come."""
        for article in articles:
            key = analysis_key(article, seg)
            found = cache.get("analysis", key)
            results.append(found)
            if found is None:
                missing.append(len(results) - 1)
                yield article, key
            elif progress is not None:
                progress(1)

    _HANDED_BACK.clear()
    answers = analyse_many(misses(), _Analysis(glossary, options), progress=progress, warm=warm)
    for i, (done, terms) in zip(missing, answers):
        results[i] = done
        if terms is not None:
            _HANDED_BACK[id(done)] = (done, glossary, options, terms)
    return results  # type: ignore[return-value]


class _Analysis:
    """What :func:`analyse_articles` does for each (article, cache key) missing from the
    cache: analyse the article, cache the analysis and, with ``options``, extract its
    terms. Picklable, so that a warm process can be handed it."""

    def __init__(self, glossary, options: Options | None):
        self.glossary = glossary
        self.options = options
        self.reader = None  # made by prepare(), where the work is done

    def prepare(self) -> None:
        """Make the glossary's segmenter and reader (once; a warm process does it before
        it forks its workers, so that they start with it)."""
        if self.reader is None:
            self.reader = analyser(self.glossary)

    def __call__(self, item: tuple[Article, str]) -> tuple[AnalysedArticle, list | None]:
        from flashcards.store import cache
        from flashcards.glossary.merge import look_up_ahead

        article, key = item
        self.prepare()
        done = analyse_article(article, self.reader)
        cache.put("analysis", key, done)  # by the worker, which has it pickled anyway
        if self.options is None:
            return done, None
        terms = article_terms(done, self.glossary, self.options)
        look_up_ahead(terms, self.glossary)
        return done, terms


# A short article of our own: analysing it loads what analysing any article needs.
_WARM_UP_ZH = "中国和日本举行了地区安全会谈。两国防长同意保持沟通。"
_WARM_UP = Article("warm-up", Metadata(), (Paragraph(
    "China and Japan held talks on regional security. The two defence ministers agreed to stay in touch.",
    _WARM_UP_ZH, _WARM_UP_ZH,
),))


def preload() -> None:
    """Load the libraries, their tables and the model that analysing an article and
    extracting its terms need, by doing both for a short article (nothing is cached)."""
    from flashcards.terms.extract import extract_terms

    analysed = analyse_article(_WARM_UP, analyser(None))
    extract_terms(analysed.sentences)


# Terms a worker extracted with the analysis it handed back, by that analysis (which the
# entry keeps alive, so its id stays its own); kept for the latest analyse_articles only.
_HANDED_BACK: dict[int, tuple] = {}


def terms_key(analysed: AnalysedArticle, glossary, options: Options) -> str:
    """What an article's key terms depend on: its analysis, the options and the
    glossary entries it contains (editing any other entry keeps its terms). The
    analysis is named by its own cache key, which hashes what makes it (the analysis
    itself is many times longer to hash)."""
    from flashcards.store import cache

    kwargs = sorted(options.extract_kwargs().items())
    made_from = analysis_key(analysed.article, _segmentation_digest(glossary))
    return cache.key("terms", made_from, glossary_entries_in(analysed, glossary), kwargs)


def article_terms(analysed: AnalysedArticle, glossary, options: Options) -> list:
    """The article's key terms: handed back by the worker that analysed it, or from the
    on-disk cache (see terms_key), or extracted now."""
    from flashcards.store import cache
    from flashcards.terms.extract import extract_terms

    handed = _HANDED_BACK.get(id(analysed))
    if handed is not None and handed[0] is analysed and handed[1] is glossary and handed[2] == options:
        return handed[3]
    digest = terms_key(analysed, glossary, options)
    return cache.memoize("terms", digest, lambda: extract_terms(analysed.term_sentences, glossary, **options.extract_kwargs()))


def glossary_entries_in(analysed: AnalysedArticle, glossary) -> tuple[str, ...]:
    """The glossary entries whose term occurs in the article, written out (where in the
    file they stand left out): all that term extraction reads of the glossary."""
    if glossary is None:
        return ()
    return tuple(_entry_text(e) for e in glossary.entries_in("".join(s.pair.zh for s in analysed.term_sentences)))


@functools.lru_cache(maxsize=None)
def _entry_text(entry) -> str:
    """``entry`` written out without its line, once per entry rather than per article."""
    return repr(replace(entry, line=0))


def vocabulary(analysed: Sequence[AnalysedArticle], glossary, options: Options = Options()) -> list[VocabEntry]:
    """Key terms of the articles merged with the glossary; with no article, the glossary."""
    from flashcards.glossary.merge import merge_vocab

    terms = {a.article.slug: article_terms(a, glossary, options) for a in analysed}
    entries = merge_vocab(glossary, terms, include_glossary_only=not analysed)
    if options.known:  # the glossary's own entries too, for a list of the whole glossary
        entries = [e for e in entries if e.hanzi not in options.known and e.traditional not in options.known]
    return entries
