"""The curated glossary: load ``glossary.yaml`` safely and check every entry.

The file is edited by hand, so every mistake is reported with the line it is on
(``PATH:LINE: message``) before it can reach a card. Loading is safe by
construction: the YAML is first read as a stream of parser events, and anchors,
aliases and explicit tags are refused there, before anything is built; so an
alias bomb or an arbitrary-tag payload is rejected in one linear pass. The
events are built into plain nodes (which keep line numbers) in the same pass and
checked field by field; no Python object is ever constructed from a tag.

File layout::

    terms:
      # ── armed forces and services ──
      - hanzi: 火箭军
        pinyin: Huǒjiànjūn
        english: [PLA Rocket Force, Rocket Force]
        category: forces

Fields: ``hanzi`` (simplified), ``pinyin`` (tone marks, word-joined), ``english``
(a string or a list, the standard rendering first), ``category`` (a key of
:data:`CATEGORIES`); optional ``traditional`` (derived when absent),
``abbreviation_of``, ``note``, ``see`` (a string or a list of other entries) and
``pinyin_differs`` (why the reading deliberately differs from CC-CEDICT or the
pinyin converter).
A personal glossary (:mod:`.layers`) may hide a shipped entry: ``hanzi`` and ``hide: true``.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from pathlib import Path

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from flashcards.store import cache
from flashcards.errors import InputError
from flashcards.glossary.safe_yaml import compose
from flashcards.glossary.pinyin import numbered_to_marked, pinyin_syllables, tone_problem
from flashcards.model import GlossaryEntry
from flashcards.reading.style import is_han
from flashcards.lexicon.script import simplified_word, to_simplified, to_traditional

__all__ = ["CATEGORIES", "Glossary", "check_glossary", "check_text", "han_count", "load_glossary", "read_glossary",
           "numbered_to_marked", "pinyin_syllables", "to_simplified", "to_traditional"]

# The fixed set of categories; ``glossary.yaml`` groups its entries in this order.
CATEGORIES: dict[str, str] = {
    "forces": "armed forces, services, branches and units (解放军, 火箭军, 战区)",
    "ranks": "ranks, posts and titles (上将, 司令员, 政委)",
    "weapons": "weapons, platforms and equipment (航空母舰, 弹道导弹, 无人机)",
    "operations": "exercises, operations, training and combat (联合演习, 巡航)",
    "strategy": "strategy, doctrine and military concepts (威慑, 积极防御)",
    "diplomacy": "alliances, diplomacy and international relations (准同盟, 双边)",
    "arms_control": "arms control, nuclear and non-proliferation terms (核裁军, 不首先使用)",
    "maritime": "maritime, territorial and airspace terms (领海, 专属经济区)",
    "japan": "Japanese security terms as Chinese texts render them (自卫队, 防卫省)",
    "formulations": "official policy formulations and slogans (人类命运共同体)",
    "organisations": "organisations, institutions and their abbreviations (北约, 中央军委)",
    "politics": "politics, government, economy and society in security writing (政府, 预算)",
}

REQUIRED = ("hanzi", "pinyin", "english", "category")
OPTIONAL = ("traditional", "abbreviation_of", "note", "see", "pinyin_differs")
MAX_BYTES = 5_000_000

_HANZI_OK = re.compile(r"^(?:[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]|·)+$")


@dataclass(frozen=True, eq=False)
class Glossary:
    """The loaded glossary: entries in file order, looked up by simplified or traditional.

    Compared and hashed by identity, so it can key a cache.
    """

    entries: tuple[GlossaryEntry, ...]
    path: str = ""
    pinyin_differs: dict[str, str] = field(default_factory=dict)  # hanzi -> why
    hidden: dict[str, int] = field(default_factory=dict)  # hanzi -> line of its 'hide: true' entry

    def get(self, hanzi: str) -> GlossaryEntry | None:
        """The entry of ``hanzi``, written in either script (戰略夥伴關係協定 finds
        战略伙伴关系协定 even where OpenCC's Traditional form differs)."""
        index = self._index()
        found = index.get(hanzi)
        if found is None and hanzi:
            from flashcards.reading.segmenter import simplified

            found = index.get(simplified(hanzi))
        return found

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):
        return iter(self.entries)

    def entries_in(self, text: str) -> tuple[GlossaryEntry, ...]:
        """The entries whose term (simplified or traditional) occurs in ``text``, in file order."""
        by_start = self.__dict__.get("_start_cache")  # first two characters -> (entry number, form)
        if by_start is None:
            by_start = {}
            for n, e in enumerate(self.entries):
                for form in {e.hanzi, e.traditional} - {""}:
                    by_start.setdefault(form[:2], []).append((n, form))
            object.__setattr__(self, "_start_cache", by_start)
        starts = {text[i : i + 2] for i in range(len(text))} | set(text)
        found = {n for start in starts & by_start.keys() for n, form in by_start[start] if form in text}
        return tuple(self.entries[n] for n in sorted(found))

    def _index(self) -> dict[str, GlossaryEntry]:
        index = self.__dict__.get("_index_cache")
        if index is None:
            index = {}
            for e in self.entries:
                index.setdefault(e.traditional, e)
            for e in self.entries:
                index[e.hanzi] = e
            object.__setattr__(self, "_index_cache", index)
        return index


