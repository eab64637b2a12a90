"""Cards a learner can trust on articles nobody tuned for: the English a vocabulary card
shows is a few clean senses, the article's first; a word no dictionary has gets English
only with evidence; names the segmenter cut up are joined when the English writes them
as one name; a glossary term inside a longer word still gets its card.

Everything runs on the real CC-CEDICT, jieba and pinyin; the little article below was
written for these tests.
"""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from flashcards import pipeline
from flashcards.lexicon import cedict, dictionary
from flashcards.model import SentencePair
from flashcards.terms import context_gloss as cg, name_sounds, name_units, rendering, senses
from flashcards.terms.unit import name_parts, units_of
from flashcards.reading.word_evidence import gloss_head
from flashcards.terms import extract
from flashcards.terms.extract import extract_terms

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def assert_card_ready(english: tuple[str, ...]) -> None:
    assert len(english) <= senses.MAX_SENSES
    assert len("; ".join(english)) <= senses.MAX_CHARS or len(english) == 1
    for sense in english:
        assert sense and len(sense) <= senses.MAX_CHARS
        assert not HAN.search(sense) and "|" not in sense and "CL:" not in sense, sense
        assert not REFERENCE_LEFT.search(sense), sense  # what is left of a reference in characters


# "abbr. to 国资委", "variant of 乞", "Taiwan pr. [han4]" once their characters are gone
REFERENCE_LEFT = re.compile(r"\b(?:abbr\.? (?:to|of|for)|variant of|equivalent (?:of|to))$|\[[a-z]+\d|,\s*,", re.I)


# --- senses -----------------------------------------------------------------------------

def test_a_dictionary_dump_becomes_a_short_clean_gloss():
    for word in ("广西壮族自治区", "民和", "说法", "问候", "酒店", "初心", "人次"):
        english = senses.card_senses(dictionary.english(word))
        assert english, word
        assert_card_ready(english)
    assert senses.card_senses(dictionary.english("人次")) == ("person-times", "visits")  # no classifier sense


@pytest.mark.parametrize("word, english", [
    ("巴掌", ("palm of the hand", "slap")),  # "classifier: slap": a measure word's use, labelled
    ("不住", ("unable to firmly or securely (grasp, recall etc)", "repeatedly", "continuously")),  # "(verb complement)"
    ("细雨", ("fine rain", "drizzle")),  # not "poem by Tang poet Li Shangyin"
    ("漫画家", ("cartoon writer",)),  # "(from Japanese mangaka)": where the word came from
])
def test_grammar_labels_measure_word_uses_and_titles_of_works_are_not_senses(word, english):
    assert senses.card_senses(dictionary.english(word)) == english


def test_a_note_on_how_a_sense_is_used_is_no_part_of_it():
    # "(usu. used adverbially) all (or both) of them, independently": the sense is the rest
    english = senses.card_senses(dictionary.english("不约而同"), ["Then both of them laughed at the same moment."])
    assert english[0].startswith("all (or both) of them") and not any("used" in sense for sense in english)
    # "to shout (i.e. ...) (usually followed by the words shouted)" is "to shout", not a sense
    # whose long note explains it, to be left out for 喝道's archaic "to clear the way"
    assert senses.card_senses(dictionary.english("喝道"))[0].startswith("to shout")


def test_a_person_is_glossed_by_the_name_alone():
    assert senses.card_senses(dictionary.english("习近平"), name=True) == ("Xi Jinping",)


@pytest.mark.parametrize("word, english", [
    ("湖南", "Hunan province in south central China"),  # not "..., abbr., capital Changsha"
    ("广东", "Guangdong province (Kwangtung) in south China"),  # its "廣州|广州" left it no English at all
    ("德累斯顿", "Dresden"),
])
def test_a_place_is_described_up_to_its_cross_references(word, english):
    assert senses.card_senses(dictionary.english(word), name=True) == (english,)


def test_another_bearer_of_a_name_is_no_sense_of_it():
    """南昌 "Nanchang, prefecture-level city ...; also Nanchang county": the county is another
    place of the name, never the card's English (it was, for the destroyer Nanchang)."""
    assert senses.clean_sense("also Nanchang county", name=True) is None
    assert senses.card_senses(dictionary.english("南昌"), ["The Nanchang sailed."], name=True) == ("Nanchang",)


def test_a_name_s_description_ends_where_its_fame_begins():
    """CC-CEDICT's 新竹: "..., noted for high tech industries" is an encyclopaedia's aside."""
    assert senses.clean_sense("Xinzhu or Hsinchu city in northern Taiwan, noted for high tech industries",
                              name=True) == "Xinzhu or Hsinchu city in northern Taiwan"
    assert senses.clean_sense("Hunan province in south central China, abbr. 湘, capital Changsha 长沙",
                              name=True) == "Hunan province in south central China"
    assert senses.clean_sense("Changi, area in the east of Singapore, where Singapore Changi Airport is located",
                              name=True) == "Changi, area in the east of Singapore"


def test_the_sense_the_article_uses_comes_first():
    formation = senses.card_senses(dictionary.english("编队"), ["The two destroyers sailed in formation."])
    assert formation[0].startswith("formation")
    # from the rest of the article when the term's own sentence says nothing: where two
    # sentences of it use the sense, not one ("investments" once is no reason for 付出's
    # "to invest (energy or time)" in 付出代价 "to pay a price")
    rest = ["The ships kept a tight formation through the strait.", "The formation then turned north."]
    elsewhere = senses.card_senses(dictionary.english("编队"), ["The navy sent two ships."], rest)
    assert elsewhere[0].startswith("formation")
    once = senses.card_senses(dictionary.english("编队"), ["The navy sent two ships."], rest[:1])
    assert not once[0].startswith("formation")
    paid = senses.card_senses(dictionary.english("付出"), ["The crisis has come at great cost."],
                              ["Foreign investments fell.", "The army took the city."])
    assert paid[0] == "to pay"
    # the more specific of two matching senses wins
    assert senses.card_senses(dictionary.english("中非"), ["He thanked the Central African Republic."],
                              name=True) == ("Central African Republic",)


def test_where_the_english_chooses_no_sense_the_news_sense_leads():
    # CC-CEDICT's first senses: 为期 "(to be done) by (a certain date)", 分别 "to part"
    assert senses.card_senses(dictionary.english("为期"), ["The army ordered a one-year state of emergency."])[0] \
        == "lasting (a certain time)"
    assert senses.card_senses(dictionary.english("分别"), ["Both leaders met the envoys."])[0].startswith("separately")
    # the English still decides where it uses a sense
    assert senses.card_senses(dictionary.english("分别"), ["The two friends parted at the station."])[0] == "to part"
    # 使得土耳其 "left Turkey (unsure)": "to make", not CC-CEDICT's first "usable"
    card = cards_of("一场未遂兵变使得土耳其人民不确知由谁掌权。", "An attempted coup left Turks unsure of who was in charge.")
    assert card["使得"].english[0] in ("to make", "to cause"), card["使得"].english


@pytest.mark.parametrize("word, sentence, first", [
    ("问道", '"Who sent you?" he asked.', "to ask"),  # not "to ask the way": the sense with least else in it
    ("通信", "Satellite communication was cut for an hour.", "communication"),  # the word itself, not "to communicate"
    ("整体", "The reforms must be promoted as a whole.", "whole"),  # not "integral", found by its stem alone
    # the word's part of speech: a noun after a determiner, a verb after "to"
    ("纪录", "The country staged 24 launches this year, a record.", "record (written account)"),
    ("罚款", "The court imposed a fine on the company.", "fine (monetary)"),
    ("罚款", "The regulator decided to fine the company.", "to fine"),
    # of senses found alike, the one whose other words the sentence has too, apart
    ("安全问题", "Questions of survival and of development security are intertwined.", "security issue"),
    # a gloss's verb is in its base form: "to found" is no past tense of "to find"
    ("建国", "The army has dominated the country since it was founded.", "to found a country"),
])
def test_of_senses_the_sentence_uses_alike_the_nearest_comes_first(word, sentence, first):
    assert senses.card_senses(dictionary.english(word), [sentence])[0] == first


def test_of_senses_found_alike_the_one_more_of_the_term_s_sentences_use_comes_first():
    # "service" is in one sentence (the English of another word there), "agent" in both
    own = ["The court heard that a former KGB agent had met the two men in London.",
           "Two retired agents carried out the killing for the federal security service."]
    assert senses.card_senses(("secret service", "special service", "special agent"), own)[0] == "special agent"


def test_a_function_word_in_the_english_is_no_evidence_for_a_sense():
    # 便是 "... precisely; exactly; even; if ...": the "as if" of its sentence says nothing about it
    own = ["Then one day he showed up at her door, as if to make an announcement."]
    assert senses.card_senses(dictionary.english("便是"), own)[0] == "precisely"


def test_a_gloss_of_several_senses_counts_as_several():
    # CC-CEDICT writes some senses of one gloss apart with ";": "(math.) factor; divisor"
    glosses = ("wide; broad; extensive; widespread",)
    assert senses.card_senses(glosses) == ("wide", "broad", "extensive")  # three senses, not four
    assert senses.card_senses(glosses, ["The reform met widespread protest."])[0] == "widespread"


def test_a_field_sense_joins_when_the_article_uses_it_whole():
    glosses = ("requirement", "to require", "(economics) demand")
    assert senses.card_senses(glosses, ["Labor demand stayed strong."])[0] == "demand"
    assert "demand" not in senses.card_senses(glosses, ["The rules apply to all."])
    assert "divisor" not in senses.card_senses(("factor", "(math.) factor; divisor"), ["a key factor"])


def test_a_common_word_elsewhere_is_no_evidence_for_a_phrase():
    english = senses.card_senses(dictionary.english("紧张"), ["It was hard."], ["Suppliers rushed."])
    assert english[0] != "in short supply"


def test_senses_of_any_cedict_word_are_card_ready():
    """A sample of real CC-CEDICT headwords: whatever their entries hold, at most three
    clean senses come out."""
    words = sorted({e.simplified for e in cedict.entries_containing("/")})
    for word in random.Random(20).sample(words, 3000):
        assert_card_ready(senses.card_senses(dictionary.english(word)))
        assert_card_ready(senses.card_senses(dictionary.english(word), name=True))


@pytest.mark.parametrize("gloss, sense", [
    ("abbr. to 中纤板", None),
    ("ancient variant of 乞", None),
    ("coll. pr. [zuo2 liao5]", None),
    ("with (Taiwan pr. [han4])", "with"),
    ("the three annual periods of hot weather, namely 初伏, 中伏 and 末伏", "the three annual periods of hot weather"),
    ("abbr. of 印子錢|印子钱, usury", "usury"),
    ("according to", "according to"),  # a sense that ends in "to" of its own stays
    ("State-owned Assets Supervision and Administration Commission of State Council (SASAC)",
     "State-owned Assets Supervision and Administration Commission of State Council"),
    ("to be convinced (that sth is true); to believe; to accept sth as true",
     "to be convinced (that something is true); to believe; to accept something as true"),
    # a grammar label before the meaning goes (将会): judges called it a dictionary dump
    ("auxiliary verb introducing future action: may (be able to)", "may (be able to)"),
    ("to proclaim: to declare", "to proclaim: to declare"),  # no grammar label: as it is
])
def test_references_in_characters_go_with_what_only_they_meant(gloss, sense):
    assert senses.clean_sense(gloss) == sense


def test_a_name_keeps_its_name_when_a_reference_comes_first():
    gloss = "the original name of 孫中山|孙中山[Sun1 Zhong1 shan1], Dr Sun Yat-sen (1866-1925), first president"
    assert senses.card_senses((gloss,), name=True) == ("Dr Sun Yat-sen",)


# --- transliterated names ---------------------------------------------------------------

@pytest.mark.parametrize("syllables, english", [
    ("mǎ kē sī", "Marcos"), ("bù lín kěn", "Blinken"), ("lái xī", "Raisi"), ("wǎ gé nà", "Wagner"),
    ("hā méi nèi yī", "Khamenei"), ("ā kè sāi ěr luó dé", "Axelrod"), ("mò dé luó", "Modrow"),
    ("hú sài", "Houthi"), ("shǐ mì sī", "Smith"), ("tuō mǎ sī", "Thomas"), ("jí ní", "Ginni"), ("gé lěi", "Gray"),
])
def test_a_transliteration_sounds_like_its_name(syllables, english):
    assert name_sounds.sounds_alike(syllables.split(), english)


