"""Hand-made analysed articles and vocabulary for the deck, manifest and Anki tests.

Plain values written here, so these tests do not depend on the rest of the pipeline.
"""

from __future__ import annotations

from dataclasses import replace

from flashcards.model import (
    AnalysedArticle,
    AnalysedSentence,
    Article,
    Example,
    Metadata,
    Paragraph,
    SentencePair,
    Token,
    VocabEntry,
)


def T(text: str, *syllables: str) -> Token:
    return Token(text, tuple(syllables))


S1 = AnalysedSentence(
    SentencePair("日本与北约加强军事合作。", "Japan and NATO strengthen military cooperation.", 0),
    (T("日本", "rì", "běn"), T("与", "yǔ"), T("北约", "běi", "yuē"), T("加强", "jiā", "qiáng"),
     T("军事", "jūn", "shì"), T("合作", "hé", "zuò"), T("。")),
)  # fmt: skip
S2 = AnalysedSentence(
    SentencePair("双方将共同维护地区和平与安全。", "The two sides will jointly maintain regional peace and security.", 1),
    (T("双方", "shuāng", "fāng"), T("将", "jiāng"), T("共同", "gòng", "tóng"), T("维护", "wéi", "hù"),
     T("地区", "dì", "qū"), T("和平", "hé", "píng"), T("与", "yǔ"), T("安全", "ān", "quán"), T("。")),
)  # fmt: skip
S3 = AnalysedSentence(
    SentencePair("海上自卫队派出了直升机护卫舰。", "The Maritime Self-Defense Force deployed a helicopter carrier.", 0),
    (T("海上", "hǎi", "shàng"), T("自卫队", "zì", "wèi", "duì"), T("派出", "pài", "chū"), T("了", "le"),
     T("直升机护卫舰", "zhí", "shēng", "jī", "hù", "wèi", "jiàn"), T("。")),
)  # fmt: skip
# The same sentence as S1 with half-width punctuation and a stray space: one note.
S1_AGAIN = AnalysedSentence(
    SentencePair("日本与北约 加强军事合作.", "Japan and NATO step up military cooperation.", 2), S1.tokens
)
# No English side: not a reading card.
S_ZH_ONLY = AnalysedSentence(SentencePair("此外。", "", 3), (T("此外", "cǐ", "wài"), T("。")))

ARTICLE_A = Article(
    "japan-europe",
    Metadata(title_en="Japan and Europe", title_zh="日本与欧洲", source="China Military Online",
             date="2025-01-06 19:40:02", url="http://eng.chinamil.com.cn/a"),
    (Paragraph("e", "z"),),
)  # fmt: skip
ARTICLE_B = Article("navy-drills", Metadata(title_en="Navy drills", date="2025-02-01"), (Paragraph("e", "z"),))

ARTICLES = (
    AnalysedArticle(ARTICLE_A, (S1, S2, S_ZH_ONLY)),
    AnalysedArticle(ARTICLE_B, (S3, S1_AGAIN)),
)


def ex(sentence: AnalysedSentence, article: str) -> Example:
    return Example(sentence.pair.zh, sentence.pair.en, sentence.pinyin, article)


VOCAB = (
    VocabEntry("军事", "jūnshì", ("military",), "both", category="military", hsk=5, frequency=4.6,
               context_english="military", examples=(ex(S1, "japan-europe"),), articles=("japan-europe",), count=1),
    VocabEntry("安全", "ānquán", ("security", "safety"), "glossary", category="security", hsk=3, frequency=5.1,
               examples=(ex(S2, "japan-europe"),), articles=("japan-europe",), note="国家安全 = national security"),
    VocabEntry("北约", "Běiyuē", ("NATO",), "article", category="organisation", is_name=True,
               examples=(ex(S1, "japan-europe"),), articles=("japan-europe",)),
    VocabEntry("直升机护卫舰", "zhíshēngjī hùwèijiàn", ("helicopter carrier",), "glossary", category="military",
               traditional="直升機護衛艦", hsk=None, examples=(ex(S3, "navy-drills"),), articles=("navy-drills",)),
    # The same headword again, from the second article: merged into one note.
    VocabEntry("军事", "jūnshì", ("military",), "article", category="military", hsk=5,
               examples=(ex(S1_AGAIN, "navy-drills"), ex(S3, "navy-drills")), articles=("navy-drills",), count=2),
)  # fmt: skip


def with_gloss(vocab, hanzi: str, english: tuple[str, ...]):
    """The vocabulary with one headword's gloss corrected (as after a glossary edit)."""
    return tuple(replace(v, english=english) if v.hanzi == hanzi else v for v in vocab)
