"""Notes as plain data: identity, merging, tags, and the HTML the cards show."""

from __future__ import annotations

import re
from dataclasses import replace

from test_anki_fixtures import ARTICLES, S1, VOCAB, with_gloss

from flashcards.anki import deck


def _notes(articles=ARTICLES, vocab=VOCAB):
    return deck.build_notes(articles, vocab)


def _field(note, name):
    names = deck.VOCAB_FIELDS if note.kind == "vocabulary" else deck.SENTENCE_FIELDS
    return note.fields[names.index(name)]


def _by_label(notes):
    return {n.label: n for n in notes}


def test_one_vocabulary_note_per_headword_and_one_sentence_note_per_normalised_text():
    notes = _notes()
    vocab = [n.label for n in notes if n.kind == "vocabulary"]
    sentences = [n.label for n in notes if n.kind == "sentence"]
    assert vocab == ["北约", "军事", "安全", "直升机护卫舰"]  # reading order
    # S1 and its half-width twin are one note; the Chinese-only sentence has no note.
    assert sentences == ["日本与北约加强军事合作。", "双方将共同维护地区和平与安全。", "海上自卫队派出了直升机护卫舰。"]
    assert len({n.guid for n in notes}) == len(notes)


def test_guid_comes_from_the_headword_only():
    before = _by_label(_notes())["军事"]
    corrected = _by_label(_notes(vocab=with_gloss(VOCAB, "军事", ("armed forces",))))["军事"]
    assert corrected.guid == before.guid
    assert corrected.fields != before.fields
    assert deck.vocab_guid("军事") != deck.vocab_guid("军队")


def test_sentence_guid_ignores_width_spacing_and_quote_style():
    assert deck.sentence_guid("日本与北约加强军事合作。") == deck.sentence_guid(" 日本与北约 加强军事合作. ")
    assert deck.sentence_guid("“2+2”会谈") == deck.sentence_guid('"２＋２"会谈')
    assert deck.sentence_guid("日本与北约加强军事合作。") != deck.sentence_guid("日本与欧盟加强军事合作。")
    # A sentence and a headword with the same text are different notes.
    assert deck.sentence_guid("安全") != deck.vocab_guid("安全")


def test_merged_headword_keeps_examples_from_both_articles_capped():
    note = _by_label(_notes())["军事"]
    # One example in the Example field, the others listed; S1 and its twin count once.
    more = _field(note, "More Examples")
    assert "日本与北约" in _field(note, "Example")
    assert more.count("<li>") == 1
    assert "海上自卫队" in more
    assert {"article::japan-europe", "article::navy-drills"} <= set(note.tags)
    assert "Japan and Europe" in _field(note, "Source") and "Navy drills" in _field(note, "Source")


def test_examples_are_capped_and_take_articles_in_turn():
    from flashcards.model import Example

    many = tuple(Example(f"第{i}句军事。", f"s{i}", "", "a" if i < 5 else "b") for i in range(8))
    picked = deck.pick_examples(many)
    assert len(picked) == deck.MAX_EXAMPLES
    assert {e.article for e in picked} == {"a", "b"}


def test_tags_category_hsk_article_name_source():
    notes = _by_label(_notes())
    assert set(notes["军事"].tags) == {
        "category::military", "hsk::5", "article::japan-europe", "article::navy-drills", "source::both",
    }  # fmt: skip
    assert "name" in notes["北约"].tags and "hsk::5" not in notes["北约"].tags
    assert "name" not in notes["安全"].tags
    assert notes["海上自卫队派出了直升机护卫舰。"].tags == ("article::navy-drills",)
    assert set(notes["日本与北约加强军事合作。"].tags) == {"article::japan-europe", "article::navy-drills"}
    assert all(" " not in t for n in notes.values() for t in n.tags)


def test_pinyin_is_tone_coloured_and_sentence_has_ruby():
    notes = _by_label(_notes())
    pinyin = _field(notes["直升机护卫舰"], "Pinyin")
    assert re.findall(r'class="tone(\d)">([^<]+)<', pinyin) == [
        ("2", "zhí"), ("1", "shēng"), ("1", "jī"), ("4", "hù"), ("4", "wèi"), ("4", "jiàn"),
    ]  # fmt: skip
    sentence = notes["海上自卫队派出了直升机护卫舰。"]
    ruby = _field(sentence, "Ruby")
    # one ruby per word: the word's characters in one box, its syllables over it in order
    words = re.findall(r'<ruby><span class="rb">([^<]+)</span><rt>(.*?)</rt></ruby>', ruby)
    assert [w for w, _ in words] == ["海上", "自卫队", "派出", "了", "直升机护卫舰"]
    assert ruby.count("<ruby>") == len(words)
    syllables = {w: re.findall(r'class="tone(\d)">([^<]+)<', rt) for w, rt in words}
    assert syllables["了"] == [("5", "le")]
    assert [s for _, s in syllables["直升机护卫舰"]] == ["zhí", "shēng", "jī", "hù", "wèi", "jiàn"]
    assert re.sub(r"<rt[^>]*>.*?</rt>|<[^>]+>", "", ruby) == sentence.label
    assert 'class="tone3">hǎi<' in _field(sentence, "Pinyin")


def test_example_highlights_the_term_and_carries_its_pinyin_and_english():
    note = _by_label(_notes())["安全"]
    assert _field(note, "Example") == '双方将共同维护地区和平与<span class="hl">安全</span>。'
    assert 'class="tone1">ān<' in _field(note, "Example Pinyin")
    assert _field(note, "Example English") == "The two sides will jointly maintain regional peace and security."
    assert _field(note, "English") == "security; safety"
    assert _field(note, "Glossary Note") == "国家安全 = national security"