@pytest.mark.parametrize("syllables, english", [
    ("mǎ kē sī", "February"), ("zhào chūn shān", "Consensus"), ("mò xī", "Merseyside"),
    ("yīn qiè qī wàng", "February"), ("bù lín kěn", "Lincoln Center"),
])
def test_other_words_do_not(syllables, english):
    assert not name_sounds.sounds_alike(syllables.split(), english)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["mǎ", "kē", "sī", "bù", "lín", "ā", "dé", "luó", "ěr", "yī"]), min_size=1, max_size=6),
       st.text(alphabet="abcdefghiklmnoprstuvwyz", min_size=1, max_size=14))
@example(["dé", "bù"], "artb")  # an unsounded r after a first vowel is no onset: 德布 is no "Artb"
def test_sounds_alike_never_fails_and_needs_the_same_onset(syllables, english):
    if name_sounds.sounds_alike(syllables, english.capitalize()):
        ours = name_sounds._pinyin_consonants(syllables)
        theirs = name_sounds._english_consonants(english)
        assert name_sounds._same_onset(ours[0], theirs[0])


# --- the term stage on an article ---------------------------------------------------------

ARTICLE = [
    ("美国国务卿布林肯周五表示，双方将继续对话。",
     "US Secretary of State Antony Blinken said on Friday that the two sides would continue the dialogue."),
    ("布林肯说，美方愿意推动可持续发展合作。",
     "Blinken said the US was willing to promote cooperation on sustainable development."),
    ("报道说，萨卡洛夫将于下月访问该国。",
     "According to the report, the minister will visit the country next month."),
]

GLOSSARY = """\
terms:
  - hanzi: 发展
    pinyin: fāzhǎn
    english: development
    category: politics
"""


@pytest.fixture(scope="module")
def terms(tmp_path_factory):
    from flashcards.glossary.load import load_glossary

    path = tmp_path_factory.mktemp("glossary") / "glossary.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    glossary = load_glossary(path)
    pairs = [SentencePair(zh, en, i) for i, (zh, en) in enumerate(ARTICLE)]
    sentences = pipeline.analyser(glossary).analyse(pairs)
    return {t.hanzi: t for t in extract_terms(sentences, glossary)}


def test_a_name_the_segmenter_cut_up_is_one_card_with_its_english(terms):
    assert "布林肯" in terms, sorted(terms)
    assert terms["布林肯"].english == ("Blinken",) or "Blinken" in terms["布林肯"].english[0]
    assert terms["布林肯"].is_name
    assert "林肯" not in terms  # not Lincoln


def test_a_lone_character_takes_the_first_of_the_word_after_it_back():
    """jieba cuts 喜剧作家 喜 | 剧作家 "playwright"; the comedy writers are 喜剧 | 作家."""
    terms = cards_of("他们成了报纸漫画家和喜剧作家们的笑料。", "They became fodder for newspaper cartoonists and comedy writers.")
    assert "剧作家" not in terms and "喜剧" in terms, sorted(terms)
    assert "剧作家" in cards_of("他是一位著名的剧作家。", "He is a famous playwright.")


def test_a_quoted_phrase_of_degree_is_no_term():
    """“最重要成就” "most important achievement" is words the speaker is quoted with; “互相尊重”
    "mutual respect" is a fixed formulation and stays one card."""
    terms = cards_of("这是美国打败基地组织使命的“最重要成就”。", "It was the most significant achievement in the effort to defeat al-Qaida.")
    assert "最重要成就" not in terms and "成就" in terms, sorted(terms)
    assert "互相尊重" in cards_of("双方强调“互相尊重”。", "Both sides stressed \"mutual respect\".")


def test_a_given_name_that_is_also_a_word_stays_in_its_name():
    """夏立言 is cut 夏 | 立言, and 立言 is CC-CEDICT's "to expound one's theory": the English
    spells "Xia Liyan", so the name is one card and its given name no card of its own."""
    terms = cards_of("夏立言副主席昨天在台北会见了访客。", "Vice Chairman Xia Liyan met visitors in Taipei yesterday.")
    assert "夏立言" in terms and terms["夏立言"].is_name, sorted(terms)
    assert terms["夏立言"].pinyin == "Xià Lìyán"
    assert "立言" not in terms
    # without the spelling, 立言 is the word it is
    assert "夏立言" not in cards_of("他一生著书立言。", "All his life he wrote books and expounded his views.")


def test_a_glossary_word_does_not_take_a_character_of_the_word_after_it():
    """中共 is a glossary word, so the segmenter cut 互利共赢中共享 as 中共 | 享; jieba's own
    dictionary cuts 中 | 共享 "to share", and so do the cards."""
    glossary = pipeline.load_glossary(None)
    terms = cards_of("双方要在互利共赢中共享发展机遇。", "Both sides should share development opportunities.", glossary)
    assert "中共" not in terms and "共享" in terms, sorted(terms)
    terms = cards_of("中共中央召开会议。", "The CPC Central Committee held a meeting.", glossary)
    assert "中共中央" in terms, sorted(terms)  # where it is the word, it stays
    # nor the first character of the word before: 以回 | 应对 is 以 | 回应 | 对, in either script
    for zh in ("该协议于2015年签订，以回应对伊朗正在发展核武器的指控。", "該協議於2015年簽訂，以迴應對伊朗正在發展核武器的指控。"):
        terms = cards_of(zh, "The deal came in response to allegations that Iran was developing nuclear weapons.", glossary)
        assert not {"应对", "應對"} & set(terms), sorted(terms)
    terms = cards_of("那张脸一直留在他的脑海里。", "That face stayed in his mind.", glossary)
    assert "海里" not in terms, sorted(terms)  # the glossary's nautical mile, across 脑海 | 里
    # 应对 "to cope with" took the 对 of 对此 "for this": 应 | 对此 | 负责 "should answer for this"
    terms = cards_of("但美国总统上星期表示，哈瓦那应对此负责。", "But the US president said last week that Havana was responsible.", glossary)
    assert "应对" not in terms, sorted(terms)


def test_a_chinese_name_the_english_spells_is_not_cut_into_words():
    """王沪宁 is no dictionary word, and 沪宁 is CC-CEDICT's "Shanghai-Nanjing": the English
    spells "Wang Huning", so the name stays whole."""
    terms = cards_of("王沪宁也亲自下了指示。", "Wang Huning also personally gave instructions.")
    assert "王沪宁" in terms and terms["王沪宁"].pinyin == "Wáng Hùníng", sorted(terms)
    assert "沪宁" not in terms


def test_a_word_that_is_also_a_name_is_the_name_where_the_english_spells_it():
    """CC-CEDICT has 高密 as "high density" and as Gaomi, a city; the English writes "Gaomi"."""
    terms = cards_of("他出生在山东高密的一个小村子里。", "He was born in a small village in Gaomi, Shandong.")
    assert terms["高密"].english == ("Gaomi",) and terms["高密"].pinyin == "Gāomì", terms.get("高密")
    terms = cards_of("这种材料的高密度很重要。", "The high density of this material matters.")
    assert all(t.english != ("Gaomi",) for t in terms.values())


def test_a_name_only_in_the_dictionary_needs_its_own_spelling_in_the_english():
    """山上 is CC-CEDICT's "Shanshang township" only; "Shan", someone's name, is not that
    spelling, and "on the mountain" is no name at all."""
    terms = cards_of("我和陈青远到山上去了。一个叫单伟的老师也来了。",
                     "Chen Qingyuan and I went up the mountain. A teacher called Shan Wei came too.")
    assert "山上" not in terms, terms.get("山上")
    assert terms["陈青远"].pinyin == "Chén Qīngyuǎn"  # a name the English spells: surname apart


def test_a_transliterated_name_joins_across_a_character_jieba_tags_a_measure_word():
    """埃贡 · 克 伦茨 "Egon Krenz": jieba tags 克 (gram) a measure word, yet it is a syllable of the name."""
    terms = cards_of("当年埃贡·克伦茨很快就下台了。", "Back then Egon Krenz soon stepped down.")
    assert "埃贡·克伦茨" in terms, sorted(terms)
    assert terms["埃贡·克伦茨"].english == ("Egon Krenz",)


def test_a_transliterated_place_name_keeps_its_last_syllables():
    """斯卡多夫斯克 "Skadovsk" ends in 克, which jieba tags a measure word; 恰普林卡 "Chaplynka"
    in 林卡, CC-CEDICT's Tibetan "garden". Both are names, one word each, not 斯卡多夫斯 + 克
    and 恰普 + a card for "garden"."""
    terms = cards_of("记者昨天先后抵达斯卡多夫斯克和恰普林卡两地。",
                     "The reporter reached Skadovsk and then Chaplynka yesterday.")
    assert terms["斯卡多夫斯克"].english == ("Skadovsk",), sorted(terms)
    assert terms["恰普林卡"].english == ("Chaplynka",) and terms["恰普林卡"].pinyin == "Qiàpǔlínkǎ"
    assert "林卡" not in terms and "斯卡多夫斯" not in terms


def test_a_name_the_segmenter_cut_across_is_cut_again_around_it():
    """With the shipped glossary's words, jieba cuts 乔治华盛顿号 as 乔治华盛 (a leftover of
    its dictionary) | 顿号 "back-sloping comma"; the English names Washington, so the cut is
    乔治 | 华盛顿 | 号, and 华盛顿号 is the ship."""
    terms = cards_of("乔治华盛顿号航母昨天驶离横须贺。", "The USS George Washington left Yokosuka yesterday.",
                     pipeline.load_glossary(None))
    assert "华盛顿号" in terms and "乔治" in terms, sorted(terms)
    assert terms["华盛顿号"].english == ("Washington",), terms["华盛顿号"].english
    assert "顿号" not in terms and "乔治华盛" not in terms


def test_a_name_is_not_glued_to_the_word_after_it():
    """美国诉尼克松案中: "Nixon" is 尼克松 alone, not 尼克松 with 案中 "in the case" on it."""
    terms = cards_of("在美国诉尼克松案中，法院认为总统特权并非绝对。",
                     "In United States v. Nixon, the Court held that presidential privilege is not absolute.")
    assert not any(h.startswith("尼克松") and h != "尼克松" for h in terms), sorted(terms)


def test_a_name_without_evidence_gets_no_english_from_its_neighbours(terms):
    for hanzi, term in terms.items():
        if "萨卡洛夫" in hanzi or "卡洛夫" in hanzi:
            assert term.english and "minister" not in " ".join(term.english).lower()


def test_a_glossary_term_inside_a_longer_word_gets_its_own_card(terms):
    assert "可持续发展" in terms
    assert "发展" in terms and terms["发展"].in_glossary


def test_every_card_is_clean(terms):
    for term in terms.values():
        if not term.in_glossary:
            assert_card_ready(term.english)


def test_advanced_words_are_kept_however_often_news_uses_them():
    """革命 (HSK 6) is more common than the default threshold, yet no everyday word;
    a country's name as common is still left out, and asking for rarer words is exact."""
    pairs = [SentencePair("伊朗纪念革命周年，欧洲各国表示关注。", "Iran marked the anniversary of the revolution; European countries voiced concern.", 0)]
    sentences = pipeline.analyser(None).analyse(pairs)
    assert dictionary.zipf("革命") > 5.0 and dictionary.hsk_level("革命") >= 5
    default = {t.hanzi for t in extract_terms(sentences, None)}
    assert "革命" in default and "欧洲" not in default
    assert "革命" not in {t.hanzi for t in extract_terms(sentences, None, max_zipf=4.5)}


@pytest.mark.parametrize("english, phrase", [
    ("hunger strike", True), ("Secretary of War", True), ("supporters had warned", False),
    ('list called "Entity', False), ("claimed that the trial", False),
])
def test_only_a_phrase_can_be_a_term_s_english(english, phrase):
    from flashcards.terms.extract import _phrase

    assert _phrase(english) is phrase


def test_specialist_and_explained_senses_give_way_to_plain_ones():
    assert senses.card_senses(("(math.) transitive", "to transmit")) == ("to transmit",)
    assert senses.card_senses(("America (including North, Central and South America)", "the Americas")) == ("the Americas",)
    # ... unless there is nothing else: then only the label or the note goes
    assert senses.card_senses(("hedging (finance)",)) == ("hedging",)
    assert senses.card_senses(("to carry", "Taiwan pr. [xi1 dai4]")) == ("to carry",)


