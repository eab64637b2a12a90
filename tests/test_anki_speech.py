"""Cards that speak (Anki's own tts tags), and the upgrade of collections that imported
a deck built before speech, through the real Anki backend.

``tests/data/pre-speech/`` holds the package (and its build manifest) that the code
before speech built from ``tests/data/articles/second-article.txt``: what learners
have imported. Importing the new build of the same article into their collection,
with Anki's default import options, must bring speech to every card without a second
note type, without a conflict and without touching the review history.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from test_anki_fixtures import ARTICLES, VOCAB
from test_anki_roundtrip import col, counts, import_package, scheduling, study  # noqa: F401 (col: fixture)

from flashcards.anki import deck
from flashcards.anki.package import write_package

anki_collection = pytest.importorskip("anki.collection")
from anki.sound import TTSTag  # noqa: E402 (after the skip: anki is a test-only dependency)

DATA = Path(__file__).resolve().parent / "data"
OLD_PACKAGE = DATA / "pre-speech" / "second-article.apkg"
ARTICLE = DATA / "articles" / "second-article.txt"
HAN = re.compile(r"[\u3400-\u9fff]")
OUR_MODELS = (deck.VOCAB_MODEL_ID, deck.SENTENCE_MODEL_ID)


def spoken(card) -> list[TTSTag]:
    """The zh_CN tts tags of a card, question and answer."""
    tags = list(card.question_av_tags()) + list(card.answer_av_tags())
    return [t for t in tags if isinstance(t, TTSTag) and t.lang == "zh_CN"]


def our_cards(col):
    return [col.get_card(cid) for cid in col.find_cards(" OR ".join(f"mid:{m}" for m in OUR_MODELS))]


def note_type_mods(col) -> dict[int, int]:
    """Our note types' modification times, from the database (the Python side caches note types)."""
    return {m: col.db.scalar("SELECT mtime_secs FROM notetypes WHERE id = ?", m) for m in OUR_MODELS}


def note_type_names(col) -> list[str]:
    return sorted(m.name for m in col.models.all_names_and_ids())


def assert_every_card_speaks_its_chinese(col):
    cards = our_cards(col)
    assert cards
    for card in cards:
        tags = spoken(card)
        name, note = card.template()["name"], card.note()
        assert tags, f"{name} of {note.fields[0]} says nothing"
        for tag in tags:
            assert HAN.search(tag.field_text), tag  # Chinese ...
            assert not re.search(r"[<>&]|[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]", tag.field_text), tag  # not HTML, not pinyin
            assert "Apple_Tingting" in tag.voices and "Microsoft_Huihui" in tag.voices
        texts = [t.field_text for t in tags]
        if card.note_type()["id"] == deck.VOCAB_MODEL_ID:
            assert texts[0] == note["Hanzi"]  # the headword, then its example sentence
            if note["Example"]:
                assert texts[1] == re.sub(r"<[^>]+>", "", note["Example"])
        else:
            assert texts == [note["Chinese"]]
        assert not card.question_av_tags(), "speech on a front gives the answer away"


def build_new(run_cli, out: Path) -> str:
    result = run_cli("build", ARTICLE, "--out", out, "--name", "second-article")
    assert result.code == 0, result.err
    return result.out


@pytest.mark.slow
@pytest.mark.parametrize("keep_manifest", [True, False], ids=["decks-folder-kept", "fresh-folder"])
def test_collection_with_reviews_upgrades_to_speaking_cards(tmp_path, col, run_cli, keep_manifest):  # noqa: F811
    out = tmp_path / "decks"
    out.mkdir()
    shutil.copy(OLD_PACKAGE, out)
    if keep_manifest:  # the learner rebuilds in the folder of the old build
        shutil.copy(OLD_PACKAGE.with_name("second-article.manifest.json"), out)
    else:  # or elsewhere: the old package goes to the learner only
        out = tmp_path / "elsewhere"

    first = counts(import_package(col, OLD_PACKAGE))
    assert first["new"] > 20 and first["conflicting"] == 0
    assert not any(spoken(card) for card in our_cards(col))  # the old deck is silent
    names_before = note_type_names(col)
    old_mods = note_type_mods(col)
    study(col, 8)
    cards_before, revlog_before = scheduling(col)
    assert len(revlog_before) == 8

    report = build_new(run_cli, out)
    if keep_manifest:
        assert "card templates updated: Flashcards Vocabulary, Flashcards Sentence" in report
    log = import_package(col, out / "second-article.apkg")
    assert counts(log)["conflicting"] == 0
    assert note_type_names(col) == names_before  # no "Flashcards Vocabulary+"
    assert not any(name.endswith("+") for name in note_type_names(col))
    assert all(note_type_mods(col)[m] > old_mods[m] for m in OUR_MODELS)  # templates updated in place
    cards_after, revlog_after = scheduling(col)
    assert revlog_after == revlog_before  # every review kept
    studied = [tuple(row) for row in cards_before if row[6] > 0]  # reps > 0
    assert len(studied) >= 4
    assert {tuple(row) for row in cards_before} <= {tuple(row) for row in cards_after}  # scheduling untouched
    assert_every_card_speaks_its_chinese(col)

    # Building again with nothing changed: the same bytes, and Anki has nothing to update.
    data = (out / "second-article.apkg").read_bytes()
    again = build_new(run_cli, out)
    assert (out / "second-article.apkg").read_bytes() == data
    assert " 0 added, 0 updated," in again and "card templates updated" not in again, again
    mods = note_type_mods(col)
    log = import_package(col, out / "second-article.apkg")
    assert counts(log)["new"] == counts(log)["updated"] == counts(log)["conflicting"] == 0
    assert note_type_mods(col) == mods
    assert scheduling(col) == (cards_after, revlog_after)


