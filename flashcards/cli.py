"""The command line: parses arguments, calls the pipeline, prints, sets exit codes.

Exit codes: 0 success, 1 bad input (one line on stderr), 2 usage error,
3 internal error (a bug: rerun with --debug for the traceback), 130 interrupted.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from pathlib import Path

import click

from flashcards import pipeline
from flashcards.errors import InputError

_FILE = click.Path(path_type=Path)


class _ArticleArg(click.ParamType):
    """An article file or folder (a Path), or a link (http:// or https://, kept as text)."""

    name = "article"

    def convert(self, value, param, ctx):
        from flashcards.ingest.fetch import is_url

        return value if is_url(value) or isinstance(value, Path) else Path(value)


_ARTICLE = _ArticleArg()
_GLOSSARY_HELP = "Your personal glossary, over the shipped one [default: ./glossary.yaml, else the one in your config folder]."
GC_THRESHOLDS = (100_000, 20, 20)
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


class _State:
    debug = False


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="flashcards")
@click.option("--debug", is_flag=True, help="Show the full traceback when something fails.")
def cli(debug: bool) -> None:
    """Anki decks and vocabulary lists from bilingual English/Chinese articles."""
    _State.debug = debug


def _separate_options(func):
    """``--en``/``--zh`` (files or links) and ``--refresh``, which every command that reads articles takes."""

    def refresh(ctx, param, value):
        if value:
            from flashcards.ingest import fetch

            fetch.configure(refresh=True)

    func = click.option(
        "--refresh", is_flag=True, expose_value=False, callback=refresh,
        help="Fetch linked articles again instead of reading the pages kept from before.",
    )(func)
    func = click.option("--zh", "zh_file", type=_ARTICLE, help="The Chinese version (file or link), when the article comes as two.")(func)
    return click.option("--en", "en_file", type=_ARTICLE, help="The English version (file or link), when the article comes as two.")(func)


def _cache_options(func):
    """``--no-cache`` and ``--cache-dir``: applied as soon as they are parsed."""

    def no_cache(ctx, param, value):
        if value:
            from flashcards.store import cache

            cache.configure(enabled=False)

    def cache_dir(ctx, param, value):
        if value is not None:
            from flashcards.store import cache

            cache.configure(directory=value)

    func = click.option(
        "--cache-dir", type=_FILE, expose_value=False, callback=cache_dir,
        help="Cache folder [default: the user cache folder, or $FLASHCARDS_CACHE_DIR].",
    )(func)
    return click.option(
        "--no-cache", is_flag=True, expose_value=False, callback=no_cache,
        help="Analyse everything afresh; read and write no cache.",
    )(func)


