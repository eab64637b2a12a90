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
    """``word`` in word orthography (GB/T 16159-2012): a word's syllables joined, words
    apart, names capitalised, a person's surname apart (Xí Jìnpíng), organisations word by
    word (Húnán Rìbào), idioms in two halves (zhìtóng-dàohé). ``known`` words (the
    glossary's, with their curated pinyin) are written as the glossary writes them.
    See :mod:`flashcards.reading.orthography`."""
    from flashcards.reading.orthography import written_pinyin as write

    return write(word, syllables, known)


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
        self._tokens: dict[tuple[str, tuple[str, ...], str], Token] = {}  # a text repeats its words

    @property
    def words(self) -> frozenset[str]:
        """The words the segmenter keeps whole: the glossary's terms."""
        return self._words

    def segment(self, text: str) -> list[str]:
        from flashcards.reading.segmenter import cut

        return cut(text, self._words)

    def tokens(self, text: str, syllables: Sequence[str | None]) -> tuple[Token, ...]:
        """``text``'s pieces (in its own script) with their ``syllables``. A Traditional
        piece is written in pinyin as its Simplified form is (the same characters of the
        text's :func:`~flashcards.reading.segmenter.simplified` form): the glossary's
        written pinyin is keyed by Simplified headwords."""
        from flashcards.reading.segmenter import simplified

        simple = simplified(text)
        same = simple == text
        out = []
        pos = 0
        made = self._tokens
        for piece in self.segment(text):
            end = pos + len(piece)
            word = piece if same else simple[pos:end]
            syl = tuple(s for s in syllables[pos:end] if s)
            token = made.get((piece, syl, word))
            if token is None:
                token = made[piece, syl, word] = Token(piece, syl, written_pinyin(word, syl, self._written))
            out.append(token)
            pos = end
        return tuple(out)

    def analyse(self, pairs: Sequence[SentencePair]) -> list[AnalysedSentence]:
        texts = [p.zh for p in pairs]
        readings = _converter(self._readings).syllables_many(texts)
        return [AnalysedSentence(p, self.tokens(p.zh, r)) for p, r in zip(pairs, readings)]

    def read(self, texts: Sequence[str]) -> list[tuple[Token, ...]]:
        """Tokens with pinyin for bare texts (the ``pinyin`` command)."""
        readings = _converter(self._readings).syllables_many(list(texts))
        return [self.tokens(t, r) for t, r in zip(texts, readings)]
