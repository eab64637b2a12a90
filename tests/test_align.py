"""The sentence aligner, the alignment scorer and article-level sentence pairing."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashcards.align.beads import align, align_paragraphs, format_bead
from flashcards.align.score import parse_bead, parse_beads, score
from flashcards.errors import InputError
from flashcards.model import Paragraph

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "articles" / "chinamil-2025-01-06-japan-europe-security.txt"
GOLD = Path(__file__).parent / "data" / "sample_alignment.tsv"


def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _gold_pairs() -> list[tuple[int, str, str]]:
    rows = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        paragraph, zh, en = line.split("\t")
        rows.append((int(paragraph), _norm(zh), _norm(en)))
    return rows


def _sample_paragraphs() -> list[Paragraph]:
    """The sample's body as English/Chinese paragraph pairs, read plainly from the file."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", SAMPLE.read_text(encoding="utf-8")) if b.strip()]
    body = blocks[blocks.index("孙文竹") + 1:blocks.index("Related News")]
    return [Paragraph(en=body[k], zh=body[k + 1]) for k in range(0, len(body), 2)]


def _check_beads(beads, n: int, m: int) -> None:
    zh = [i for bead in beads for i in bead[0]]
    en = [j for bead in beads for j in bead[1]]
    assert zh == list(range(n)) and en == list(range(m))
    assert all(bead[0] or bead[1] for bead in beads)


# ── the aligner ───────────────────────────────────────────────────────────────

def test_empty_inputs():
    assert align([], []) == []
    assert align(["你好。"], []) == [((0,), ())]
    assert align([], ["Hello.", "Bye."]) == [((), (0,)), ((), (1,))]


def test_finds_one_to_one_and_one_to_two_beads():
    zh = [
        "日本与欧盟签署了战略伙伴关系协定。",
        "美国默许日本加强与欧洲国家的军事合作，北约也表示欢迎。",
        "2024年7月，日本航空自卫队同法国空军举行联合演习。",
        "日本宣布将防卫预算提升至国内生产总值的2%。",
    ]
    en = [
        "Japan and the EU signed a strategic partnership agreement.",
        "The US tacitly approved Japan's stronger military cooperation with European countries.",
        "NATO welcomed it too.",
        "In July 2024, the Japan Air Self-Defense Force held joint exercises with the French air force.",
        "Japan announced it would raise its defense budget to 2% of GDP.",
    ]
    assert align(zh, en) == [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,)), ((3,), (4,))]


def test_an_untranslated_sentence_does_not_disturb_its_neighbours():
    zh = [
        "日本与欧盟签署了战略伙伴关系协定，该协定于今年1月1日正式生效。",
        "本文仅代表作者个人观点，不代表本网站立场，转载请注明出处和作者姓名。",
        "双方将作为志同道合的全球伙伴，共同维护地区和平与安全。",
        "2024年7月，日本航空自卫队同法国空军举行联合演习。",
    ]
    en = [
        "The strategic partnership agreement between Japan and the EU took effect on January 1 this year.",
        "The two sides, as like-minded global partners, will jointly maintain regional peace and security.",
        "In July 2024, the Japan Air Self-Defense Force held joint exercises with the French air force.",
    ]
    beads = align(zh, en)
    _check_beads(beads, 4, 3)
    assert beads[0] == ((0,), (0,)) and beads[-1] == ((3,), (2,))
    assert any(2 in z and e == (1,) for z, e in beads)


_SENTENCE = st.text(alphabet=list("日本军事合作和平安全。，“” abcJapanpeace.,\"0123"), min_size=0, max_size=30)


@settings(max_examples=60, deadline=None)
@given(st.lists(_SENTENCE, max_size=12), st.lists(_SENTENCE, max_size=12))
def test_every_index_lands_in_exactly_one_bead_in_order(zh, en):
    _check_beads(align(zh, en), len(zh), len(en))


def test_a_long_document_stays_complete_and_ordered():
    zh = [f"第{i}条：日本与欧洲国家举行第{i}次联合演习。" for i in range(120)]
    en = [f"Article {i}: Japan held joint exercise number {i} with European countries." for i in range(120)]
    del en[40]  # an English line missing
    beads = align(zh, en)
    _check_beads(beads, len(zh), len(en))
    assert ((10,), (10,)) in beads and ((100,), (99,)) in beads


def test_format_and_parse_beads_round_trip():
    for bead in [((3,), (3, 4)), ((), (7,)), ((0, 1), ())]:
        assert parse_bead(format_bead(bead)) == bead
    assert format_bead(((3,), (3, 4))) == "[3]:[3,4]"
    assert format_bead(((), (7,))) == "[]:[7]"


def test_parse_beads_reports_the_bad_line():
    with pytest.raises(InputError) as caught:
        parse_beads("[0]:[0]\n[1]-[1]\n", "x.align")
    assert caught.value.line == 2 and caught.value.path == "x.align"


# ── the scorer ────────────────────────────────────────────────────────────────

