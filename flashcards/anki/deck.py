"""What goes into the Anki package: note types, notes, GUIDs, decks and tags.

Everything here is plain data: :func:`build_notes` turns analysed articles and
vocabulary entries into :class:`NoteSpec` values (fields as finished HTML, tags,
GUID, deck), which :mod:`flashcards.anki.package` writes out.

Frozen once released (``tests/test_anki_note_types_frozen.py`` guards them): the model
ids, deck ids, field names and template names below. Anki compares a note type by
its field and template names; a rename, removal *or addition* makes Anki import a
second note type and stop updating the learner's notes (unless they tick "merge
note types" on import). Change them only with a new model id and a migration note.

GUIDs come from what identifies a note, never from what a user may correct: a
vocabulary note from its headword (simplified hanzi), a sentence note from its
normalised Chinese text.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import genanki

from flashcards.anki import templates as deck_templates
from flashcards.reading import style as pinyin_style
from flashcards.model import AnalysedArticle, AnalysedSentence, Article, Example, Token, VocabEntry
from flashcards.lexicon.script import has_han, to_simplified

VOCAB_MODEL_ID = 1736150401
SENTENCE_MODEL_ID = 1736150402
VOCAB_DECK_ID = 1736150411
SENTENCE_DECK_ID = 1736150412

DECK_ROOT = "Chinese Defence & Foreign Policy"
VOCAB_DECK = f"{DECK_ROOT}::Vocabulary"
SENTENCE_DECK = f"{DECK_ROOT}::Sentences"

VOCAB_FIELDS = (
    "Hanzi", "Traditional", "Pinyin", "English", "Context English", "Category", "HSK",
    "Frequency", "Measure Words", "Example", "Example Pinyin", "Example English",
    "More Examples", "Source", "Glossary Note", "My Notes",
)  # fmt: skip
VOCAB_TEMPLATES = ("Recognition", "Recall")
SENTENCE_FIELDS = (
    "Chinese", "Ruby", "Pinyin", "English", "Source", "Key Terms", "Gap", "Gap Answer", "My Notes",
)  # fmt: skip
SENTENCE_TEMPLATES = ("Reading", "Gap Fill")

LEARNER_FIELD = "My Notes"  # never filled by us; what Anki does with it: see flashcards.anki.package
MAX_EXAMPLES = 3  # per vocabulary note, across all articles
MAX_KEY_TERMS = 8  # per sentence note

_GUID_NAMESPACE = "flashcards.deck/v1"


@dataclass(frozen=True)
class NoteType:
    """A note type as plain data: what :mod:`flashcards.anki.package` turns into a model."""

    model_id: int
    name: str
    fields: tuple[str, ...]
    templates: tuple[tuple[str, str, str], ...]  # (name, front, back)
    css: str


@dataclass(frozen=True)
class NoteSpec:
    """One note of the package. ``label`` names it in change reports (hanzi or sentence)."""

    guid: str
    model_id: int
    deck_id: int
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    label: str
    kind: str  # "vocabulary" | "sentence"
    # the GUID an earlier version gave this note, kept where the previous build has it
    # (a word from a Traditional article was keyed on its Traditional form)
    former_guid: str = ""


def note_types(speech: bool = True) -> tuple[NoteType, NoteType]:
    """The two note types, vocabulary first; ``speech=False``: cards without tts tags.

    Only the templates' text differs between the two, never a field or template name,
    so a collection follows either way (the build manifest gives the note type a newer
    modification time whenever its templates or CSS change).
    """
    css = deck_templates.css()
    cards = deck_templates.card_templates(speech)
    return (
        NoteType(
            VOCAB_MODEL_ID, "Flashcards Vocabulary", VOCAB_FIELDS, tuple((n, *cards[n]) for n in VOCAB_TEMPLATES), css
        ),
        NoteType(
            SENTENCE_MODEL_ID, "Flashcards Sentence", SENTENCE_FIELDS, tuple((n, *cards[n]) for n in SENTENCE_TEMPLATES), css
        ),
    )


DECKS = ((VOCAB_DECK_ID, VOCAB_DECK), (SENTENCE_DECK_ID, SENTENCE_DECK))


# ---------------------------------------------------------------- identity

_PUNCT = str.maketrans({"“": '"', "”": '"', "„": '"', "「": '"', "」": '"', "『": '"', "』": '"',
                        "‘": "'", "’": "'", "。": ".", "、": ",", "〜": "~", "—": "-", "–": "-"})  # fmt: skip


@functools.lru_cache(maxsize=65536)
def normalise_sentence(zh: str) -> str:
    """A sentence's identity: NFKC (full-width → ASCII), quotes and stops unified, no whitespace.
    Remembered: a corpus asks it of the same example sentences for every term they show."""
    text = unicodedata.normalize("NFKC", zh).translate(_PUNCT)
    return "".join(text.split())


def vocab_guid(hanzi: str) -> str:
    """A vocabulary note's identity: its headword in Simplified characters (難民 is 难民)."""
    return genanki.guid_for(_GUID_NAMESPACE, "vocabulary", to_simplified(unicodedata.normalize("NFC", hanzi.strip())))


