"""Key-term extraction on the sample article and on a second, hand-written one.

The articles are read here in the simplest way that matches the pipeline's
contract (paragraph pairs, jieba with the glossary's terms as user words, pypinyin
readings), so these tests exercise the term stage alone.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest

from flashcards.model import AnalysedSentence, SentencePair, Token
from flashcards.terms.extract import extract_terms, textrank
from flashcards.terms.unit import Unit
from flashcards.terms.units import is_candidate, sentence_units, verb_with_aspect

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "articles" / "chinamil-2025-01-06-japan-europe-security.txt"
SECOND = ROOT / "tests" / "data" / "articles" / "second-article.txt"
HAN = re.compile(r"[\u4e00-\u9fff]")

SAMPLE_GLOSSARY = """\
terms:
  - hanzi: 直升机护卫舰
    pinyin: zhíshēngjī hùwèijiàn
    english: [helicopter destroyer, helicopter carrier]
    category: weapons
  - hanzi: 岸田文雄
    pinyin: Àntián Wénxióng
    english: Fumio Kishida
    category: politics
  - hanzi: 默许
    pinyin: mòxǔ
    english: tacit approval
    category: diplomacy
"""

# Domain vocabulary a reader of the sample article should get (our own judgement).
SAMPLE_EXPECTED = ["准同盟", "反击能力", "孤立主义", "战略伙伴关系协定", "直升机护卫舰", "默许",
                   "志同道合", "军备竞赛", "国内生产总值", "自卫队", "盟友", "对冲", "演训"]
SECOND_EXPECTED = ["护航", "亚丁湾", "海盗", "商船", "索马里", "补给舰", "联合国安理会", "驱逐舰", "搜救", "决议"]
# Never worth a card: everyday words, function words, numbers and dates, page furniture.
NEVER = {"日本", "今年", "的", "在", "和", "与", "美国", "欧洲", "国家", "我们", "这", "作者", "单位",
         "来源", "编辑", "本周", "一年", "数千", "年内", "一艘"}


def paragraph_pairs(path: Path) -> list[tuple[str, str]]:
    """(en, zh) body paragraphs of an article in the sample's layout."""
    blocks = [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    return [(a, b) for a, b in zip(blocks, blocks[1:])
            if not HAN.search(a) and len(a) > 80 and len(HAN.findall(b)) > 20]


def analyse(path: Path, user_words: tuple[str, ...] = ()) -> list[AnalysedSentence]:
    import jieba
    from pypinyin import Style, pinyin

    tokenizer = jieba.Tokenizer()
    for word in user_words:
        tokenizer.add_word(word, 200_000)
    out = []
    for i, (en, zh) in enumerate(paragraph_pairs(path)):
        syllables = [s[0] for s in pinyin(zh, style=Style.TONE, errors=lambda x: [None] * len(x))]
        tokens, pos = [], 0
        for piece in tokenizer.cut(zh):
            tokens.append(Token(piece, tuple(s for s in syllables[pos:pos + len(piece)] if s and HAN.search(zh[pos:pos + len(piece)]))))
            pos += len(piece)
        out.append(AnalysedSentence(SentencePair(zh, en, i), tuple(tokens)))
    return out


@functools.cache
def sample_glossary(tmp_dir: str):
    from flashcards.glossary.load import load_glossary

    path = Path(tmp_dir) / "glossary.yaml"
    path.write_text(SAMPLE_GLOSSARY, encoding="utf-8")
    return load_glossary(path)


@pytest.fixture(scope="module")
def glossary(tmp_path_factory):
    return sample_glossary(str(tmp_path_factory.mktemp("glossary")))


@pytest.fixture(scope="module")
def sample_terms(glossary):
    sentences = analyse(SAMPLE, tuple(e.hanzi for e in glossary.entries))
    return extract_terms(sentences, glossary)


@pytest.fixture(scope="module")
def second_terms():
    return extract_terms(analyse(SECOND), None)


def _check_quality(terms, expected, top):
    heads = [t.hanzi for t in terms[:top]]
    missing = [w for w in expected if w not in heads]
    assert len(missing) <= len(expected) // 4, f"missing from the top {top}: {missing}; got {heads}"
    everything = {t.hanzi for t in terms}
    assert not (everything & NEVER), everything & NEVER
    for t in terms:
        assert HAN.search(t.hanzi) and not re.search(r"[0-9A-Za-z]", t.hanzi), t
        assert t.pinyin and len(t.syllables) == len(t.hanzi), t
        assert t.english and all(e.strip() for e in t.english), t
        assert t.examples and all(t.hanzi in ex.zh and ex.en for ex in t.examples), t


def test_sample_top_terms_are_domain_vocabulary(sample_terms):
    _check_quality(sample_terms, SAMPLE_EXPECTED, top=40)


def test_second_article_top_terms_are_domain_vocabulary(second_terms):
    _check_quality(second_terms, SECOND_EXPECTED, top=20)


def test_in_context_english_is_what_the_article_wrote(sample_terms):
    by = {t.hanzi: t for t in sample_terms}
    assert by["准同盟"].context_english == "quasi-alliance"
    assert by["反击能力"].context_english == "counterattack capabilities"
    assert by["直升机护卫舰"].context_english == "helicopter carrier"
    assert by["孤立主义"].context_english == "isolationism"
    assert by["默许"].context_english == "tacit approval"  # from the glossary's rendering
    for t in sample_terms:
        if t.context_english:
            assert all(t.context_english in ex.en for ex in t.examples[:1]), t


def test_names_are_tagged_with_their_english_form(sample_terms):
    by = {t.hanzi: t for t in sample_terms}
    assert by["岸田文雄"].is_name and by["岸田文雄"].context_english == "Fumio Kishida"
    assert by["石破茂"].is_name and by["石破茂"].name_kind == "person"
    assert by["石破茂"].context_english == "Shigeru Ishiba"
    assert by["石破茂"].pinyin[0].isupper()
    assert not by["准同盟"].is_name


def test_dictionary_data_is_attached(sample_terms):
    by = {t.hanzi: t for t in sample_terms}
    assert by["军备竞赛"].traditional == "軍備競賽"
    assert 0 < by["军备竞赛"].zipf < 4
    assert by["直升机护卫舰"].in_glossary and by["直升机护卫舰"].count == 1
    assert by["亚太"].count == 4


def test_options_top_names_known_and_thresholds(glossary):
    sentences = analyse(SAMPLE, tuple(e.hanzi for e in glossary.entries))
    assert len(extract_terms(sentences, glossary, top=5)) == 5
    no_names = extract_terms(sentences, glossary, names=False)
    assert not [t for t in no_names if t.is_name and not t.in_glossary]
    known = extract_terms(sentences, glossary, known={"准同盟", "孤立主义", "直升机护卫舰"})
    assert not {"准同盟", "孤立主义", "直升机护卫舰"} & {t.hanzi for t in known}
    assert "反击能力" in {t.hanzi for t in known}
    rare = extract_terms(sentences, glossary, max_zipf=3.5)
    assert all(t.zipf <= 3.5 or t.in_glossary for t in rare)
    assert len(rare) < len(extract_terms(sentences, glossary))
    advanced = extract_terms(sentences, glossary, hsk_min=6)
    assert all(t.hsk is None or t.hsk >= 6 or t.in_glossary for t in advanced)


def test_quoted_phrases_and_dictionary_runs_are_kept_whole():
    zh = "打造“准同盟”体系,占国内生产总值的2%"
    tokens = tuple(Token(p) for p in ["打造", "“", "准", "同盟", "”", "体系", ",", "占", "国内", "生产总值", "的", "2", "%"])
    units = [u.text for u in sentence_units(AnalysedSentence(SentencePair(zh, ""), tokens))]
    assert "准同盟" in units and "国内生产总值" in units
    assert "准" not in units and "生产总值" not in units


def test_a_member_s_suffix_after_a_glossary_word_stays_its():
    """共和党 | 员 "Republican Party members": no 共和 "republicanism" | 党员; but 伊斯兰国 | 家
    is 伊斯兰 | 国家 "Islamic country", whose 家 is no member."""
    def read(*pieces):  # tokens with a syllable per character, as the reader gives them
        from pypinyin import Style, pinyin
        return tuple(Token(p, tuple(s[0] for s in pinyin(p, style=Style.TONE))) for p in pieces)

    members = AnalysedSentence(SentencePair("一些共和党员反对", ""), read("一些", "共和党", "员", "反对"))
    assert [u.text for u in sentence_units(members, {"共和党"})] == ["一些", "共和党", "员", "反对"]
    country = AnalysedSentence(SentencePair("成为一个伊斯兰国家", ""), read("成为", "一个", "伊斯兰国", "家"))
    assert [u.text for u in sentence_units(country, {"伊斯兰国"})][-2:] == ["伊斯兰", "国家"]


def test_a_quoted_name_may_begin_with_a_compass_direction_not_with_a_function_word():
    zh = "越过“北方分界线”和“在这里”"
    pieces = ["越过", "“", "北方", "分界线", "”", "和", "“", "在", "这里", "”"]
    units = [u.text for u in sentence_units(AnalysedSentence(SentencePair(zh, ""), tuple(Token(p) for p in pieces)))]
    assert "北方分界线" in units and "北方" not in units
    assert "在这里" not in units and "这里" in units


def test_non_words_are_cut_and_counters_dropped():
    zh = "在5年内规模不断扩大"
    tokens = tuple(Token(p) for p in ["在", "5", "年内", "规模", "不断扩大"])
    units = sentence_units(AnalysedSentence(SentencePair(zh, ""), tokens))
    texts = [u.text for u in units]
    assert "不断" in texts and "扩大" in texts and "不断扩大" not in texts
    assert not is_candidate(next(u for u in units if u.text == "年内"))
    assert not is_candidate(Unit("的", (), 0)) and not is_candidate(Unit("三十", (), 0))
    for date in ["周一", "星期天", "本周", "今天", "去年", "下午", "近日"]:
        assert not is_candidate(Unit(date, (), 0)), date
    assert is_candidate(Unit("周期", (), 0)) and is_candidate(Unit("战后", (), 0))


def test_a_glossary_word_inside_a_token_no_dictionary_has_stays_whole():
    zh = "被俄罗斯黑海舰队船只包围"
    tokens = tuple(Token(p) for p in ["被", "俄罗斯黑海舰队", "船只", "包围"])
    sentence = AnalysedSentence(SentencePair(zh, ""), tokens)
    assert [u.text for u in sentence_units(sentence)][1:4] == ["俄罗斯", "黑海", "舰队"]  # CC-CEDICT's words
    units = sentence_units(sentence, {"黑海舰队"})
    assert [(u.text, u.glossary, u.start) for u in units][1:3] == [("俄罗斯", False, 1), ("黑海舰队", True, 4)]
    traditional = AnalysedSentence(SentencePair("俄羅斯黑海艦隊", ""), (Token("俄羅斯黑海艦隊"),))
    assert [u.text for u in sentence_units(traditional, {"黑海舰队"})] == ["俄羅斯", "黑海艦隊"]


def test_textrank_prefers_the_connected_word():
    ranks = textrank([["a", "hub"], ["b", "hub"], ["c", "hub"], ["d", "e"]])
    assert ranks["hub"] == 1.0 and ranks["hub"] > ranks["a"] > 0


def test_empty_input_gives_no_terms():
    assert extract_terms([], None) == []


def test_chinese_without_english_still_gives_terms():
    zh = "海军周一举行了联合演习。"
    pieces = ["海军", "周一", "举行", "了", "联合演习", "。"]
    sentence = AnalysedSentence(SentencePair(zh, ""), tuple(Token(p) for p in pieces))
    terms = extract_terms([sentence], None)
    heads = {t.hanzi for t in terms}
    assert {"海军", "演习"} <= heads and "周一" not in heads  # 联合演习 is not a CEDICT word: cut
    assert all(t.english and t.pinyin and not t.context_english for t in terms)


def test_a_unit_without_reading_borrows_cedict_s():
    zh = "军备竞赛升级"
    sentence = AnalysedSentence(SentencePair(zh, "The arms race escalates."), (Token("军备竞赛"), Token("升级")))
    by = {t.hanzi: t for t in extract_terms([sentence], None)}
    assert by["军备竞赛"].syllables == ("jūn", "bèi", "jìng", "sài")
    assert by["军备竞赛"].pinyin == "jūnbèi jìngsài"  # word orthography: a compound of two words
    assert by["军备竞赛"].context_english == "arms race"


from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = ["准同盟", "“", "”", "国内", "生产总值", "的", "2", "%", "年内", "不断扩大", "后美", "岸田", "abc", "，", "反击", "能力"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12))
def test_units_always_cover_the_sentence_exactly(pieces):
    zh = "".join(pieces)
    tokens = tuple(Token(p) for p in pieces)
    units = sentence_units(AnalysedSentence(SentencePair(zh, ""), tokens))
    assert "".join(u.text for u in units) == zh
    assert [u.start for u in units] == [sum(len(v.text) for v in units[:k]) for k in range(len(units))]


