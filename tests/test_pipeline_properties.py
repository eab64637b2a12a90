"""Property tests: whatever text a user saves, the pipeline never crashes.

Random documents (Chinese and English words, other scripts, punctuation of both
languages, emoji, digits, invisible and control characters, very long lines) in
several encodings go through ingest → align → pinyin → terms → merge. The only
exception allowed is our :class:`InputError`; what comes out keeps the stages'
contracts: sentence pairs come from the article's own text, a sentence's tokens
concatenate to it exactly, each token has one syllable per Han character.
"""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from flashcards.ingest import article as ingest
from flashcards import pipeline
from flashcards.align.beads import align, align_paragraphs
from flashcards.errors import InputError
from flashcards.glossary.merge import merge_vocab
from flashcards.terms.extract import extract_terms
from flashcards.ingest.textnorm import han_count

ROOT = Path(__file__).resolve().parents[1]

PROFILE = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=False,
)

# ── the text a user might save ───────────────────────────────────────────────

ZH_WORDS = ["海军", "演习", "联合", "中国", "北约", "日本", "安全", "合作", "战略伙伴关系协定", "导弹", "了", "的", "和", "在", "长", "行", "重"]
EN_WORDS = ["navy", "exercise", "joint", "China", "NATO", "Japan's", "security", "U.S.", "e.g.", "don't", "well-known", "Mr.", "2+2"]
PUNCT = list("，。！？；：、“”‘’《》（）【】…—·,.!?;:'\"()-/%&*#@[]{}") + ["...", "——", "——"]
ODD = ["😀", "🚀", "🇨🇳", "👍🏽", "❤️", "\u200b", "\u200d", "\ufeff", "\u00ad", "\u3000", "\t", "\x07", "\x1b", "\u2028",
       "Ω", "ß", "é", "ñ", "Я", "ا", "한국", "にほん", "ｆｕｌｌ", "１２３", "\U00020000", "〇", "ㄅ", "⁂"]

han = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
token = st.one_of(
    st.sampled_from(ZH_WORDS),
    st.text(han, min_size=1, max_size=6),
    st.sampled_from(EN_WORDS),
    st.from_regex(r"[A-Za-z]{1,10}", fullmatch=True),
    st.sampled_from(PUNCT),
    st.sampled_from(ODD),
    st.integers(-10**6, 10**9).map(str),
    st.text(min_size=1, max_size=3),  # anything at all
)
line = st.lists(token, max_size=25).map(lambda ts: " ".join(ts) if len(ts) % 2 else "".join(ts))
long_line = st.tuples(st.sampled_from(ZH_WORDS + EN_WORDS + PUNCT), st.integers(500, 3000)).map(lambda t: (t[0] + " ") * t[1])
paragraph = st.one_of(line, line, line, long_line)
document = st.lists(paragraph, min_size=0, max_size=14).map("\n\n".join)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"])


@functools.cache
def _glossary():
    return pipeline.load_glossary(ROOT / "glossary.yaml")


@functools.cache
def _reader():
    return pipeline.analyser(_glossary())


@functools.cache
def _folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="flashcards-props-"))


def _common_han(text: str) -> int:
    """Han characters of GB2312 (every one has a known reading)."""
    count = 0
    for char in text:
        try:
            count += han_count(char) == 1 and len(char.encode("gb2312")) == 2
        except UnicodeEncodeError:
            pass
    return count


def _check_tokens(text: str, tokens) -> None:
    """Tokens cover the text exactly; one syllable per Han character (a rare character
    no dictionary reads may have none, but never more syllables than characters)."""
    assert "".join(t.text for t in tokens) == text
    for t in tokens:
        assert _common_han(t.text) <= len(t.pinyin) <= han_count(t.text), (t.text, t.pinyin)
        assert all(s and s.strip() == s for s in t.pinyin), t.pinyin


def _squash(text: str) -> str:
    return "".join(text.split())


# ── properties ───────────────────────────────────────────────────────────────


