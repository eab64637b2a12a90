"""Editing and searching the glossary: ``glossary add`` and ``glossary list QUERY``.

``add_entry`` inserts a new entry as text, right after the last entry of its
category, so every other byte of a hand-edited file (comments, order, quoting,
blank lines) stays exactly as it was. ruamel.yaml renders the new entry's values
(so quoting is always valid YAML), and the result is checked by the same loader
as ``glossary check`` before it is written, atomically.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Collection
from io import StringIO
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.nodes import MappingNode, SequenceNode

from flashcards.lexicon import cedict
from flashcards.reading import pypinyin_tables
from flashcards.errors import InputError
from flashcards.store.fileio import write_atomic
from flashcards.glossary.load import (
    CATEGORIES,
    Glossary,
    check_text,
    han_count,
    load_glossary,
    numbered_to_marked,
    pinyin_syllables,
    to_simplified,
    to_traditional,
)
from flashcards.model import GlossaryEntry

_VOWEL_START = tuple("aoeāáǎàōóǒòēéěè")


# ── reading a new term ──────────────────────────────────────────────────────────


@functools.cache
def _project_converter():
    """The project's pinyin converter and word styler, when installed; else None."""
    try:
        from flashcards.reading.pinyin import PinyinConverter
        from flashcards.reading.style import word_pinyin
    except ImportError:
        return None
    return PinyinConverter(), word_pinyin


def converter_syllables(hanzi: str) -> tuple[str, ...]:
    """The converter's reading of ``hanzi``: numbered syllables (``"zhong1"``, neutral ``5``, ü)."""
    return converter_syllables_many([hanzi])[0]


def converter_syllables_many(terms: list[str]) -> list[tuple[str, ...]]:
    """:func:`converter_syllables` for many terms, read in one batch."""
    project = _project_converter()
    if project is not None:
        return [tuple(_to_numbered(s) for s in marked if s) for marked in project[0].syllables_many(terms)]
    pypinyin_tables.load()
    from pypinyin import Style, lazy_pinyin

    return [
        tuple(s.replace("v", "ü") for s in lazy_pinyin(t, style=Style.TONE3, neutral_tone_with_five=True,
                                                       tone_sandhi=False, errors="ignore"))
        for t in terms
    ]


def suggest_pinyin(hanzi: str) -> str:
    """Word-joined tone-marked pinyin for a new term, read by the converter in context.

    A long term is written as words (zhànlüè huǒbàn guānxì xiédìng), a four-character
    idiom as two halves (zhìtóng-dàohé); capitals for proper names are left to the user.
    """
    han = "".join(ch for ch in hanzi if han_count(ch))
    syllables = [numbered_to_marked(s) for s in converter_syllables(han)]
    words, at = [], 0
    for size in word_sizes(han):
        words.append(_join(syllables[at:at + size]))
        at += size
    if len(han) == 4 and len(words) == 1 and _is_idiom(han):
        return _join(syllables[:2]) + "-" + _join(syllables[2:])
    return " ".join(words)


def _join(syllables: list[str]) -> str:
    out = ""
    for i, marked in enumerate(syllables):
        out += ("'" if i and marked.startswith(_VOWEL_START) else "") + marked
    return out


def word_sizes(han: str) -> list[int]:
    """How a term splits into written words: CC-CEDICT words of two to four characters
    (fewest pieces), a lone prefix or suffix joined to its word, other lone characters
    joined together; terms of up to three characters, and dictionary words of four,
    stay whole."""
    if len(han) <= 3:
        return [len(han)] if han else []
    best: list[tuple[int, int, list[int]] | None] = [None] * (len(han) + 1)
    best[len(han)] = (0, 0, [])
    for i in range(len(han) - 1, -1, -1):
        for size in (4, 3, 2, 1):
            j = i + size
            if j > len(han) or best[j] is None or (size > 1 and not cedict.lookup(han[i:j])):
                continue
            if size == 4 and not _is_idiom(han[i:j]) and cedict.lookup(han[i:i + 2]) and cedict.lookup(han[i + 2:j]):
                continue  # a compound of two words is written as two words
            pieces, singles, sizes = best[j]  # type: ignore[misc]
            cost = (pieces + 1, singles + (size == 1), [size] + sizes)
            if best[i] is None or cost[:2] < best[i][:2]:  # type: ignore[index]
                best[i] = cost
    pieces, at = [], 0
    for size in best[0][2]:  # type: ignore[index]
        pieces.append(han[at:at + size])
        at += size
    return [len(word) for word in _attach_affixes(pieces)]


_SUFFIXES = set("性化者论观权区队舰艇机员部家式型级派")
_PREFIXES = set("反非超准")