def _written_guid(hanzi: str) -> str:
    """The identity earlier versions gave a headword: as written, Traditional or not."""
    return genanki.guid_for(_GUID_NAMESPACE, "vocabulary", unicodedata.normalize("NFC", hanzi.strip()))


def sentence_guid(zh: str) -> str:
    return genanki.guid_for(_GUID_NAMESPACE, "sentence", normalise_sentence(zh))


# ---------------------------------------------------------------- pinyin HTML


@functools.lru_cache(maxsize=1 << 14)
def _pinyin_words_html(pinyin: str) -> str:
    """Written pinyin ("zhànlüè huǒbàn", "Xī'ān") as tone spans, separators kept as written.

    Memoised: the same words come back in every sentence and key-term list.
    """
    pinyin = unicodedata.normalize("NFC", pinyin)
    out, cursor = [], 0
    for syllable in pinyin_style.split_syllables(pinyin):
        at = pinyin.find(syllable, cursor)
        if at < 0:
            return html.escape(pinyin, quote=False)
        out.append(html.escape(pinyin[cursor:at], quote=False))
        out.append(pinyin_style.tone_spans([syllable]))
        cursor = at + len(syllable)
    out.append(html.escape(pinyin[cursor:], quote=False))
    return "".join(out)


def _token_pinyin_html(token: Token) -> str:
    """A word's pinyin as written (Rìběn, xī'ān), coloured by tone."""
    return _pinyin_words_html(token.written) if token.written else pinyin_style.tone_spans(token.pinyin)


def _sentence_pinyin_html(sentence: AnalysedSentence) -> str:
    """The sentence's pinyin word by word, numbers and Latin words kept ("1 yuè 1 rì"),
    as :attr:`AnalysedSentence.pinyin` writes it, coloured by tone."""
    return " ".join(
        _esc(part) if isinstance(part, str) else _token_pinyin_html(part) for part in sentence.pinyin_parts()
    )


def _ruby_html(tokens: Sequence[Token]) -> str:
    """The sentence with its pinyin over it, one ``<ruby>`` per word.

    A word's characters sit together under the word's pinyin (``<span class="rb">``, an
    unbreakable box, so a reading wider than its word never spreads the characters
    apart); words stand apart. A token that mixes Han and other characters gets its
    syllables character by character.
    """
    out = []
    for token in tokens:
        han = [c for c in token.text if has_han(c)]
        if not token.pinyin or len(han) != len(token.pinyin):
            out.append(_esc(token.text))
        elif len(han) == len(token.text):
            out.append(f'<ruby><span class="rb">{_esc(token.text)}</span><rt>{_token_pinyin_html(token)}</rt></ruby>')
        else:
            out.append(pinyin_style.ruby(token.text, list(token.pinyin)))
    return "".join(out)


