"""Layers: the glossary that ships with the tool, and a user's personal glossary over it.

The shipped glossary is the curated ``glossary.yaml`` at the top of the repository. A
wheel carries a copy of it beside this module (``setup.py`` copies it in at build
time); a source checkout (an editable install) reads the repository's own file, so
an edit there is seen at once. Either way it is found from the package, never from
the folder the tool runs in.

The personal glossary is the first of: ``--glossary PATH``; ``./glossary.yaml``; the
``glossary.yaml`` of the user's config folder (``$FLASHCARDS_CONFIG_DIR``, else
platformdirs' ``user_config_dir("flashcards")``). Only one is used, and never the
shipped file itself (running inside the repository, ``./glossary.yaml`` *is* the
shipped glossary). It overlays the shipped glossary by headword (simplified hanzi):

- an entry with the hanzi of a shipped entry replaces it (in the shipped one's place);
- an entry with a new hanzi adds a term (after the shipped ones, in file order);
- ``- hanzi: 某某`` with ``hide: true`` (and no other field) leaves the shipped 某某 out.

Plain data in and out: :func:`combine` is a pure function of two loaded glossaries.
"""

from __future__ import annotations

import os
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from flashcards.errors import InputError
from flashcards.glossary.load import CATEGORIES, Glossary, load_glossary, read_glossary
from flashcards.model import GlossaryEntry

FILE_NAME = "glossary.yaml"
CONFIG_ENV = "FLASHCARDS_CONFIG_DIR"
SHIPPED, PERSONAL, OVERRIDDEN = "shipped", "personal", "overridden"

def _comment(text: str) -> str:
    return "\n".join("# " + line for line in textwrap.wrap(text, 86))


HEADER = f"""\
# My flashcards glossary. It overlays the glossary that ships with flashcards:
# an entry with the hanzi of a shipped entry replaces it, a new hanzi adds a term,
# and an entry of only 'hanzi' and 'hide: true' leaves that shipped entry out.
#
#   - hanzi: 准同盟                  # simplified characters
#     pinyin: zhǔntóngméng           # tone marks, one syllable per character
#     english: [quasi-alliance, near-alliance]
#     category: diplomacy
#   - hanzi: 某某
#     hide: true
#
{_comment("Categories: " + ", ".join(CATEGORIES) + ".")}
# `flashcards glossary add` adds entries here; `flashcards glossary check` checks them.
terms:
"""


@dataclass(frozen=True, eq=False)
class Layers:
    """The glossaries in use and what they make together.

    ``glossary``: what the pipeline uses (None when there is none at all);
    ``origin``: each of its headwords' source, :data:`SHIPPED`, :data:`PERSONAL` (new)
    or :data:`OVERRIDDEN` (a personal entry in place of a shipped one);
    ``unused_hides``: headwords the personal glossary hides that the shipped one lacks.
    """

    glossary: Glossary | None
    shipped: Glossary | None = None
    personal: Glossary | None = None
    origin: dict[str, str] = field(default_factory=dict)
    unused_hides: tuple[str, ...] = ()

    def count(self, origin: str) -> int:
        return sum(1 for o in self.origin.values() if o == origin)

    @property
    def hidden(self) -> int:
        """How many shipped entries the personal glossary leaves out."""
        return len(self.personal.hidden) - len(self.unused_hides) if self.personal is not None else 0

    def summary(self) -> str:
        """One line: which glossaries were used and how many entries each gave."""
        parts = []
        if self.shipped is not None:
            parts.append(f"shipped ({entries_text(self.count(SHIPPED))})")
        if self.personal is not None:
            new, replacing = self.count(PERSONAL), self.count(OVERRIDDEN)
            detail = f"{new:,} new, {replacing:,} replacing shipped ones"
            if self.hidden:
                detail += f"; {self.hidden:,} shipped hidden"
            parts.append(f"{self.personal.path} ({entries_text(new + replacing)}: {detail})")
        return "glossaries: " + (" + ".join(parts) or "none")


