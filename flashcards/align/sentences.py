"""Sentence splitting: English with pysbd, Chinese by rule, Chinese clauses on ；.

The splitters never lose a character: joining the pieces gives back the input,
apart from whitespace between sentences.
"""

from __future__ import annotations

import functools
import re

# Closing marks that stay with the sentence they close.
_CLOSERS = "”’\"'」』）)】》〉]"
# A sentence ends after 。！？ (full or half width), an ellipsis, or a full stop
# written as an ASCII dot right after a Han character (not in "1.5%" or "U.S.").
_ZH_END = re.compile(
    r"(?:[。！？!?]+|…+(?=[" + re.escape(_CLOSERS) + r"]|\s|$|[。！？!?])|(?<=[\u3400-\u9fff])\.(?![0-9]))"
    r"[。！？!?…]*[" + re.escape(_CLOSERS) + r"]*"
)
_ZH_CLAUSE = re.compile(r"[；;][" + re.escape(_CLOSERS) + r"]*")
_LINE_BREAK = re.compile(r"\s*\n\s*")


@functools.cache
def _segmenter():
    import pysbd  # lazily: only the English side needs it

    return pysbd.Segmenter(language="en", clean=False)


def _squash(text: str) -> str:
    return "".join(text.split())


def _cut(text: str, pattern: re.Pattern[str]) -> list[str]:
    """Cut ``text`` after every match of ``pattern``; strip pieces, drop empty ones."""
    pieces: list[str] = []
    start = 0
    for m in pattern.finditer(text):
        if m.end() > start:
            pieces.append(text[start:m.end()])
            start = m.end()
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]


@functools.lru_cache(maxsize=4096)
def _split_en_line(line: str) -> tuple[str, ...]:
    """English sentences of one non-empty line. pysbd is slow and a corpus repeats
    lines (boilerplate, quoted passages, the same article built again), so the last
    few thousand lines are remembered."""
    segmenter = _segmenter()
    # pysbd's processor finds the sentences; its segment() would then look each one up
    # in the line again through a regular expression compiled for it (most of its time
    # on a corpus), only to hand back the same text. Here a plain in-order search checks
    # what that look-up checks; where it fails, pysbd's own segment() decides.
    pieces = [p.strip() for p in segmenter.processor(line).process() if p.strip()]
    if not _in_order(pieces, line):
        pieces = [p.strip() for p in segmenter.segment(line) if p.strip()]
    if _squash("".join(pieces)) != _squash(line):
        return (line,)  # never trade a character for a sentence boundary
    return tuple(pieces)


def _in_order(pieces: list[str], line: str) -> bool:
    """Whether every piece occurs in ``line``, each after the one before."""
    pos = 0
    for piece in pieces:
        at = line.find(piece, pos)
        if at < 0:
            return False
        pos = at + len(piece)
    return True


# A closing mark that opens a piece: a curly/CJK closer, or a straight quote before a space.
_LEADING_CLOSER = re.compile(r"(?:[”’」』）)】》〉\]]+|[\"']+(?=\s))\s*")


def _attach_strays(pieces: list[str], space: str) -> list[str]:
    """Punctuation cut off from the sentence it belongs to goes back to it.

    A closing quote opening a piece (pysbd cuts ``punished. " The court`` after the
    stop) joins the sentence before it. A piece of punctuation only (a 。 after ”, a
    quote on a line of its own) is no sentence: it joins the sentence before it, or, at
    the start, the one after. ``space`` goes between, except before a closing mark."""
    out: list[str] = []
    for piece in pieces:
        closer = _LEADING_CLOSER.match(piece) if out else None
        if closer and any(c.isalnum() for c in out[-1]):
            out[-1] += closer.group().strip()
            piece = piece[closer.end():]
        if not piece:
            continue
        if out and not any(c.isalnum() for c in piece):
            out[-1] += ("" if piece[0] in _CLOSERS else space) + piece
        elif out and not any(c.isalnum() for c in out[-1]):
            out[-1] += piece
        else:
            out.append(piece)
    return out


def split_en(text: str) -> list[str]:
    """English sentences of ``text`` (a paragraph), minding abbreviations and quotes."""
    out: list[str] = []
    for line in _LINE_BREAK.split(text.strip()):
        if line:
            out.extend(_split_en_line(line))
    return _attach_strays(out, " ")


def split_zh(text: str) -> list[str]:
    """Chinese sentences of ``text``: cut after 。！？… keeping closing quotes/brackets."""
    out: list[str] = []
    for line in _LINE_BREAK.split(text.strip()):
        out.extend(_cut(line, _ZH_END))
    return _attach_strays(out, "")


def split_zh_clauses(sentence: str) -> list[str]:
    """Clauses of one Chinese sentence, cut after ；/; (the mark stays with its clause)."""
    return _cut(sentence, _ZH_CLAUSE)
