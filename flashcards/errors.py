"""The one error type for problems with the user's input.

Every stage raises :class:`InputError` for input it cannot use; the CLI turns it
into one line on stderr (``PATH:LINE: message``) and exit code 1. Anything else is
a bug and keeps its traceback (shown with ``--debug``).
"""

from __future__ import annotations

import os


class InputError(Exception):
    """A problem with what the user gave us: a file, a glossary, an option."""

    exit_code = 1

    def __init__(self, message: str, path: str | os.PathLike | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = os.fspath(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        return where + self.message