# ---------------------------------------------------------------- fields


def _esc(text: str) -> str:
    return html.escape(text or "", quote=False)


def _highlight(zh: str, term: str) -> str:
    escaped = _esc(zh)
    if not term:
        return escaped
    return escaped.replace(_esc(term), f'<span class="hl">{_esc(term)}</span>')


def _source_html(article: Article) -> str:
    meta = article.metadata
    title = meta.title_en or meta.title_zh or article.slug
    text = _esc(title)
    if meta.url:
        text = f'<a href="{html.escape(meta.url, quote=True)}">{text}</a>'
    extra = [x for x in (meta.title_zh if meta.title_en else "", meta.source, meta.date[:10]) if x]
    return text + "".join(f" · {_esc(x)}" for x in extra)


_TAG_UNSAFE = re.compile(r"[\s\"]+")  # Anki splits tags on spaces; quotes break its searches


@functools.lru_cache(maxsize=65536)
def _tag(prefix: str, value: str) -> str:
    cleaned = _TAG_UNSAFE.sub("_", value.strip().lower()).strip("_")
    return f"{prefix}::{cleaned}" if prefix else cleaned


def merge_duplicates(vocab: Iterable[VocabEntry]) -> list[VocabEntry]:
    """One entry per headword: duplicates add examples, articles and counts.

    The glossary's entry leads (its gloss, category ...), whatever order they come in.
    """
    merged: dict[str, VocabEntry] = {}
    rank = {"glossary": 0, "both": 1}
    for entry in sorted(vocab, key=lambda e: rank.get(e.source, 2)):
        key = unicodedata.normalize("NFC", entry.hanzi.strip())
        first = merged.get(key)
        if first is None:
            merged[key] = entry
            continue
        merged[key] = replace(
            first,
            english=first.english or entry.english,
            traditional=first.traditional or entry.traditional,
            context_english=first.context_english or entry.context_english,
            category=first.category or entry.category,
            hsk=first.hsk if first.hsk is not None else entry.hsk,
            frequency=first.frequency if first.frequency is not None else entry.frequency,
            measure_words=first.measure_words or entry.measure_words,
            note=first.note or entry.note,
            count=first.count + entry.count,
            examples=first.examples + entry.examples,
            articles=first.articles + tuple(a for a in entry.articles if a not in first.articles),
            source=first.source if first.source == entry.source else "both",
        )
    return list(merged.values())


def pick_examples(examples: Sequence[Example], cap: int = MAX_EXAMPLES) -> list[Example]:
    """Distinct examples (by normalised Chinese), taking articles in turn so several are heard."""
    seen: set[str] = set()
    by_article: dict[str, list[Example]] = {}
    for ex in examples:
        key = normalise_sentence(ex.zh)
        if not key or key in seen:
            continue
        seen.add(key)
        by_article.setdefault(ex.article, []).append(ex)
    picked: list[Example] = []
    queues = list(by_article.values())
    while len(picked) < cap and any(queues):
        for queue in queues:
            if queue and len(picked) < cap:
                picked.append(queue.pop(0))
    return picked


class _Context:
    """Lookups shared by all notes of one build: articles by slug, sentences by text."""

    def __init__(self, articles: Sequence[AnalysedArticle]):
        self.articles = {a.article.slug: a.article for a in articles}
        self.sentences: dict[str, AnalysedSentence] = {}
        for a in articles:
            for s in a.sentences:
                self.sentences.setdefault(normalise_sentence(s.pair.zh), s)
        self._position = {key: i for i, key in enumerate(self.sentences)}
        self._order = {slug: i for i, slug in enumerate(self.articles)}
        self._source_lines: dict[str, str] = {}  # slug -> its line in a Source field

    def in_reading_order(self, examples: Sequence[Example]) -> list[Example]:
        """Examples from this build's articles in document order, any others after (by text)."""
        unknown = len(self._position)
        return sorted(examples, key=lambda ex: (self._position.get(normalise_sentence(ex.zh), unknown), ex.zh, ex.en))

    def example_pinyin(self, ex: Example) -> str:
        sentence = self.sentences.get(normalise_sentence(ex.zh))
        if sentence is not None:
            return _sentence_pinyin_html(sentence)
        return _pinyin_words_html(ex.pinyin)

    def source(self, slugs: Iterable[str]) -> str:
        """The articles named, in build order (others after, by name), one per line."""
        unknown = len(self._order)
        named = sorted({s for s in slugs if s}, key=lambda s: (self._order.get(s, unknown), s))
        return "<br>".join(self._source_line(slug) for slug in named)

    def _source_line(self, slug: str) -> str:
        """One article's line, made once per build (a common term names dozens of articles)."""
        line = self._source_lines.get(slug)
        if line is None:
            article = self.articles.get(slug)
            line = self._source_lines[slug] = _source_html(article) if article else _esc(slug)
        return line