def test_a_number_s_magnitude_is_no_word():
    pairs = [SentencePair("约4.5万人参加了抗议活动。", "About 45,000 people joined the protests.", 0)]
    sentences = pipeline.analyser(None).analyse(pairs)
    assert "万人" not in {t.hanzi for t in extract_terms(sentences, None)}


def test_a_magnitude_after_a_space_is_still_the_number_s():
    pairs = [SentencePair("警方估计有 4.5 萬人參加。", "Police estimated 45,000 people took part.", 0)]
    sentences = pipeline.analyser(None).analyse(pairs)
    assert not {"萬人", "万人"} & {t.hanzi for t in extract_terms(sentences, None)}


def test_a_nationality_is_no_transliterated_name():
    en = "Vietnamese Prime Minister Pham Minh Chinh met Singaporean leaders."
    found = name_sounds.transliteration_span(en, ("fàn", "míng", "zhèng"))
    assert found is None or en[found[0]:found[1]] not in {"Vietnamese", "Singaporean"}


def cards_of(zh: str, en: str, glossary=None, **options) -> dict:
    """The cards of a one-sentence article, by hanzi, every word kept however common."""
    sentences = pipeline.analyser(glossary).analyse([SentencePair(zh, en, 0)])
    return {t.hanzi: t for t in extract_terms(sentences, glossary, **({"max_zipf": None, "hsk_min": None} | options))}


def test_a_neighbour_s_english_is_not_a_word_s_own():
    """攻击 "to attack" renders "attacks"; 打击 (to hit; to strike; to attack) beside it does not."""
    terms = cards_of("军队在东部加强了攻击，同时试图打击对方士气。",
                     "The troops stepped up their attacks in the east while trying to sap the other side's morale.")
    assert "打击" in terms, sorted(terms)
    assert terms["打击"].context_english != "attacks"


def test_a_word_of_a_name_is_the_name_s_english_not_a_common_word_s():
    """"United" of "the United States" renders 美国, not 联合 "unite" beside it."""
    terms = cards_of("美国和日本昨天举行了联合演习。", "The United States and Japan held exercises yesterday.")
    assert terms["联合"].context_english == "", terms["联合"]
    assert terms["美国"].context_english == "United States"


def test_a_list_the_gloss_lists_is_one_rendering_commas_and_all():
    terms = cards_of("各国陆海空三军的代表出席了会议。",
                     "Representatives of the army, navy and air force of each country attended the meeting.")
    assert terms["陆海空三军"].context_english == "army, navy and air force", terms["陆海空三军"]


def test_a_common_word_the_english_spells_as_a_name_is_that_name():
    """东风 is CC-CEDICT's "east wind"; a missile the English calls "Dongfeng" is a name,
    taught as the English writes it. Where the English says "east wind", it is the wind."""
    terms = cards_of("据报道，该国正在研制新型东风导弹。", "The country is reported to be developing a new Dongfeng missile.")
    assert terms["东风"].english == ("Dongfeng",) and terms["东风"].pinyin == "Dōngfēng", terms.get("东风")
    terms = cards_of("春天来了，东风吹过田野。", "Spring came, and the east wind blew across the fields.")
    assert terms["东风"].pinyin == "dōngfēng" and "Dongfeng" not in terms["东风"].english


def test_largest_after_an_ordinal_is_no_part_of_the_next_word():
    """第二大城市 is "second-largest city": jieba's 第二 | 大城市 gives no card for 大城市 "metropolis"."""
    terms = cards_of("哈尔科夫是乌克兰第二大城市。", "Kharkiv is Ukraine's second-largest city.")
    assert "大城市" not in terms and terms["城市"].context_english == "city", sorted(terms)
    assert "大城市" in cards_of("北京是一座大城市。", "Beijing is a big city.")


def test_a_dictionary_name_the_english_never_names_is_no_card():
    """Cut out of 顿巴斯 "Donbas", 巴斯 is CC-CEDICT's "Bath": no card for a city the article never names."""
    pairs = [SentencePair("俄军在顿巴斯地区推进。", "Russian forces advanced in the Donbas region.", 0)]
    sentences = pipeline.analyser(None).analyse(pairs)
    terms = {t.hanzi for t in extract_terms(sentences, None)}
    assert "巴斯" not in terms, terms



@pytest.mark.parametrize(("word", "english"), [
    ("伊朗", "A coalition fought Iranian-supported Houthi rebels."),
    ("乌克兰", "Ukrainian forces advanced."),
    ("日本", "Japanese ships sailed north."),
])
def test_a_country_its_people_s_adjective_names_is_named(word, english):
    """伊朗 is "Iran"; the English saying "Iranian-supported" names it."""
    assert name_sounds.named_in(dictionary.english(word), english)
    assert not name_sounds.named_in(dictionary.english(word), "Rebels fought a coalition.")


def test_a_dictionary_name_spelt_a_letter_apart_is_named():
    """CC-CEDICT's "(Colonel Muammar) Gaddafi" is the article's "Gadhafi": a card, which
    says the name without the optional start; "Hardie" is no "Hadi", "State" no "START"."""
    terms = cards_of("媒体消息表明利比亚前领导人卡扎菲已经身亡。",
                     "Reports indicate deposed Libyan leader Moammar Gadhafi is dead.")
    assert terms["卡扎菲"].english == ("Gaddafi",), sorted(terms)
    assert not name_sounds.named_in(("Hardy or Hardie (name)",), "President Hadi spoke.")
    assert not name_sounds.named_in(("State of the Union Address (US)",), "He left the New START treaty.")


def test_a_name_takes_no_adverb_glued_on():
    """莫斯科 + 也 ("also") is Moscow and an adverb, never the name "Moscow" in one card."""
    pairs = [SentencePair("随着军队在东部推进，莫斯科也试图切断对方的补给。",
                          "As its troops advanced in the east, Moscow also tried to cut the other side's supplies.", 0)]
    sentences = pipeline.analyser(None).analyse(pairs)
    assert not any(t.hanzi.startswith("莫斯科") and t.hanzi != "莫斯科" for t in extract_terms(sentences, None, max_zipf=None))
    cards = cards_of("今天我们有马约卡斯部长出席。", "Today we have Secretary Mayorkas with us.")
    assert "马约卡斯" in cards and not any(h.startswith("有马") for h in cards), sorted(cards)  # 有 "have" is no name's
    # 很快 "quickly", an adverb CC-CEDICT happens to lack, is no piece of the name before it
    cards = cards_of("记者穆罕默德·阿里夫很快发表了声明。", "Reporter Mohammad Arif quickly issued a statement.")
    assert cards["穆罕默德·阿里夫"].english == ("Mohammad Arif",), sorted(cards)
    assert not any(h.endswith("很") for h in cards), sorted(cards)


def test_a_curated_name_no_dictionary_has_is_a_part_of_the_name_in_parts_it_ends():
    """布林肯 is a glossary name CC-CEDICT lacks: 安东尼·布林肯 is one name, "Antony
    Blinken", not CC-CEDICT's 安东尼 "Anthony" beside it."""
    cards = cards_of("美国国务卿安东尼·布林肯周一抵达开罗。", "U.S. Secretary of State Antony Blinken arrived in Cairo on Monday.",
                     pipeline.load_glossary(None))
    assert cards["安东尼·布林肯"].english == ("Antony Blinken",), sorted(cards)
    assert "安东尼" not in cards


def test_a_ship_named_for_a_place_is_not_that_place_where_the_place_is_named_beside_it():
    """莫斯科 "Moscow" and the cruiser 莫斯科号 "Moskva" in one sentence: "Moscow" is the
    city's, so the ship takes its name from a sentence that names it alone."""
    pairs = [SentencePair("莫斯科表示，莫斯科号巡洋舰是因火灾沉没的。", "Moscow said the cruiser Moskva sank after a fire.", 0),
             SentencePair("莫斯科号沉没后，黑海舰队失去了旗舰。", "After the Moskva sank, the Black Sea Fleet lost its flagship.", 1)]
    sentences = pipeline.analyser(None).analyse(pairs)
    terms = {t.hanzi: t for t in extract_terms(sentences, None, max_zipf=None)}
    assert terms["莫斯科号"].english == ("Moskva",), terms["莫斯科号"].english
    assert cards_of(pairs[0].zh, pairs[0].en).get("莫斯科号") is None or \
        cards_of(pairs[0].zh, pairs[0].en)["莫斯科号"].english != ("Moscow",)


def test_a_name_found_by_its_sound_lies_in_no_english_a_glossary_word_renders():
    """台岛 sounds a little like "Theater", which is the glossary's 东部战区's "Eastern
    Theater Command": no card teaches 台岛 "Theater"."""
    cards = cards_of("解放军东部战区在台岛周边举行演习。", "The PLA's Eastern Theater Command held drills around the island.",
                     pipeline.load_glossary(None))
    assert cards["东部战区"].english == ("Eastern Theater Command",)
    assert not any("Theater" in " ".join(t.english) for h, t in cards.items() if h not in ("东部战区", "战区")), sorted(cards)


def test_a_name_the_next_character_may_go_on_gets_no_english_by_its_start():
    """达尔 | 耶 "Dahiyeh": 达尔 starts as "Dahiyeh" does, but 耶 may be the name's next
    syllable, so 达尔 is no person called "Dahiyeh" (nor any card with that English)."""
    cards = cards_of("一些目击者和达尔耶的居民说，他们听到了枪声。", "Some witnesses and residents of Dahiyeh said they heard gunfire.")
    assert not any(t.english == ("Dahiyeh",) and h != "达尔耶" for h, t in cards.items()), sorted(cards)


def test_a_modifier_and_a_verb_are_two_cards_not_one():
    """CC-CEDICT lists 迅速发展 "to develop rapidly"; a learner learns 迅速 and 发展."""
    terms = set(cards_of("两国关系迅速发展，双方同意正确处理分歧。",
                         "Relations between the two countries developed rapidly, and both sides agreed to handle differences correctly."))
    assert not {"迅速发展", "正确处理"} & terms, terms
    assert "分歧" in terms  # the article still gives its terms
    # a noun and a localizer likewise (CC-CEDICT lists 两国之间 "between two countries"),
    # not an adverb's phrase (长期以来 "for a long time")
    terms = set(cards_of("长期以来，两国之间的分歧不断加深。", "For a long time, differences between the two countries have deepened."))
    assert "两国之间" not in terms and "长期以来" in terms, terms


def test_an_article_s_english_is_never_two_sentences_or_clauses():
    from flashcards.terms.extract import _PHRASE_BREAK

    assert _PHRASE_BREAK.search('outside world. "At the opening')
    assert _PHRASE_BREAK.search("missiles, drones") and _PHRASE_BREAK.search("the aim: peace")
    assert not _PHRASE_BREAK.search("U.S. troops") and not _PHRASE_BREAK.search("the opening-up policy")
    assert not _PHRASE_BREAK.search("1,000 troops")


FORMULATIONS = """\
terms:
  - hanzi: 党中央
    pinyin: Dǎng Zhōngyāng
    english: Party Central Committee
    category: politics
  - hanzi: 以习近平同志为核心的党中央
    pinyin: yǐ Xí Jìnpíng tóngzhì wéi héxīn de Dǎng Zhōngyāng
    english: the Party Central Committee with Comrade Xi Jinping at its core
    category: formulations
  - hanzi: 中国军事威胁
    pinyin: Zhōngguó jūnshì wēixié
    english: China military threat
    category: formulations
  - hanzi: 国军
    pinyin: guójūn
    english: national army
    category: forces
"""


def test_a_long_formulation_gives_its_terms_cards_but_never_across_words(tmp_path):
    from flashcards.glossary.load import load_glossary

    path = tmp_path / "glossary.yaml"
    path.write_text(FORMULATIONS, encoding="utf-8")
    glossary = load_glossary(path)
    pairs = [SentencePair("以习近平同志为核心的党中央高度重视此事，有人炒作所谓中国军事威胁。",
                          "The Party Central Committee with Comrade Xi Jinping at its core attaches great importance "
                          "to this; some hype the so-called China military threat.", 0)]
    sentences = pipeline.analyser(glossary).analyse(pairs)
    terms = {t.hanzi for t in extract_terms(sentences, glossary)}
    assert {"以习近平同志为核心的党中央", "党中央", "中国军事威胁"} <= terms, terms
    assert "国军" not in terms  # 中国|军事: no word 国军 there