def _power_iteration(sequences, window=5, iterations=30, damping=0.85):
    """TextRank's iterations written out plainly: the scores textrank must give, to the last bit."""
    from flashcards.terms.textrank import cooccurrence

    edges = cooccurrence(sequences, window)
    if not edges:
        return {}
    score = {n: 1.0 for n in edges}
    for _ in range(iterations):
        score = {n: (1 - damping) + damping * sum([w / sum(edges[m].values()) * score[m] for m, w in edges[n].items()])
                 for n in edges}
    top = max(score.values())
    return {n: s / top for n, s in score.items()}


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.sampled_from("abcdefghij"), max_size=15), max_size=12))
def test_textrank_gives_the_plain_power_iterations_scores(sequences):
    """With numpy (a worker has it loaded) and without (a rebuild does not): the same floats."""
    from flashcards.terms import textrank as module

    assert textrank(sequences) == _power_iteration(sequences)
    links = module.node_links(module.cooccurrence(sequences))
    assert module._iterate_numpy(links, 30, 0.85) == module._iterate_python(links, 30, 0.85)


@pytest.mark.slow
@pytest.mark.parametrize("with_glossary", [False, True])
def test_through_the_real_pipeline(with_glossary):
    """The same quality bar with the project's own ingest, aligner and reader."""
    from flashcards import pipeline

    glossary = pipeline.load_glossary(ROOT / "glossary.yaml") if with_glossary else None
    if with_glossary and glossary is None:
        pytest.skip("no glossary.yaml in the repository")
    for path, expected, top in [(SAMPLE, SAMPLE_EXPECTED, 60), (SECOND, SECOND_EXPECTED, 25)]:
        [article] = pipeline.read_articles([path])
        analysed = pipeline.analyse_article(article, pipeline.analyser(glossary))
        terms = extract_terms(analysed.sentences, glossary)
        _check_quality(terms, expected, top=top)


