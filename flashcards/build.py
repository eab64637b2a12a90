"""``flashcards build``: articles in, Anki packages (and their manifests) out."""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from flashcards import pipeline
from flashcards.errors import InputError
from flashcards.model import AnalysedArticle, Article

LOCK_WAIT_SECONDS = 60.0


@contextlib.contextmanager
def output_lock(out_dir: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold an exclusive lock on ``out_dir`` so two builds never write one package at once.

    A second build waits up to ``wait`` seconds for the first, then gives up with a
    clear error; the lock dies with its process, so a killed build never leaves it stuck.
    The lock is taken on the folder itself, so no lock file is left in it.
    """
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError("output path is a file, not a folder; give --out a folder", out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(out_dir, os.O_RDONLY)
    except OSError as exc:
        raise InputError(f"cannot write to the output folder: {exc.strerror or exc}; choose another --out folder", out_dir) from exc
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise InputError("another flashcards build is writing here; try again when it has finished", out_dir)
                time.sleep(0.1)
        _remove_stale_temps(out_dir)
        yield
    finally:
        os.close(fd)


def _remove_stale_temps(out_dir: Path) -> None:
    """Remove the temporary package and manifest files a killed build left behind
    (``.NAME.apkg.XXXX.tmp``); under the lock, no other build is writing them."""
    for tmp in out_dir.glob(".*.tmp"):
        if ".apkg." in tmp.name or ".manifest.json." in tmp.name:
            with contextlib.suppress(OSError):
                tmp.unlink()


def _named_apart(articles: Iterable[Article], out_dir: Path) -> Iterator[Article]:
    """The articles, as they come; once the last is read (before any analysis is waited
    for), an error if two share a name, as each would overwrite the other's package."""
    slugs = []
    for article in articles:
        slugs.append(article.slug)
        yield article
    twice = sorted({s for s in slugs if slugs.count(s) > 1})
    if twice:
        raise InputError(
            f"{slugs.count(twice[0])} articles named '{twice[0]}' would each overwrite this package; "
            "rename all but one, or leave out --per-article",
            out_dir / f"{twice[0]}.apkg",
        )


def build_packages(
    articles: Iterable[Article],
    glossary,
    out_dir: Path,
    *,
    name: str = "flashcards",
    per_article: bool = False,
    options: pipeline.Options = pipeline.Options(),
    progress=None,
    warm=None,
    speech: bool = True,
) -> list:
    """Analyse every article once (in the ``warm`` process of
    :func:`flashcards.store.parallel.warm_process`, when given, as ``articles`` are read),
    then write one package (or one per article); ``speech=False``: cards without tts tags.

    Returns each package's :class:`flashcards.anki.package.BuildReport`.
    """
    from flashcards.anki.package import write_package

    if per_article:
        articles = _named_apart(articles, Path(out_dir))
    analysed = pipeline.analyse_articles(articles, glossary, options=options, progress=progress, warm=warm)
    groups: list[tuple[str, list[AnalysedArticle]]]
    if per_article:
        groups = [(a.article.slug, [a]) for a in analysed]
    else:
        groups = [(name, analysed)]
    out_dir = Path(out_dir)
    with output_lock(out_dir):
        return [
            write_package(
                group, pipeline.vocabulary(group, glossary, options), out_dir / f"{package_name}.apkg", speech=speech
            )
            for package_name, group in groups
        ]
