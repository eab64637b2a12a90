"""The stages' plain data: slotted classes pickle as their fields (the cache and the
workers' answers hold hundreds of thousands of them) and come back equal."""

from __future__ import annotations

import copy
import pickle

import pytest

from flashcards.model import AnalysedSentence, Example, Paragraph, SentencePair, Token, VocabEntry
from flashcards.terms.extract import Term

TOKEN = Token("准同盟", ("zhǔn", "tóng", "méng"), "zhǔntóngméng")
SAMPLES = [
    Paragraph("Japan and Europe", "日欧", "日欧"),
    SentencePair("日欧走近。", "Japan and Europe draw closer.", 3),
    TOKEN,
    AnalysedSentence(SentencePair("准同盟", "quasi-alliance"), (TOKEN, Token("。"))),
    Example("日欧准同盟", "a Japan-Europe quasi-alliance", "Rì-Ōu zhǔntóngméng", "chinamil"),
    VocabEntry("准同盟", "zhǔntóngméng", ("quasi-alliance",), "both", "diplomacy", "準同盟", "quasi-alliance", 6, 2.5),
    Term("准同盟", "zhǔntóngméng", ("quasi-alliance",), score=0.75, examples=(Example("准同盟", "quasi-alliance"),)),
]


@pytest.mark.parametrize("value", SAMPLES, ids=lambda v: type(v).__name__)
def test_slotted_data_pickles_as_its_fields_and_comes_back_equal(value):
    cls, fields = value.__reduce__()
    assert cls is type(value) and cls(*fields) == value
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        assert pickle.loads(pickle.dumps(value, protocol=protocol)) == value
    assert copy.deepcopy(value) == value and copy.copy(value) == value
