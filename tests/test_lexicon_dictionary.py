"""The dictionary layer: CEDICT readings, HSK lists, frequency, scripts, tags."""

from __future__ import annotations

from flashcards.lexicon import dictionary as d


def test_hsk_levels_and_bands_come_from_the_shipped_lists():
    assert d.hsk_level("爱") == 1
    assert d.hsk_level("的") == 1
    assert d.hsk_level("默许") is None
    assert d.hsk_level("国家") == 3
    assert d.hsk3_band("爱") == "entry"
    assert d.hsk3_band("没有这个词") is None
    levels = {d.hsk_level(w) for w in ["爱", "帮忙", "把关"]}
    assert levels == {1, 3, 6}


def test_reading_in_context_picks_the_cedict_entry():
    grow = d.word_info("长", ("zhǎng",))
    long_ = d.word_info("长", ("cháng",))
    assert grow.pinyin == "zhang3" and "to grow" in grow.english
    assert long_.pinyin == "chang2" and "long" in long_.english
    assert d.numbered(("lǜ", "de")) == "lu:4 de5"


def test_a_word_both_a_name_and_a_common_word_is_so_in_either_script():
    assert d.has_name_reading("高密")  # Gaomi; "high density"
    assert d.has_name_reading("联通") and d.has_name_reading("聯通")  # China Unicom; "connection"
    assert not d.has_name_reading("国家") and not d.has_name_reading("國家")
    assert d.english("聯通", as_name=True) == d.english("联通", as_name=True)


def test_a_common_word_read_with_a_full_tone_is_not_taken_for_the_name_so_read():
    # running text's 老子 lǎozǐ and 孙子 sūnzǐ: CC-CEDICT's common entries read the 子 unstressed
    assert "father" in d.english("老子", "lao3 zi3") and not any("Laozi" in g for g in d.english("老子", "lao3 zi3"))
    assert d.english("孙子", "sun1 zi3")[0] == "grandson"
    assert any("Laozi" in g for g in d.english("老子", "Lao3 zi3", as_name=True))  # the name, when it is one


def test_measure_words_and_cross_references_are_data_not_gloss_text():
    assert d.word_info("直升机").measure_words == ("架",)  # CEDICT's own CL:
    assert d.word_info("护卫舰").measure_words == ("艘",)  # inherited: words ending in 舰 take 艘
    assert d.measure_words("直升机护卫舰") == ("艘",)
    assert d.measure_words("默许") == ()  # not a noun
    nato = d.word_info("北约")
    assert nato.english[0] == "NATO (North Atlantic Treaty Organization)"
    assert not any("abbr." in g or "[" in g for g in nato.english)
    assert nato.proper and nato.in_cedict
    assert d.clean_gloss("a taxi; a cab (abbr. for 的士[di1 shi4])") == "a taxi; a cab"
    assert d.clean_gloss("see 打仗|打仗[da3 zhang4]") == "see 打仗"


def test_a_cross_reference_followed_by_its_own_english_keeps_that_english():
    # CC-CEDICT: "abbr. for 中國社會科學院|中国社会科学院[...], Chinese Academy of Sciences (CAS)".
    # The entry's own words say what it means; its reference (the Social Sciences academy) does not
    assert d.english("中科院") == ("Chinese Academy of Sciences (CAS)",)
    assert d.english("谜儿") == ("riddle",)  # "see 謎兒|谜儿[mei4 r5], riddle"


def test_a_pure_cross_reference_is_followed_for_english():
    # entries whose only gloss points elsewhere still get an English gloss
    from flashcards.lexicon import cedict

    pure = [w for w, es in list(cedict.load().items())[:20000]
            if es and all(e.see and len(e.glosses) == 1 for e in es) and es[0].simplified == w]
    assert pure, "CEDICT has variant-only entries"
    followed = [w for w in pure[:50] if d.english(w)]
    assert followed
    assert all(not g.lower().startswith(("variant of", "see ")) for w in followed for g in d.english(w))


def test_frequency_scripts_and_tags():
    assert d.zipf("的") > 7 > d.zipf("军备竞赛") > 0
    assert d.traditional("军备竞赛") == "軍備競賽"
    assert d.traditional("护卫舰") == "護衛艦"
    assert d.simplified("護衛艦") == "护卫舰"
    assert d.pos_tag("北约") == "ns"
    assert d.pos_tag("的") == "uj"


def test_split_known_cuts_compounds_into_headwords():
    assert d.split_known("反击能力") == ("反击", "能力")
    assert d.split_known("准同盟") == ("准", "同盟")
    assert d.split_known("abc") == ()


def test_rarity_orders_everyday_words_below_domain_words():
    assert d.rarity("的") < d.rarity("国家") < d.rarity("同盟") < d.rarity("军备竞赛")
    assert 0 <= d.rarity("的") and d.rarity("战略伙伴关系协定") <= 6


def test_every_news_sense_is_a_sense_the_dictionary_gives_and_now_leads():
    from flashcards.lexicon import news_senses

    lines = [line.split("\t") for line in news_senses._text().splitlines()[1:] if line.strip()]
    assert len(lines) >= 100
    words = [row[0] for row in lines]
    assert len(words) == len(set(words)), "a word is listed twice"
    for word, gloss, why in lines:
        assert why.strip(), word
        assert d.english(word)[0] == gloss, (word, gloss)
        traditional = d.english(d.traditional(word))
        if gloss in traditional:  # the same word in a Traditional text (OpenCC's 臺風 is another word)
            assert traditional[0] == gloss, word


def test_news_order_moves_only_a_listed_sense_of_the_word_forward():
    from flashcards.lexicon import news_senses

    word, lead = next(iter(news_senses.leads().items()))
    glosses = ("something else", lead, "another")
    assert news_senses.news_order([word], glosses) == (lead, "something else", "another")
    assert news_senses.news_order(["没有这个词", word], glosses) == (lead, "something else", "another")
    assert news_senses.news_order([word], ("something else",)) == ("something else",)  # another reading's senses
    assert news_senses.news_order(["没有这个词"], glosses) == glosses