def _cards_of(run_cli, folder: Path, english: str, chinese: str) -> dict[str, str]:
    """headword -> English of the cards ``flashcards vocab`` makes of a two-paragraph article."""
    article = folder / "article.txt"
    article.write_text(f"{english}\n\n{chinese}\n", encoding="utf-8")
    result = run_cli("vocab", article, "--format", "json", "--no-cache")
    assert result.code == 0, result.err
    return {e["hanzi"]: e["english"] for e in json.loads(result.out)}


def test_a_transliterated_name_takes_only_a_name_it_sounds_like(run_cli, tmp_path):
    # 沃灵顿 (Warrington) is not in the English; the only name left there, "Jeremy Corbyn",
    # is not how 沃灵顿 sounds, so the card is left out rather than teach the wrong name
    cards = _cards_of(run_cli, tmp_path, "Labour said on Monday that its candidate in the town, Jeremy Corbyn, "
                      "would stand again.", "工党周一表示，该党在沃灵顿的候选人将再次参选。")
    assert "工党" in cards and "候选人" in cards  # the article was read
    assert "Jeremy Corbyn" not in cards.get("沃灵顿", "")


def test_two_characters_no_dictionary_has_make_no_card(run_cli, tmp_path):
    # jieba's guesses 仍愿 (仍 "still" + 愿 "wish") and 难改 are no words, whatever English sits beside them
    cards = _cards_of(run_cli, tmp_path, "The foundation said it still wishes to keep talking with the mainland, "
                      "and that the talks would be difficult to change.", "该基金会表示仍愿与大陆保持对话，并称会谈难改。")
    assert {"基金会", "对话"} <= cards.keys()  # the article was read
    assert not cards.keys() & {"仍愿", "难改"}