def load_glossary(path: str | os.PathLike, *, known: Collection[str] = (), shipped: bool = False) -> Glossary:
    """Load and validate ``path``; raise the first problem found as :class:`InputError`.
    ``see``/``abbreviation_of`` may name ``known`` headwords (the shipped one's); a ``shipped``
    glossary's checks are kept with the machine's resources (it holds no user's data)."""
    glossary, problems = _load(path, known, shipped)
    if problems:
        raise problems[0]
    return glossary


def check_glossary(path: str | os.PathLike, *, known: Collection[str] = ()) -> list[InputError]:
    """Every problem of the glossary at ``path``, each with path and line; empty when valid."""
    return _load(path, known)[1]


def read_glossary(path: str | os.PathLike, *, known: Collection[str] = (), shipped: bool = False) -> tuple[Glossary, list]:
    """The glossary at ``path`` (its valid entries) and every problem found in it."""
    return _load(path, known, shipped)


def han_count(text: str) -> int:
    """How many Han characters ``text`` holds (each needs one pinyin syllable)."""
    return sum(1 for ch in text if is_han(ch))


# ── loading ─────────────────────────────────────────────────────────────────────


def check_text(text: str, path: str = "<text>", known: Collection[str] = (), shipped: bool = False) -> tuple[Glossary, list]:
    """Load glossary ``text`` (as read from ``path``): the glossary and every problem."""
    problems: list[InputError] = []
    empty = Glossary((), path)
    for number, line in enumerate(text.split("\n"), 1):
        if "\t" in line:
            problems.append(InputError("tab character; indent with spaces", path, number))
    root, yaml_problems = compose(text, path)
    problems += yaml_problems
    if root is None:
        if not yaml_problems:
            problems.append(InputError("the glossary is empty; expected 'terms:' and a list of entries", path, 1))
        return empty, problems
    entries, differs, hidden, schema_problems = _entries(root, path, known, shipped)
    problems += schema_problems
    problems.sort(key=lambda e: e.line or 0)
    return Glossary(tuple(entries), path, differs, hidden), problems


def _load(path: str | os.PathLike, known: Collection[str] = (), shipped: bool = False) -> tuple[Glossary, list[InputError]]:
    path = os.fspath(path)
    text, problems = _read_text(path)
    if text is None:
        return Glossary((), path), problems
    return check_text(text, path, known, shipped)


