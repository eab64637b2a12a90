"""Writing the .apkg: deterministic bytes, safe regeneration, a change report.

The same notes with the same manifest give a byte-identical package: note and
card ids and modification times come from the manifest, the SQLite file is
built by the same statements in the same order, and the zip has fixed dates and
member order. Both files are written atomically, the package first, so a failed
build never leaves a manifest that describes a package that was not written.

What Anki's importer does (read from its source, checked by
``tests/test_anki_roundtrip.py``): it matches notes by GUID. With "update notes:
if newer" (the default) a package note newer than the collection's replaces *all*
its fields and its tags; there is no per-field merge, so a field we always leave
empty ("My Notes") empties the learner's copy too. A note that is not newer is
left alone (the log calls it a "duplicate"). Cards and review history of existing
notes are never touched. A note type with the same id and the same field and
template names is updated when newer (new styling arrives); any other change
makes Anki add a copy and stop updating the learner's notes.

So: a note we did not change keeps its old time and the learner's edits to it
survive every rebuild; a note we did change (a corrected gloss) is replaced
whole, the learner's edits to that note included. Importing with "update notes:
never" keeps every edit but also keeps our corrections out.
"""

from __future__ import annotations

import html
import io
import json
import os
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import genanki
from genanki.apkg_col import APKG_COL
from genanki.apkg_schema import APKG_SCHEMA

from flashcards.anki import deck, manifest
from flashcards.store.fileio import write_atomic
from flashcards.model import AnalysedArticle, VocabEntry

_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_SEARCH_FIELD = {deck.VOCAB_MODEL_ID: deck.VOCAB_FIELDS[0], deck.SENTENCE_MODEL_ID: deck.SENTENCE_FIELDS[0]}
_KIND_MODEL = {"vocabulary": deck.VOCAB_MODEL_ID, "sentence": deck.SENTENCE_MODEL_ID}


@dataclass(frozen=True)
class BuildReport:
    """What one build wrote and what changed since the last build of the same package.

    The lists hold note labels: the headword of a vocabulary note, the Chinese text
    of a sentence note. ``dropped`` notes stay in the learner's collection (Anki
    never deletes on import); ``dropped_search`` finds them in Anki's browser.
    """

    path: Path
    added: list[str]
    updated: list[str]
    unchanged: list[str]
    dropped: list[str]
    manifest_path: Path | None = None
    dropped_search: str = ""
    notes: int = 0  # notes in the package
    notetypes_updated: list[str] = field(default_factory=list)  # templates or styling changed


def write_package(
    articles: Sequence[AnalysedArticle],
    vocab: Sequence[VocabEntry],
    out_path: str | os.PathLike,
    *,
    now: int | None = None,
    speech: bool = True,
) -> BuildReport:
    """Build the package at ``out_path`` and its manifest beside it; report the changes.

    ``now`` (seconds) is the time given to new and changed notes; tests pass it to
    simulate builds at different times. ``speech=False`` leaves the cards' tts tags out.
    """
    out_path = Path(out_path)
    now = int(time.time()) if now is None else int(now)
    notes = deck.build_notes(articles, vocab)
    types = deck.note_types(speech)
    man_path = manifest.manifest_path(out_path)
    previous = manifest.load(man_path)
    if not man_path.exists() and out_path.is_file():
        previous = manifest_from_package(out_path)
    notes = keep_former_guids(notes, previous)
    items = [manifest.Item(n.guid, note_hash(n), n.kind, n.label) for n in notes]
    type_items = [manifest.Item(str(t.model_id), notetype_hash(t), "notetype", t.name) for t in types]
    plan = manifest.plan(previous, items, type_items, now)
    data = render_apkg(notes, types, plan.manifest)
    write_atomic(out_path, data)
    write_atomic(man_path, manifest.dumps(plan.manifest))
    return BuildReport(
        path=out_path,
        added=plan.added,
        updated=plan.updated,
        unchanged=plan.unchanged,
        dropped=[r.label for r in plan.dropped],
        manifest_path=man_path,
        dropped_search=dropped_search(plan.dropped),
        notes=len(notes),
        notetypes_updated=plan.notetypes_updated,
    )


def keep_former_guids(notes: Sequence[deck.NoteSpec], previous: manifest.Manifest) -> list[deck.NoteSpec]:
    """Notes the previous build knew under the GUID an earlier version gave them keep it,
    so Anki updates them (and their reviews stay) instead of adding a second note."""
    return [replace(n, guid=n.former_guid)
            if n.former_guid and n.guid not in previous.notes and n.former_guid in previous.notes else n
            for n in notes]