def _term_options(func):
    """Which article terms become vocabulary: shared by ``build`` and ``vocab``."""
    options = [
        click.option("--top", type=click.IntRange(min=1), help="At most N article terms per article."),
        click.option(
            "--known", "known_file", type=_FILE,
            help="Skip words listed in FILE (a word list, or a CSV/TSV export of Anki or Pleco).",
        ),
        click.option("--names/--no-names", default=True, show_default=True, help="Include proper names (people, places, organisations)."),
        click.option(
            "--max-zipf", type=click.FloatRange(0, 8),
            help="Only article words rarer than this Zipf frequency; lower keeps rarer words only [default: 5; 5.5 for advanced HSK 5-6 words].",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _known(path: Path | None) -> frozenset[str]:
    if path is None:
        return frozenset()
    from flashcards.terms.known_words import read_known_words

    return frozenset(read_known_words(path))


def _inputs(articles, en_file, zh_file, *, default_folder: bool):
    """Articles named on the command line (folders expanded) plus an --en/--zh pair."""
    return _read(_paths(articles, en_file, zh_file, default_folder=default_folder), en_file, zh_file)


def _paths(articles, en_file, zh_file, *, default_folder: bool) -> list[Path]:
    """The article files named on the command line, folders expanded; with none (and
    no --en/--zh pair), every article under articles/ where ``default_folder``."""
    paths = list(articles)
    if not paths and en_file is None and zh_file is None and default_folder:
        return pipeline.article_paths([])
    return pipeline.article_paths(paths) if paths else []


def _read(paths: list[Path], en_file, zh_file):
    """The articles at ``paths`` plus an --en/--zh pair, with a note for each that has
    no English."""
    return list(_each(paths, en_file, zh_file))


def _each(paths: list[Path], en_file, zh_file):
    """:func:`_read`, one article at a time, each read when it is asked for."""
    for path, article in zip([*paths, en_file], pipeline.each_article(paths, en_file, zh_file)):
        if not pipeline.has_english(article):
            click.echo(f"flashcards: note: {path}: no English translation found; vocabulary only, no sentence pairs", err=True)
        yield article


def _echo(text: str) -> None:
    click.echo(text, nl=not text.endswith("\n"))


# ── build ────────────────────────────────────────────────────────────────────


@cli.command()
@click.argument("articles", nargs=-1, type=_ARTICLE)
@_separate_options
@click.option("--glossary", "glossary_path", type=_FILE, help=_GLOSSARY_HELP)
@click.option("--out", "out_dir", type=_FILE, default=Path("decks"), show_default=True, help="Folder for the packages.")
@click.option("--name", default="flashcards", show_default=True, help="Package name when articles go into one package.")
@click.option("--per-article", is_flag=True, help="One package per article instead of one for all.")
@click.option("--no-speech", is_flag=True, help="Cards without Anki's text-to-speech tags (silent cards).")
@_term_options
@_cache_options
def build(articles, en_file, zh_file, glossary_path, out_dir, name, per_article, no_speech, top, known_file, names, max_zipf):
    """Build Anki packages from ARTICLE files, folders or links (default: every article under articles/)."""
    from flashcards.build import build_packages
    from flashcards.store.parallel import warm_process
    from flashcards.terminal import article_progress

    if not name.strip() or Path(name).name != name or name in (".", ".."):
        raise click.BadParameter("a file name without folders, e.g. --name china-news", param_hint="--name")
    pipeline.start_indexing()
    paths = _paths(articles, en_file, zh_file, default_folder=True)
    pipeline.check_pair(en_file, zh_file)  # before a process is started for the articles
    count = len(paths) + (en_file is not None)
    # many articles: a process loads the libraries while this one reads the glossary,
    # then analyses each article as soon as this one has read it
    with warm_process(count, pipeline.preload) as warm:
        layers = pipeline.load_glossaries(glossary_path)
        glossary = layers.glossary
        options = pipeline.Options(top=top, names=names, known=_known(known_file), max_zipf=max_zipf)
        with article_progress(count) as progress:
            reports = build_packages(
                _each(paths, en_file, zh_file), glossary, out_dir, name=name, per_article=per_article,
                options=options, progress=progress, warm=warm, speech=not no_speech,
            )
    click.echo(layers.summary())
    for report in reports:
        click.echo(f"wrote {report.path}")
        click.echo(
            f"  notes: {len(report.added)} added, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, {len(report.dropped)} dropped"
        )
        if report.notetypes_updated:
            click.echo(f"  card templates updated: {', '.join(report.notetypes_updated)} (import to restyle every card)")
        if report.dropped:
            click.echo(f"  dropped notes stay in your Anki collection; find them in Anki's browser with: {report.dropped_search}")


# ── sentences ────────────────────────────────────────────────────────────────


@cli.command()
@click.argument("article", required=False, type=_ARTICLE)
@_separate_options
@click.option("--glossary", "glossary_path", type=_FILE, help=_GLOSSARY_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "tsv"]), default="table", show_default=True)
def sentences(article, en_file, zh_file, glossary_path, fmt):
    """The aligned sentence pairs of ARTICLE (a file or a link), with pinyin."""
    if article is None and en_file is None:
        raise click.UsageError("name an ARTICLE, or give --en and --zh")
    pipeline.start_indexing()
    glossary = pipeline.load_glossary(glossary_path)
    inputs = _inputs([article] if article else [], en_file, zh_file, default_folder=False)
    items = [
        s for analysed in pipeline.analyse_articles(inputs, glossary) for s in analysed.sentences if s.pair.en.strip()
    ]  # sentence pairs only: a Chinese-only article's sentences give vocabulary, not pairs
    if fmt == "json":
        rows = [{"en": s.pair.en, "zh": s.pair.zh, "pinyin": s.pinyin, "paragraph": s.pair.paragraph} for s in items]
        _echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "tsv":
        click.echo("zh\ten\tpinyin")
        for s in items:
            click.echo("\t".join(_tsv_cell(x) for x in (s.pair.zh, s.pair.en, s.pinyin)))
    else:
        from flashcards.terminal import sentence_table

        sentence_table(items)