def _attach_affixes(pieces: list[str]) -> list[str]:
    """A lone suffix joins the word before it (杀伤性), a lone prefix the word after it
    (反介入); other lone characters next to each other form one word (东扩)."""
    out: list[str] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        if len(piece) == 1 and piece in _PREFIXES and i + 1 < len(pieces) and len(pieces[i + 1]) > 1:
            out.append(piece + pieces[i + 1])
            i += 2
            continue
        if len(piece) == 1 and out and (piece in _SUFFIXES and len(out[-1]) > 1 or _lone(out[-1])):
            out[-1] += piece
        else:
            out.append(piece)
        i += 1
    return out


def _lone(word: str) -> bool:
    return len(word) == 1 or not cedict.lookup(word)


def _is_idiom(han: str) -> bool:
    return any("(idiom)" in gloss for entry in cedict.lookup(han) for gloss in entry.glosses)


def _to_numbered(syllable: str) -> str:
    if re.fullmatch(r"[a-zü:]+[1-5]", syllable.lower()):
        return syllable.lower().replace("u:", "ü").replace("v", "ü")
    return pinyin_syllables(syllable)[0]


# ── add ─────────────────────────────────────────────────────────────────────────


def add_entry(
    path: str | os.PathLike,
    hanzi: str,
    english: list[str],
    category: str,
    pinyin: str | None = None,
    known: Collection[str] = (),
) -> GlossaryEntry:
    """Add a term to the glossary file at ``path``, changing nothing else in it.

    The entry goes after the last entry of ``category`` (or, for a category not yet
    used, at the end under a new header comment). Refuses a term already present,
    also in its other script, and a glossary that does not pass its check.
    ``known``: headwords of another glossary the file's references may name.
    """
    path = Path(path)
    glossary = load_glossary(path, known=known)
    hanzi = hanzi.strip()
    english = [e.strip() for e in english if e and e.strip()]
    if not hanzi or han_count(hanzi) == 0:
        raise InputError(f"not a Chinese term: {hanzi!r}")
    if not english:
        raise InputError("give the term's English rendering (--english)")
    if category not in CATEGORIES:
        raise InputError(f"unknown category {category!r}; use one of {', '.join(CATEGORIES)}")
    for form in (hanzi, to_simplified(hanzi), to_traditional(hanzi)):
        existing = glossary.get(form)
        if existing is not None:
            raise InputError(f"{hanzi} is already in the glossary ({existing.hanzi} {existing.pinyin})", path, existing.line)
    if not pinyin:
        pinyin = suggest_pinyin(hanzi)

    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.replace("\r\n", "\n").split("\n")
    at, block = _insertion(lines, glossary, category, hanzi, english, pinyin)
    new_lines = lines[:at] + block + lines[at:]
    new_text = newline.join(new_lines)
    new_glossary, problems = check_text(new_text.replace("\r\n", "\n"), os.fspath(path), known)
    if problems:
        raise problems[0]
    entry = new_glossary.get(hanzi)
    if entry is None:  # pragma: no cover - the loader would have said why
        raise InputError(f"could not add {hanzi}", path)
    write_atomic(path, (b"\xef\xbb\xbf" if bom else b"") + new_text.encode("utf-8"))
    return entry


def _insertion(lines: list[str], glossary: Glossary, category: str, hanzi: str,
               english: list[str], pinyin: str) -> tuple[int, list[str]]:
    """Where to insert (a 0-based line index) and the lines to insert there."""
    items = _item_lines(lines)
    dash, pad, spaced = _layout(lines, items)
    entry = _render(hanzi, pinyin, english, category, dash, pad)
    in_category = [e for e in glossary.entries if e.category == category]
    if not glossary.entries:
        key = next(i for i, line in enumerate(lines) if re.match(r"terms\s*:", line))
        lines[key] = "terms:"
        end = len(lines)
        while end > key + 1 and not lines[end - 1].strip():
            end -= 1
        return end, ["", _header(category, dash), ""] + entry
    if in_category:
        last = in_category[-1].line - 1
        end = _entry_end(lines, last, items, dash)
        return end, ([""] if spaced else []) + entry
    # A new section goes where its category comes in CATEGORIES' order.
    order = list(CATEGORIES)
    later = [i for i, e in enumerate(glossary.entries)
             if e.category in CATEGORIES and order.index(e.category) > order.index(category)]
    section = ["", _header(category, dash), ""] + entry
    if not later:
        return _entry_end(lines, items[-1], items, dash), section
    if later[0] == 0:
        key = next(i for i, line in enumerate(lines) if re.match(r"terms\s*:", line))
        return key + 1, section
    return _entry_end(lines, glossary.entries[later[0] - 1].line - 1, items, dash), section


def _item_lines(lines: list[str]) -> list[int]:
    """0-based line numbers where the entries of ``terms:`` start."""
    root = YAML(typ="rt").compose(StringIO("\n".join(lines)))
    if not isinstance(root, MappingNode):
        return []
    for key, value in root.value:
        if key.value == "terms" and isinstance(value, SequenceNode):
            return [item.start_mark.line for item in value.value]
    return []