def test_a_sense_with_a_list_of_examples_keeps_its_meaning():
    """作出 "to make (a choice, decision, proposal, response, comment etc)" is "to make", and leads where the article makes something."""
    glosses = dictionary.word_info("作出").english
    own = ["The medical team has made important contributions to local health."]
    assert senses.card_senses(glosses, own, own)[0] == "to make"


def test_everyday_english_elsewhere_in_the_article_is_no_domain():
    """Any article says "process" somewhere: 处理 stays "to handle; to deal with" first."""
    glosses = dictionary.word_info("处理").english
    article = ["The two sides met on Monday.", "Samples were sent to a lab to process them."]
    assert senses.card_senses(glosses, article[:1], article)[0].startswith("to handle")


def test_a_sense_found_elsewhere_only_by_its_everyday_words_does_not_lead():
    """反复 "(of an illness) to return" is found by any "return" in the article: the words in
    brackets say when the sense applies, and "return" alone is everyday English."""
    glosses = dictionary.word_info("反复").english
    article = ["Inflation expectations kept fluctuating.", "Teachers on strike return to work."]
    assert senses.card_senses(glosses, article[:1], article)[0] == "repeatedly"
    # a sense the rest of the article uses in words that are not everyday still leads
    unstable = ["Prices were unstable all year.", "The currency remained unstable."]
    assert senses.card_senses(glosses, article[:1], unstable)[0] == "unstable"


def test_a_long_gloss_keeps_its_short_senses():
    """伟大 is one CC-CEDICT gloss of 83 characters, "huge; great; grand; worthy of the greatest
    admiration; important (contribution etc)": too long as a whole, its senses are not."""
    assert senses.card_senses(dictionary.word_info("伟大").english) == ("huge", "great", "grand")
    shortened = senses.card_senses(("to say " + "this, " * 30 + "and that",))  # one sense over the limit
    assert shortened and all(len(s) <= senses.MAX_CHARS for s in shortened)


def test_an_idiom_is_taught_by_what_it_means_before_its_literal_words():
    glosses = ("lit. a notch on the side of a boat to locate a sword dropped overboard (idiom); "
               "fig. an action made pointless by changed circumstances",)
    assert senses.card_senses(glosses)[0] == "an action made pointless by changed circumstances"


def test_a_figurative_sense_is_shown_without_its_label():
    assert senses.clean_sense("fig. opinion or demand, esp. expressed by a group") == \
        "opinion or demand, esp. expressed by a group"
    assert senses.clean_sense("lit. to add oil to the fire") == "lit. to add oil to the fire"  # the literal words stay marked


def test_english_two_words_of_the_sentence_share_is_shown_for_neither():
    """创造 "to create" and 创意 "creative" both match "creating": 创意 is not taught as "creating"."""
    terms = cards_of("为此创造便利条件，越南欢迎企业在创意领域扩大投资。",
                     "Vietnam welcomes more investment by businesses and is committed to creating favourable conditions.")
    assert "创意" in terms, sorted(terms)
    assert terms["创意"].context_english == ""


def test_a_partial_rendering_without_its_head_is_not_shown():
    from flashcards.terms.extract import _keeps_head

    assert _keeps_head("20th National Congress", ("20th Party Congress",))
    assert not _keeps_head("US Department", ("US Department of Commerce",))
    assert not _keeps_head("States", ("to state clearly", "to make clear"))


def test_a_glossary_term_written_with_capitals_keeps_its_head_too():
    """The glossary writes 外交部发言人 "Wàijiāobù fāyánrén" with a capital, as it writes
    names; its English is still "Foreign Ministry spokesperson", and "Foreign Ministry"
    alone is no rendering of it."""
    terms = cards_of("外交部发言人毛宁表示，中方坚决反对。",
                     "The Foreign Ministry said on Monday that China firmly opposed it, Mao Ning told reporters.",
                     pipeline.load_glossary(None))
    assert "外交部发言人" in terms, sorted(terms)
    assert terms["外交部发言人"].context_english == ""


@pytest.mark.parametrize("zh, en, name, before", [
    ("办公室主任何建华昨天出席会议。", "Office director He Jianhua attended the meeting yesterday.", "何建华", "主任"),
    ("该委主任何卫东表示欢迎。", "The commission's director He Weidong said he welcomed it.", "何卫东", "主任"),
])
def test_a_surname_the_segmenter_glued_to_the_word_before_comes_back_to_its_name(zh, en, name, before):
    """jieba cuts 主任何建华 as 主 任何 建华; the English spells "He Jianhua": 主任 | 何建华."""
    cards = cards_of(zh, en)
    assert name in cards and before in cards, sorted(cards)
    assert cards[name].pinyin.startswith("Hé ")
    assert not {"任何", "建华", "卫东", "委主"} & set(cards)


def test_the_english_of_a_term_is_not_read_across_a_comma():
    """"security, ideological" holds both words of "ideological security" but is two items of a
    list, not the term's rendering."""
    glossary = pipeline.load_glossary(None)  # the shipped glossary's 意识形态安全 "ideological security"
    terms = cards_of("他们强调意识形态安全。",
                     "They stressed security, ideological and political, above all.", glossary)
    assert "意识形态安全" in terms, sorted(terms)
    assert terms["意识形态安全"].context_english == ""
    terms = cards_of("他们强调意识形态安全。", "They stressed ideological security above all.", glossary)
    assert terms["意识形态安全"].context_english == "ideological security"


def test_a_compound_the_english_writes_as_a_name_is_written_as_one():
    """A quoted compound CC-CEDICT lacks, rendered by a run of capitalised words in running
    text, is a name: its pinyin is capitalised word by word, as GB/T writes names."""
    terms = cards_of("“民族抵抗阵线”的发言人称，塔利班仍未控制那里。",
                     "A spokesman for the National Resistance Front said the Taliban still did not control it.")
    front = terms["民族抵抗阵线"]
    assert front.context_english == "National Resistance Front"
    assert front.pinyin == "Mínzú Dǐkàng Zhènxiàn"
    assert not name_sounds.written_as_name("Annual Military", "Taiwan Launches Annual Military Drill")  # a headline's piece


def test_a_verb_the_tagger_takes_for_a_function_word_is_a_term():
    """jieba tags 接管 "to take over" a conjunction; CC-CEDICT knows it only as a verb.
    A suffix's frame (以南 "to the south of (suffix)") and a preposition stay out."""
    terms = cards_of("缅甸军方在政变后接管了政权。", "Myanmar's military took over power after the coup.")
    assert terms["接管"].context_english == "took over"
    terms = cards_of("该岛位于台湾以南，渔船沿着海岸航行。", "The island lies south of Taiwan, and fishing boats sail along the coast.")
    assert not {"以南", "沿着"} & set(terms), sorted(terms)


def test_a_glossary_compound_gives_its_head_a_card_but_not_its_other_halves():
    """制裁 "sanctions" stood only inside the glossary's 实施制裁; 航母编队 ends with 编队.
    Only the head: 航母 and 军事安全 would crowd the list."""
    glossary = pipeline.load_glossary(None)
    terms = cards_of("美国对俄罗斯实施制裁，航母编队驶入南海，日本推进军事安全合作。",
                     "The US imposed sanctions on Russia, a carrier group sailed into the South China Sea, "
                     "and Japan pushed military security cooperation.", glossary)
    assert {"实施制裁", "制裁", "航母编队", "编队", "军事安全合作", "安全合作"} <= set(terms), sorted(terms)
    assert terms["制裁"].context_english == "sanctions"
    assert not {"航母", "军事安全", "军事"} & set(terms), sorted(terms)
    # but a term of three characters or more that is one word of its own is a card wherever it stands
    drones = cards_of("叛军发动无人机袭击。", "The rebels launched drone attacks.", glossary)
    assert {"无人机袭击", "无人机", "袭击"} <= set(drones), sorted(drones)
    # a head of one character is no term: the term before it gets the card (迫击炮 of 迫击炮弹)
    shells = cards_of("巴基斯坦军队向印度村庄发射迫击炮弹。", "Pakistani troops fired mortar shells at Indian villages.", glossary)
    assert {"迫击炮弹", "迫击炮"} <= set(shells), sorted(shells)
    assert shells["迫击炮"].english[0].startswith("mortar")
    # only where the English renders that term: "defense minister" is no 国防部 "Defense Department"
    minister = cards_of("巴西总统解雇了国防部长。", "The president fired his defense minister.", glossary)
    assert "国防部长" in minister and "国防部" not in minister, sorted(minister)
    # nor where the character ends a word: 国务委员|会 is a council, its 委员会 "committee"
    council = cards_of("他向国家国务委员会提交报告。", "He presented a report to the National Council of State.", glossary)
    assert "国务委员" not in council, sorted(council)


def test_a_glossary_head_inside_a_word_jieba_has_whole_gets_its_card():
    """jieba's dictionary has 军事演习 and 国际水域 whole: the glossary's 军事演习 ends with
    演习, which got no card where the article said only "military exercises". A word
    jieba has whole is cut as jieba would cut it if it were not (军事|演习)."""
    from flashcards.terms.inner_glossary import inner_glossary
    from flashcards.terms.unit import Unit

    glossary = pipeline.load_glossary(None)
    assert {"军事演习", "演习"} <= {e.hanzi for e in glossary.entries}
    terms = cards_of("两国海军本月将在黄海进行军事演习。",
                     "The two navies will stage military exercises in the Yellow Sea this month.", glossary)
    assert {"军事演习", "演习"} <= set(terms), sorted(terms)
    assert terms["演习"].context_english == "exercises"
    # no term across jieba's words: 国军 of 中国|军事|威胁 stays out, whole words or not
    assert [u.text for u in inner_glossary(Unit("中国军事威胁", (), 0), {"国军", "威胁"})] == ["威胁"]
    assert inner_glossary(Unit("民主党", (), 0, glossary=True), {"民主"}) == []
    # a term and one character: the term counts where the English renders it
    assert [u.text for u in inner_glossary(Unit("火箭弹", (), 0), {"火箭"}, "Hamas fired rockets.")] == ["火箭"]
    assert inner_glossary(Unit("安全帽", (), 0), {"安全"}, "Workers must wear helmets.") == []


def test_a_name_inside_a_longer_name_is_that_name_only_where_the_rest_names_whose():
    """The Social Democratic Party 社会民主党 is no 民主党, the Democrats; 美国民主党 is, and
    联合国安理会 is the UN's 安理会."""
    glossary = pipeline.load_glossary(None)
    terms = cards_of("德国社会民主党在选举中获胜。", "Germany's Social Democratic Party won the election.", glossary)
    assert "民主党" not in terms, sorted(terms)
    terms = cards_of("美国民主党在选举中获胜。", "The US Democratic Party won the election.", glossary)
    assert "民主党" in terms, sorted(terms)
    terms = cards_of("联合国安理会召开紧急会议。", "The UN Security Council held an emergency meeting.", glossary)
    assert "安理会" in terms, sorted(terms)


def test_a_foreign_name_the_chinese_hyphenates_is_one_name():
    """纳戈尔诺-卡拉巴赫 "Nagorno Karabakh": its halves were two cards, 纳戈尔诺 and 卡拉
    "karaoke". The parts the Chinese joins by a hyphen are one name where the English
    writes the whole as one; its pinyin keeps the hyphen."""
    terms = cards_of("双方再次争夺纳戈尔诺-卡拉巴赫。", "The two sides fought over Nagorno Karabakh again.")
    assert "纳戈尔诺-卡拉巴赫" in terms, sorted(terms)
    assert not {"纳戈尔诺", "卡拉", "巴赫"} & set(terms), sorted(terms)
    assert terms["纳戈尔诺-卡拉巴赫"].pinyin == "Nàgē'ěrnuò-Kǎlābāhè"
    assert terms["纳戈尔诺-卡拉巴赫"].context_english == "Nagorno Karabakh"


def test_a_note_on_other_uses_does_not_cost_a_sense():
    """好事 'good action, deed, thing or work (also sarcastic, "a fine thing indeed")': the
    aside is no part of the meaning, so the sense stays without it; a note that explains
    the sense still takes it along."""
    assert senses.clean_sense('good action, deed, thing or work (also sarcastic, "a fine thing indeed")') \
        == "good action, deed, thing or work"
    assert senses.clean_sense("to distribute (e.g. disaster relief to victims)") == "to distribute"
    assert senses.clean_sense("world with only two people (usually refers to a romantic couple)") is None
    assert senses.card_senses(dictionary.english("好事"), ["Sweden joining NATO is a good thing."])[0] \
        == "good action, deed, thing or work"