def _tsv_cell(text: str) -> str:
    return " ".join(text.split())


# ── align ────────────────────────────────────────────────────────────────────


@cli.command()
@click.option("--zh", "zh_file", type=_FILE, required=True, help="Chinese sentences, one per line.")
@click.option("--en", "en_file", type=_FILE, required=True, help="English sentences, one per line.")
def align(zh_file, en_file):
    """Align two files of one sentence per line; print beads like [3]:[3,4]."""
    from flashcards.align.beads import align as align_lines
    from flashcards.align.beads import format_bead
    from flashcards.ingest.article import read_text

    beads = align_lines(read_text(zh_file).splitlines(), read_text(en_file).splitlines())
    _echo("".join(format_bead(b) + "\n" for b in beads))


# ── pinyin ───────────────────────────────────────────────────────────────────


def _stdin_lines() -> list[str]:
    """Lines of standard input, its encoding detected as a file's is (UTF-8, UTF-16, GBK ...)."""
    raw = getattr(sys.stdin, "buffer", None)
    if raw is None:  # already text
        return [line.rstrip("\r\n") for line in sys.stdin]
    from flashcards.ingest.textnorm import decode

    data = raw.read()
    lines = decode(data, "<stdin>").replace("\r\n", "\n").split("\n") if data else []
    return lines[:-1] if lines and lines[-1] == "" else lines


@cli.command()
@click.argument("texts", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["text", "numbers", "json"]), default="text", show_default=True)
@click.option("--glossary", "glossary_path", type=_FILE, help=_GLOSSARY_HELP)
def pinyin(texts, fmt, glossary_path):
    """Pinyin in context for each TEXT (or each line of standard input)."""
    from flashcards.reading.style import to_numbers

    pipeline.start_indexing()
    lines = list(texts) if texts else _stdin_lines()
    reader = pipeline.analyser(pipeline.load_glossary(glossary_path))
    for text, tokens in zip(lines, reader.read(lines)):
        if fmt == "json":
            obj = {"text": text, "tokens": [{"text": t.text, "pinyin": list(t.pinyin)} for t in tokens]}
            click.echo(json.dumps(obj, ensure_ascii=False))
            continue
        shown = []
        for t in tokens:
            if t.pinyin:
                shown.append(t.written if fmt == "text" else " ".join(to_numbers(s) for s in t.pinyin))
            elif t.text.strip():
                shown.append(t.text)
        click.echo(" ".join(shown))


# ── vocab ────────────────────────────────────────────────────────────────────