def entries_text(n: int) -> str:
    """``1 entry``, ``1,620 entries``."""
    return f"{n:,} entr{'y' if n == 1 else 'ies'}"


# ── where the glossaries are ────────────────────────────────────────────────────


def shipped_path() -> Path | None:
    """The shipped glossary: the repository's top-level file in a source checkout, else
    the copy packaged beside this module; None when neither is there."""
    here = Path(__file__).resolve().parent
    root = here.parents[1]
    if (root / FILE_NAME).is_file() and _is_checkout(root):
        return root / FILE_NAME
    packaged = here / FILE_NAME
    return packaged if packaged.is_file() else None


def _is_checkout(root: Path) -> bool:
    """Whether ``root`` is this project's source tree (not, say, a site-packages folder)."""
    try:
        return 'name = "flashcards"' in (root / "pyproject.toml").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def config_dir() -> Path:
    """The user's config folder: ``$FLASHCARDS_CONFIG_DIR``, else platformdirs'."""
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_config_dir("flashcards", appauthor=False))


def is_same_file(a: Path, b: Path | None) -> bool:
    try:
        return b is not None and os.path.samefile(a, b)
    except OSError:
        return False


def personal_path(explicit: Path | None = None, shipped: Path | None = None) -> Path | None:
    """The personal glossary: ``explicit`` (``--glossary``; a missing file is the
    loader's to report), else ``./glossary.yaml``, else the config folder's; None when
    there is none, or when it is the ``shipped`` file itself."""
    if explicit is not None:
        return None if is_same_file(explicit, shipped) else explicit
    for candidate in (Path(FILE_NAME), config_dir() / FILE_NAME):
        if candidate.is_file():
            return None if is_same_file(candidate, shipped) else candidate
    return None


# ── loading ─────────────────────────────────────────────────────────────────────


def combine(shipped: Glossary | None, personal: Glossary | None) -> Layers:
    """The shipped glossary with ``personal`` over it (see the module's docstring)."""
    if personal is None:
        origin = {e.hanzi: SHIPPED for e in shipped.entries} if shipped is not None else {}
        return Layers(shipped, shipped, None, origin)
    base = shipped.entries if shipped is not None else ()
    mine = {e.hanzi: e for e in personal.entries}
    entries: list[GlossaryEntry] = []
    origin: dict[str, str] = {}
    for e in base:
        if e.hanzi in personal.hidden:
            continue
        replaced = mine.get(e.hanzi)
        entries.append(replaced or e)
        origin[e.hanzi] = OVERRIDDEN if replaced is not None else SHIPPED
    for e in personal.entries:
        if e.hanzi not in origin:
            entries.append(e)
            origin[e.hanzi] = PERSONAL
    differs = {h: why for h, why in (shipped.pinyin_differs.items() if shipped is not None else ())
               if origin.get(h) == SHIPPED}
    differs.update(personal.pinyin_differs)
    have = {e.hanzi for e in base}
    unused = tuple(h for h in personal.hidden if h not in have)
    return Layers(Glossary(tuple(entries), personal.path, differs), shipped, personal, origin, unused)


def load_layers(explicit: Path | None = None) -> Layers:
    """Load the shipped glossary and the personal one; the first problem of either is
    raised as :class:`InputError` (``PATH:LINE: message``)."""
    shipped_file = shipped_path()
    shipped = _load_shipped(shipped_file) if shipped_file is not None else None
    if shipped is not None and (hides := _shipped_hides(shipped, shipped_file)):
        raise hides[0]
    personal_file = personal_path(explicit, shipped_file)
    if personal_file is None:
        return combine(shipped, None)
    return combine(shipped, load_glossary(personal_file, known=_heads(shipped)))


def _load_shipped(path: Path) -> Glossary:
    """The shipped glossary, parsed and checked once per machine and content of the file
    (it holds no user's data; parsing its 3,000 entries was half a rebuild's time)."""
    import hashlib

    from flashcards.store import cache

    content = hashlib.sha256(path.read_bytes()).hexdigest()
    digest = cache.key("shipped-glossary", content, cache.library("opencc", "pypinyin")())
    return cache.memoize("resources", digest, lambda: load_glossary(path, shipped=True))