def test_a_curated_sense_marked_for_one_country_leads_only_where_the_article_uses_it():
    """The glossary's 国务院 is "State Council (PRC); State Department (US)": in a report on
    the US State Department the US sense leads. An unmarked first sense stays first
    (主席 "chairman", whatever synonym the translator chose)."""
    from flashcards.glossary.merge import merge_vocab

    glossary = pipeline.load_glossary(None)
    terms = cards_of("美国国务院发言人表示，国务院将继续关注此事。",
                     "A US State Department spokesman said the State Department would keep following the matter.", glossary)
    entry = next(e for e in merge_vocab(glossary, list(terms.values())) if e.hanzi == "国务院")
    assert entry.english[0] == "State Department (US)", entry.english
    assert senses.used_first(("State Council (PRC)", "State Department (US)"), ["China's State Council met."]) \
        == ("State Council (PRC)", "State Department (US)")
    assert senses.used_first(("chairman", "chair", "President (of the PRC)"), ["The president spoke."])[0] == "chairman"
    assert senses.used_first(("to make (a decision or choice)", "to take (measures)"),
                             ["They will take measures and make an appropriate response."])[0] == "to make (a decision or choice)"
    # a phrase of two words the sentences use whole leads where the first sense is not used
    assert senses.used_first(("unit", "troops", "armed forces"), ["Norway's armed forces will join the drills."]) \
        == ("armed forces", "unit", "troops")
    assert senses.used_first(("premier", "prime minister"), ["Premier Li Qiang met the prime minister."])[0] == "premier"


def test_a_date_the_segmenter_cut_across_gives_no_card():
    """週 | 一時 was cut across 週一 "Monday" + 時 "when", and 一時 "for a moment" became a
    card; a word that took the end of a date gives it back. 一时 after no date stays."""
    terms = cards_of("北韓週一時發射飛彈。", "North Korea launched missiles on Monday.")
    assert not {"一時", "週一"} & set(terms), sorted(terms)
    assert "一时" in cards_of("他一时无法回答。", "He could not answer for a moment.")


def test_a_wade_giles_given_name_keeps_its_hyphenated_syllable():
    """Taiwan's English writes given names with a hyphen (Kuo Chun-te): the run of
    capitalised words went on only to "Chun", and 郭俊德 was "Kuo Chun"."""
    assert name_sounds.capitalised_runs("Kuo Chun-te, the commander, said so.") == [(0, 11)]
    terms = cards_of("特战指挥官郭俊德说，今天演练的是反空降作战。",
                     "Kuo Chun-te, Special Operation Commander: today we practised the anti-airborne operation.")
    assert terms["郭俊德"].context_english == "Kuo Chun-te", terms["郭俊德"]


def test_a_name_the_segmenter_cut_after_a_country_is_one_name():
    """jieba cuts 马里乌波尔 "Mariupol" as 马里 "Mali" | 乌波尔 and tags 马里 a measure word,
    so the run was no name and 乌波尔 lost its first two syllables."""
    terms = cards_of("俄军持续炮击马里乌波尔。", "Russian forces kept shelling Mariupol.")
    assert "马里乌波尔" in terms and not {"马里", "乌波尔"} & set(terms), sorted(terms)
    assert terms["马里乌波尔"].context_english == "Mariupol"


def test_a_region_label_before_a_gloss_does_not_hide_the_name():
    """CC-CEDICT's 北韩 is "(Tw, HK) North Korea": the label was read as the whole of the
    gloss, so the English "North Korea" did not name it and the card was dropped."""
    assert gloss_head("(Tw, HK) North Korea") == "North Korea"
    assert gloss_head("Yellow Sea (between China and Korea)").strip() == "Yellow Sea"
    terms = cards_of("北韩周一再次试射导弹。", "North Korea test-fired missiles again on Monday.")
    assert "北韩" in terms and "North Korea" in terms["北韩"].english[0], sorted(terms)


def test_a_reading_that_differs_only_by_a_neutral_tone_keeps_to_its_entry():
    """好处 read hǎochù is CC-CEDICT's hao3 chu5 "benefit", not hao3 chu3 "easy to get
    along with": an entry that differs only by a neutral tone is the reading's own."""
    assert dictionary.english("好处", "hao3 chu4")[0] == "benefit; advantage; merit"
    terms = cards_of("这项协议对两国都有好处。", "The agreement is good for both countries.")
    assert "easy to get along with" not in terms["好处"].english, terms["好处"].english


def test_a_name_translated_by_its_meaning_is_written_as_a_chinese_name():
    """A novel's 韦小宝 is "Trinket" in English: a translation, which says nothing of how
    to write the name, so it stays surname and given name (Wéi Xiǎobǎo). "Khalid" spells
    哈立德's sound, and that foreign name is one word."""
    terms = cards_of("韦小宝笑着跑了出去。", "Trinket ran out, laughing.")
    assert terms["韦小宝"].pinyin == "Wéi Xiǎobǎo", terms["韦小宝"]
    terms = cards_of("记者哈立德从维尔纽斯发回报道。", "Khalid reports from Vilnius.")
    assert terms["哈立德"].pinyin == "Hālìdé", terms["哈立德"]


def test_a_pronoun_and_the_copula_or_a_free_superlative_are_two_words():
    """jieba keeps 那是 and 最长 whole. 那是 here is "that is", not CC-CEDICT's reply "of
    course"; 最长 "longest" is 最 and 长, which CC-CEDICT does not list together."""
    terms = cards_of("他说那是一份并不可靠的停火协议。", "He said that was a ceasefire agreement that could not be trusted.")
    assert "那是" not in terms and "停火" in terms, sorted(terms)
    terms = cards_of("这是该国历史上持续时间最长的战争。", "It is the longest war in the country's history.")
    assert "最长" not in terms and "战争" in terms, sorted(terms)
    assert "最终" in cards_of("双方最终达成了协议。", "The two sides finally reached an agreement.")  # a word of its own


def test_a_name_the_english_writes_with_accents_is_found():
    """English news keeps the accents of foreign names: the run of capitalised words
    stopped at "Aï" of "Aïssata", and 艾莎塔 had no English and no card."""
    assert [m.group() for m in name_sounds.CAPITALISED_RUN.finditer("Minister Aïssata Tall Sall met Łukaszenka.")] \
        == ["Minister Aïssata Tall Sall", "Łukaszenka"]
    terms = cards_of("塞内加尔外长艾莎塔出席了会议。", "Senegal's Foreign Minister Aïssata Tall Sall attended the meeting.")
    assert terms["艾莎塔"].context_english == "Aïssata", sorted(terms)
    terms = cards_of("炸弹袭击发生在阿塔图克机场。", "The bombing happened at Atatürk airport.")
    assert terms["阿塔图克"].context_english == "Atatürk", sorted(terms)


@pytest.mark.parametrize("zh, en, name", [
    # jieba's own entry for 於 is a surname; read as 于 it is the preposition, no piece of a name
    ("叛軍逼近時，阿薩德於週六逃離。", "As the rebels closed in, Assad fled on Saturday.", "阿薩德"),
    # jieba tags Traditional tokens it does not know by guess: 巴沙爾 was cut into characters
    ("他的兒子巴沙爾接管了政權。", "His son Bashar took over power.", "巴沙爾"),
    ("導彈擊中了哈爾科夫。", "The missile hit Kharkiv.", "哈爾科夫"),
    # jieba glued 为 to the name's last syllable: 奥尔德 | 森为
    ("大家好，莫伊拉·奥尔德森为您播报新闻。", "Hello, this is Moira Alderson with the news.", "莫伊拉·奥尔德森"),
    # CC-CEDICT's 大马士革 is "Damascus" whole: 时 "when" after it is no syllable of it
    ("当叛军逼近大马士革时，他逃跑了。", "As the rebels closed in on Damascus, he fled.", "大马士革"),
    # CC-CEDICT's 周二 is "Tuesday", capitalised, but a time word is no part of a name
    ("马塔瓦莱周二在推特上表示学生已经获释。", "Matawalle said in a Twitter message on Tuesday that the students were freed.",
     "马塔瓦莱"),
    # a name may begin with a word that sounds foreign: 卡拉 is CC-CEDICT's "karaoke"
    ("第一场爆炸发生在卡拉达商圈。", "The first explosion went off in the Karada commercial district.", "卡拉达"),
    # a place's name may have a possessive in it
    ("各国为孟加拉国的科克斯巴扎尔及其周边地区的难民提供援助。",
     "The world reacted with aid for the refugees in and around Cox’s Bazar in Bangladesh.", "科克斯巴扎尔"),
    # 玛丽 alone sounds like "Myre", but that is the name before it ("Mary" is everyday English)
    ("格雷格·迈尔连线：你好，玛丽·路易丝。", "GREG MYRE, BYLINE: Hi, Mary Louise.", "玛丽·路易丝"),
])
def test_a_name_is_found_whole_and_alone(zh, en, name):
    terms = cards_of(zh, en)
    assert name in terms, sorted(terms)
    assert not any(h != name and (h.startswith(name) or name.startswith(h)) for h in terms if len(h) > 1), sorted(terms)


def test_a_name_of_the_article_is_whole_where_its_sentence_does_not_write_it():
    """苏莱曼尼 is a name in the first sentence (卡西姆·苏莱曼尼 "Qassem Soleimani"); in the
    second, whose English says "He", jieba cut it 苏莱曼 | 尼是, and 苏莱曼 "Suleiman" was a card."""
    sentences = pipeline.analyser(None).analyse([
        SentencePair("一年前，无人机空袭致伊朗将军卡西姆·苏莱曼尼死亡。",
                     "A year ago, a drone strike killed Iranian general Qassem Soleimani.", 0),
        SentencePair("苏莱曼尼是伊朗最强大的军事人物。", "He was the country's most powerful military figure.", 1)])
    terms = {t.hanzi for t in extract_terms(sentences, None, max_zipf=None, hsk_min=None)}
    assert "卡西姆·苏莱曼尼" in terms and "苏莱曼" not in terms, sorted(terms)
    cut = name_units.cut_known_names(units_of(["苏莱曼", "尼是", "伊朗"], (), 0), {"苏莱曼尼"})
    assert [(u.text, u.named) for u in cut] == [("苏莱曼尼", True), ("是", False), ("伊朗", False)]
    assert [u.start for u in cut] == [0, 4, 5]



def test_a_name_in_three_parts_is_whole_and_its_surname_is_a_name_alone():
    """伊德里斯·代比·伊特诺 has nine characters, more than any other joined unit (jieba cut
    it 伊特 | 诺于); the article goes on with 代比 alone, which jieba tags a verb and cuts 代 | 比."""
    sentences = pipeline.analyser(None).analyse([
        SentencePair("伊德里斯·代比·伊特诺于1990年上台。", "Idriss Deby Itno came to power in 1990.", 0),
        SentencePair("代比周一视察了部队。", "Deby visited troops on Monday.", 1),
        SentencePair("专家怀疑代比之死是政变的结果。", "Experts wonder if his death was the result of a coup.", 2)])
    terms = {t.hanzi: t for t in extract_terms(sentences, None, max_zipf=None, hsk_min=None)}
    assert terms["伊德里斯·代比·伊特诺"].english == ("Idriss Deby Itno",), sorted(terms)
    assert terms["伊德里斯·代比·伊特诺"].pinyin == "Yīdélǐsī Dàibǐ Yītènuò"
    assert terms["代比"].english == ("Deby",) and terms["代比"].count == 2, sorted(terms)
    # a part of two characters joins only characters the segmenter left alone: 对比 stays a word
    cut = name_units.cut_known_names(units_of(["对比", "利", "亚"], (), 0), {"比利"})
    assert [u.text for u in cut] == ["对比", "利", "亚"]


def test_a_name_holds_a_character_names_rarely_use_where_the_whole_sounds_close():
    """波罗申科 came out 波罗 | 申 | 科: 申 is a verb ("to state"), which names seldom use. The
    whole sounds like "Poroshenko", so it is one name; a verb between two name pieces that
    the English does not write as one name stays a word (波罗 有 科 is no "Poroshenko")."""
    terms = cards_of("乌克兰总统波罗申科在声明中说。", "Ukrainian President Petro Poroshenko says in a statement.")
    assert terms["波罗申科"].english == ("Poroshenko",) and terms["波罗申科"].pinyin == "Bōluóshēnkē", sorted(terms)
    assert not any(len(h) == 1 or h in ("波罗", "申科") for h in terms), sorted(terms)
    terms = cards_of("总统波罗说科研很重要。", "President Poroshenko says research matters.")
    assert not any("说" in h for h in terms), sorted(terms)


