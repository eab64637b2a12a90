"""Through the real Anki backend: import, study, correct a gloss, rebuild, re-import.

Anki's import log sorts every incoming note into new / updated / duplicate /
conflicting. "duplicate" there means "already in the collection and not newer, so
left alone" — for an unchanged note that is the outcome we want. What must never
happen is a second copy of a note (the collection's note count grows), a
conflicting note type, or a scheduling change.
"""

from __future__ import annotations

import re
import time
from dataclasses import replace
from pathlib import Path

import pytest
from test_anki_fixtures import ARTICLES, VOCAB, with_gloss

from flashcards.anki import deck
from flashcards.anki.package import write_package

anki_collection = pytest.importorskip("anki.collection")
Collection = anki_collection.Collection


@pytest.fixture
def col(tmp_path):
    collection = Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


def import_package(col, path, merge_notetypes=False):
    """Import as Anki's import dialog does by default (update notes and note types if newer)."""
    request = anki_collection.ImportAnkiPackageRequest(
        package_path=str(path),
        options=anki_collection.ImportAnkiPackageOptions(with_scheduling=False, merge_notetypes=merge_notetypes),
    )
    return col.import_anki_package(request).log


def counts(log) -> dict[str, int]:
    return {k: len(getattr(log, k)) for k in ("new", "updated", "duplicate", "conflicting")}


def note_by_first_field(col, value):
    (nid,) = [nid for nid in col.find_notes("") if col.get_note(nid).fields[0] == value]
    return col.get_note(nid)


def scheduling(col):
    """Everything a review changes: card state and the review log."""
    cards = col.db.all("SELECT id, type, queue, due, ivl, factor, reps, lapses FROM cards ORDER BY id")
    revlog = col.db.all("SELECT * FROM revlog ORDER BY id")
    return cards, revlog


def study(col, n):
    from anki.scheduler.v3 import CardAnswer

    col.decks.select(col.decks.id_for_name(deck.DECK_ROOT))
    for _ in range(n):
        queued = col.sched.get_queued_cards()
        card = col.get_card(queued.cards[0].card.id)
        card.start_timer()
        states = queued.cards[0].states
        col.sched.answer_card(col.sched.build_answer(card=card, states=states, rating=CardAnswer.GOOD))


@pytest.mark.parametrize("merge_notetypes", [False, True], ids=["default", "merge-note-types"])
def test_corrected_gloss_updates_exactly_that_note_and_keeps_review_history(tmp_path, col, merge_notetypes):
    out = tmp_path / "deck.apkg"
    t1 = int(time.time()) - 3600
    write_package(ARTICLES, VOCAB, out, now=t1)
    first = counts(import_package(col, out, merge_notetypes))
    assert first == {"new": 7, "updated": 0, "duplicate": 0, "conflicting": 0}
    study(col, 4)
    before = scheduling(col)
    assert len(before[1]) == 4  # four answers in the review log
    notes_before = len(col.find_notes(""))

    report = write_package(ARTICLES, with_gloss(VOCAB, "安全", ("security", "public safety")), out, now=t1 + 60)
    assert report.updated == ["安全"] and report.added == [] and report.dropped == []

    log = import_package(col, out, merge_notetypes)
    assert counts(log) == {"new": 0, "updated": 1, "duplicate": 6, "conflicting": 0}
    assert [n.fields[0] for n in log.updated] == ["安全"]
    assert len(col.find_notes("")) == notes_before
    first_fields = [col.get_note(nid).fields[0] for nid in col.find_notes("")]
    assert len(set(first_fields)) == len(first_fields)  # no note twice
    assert len(col.models.all_names_and_ids()) == len({m.name for m in col.models.all_names_and_ids()})
    assert scheduling(col) == before  # cards and revlog untouched
    note = note_by_first_field(col, "安全")
    assert note["English"] == "security; public safety"
    assert any("public safety" in card.answer() for card in note.cards())


def test_rebuild_with_nothing_changed_is_identical_and_updates_nothing(tmp_path, col):
    out = tmp_path / "deck.apkg"
    write_package(ARTICLES, VOCAB, out, now=int(time.time()) - 600)
    data = out.read_bytes()
    import_package(col, out)
    study(col, 2)
    before = scheduling(col)
    report = write_package(ARTICLES, VOCAB, out)
    assert out.read_bytes() == data
    assert len(report.unchanged) == 7
    assert counts(import_package(col, out)) == {"new": 0, "updated": 0, "duplicate": 7, "conflicting": 0}
    assert scheduling(col) == before