def check_layers(explicit: Path | None = None) -> tuple[list[tuple[str, Path, Glossary]], list[InputError]]:
    """Check the shipped glossary and the personal one: the files checked (kind, path,
    what loaded) and every problem of either, each naming its file and line."""
    checked: list[tuple[str, Path, Glossary]] = []
    problems: list[InputError] = []
    shipped_file = shipped_path()
    shipped = None
    if shipped_file is not None:
        shipped, found = read_glossary(shipped_file, shipped=True)
        problems += found + _shipped_hides(shipped, shipped_file)
        checked.append((SHIPPED, shipped_file, shipped))
    personal_file = personal_path(explicit, shipped_file)
    if personal_file is not None:
        personal, found = read_glossary(personal_file, known=_heads(shipped))
        if shipped is not None:
            have = _heads(shipped)
            found += [InputError(f"hides {h}, which the shipped glossary does not have; remove this entry", personal_file, line)
                      for h, line in personal.hidden.items() if h not in have]
        problems += sorted(found, key=lambda e: e.line or 0)
        checked.append((PERSONAL, personal_file, personal))
    return checked, problems


def _shipped_hides(shipped: Glossary, path: Path) -> list[InputError]:
    """A hide entry in the shipped glossary: a problem, each with its line."""
    return [InputError(f"'hide: true' ({h}) belongs in a personal glossary, not the shipped one", path, line)
            for h, line in shipped.hidden.items()]


def _heads(glossary: Glossary | None) -> frozenset[str]:
    return frozenset(e.hanzi for e in glossary.entries) if glossary is not None else frozenset()


# ── adding ──────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Added:
    """What :func:`add_personal` did: the entry, the file, whether the file is new and
    the shipped entry the new one replaces (None when it adds a term)."""

    entry: GlossaryEntry
    path: Path
    created: bool
    replaces: GlossaryEntry | None


def add_target(explicit: Path | None = None) -> Path:
    """Where ``glossary add`` writes: ``explicit``, else the personal glossary in use,
    else a new one in the config folder; never the copy inside an installed package."""
    shipped_file = shipped_path()
    if explicit is not None:
        if is_same_file(explicit, shipped_file) and shipped_file.parent == Path(__file__).resolve().parent:
            raise InputError("this is the glossary installed with flashcards, replaced by every upgrade; "
                             "leave out --glossary to add to your personal glossary", explicit)
        return explicit
    return personal_path(None, shipped_file) or config_dir() / FILE_NAME


def add_personal(explicit: Path | None, hanzi: str, english: list[str], category: str,
                 pinyin: str | None = None) -> Added:
    """Add a term to the personal glossary (see :func:`add_target`), creating the file
    with a header comment when there is none yet, keeping every comment of one that is."""
    from flashcards.glossary.edit import add_entry
    from flashcards.lexicon.script import to_simplified

    path = add_target(explicit)
    shipped_file = shipped_path()
    shipped = load_glossary(shipped_file, shipped=True) if shipped_file is not None and not is_same_file(path, shipped_file) else None
    created = not path.exists() and not path.is_symlink()
    if created:
        from flashcards.store.fileio import write_atomic

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, HEADER.encode("utf-8"))
        except OSError as exc:
            raise InputError(f"cannot create the personal glossary: {exc.strerror or exc}", path) from None
    try:
        if path.is_file():
            mine = load_glossary(path, known=_heads(shipped))
            line = mine.hidden.get(to_simplified(hanzi.strip()))
            if line is not None:
                raise InputError(f"{hanzi.strip()} is hidden here (line {line}); remove that entry to add it", path, line)
        entry = add_entry(path, hanzi, english, category, pinyin=pinyin, known=_heads(shipped))
    except BaseException:
        if created:
            path.unlink(missing_ok=True)
        raise
    return Added(entry, path, created, shipped.get(entry.hanzi) if shipped is not None else None)
