"""The build manifest beside each package: what each note looked like last time.

Anki updates a note on re-import only when the package's copy is newer than the
collection's, and then replaces *all* its fields and tags. So a note's
modification time must move only when its content moves. The manifest records,
per GUID, a hash of the note's content, the modification time it was given and
its note id; a rebuild keeps both for unchanged notes and gives changed notes a
strictly newer time. Note types are recorded the same way, so a template or
style change reaches the learner's collection and an unchanged one does not.

Notes that disappear stay in the manifest marked as no longer present, so a note
that comes back unchanged keeps its old time (and the learner's edits in Anki).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from flashcards.errors import InputError

FORMAT = 1
_ID_STEP = 10  # room for each note's cards: card id = note id + template ordinal


@dataclass(frozen=True)
class Record:
    """What the manifest remembers about one note (or note type)."""

    hash: str
    mod: int
    id: int
    kind: str = ""
    label: str = ""
    present: bool = True


@dataclass(frozen=True)
class Manifest:
    notes: dict[str, Record] = field(default_factory=dict)  # GUID → record
    notetypes: dict[str, Record] = field(default_factory=dict)  # model id → record


@dataclass(frozen=True)
class Item:
    """A note (or note type) of the build about to be written."""

    key: str  # GUID, or the model id as text
    hash: str
    kind: str = ""
    label: str = ""


@dataclass(frozen=True)
class Plan:
    """The manifest to write next, and what changed since the previous one (labels)."""

    manifest: Manifest
    added: list[str]
    updated: list[str]
    unchanged: list[str]
    dropped: list[Record]
    notetypes_updated: list[str] = field(default_factory=list)  # names whose templates or CSS changed


def manifest_path(package: str | os.PathLike) -> Path:
    """``decks/x.apkg`` → ``decks/x.manifest.json``."""
    package = Path(package)
    return package.with_name(package.stem + ".manifest.json")


def content_hash(*parts) -> str:
    """A stable hash of JSON-able content (fields, tags, templates ...)."""
    blob = json.dumps(parts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def load(path: str | os.PathLike) -> Manifest:
    """The manifest at ``path``; an empty one when there is none yet.

    A manifest that cannot be read, or that a newer version wrote, raises
    :class:`InputError`: guessing would give notes wrong times and either freeze
    corrections out or overwrite learners' edits.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Manifest()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the build manifest: {exc}", path) from exc
    fix = "; move it aside to start afresh (every note then counts as changed once)"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"build manifest is corrupt: {exc.msg}{fix}", path, exc.lineno) from exc
    except RecursionError:
        raise InputError(f"build manifest is corrupt: nested too deep{fix}", path) from None
    if not isinstance(data, dict) or not isinstance(data.get("format"), int):
        raise InputError(f"not a flashcards build manifest (no format number){fix}", path)
    if data["format"] > FORMAT:
        raise InputError(
            f"build manifest has format {data['format']}, written by a newer flashcards "
            f"(this one reads format {FORMAT}); upgrade flashcards",
            path,
        )
    try:
        return Manifest(
            notes={k: _record(v) for k, v in data.get("notes", {}).items()},
            notetypes={k: _record(v) for k, v in data.get("notetypes", {}).items()},
        )
    except (TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"build manifest is corrupt: bad entry ({exc}){fix}", path) from exc


def _record(value: dict) -> Record:
    record = Record(**value)
    if not (isinstance(record.hash, str) and isinstance(record.mod, int) and isinstance(record.id, int)):
        raise ValueError("hash must be text, mod and id whole numbers")
    return record


def dumps(manifest: Manifest) -> str:
    """Canonical JSON: same manifest, same bytes."""
    # records hold plain values: their own attributes serve as is, no deep copy as asdict makes
    data = {
        "format": FORMAT,
        "generator": "flashcards",
        "notes": {k: vars(v) for k, v in sorted(manifest.notes.items())},
        "notetypes": {k: vars(v) for k, v in sorted(manifest.notetypes.items())},
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _next_time(previous: Record | None, item: Item, now: int) -> tuple[int, str]:
    """(mod time, change) for one item: the old time if unchanged, else strictly newer."""
    if previous is None:
        return now, "added"
    if previous.hash == item.hash:
        return previous.mod, "unchanged" if previous.present else "added"
    return max(now, previous.mod + 1), "updated" if previous.present else "added"


def plan(previous: Manifest, notes: Sequence[Item], notetypes: Sequence[Item], now: int) -> Plan:
    """Give every note and note type its modification time and id; classify the changes."""
    used_ids = [r.id for r in previous.notes.values()]
    next_id = max([now * 1000] + [i + _ID_STEP for i in used_ids])
    records: dict[str, Record] = {}
    changes: dict[str, list[str]] = {"added": [], "updated": [], "unchanged": []}
    for item in notes:
        old = previous.notes.get(item.key)
        mod, change = _next_time(old, item, now)
        if old is not None:
            note_id = old.id
        else:
            note_id, next_id = next_id, next_id + _ID_STEP
        records[item.key] = Record(item.hash, mod, note_id, item.kind, item.label, True)
        changes[change].append(item.label)
    dropped = [r for k, r in previous.notes.items() if k not in records and r.present]
    for key, old in previous.notes.items():
        if key not in records:
            records[key] = replace(old, present=False)
    types: dict[str, Record] = {}
    types_updated: list[str] = []
    for item in notetypes:
        old = previous.notetypes.get(item.key)
        mod, change = _next_time(old, item, now)
        types[item.key] = Record(item.hash, mod, int(item.key), item.kind, item.label, True)
        if change == "updated":
            types_updated.append(item.label)
    return Plan(
        Manifest(records, types), changes["added"], changes["updated"], changes["unchanged"], dropped, types_updated
    )
