"""``flashcards build``: articles in, Anki packages (and their manifests) out."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from flashcards import pipeline
from flashcards.model import AnalysedArticle, Article


def build_packages(
    articles: Sequence[Article],
    glossary,
    out_dir: Path,
    *,
    name: str = "flashcards",
    per_article: bool = False,
    options: pipeline.Options = pipeline.Options(),
) -> Iterator:
    """Analyse every article once, then write one package (or one per article).

    Yields each package's :class:`flashcards.package.BuildReport` as it is written.
    """
    from flashcards.package import write_package

    reader = pipeline.analyser(glossary)
    analysed = [pipeline.analyse_article(a, reader) for a in articles]
    groups: list[tuple[str, list[AnalysedArticle]]]
    if per_article:
        groups = [(a.article.slug, [a]) for a in analysed]
    else:
        groups = [(name, analysed)]
    for package_name, group in groups:
        vocab = pipeline.vocabulary(group, glossary, options)
        yield write_package(group, vocab, Path(out_dir) / f"{package_name}.apkg")