def _context_english(entry: VocabEntry) -> str:
    """The article's own translation of the term, unless it only repeats the gloss."""
    context = entry.context_english.strip()
    return "" if context.lower() in {g.strip().lower() for g in entry.english} else context


def vocab_note(entry: VocabEntry, ctx: _Context) -> NoteSpec:
    examples = pick_examples(ctx.in_reading_order(entry.examples))
    first = examples[0] if examples else None
    more = ""
    if len(examples) > 1:
        items = "".join(
            f'<li><span class="zh">{_highlight(ex.zh, entry.hanzi)}</span><br>'
            f'<span class="example-english">{_esc(ex.en)}</span></li>'
            for ex in examples[1:]
        )
        more = f'<ul class="more-examples">{items}</ul>'
    slugs = tuple(entry.articles) + tuple(ex.article for ex in examples)
    fields = {
        "Hanzi": _esc(entry.hanzi),
        "Traditional": _esc(entry.traditional) if entry.traditional != entry.hanzi else "",
        "Pinyin": _pinyin_words_html(entry.pinyin),
        "English": _esc("; ".join(entry.english)),
        "Context English": _esc(_context_english(entry)),
        "Category": _esc(entry.category or ""),
        "HSK": str(entry.hsk) if entry.hsk is not None else "",
        "Frequency": f"{entry.frequency:.1f}" if entry.frequency is not None else "",
        "Measure Words": _esc("、".join(entry.measure_words)),
        "Example": _highlight(first.zh, entry.hanzi) if first else "",
        "Example Pinyin": ctx.example_pinyin(first) if first else "",
        "Example English": _esc(first.en) if first else "",
        "More Examples": more,
        "Source": ctx.source(slugs),
        "Glossary Note": _esc(entry.note),
        LEARNER_FIELD: "",
    }
    tags = []
    if entry.category:
        tags.append(_tag("category", entry.category))
    if entry.hsk is not None:
        tags.append(_tag("hsk", str(entry.hsk)))
    tags += [_tag("article", s) for s in dict.fromkeys(s for s in slugs if s)]
    if entry.is_name:
        tags.append("name")
    tags.append(_tag("source", entry.source))
    return NoteSpec(
        guid=vocab_guid(entry.hanzi),
        former_guid=_written_guid(entry.hanzi),
        model_id=VOCAB_MODEL_ID,
        deck_id=VOCAB_DECK_ID,
        fields=tuple(fields[name] for name in VOCAB_FIELDS),
        tags=tuple(sorted(set(tags))),
        label=entry.hanzi,
        kind="vocabulary",
    )


def _first_gloss(entry: VocabEntry) -> str:
    """Sentence notes show a term's main gloss only (so a fix to a later gloss touches one note)."""
    return entry.english[0] if entry.english else ""


def key_terms(zh: str, vocab: Sequence[VocabEntry]) -> list[VocabEntry]:
    """The vocabulary entries whose headword occurs in ``zh``, in order of first occurrence."""
    found = [(zh.find(e.hanzi), -len(e.hanzi), e) for e in vocab if e.hanzi and e.hanzi in zh]
    return [e for _, _, e in sorted(found, key=lambda x: (x[0], x[1]))][:MAX_KEY_TERMS]