def test_a_verb_and_its_aspect_particle_is_the_verb():
    # 成了 "became" is 成 + 了, not CC-CEDICT's 成了 "that's enough!"; 穿着 "wearing" is not
    # 穿着 "attire"; a word meaning what its verb means (有着, 透过) is a word all the same
    assert verb_with_aspect("成了", ["After a year they became close friends."])
    assert verb_with_aspect("穿着", ["He came to the door wearing a new uniform."])
    assert not verb_with_aspect("成了", ["The plan is ready, nothing more to add."])  # no verb rendered
    assert not verb_with_aspect("有着", ["The two countries have a long history of trade."])
    assert not verb_with_aspect("透过", ["Light passed through the window."])
    assert not verb_with_aspect("国家", ["The country became richer."])


def test_no_card_for_a_verb_with_its_aspect_particle(run_cli, tmp_path):
    cards = _cards_of(run_cli, tmp_path, "After the exercise the two navies became close partners.",
                      "演习之后，两国海军成了亲密的伙伴。")
    assert "海军" in cards and "伙伴" in cards  # the article was read
    assert "成了" not in cards


def test_a_headline_s_words_are_terms_but_no_sentence(run_cli, tmp_path):
    """制裁 is only in the headline: it gets a card, with the headline as its example, and
    the headline is still no sentence of the article (no sentence note, no alignment)."""
    from flashcards import pipeline

    article = tmp_path / "sanctions.txt"
    article.write_text(
        "美国宣布对伊朗实施新制裁\nUS Announces New Sanctions on Iran\n"
        "美国财政部周五表示，将对十家公司采取措施。\nThe Treasury said on Friday it would take measures against ten companies.\n"
        "这些公司被指协助伊朗获取导弹技术。\nThe companies are accused of helping Iran obtain missile technology.\n",
        encoding="utf-8")
    result = run_cli("vocab", article, "--format", "json", "--no-cache")
    assert result.code == 0, result.err
    cards = {e["hanzi"]: e for e in json.loads(result.out)}
    assert "制裁" in cards, sorted(cards)
    assert cards["制裁"]["examples"][0]["zh"] == "美国宣布对伊朗实施新制裁"
    analysed = pipeline.analyse_article(pipeline.read_article(article), pipeline.analyser(None))
    assert all("制裁" not in s.pair.zh for s in analysed.sentences)
    assert analysed.headline is not None and analysed.headline.pair.en == "US Announces New Sanctions on Iran"


@pytest.mark.parametrize("title_zh, title_en, headline", [
    ("首页 > 国际 > 正文", "Home > International > Text", None),  # a breadcrumb is no headline
    ("重阳问答︱美国就业数据大超预期 - 经济观察网", "Q&A ︱ US jobs data far exceed expectations - EEO",
     ("美国就业数据大超预期", "US jobs data far exceed expectations")),  # the site's and the column's names go
    ("美国宣布对伊朗实施新制裁", "", None),  # no English: no evidence for its terms
])
def test_the_headline_is_the_title_s_longest_part(title_zh, title_en, headline):
    from flashcards import pipeline
    from flashcards.model import Metadata

    found = pipeline.headline_pair(Metadata(title_en=title_en, title_zh=title_zh))
    assert ((found.zh, found.en) if found else None) == headline
