"""Human-readable terminal output (rich), for the commands whose output is a table."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator, Sequence

from flashcards.model import AnalysedSentence


def sentence_table(sentences: Sequence[AnalysedSentence]) -> None:
    """Print aligned sentence pairs as a table: Chinese with its pinyin, then English."""
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=True, expand=True)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("中文 / pinyin", ratio=1)
    table.add_column("English", ratio=1)
    for i, s in enumerate(sentences, 1):
        table.add_row(str(i), f"{s.pair.zh}\n[dim]{s.pinyin}[/dim]", s.pair.en)
    Console().print(table)


# More articles than this get a progress bar (on a terminal only).
PROGRESS_FROM = 5


@contextlib.contextmanager
def article_progress(total: int) -> Iterator:
    """A progress bar on stderr for long builds; yields ``advance(n)`` or ``None``."""
    if total <= PROGRESS_FROM or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("articles", total=total)
        yield lambda n: bar.advance(task, n)


@contextlib.contextmanager
def indexing_progress(total: int, built: int = 0) -> Iterator:
    """One line on stderr (a terminal only) while this run waits for the dictionaries
    to be indexed, which happens once: ``built`` of ``total`` tables so far. Yields
    ``done(name)`` for each table built meanwhile, or ``None``."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    text = TextColumn("indexing the dictionaries (once; later runs skip this)")
    with Progress(text, BarColumn(bar_width=20), MofNCompleteColumn(), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("tables", total=total, completed=built)
        yield lambda name: bar.advance(task, 1)
