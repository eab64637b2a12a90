"""Text-level helpers for ingest: decoding bytes, telling the languages apart and
tidying lines and Chinese punctuation (Han characters and the Simplified and
Traditional scripts are :mod:`flashcards.lexicon.script`'s).

Everything here works on one string (or one ``bytes``) at a time and knows nothing
about article layout.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata

from flashcards.errors import InputError
from flashcards.lexicon.script import HAN, han_count, has_han, to_simplified
from flashcards.lexicon.script import HAN_RANGES as _HAN_RANGES

__all__ = ["decode", "han_count", "has_han", "language", "latin_word_count", "lines_of", "normalise_zh_punctuation"]

# ---------------------------------------------------------------- characters

_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z]+)?")


def latin_word_count(text: str) -> int:
    return len(_LATIN_WORD.findall(text))


def language(text: str) -> str:
    """``"zh"``, ``"en"`` or ``""`` (neither: digits, symbols, nothing).

    Decided from the characters, not the position: a Han character weighs about as
    much as a Latin word, so a Chinese sentence quoting "NATO" stays Chinese and an
    English one quoting 强军 stays English.
    """
    han = han_count(text)
    words = latin_word_count(text)
    if han == 0 and words == 0:
        return ""
    return "zh" if han >= words else "en"


# ---------------------------------------------------------------- decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SIGNATURES = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or .apkg?)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3", "an SQLite database"),
)
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "cp936", "euc_cn"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
# Control characters that never occur in text (tab, newlines, form feed excepted).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


_PLAUSIBLE = re.compile(f"[{_HAN_RANGES}\u0020-\u007e\u00a0-\u02ff\u2000-\u206f\u3000-\u303f\uff00-\uffef\n\r\t]")


def _plausible_share(text: str) -> float:
    """The share of ``text`` in the scripts an article is written in."""
    return len(_PLAUSIBLE.findall(text)) / len(text) if text else 0.0


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: the byte order whose decoding is plausible text
    (Han, Latin, punctuation), if one is."""
    if len(data) < 4 or len(data) % 2:
        return None
    best, best_share = None, 0.9
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        share = _plausible_share(text)
        if share > best_share:
            best, best_share = text, share
    return best


def _codec_name(name: str) -> str | None:
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    return "gb18030" if name.replace("-", "_") in _GB_FAMILY else name


def decode(data: bytes, path: str | os.PathLike | None = None) -> str:
    """Text of ``data``, its encoding detected rather than assumed.

    Order: byte-order mark; strict UTF-8; UTF-16 without BOM when there are NUL
    bytes; a charset an HTML page declares; then charset-normalizer's guess, where
    encodings that can hold Chinese come first and any GB2312/GBK guess is read as
    GB18030 (their superset). Raises :class:`InputError` for binary or undecodable
    data.
    """
    for magic, what in _SIGNATURES:
        if data.startswith(magic):
            raise InputError(f"this is {what}, not a text or HTML article{_SAVE_AS_TEXT}", path)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data[len(bom):].decode(codec), path)
            except UnicodeDecodeError as exc:
                raise InputError(f"cannot decode the file as {codec} (its byte-order mark says so): {exc.reason}", path) from None
    try:
        return _check_text(data.decode("utf-8"), path)
    except UnicodeDecodeError as exc:
        _refuse_broken_utf8(data, exc.start, path)
    if b"\x00" in data:  # never in UTF-8 or the GB and Big5 encodings; common in UTF-16
        text = _utf16_without_bom(data)
        if text is None:
            raise InputError(f"binary data, not a text or HTML article{_SAVE_AS_TEXT}", path)
        return _check_text(text, path)
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        codec = _codec_name(declared.group(1).decode("ascii"))
        if codec:
            try:
                return _check_text(data.decode(codec), path)
            except UnicodeDecodeError:
                pass
    return _check_text(_guess(data, path), path)


def _common_han_share(text: str) -> float:
    """The share of Han characters that are common ones (their simplified form is in
    GB2312's first level, the 3,755 most used). Real Chinese scores high whatever its
    script; bytes decoded with the wrong Chinese codec score low."""
    han = HAN.findall(text)
    if not han:
        return 0.0
    simplified = to_simplified("".join(han))
    common = 0
    for char in simplified:
        try:
            encoded = char.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 0xB0 <= encoded[0] <= 0xD7
    return common / len(han)