@PROFILE
@given(doc=document, encoding=encodings, suffix=st.sampled_from([".txt", ".html"]))
def test_random_documents_go_through_every_stage_or_fail_with_input_error(doc, encoding, suffix):
    try:
        data = doc.encode(encoding)
    except UnicodeEncodeError:
        data = doc.encode("utf-8")
    path = _folder() / f"article{suffix}"
    path.write_bytes(data)
    try:
        article = ingest.read_article(path)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        event("refused with an input error")
        return
    analysed = pipeline.analyse_article(article, _reader())
    zh_text = _squash("".join(p.zh for p in article.paragraphs))
    en_text = _squash(" ".join(p.en for p in article.paragraphs))
    for sentence in analysed.sentences:
        assert _squash(sentence.pair.zh) in zh_text
        assert _squash(sentence.pair.en) in en_text
        _check_tokens(sentence.pair.zh, sentence.tokens)
    terms = extract_terms(analysed.sentences, _glossary())
    entries = merge_vocab(_glossary(), {article.slug: terms})
    event(f"read: {'with' if analysed.sentences else 'without'} sentences, {'with' if terms else 'without'} terms")
    for entry in entries:
        assert entry.hanzi and han_count(entry.hanzi) > 0


@PROFILE
@given(texts=st.lists(line, min_size=1, max_size=6))
@example(texts=["一澪"])  # a name CC-CEDICT cuts no word out of
def test_pinyin_of_any_text_covers_it_exactly(texts):
    for text, tokens in zip(texts, _reader().read(texts), strict=True):
        _check_tokens(text, tokens)


@settings(max_examples=60, deadline=None)
@given(zh=st.lists(line, max_size=12), en=st.lists(line, max_size=12))
def test_align_puts_every_line_in_exactly_one_bead_in_order(zh, en):
    beads = align(zh, en)
    zh_ids = [i for bead in beads for i in bead[0]]
    en_ids = [i for bead in beads for i in bead[1]]
    assert zh_ids == list(range(len(zh)))
    assert en_ids == list(range(len(en)))


@PROFILE
@given(paragraphs=st.lists(st.tuples(line, line), max_size=8))
def test_align_paragraphs_takes_any_paragraphs(paragraphs):
    from flashcards.model import Paragraph

    pairs = align_paragraphs([Paragraph(en, zh, zh) for en, zh in paragraphs])
    for pair in pairs:
        assert 0 <= pair.paragraph < len(paragraphs)
        assert pair.zh.strip() and pair.en.strip()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(doc=document, encoding=encodings, command=st.sampled_from(["build", "vocab", "sentences"]))
def test_commands_exit_0_or_1_on_any_document(doc, encoding, command):
    """End to end through the CLI (deck and package included): success or one input-error line."""
    import contextlib
    import io

    from flashcards.cli import main

    try:
        data = doc.encode(encoding)
    except UnicodeEncodeError:
        data = doc.encode("utf-8")
    path = _folder() / "cli-article.txt"
    path.write_bytes(data)
    glossary = str(ROOT / "glossary.yaml")
    args = {
        "build": ["build", str(path), "--out", str(_folder() / "decks"), "--glossary", glossary],
        "vocab": ["vocab", str(path), "--format", "json", "--glossary", glossary],
        "sentences": ["sentences", str(path), "--format", "json", "--glossary", glossary],
    }[command]
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            main(args)
            code = 0
        except SystemExit as exc:
            code = exc.code
    assert code in (0, 1), err.getvalue()
    assert "Traceback" not in err.getvalue() and "internal error" not in err.getvalue()
    if code == 1:
        assert err.getvalue().count("\n") == 1 and err.getvalue().startswith(f"flashcards: {path}")


def test_the_strategies_reach_the_later_stages():
    """Guard against a generator that only ever makes input errors: a plain mixed
    document is read, aligned and gives terms."""
    path = _folder() / "mixed.txt"
    path.write_text("The navy held a joint exercise. 😀\n\n海军举行了联合演习。🚀\n", encoding="utf-8")
    analysed = pipeline.analyse_article(ingest.read_article(path), _reader())
    assert analysed.sentences
    assert {t.hanzi for t in extract_terms(analysed.sentences, _glossary())} & {"海军", "联合演习", "演习"}


if __name__ == "__main__":  # pragma: no cover
    pytest.main([__file__, "-q"])