def test_a_transliteration_is_the_name_the_english_writes():
    """胡塞 renders "Houthi" (th is s as often as t); 哈迪 is CC-CEDICT's "Hardy or Hardie",
    and here the Yemeni president Hadi; 大桥 of 扎托卡大桥 is no "Odesa"."""
    terms = cards_of("沙特领导的联盟对伊朗支持的胡塞叛军发动了进攻。",
                     "A Saudi-led coalition launched an offensive against Iranian-supported Houthi rebels.")
    assert terms["胡塞"].english == ("Houthi",), sorted(terms)
    terms = cards_of("他们希望重建由总统哈迪领导的政府。", "They want to restore the government under President Abed Rabbo Mansour Hadi.")
    assert terms["哈迪"].english == ("Hadi",) and terms["哈迪"].pinyin == "Hādí", sorted(terms)
    terms = cards_of("一个物体接近位于敖德萨西南的扎托卡大桥。", "An object approached the bridge in Zatoka, southwest of Odesa.")
    assert all("Odesa" not in t.english for h, t in terms.items() if h != "敖德萨"), sorted(terms)


def test_of_two_names_that_sound_alike_the_rarer_english_is_the_transliteration():
    """爱莉安娜 sounds like "Arena" as much as "Ariana": the English word a name is more
    seldom is the name, and so 爱莉安娜·格兰德 is "Ariana Grande", one card."""
    english = "The attack happened at Manchester Arena, at the end of a performance by pop star Ariana Grande."
    span = name_sounds.transliteration_match(english, ("ài", "lì", "ān", "nà"))
    assert english[span[0]:span[1]] == "Ariana"
    terms = cards_of("当红歌手爱莉安娜·格兰德的演唱会临近尾声时，曼彻斯特体育馆内突然发生爆炸。", english)
    assert terms["爱莉安娜·格兰德"].english == ("Ariana Grande",), {h: t.english for h, t in terms.items()}


def test_a_transliteration_may_leave_an_r_unsounded_and_end_in_n():
    """阿德恩 is "Ardern": its r after a vowel is not sounded and 恩 renders the final n (jieba
    cut 阿德 | 恩称, 阿德 | 恩: half a name was a card); 博尔诺 still sounds its r ("Borno")."""
    assert name_sounds.sound_match(("ā", "dé", "ēn"), "Ardern") == 2.0
    assert name_sounds.sound_match(("bó", "ěr", "nuò"), "Borno") == 2.0
    assert name_sounds.sound_match(("kǎ", "tè"), "Carter") == 2.0
    terms = cards_of("阿德恩表示，政府将国家安全威胁等级从低提升到了高。",
                     "Ardern said the government raised the national security threat level from low to high.")
    assert terms["阿德恩"].english == ("Ardern",) and "阿德" not in terms, sorted(terms)


def test_a_name_in_parts_may_leave_out_a_middle_name():
    """罗伯特·穆加贝 is "Robert Gabriel Mugabe": the English's middle name is no break between the
    parts, 穆加贝's own "Mugabe" is looked for after the "Robert" of 罗伯特 (its CC-CEDICT gloss,
    "Robert Mugabe", names Robert too), and 加 (jiā) sounds a hard g."""
    english = 'The letter said, "I, Robert Gabriel Mugabe, hereby formally tender my resignation."'
    assert name_sounds.sound_match(("mù", "jiā", "bèi"), "Mugabe") == 2.0
    terms = cards_of("这封信说：“我，罗伯特·穆加贝，正式提请辞职。”", english)
    assert terms["罗伯特·穆加贝"].english == ("Robert Gabriel Mugabe",), {h: t.english for h, t in terms.items()}


def test_a_name_leaves_the_conjunction_after_it():
    """jieba cut 菲利佩·纽西和“全国抵抗运动” as 菲利 佩 · 纽 西和 (西和, a county): the name is
    菲利佩·纽西 "Filipe Nyusi", its 和 the "and" after it; 布尔汉·瓦尼 is "Burhan Wani",
    part by part, though the whole sounds like "Burhan" alone."""
    terms = cards_of("总统菲利佩·纽西和“全国抵抗运动”领导人今年早些时候签署了和平协议。",
                     "President Filipe Nyusi and Renamo leader Ossufo Momade signed a peace agreement earlier this year.")
    assert terms["菲利佩·纽西"].english == ("Filipe Nyusi",) and terms["菲利佩·纽西"].pinyin == "Fēilìpèi Niǔxī", sorted(terms)
    terms = cards_of("印度士兵开枪打死了年轻领导人布尔汉·瓦尼。", "Indian troops shot and killed Burhan Wani, a young leader.")
    assert terms["布尔汉·瓦尼"].english == ("Burhan Wani",), sorted(terms)


def test_a_name_leaves_the_word_after_it():
    """jieba cut 哈苏吉是 as 哈苏 | 吉是: the name is 哈苏吉 "Khashoggi", 是 "is" the next word,
    as 于 "on" is after 马杜罗 and 在 after 莫吉; 美 stays in 沙特阿美 "Saudi Aramco", whose
    English is more than what 沙特阿 sounds like."""
    terms = cards_of("哈苏吉是一名记者，也是王储的批评者。", "Khashoggi, a journalist, was a critic of the crown prince.")
    assert "哈苏吉" in terms and "哈苏吉是" not in terms, sorted(terms)
    terms = cards_of("委内瑞拉总统尼古拉斯·马杜罗于周六深夜被捕。",
                     "Venezuelan President Nicolás Maduro was captured late on Saturday.")
    assert "尼古拉斯·马杜罗" in terms and "尼古拉斯·马杜罗于" not in terms, sorted(terms)
    terms = cards_of("无人机袭击了沙特阿美的两处石油设施。", "Drones attacked two Saudi Aramco oil facilities.")
    assert "沙特阿美" in terms, sorted(terms)


def test_a_name_keeps_a_last_character_that_sounds_its_end():
    """布尔汗 "Burhan": 汗 ("sweat") is a character names rarely use, but without it the name
    sounds less like the English."""
    terms = cards_of("军方领导人阿卜杜勒-法塔赫·布尔汗将军表示，他将解散过渡政府。",
                     "The head of the military, General Abdel-Fattah Burhan, said that he was dismissing the government.")
    assert "阿卜杜勒-法塔赫·布尔汗" in terms, sorted(terms)


def test_a_name_is_whole_though_half_of_it_sounds_like_another_word():
    """博索 alone sounds a little like "Palace" later in the sentence, but 博索纳罗 sounds more
    like "Bolsonaro": one name, not a card 博索 "Palace"."""
    terms = cards_of("巴西前总统博索纳罗的支持者临时占领了国会和总统府。",
                     "Supporters of former President Jair Bolsonaro temporarily occupied Congress and the Presidential Palace.")
    assert "博索纳罗" in terms and "博索" not in terms, sorted(terms)


def test_a_part_before_a_dot_is_no_single_character():
    """也 | 米·奥森巴主: 也 ("also") is the first sound of "Yemi", so the name is
    也米·奥森巴主 "Yemi Osinbajo", Yěmǐ Àosēnbāzhǔ, not 米·奥森巴主 with a lowercase mǐ."""
    terms = cards_of("女学生与尼日利亚副总统也米·奥森巴主进行了会面。",
                     "The girls met Thursday with Nigerian Vice President Yemi Osinbajo.")
    assert terms["也米·奥森巴主"].pinyin == "Yěmǐ Àosēnbāzhǔ", sorted(terms)


def test_a_dictionary_name_takes_no_word_after_it():
    """菲律宾 is CC-CEDICT's "the Philippines", all the English names, so 最大 after it is the
    next word's ("the biggest"), not a piece of a longer name 菲律宾最大 or 菲律宾最."""
    terms = cards_of("目前为止，中国被认为是菲律宾最大威胁国。",
                     "Until recently, China was considered the biggest security threat to the Philippines.")
    assert not any(h.startswith("菲律宾") and h != "菲律宾" for h in terms), sorted(terms)


def test_two_names_a_possessive_joins_stay_two():
    """柏林查里特医院 "Berlin's Charité hospital": 柏林 is CC-CEDICT's "Berlin", the owner, not
    the start of one name 柏林查 or 柏林查里特."""
    terms = cards_of("柏林查里特医院周一发表声明。", "Berlin's Charité hospital said in a statement Monday.")
    assert not any(h.startswith("柏林") and h != "柏林" for h in terms), sorted(terms)


def test_a_compound_is_rendered_by_its_parts_in_their_order():
    """数战 (数 "several", 战 "to fight; war") in "have fought several wars" is "several wars",
    not "fought several"."""
    terms = cards_of("这对南亚邻国历经数战。", "The South Asian neighbors have fought several wars.")
    assert terms["数战"].context_english == "several wars", terms["数战"].context_english


def test_a_name_takes_the_spelling_the_article_uses():
    """奥斯汀 is CC-CEDICT's "Austin or Austen (name); Austin, Texas": for Lloyd Austin the
    card says "Austin", not the city; a person is never a city CC-CEDICT names after him."""
    terms = cards_of("拜登选择退役将军劳埃德·J·奥斯汀担任国防部长。",
                     "Biden picked retired general Lloyd J. Austin to be his secretary of defense.")
    assert terms["奥斯汀"].english == ("Austin",), {h: t.english for h, t in terms.items()}
    assert rendering.name_senses(("Jackson (name)", "Jackson city, capital of Mississippi"), "", "person") \
        == ["Jackson (name)"]
    assert list(rendering.name_senses(("Houston, Texas",), "", "place")) == ["Houston, Texas"]


def test_a_foreign_name_of_two_characters_takes_the_name_it_starts_like():
    """巴育 (Thailand's General Prayuth) is no dictionary word and too short to sound like
    "Prayuth Chan-Ocha" with confidence; it begins as the name does (b, p), and nothing else
    in its sentence is a name: that is its English. A name that begins otherwise is not."""
    terms = cards_of("巴育将军星期二宣布实行戒严。", "General Prayuth declared martial law Tuesday.")
    assert terms["巴育"].english == ("Prayuth",) and terms["巴育"].pinyin == "Bāyù", sorted(terms)
    assert name_sounds.starts_like(("yīng", "lā"), "Minister Yingluck Shinawatra") == 9  # past the title
    assert name_sounds.starts_like(("bā", "yù"), "Chan-Ocha") is None


@pytest.mark.parametrize("zh, en, name, english", [
    # 约翰 is CC-CEDICT's "John" (yuē shares no consonant with it), 克里 the sound of "Kerry"
    ("美国国务卿约翰·克里周五抵达。", "US Secretary of State John Kerry arrived on Friday.", "约翰·克里", "John Kerry"),
    ("英国首相大卫·卡梅伦发表讲话。", "British Prime Minister David Cameron gave a speech.", "大卫·卡梅伦", "David Cameron"),
    # a doubled letter is one sound: Flynn sounds like 弗林
    ("前国家安全顾问迈克尔·弗林周一辞职。", "Former national security adviser Michael Flynn resigned on Monday.",
     "迈克尔·弗林", "Michael Flynn"),
])
def test_a_name_in_parts_is_one_card_where_the_english_writes_each_part(zh, en, name, english):
    terms = cards_of(zh, en)
    assert terms[name].english == (english,), sorted(terms)
    assert not set(name_parts(name)) & set(terms)