@cli.command()
@click.argument("articles", nargs=-1, type=_ARTICLE)
@_separate_options
@click.option("--glossary", "glossary_path", type=_FILE, help=_GLOSSARY_HELP)
@click.option(
    "--format", "fmt", default="table", show_default=True,
    type=click.Choice(["table", "markdown", "csv", "tsv", "pleco", "html", "json", "pdf"]),
)
@click.option("--output", "-o", type=_FILE, help="Write to FILE (atomically) instead of standard output.")
@click.option("--layout", type=click.Choice(["sheet", "quiz", "worksheet", "reader"]), default="sheet", show_default=True, help="Printed page (html, pdf): study sheet, fold-over quiz, handwriting worksheet, or reader with examples.")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True, help="Paper size (html, pdf).")
@click.option("--tone-colors/--no-tone-colors", default=True, show_default=True, help="Colour pinyin by tone (html, pdf); tone marks are always there.")
@click.option("--sort", "sort_key", type=click.Choice(["appearance", "frequency", "count", "pinyin", "hsk", "category"]), default="appearance", show_default=True)
@click.option("--category", "categories", multiple=True, help="Only this category (repeatable).")
@click.option("--source", "sources", multiple=True, type=click.Choice(["glossary", "article", "both"]), help="Only entries from this source (repeatable).")
@click.option("--hsk-min", type=click.IntRange(1, 9), help="Only words of at least this HSK level.")
@click.option("--hsk-max", type=click.IntRange(1, 9), help="Only words of at most this HSK level.")
@_term_options
@_cache_options
def vocab(articles, en_file, zh_file, glossary_path, fmt, output, layout, paper, tone_colors, sort_key, categories, sources, hsk_min, hsk_max, top, known_file, names, max_zipf):
    """The vocabulary list of ARTICLE files or links (no ARTICLE: the whole glossary)."""
    import shutil

    from flashcards.lists.select import filter_entries, sort_entries
    from flashcards.lists.text import render

    if fmt == "pdf":
        from flashcards.lists.pdf import print_pdf, require_browser

        if output is None:
            raise click.UsageError("--format pdf writes a file: add --output FILE.pdf")
        browser = require_browser()  # before the articles are read
    page = {"layout": layout, "paper": paper, "tone_colors": tone_colors, "grouped": sort_key in ("appearance", "category")}
    pipeline.start_indexing()
    layers = pipeline.load_glossaries(glossary_path)
    glossary = layers.glossary
    inputs = _inputs(articles, en_file, zh_file, default_folder=False)
    options = pipeline.Options(top=top, names=names, known=_known(known_file), hsk_min=hsk_min, max_zipf=max_zipf)
    analysed = pipeline.analyse_articles(inputs, glossary, options=options)
    entries = pipeline.vocabulary(analysed, glossary, options)
    entries = filter_entries(entries, categories=categories, sources=sources, hsk_min=hsk_min, hsk_max=hsk_max)
    entries = sort_entries(entries, sort_key)
    metadata = [a.article.metadata for a in analysed]
    if output is not None:
        from flashcards.store.fileio import write_atomic

        if fmt == "pdf":
            data = print_pdf(render(entries, "html", metadata=metadata, **page), browser=browser, workdir=output.parent)
        else:
            data = render(entries, fmt, metadata=metadata, color=False, **page)
        write_atomic(output, data)
        click.echo(layers.summary(), err=True)
        click.echo(f"wrote {output} ({len(entries)} entries)", err=True)
        return
    color = fmt == "table" and sys.stdout.isatty()
    width = shutil.get_terminal_size((100, 24)).columns if color else None
    _echo(render(entries, fmt, metadata=metadata, color=color, width=width, **page))
    click.echo(layers.summary(), err=True)


# ── glossary ─────────────────────────────────────────────────────────────────


@cli.group()
def glossary():
    """Check, search and extend the glossary (yours, over the shipped one)."""


@glossary.command("check")
@click.option("--glossary", "glossary_path", type=_FILE, help=_GLOSSARY_HELP)
def glossary_check(glossary_path):
    """Validate the shipped glossary and yours: one line per problem, PATH:LINE: message."""
    from flashcards.glossary.layers import check_layers, entries_text

    checked, problems = check_layers(glossary_path)
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        sys.exit(1)
    for kind, path, loaded in checked:
        click.echo(f"{path}: ok ({kind}, {entries_text(len(loaded) + len(loaded.hidden))})")


