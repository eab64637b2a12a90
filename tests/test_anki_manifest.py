"""The build manifest and the package writer, without Anki: times, ids, bytes, reports."""

from __future__ import annotations

import json
import sqlite3
import zipfile

import pytest
from test_anki_fixtures import ARTICLES, VOCAB, with_gloss

from flashcards.anki import deck, manifest
from flashcards.errors import InputError
from flashcards.anki.package import write_package

T0 = 1_750_000_000


def _items(*pairs):
    return [manifest.Item(key, h, "vocabulary", key) for key, h in pairs]


def test_plan_keeps_time_of_unchanged_and_moves_changed_strictly_forward():
    first = manifest.plan(manifest.Manifest(), _items(("a", "1"), ("b", "1")), [], T0)
    assert first.added == ["a", "b"] and first.updated == first.unchanged == []
    # A rebuild in the same second still gives the changed note a newer time.
    second = manifest.plan(first.manifest, _items(("a", "1"), ("b", "2")), [], T0)
    assert second.unchanged == ["a"] and second.updated == ["b"]
    assert second.manifest.notes["a"].mod == T0
    assert second.manifest.notes["b"].mod == T0 + 1
    later = manifest.plan(second.manifest, _items(("a", "1"), ("b", "3")), [], T0 + 500)
    assert later.manifest.notes["b"].mod == T0 + 500
    # A clock set back never moves a changed note backwards.
    back = manifest.plan(later.manifest, _items(("a", "1"), ("b", "4")), [], T0 - 100)
    assert back.manifest.notes["b"].mod == T0 + 501
    assert {k: r.id for k, r in back.manifest.notes.items()} == {k: r.id for k, r in first.manifest.notes.items()}


def test_plan_new_ids_are_unique_and_leave_room_for_cards():
    first = manifest.plan(manifest.Manifest(), _items(("a", "1"), ("b", "1")), [], T0)
    second = manifest.plan(first.manifest, _items(("a", "1"), ("c", "1")), [], T0)  # same second
    ids = [r.id for r in second.manifest.notes.values()]
    assert len(set(ids)) == 3
    assert all(abs(x - y) >= 10 for x in ids for y in ids if x != y)


def test_plan_dropped_notes_are_reported_once_and_keep_their_time_if_they_return():
    first = manifest.plan(manifest.Manifest(), _items(("a", "1"), ("b", "1")), [], T0)
    second = manifest.plan(first.manifest, _items(("a", "1")), [], T0 + 10)
    assert [r.label for r in second.dropped] == ["b"]
    assert second.manifest.notes["b"].present is False
    third = manifest.plan(second.manifest, _items(("a", "1")), [], T0 + 20)
    assert third.dropped == []
    back = manifest.plan(third.manifest, _items(("a", "1"), ("b", "1")), [], T0 + 30)
    assert back.added == ["b"] and back.manifest.notes["b"].mod == T0


def test_manifest_round_trips_and_is_canonical(tmp_path):
    plan = manifest.plan(manifest.Manifest(), _items(("a", "1")), [manifest.Item("7", "h", "notetype", "x")], T0)
    path = tmp_path / "x.manifest.json"
    path.write_text(manifest.dumps(plan.manifest), encoding="utf-8")
    assert manifest.load(path) == plan.manifest
    assert manifest.dumps(manifest.load(path)) == path.read_text(encoding="utf-8")
    assert manifest.load(tmp_path / "missing.json") == manifest.Manifest()


@pytest.mark.parametrize(
    ("text", "expect", "line"),
    [
        ('{"format": 1,\n "notes": {\n', "corrupt", 3),
        ('{"format": 99, "notes": {}}', "newer flashcards", None),
        ('{"notes": {}}', "no format number", None),
        ('{"format": 1, "notes": {"g": {"hash": "x"}}}', "bad entry", None),
        ('{"format": 1, "notes": {"g": {"hash": "x", "mod": "soon", "id": 1}}}', "bad entry", None),
    ],
)
def test_unusable_manifest_is_an_input_error(tmp_path, text, expect, line):
    path = tmp_path / "deck.manifest.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        manifest.load(path)
    assert expect in err.value.message
    assert err.value.path == str(path) and err.value.line == line


def test_corrupt_manifest_stops_the_build_and_leaves_files_alone(tmp_path):
    out = tmp_path / "deck.apkg"
    write_package(ARTICLES, VOCAB, out, now=T0)
    before = out.read_bytes()
    manifest.manifest_path(out).write_text("{oops", encoding="utf-8")
    with pytest.raises(InputError):
        write_package(ARTICLES, with_gloss(VOCAB, "安全", ("safety",)), out, now=T0 + 60)
    assert out.read_bytes() == before