def test_a_name_in_parts_keeps_a_last_piece_no_dictionary_has():
    """马泰乌什·莫拉维茨基: Polish -cki is 茨基, so 马泰乌什·莫拉 sounds more like "Mateusz Morawiecki"
    than the whole name; the whole is the name. A word after a name stays a word."""
    terms = cards_of("波兰总理马泰乌什·莫拉维茨基在推特发文指出，关闭波兰边境符合国家利益。",
                     "Polish Prime Minister Mateusz Morawiecki wrote on Twitter that it was in Poland's interest to keep the border closed.")
    assert terms["马泰乌什·莫拉维茨基"].english == ("Mateusz Morawiecki",), sorted(terms)
    terms = cards_of("此外，最高法院对时任总统理查德·尼克松试图避免遵守传票的上诉表明，模糊的特权主张是不行的。",
                     "Plus, the Supreme Court appeal over then-President Richard Nixon's attempt to avoid subpoena compliance "
                     "shows that a vague privilege assertion won't do.")
    assert "理查德·尼克松" in terms and "理查德·尼克松试图" not in terms, sorted(terms)
    terms = cards_of("只有大法官克拉伦斯·托马斯（2020 年选举否认者吉尼·托马斯的丈夫）持异议。",
                     "Only Justice Clarence Thomas (husband of 2020 election denier Ginni Thomas) dissented.")
    assert "吉尼·托马斯" in terms and "者吉尼·托马斯" not in terms, sorted(terms)


def test_a_name_in_parts_may_end_in_a_glossary_name_which_keeps_its_card():
    """普京 is a glossary entry: 弗拉基米尔·普京 is still one name, "Vladimir Putin", not
    弗拉基米尔 "Vladimir" and 普京; and 普京 alone keeps its card (its syllables, inside the
    dotted name, are counted past the dot)."""
    glossary = pipeline.load_glossary(None)
    sentences = pipeline.analyser(glossary).analyse([
        SentencePair("俄罗斯总统弗拉基米尔·普京宣布暂停履行条约。", "Russian President Vladimir Putin announced the suspension of the treaty.", 0),
        SentencePair("不过，普京强调，俄罗斯并没有退出该条约。", "Putin, however, stressed that Russia is not abandoning the treaty.", 1)])
    terms = {t.hanzi: t for t in extract_terms(sentences, glossary, max_zipf=None, hsk_min=None)}
    assert terms["弗拉基米尔·普京"].english == ("Vladimir Putin",), sorted(terms)
    assert "弗拉基米尔" not in terms and terms["普京"].pinyin == "Pǔjīng", sorted(terms)

def test_two_names_side_by_side_without_a_dot_stay_two():
    terms = cards_of("约翰和克里都来了。", "John and Kerry both came.")
    assert "约翰" in terms and "克里" in terms, sorted(terms)
    # a number is no piece of a name: 越共 | 十三大 is no "Communist"
    terms = cards_of("越共十三大选出了新的领导层。", "The 13th Congress of the Communist Party of Vietnam elected a new leadership.")
    assert "越共十三大" not in terms, sorted(terms)

def test_two_dictionary_names_a_possessive_joins_stay_two():
    """"Ukraine's Crimea" sounds like 乌克兰克里米亚, but CC-CEDICT names each part."""
    terms = cards_of("俄罗斯在2014年吞并了乌克兰克里米亚。", "In 2014 Russia annexed Ukraine's Crimea.")
    assert "乌克兰" in terms and "克里米亚" in terms and "乌克兰克里米亚" not in terms, sorted(terms)
    assert name_sounds.transliteration_match("Biden's America is different.", ("bai", "deng"))[:2] == (0, 5)


def test_a_name_that_goes_on_past_a_dictionary_name_stays_whole():
    # "Shanxi Yingmen" is more than CC-CEDICT's 山西 "Shanxi": the run needs 鹰门
    assert "山西鹰门" in cards_of("山西鹰门公司也被列入名单。", "Shanxi Yingmen was also put on the list.")


@pytest.mark.parametrize("zh", ["他于1973年晋升为党委书记。", "他於1973年晉升為黨委書記。"])
def test_a_word_with_a_function_word_glued_on_is_the_word(zh):
    """jieba keeps 晋升为 whole and its guess tags it a name, which kept it from being cut;
    a word and a function word glued on are the word (晋升 "to promote")."""
    terms = cards_of(zh, "In 1973 he was promoted to party secretary.")
    assert any(h in ("晋升", "晉升") for h in terms) and not any(h.startswith(("晋升为", "晉升為")) for h in terms), sorted(terms)


def test_a_taiwan_form_cc_cedict_lists_otherwise_is_found_by_its_simplified_form():
    """Taiwan writes 捲土重來 where CC-CEDICT has 卷土重來: the idiom was not found, was cut
    into characters, and 重來 "to start over" became a card."""
    assert cedict.lookup("捲土重來") and cedict.lookup("捲土重來")[0].simplified == "卷土重来"
    terms = cards_of("叛軍可能會捲土重來。", "The rebels may make a comeback.")
    assert "捲土重來" in terms and "重來" not in terms, sorted(terms)


def test_no_name_is_made_of_words_beside_the_one_the_english_names():
    """终将 | 一战 sounded enough like "South China Sea" to be joined into a name, which is
    CC-CEDICT's 南海 beside them: the English another word names is that word's."""
    terms = cards_of("专家认为双方在南海终将一战。", "Experts think a war between the two sides is inevitable in the South China Sea.")
    assert not any(h.startswith("终将") for h in terms), sorted(terms)
    assert [h for h, t in terms.items() if t.context_english == "South China Sea"] in ([], ["南海"]), sorted(terms)


def test_the_small_words_inside_a_foreign_name_are_part_of_it():
    """"Hafez al-Assad": the run of capitalised words stopped at "al", so 哈菲茲-阿薩德 had
    no English of its own; "bin", "von der", "da" are inside names alike."""
    runs = lambda text: [text[a:b] for a, b in name_sounds.capitalised_runs(text)]  # noqa: E731
    assert runs("Hafez al-Assad took power.") == ["Hafez al-Assad"]
    assert runs("Osama bin Laden and Ursula von der Leyen.") == ["Osama bin Laden", "Ursula von der Leyen"]
    assert runs("Putin and Xi met in the Hague.") == ["Putin", "Xi", "Hague"]
    terms = cards_of("哈菲茲-阿薩德於1971年掌權。", "Hafez al-Assad took power in 1971.")
    assert terms["哈菲茲-阿薩德"].context_english == "Hafez al-Assad", sorted(terms)


def test_a_term_the_chinese_gives_an_aspect_particle_leads_with_a_verb_sense():
    """标志着 is "marks": of senses the English does not choose between, a verb's come first
    where the Chinese writes the term with 着, 了 or 过; the English still chooses first."""
    glosses = dictionary.english("标志")
    assert not senses.card_senses(glosses)[0].startswith("to ")
    assert senses.card_senses(glosses, use="verb")[0].startswith("to ")
    assert senses.card_senses(glosses, ["A red sign hung on the door."], use="verb")[0] == "sign"
    terms = cards_of("这次演习标志着双方合作进入新阶段。", "The drill opens a new stage of cooperation between the two sides.")
    assert terms["标志"].english[0].startswith("to "), terms["标志"].english
    terms = cards_of("路口的标志很清楚。", "The drill opens a new stage of cooperation between the two sides.")
    assert not terms["标志"].english[0].startswith("to "), terms["标志"].english


@pytest.mark.parametrize(("zh", "en", "word", "use", "first"), [
    # a negation after it: 根本不存在 "did not exist at all", not "fundamental"
    ("两年前这座岛还根本不存在。", "Two years ago, the island did not exist.", "根本", "negation", ("absolutely (not)", "(not) at all")),
    # an adverb before an adjective: 相当成功 "pretty successful", not "equivalent to"
    ("看来他们在这方面相当成功。", "It seems they were pretty successful on that front.", "相当", "adverb", ("considerably", "fairly", "quite")),
])
def test_a_use_the_chinese_marks_leads_with_its_senses(zh, en, word, use, first):
    """Of senses the English does not choose between, those of the use the Chinese marks
    come first; the same word used otherwise keeps the dictionary's first sense."""
    glosses = dictionary.english(word)
    assert senses.card_senses(glosses)[0] not in first
    assert senses.card_senses(glosses, use=use)[0] in first
    assert cards_of(zh, en)[word].english[0] in first, cards_of(zh, en)[word].english


@pytest.mark.parametrize(("word", "after", "use"), [
    ("标志", "着", "verb"), ("成", "了", "verb"), ("根本", "不", "negation"), ("并", "没有", "negation"),
    ("相当", "成功", "adverb"), ("相當", "重要", "adverb"), ("一直", "发展", "adverb"),
    ("使得", "土耳其", "verb"), ("使得", "他们", "verb"), ("使得", "数百", "verb"), ("使得", "问题", ""),
    ("取消", "克什米尔", "verb"),  # a name jieba tags as a transliterated person's (nrt) is a name too
    ("相当", "问题", ""), ("根本", "问题", ""), ("问题", "重要", ""), ("相当", "", ""),
])
def test_the_word_after_a_term_marks_its_use(word, after, use):
    assert extract._marked_use(word, after) == use


def test_an_opening_quote_does_not_hide_the_word_after():
    """空袭使得“叙利亚的化武计划倒退”: 使得 is a verb before the quoted name, not "usable"."""
    terms = cards_of("空袭使得“叙利亚的化武计划倒退了几十年。”",
                     'The strikes had "set the Syrian chemical weapons programme back for years".')
    assert terms["使得"].english[0] in ("to make", "to cause"), terms["使得"].english


def test_a_phrasal_verb_s_particle_alone_is_no_evidence_for_its_sense():
    """打开 "to open; ...; to turn on": the "on" of "on the carrier's bow" is no "to turn on"; in
    a compound, the particle alone still renders a part (赢回 "win back": 回 "to go back")."""
    sentence = "Navy officials followed tradition and broke a bottle of champagne on the carrier's bow."
    assert senses.card_senses(dictionary.english("打开"), [sentence])[0] == "to open"
    assert senses.card_senses(dictionary.english("打开"), ["He turned on the radio."])[0] == "to turn on"
    terms = cards_of("这与赢回红墙所需的态度背道而驰。", "This goes against the attitude necessary to win back the red wall.")
    assert terms["赢回"].english == ("win back",)
    # but a particle alone renders no compound: 开出 (no CC-CEDICT word) is no "out"
    terms = cards_of("他们拉着绳索将船开出港口。", "They haul on ropes to navigate out of the port.")
    assert "开出" not in terms or "out" not in terms["开出"].english, terms["开出"].english


def test_a_sense_named_in_other_words_is_found_by_them():
    """跑道 "runway (i.e. airstrip)": an article that says "airstrip" uses that sense."""
    assert "airstrip" in cg.gloss_variants("runway (i.e. airstrip)")
    english = senses.card_senses(dictionary.english("跑道"), ["There's a 10,000 foot airstrip."])
    assert english[0] == "runway (i.e. airstrip)", english


def test_a_sense_is_found_by_the_phrase_its_note_quotes():
    """行列 'ranks (as in "join the ranks of...")': "thousands joined them" uses that sense,
    not "formation"; one that marches in formation uses the other."""
    sentence = "Soldiers fired in the air, and thousands joined them to celebrate."
    assert senses.card_senses(dictionary.english("行列"), [sentence])[0].startswith("ranks")
    assert senses.card_senses(dictionary.english("行列"), ["They marched past in formation."])[0] == "formation"


def test_a_sense_of_an_unrelated_field_goes():
    """曝光 in the news is "to expose (a scandal)", not the photographer's "to expose"."""
    assert senses.card_senses(dictionary.english("曝光"))[0] == "to expose (a scandal)"
    assert not any("excitation" in sense for sense in senses.card_senses(dictionary.english("兴奋")))


def test_one_letter_names_nothing():
    """一战 "a war" (一 "one" and 战 "war") is CC-CEDICT's "World War I"; the pronoun "I"
    of the English is no evidence for that name."""
    glosses = dictionary.english("一战")
    assert not name_sounds.named_in(glosses, "I think a war between them will come one day.")
    assert name_sounds.named_in(glosses, "Europe was poor after World War I.")
    terms = cards_of("我认为他们之间终将一战。", "I think a war between them will come one day.")
    assert "一战" not in terms, sorted(terms)


@pytest.mark.parametrize("word, english", [
    ("川普", "Trump"),  # CC-CEDICT: "(Tw) surname Trump"
    ("北韩", "North Korea"),  # "(Tw, HK) North Korea"
    ("约翰", "John"),  # "John (name)"
])
def test_a_name_s_labels_and_surname_note_are_no_part_of_it(word, english):
    assert senses.card_senses(dictionary.english(word), name=True) == (english,)


def test_a_taiwan_name_is_rendered_by_the_name_its_gloss_gives():
    terms = cards_of("川普總統威脅要退出這項條約。", "President Donald Trump threatened to leave the treaty.")
    assert terms["川普"].english == ("Trump",) and terms["川普"].context_english == "Trump"