@glossary.command("add")
@click.argument("hanzi")
@click.option("--english", "english", multiple=True, required=True, help="English rendering (repeat for alternatives).")
@click.option("--category", required=True, help="One of the glossary's categories.")
@click.option("--pinyin", "pinyin_text", help="Tone-marked pinyin [default: read by the converter].")
@click.option("--glossary", "glossary_path", type=_FILE, help="Your glossary file [default: ./glossary.yaml, else the one in your config folder, created when missing].")
def glossary_add(hanzi, english, category, pinyin_text, glossary_path):
    """Add HANZI to your personal glossary, keeping the file's comments and layout."""
    from flashcards.glossary.layers import add_personal

    added = add_personal(glossary_path, hanzi, list(english), category, pinyin=pinyin_text)
    entry = added.entry
    click.echo(f"added {entry.hanzi} {entry.pinyin} ({entry.category}) to {added.path}:{entry.line}"
               + (" (a new personal glossary)" if added.created else "")
               + (f"; it replaces the shipped {added.replaces.hanzi} {added.replaces.pinyin}" if added.replaces else ""))


@glossary.command("list")
@click.argument("query", required=False)
@click.option("--glossary", "glossary_path", type=_FILE, help=_GLOSSARY_HELP)
def glossary_list(query, glossary_path):
    """List the glossary, or the entries matching QUERY (hanzi, pinyin with or without tones, English).

    Each line: hanzi, pinyin, English, category and where the entry comes from
    (shipped; personal: yours, new; overridden: yours, in place of a shipped one).
    """
    from flashcards.glossary.edit import search

    layers = pipeline.load_glossaries(glossary_path)
    if layers.glossary is None:
        return
    entries = search(layers.glossary, query) if query else list(layers.glossary.entries)
    for e in entries:
        click.echo(f"{e.hanzi}\t{e.pinyin}\t{'; '.join(e.english)}\t{e.category}\t{layers.origin[e.hanzi]}")


# ── entry point ──────────────────────────────────────────────────────────────


def _index_tables_at_once() -> None:
    """The first run on a machine builds every dictionary table at once, over the cores,
    with a progress line on a terminal, rather than each as it is first asked for."""
    from flashcards.store import tables
    from flashcards.terminal import indexing_progress

    tables.when_missing(lambda table: pipeline.index_tables(table, progress=indexing_progress))


def main(argv: list[str] | None = None) -> None:
    """Console entry point: one line on stderr and a documented exit code on failure."""
    # A build allocates millions of objects that live as long as the process (tables'
    # answers, memos, analyses) and makes few reference cycles; at Python's default
    # thresholds the collector scans the survivors again and again (a seventh of a cold
    # build's time). Collected every 100,000 allocations instead, cycles are still freed.
    gc.set_threshold(*GC_THRESHOLDS)
    # The pinyin model's numpy products are small and many, and a corpus is spread over
    # processes of our own, one per core: BLAS threads would only spin beside them, on
    # the cores the other processes need (set before numpy is loaded; the user's own
    # setting stands).
    for name in BLAS_THREADS:
        os.environ.setdefault(name, "1")
    _index_tables_at_once()
    try:
        code = cli.main(args=argv, prog_name="flashcards", standalone_mode=False)
    except InputError as exc:
        if _State.debug:
            raise
        click.echo(f"flashcards: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("flashcards: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("flashcards: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # a bug: say so in one line, keep the traceback for --debug
        if _State.debug:
            raise
        click.echo(f"flashcards: internal error: {type(exc).__name__}: {exc} (rerun with --debug for the traceback)", err=True)
        sys.exit(3)
    # The heap is dropped whole when the process ends: a last full collection over its
    # millions of long-lived objects would only cost time (a tenth of a second at 200
    # articles), so they are moved out of the collector's sight first.
    gc.freeze()
    if isinstance(code, int) and code:
        sys.exit(code)