def _gap_term(terms: Sequence[VocabEntry]) -> VocabEntry | None:
    """The term worth producing from memory: the longest non-name term (earliest on ties)."""
    candidates = [e for e in terms if not e.is_name and len(e.hanzi) >= 2]
    return max(candidates, key=lambda e: len(e.hanzi), default=None)


def sentence_note(sentence: AnalysedSentence, slugs: Sequence[str], vocab: Sequence[VocabEntry], ctx: _Context) -> NoteSpec:
    zh = sentence.pair.zh.strip()
    terms = key_terms(zh, vocab)
    key_html = ""
    if terms:
        items = "".join(
            f'<li><span class="zh">{_esc(e.hanzi)}</span> {_pinyin_words_html(e.pinyin)} — {_esc(_first_gloss(e))}</li>'
            for e in terms
        )
        key_html = f'<ul class="key-terms">{items}</ul>'
    gap = gap_answer = ""
    target = _gap_term(terms)
    if target is not None:
        escaped, term = _esc(zh), _esc(target.hanzi)
        gap = escaped.replace(term, '<span class="gap">＿＿</span>', 1)
        gap_answer = (
            '<div class="sentence">' + escaped.replace(term, f'<span class="hl">{term}</span>', 1) + "</div>"
            + f'<div class="pinyin">{_pinyin_words_html(target.pinyin)}</div>'
            + f'<div class="english">{_esc(_first_gloss(target))}</div>'
        )
    fields = {
        "Chinese": _esc(zh),
        "Ruby": _ruby_html(sentence.written_tokens()),
        "Pinyin": _sentence_pinyin_html(sentence),
        "English": _esc(sentence.pair.en.strip()),
        "Source": ctx.source(slugs),
        "Key Terms": key_html,
        "Gap": gap,
        "Gap Answer": gap_answer,
        LEARNER_FIELD: "",
    }
    return NoteSpec(
        guid=sentence_guid(zh),
        model_id=SENTENCE_MODEL_ID,
        deck_id=SENTENCE_DECK_ID,
        fields=tuple(fields[name] for name in SENTENCE_FIELDS),
        tags=tuple(sorted({_tag("article", s) for s in slugs if s})),
        label=zh,
        kind="sentence",
    )


def _reading_order(sentences: Sequence[str]):
    """Sort key: (index of the first sentence holding the term, offset in it, longer first, headword)."""

    def key(entry: VocabEntry):
        for index, zh in enumerate(sentences):
            offset = zh.find(entry.hanzi)
            if offset >= 0:
                return (index, offset, -len(entry.hanzi), entry.hanzi)
        return (len(sentences), 0, 0, entry.hanzi)

    return key


def build_notes(articles: Sequence[AnalysedArticle], vocab: Sequence[VocabEntry]) -> list[NoteSpec]:
    """Every note of a build: one per headword, one per distinct sentence (both sides present).

    Vocabulary in reading order (where each term first occurs in the articles; terms
    that occur in none after, by headword), then sentences in document order: the
    order new cards are introduced in. It depends on the content only, never on the
    order the entries arrive in, so a rebuild gives the same package.
    """
    ctx = _Context(articles)
    entries = sorted(merge_duplicates(vocab), key=_reading_order([s.pair.zh for a in articles for s in a.sentences]))
    notes = [vocab_note(e, ctx) for e in entries if e.hanzi.strip()]
    sentences: dict[str, tuple[AnalysedSentence, list[str]]] = {}
    for a in articles:
        for s in a.sentences:
            if not (has_han(s.pair.zh) and s.pair.en.strip()):
                continue
            key = normalise_sentence(s.pair.zh)
            sentences.setdefault(key, (s, []))[1].append(a.article.slug)
    notes += [sentence_note(s, slugs, entries, ctx) for s, slugs in sentences.values()]
    return notes