def test_scorer_counts_strict_and_lax_matches():
    gold = [((0,), (0,)), ((1,), (1, 2)), ((2,), ()), ((3,), (3,))]
    test = [((0,), (0,)), ((1,), (1,)), ((), (2,)), ((2,), ()), ((3,), (3,))]
    s = score([gold], [test])
    assert s.strict_p == pytest.approx(3 / 5) and s.lax_p == pytest.approx(4 / 5)
    assert s.strict_r == pytest.approx(2 / 3) and s.lax_r == pytest.approx(1.0)
    assert s.strict_f == pytest.approx(2 * 0.6 * (2 / 3) / (0.6 + 2 / 3))
    assert s.lax_f == pytest.approx(2 * 0.8 / 1.8)


def test_scorer_pools_files_and_is_perfect_on_gold():
    gold = [[((0,), (0,)), ((1,), (1, 2))], [((0, 1), (0,))]]
    s = score(gold, gold)
    assert (s.strict_f, s.lax_f) == (1.0, 1.0)
    wrong = score(gold, [[((0,), (0, 1)), ((1,), (2,))], [((0,), (0,)), ((1,), ())]])
    assert wrong.strict_f == 0.0 and 0 < wrong.lax_f < 1


# ── article paragraphs ────────────────────────────────────────────────────────

def _as_rows(pairs):
    return [(p.paragraph, _norm(p.zh), _norm(p.en)) for p in pairs]


def test_every_sentence_of_the_sample_lands_in_its_gold_pair():
    assert _as_rows(align_paragraphs(_sample_paragraphs())) == _gold_pairs()


def test_sample_through_the_ingester_gives_the_same_pairs():
    ingest = pytest.importorskip("flashcards.ingest.article")
    article = ingest.read_article(SAMPLE)
    got = [(zh, en) for _, zh, en in _as_rows(align_paragraphs(article.paragraphs))]
    # The ingester may normalise punctuation; compare modulo compatibility forms.
    assert got[-len(_gold_pairs()):] == [(zh, en) for _, zh, en in _gold_pairs()]


def test_semicolon_clauses_pair_with_their_own_english_sentences():
    pairs = align_paragraphs(_sample_paragraphs()[2:3])
    assert [p.zh[:2] for p in pairs] == ["此外", "20", "8月", "9月"]
    assert [p.en.split()[1] for p in pairs[1:]] == ["July", "August,", "September,"]


def test_document_level_when_paragraphs_do_not_pair():
    paragraphs = _sample_paragraphs()
    english = Paragraph(en="\n".join(p.en for p in paragraphs), zh="")
    chinese = Paragraph(en="", zh="\n".join(p.zh for p in paragraphs))
    got = [(zh, en) for _, zh, en in _as_rows(align_paragraphs([english, chinese]))]
    assert got == [(zh, en) for _, zh, en in _gold_pairs()]


def test_untranslated_and_empty_paragraphs_make_no_pairs():
    paragraphs = [
        Paragraph(en="Related News", zh=""),
        Paragraph(en="Japan and the EU signed an agreement.", zh="日本与欧盟签署了协定。"),
        Paragraph(en="", zh=""),
    ]
    pairs = align_paragraphs(paragraphs)
    assert [(p.paragraph, p.zh, p.en) for p in pairs] == [
        (1, "日本与欧盟签署了协定。", "Japan and the EU signed an agreement.")
    ]


_PARAGRAPH_ZH = (
    "日本与欧盟签署了战略伙伴关系协定，该协定于今年1月1日正式生效。"
    "本文仅代表作者个人观点，不代表本网站立场，转载请注明出处和作者姓名。"
    "双方将作为志同道合的全球伙伴，共同维护地区和平与安全。"
)
_FIRST_EN = "The strategic partnership agreement between Japan and the EU took effect on January 1 this year."
_LAST_EN = "The two sides, as like-minded global partners, will jointly maintain regional peace and security."


def test_a_paired_sentence_the_dictionary_cannot_link_is_kept():
    # no word of either side is found in the other, but the layout paired them
    pairs = align_paragraphs([Paragraph(en="So where does that leave us?", zh="这究竟意味着什么呢？")])
    assert [(p.zh, p.en) for p in pairs] == [("这究竟意味着什么呢？", "So where does that leave us?")]


_HAN_CLAUSE = st.text(alphabet=list("这究竟意味着什么呢那么接下来会发生说到底"), min_size=1, max_size=20)
_WORDS = st.lists(st.sampled_from("so where does that leave us what happens next then".split()), min_size=1, max_size=12)


@settings(max_examples=40, deadline=None)
@given(_HAN_CLAUSE, _WORDS)
def test_a_paragraph_of_one_sentence_a_side_is_one_pair(zh, words):
    en = " ".join(words).capitalize() + "."
    pairs = align_paragraphs([Paragraph(en=en, zh=zh + "。")])
    assert [(p.zh, p.en) for p in pairs] == [(zh + "。", en)]


@pytest.mark.parametrize("extra_en", ["", " Editor: Li Jiayao, China Military Online, Beijing."])
def test_an_untranslated_sentence_in_a_paragraph_makes_no_card(extra_en):
    pairs = align_paragraphs([Paragraph(en=_FIRST_EN + extra_en + " " + _LAST_EN, zh=_PARAGRAPH_ZH)])
    assert [(p.zh[:4], p.en) for p in pairs] == [("日本与欧", _FIRST_EN), ("双方将作", _LAST_EN)]
