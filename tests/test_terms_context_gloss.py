"""In-context English: finding the words of an English sentence that render a term."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flashcards.terms import context_gloss as cg
from flashcards.terms import name_sounds, senses, word_forms
from flashcards.lexicon import dictionary as d


def span_for(word: str, sentence: str, glosses=None) -> str:
    parts = [d.english(p) for p in d.split_known(word)]
    return cg.english_text(sentence, glosses if glosses is not None else d.english(word), parts if len(parts) > 1 else [])


@pytest.mark.parametrize("word, sentence, expected", [
    ("准同盟", "building a quasi-alliance framework help both", "quasi-alliance"),
    ("反击能力", "with a focus on building counterattack capabilities centered on offensive weapons", "counterattack capabilities"),
    ("孤立主义", "the possibility of a return to isolationism under the Trump presidency", "isolationism"),
    ("军备竞赛", "potentially trigger arms races, and exacerbate tensions", "arms races"),
    ("国内生产总值", "increase its defense budget to 2% of GDP within five years", "GDP"),
    ("商船", "the taskforces have escorted thousands of merchant ships", "merchant ships"),
    ("直升机护卫舰", "deployed the helicopter carrier Izumo and new submarines", "helicopter carrier"),
])
def test_term_spans(word, sentence, expected):
    assert span_for(word, sentence) == expected


def test_nothing_found_gives_empty_text():
    assert span_for("筹码", "so as to enhance Japan's leverage in regional competition") == ""
    assert cg.english_text("", ["alliance"]) == ""


def test_a_negation_is_not_cut_in_two():
    # the words are letters only, so "won't" is read as "won" + "t": the text keeps the "'t"
    sentence = "Pence said he won't comply, and aides didn’t either."
    assert cg.english_text(sentence, ["won't do", "be no good"]) == "won't"
    assert cg.english_text(sentence, ["to comply"]) == "comply"


def test_curated_glosses_and_hyphenated_compounds():
    assert cg.english_text("seeking to break through post-war constraints", ["postwar regime"]) == "post-war"
    assert cg.english_text("With the tacit approval and encouragement of the US", ["tacit approval"]) == "tacit approval"


def test_matching_rules():
    words = cg.english_words("capabilities fighter deterrence politicians isolationism quasi-alliance")
    by = {w.lower: w for w in words}
    assert cg.matches("capability", by["capabilities"])
    assert cg.matches("deterrent", by["deterrence"])
    assert not cg.matches("fight", by["fighter"])  # an agent noun is another word
    assert not cg.matches("political", by["politicians"])
    assert cg.matches("-ism", by["isolationism"])
    assert cg.matches("quasi-", by["quasi"])
    assert cg.content_words("to strike back (at sb)") == ("strike", "back")
    assert cg.content_words("to come into being") == ("come",)  # "being" would match every "is"
    assert "be" in cg.content_words("well-being")
    assert cg.english_text("The market is crowded.", ["to come into being"]) == ""
    assert cg.gloss_variants("gross domestic product (GDP)") == ["gross domestic product", "GDP"]
    assert cg.gloss_variants("internal (to a country, province)") == ["internal"]


def test_the_same_word_before_one_that_only_shares_its_stem():
    # "located" and "location" both start like "location"; the word itself is the rendering,
    # though the other comes first
    sentence = "The depot is located near the coast, the closest location to the strait."
    assert cg.english_text(sentence, ["location", "place", "site"]) == "location"
    assert cg.english_text("The depot is located near the coast.", ["location"]) == "located"  # only the stem: still found
    # "as a whole" is found by "whole", not by "integral" ~ "integrated" earlier in the sentence
    assert cg.english_text("It must be integrated and promoted as a whole.", ["as a whole", "integral"]) == "whole"


def test_one_everyday_word_is_no_rendering_of_a_phrase():
    # "let it be" is not found by the "let" of "let's"; a phrase of three words needs more of
    # them than one common word; a word that is the gloss's only word still counts alone
    assert cg.english_match("Never mind, let's not quarrel.", ["let it be", "let it pass"])[2] < 0.5
    assert cg.english_match("Things came easy to her.", ["to come out as"])[2] < 0.5
    assert cg.english_match("They walked along holding hands.", ["hand in hand"])[2] < 0.5
    assert cg.english_match("They walked hand in hand.", ["hand in hand"])[2] == 1.0
    assert cg.english_match("Let it be, she said.", ["let it be"])[2] == 1.0
    assert cg.english_match("It must be promoted as a whole.", ["as a whole"])[2] == 1.0  # articles are no words of a phrase
    # a rarer word of a phrase is still half of it; an everyday one is less
    assert cg.english_match("the barracks were in disrepair", ["to fall into disrepair"])[2] == 0.5
    assert cg.english_match("after the fall of the city", ["to fall into disrepair"])[2] < 0.5


def test_a_verb_and_its_particle_are_looked_for_together():
    # "to go up" is not found by "went down", nor "to look out" by "look" alone: the verb
    # without its particle is another verb
    assert cg.content_words("to go up") == ("go", "up")
    assert cg.english_match("and then both of them went down together", ["to go up"]) is None
    assert cg.english_match("Experts took a closer look at the debris.", ["to look out"]) is None
    assert cg.english_match("Firms must put aside part of their payroll.", ["to put forward"]) is None
    assert cg.english_text("Look out for falling rocks.", ["to look out"]) == "Look out"
    assert cg.english_text("Thousands signed up for the course.", ["to sign up"]) == "signed up"
    assert cg.content_words("to come out as") == ("come",)  # a particle is a word of the verb only when it ends the gloss


def test_a_compound_or_an_agent_is_another_word():
    words = cg.english_words("the North East appropriators guidelines relationship sustainable")
    by = {w.lower: w for w in words}
    assert not cg.matches("northeast", by["north"])  # "north" + "east": a word of its own after it
    assert not cg.matches("guide", by["guidelines"])
    assert not cg.matches("appropriation", by["appropriators"])  # the agent, on either side
    assert cg.matches("relation", by["relationship"]) and cg.matches("sustain", by["sustainable"])



def test_a_sion_noun_is_its_verb():
    # too short or changed too much for the shared prefix: 紧张 "tense" is found by "tensions",
    # 入侵 "to invade" by "invasion"; "version" is no "verse", "station" no "state"
    words = cg.english_words("tensions invasion decision version station")
    by = {w.lower: w for w in words}
    assert cg.matches("tense", by["tensions"]) and cg.matches("invade", by["invasion"]) and cg.matches("decide", by["decision"])
    assert not cg.matches("verse", by["version"]) and not cg.matches("state", by["station"])
    sentence = "The balloon incident caused further tensions between China and the United States."
    assert cg.english_text(sentence, ["nervous", "tense"]) == "tensions"
    assert senses.card_senses(d.english("紧张"), [sentence])[0] == "tense"
    assert senses.card_senses(d.english("紧张"), ["the tight supply and demand in the job market"])[0] == "in short supply"


def test_british_spelling_is_the_same_word():
    # CC-CEDICT writes American English; a British article "Organisation", "labour", "defence"
    words = cg.english_words("Organisation labour defence centre programme rise")
    by = {w.lower: w for w in words}
    assert cg.matches("organization", by["organisation"]) and cg.matches("labor", by["labour"])
    assert cg.matches("defense", by["defence"]) and cg.matches("center", by["centre"]) and cg.matches("program", by["programme"])
    assert word_forms.us_spelling("rise") == "rise"  # too short to be an -ise verb
    sentence = "I have ordered the Atomic Energy Organisation of Iran to be ready for action."
    assert senses.card_senses(d.english("机构"), [sentence])[0] == "organization"

def test_parts_do_not_render_a_compound_across_a_word_neither_renders():
    # 不像 from 不 "not" and 像 "like": "not spinning like" holds a word neither part renders
    assert cg.english_text("the earth is not spinning like before", [], [["not"], ["like", "to resemble"]]) != "not spinning like"
    # in a name the words between are its own: 国政 + 基金会
    sentence = "an adviser to the KMT's National Government Foundation said"
    assert cg.english_text(sentence, [], [["national politics"], ["foundation"]]) == "National Government Foundation"


def test_pieces_of_two_coordinated_phrases_are_no_rendering():
    """"traditional security" is not "security and traditional" of "energy security and
    traditional and non-traditional risks": the words come in the other order, with
    "and" between them. In the gloss's order, a word and "and" between them join two
    phrases too: "civil and political rights" is no rendering of "civil rights" alone. A
    gloss that has its own "and" is found with it."""
    sentence = "The paper weighs energy security and traditional and non-traditional risks alike."
    assert cg.english_text(sentence, ["traditional security"]) == ""
    assert cg.english_text(sentence, ["non-traditional security"]) == ""
    assert cg.english_text("The law limited their civil and political rights.", ["civil rights"]) == ""
    assert cg.english_text("The law limited their civil rights.", ["civil rights"]) == "civil rights"
    assert cg.english_text("Both sides seek economic and trade cooperation.", ["economic and trade cooperation"]) \
        == "economic and trade cooperation"


def test_words_framing_a_clause_in_the_other_order_are_no_rendering():
    """"to reach agreement" is not "agreement Iran reached": the words come the other way
    round with the clause's subject between them. Next to each other they may ("talks held"
    renders "to hold talks")."""
    sentence = "The deal followed an agreement Iran reached with the major powers."
    assert cg.english_text(sentence, ["to reach agreement"]) != "agreement Iran reached"
    assert cg.english_text("The talks held in Geneva ended late.", ["to hold talks"]) == "talks held"


def test_a_gloss_that_lists_things_is_rendered_by_the_whole_list():
    """陆海空三军 "army, navy, air force": "air force" alone is a third of it."""
    sentence = "Officers of the army, navy and air force met in the capital."
    assert cg.english_text(sentence, ["army, navy, air force"]) == "army, navy and air force"
    assert cg.is_list("army, navy, air force") and not cg.is_list("to discard, to abandon")


def test_a_hyphenated_word_of_the_gloss_is_rendered_whole():
    """"intermediate-range missile" is rendered by "medium-range missile", not "range
    missile"; 快速 "high-speed; fast" is "fast", not "fast-moving"."""
    sentence = "After the launch of a medium-range missile, a fast-moving boat left the port."
    assert cg.english_text(sentence, ["intermediate-range missile"]) == "medium-range missile"
    assert cg.english_text(sentence, ["high-speed", "fast"]) == "fast"


