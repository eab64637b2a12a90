"""Analysis: segment each Chinese sentence and read it in context.

jieba segments, with the glossary's terms added as user words so that curated
terms (战略伙伴关系协定, 直升机护卫舰) come out as one token. Pinyin is read on
the whole sentence (never token by token, which loses context) and then sliced
by token, so every token carries one syllable per Han character.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence

from flashcards.model import AnalysedSentence, SentencePair, Token


@functools.cache
def _converter(phrases: tuple[tuple[str, tuple[str, ...]], ...]):
    from flashcards.reading.pinyin import PinyinConverter

    return PinyinConverter(phrases=dict(phrases))


def written_pinyin(word: str, syllables: Sequence[str], known: Mapping[str, str] | None = None) -> str:
    """``word`` in dictionary pinyin: joined, apostrophes, capitalised when CC-CEDICT
    gives it only as a proper name (日本 Rìběn, 欧盟 Ōuméng). ``known`` words (the
    glossary's, with their curated pinyin) are written as the glossary writes them, and
    a long word no dictionary has is written part by part (日本 + 航空自卫队)."""
    known = known or {}
    if not syllables:
        return ""
    if word in known:
        return known[word]
    from flashcards.lexicon import cedict
    from flashcards.reading.style import word_pinyin

    if len(syllables) != len(word):
        return word_pinyin(list(syllables))
    entries = cedict.lookup(word)
    if entries or len(word) <= 2:
        proper = bool(entries) and all(e.pinyin[:1].isupper() for e in entries)
        return word_pinyin(list(syllables), proper=proper)
    for cut in range(1, len(word) - 1):  # a glossary term at the end: 日本 + 航空自卫队
        if word[cut:] in known:
            return f"{written_pinyin(word[:cut], syllables[:cut], known)} {known[word[cut:]]}"
    for cut in range(len(word) - 1, 0, -1):  # else the longest dictionary word first
        head = word[:cut]
        if head in known or cedict.lookup(head):
            rest = written_pinyin(word[cut:], syllables[cut:], known)
            return f"{written_pinyin(head, syllables[:cut], known)} {rest}"
    return word_pinyin(list(syllables))


class Analyser:
    """Segments and reads sentences; built once per glossary.

    ``user_words`` are kept whole by the segmenter; ``readings`` (hanzi → one
    tone-marked syllable per character) are curated readings the converter
    never second-guesses.
    """

    def __init__(
        self,
        user_words: Iterable[str] = (),
        readings: Mapping[str, Sequence[str]] | None = None,
        written: Mapping[str, str] | None = None,
    ):
        self._words = frozenset(w for w in user_words if w)
        self._readings = tuple(sorted((k, tuple(v)) for k, v in (readings or {}).items()))
        self._written = dict(written or {})
        self._tokens: dict[tuple[str, tuple[str, ...]], Token] = {}  # a text repeats its words

    def segment(self, text: str) -> list[str]:
        from flashcards.reading.segmenter import cut

        return cut(text, self._words)

    def tokens(self, text: str, syllables: Sequence[str | None]) -> tuple[Token, ...]:
        out = []
        pos = 0
        made = self._tokens
        for piece in self.segment(text):
            syl = tuple(s for s in syllables[pos:pos + len(piece)] if s)
            token = made.get((piece, syl))
            if token is None:
                token = made[piece, syl] = Token(piece, syl, written_pinyin(piece, syl, self._written))
            out.append(token)
            pos += len(piece)
        return tuple(out)

    def analyse(self, pairs: Sequence[SentencePair]) -> list[AnalysedSentence]:
        texts = [p.zh for p in pairs]
        readings = _converter(self._readings).syllables_many(texts)
        return [AnalysedSentence(p, self.tokens(p.zh, r)) for p, r in zip(pairs, readings)]

    def read(self, texts: Sequence[str]) -> list[tuple[Token, ...]]:
        """Tokens with pinyin for bare texts (the ``pinyin`` command)."""
        readings = _converter(self._readings).syllables_many(list(texts))
        return [self.tokens(t, r) for t, r in zip(texts, readings)]