_CHINESE_CODECS = ("gb18030", "big5hkscs")
_SAVE_AS_TEXT = "; save the article as plain text (.txt) or as a web page (.html)"


def _guess(data: bytes, path: str | os.PathLike | None) -> str:
    """Non-UTF text: GB18030 (which reads GB2312 and GBK) or Big5, whichever gives
    common Chinese characters; otherwise charset-normalizer's best guess."""
    readings = []
    for codec in _CHINESE_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _plausible_share(text) >= 0.9:
            readings.append((_common_han_share(text), han_count(text), text))
    if readings:
        score, _, text = max(readings, key=lambda reading: reading[:2])
        if score >= 0.5:
            return text
    from charset_normalizer import from_bytes  # lazily: only for text that is not Chinese

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        codec = _codec_name(best.encoding)
        try:
            return data.decode(codec) if codec else str(best)
        except (UnicodeDecodeError, LookupError):
            return str(best)
    text = _utf16_without_bom(data)  # all Chinese, so no NUL byte betrays it
    if text is not None:
        return text
    raise InputError("cannot tell the text encoding (not UTF-8, UTF-16, GB18030, Big5 or another known one)", path)


def _refuse_broken_utf8(data: bytes, first_bad: int, path: str | os.PathLike | None) -> None:
    """UTF-8 with a few corrupt bytes (a cut download, a bad paste) is not some other
    encoding: say where the first bad byte is rather than guess and show garbage."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ch > "\x7f") - bad
    if multibyte >= 20 * bad:
        line = data[:first_bad].count(b"\n") + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[first_bad]:02x} on this line, {bad} bad in all); "
            "fix or retype the damaged text, or save the article as UTF-8 again",
            path,
            line,
        )


def _check_text(text: str, path: str | os.PathLike | None) -> str:
    if text and len(_CONTROL.findall(text)) > max(2, len(text) // 200):
        raise InputError(f"binary data, not a text or HTML article{_SAVE_AS_TEXT}", path)
    return text


# ---------------------------------------------------------------- cleaning

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")


def clean_line(line: str) -> str:
    """One line tidied: NFC, invisible characters gone, runs of spaces single,
    ideographic spaces used for indentation removed, ends stripped."""
    line = unicodedata.normalize("NFC", line)
    line = _INVISIBLE.sub("", line)
    line = _CONTROL.sub("", line)
    line = line.strip(" \t\u3000\u00a0")
    return _SPACES.sub(" ", line).strip()


def lines_of(text: str) -> list[str]:
    """The lines of ``text`` (any newline convention), each cleaned."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return [clean_line(line) for line in text.split("\n")]


# ---------------------------------------------------------------- punctuation

_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_H = f"[{_HAN_RANGES}“”‘’《》「」『』、。，；：？！（）]"
# An ASCII mark with Chinese (or Chinese punctuation) on at least one side; spaces
# between the mark and the Chinese go with it.
_MARK_AFTER_HAN = re.compile(rf"(?<={_H}) ?([,;:?!]) ?")
_MARK_BEFORE_HAN = re.compile(rf" ?([,;:?!]) ?(?={_H})")
_PARENS = re.compile(r"\(([^()\n]*)\)")
_STOP_AFTER_HAN = re.compile(rf"(?<=[{_HAN_RANGES}])\.(?=\s|$|[“”\"」』）)])")


def _parens(m: re.Match[str]) -> str:
    text, start, end = m.string, m.start(), m.end()
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if has_han(m.group(1)) or re.match(_H, before or "x") or re.match(_H, after or "x"):
        return f"（{m.group(1).strip()}）"
    return m.group(0)


def normalise_zh_punctuation(text: str) -> str:
    """Chinese text with ASCII ``,;:?!()`` next to Han characters made full-width
    (``，；：？！（）``) and a full stop written ``.`` after a Han character made
    ``。``. Marks between digits or Latin words (``19:40``, ``1,000``, ``U.S.``) stay."""
    text = _PARENS.sub(_parens, text)
    text = _MARK_AFTER_HAN.sub(lambda m: _FULL[m.group(1)], text)
    text = _MARK_BEFORE_HAN.sub(lambda m: _FULL[m.group(1)], text)
    return _STOP_AFTER_HAN.sub("。", text)