def manifest_from_package(path: Path) -> manifest.Manifest:
    """The manifest a package implies, for when its manifest file went missing.

    The package holds every note's fields, tags, id and time, so the record can be
    rebuilt exactly and unchanged notes keep their times. A file that is not one of
    our packages gives an empty manifest (nothing there to keep).
    """
    kinds = {deck.VOCAB_MODEL_ID: "vocabulary", deck.SENTENCE_MODEL_ID: "sentence"}
    try:
        with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory(prefix="flashcards-apkg-") as tmp:
            db_path = Path(tmp) / "collection.anki2"
            db_path.write_bytes(archive.read("collection.anki2"))
            conn = sqlite3.connect(db_path)
            try:
                rows = conn.execute(
                    "SELECT n.guid, n.mid, n.mod, n.id, n.flds, n.tags, MIN(c.did) FROM notes n "
                    "JOIN cards c ON c.nid = n.id GROUP BY n.id"
                ).fetchall()
                models = json.loads(conn.execute("SELECT models FROM col").fetchone()[0])
            finally:
                conn.close()
    except (OSError, KeyError, zipfile.BadZipFile, sqlite3.DatabaseError, ValueError, TypeError):
        return manifest.Manifest()
    notes = {}
    for guid, mid, mod, note_id, flds, tags, did in rows:
        if mid not in kinds:
            continue
        fields = tuple(flds.split("\x1f"))
        digest = manifest.content_hash(mid, did, fields, tuple(tags.split()))
        notes[guid] = manifest.Record(digest, mod, note_id, kinds[mid], html.unescape(fields[0]))
    types = {}
    for key, model in models.items():
        if int(key) in kinds:
            note_type = deck.NoteType(
                int(key), model["name"], tuple(f["name"] for f in model["flds"]),
                tuple((t["name"], t["qfmt"], t["afmt"]) for t in model["tmpls"]), model["css"],
            )  # fmt: skip
            types[key] = manifest.Record(notetype_hash(note_type), model["mod"], int(key), "notetype", model["name"])
    return manifest.Manifest(notes, types)


def note_hash(note: deck.NoteSpec) -> str:
    """What counts as the note's content: its type, deck, fields and tags (not the GUID)."""
    return manifest.content_hash(note.model_id, note.deck_id, note.fields, note.tags)


def notetype_hash(note_type: deck.NoteType) -> str:
    return manifest.content_hash(note_type.name, note_type.fields, note_type.templates, note_type.css)


def _genanki_model(note_type: deck.NoteType) -> genanki.Model:
    return genanki.Model(
        note_type.model_id,
        note_type.name,
        fields=[{"name": name} for name in note_type.fields],
        templates=[{"name": n, "qfmt": q, "afmt": a} for n, q, a in note_type.templates],
        css=note_type.css,
    )


def render_apkg(notes: Sequence[deck.NoteSpec], types: Sequence[deck.NoteType], man: manifest.Manifest) -> bytes:
    """The package's bytes; a pure function of its arguments."""
    models = {t.model_id: _genanki_model(t) for t in types}
    with tempfile.TemporaryDirectory(prefix="flashcards-apkg-") as tmp:
        db_path = Path(tmp) / "collection.anki2"
        conn = sqlite3.connect(db_path)
        try:
            # a scratch file read back once: no fsync per commit, no journal file
            # (the database bytes are the same, only much faster on a busy disk)
            conn.execute("PRAGMA synchronous = OFF")
            conn.execute("PRAGMA journal_mode = MEMORY")
            _fill_collection(conn.cursor(), notes, models, man)
            conn.commit()
        finally:
            conn.close()
        db_bytes = db_path.read_bytes()
    return _zip({"collection.anki2": db_bytes, "media": b"{}"})


def _fill_collection(cur: sqlite3.Cursor, notes, models: dict[int, genanki.Model], man: manifest.Manifest) -> None:
    cur.executescript(APKG_SCHEMA)
    cur.executescript(APKG_COL)
    decks = json.loads(cur.execute("SELECT decks FROM col").fetchone()[0])
    for deck_id, name in deck.DECKS:
        decks[str(deck_id)] = genanki.Deck(deck_id, name).to_json()
    model_json = {
        str(mid): model.to_json(man.notetypes[str(mid)].mod, deck.VOCAB_DECK_ID) for mid, model in models.items()
    }
    cur.execute("UPDATE col SET decks = ?, models = ?", (json.dumps(decks), json.dumps(model_json)))
    for due, note in enumerate(notes, start=1):
        record = man.notes[note.guid]
        cur.execute(
            "INSERT INTO notes VALUES(?,?,?,?,?,?,?,?,?,?,?)",
            (record.id, note.guid, note.model_id, record.mod, -1, " " + " ".join(note.tags) + " ",
             "\x1f".join(note.fields), note.fields[0], 0, 0, ""),
        )  # fmt: skip
        for card in genanki.Note(model=models[note.model_id], fields=list(note.fields)).cards:
            cur.execute(
                "INSERT INTO cards VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (record.id + card.ord, record.id, note.deck_id, card.ord, record.mod, -1,
                 0, 0, due, 0, 0, 0, 0, 0, 0, 0, 0, ""),
            )  # fmt: skip


def _zip(members: dict[str, bytes]) -> bytes:
    """A zip with fixed dates, modes and member order, so equal members give equal bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, payload in members.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, payload)
    return buffer.getvalue()


def _search_quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("*", "\\*").replace("_", "\\_")
    return f'"{escaped}"'


def dropped_search(dropped: Sequence[manifest.Record]) -> str:
    """An Anki browser search that finds exactly the dropped notes (by note type and first field)."""
    by_model: dict[int, list[str]] = {}
    for record in dropped:
        model_id = _KIND_MODEL.get(record.kind)
        if model_id is not None and record.label:
            by_model.setdefault(model_id, []).append(html.escape(record.label, quote=False))
    parts = []
    for model_id, labels in sorted(by_model.items()):
        field_name = _SEARCH_FIELD[model_id]
        terms = " OR ".join(_search_quote(f"{field_name}:{label}") for label in labels)
        parts.append(f"(mid:{model_id} ({terms}))")
    return " OR ".join(parts)