def _layout(lines: list[str], items: list[int]) -> tuple[int, int, bool]:
    """The file's style: column of '- ', offset of the fields, blank line between entries."""
    if not items:
        return 2, 2, True
    first = lines[items[0]]
    dash = len(first) - len(first.lstrip(" "))
    after = first[dash + 1:]
    pad = 1 + len(after) - len(after.lstrip(" "))
    spaced = len(items) < 2 or not lines[items[1] - 1].strip()
    return dash, pad, spaced


def _entry_end(lines: list[str], start: int, items: list[int], dash: int) -> int:
    """The index just after the entry starting at ``start``, keeping its own comments."""
    later = [i for i in items if i > start]
    end = later[0] if later else len(lines)
    while end > start + 1:
        line = lines[end - 1]
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" "))
        if not stripped or (stripped.startswith("#") and indent <= dash):
            end -= 1
            continue
        break
    return end


def _header(category: str, dash: int) -> str:
    title = CATEGORIES[category].split(" (")[0]
    return " " * dash + f"# ── {category}: {title} " + "─" * max(4, 70 - len(category) - len(title))


def _render(hanzi: str, pinyin: str, english: list[str], category: str, dash: int, pad: int) -> list[str]:
    """The new entry's lines, values quoted by ruamel.yaml as needed."""
    data = CommentedMap()
    data["hanzi"] = hanzi
    data["pinyin"] = pinyin
    if len(english) == 1:
        data["english"] = english[0]
    else:
        seq = CommentedSeq(english)
        seq.fa.set_flow_style()
        data["english"] = seq
    data["category"] = category
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.allow_unicode = True
    out = StringIO()
    yaml.dump(data, out)
    fields = out.getvalue().rstrip("\n").split("\n")
    return [" " * dash + "-" + " " * (pad - 1) + fields[0]] + [" " * (dash + pad) + f for f in fields[1:]]


# ── search ──────────────────────────────────────────────────────────────────────


def search(glossary: Glossary, query: str) -> list[GlossaryEntry]:
    """Entries matching ``query``: hanzi (either script), pinyin with or without tones
    (``beiyue``, ``Běiyuē``, ``bei3 yue1``) or English words; best matches first."""
    query = query.strip()
    if not query:
        return list(glossary.entries)
    ranked: dict[str, tuple[int, int]] = {}

    def hit(entry: GlossaryEntry, rank: int) -> None:
        best = ranked.get(entry.hanzi)
        if best is None or rank < best[0]:
            ranked[entry.hanzi] = (rank, entry.line)

    if han_count(query):
        simple = to_simplified(query)
        for e in glossary.entries:
            if query in (e.hanzi, e.traditional) or simple == e.hanzi:
                hit(e, 0)
            elif query in e.hanzi or query in e.traditional or simple in e.hanzi:
                hit(e, 1)
    else:
        wanted = _query_syllables(query)
        if wanted:
            for e in glossary.entries:
                rank = _syllable_match(wanted, pinyin_syllables(e.pinyin))
                if rank is not None:
                    hit(e, 2 + rank)
        words = re.findall(r"[\w'’-]+", query.lower())
        if words:
            patterns = [re.compile(r"(?<![\w])" + re.escape(w), re.I) for w in words]
            for e in glossary.entries:
                for gloss in e.english:
                    if all(p.search(gloss) for p in patterns):
                        hit(e, 4 if gloss.lower() == query.lower() else 5)
    by_hanzi = {e.hanzi: e for e in glossary.entries}
    return [by_hanzi[h] for h, _ in sorted(ranked.items(), key=lambda kv: kv[1])]


def _query_syllables(query: str) -> tuple[str, ...]:
    """The query read as pinyin (numbered syllables; 5 = any tone), or () when it is not."""
    text = query.lower().replace("u:", "ü").replace("v", "ü")
    text = re.sub(r"([ln])u(?=e)", r"\1ü", text)  # lüe, nüe typed as lue, nue
    if re.search(r"\d", text):
        if not re.fullmatch(r"(?:\s*[a-zü]+[1-5]?\s*)+", text):
            return ()
        text = " ".join(numbered_to_marked(s) for s in re.findall(r"[a-zü]+[1-5]?", text))
    try:
        return pinyin_syllables(text)
    except ValueError:
        return ()


def _syllable_match(wanted: tuple[str, ...], have: tuple[str, ...]) -> int | None:
    """0 for the whole reading, 1 for a run of its syllables, None for no match.

    A query syllable without a tone matches any tone.
    """
    n = len(wanted)
    for start in range(len(have) - n + 1):
        if all(_same(w, h) for w, h in zip(wanted, have[start:start + n])):
            return 0 if n == len(have) else 1
    return None


def _same(wanted: str, have: str) -> bool:
    """Syllables match; a toneless query matches any tone, and u in a query matches ü."""
    if "ü" not in wanted:
        have = have.replace("ü", "u")
    if wanted.endswith("5"):
        return wanted[:-1] == have[:-1]
    return wanted == have