def test_a_word_between_counts_against_a_longer_rendering():
    """会谈 "talks; hold talks": in "hold urgent talks", "urgent" is another word's."""
    assert cg.english_text("Iran is to hold urgent talks on Tuesday.", ["talks", "hold talks"]) == "talks"
    assert cg.english_text("They will hold talks on Tuesday.", ["talks", "hold talks"]) == "hold talks"


def test_offsets_point_into_the_sentence():
    sentence = "Japan and the EU: a strategic partnership agreement took effect."
    start, end = cg.english_span(sentence, ["strategic partnership agreement"])
    assert sentence[start:end] == "strategic partnership agreement"


def test_capitalised_runs_skip_a_common_sentence_opening_word():
    text = "During the Fumio Kishida administration, Japan joined NATO."
    runs = [text[a:b] for a, b in name_sounds.capitalised_runs(text)]
    assert runs == ["Fumio Kishida", "Japan", "NATO"]


def test_chinese_names_spelt_in_pinyin():
    text = "Chinese Foreign Minister Wang Yi met Qiyao Wang and Zhang Youxia on Monday."
    for syllables, expected in [(("wáng", "yì"), "Wang Yi"), (("wáng", "qí", "yáo"), "Qiyao Wang"),
                                (("zhāng", "yòu", "xiá"), "Zhang Youxia")]:
        span = name_sounds.pinyin_span(text, syllables)
        assert span and text[span[0]:span[1]] == expected
    assert name_sounds.pinyin_span(text, ("lǐ", "qiáng")) is None
    assert name_sounds.pinyin_span(text, ("wáng",)) is None  # one syllable is too little to go on