def test_learner_edit_survives_when_we_did_not_change_the_note(tmp_path, col):
    out = tmp_path / "deck.apkg"
    write_package(ARTICLES, VOCAB, out, now=int(time.time()) - 600)
    import_package(col, out)
    for hanzi, text in (("军事", "remember 军事演习"), ("安全", "my note on 安全")):
        note = note_by_first_field(col, hanzi)
        note[deck.LEARNER_FIELD] = text
        note["Context English"] = "learner's own wording"
        col.update_note(note)

    # A later build corrects another note's gloss.
    report = write_package(ARTICLES, with_gloss(VOCAB, "安全", ("security", "public safety")), out, now=int(time.time()) + 2)
    assert report.updated == ["安全"]
    assert counts(import_package(col, out))["updated"] == 1
    kept = note_by_first_field(col, "军事")
    assert kept[deck.LEARNER_FIELD] == "remember 军事演习"
    assert kept["Context English"] == "learner's own wording"
    # Known limit of Anki's importer (documented): a note we changed is replaced whole,
    # the learner's notes field included.
    replaced = note_by_first_field(col, "安全")
    assert replaced["English"] == "security; public safety"
    assert replaced[deck.LEARNER_FIELD] == ""


def rendered_cards(col) -> dict[str, list]:
    """Every card's question and answer by template name; fails on an empty front or a stray ``{{``."""
    templates: dict[str, list] = {}
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        question, answer = card.question(), card.answer()
        assert _visible(question), f"empty front: {card.template()['name']} of {card.note().fields[0]}"
        assert _visible(answer) != _visible(question), f"answer adds nothing: {card.note().fields[0]}"
        assert "{{" not in question + answer and "}}" not in question + answer
        templates.setdefault(card.template()["name"], []).append((card, question, answer))
    return templates


def _visible(html: str) -> str:
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    html = re.sub(r"<rt[^>]*>.*?</rt>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>|&nbsp;", "", html).strip()


def test_every_card_renders_with_a_front_tone_colours_and_ruby(tmp_path, col):
    out = tmp_path / "deck.apkg"
    write_package(ARTICLES, VOCAB, out)
    import_package(col, out)
    cards = [col.get_card(cid) for cid in col.find_cards("")]
    assert len(cards) == 14  # 4 terms × (recognition, recall) + 3 sentences × (reading, gap fill)
    templates = rendered_cards(col)
    assert set(templates) == {"Recognition", "Recall", "Reading", "Gap Fill"}
    for card, question, answer in templates["Recognition"]:
        assert _visible(question) == card.note()["Hanzi"]
        assert re.search(r'class="tone[1-5]"', answer)
    for card, question, answer in templates["Recall"]:
        assert card.note()["Hanzi"] not in _visible(question)
        assert card.note()["Hanzi"] in answer
    for card, question, answer in templates["Reading"]:
        assert "<ruby>" not in question and card.note()["English"] not in question
        # one ruby per word: its characters together, their syllables over them, tone-coloured
        rubies = re.findall(r'<ruby><span class="rb">([^<]+)</span><rt>(.*?)</rt></ruby>', answer)
        assert "".join(w for w, _ in rubies) == "".join(c for c in card.note()["Chinese"] if "\u4e00" <= c <= "\u9fff")
        assert all(len(re.findall(r'class="tone[1-5]"', rt)) == len(w) for w, rt in rubies)
        assert card.note()["English"] in answer
    for card, question, answer in templates["Gap Fill"]:
        assert 'class="gap"' in question and 'class="hl"' in answer
    night = cards[0].note_type()["css"]
    assert ".nightMode .tone1" in night and ".night_mode .tone1" in night and "@media (max-width" in night
    for tag in ("category::military", "hsk::5", "article::japan-europe", "name"):
        assert col.find_notes(f"tag:{tag}"), tag
    names = {d.name for d in col.decks.all_names_and_ids()}
    assert {deck.VOCAB_DECK, deck.SENTENCE_DECK} <= names


def test_dropped_search_finds_exactly_the_dropped_notes(tmp_path, col):
    out = tmp_path / "deck.apkg"
    write_package(ARTICLES, VOCAB, out, now=int(time.time()) - 600)
    import_package(col, out)
    report = write_package(ARTICLES[:1], VOCAB[:3], out)
    assert len(report.dropped) == 2
    found = {col.get_note(nid).fields[0] for nid in col.find_notes(report.dropped_search)}
    assert found == set(report.dropped)