def test_no_speech_and_back_update_the_note_types_in_place(tmp_path, col):  # noqa: F811
    out = tmp_path / "deck.apkg"
    write_package(ARTICLES, VOCAB, out, now=1_700_000_000)
    import_package(col, out)
    assert_every_card_speaks_its_chinese(col)
    study(col, 3)
    before = scheduling(col)
    names = note_type_names(col)

    silent = write_package(ARTICLES, VOCAB, out, now=1_700_000_100, speech=False)
    assert silent.updated == [] and silent.added == []  # notes untouched: only the templates differ
    log = import_package(col, out)
    assert counts(log) == {"new": 0, "updated": 0, "duplicate": 7, "conflicting": 0}
    assert not any(spoken(card) for card in our_cards(col))
    assert all("tts" not in col.get_card(c.id).answer() for c in our_cards(col))

    write_package(ARTICLES, VOCAB, out, now=1_700_000_200, speech=True)
    import_package(col, out)
    assert_every_card_speaks_its_chinese(col)
    assert note_type_names(col) == names and scheduling(col) == before


def test_note_type_time_moves_exactly_when_templates_change(tmp_path):
    import json

    out = tmp_path / "deck.apkg"

    def notetype_mods():
        data = json.loads(out.with_name("deck.manifest.json").read_text(encoding="utf-8"))
        return {k: v["mod"] for k, v in data["notetypes"].items()}

    assert write_package(ARTICLES, VOCAB, out, now=1_700_000_000).notetypes_updated == []  # new, not updated
    first = notetype_mods()
    assert write_package(ARTICLES, VOCAB, out, now=1_700_000_100).notetypes_updated == []
    assert notetype_mods() == first  # unchanged: the old time
    silent = write_package(ARTICLES, VOCAB, out, now=1_700_000_200, speech=False)
    assert silent.notetypes_updated == ["Flashcards Vocabulary", "Flashcards Sentence"]
    assert set(notetype_mods().values()) == {1_700_000_200}
    assert write_package(ARTICLES, VOCAB, out, now=1_700_000_300, speech=False).notetypes_updated == []
    assert set(notetype_mods().values()) == {1_700_000_200}


def test_silent_templates_are_the_speaking_ones_without_their_tts_tags():
    speaking = {t.model_id: t for t in deck.note_types()}
    silent = {t.model_id: t for t in deck.note_types(speech=False)}
    for model_id, note_type in speaking.items():
        assert (note_type.fields, note_type.css) == (silent[model_id].fields, silent[model_id].css)
        for (name, front, back), (name2, front2, back2) in zip(note_type.templates, silent[model_id].templates):
            assert name == name2 and front == front2  # fronts never speak
            assert "{{tts zh_CN" in back and "tts" not in back2
            assert re.sub(r"{{tts [^}]*}}", "", back) == back2


def test_build_no_speech_option(tmp_path, run_cli):
    import json
    import sqlite3
    import zipfile

    def templates():
        with zipfile.ZipFile(tmp_path / "second-article.apkg") as archive:
            (tmp_path / "col.anki2").write_bytes(archive.read("collection.anki2"))
        conn = sqlite3.connect(tmp_path / "col.anki2")
        models = json.loads(conn.execute("SELECT models FROM col").fetchone()[0])
        conn.close()
        return " ".join(t["qfmt"] + t["afmt"] for m in models.values() for t in m["tmpls"])

    silent = run_cli("build", ARTICLE, "--out", tmp_path, "--name", "second-article", "--no-speech")
    assert silent.code == 0 and "{{tts" not in templates()
    speaking = run_cli("build", ARTICLE, "--out", tmp_path, "--name", "second-article")
    assert speaking.code == 0 and "{{tts zh_CN voices=" in templates()
    assert "0 added, 0 updated" in speaking.out and "card templates updated" in speaking.out