def test_a_name_spelt_at_the_start_of_a_sentence():
    """"He" opens many sentences as a pronoun; spelt with "Lifeng" it is the surname 何."""
    text = "He Lifeng, vice premier, attended the forum."
    span = name_sounds.pinyin_span(text, ("hé", "lì", "fēng"))
    assert span and text[span[0]:span[1]] == "He Lifeng"
    assert name_sounds.pinyin_span("He said the talks went well.", ("hé", "shuō")) is None


def _tightest_by_every_window(cluster):
    """The definition: of every window holding all distinct gloss words, the first shortest."""
    found = {g for _, _, g in cluster}
    best = None
    for a in range(len(cluster)):
        for b in range(a, len(cluster)):
            window = cluster[a:b + 1]
            if {g for _, _, g in window} == found:
                span = (window[0][0], max(c[1] for c in window))
                if best is None or span[1] - span[0] < best[1] - best[0]:
                    best = span
    return best[0], best[1], len(found)


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 3), st.sampled_from("abcd")), min_size=1, max_size=14, unique_by=lambda t: t[0]))
def test_the_tightest_stretch_of_a_cluster_is_the_shortest_window(hits):
    cluster = sorted((i, i + extra, g) for i, extra, g in hits)
    assert cg._tightest(cluster) == _tightest_by_every_window(cluster)