def test_style_change_reaches_the_collection_without_touching_notes(tmp_path, col, monkeypatch):
    out = tmp_path / "deck.apkg"
    write_package(ARTICLES, VOCAB, out, now=int(time.time()) - 600)
    import_package(col, out)
    note_types_before = len(col.models.all_names_and_ids())
    restyled = tuple(replace(t, css=t.css + "\n.tone1 { color: #ff0000; }\n") for t in deck.note_types())
    monkeypatch.setattr(deck, "note_types", lambda speech=True: restyled)
    report = write_package(ARTICLES, VOCAB, out)
    assert report.updated == [] and len(report.unchanged) == 7
    log = import_package(col, out)
    assert counts(log) == {"new": 0, "updated": 0, "duplicate": 7, "conflicting": 0}
    assert all("#ff0000" in col.models.get(t.model_id)["css"] for t in restyled)
    assert len(col.models.all_names_and_ids()) == note_types_before  # no forked note type


@pytest.mark.slow
def test_sample_article_end_to_end(tmp_path, col):
    from flashcards import pipeline

    root = Path(__file__).resolve().parents[1]
    (article,) = pipeline.read_articles([root / "articles" / "chinamil-2025-01-06-japan-europe-security.txt"])
    glossary = pipeline.load_glossary(root / "glossary.yaml")
    analysed = [pipeline.analyse_article(article, pipeline.analyser(glossary))]
    vocab = pipeline.vocabulary(analysed, glossary)
    out = tmp_path / "sample.apkg"
    report = write_package(analysed, vocab, out)
    assert report.notes > 50 and len(report.added) == report.notes
    data = out.read_bytes()
    log = import_package(col, out)
    assert counts(log) == {"new": report.notes, "updated": 0, "duplicate": 0, "conflicting": 0}
    templates = rendered_cards(col)
    assert {"Recognition", "Recall", "Reading"} <= set(templates)
    assert all(re.search(r'class="tone[1-5]"', a) for _, _, a in templates["Recognition"])
    assert all("<ruby>" in a for _, _, a in templates["Reading"])
    assert col.find_notes("tag:article::*") and col.find_notes("tag:category::*")

    # Same input again, in another order: same bytes, and Anki has nothing to update.
    again = write_package(analysed, list(reversed(vocab)), out)
    assert out.read_bytes() == data and len(again.unchanged) == report.notes
    log = import_package(col, out)
    assert counts(log) == {"new": 0, "updated": 0, "duplicate": report.notes, "conflicting": 0}


def test_a_traditional_headword_keeps_its_note_when_its_identity_moves_to_simplified(tmp_path, col, monkeypatch):
    """Earlier versions keyed a note on its headword as written, so 軍事 from a Traditional
    article had a note of its own. Now every note is keyed on the Simplified form; a rebuild
    beside the old manifest keeps the old GUID, so Anki updates that note and its reviews stay."""
    out = tmp_path / "deck.apkg"
    t1 = int(time.time()) - 3600
    traditional = tuple(replace(v, hanzi="軍事") if v.hanzi == "军事" else v for v in VOCAB)
    monkeypatch.setattr(deck, "vocab_guid", deck._written_guid)  # as earlier versions did
    write_package(ARTICLES, traditional, out, now=t1)
    monkeypatch.undo()
    import_package(col, out)
    study(col, 7)
    before = scheduling(col)
    notes_before = len(col.find_notes(""))

    changed = with_gloss(traditional, "軍事", ("military", "military affairs"))
    report = write_package(ARTICLES, changed, out, now=t1 + 60)
    assert report.updated == ["軍事"] and report.added == [] and report.dropped == []
    log = import_package(col, out)
    assert counts(log)["new"] == 0 and [n.fields[0] for n in log.updated] == ["軍事"]
    assert len(col.find_notes("")) == notes_before
    assert scheduling(col) == before
    assert note_by_first_field(col, "軍事")["English"] == "military; military affairs"

    # a fresh build (no manifest, no old package) keys the note on the Simplified form
    fresh = tmp_path / "fresh.apkg"
    write_package(ARTICLES, changed, fresh, now=t1 + 120)
    assert deck.vocab_guid("軍事") == deck.vocab_guid("军事")
