"""Property tests: any interleaving of English and Chinese blocks with junk lines
among them parses without crashing, and no block lands in the other language's field."""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from flashcards.errors import InputError
from flashcards.ingest.article import read_article
from flashcards.ingest.lines import RELATED
from flashcards.ingest.text import parse_text
from flashcards.ingest.textnorm import language

EN = [
    "The two navies completed a joint patrol in the gulf on Thursday.",
    "Officials said the talks were candid and constructive.",
    "The ministry urged all parties to exercise restraint and return to dialogue.",
    "A new training centre for peacekeepers opened in the western region.",
    "The delegation also visited a coast guard station and a naval academy.",
    "Analysts expect defence spending in the region to rise again next year.",
    "Both sides agreed to notify each other before large-scale exercises.",
    "The spokesperson declined to comment on the reports.",
]
ZH = [
    "两国海军周四在海湾完成联合巡逻。",
    "官员表示，会谈坦诚而富有建设性。",
    "外交部敦促各方保持克制，重回对话轨道。",
    "西部地区新建了一个维和人员培训中心。",
    "代表团还参观了一个海警站和一所海军院校。",
    "分析人士预计，明年该地区的国防开支将再次增加。",
    "双方同意在举行大规模演习前相互通报。",
    "发言人拒绝就有关报道发表评论。",
]
JUNK_LINES = [
    "Share", "back", "Views: 2,048", "阅读：512", "返回顶部", "微信", "[Editor: Li Na]", "责任编辑：张伟",
    "Copyright © 2025 Example. All rights reserved.", ".share a { color: red; }", "12", "***", "|",
    "Source", "China Military Online", "Time", "2025-02-03 08:00:00", "By Wang Lei", "王磊", "上一篇", "Next",
]

block = st.one_of(
    st.tuples(st.just("en"), st.sampled_from(EN)),
    st.tuples(st.just("zh"), st.sampled_from(ZH)),
    st.tuples(st.just("junk"), st.sampled_from(JUNK_LINES)),
    st.tuples(st.just("junk"), st.text(max_size=40).map(lambda t: t.replace("\n", " ").replace("\r", " "))),
)
documents = st.tuples(st.lists(block, max_size=24), st.lists(st.sampled_from(["\n", "\n\n", "\r\n", "\n \n\n"]), min_size=1))


def render(blocks, separators):
    return "".join(text + separators[k % len(separators)] for k, (_, text) in enumerate(blocks))


def check(metadata, paragraphs, blocks):
    for p in paragraphs:
        assert language(p.en) in ("en", ""), p
        assert language(p.zh) in ("zh", ""), p
        assert p.en or p.zh
    for s in EN:
        assert all(s not in p.zh for p in paragraphs)
    for s in ZH:
        assert all(s not in p.en for p in paragraphs)
    assert language(metadata.title_en) in ("en", "")
    assert language(metadata.title_zh) in ("zh", "")
    # every real block survives somewhere, in its own language's field
    if not any(kind == "junk" and RELATED.match(text.strip()) for kind, text in blocks):
        meta_values = " ".join(str(v) for v in vars(metadata).values())
        for kind, text in blocks:
            if kind == "en":
                assert any(text in p.en for p in paragraphs) or text in meta_values, text
            elif kind == "zh":
                assert any(text in p.zh for p in paragraphs) or text in meta_values, text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_parser_never_crashes_nor_swaps_languages(doc):
    blocks, separators = doc
    metadata, paragraphs = parse_text(render(blocks, separators))
    check(metadata, paragraphs, blocks)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gb18030"]))
def test_files_in_any_encoding_read_or_fail_cleanly(doc, encoding):
    blocks, separators = doc
    text = render(blocks, separators)
    # control characters are a sign of binary data; a pasted article has none
    assume(not any(unicodedata.category(c) == "Cc" and c not in "\r\n\t" for c in text))
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        assume(False)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_bytes(data)
        try:
            article = read_article(path)
        except InputError as exc:
            assert str(exc).startswith(str(path))
            has_chinese = any(kind == "zh" for kind, _ in blocks)
            # a document holding one of the Chinese sentences is understood, except
            # UTF-16 without a byte-order mark, which can only be recognised by how
            # plausible its characters are (rare scripts in the junk may defeat that)
            assert not has_chinese or encoding == "utf-16-le" or "no article text" in str(exc), str(exc)
            return
    check(article.metadata, article.paragraphs, blocks)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_never_crash(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_bytes(data)
        try:
            read_article(path)
        except InputError:
            pass
