"""Human-readable terminal output (rich), for the commands whose output is a table."""

from __future__ import annotations

from collections.abc import Sequence

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