def test_some_after_tens_belongs_to_the_number():
    """十幾年來 is "for ten-odd years": cut into dictionary words (no dictionary has it whole),
    幾年來 "for the past several years" is no word of it."""
    terms = cards_of("但十幾年來，他們持續違反條約。", "But for more than a decade they have violated the treaty.")
    assert "幾年來" not in terms and "几年来" not in terms, sorted(terms)
    assert "違反" in terms, sorted(terms)


@pytest.mark.parametrize(
    ("word", "sentence", "first", "not_first"),
    [
        ("最多", "North Korea launched the most missiles in one day.", "maximum", "at most"),
        ("最多", "The talks will last at most two days.", "at most", None),
        ("当中", "The Philippines is at the centre of a tense standoff.", "among", "in the center"),
        ("当中", "The village lies in the centre of the valley.", "in the center", None),
    ],
)
def test_a_prepositional_sense_needs_its_preposition(word, sentence, first, not_first):
    """最多 "at most; maximum; ...": "the most" is no "at most", which then follows the
    senses nothing speaks against; "at the centre" is no "in the center" of 当中."""
    english = senses.card_senses(dictionary.english(word), [sentence])
    assert english[0] == first
    assert not_first is None or not_first != english[0]


def test_a_prepositional_phrase_is_found_only_with_its_preposition():
    """The context matcher finds "at most" in "at most two days", not in "the most"."""
    assert cg.gloss_hits("at most", "It lasts at most two days.")
    assert not cg.gloss_hits("at most", "They fired the most missiles.")
    # a phrase whose first word is missing is judged by its coverage alone
    assert cg.gloss_hits("in short supply", "Supply remains tight.")[0].coverage == 0.5


def test_a_two_letter_gloss_word_is_itself_not_a_pronoun():
    """simplemma makes "em" and "them" both "they", and "US" "we": 全身 "(typography) em; the
    whole body" led with its printing sense wherever the English said "them", and "we" was
    found as 美国's "US"."""
    assert cg.content_words("(typography) em") == ("typography", "em")
    assert not cg.gloss_hits("US", "We will not give up.")
    assert cg.gloss_hits("US", "The US will not give up.")
    english = senses.card_senses(dictionary.english("全身"), ["The rain soaked them from head to toe."])
    assert english[0] == "the whole body" and not any("em" in s.split() for s in english)


def test_a_sense_labelled_literal_follows_the_meaning():
    """青睐 "(lit.) to fix one's gaze on; (fig.) to show interest in; ...": the label goes,
    and the literal words come after what the word means, unless the English uses them."""
    glosses = ("(lit.) to fix one's gaze on", "(fig.) to show interest in", "(favorable) attention", "favor")  # CC-CEDICT's order
    english = senses.card_senses(glosses, ["Doha is accused of embracing terrorism."])
    assert english[0] == "to show interest in" and "to fix one's gaze on" not in english
    assert senses.card_senses(glosses, ["He fixed his gaze on her."])[0] == "to fix one's gaze on"


def test_a_place_then_hao_is_a_ship_named_after_it():
    """海口号 is the destroyer Haikou, not the city; its card is the ship's name as the English
    writes it, in pinyin a name and its 号 apart (Hǎikǒu Hào). 福特号 takes CC-CEDICT's "Ford",
    which is too common an English word to be found as a sound."""
    terms = cards_of("他参观了海口号驱逐舰和岳阳号护卫舰。", "He visited the destroyer Haikou and the frigate Yueyang.")
    assert terms["海口号"].english == ("Haikou",) and terms["海口号"].pinyin == "Hǎikǒu Hào", sorted(terms)
    assert terms["岳阳号"].english == ("Yueyang",) and "海口" not in terms and "岳阳" not in terms, sorted(terms)
    terms = cards_of("福特号航空母舰抵达挪威。", "The U.S.S. Gerald R. Ford arrived in Norway.")
    assert terms["福特号"].english == ("Ford",), sorted(terms)


def test_a_name_another_name_of_the_sentence_claims_is_not_this_one_s():
    """克里 (Kerry) sounds like "Cairo" as much as "Kerry"; "Cairo" is 开罗's."""
    terms = cards_of("国务卿克里星期四在开罗继续推动停火。", "Secretary of State John Kerry is in Cairo to push for a cease-fire.")
    assert terms["开罗"].english[0].startswith("Cairo"), sorted(terms)
    assert "克里" not in terms or "Cairo" not in terms["克里"].english, terms["克里"].english
    # a part of a name is not claimed by the whole: 莫迪 "Narendra Modi" leaves 纳伦德拉 "Narendra"
    terms = cards_of("总理纳伦德拉·莫迪的批评者说，莫迪政府推动了一项议程。",
                     "Critics of Prime Minister Narendra Modi say his government has pushed an agenda.")
    assert terms["纳伦德拉"].english == ("Narendra",), sorted(terms)


def test_two_names_the_segmenter_glued_across_their_and_are_two_names():
    """格里斯 | 特和莎 | 耶: jieba glued 和 ("and") between two names it does not know."""
    terms = cards_of("安娜·格里斯特和莎耶·哈维尔昨天抵达基地。", "Anna Griest and Shaye Haver arrived at the base yesterday.")
    assert terms["安娜·格里斯特"].english == ("Anna Griest",), sorted(terms)
    assert terms["莎耶·哈维尔"].english == ("Shaye Haver",), sorted(terms)
    assert not any("和" in t for t in terms), sorted(terms)


def test_a_quoted_place_then_hao_or_jian_is_a_ship_named_after_it():
    """“南昌”舰 is the destroyer Nanchang and “青岛”号 the ship Qingdao, not the cities; without
    quotes, a place then 舰 is a ship of that place (日本舰 "Japanese warship")."""
    terms = cards_of("“南昌”舰与“青岛”号一同驶离港口。", "The Nanchang and the Qingdao left port together.")
    assert terms["南昌舰"].english == ("Nanchang",) and terms["南昌舰"].pinyin == "Nánchāng Jiàn", sorted(terms)
    assert terms["青岛号"].english == ("Qingdao",) and "南昌" not in terms and "青岛" not in terms, sorted(terms)
    assert "日本舰" not in cards_of("一艘日本舰在附近航行。", "A Japanese warship sailed nearby.")


def test_a_negation_alone_is_no_evidence_for_a_sense():
    """差不多 "almost; nearly; ...; not bad": "we have not been getting along" says nothing of
    "not bad"; "the food was not bad" does."""
    english = senses.card_senses(dictionary.english("差不多"),
                                 ["We have not been getting along very well. It's getting close to two years."])
    assert english[0] == "almost"
    assert senses.card_senses(dictionary.english("差不多"), ["The food was not bad."])[0] == "not bad"


def test_an_everyday_word_or_a_common_noun_is_no_piece_of_a_name():
    """许多 "many" sounds foreign enough (许, 多 are in transliterations) but is a word: 许多
    韩国人 is no name "South Koreans"; 優勝者 "winner", a noun jieba knows, is no piece of
    哈維爾·貝爾圖奇."""
    terms = cards_of("而许多韩国人认为防御系统将成为一个靶子。",
                     "Many South Koreans believe the defence system will become a target.")
    assert not any(h.startswith("许多") for h in terms), sorted(terms)
    terms = cards_of("第三名優勝者哈維爾·貝爾圖奇也認為需要重新進行選舉。",
                     "Third-place finisher Javier Bertucci agreed on the need for new elections.")
    assert not any("優勝者哈" in h for h in terms), sorted(terms)


def test_grammar_read_from_an_unstressed_particle_is_no_card():
    """得很 (de5 hen3, "very" after an adjective) and 的话 ("if") lean on the word before
    them: in 相处|得很|好 the segmenter's 得很 is not even a word."""
    terms = cards_of("两国领导人相处得很好，如果可能的话还会再见面。",
                     "The two leaders got along very well and will meet again if possible.")
    assert "得很" not in terms and "的话" not in terms, sorted(terms)
    assert "相处" in terms, sorted(terms)


def test_a_word_the_chinese_marks_as_a_noun_leads_with_a_noun_sense():
    """这一|行动 is a noun, and so is "the move" that renders it: not "to move about". A
    noun suffix after the word makes the noun (的|建国|者 "founders"): 建国 stays a verb."""
    terms = cards_of("着手安装萨德系统这一行动发生在朝鲜发射导弹一天后。",
                     "The move to begin installing the system comes a day after the North launched missiles.")
    assert terms["行动"].english[0] in ("operation", "action"), terms["行动"].english
    terms = cards_of("我们的建国者没有要求实现王国专政。", "Our Founders did not call for a king.")
    assert terms["建国"].english[0] == "to found a country", terms["建国"].english


def test_a_number_of_hours_is_no_card():
    """数小时 "several hours" is a CC-CEDICT headword, but a number and its unit, as 两个星期
    is: no vocabulary of the article."""
    terms = cards_of("谈判持续了数小时，双方两个星期后再谈。",
                     "The talks lasted several hours, and the two sides will talk again in two weeks.")
    assert "数小时" not in terms and "两个星期" not in terms, sorted(terms)
    assert "谈判" in terms, sorted(terms)


def test_a_name_in_capitals_keeps_the_part_before_its_dot():
    """A transcript writes its speaker in capitals: 威尔·雷普利 is one name, "Will Ripley", not
    威尔·雷 "RIPLEY" and a leftover 普利: "Will" starts the sentence, so only the word before
    "Ripley", starting as 威尔 does, can be its first part."""
    terms = cards_of("威尔·雷普利：美国总统唐纳德·特朗普和朝鲜领导人金正恩举行第二场会谈。",
                     "WILL RIPLEY: U.S. President Donald Trump and North Korean Leader Kim Jong-Un are meeting for a second time.")
    assert "威尔·雷" not in terms and "普利" not in terms, sorted(terms)
    assert terms["威尔·雷普利"].context_english == "Will Ripley"
    assert terms["威尔·雷普利"].pinyin == "Wēi'ěr Léipǔlì"
    # a first piece a dictionary has is still doubted: 沙特 is Saudi Arabia's, so 沙特·阿尔 is no name
    saud = cards_of("沙特总检察长沙特·阿尔·莫吉在一份声明中说，这起谋杀是有计划的。",
                    "The top government lawyer in Saudi Arabia, Saud al-Mojeb, said in a statement that the killing had been planned.")
    assert "沙特·阿尔" not in saud and saud["阿尔·莫吉"].context_english == "al-Mojeb", sorted(saud)


def test_a_chinese_body_after_another_country_s_name_is_no_card():
    """朝鲜中央电视台 is Korean Central Television: its 中央电视台 is no "China Central
    Television (CCTV)"; China's own keeps its card."""
    korean = cards_of("朝鲜中央电视台播出了他被抓捕的画面。", "Korean Central Television broadcast images of his arrest.")
    assert "中央电视台" not in korean, sorted(korean)
    chinese = cards_of("她在中央电视台工作了十年。", "She worked at China Central Television for ten years.")
    assert "中央电视台" in chinese, sorted(chinese)
    # a word that only says "in China" is no Chinese body: 美国驻华使馆 keeps 驻华
    embassy = cards_of("中国政府向美国驻华使馆提出严正交涉。", "The Chinese government protested to the US Embassy in China.")
    assert "驻华" in embassy, sorted(embassy)


def test_a_name_found_by_its_sound_holds_no_word_its_neighbours_translate():
    """胡德堡陆军基地 "Fort Hood Army Base": "Army" is 陆军's and "Base" 基地's, so 胡德堡 is
    no "Hood Army Base"."""
    terms = cards_of("位于得克萨斯州基林的胡德堡陆军基地发生枪击事件。",
                     "There were two shootings at Fort Hood Army Base in Killeen, Texas.")
    assert terms["陆军"].context_english == "Army"
    fort = terms.get("胡德堡")  # (no card at all, where nothing else in the sentence sounds like it)
    assert fort is None or "Army" not in fort.context_english, fort


def test_a_word_of_its_own_is_not_cut_for_a_glossary_word_after_it():
    """也门 | 前总统: the glossary's 前总统 after Yemen leaves 也门 whole (no 也 | 门前 "in front
    of the door" | 总统)."""
    glossary = pipeline.load_glossary(None)
    terms = cards_of("也门前总统萨利赫被杀身亡", "Yemen's Ex-President Saleh Killed", glossary)
    assert "门前" not in terms and "也门" in terms, sorted(terms)