def test_sentence_key_terms_and_gap_on_the_longest_non_name_term():
    note = _by_label(_notes())["日本与北约加强军事合作。"]
    key_terms = _field(note, "Key Terms")
    assert "北约" in key_terms and "军事" in key_terms and "安全" not in key_terms
    assert key_terms.index("北约") < key_terms.index("军事")
    gap = _field(note, "Gap")
    assert "军事" not in gap and "北约" in gap and 'class="gap"' in gap  # a name is never the gap
    assert '<span class="hl">军事</span>' in _field(note, "Gap Answer")
    no_terms = _by_label(deck.build_notes(ARTICLES, ()))["日本与北约加强军事合作。"]
    assert _field(no_terms, "Gap") == "" and _field(no_terms, "Key Terms") == ""


def test_learner_field_is_always_empty_and_text_is_escaped():
    nasty = replace(VOCAB[1], english=("<b>bold</b> & co",))
    notes = deck.build_notes(ARTICLES, (nasty,))
    assert all(_field(n, deck.LEARNER_FIELD) == "" for n in notes)
    assert _field(notes[0], "English") == "&lt;b&gt;bold&lt;/b&gt; &amp; co"


def test_traditional_shown_only_when_it_differs():
    notes = _by_label(_notes())
    assert _field(notes["直升机护卫舰"], "Traditional") == "直升機護衛艦"
    same = replace(VOCAB[1], traditional="安全")
    assert _field(deck.build_notes((), (same,))[0], "Traditional") == ""


def test_build_does_not_depend_on_anything_but_its_input():
    assert _notes() == _notes()
    # Not on the order entries arrive in either: same notes, same order.
    assert _notes(vocab=tuple(reversed(VOCAB))) == _notes()
    assert deck.build_notes((ARTICLES[0],), ())[0].guid == deck.sentence_guid(S1.pair.zh)


def test_written_pinyin_keeps_its_separators_and_colours_each_syllable():
    html = deck._pinyin_words_html("Xī'ān zhànlüè")
    assert re.sub(r"<[^>]+>", "", html) == "Xī'ān zhànlüè"
    assert re.findall(r'tone(\d)">([^<]+)<', html) == [("1", "Xī"), ("1", "ān"), ("4", "zhàn"), ("4", "lüè")]
    assert deck._pinyin_words_html("") == ""


def test_context_english_shown_only_when_it_adds_something():
    notes = _by_label(_notes())
    assert _field(notes["军事"], "Context English") == ""  # same as the gloss
    other = replace(VOCAB[1], context_english="security issues")
    assert _field(deck.build_notes((), (other,))[0], "Context English") == "security issues"


def test_sentence_identity_survives_whitespace_and_width_changes():
    from hypothesis import given
    from hypothesis import strategies as st

    chars = st.sampled_from(list("日本与北约加强军事合作，。“”：ABC12 ") + ["\u3000"])

    @given(st.text(chars, min_size=1, max_size=30))
    def check(text):
        once = deck.normalise_sentence(text)
        assert deck.normalise_sentence(once) == once
        spaced = " ".join(text) + "\u3000"
        assert deck.sentence_guid(spaced) == deck.sentence_guid(text)

    check()


def test_sentence_pinyin_keeps_numbers_and_reads_as_the_sentence_pinyin():
    from test_anki_fixtures import ARTICLE_A, T, ex

    from flashcards.model import AnalysedArticle, AnalysedSentence, SentencePair, VocabEntry

    dated = AnalysedSentence(
        SentencePair("演习于1月1日开始。", "The drill began on 1 January.", 0),
        (T("演习", "yǎn", "xí"), T("于", "yú"), T("1"), T("月", "yuè"), T("1"), T("日", "rì"),
         T("开始", "kāi", "shǐ"), T("。")),
    )  # fmt: skip
    articles = (AnalysedArticle(ARTICLE_A, (dated,) + ARTICLES[0].sentences),)
    vocab = (VocabEntry("演习", "yǎnxí", ("exercise",), "glossary", examples=(ex(dated, "japan-europe"),)),)
    notes = _by_label(_notes(articles, vocab))

    def text(html_field):
        return re.sub(r"<[^>]+>", "", html_field)

    assert text(_field(notes["演习"], "Example Pinyin")) == "yǎnxí yú 1 yuè 1 rì kāishǐ" == dated.pinyin
    for sentence in articles[0].sentences:
        if sentence.pair.en:
            assert text(_field(notes[sentence.pair.zh], "Pinyin")) == sentence.pinyin


def test_a_sentence_note_writes_a_name_as_the_sentence_spells_it():
    """A name the segmenter cut up (莫 | 德罗) is one word in the note's ruby and pinyin,
    where the analysis wrote it so (``AnalysedSentence.written``)."""
    from test_anki_fixtures import T

    from flashcards.model import AnalysedArticle, AnalysedSentence, SentencePair, Token

    tokens = (T("莫", "mò"), T("德罗", "dé", "luó"), T("去世", "qù", "shì"), T("。"))
    sentence = AnalysedSentence(SentencePair("莫德罗去世。", "Modrow died.", 0), tokens,
                                written=(Token("莫德罗", ("mò", "dé", "luó"), "Mòdéluó"), *tokens[2:]))
    note = next(n for n in deck.build_notes((AnalysedArticle(ARTICLES[0].article, (sentence,)),), ())
                if n.kind == "sentence")
    ruby, pinyin = _field(note, "Ruby"), _field(note, "Pinyin")
    assert '<span class="rb">莫德罗</span>' in ruby and '<span class="rb">莫</span>' not in ruby
    assert re.sub(r"<[^>]+>", "", pinyin) == "Mòdéluó qùshì", pinyin