def test_rebuild_with_nothing_changed_is_byte_identical(tmp_path):
    out = tmp_path / "deck.apkg"
    first = write_package(ARTICLES, VOCAB, out, now=T0)
    data, man = out.read_bytes(), manifest.manifest_path(out).read_bytes()
    again = write_package(ARTICLES, VOCAB, out, now=T0 + 3600)
    assert out.read_bytes() == data
    assert manifest.manifest_path(out).read_bytes() == man
    assert len(first.added) == first.notes == 7
    assert again.added == again.updated == again.dropped == [] and len(again.unchanged) == 7


def test_changed_gloss_updates_exactly_that_note(tmp_path):
    out = tmp_path / "deck.apkg"
    write_package(ARTICLES, VOCAB, out, now=T0)
    report = write_package(ARTICLES, with_gloss(VOCAB, "直升机护卫舰", ("helicopter destroyer",)), out, now=T0 + 60)
    # The gloss also shows in the key terms of the sentence that holds the term.
    assert sorted(report.updated) == sorted(["直升机护卫舰", "海上自卫队派出了直升机护卫舰。"])
    assert report.added == report.dropped == [] and len(report.unchanged) == 5
    mods = _note_mods(out)
    assert mods[deck.vocab_guid("直升机护卫舰")] == T0 + 60
    assert mods[deck.vocab_guid("安全")] == T0


def test_dropped_notes_are_reported_with_a_search(tmp_path):
    out = tmp_path / "deck.apkg"
    write_package(ARTICLES, VOCAB, out, now=T0)
    report = write_package(ARTICLES[:1], VOCAB[:3], out, now=T0 + 60)
    assert sorted(report.dropped) == ["海上自卫队派出了直升机护卫舰。", "直升机护卫舰"]
    assert f"mid:{deck.VOCAB_MODEL_ID}" in report.dropped_search
    assert '"Hanzi:直升机护卫舰"' in report.dropped_search


def test_package_holds_the_fixed_note_types_decks_and_cards(tmp_path):
    out = tmp_path / "deck.apkg"
    write_package(ARTICLES, VOCAB, out, now=T0)
    with zipfile.ZipFile(out) as archive:
        assert archive.namelist() == ["collection.anki2", "media"]
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        (tmp_path / "c.db").write_bytes(archive.read("collection.anki2"))
    db = sqlite3.connect(tmp_path / "c.db")
    models = json.loads(db.execute("SELECT models FROM col").fetchone()[0])
    decks = json.loads(db.execute("SELECT decks FROM col").fetchone()[0])
    assert {int(k) for k in models} == {deck.VOCAB_MODEL_ID, deck.SENTENCE_MODEL_ID}
    assert {d["name"] for d in decks.values()} >= {deck.VOCAB_DECK, deck.SENTENCE_DECK}
    cards = db.execute("SELECT n.sfld, c.ord FROM cards c JOIN notes n ON n.id = c.nid").fetchall()
    by_note: dict[str, set[int]] = {}
    for label, ord_ in cards:
        by_note.setdefault(label, set()).add(ord_)
    assert by_note["军事"] == {0, 1}  # recognition and recall
    assert by_note["日本与北约加强军事合作。"] == {0, 1}  # reading and gap fill
    assert by_note["双方将共同维护地区和平与安全。"] == {0, 1}
    db.close()


def test_unwritable_target_is_an_input_error(tmp_path):
    (tmp_path / "deck.apkg").mkdir()
    with pytest.raises(InputError):
        write_package(ARTICLES, VOCAB, tmp_path / "deck.apkg", now=T0)
    assert not manifest.manifest_path(tmp_path / "deck.apkg").exists()


def _note_mods(apkg) -> dict[str, int]:
    import tempfile

    with zipfile.ZipFile(apkg) as archive, tempfile.TemporaryDirectory() as tmp:
        path = f"{tmp}/c.db"
        with open(path, "wb") as fh:
            fh.write(archive.read("collection.anki2"))
        db = sqlite3.connect(path)
        try:
            return dict(db.execute("SELECT guid, mod FROM notes"))
        finally:
            db.close()


def test_lost_manifest_is_rebuilt_from_the_package_so_times_survive(tmp_path):
    out = tmp_path / "deck.apkg"
    write_package(ARTICLES, VOCAB, out, now=T0)
    data, man = out.read_bytes(), manifest.manifest_path(out).read_text(encoding="utf-8")
    manifest.manifest_path(out).unlink()
    report = write_package(ARTICLES, VOCAB, out, now=T0 + 600)
    assert report.added == report.updated == [] and len(report.unchanged) == 7
    assert out.read_bytes() == data
    assert manifest.manifest_path(out).read_text(encoding="utf-8") == man
    # Only the note whose content changed gets a new time.
    manifest.manifest_path(out).unlink()
    report = write_package(ARTICLES, with_gloss(VOCAB, "安全", ("security", "public safety")), out, now=T0 + 900)
    assert report.updated == ["安全"]


def test_lost_manifest_and_a_foreign_file_start_afresh(tmp_path):
    out = tmp_path / "deck.apkg"
    out.write_bytes(b"not a zip")
    report = write_package(ARTICLES, VOCAB, out, now=T0)
    assert len(report.added) == 7