def _read_text(path: str) -> tuple[str | None, list[InputError]]:
    try:
        size = Path(path).stat().st_size
        if size > MAX_BYTES:
            return None, [InputError(f"glossary is too large ({size} bytes; the limit is {MAX_BYTES})", path)]
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return None, [InputError("glossary not found", path)]
    except IsADirectoryError:
        return None, [InputError("is a directory, not a glossary file", path)]
    except OSError as exc:
        return None, [InputError(f"cannot read the glossary: {exc.strerror or exc}", path)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [InputError("not UTF-8 text; save the glossary as UTF-8", path, line)]
    return text.replace("\r\n", "\n"), []


def _line(node: Node) -> int:
    return node.start_mark.line + 1


def _entries(root: Node, path: str, known_elsewhere: Collection[str] = (), shipped: bool = False
             ) -> tuple[list[GlossaryEntry], dict[str, str], dict[str, int], list[InputError]]:
    problems: list[InputError] = []

    def err(node: Node, message: str) -> None:
        problems.append(InputError(message, path, _line(node)))

    if not isinstance(root, MappingNode):
        err(root, "the glossary must be a mapping with one key, 'terms:', holding a list of entries")
        return [], {}, {}, problems
    top = _mapping(root, err)
    for key, (key_node, _) in top.items():
        if key != "terms":
            err(key_node, f"unknown top-level key {key!r}; the glossary holds only 'terms:'")
    if "terms" not in top:
        err(root, "missing 'terms:' (the list of entries)")
        return [], {}, {}, problems
    terms = top["terms"][1]
    if isinstance(terms, ScalarNode) and terms.value in ("", "~", "null"):
        return [], {}, {}, problems
    if not isinstance(terms, SequenceNode):
        err(terms, "'terms:' must be a list of entries, each starting with '- hanzi: ...'")
        return [], {}, {}, problems

    entries: list[GlossaryEntry] = []
    differs: dict[str, str] = {}
    refs: list[tuple[Node, str, str]] = []
    heads: list[tuple[str, str, str, int]] = []
    hidden: dict[str, int] = {}
    before = _checked_before(path, shipped)
    checked: dict[tuple, GlossaryEntry] = {}  # entries that passed, by how they are written
    for item in terms.value:
        if isinstance(item, MappingNode) and any(isinstance(k, ScalarNode) and k.value == "hide" for k, _ in item.value):
            _hide(item, err, hidden, heads)
            continue
        written = _as_written(item)
        entry = before.get(written) if written is not None else None
        if entry is not None:  # passed before, written just so: its checks would pass again
            entry = _passed_before(item, entry, differs, refs, heads)
        else:
            reported = len(problems)
            entry = _entry(item, err, differs, refs, heads)
            if entry is None:
                continue
            if len(problems) > reported:
                written = None  # it passed with a remark: checked again next time
        entries.append(entry)
        if written is not None:
            checked[written] = replace(entry, line=0)
    if checked.keys() - before.keys():
        _keep_checked(path, checked, shipped)
    _check_duplicates(heads, path, problems)
    known = {h[0] for h in heads if h[0] not in hidden} | set(known_elsewhere)
    for node, kind, target in refs:
        if target not in known:
            err(node, f"{kind}: {target!r} is not an entry of the glossary")
    return entries, differs, hidden, problems


def _hide(item: MappingNode, err, hidden: dict[str, int], heads: list) -> None:
    """``- hanzi: 某某`` with ``hide: true``: the entry of that headword another glossary
    (the shipped one) has is left out."""
    fields = _mapping(item, err)
    value = fields["hide"][1]
    ok = True
    if not (isinstance(value, ScalarNode) and value.style is None and value.value in ("true", "True", "TRUE")):
        err(value, "'hide' must be true (to hide the shipped entry of this 'hanzi'); to keep the entry, remove 'hide'")
        ok = False
    for key, (key_node, _) in fields.items():
        if key not in ("hanzi", "hide"):
            err(key_node, f"an entry with 'hide: true' holds only 'hanzi'; remove {key!r} (or 'hide', to keep the entry)")
            ok = False
    if "hanzi" not in fields:
        return err(item, "entry is missing 'hanzi' (the shipped entry to hide)")
    hanzi = _text(fields["hanzi"][1], "hanzi", err, fields["hanzi"][0])
    if hanzi is None:
        return
    if not _HANZI_OK.match(hanzi) or simplified_word(hanzi) != hanzi:
        err(fields["hanzi"][1], f"'hanzi' must be a headword in simplified characters, got {hanzi!r}")
        return
    heads.append((hanzi, to_traditional(hanzi), hanzi, _line(item)))
    if ok:
        hidden[hanzi] = _line(item)


# ── entries checked before ──────────────────────────────────────────────────────
# Checking an entry converts its characters (OpenCC) and parses its pinyin; the
# entries of the last glossary that passed are kept in the cache by how they are
# written, so a rebuild after editing one entry checks that one again, not every one.


def _as_written(item: Node) -> tuple | None:
    """An entry as written (each field's text and YAML style, in file order): what its
    checks depend on. None for anything but a mapping of text and lists of text."""
    if not isinstance(item, MappingNode):
        return None
    out = []
    for key, value in item.value:
        if not isinstance(key, ScalarNode):
            return None
        if isinstance(value, ScalarNode):
            out.append((key.value, value.value, value.style))
        elif isinstance(value, SequenceNode) and all(isinstance(v, ScalarNode) for v in value.value):
            out.append((key.value, tuple((v.value, v.style) for v in value.value)))
        else:
            return None
    if len({field[0] for field in out}) != len(out):
        return None  # a key twice: reported by the full check
    return tuple(out)


def _passed_before(item: MappingNode, entry: GlossaryEntry, differs: dict[str, str], refs: list,
                   heads: list) -> GlossaryEntry:
    """What :func:`_entry` gives and records for an entry that passed its checks before."""
    nodes = {key.value: value for key, value in item.value}
    if entry.abbreviation_of:
        refs.append((nodes["abbreviation_of"], "abbreviation_of", entry.abbreviation_of))
    for target in entry.see:
        refs.append((nodes["see"], "see", target))
    if "pinyin_differs" in nodes:
        differs[entry.hanzi] = nodes["pinyin_differs"].value
    heads.append((entry.hanzi, entry.traditional, entry.hanzi, _line(item)))
    return replace(entry, line=_line(item))


def _checked_key(path: str) -> str:
    """One slot per glossary file: a build reads two (the shipped and the personal one),
    and each keeps its own entries rather than pushing out the other's."""
    return cache.key("glossary-entries", os.path.abspath(path), cache.library("opencc", "pypinyin")())


def _checked_before(path: str, shipped: bool) -> dict[tuple, GlossaryEntry]:
    found = cache.get("resources" if shipped else "glossary", _checked_key(path))
    return found if isinstance(found, dict) else {}


def _keep_checked(path: str, checked: dict[tuple, GlossaryEntry], shipped: bool) -> None:
    cache.put("resources" if shipped else "glossary", _checked_key(path), checked)


def _mapping(node: MappingNode, err) -> dict[str, tuple[Node, Node]]:
    out: dict[str, tuple[Node, Node]] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            err(key_node, "a key must be plain text")
            continue
        key = key_node.value
        if key in out:
            err(key_node, f"duplicate key {key!r} (first at line {_line(out[key][0])})")
            continue
        out[key] = (key_node, value_node)
    return out


def _text(node: Node, name: str, err, key: Node | None = None) -> str | None:
    """A one-line, non-empty text value; an empty one is reported on its key's line."""
    if not isinstance(node, ScalarNode):
        err(node, f"'{name}' must be text, not a {'list' if isinstance(node, SequenceNode) else 'mapping'}")
        return None
    value = node.value
    if node.style is None and value in ("~", "null", "Null", "NULL"):
        value = ""
    if not value.strip():
        err(key if key is not None and node.style is None else node, f"'{name}' is empty")
        return None
    if value != value.strip():
        err(node, f"'{name}' has leading or trailing whitespace")
        return None
    if "\n" in value:
        err(node, f"'{name}' must be on one line")
        return None
    return value


def _texts(node: Node, name: str, err, key: Node) -> tuple[str, ...] | None:
    if isinstance(node, SequenceNode):
        if not node.value:
            err(node, f"'{name}' is an empty list")
            return None
        values = [_text(item, name, err) for item in node.value]
        if any(v is None for v in values):
            return None
        return tuple(values)  # type: ignore[arg-type]
    value = _text(node, name, err, key)
    return None if value is None else (value,)


def _entry(item: Node, err, differs: dict[str, str], refs: list, heads: list) -> GlossaryEntry | None:
    """Check one entry field by field (reporting every problem); the entry when valid."""
    if not isinstance(item, MappingNode):
        err(item, "an entry must be a mapping ('- hanzi: ...' with its fields below)")
        return None
    fields = _mapping(item, err)
    ok = True
    for key, (key_node, _) in fields.items():
        if key not in REQUIRED and key not in OPTIONAL:
            err(key_node, f"unknown field {key!r}; fields are {', '.join(REQUIRED + OPTIONAL)}")
            ok = False
    for key in REQUIRED:
        if key not in fields:
            err(item, f"entry is missing '{key}'")
            ok = False
    values: dict[str, object] = {}
    for key, (key_node, value_node) in fields.items():
        if key in ("english", "see"):
            values[key] = _texts(value_node, key, err, key_node)
        elif key in REQUIRED or key in OPTIONAL:
            values[key] = _text(value_node, key, err, key_node)
        if key in values and values[key] is None:
            ok = False

    def node(key: str) -> Node:
        return fields[key][1]

    hanzi = values.get("hanzi")
    if hanzi is not None and not _HANZI_OK.match(str(hanzi)):
        err(node("hanzi"), f"'hanzi' must be Chinese characters only, got {hanzi!r}")
        ok, hanzi = False, None
    elif hanzi is not None and simplified_word(str(hanzi)) != hanzi:
        err(node("hanzi"), f"'hanzi' must be simplified: write {simplified_word(str(hanzi))} "
                           f"(and {hanzi} as 'traditional' if the conversion gets it wrong)")
        ok = False
    category = values.get("category")
    if category is not None and category not in CATEGORIES:
        err(node("category"), f"unknown category {category!r}; use one of {', '.join(CATEGORIES)}")
        ok = False
    pinyin = values.get("pinyin")
    if pinyin is not None and not _pinyin_ok(str(pinyin), str(hanzi or ""), node("pinyin"), err):
        ok = False
    traditional = values.get("traditional")
    if traditional is not None and hanzi is not None:
        if not _HANZI_OK.match(str(traditional)) or len(str(traditional)) != len(str(hanzi)):
            err(node("traditional"), f"'traditional' must be {len(str(hanzi))} Chinese characters matching 'hanzi'")
            ok, traditional = False, None
        elif simplified_word(str(traditional)) != hanzi and simplified_word(str(hanzi)) == hanzi:
            err(node("traditional"), f"'traditional' {traditional} is not {hanzi} in traditional characters "
                                     f"(it reads {simplified_word(str(traditional))} in simplified)")
            ok, traditional = False, None
    if "abbreviation_of" in values and values["abbreviation_of"] is not None:
        refs.append((node("abbreviation_of"), "abbreviation_of", str(values["abbreviation_of"])))
    for target in values.get("see") or ():
        refs.append((node("see"), "see", target))
    if hanzi is not None:
        heads.append((str(hanzi), str(traditional or to_traditional(str(hanzi))), simplified_word(str(hanzi)), _line(item)))
    if not ok:
        return None
    hanzi = str(hanzi)
    if "pinyin_differs" in values:
        differs[hanzi] = str(values["pinyin_differs"])
    return GlossaryEntry(
        hanzi=hanzi,
        pinyin=str(pinyin),
        english=values["english"],  # type: ignore[arg-type]
        category=str(category),
        traditional=str(traditional or to_traditional(hanzi)),
        abbreviation_of=str(values.get("abbreviation_of") or ""),
        note=str(values.get("note") or ""),
        see=values.get("see") or (),  # type: ignore[arg-type]
        line=_line(item),
    )


def _pinyin_ok(pinyin: str, hanzi: str, node: Node, err) -> bool:
    try:
        syllables = pinyin_syllables(unicodedata.normalize("NFC", pinyin))
    except ValueError as exc:
        err(node, f"pinyin: {tone_problem(pinyin) or exc}")
        return False
    if pinyin != unicodedata.normalize("NFC", pinyin):
        err(node, "pinyin: use precomposed tone-marked letters (Unicode NFC)")
        return False
    wanted = han_count(hanzi)
    if hanzi and len(syllables) != wanted:
        err(node, f"pinyin has {len(syllables)} syllable{'s' * (len(syllables) != 1)} "
                  f"for {wanted} character{'s' * (wanted != 1)} ({pinyin!r} for {hanzi})")
        return False
    return True


def _check_duplicates(heads: list[tuple[str, str, str, int]], path: str, problems: list[InputError]) -> None:
    """Same headword twice, also when one is written in traditional characters (each
    head: hanzi, its traditional and its simplified form, line)."""
    seen: dict[str, tuple[str, int]] = {}
    for hanzi, traditional, simplified, line in heads:
        keys = {hanzi, traditional, simplified}
        clash = next((seen[k] for k in keys if k in seen), None)
        if clash is not None:
            twin = "" if clash[0] == hanzi else f" (simplified/traditional twin of {clash[0]})"
            problems.append(InputError(f"duplicate entry {hanzi}{twin}; first at line {clash[1]}", path, line))
            continue
        for k in keys:
            seen.setdefault(k, (hanzi, line))


