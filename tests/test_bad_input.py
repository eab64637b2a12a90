"""Bad input never crashes, never corrupts, never loses a user's work.

A matrix of things users really feed the tool: each case asserts the exit code, the
one line on stderr (naming the file, and the line where there is one, and what to
do), that no traceback is printed, and that nothing is left behind: the output
folder of an earlier build is byte-identical and no temporary file remains. The
inputs that must *work* (other encodings, Chinese only, a huge article, stray
control characters) assert the useful output instead.

Interrupted and concurrent builds run the real entry point in subprocesses.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

EN = "The navy held a joint exercise on Monday. It lasted two days."
ZH = "海军周一举行了联合演习。演习持续了两天。"
EN2 = "The air force sent fighter jets to the drill."
ZH2 = "空军派出战斗机参加演习。"
SMALL_ARTICLE = f"{EN}\n\n{ZH}\n\n{EN2}\n\n{ZH2}\n"

GOOD_ENTRY = "  - hanzi: 海军\n    pinyin: hǎijūn\n    english: navy\n    category: forces\n"


# ── helpers ──────────────────────────────────────────────────────────────────


def snapshot(folder: Path) -> dict[str, bytes] | None:
    """Every file under ``folder`` with its bytes (None when the folder does not exist)."""
    if not folder.exists():
        return None
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp") or p.name.startswith("tmp")]


def assert_one_line_error(result, *, names: str, says: str, line: int | None = None, code: int = 1) -> str:
    """Exit ``code``, no traceback, exactly one stderr line naming ``names`` and matching ``says``."""
    assert result.code == code, (result.code, result.err)
    assert "Traceback" not in result.err + result.out
    lines = [x for x in result.err.splitlines() if x.strip()]
    assert len(lines) == 1, result.err
    message = lines[0]
    assert message.startswith("flashcards: "), message
    where = f"{names}:{line}: " if line is not None else f"{names}"
    assert where in message, (where, message)
    assert re.search(says, message), (says, message)
    return message


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def earlier_build(tmp_path_factory) -> Path:
    """An output folder holding the package and manifest of an earlier, good build."""
    from flashcards.cli import main

    folder = tmp_path_factory.mktemp("earlier") / "decks"
    article = write(folder.parent / "article.txt", SMALL_ARTICLE)
    try:
        main(["build", str(article), "--glossary", str(ROOT / "glossary.yaml"), "--out", str(folder)])
    except SystemExit as exc:
        assert exc.code in (0, None)
    assert (folder / "flashcards.apkg").is_file() and (folder / "flashcards.manifest.json").is_file()
    return folder


@pytest.fixture
def out(tmp_path, earlier_build) -> Path:
    """A copy of the earlier build's folder for this test to (fail to) overwrite."""
    folder = tmp_path / "decks"
    shutil.copytree(earlier_build, folder)
    return folder


def build_fails(run_cli, tmp_path, out, *args, names, says, line=None, code=1):
    """Run ``build ARGS --out OUT`` and check it fails cleanly, touching nothing."""
    before = snapshot(out)
    result = run_cli("build", *args, "--out", out)
    message = assert_one_line_error(result, names=names, says=says, line=line, code=code)
    assert snapshot(out) == before
    assert temp_files(tmp_path) == []
    return message


# ── the article file ─────────────────────────────────────────────────────────


def test_missing_file(run_cli, tmp_path, out, repo_glossary):
    path = tmp_path / "nothere.txt"
    build_fails(run_cli, tmp_path, out, path, "--glossary", repo_glossary, names=str(path), says=r"no such file; check")


def test_empty_folder_instead_of_file(run_cli, tmp_path, out, repo_glossary):
    folder = tmp_path / "articles"
    folder.mkdir()
    build_fails(run_cli, tmp_path, out, folder, "--glossary", repo_glossary, names=str(folder), says=r"folder holds no article files.*; put articles in it")


def test_directory_where_a_file_must_be(run_cli, tmp_path):
    folder = tmp_path / "zh"
    folder.mkdir()
    en = write(tmp_path / "en.txt", EN + "\n")
    result = run_cli("align", "--zh", folder, "--en", en)
    assert_one_line_error(result, names=str(folder), says=r"is a directory, not an article file; name a file")


def test_empty_file(run_cli, tmp_path, out, repo_glossary):
    path = write(tmp_path / "empty.txt", b"")
    build_fails(run_cli, tmp_path, out, path, "--glossary", repo_glossary, names=str(path), says=r"the file is empty; save")


def test_whitespace_only(run_cli, tmp_path, out, repo_glossary):
    path = write(tmp_path / "blank.txt", " \n\t\n\u3000\r\n  ")
    build_fails(run_cli, tmp_path, out, path, "--glossary", repo_glossary, names=str(path), says=r"the file is empty; save")


def test_binary_file(run_cli, tmp_path, out, repo_glossary):
    path = write(tmp_path / "article.txt", bytes(range(256)) * 40)
    build_fails(run_cli, tmp_path, out, path, "--glossary", repo_glossary, names=str(path), says=r"binary data, not a text or HTML article; save")


def test_pdf_named_txt(run_cli, tmp_path, out, repo_glossary):
    path = write(tmp_path / "article.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    build_fails(run_cli, tmp_path, out, path, "--glossary", repo_glossary, names=str(path), says=r"a PDF document, not a text or HTML article")


def test_invalid_utf8_names_the_line(run_cli, tmp_path, out, repo_glossary):
    """A UTF-8 article with a corrupt byte on line 3 (a broken download or a bad paste)."""
    data = SMALL_ARTICLE.encode("utf-8")
    cut = data.index(ZH.encode("utf-8")) + 3
    path = write(tmp_path / "broken.txt", data[:cut] + b"\xff" + data[cut:])
    build_fails(
        run_cli, tmp_path, out, path, "--glossary", repo_glossary,
        names=str(path), line=3, says=r"not valid UTF-8.*save the (file|article) as UTF-8",
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "gbk", "gb18030"])
def test_other_encodings_work(run_cli, tmp_path, repo_glossary, encoding):
    path = write(tmp_path / "article.txt", SMALL_ARTICLE.replace("\n", "\r\n").encode(encoding))
    result = run_cli("sentences", path, "--glossary", repo_glossary, "--format", "json")
    assert result.code == 0, result.err
    pairs = json.loads(result.out)
    assert "".join(p["zh"] for p in pairs) == ZH + ZH2
    assert " ".join(p["en"] for p in pairs) == f"{EN} {EN2}"


@pytest.mark.parametrize("name, data, says", [
    ("pairs.json", '{"zh": "海军", "en": "navy"}', r"holds JSON but no sentence pairs; an article in JSON is a list of pairs"),
    ("pairs.json", '[{"zh": "海军举行演习。"}]', r"holds JSON but no sentence pairs"),
    ("pairs.json", '[{"zh": "海军举行演习。", "en": ', r"is not valid JSON; an article in JSON is a list of sentence pairs"),
    # nested deeper than the parser goes (a property test found it as a .txt)
    ("pairs.json", "[ " * 5000, r"is not valid JSON"),
    ("pairs.txt", "[ " * 5000, r"no article text found"),
])
def test_json_that_is_no_list_of_sentence_pairs(run_cli, tmp_path, out, repo_glossary, name, data, says):
    path = write(tmp_path / name, data)
    build_fails(run_cli, tmp_path, out, path, "--glossary", repo_glossary, names=str(path), says=says)


def test_english_only(run_cli, tmp_path, out, repo_glossary):
    path = write(tmp_path / "english.txt", f"{EN}\n\n{EN2}\n")
    build_fails(run_cli, tmp_path, out, path, "--glossary", repo_glossary, names=str(path), says=r"no Chinese text found in english\.txt; give the article with its Chinese version")


def test_chinese_only_gives_vocabulary_without_sentence_pairs(run_cli, tmp_path, repo_glossary):
    path = write(tmp_path / "chinese.txt", f"{ZH}\n\n{ZH2}\n\n中国人民解放军火箭军举行了导弹发射训练。\n")
    result = run_cli("vocab", path, "--glossary", repo_glossary, "--format", "json")
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    words = {e["hanzi"] for e in json.loads(result.out)}
    assert {"海军", "演习", "空军"} <= words
    notes = [x for x in result.err.splitlines() if x.strip() and not x.startswith("glossaries: ")]
    assert len(notes) == 1 and str(path) in notes[0] and "no sentence pairs" in notes[0], result.err

    listed = run_cli("sentences", path, "--glossary", repo_glossary, "--format", "json")
    assert listed.code == 0 and json.loads(listed.out) == [] and "no sentence pairs" in listed.err

    deck = tmp_path / "decks"
    built = run_cli("build", path, "--glossary", repo_glossary, "--out", deck)
    assert built.code == 0, built.err
    assert "no sentence pairs" in built.err
    with zipfile.ZipFile(deck / "flashcards.apkg") as apkg:
        assert "collection.anki2" in apkg.namelist()
    notes_line = next(x for x in built.out.splitlines() if "notes:" in x)
    assert int(notes_line.split()[1]) >= 3  # at least the three words above, as vocabulary notes


def test_mismatched_paragraph_counts(run_cli, tmp_path, repo_glossary):
    """Three English paragraphs, two Chinese: one Chinese paragraph translates two English ones."""
    text = (
        "The navy held a drill on Monday.\n\nIt lasted two days.\n\nThe air force joined.\n\n"
        "海军周一举行了演习，演习持续两天。\n\n空军也参加了。\n"
    )
    path = write(tmp_path / "uneven.txt", text)
    result = run_cli("sentences", path, "--glossary", repo_glossary, "--format", "json")
    assert result.code == 0, result.err
    pairs = json.loads(result.out)
    assert [(p["zh"], p["en"]) for p in pairs] == [
        ("海军周一举行了演习，演习持续两天。", "The navy held a drill on Monday. It lasted two days."),
        ("空军也参加了。", "The air force joined."),
    ]


def test_html_page_without_article_body(run_cli, tmp_path, out, repo_glossary):
    page = (
        "<!DOCTYPE html><html><head><title>China Military Online</title></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/news'>News</a></nav>"
        "<footer>Copyright 2025. All rights reserved.</footer><script>var x = 1;</script></body></html>"
    )
    path = write(tmp_path / "page.html", page)
    build_fails(run_cli, tmp_path, out, path, "--glossary", repo_glossary, names=str(path), says=r"no (Chinese|article) text found in page\.html.*; (save|give) ")


def test_control_characters_and_zero_width_spaces(run_cli, tmp_path, sample_article, repo_glossary):
    """Stray control characters, zero-width spaces and BOMs pasted into an article are dropped."""
    clean = sample_article.read_text("utf-8")
    dirty = (
        clean.replace("Japan", "Ja\u200bpan", 3).replace("security", "secu\x07rity", 2)
        .replace("日本", "日\u200b本", 3).replace("合作", "\ufeff合\u200d作\x1b", 2).replace("欧洲", "欧\u2060洲", 1)
    )
    path = write(tmp_path / "dirty.txt", dirty)
    got = run_cli("sentences", path, "--glossary", repo_glossary, "--format", "json")
    want = run_cli("sentences", sample_article, "--glossary", repo_glossary, "--format", "json")
    assert got.code == 0 and "Traceback" not in got.err, got.err
    assert json.loads(got.out) == json.loads(want.out)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200d\u2060\ufeff]", got.out)


@pytest.mark.slow
def test_ten_megabyte_article_works_in_bounded_memory(tmp_path, sample_article, repo_glossary):
    """Peak memory of a 10 MB article stays within a fixed margin of a small one's."""
    sample = sample_article.read_text("utf-8")
    body = sample[sample.index("By ") :]  # the paragraph pairs, without title and metadata
    copies = 10_000_000 // len(body.encode("utf-8")) + 1
    big_path = write(tmp_path / "big.txt", sample + "\n\n" + "\n\n".join([body] * copies))
    assert big_path.stat().st_size >= 10_000_000
    small_path = write(tmp_path / "small.txt", SMALL_ARTICLE)
    driver = write(tmp_path / "peak.py", textwrap.dedent("""
        import resource, sys
        from flashcards.cli import main
        try:
            main(sys.argv[1:])
        except SystemExit as exc:
            code = exc.code or 0
        else:
            code = 0
        peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                   resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        print(f"PEAK {peak}", file=sys.stderr)
        sys.exit(code)
    """))

    def peak_kib(article: Path) -> int:
        done = subprocess.run(
            [sys.executable, str(driver), "build", str(article), "--glossary", str(repo_glossary),
             "--out", str(tmp_path / article.stem), "--no-cache"],
            capture_output=True, text=True, timeout=900, cwd=tmp_path,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert (tmp_path / article.stem / "flashcards.apkg").is_file()
        return int(re.search(r"PEAK (\d+)", done.stderr).group(1))

    small, large = peak_kib(small_path), peak_kib(big_path)
    print(f"peak RSS: small article {small // 1024} MiB, 10 MB article {large // 1024} MiB")
    assert large - small < 600 * 1024, f"10 MB article peaked at {large // 1024} MiB, a small one at {small // 1024} MiB"


# ── the glossary ─────────────────────────────────────────────────────────────


def glossary_file(tmp_path: Path, body: str | bytes) -> Path:
    data = body if isinstance(body, bytes) else ("terms:\n" + body).encode("utf-8")
    return write(tmp_path / "glossary.yaml", data)


@pytest.mark.parametrize(
    "body, line, says",
    [
        pytest.param(GOOD_ENTRY.replace("    english", "   english"), 4, r"YAML error", id="malformed-yaml"),
        pytest.param(GOOD_ENTRY + "    english: sea force\n", 6, r"duplicate key 'english' \(first at line 4\)", id="duplicate-key"),
        pytest.param(
            "  - &a {hanzi: 海军, pinyin: hǎijūn, english: navy, category: forces}\n" + "  - *a\n" * 50,
            2, r"YAML anchor '&a' is not allowed", id="alias-bomb",
        ),
        pytest.param("  - !!python/object/apply:os.system ['echo owned']\n", 2, r"YAML tag .* is not allowed; write plain text", id="arbitrary-tag"),
        pytest.param(GOOD_ENTRY.replace("hǎijūn", "hai3jun1"), 3, r"tone numbers are not allowed.*write tone marks", id="pinyin-tone-numbers"),
        pytest.param(GOOD_ENTRY.replace("hǎijūn", "hǎi"), 3, r"pinyin has 1 syllable for 2 characters", id="pinyin-too-short"),
        pytest.param(GOOD_ENTRY.replace("hǎijūn", "hǎijūnx"), 3, r"is not valid pinyin", id="pinyin-not-pinyin"),
        pytest.param(GOOD_ENTRY.replace("forces", "navy_stuff"), 5, r"unknown category 'navy_stuff'; use one of forces", id="unknown-category"),
        pytest.param(GOOD_ENTRY.replace("    category: forces\n", ""), 2, r"entry is missing 'category'", id="missing-field"),
    ],
)
def test_bad_glossary(run_cli, tmp_path, out, sample_article, body, line, says):
    path = glossary_file(tmp_path, body)
    build_fails(run_cli, tmp_path, out, sample_article, "--glossary", path, names=str(path), line=line, says=says)
    checked = run_cli("glossary", "check", "--glossary", path)
    assert checked.code == 1 and f"{path}:{line}: " in checked.err and "Traceback" not in checked.err


def test_alias_bomb_is_refused_fast(run_cli, tmp_path):
    """The classic billion-laughs document: refused in one pass, before any expansion."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    path = write(tmp_path / "glossary.yaml", "\n".join(lines) + "\nterms: *i\n")
    started = time.monotonic()
    result = run_cli("glossary", "check", "--glossary", path)
    assert time.monotonic() - started < 10
    assert result.code == 1 and "Traceback" not in result.err
    assert f"{path}:1: YAML anchor '&a' is not allowed" in result.err


def test_glossary_not_utf8(run_cli, tmp_path, out, sample_article):
    path = glossary_file(tmp_path, ("terms:\n" + GOOD_ENTRY.replace("navy", "navy (海军)")).encode("gbk"))
    build_fails(run_cli, tmp_path, out, sample_article, "--glossary", path, names=str(path), line=2, says=r"not UTF-8 text; save the glossary as UTF-8")


def test_glossary_missing(run_cli, tmp_path, out, sample_article):
    path = tmp_path / "glosary.yaml"
    build_fails(run_cli, tmp_path, out, sample_article, "--glossary", path, names=str(path), says=r"glossary not found")


def test_glossary_add_never_touches_a_broken_glossary(run_cli, tmp_path):
    path = glossary_file(tmp_path, GOOD_ENTRY.replace("    english", "   english"))
    before = path.read_bytes()
    result = run_cli("glossary", "add", "陆军", "--english", "army", "--category", "forces", "--glossary", path)
    assert_one_line_error(result, names=str(path), line=4, says=r"YAML error")
    assert path.read_bytes() == before
    assert temp_files(tmp_path) == []


def test_glossary_add_unknown_category_leaves_the_file_alone(run_cli, tmp_path):
    path = glossary_file(tmp_path, GOOD_ENTRY)
    before = path.read_bytes()
    result = run_cli("glossary", "add", "陆军", "--english", "army", "--category", "army", "--glossary", path)
    assert_one_line_error(result, names="", says=r"unknown category 'army'; use one of forces")
    assert path.read_bytes() == before
    assert temp_files(tmp_path) == []


# ── the output ───────────────────────────────────────────────────────────────


def test_missing_output_folder_is_created(run_cli, tmp_path, sample_article, repo_glossary):
    folder = tmp_path / "new" / "nested" / "decks"
    result = run_cli("build", sample_article, "--glossary", repo_glossary, "--out", folder)
    assert result.code == 0, result.err
    assert f"wrote {folder / 'flashcards.apkg'}" in result.out
    with zipfile.ZipFile(folder / "flashcards.apkg") as apkg:
        assert apkg.testzip() is None
    assert json.loads((folder / "flashcards.manifest.json").read_text("utf-8"))["notes"]
    assert temp_files(tmp_path) == []


def test_output_folder_under_a_file_is_not_writable(run_cli, tmp_path, sample_article, repo_glossary):
    blocker = write(tmp_path / "decks", "not a folder\n")
    folder = blocker / "sub"
    result = run_cli("build", sample_article, "--glossary", repo_glossary, "--out", folder)
    assert_one_line_error(result, names=str(folder), says=r"cannot write to the output folder: .*; choose another --out folder")
    assert blocker.read_text() == "not a folder\n"
    assert temp_files(tmp_path) == []


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write into read-only folders")
def test_read_only_output_folder(run_cli, tmp_path, out, sample_article, repo_glossary):
    os.chmod(out, 0o555)
    try:
        build_fails(run_cli, tmp_path, out, sample_article, "--glossary", repo_glossary, names=str(out), says=r"cannot write")
    finally:
        os.chmod(out, 0o755)


def test_output_path_is_a_file(run_cli, tmp_path, sample_article, repo_glossary):
    path = write(tmp_path / "decks.apkg", b"PK old package")
    result = run_cli("build", sample_article, "--glossary", repo_glossary, "--out", path)
    assert_one_line_error(result, names=str(path), says=r"output path is a file, not a folder; give --out a folder")
    assert path.read_bytes() == b"PK old package"


def test_package_path_is_a_directory(run_cli, tmp_path, sample_article, repo_glossary):
    folder = tmp_path / "decks"
    (folder / "flashcards.apkg").mkdir(parents=True)
    before = snapshot(folder)
    result = run_cli("build", sample_article, "--glossary", repo_glossary, "--out", folder)
    assert_one_line_error(result, names=str(folder / "flashcards.apkg"), says=r"is a directory, not a file; name a file")
    assert snapshot(folder) == before
    assert not (folder / "flashcards.manifest.json").exists()
    assert temp_files(tmp_path) == []


def test_vocab_output_is_a_directory(run_cli, tmp_path, sample_article, repo_glossary):
    folder = tmp_path / "lists"
    folder.mkdir()
    result = run_cli("vocab", sample_article, "--glossary", repo_glossary, "--format", "csv", "-o", folder)
    assert_one_line_error(result, names=str(folder), says=r"is a directory, not a file; name a file")
    assert list(folder.iterdir()) == []


def test_vocab_output_replaced_whole(run_cli, tmp_path, sample_article, repo_glossary):
    target = write(tmp_path / "list.csv", "old list\n")
    result = run_cli("vocab", sample_article, "--glossary", repo_glossary, "--format", "csv", "-o", target)
    assert result.code == 0, result.err
    assert target.read_text("utf-8").startswith("hanzi") or "," in target.read_text("utf-8").splitlines()[0]
    assert "old list" not in target.read_text("utf-8")
    assert temp_files(tmp_path) == []


@pytest.mark.parametrize(
    "manifest, line, says",
    [
        pytest.param('{"format": 1, "notes": {', 1, r"build manifest is corrupt.*move it aside", id="truncated-json"),
        pytest.param('["not", "a", "manifest"]', None, r"not a flashcards build manifest.*move it aside", id="wrong-shape"),
        pytest.param('{"format": 1, "notes": {"abc": {"hash": 7}}}', None, r"build manifest is corrupt: bad entry.*move it aside", id="bad-entry"),
        pytest.param('{"format": 99, "notes": {}}', None, r"written by a newer flashcards.*upgrade flashcards", id="newer-version"),
    ],
)
def test_bad_manifest_keeps_package_and_manifest(run_cli, tmp_path, out, sample_article, repo_glossary, manifest, line, says):
    path = write(out / "flashcards.manifest.json", manifest)
    build_fails(run_cli, tmp_path, out, sample_article, "--glossary", repo_glossary, names=str(path), line=line, says=says)


def test_two_articles_with_one_name_never_overwrite_each_other(run_cli, tmp_path, sample_article, repo_glossary):
    first = write(tmp_path / "june" / "drill.txt", SMALL_ARTICLE)
    second = write(tmp_path / "july" / "drill.txt", sample_article.read_bytes())
    folder = tmp_path / "decks"
    result = run_cli("build", first, second, "--per-article", "--glossary", repo_glossary, "--out", folder)
    assert_one_line_error(result, names=str(folder / "drill.apkg"), says=r"2 articles named 'drill' would each overwrite this package; rename")
    assert not folder.exists()


@pytest.mark.parametrize("name", ["", "../elsewhere", "sub/deck", ".."])
def test_package_name_must_be_a_plain_file_name(run_cli, tmp_path, sample_article, repo_glossary, name):
    folder = tmp_path / "decks"
    result = run_cli("build", sample_article, "--glossary", repo_glossary, "--out", folder, "--name", name)
    assert result.code == 2 and "Traceback" not in result.err
    assert "Invalid value for --name: a file name without folders" in result.err
    assert not folder.exists() and list(tmp_path.rglob("*.apkg")) == []


def _pinyin_of_stdin(data: bytes, repo_glossary: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "flashcards", "pinyin", "--glossary", str(repo_glossary)],
        input=data, capture_output=True, timeout=300,
    )


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "gbk"])
def test_pinyin_reads_standard_input_in_any_encoding(repo_glossary, encoding):
    done = _pinyin_of_stdin("海军\r\n空军\n".encode(encoding), repo_glossary)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode("utf-8").split("\n")[:2] == ["hǎijūn", "kōngjūn"]


def test_pinyin_refuses_damaged_standard_input(repo_glossary):
    done = _pinyin_of_stdin("海军举行了联合演习。\n空军也参加了演习，演习持续了两天。".encode() + b"\xff\n", repo_glossary)
    err = done.stderr.decode()
    assert done.returncode == 1 and "Traceback" not in err
    assert err.strip().splitlines() == [err.strip()]
    assert err.startswith("flashcards: <stdin>:2: not valid UTF-8")


# ── the machine ──────────────────────────────────────────────────────────────


def test_unsavable_dictionary_cache_prints_no_traceback(tmp_path, repo_glossary):
    """On a shared machine jieba's cache file in the temp folder may be another user's;
    here a folder sits where it would go, so saving it fails: the run must stay quiet."""
    temp = tmp_path / "temp"
    (temp / "jieba.cache").mkdir(parents=True)
    env = {**os.environ, "TMPDIR": str(temp), "FLASHCARDS_NO_CACHE": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "flashcards", "pinyin", "--glossary", str(repo_glossary), "海军举行联合演习"],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "hǎijūn" in done.stdout
    assert "Traceback" not in done.stderr and done.stderr.strip() == ""


@pytest.mark.slow
def test_damaged_cache_is_rebuilt_not_trusted(tmp_path, repo_glossary):
    """Cache files cut short (a full disk, a killed run) or overwritten count as misses."""
    article = write(tmp_path / "article.txt", SMALL_ARTICLE)
    cache_dir = tmp_path / "cache"
    env = {**os.environ, "FLASHCARDS_CACHE_DIR": str(cache_dir)}
    env.pop("FLASHCARDS_NO_CACHE", None)

    def vocab() -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "flashcards", "vocab", str(article), "--glossary", str(repo_glossary), "--format", "json"],
            capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300,
        )

    first = vocab()
    assert first.returncode == 0, first.stderr
    cached = [p for p in cache_dir.rglob("*") if p.is_file()]
    assert cached, "the first run should have filled the cache"
    for i, path in enumerate(cached):
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2] if i % 2 else b"not a pickle at all")
    second = vocab()
    assert second.returncode == 0, second.stderr
    assert "Traceback" not in second.stderr
    assert json.loads(second.stdout) == json.loads(first.stdout)


# ── usage and --debug ────────────────────────────────────────────────────────


def test_usage_error_is_exit_2_without_traceback(run_cli):
    result = run_cli("build", "--no-such-option")
    assert result.code == 2
    assert "Traceback" not in result.err
    assert "No such option" in result.err


def test_debug_shows_the_traceback(tmp_path):
    missing = tmp_path / "nothere.txt"
    plain = subprocess.run([sys.executable, "-m", "flashcards", "build", str(missing)], capture_output=True, text=True, cwd=tmp_path)
    debug = subprocess.run([sys.executable, "-m", "flashcards", "--debug", "build", str(missing)], capture_output=True, text=True, cwd=tmp_path)
    assert plain.returncode == 1 and "Traceback" not in plain.stderr
    assert plain.stderr.strip().splitlines() == [f"flashcards: {missing}: " + plain.stderr.split(f"{missing}: ", 1)[1].strip()]
    assert debug.returncode != 0 and "Traceback" in debug.stderr and "InputError" in debug.stderr


# ── interrupted and concurrent builds (real processes) ───────────────────────


SLOW_WRITER = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    import flashcards.store.fileio as fileio
    import flashcards.anki.package as package

    real = fileio.write_atomic
    marker = Path(sys.argv[1])

    def slow_write(path, data, **kw):
        # write the first half of the package's temporary file, then wait to be killed
        path = Path(path)
        if path.suffix == ".apkg":
            tmp = path.with_name(f".{path.name}.partial.tmp")
            with open(tmp, "wb") as fh:
                fh.write(data[: len(data) // 2])
                fh.flush()
                marker.write_text("writing")
                time.sleep(120)
        return real(path, data, **kw)

    package.write_atomic = slow_write
    from flashcards.cli import main
    main(sys.argv[2:])
""")


def _start(tmp_path: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, *args], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(path: Path, proc: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the build never reached the write"
        time.sleep(0.05)


def test_killed_mid_write_keeps_the_old_package_and_manifest(tmp_path, out, sample_article, repo_glossary):
    before = snapshot(out)
    driver = write(tmp_path / "slow_build.py", SLOW_WRITER)
    marker = tmp_path / "writing.flag"
    proc = _start(tmp_path, str(driver), str(marker), "build", str(sample_article), "--glossary", str(repo_glossary), "--out", str(out))
    try:
        _wait_for(marker, proc)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    after = snapshot(out)
    leftovers = [name for name in after if name.endswith(".tmp")]
    assert leftovers, "the driver should have left a half-written temporary file"
    assert {k: v for k, v in after.items() if k not in leftovers} == before

    # the next build finishes the job and sweeps what the killed one left behind
    result = subprocess.run(
        [sys.executable, "-m", "flashcards", "build", str(sample_article), "--glossary", str(repo_glossary), "--out", str(out)],
        capture_output=True, text=True, cwd=tmp_path, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert temp_files(out) == []
    with zipfile.ZipFile(out / "flashcards.apkg") as apkg:
        assert apkg.testzip() is None


CTRL_C_DRIVER = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path

    real_fsync = os.fsync
    marker = Path(sys.argv[1])

    def slow_fsync(fd):
        # the package's temporary file is written and about to be renamed: wait for Ctrl-C
        if ".apkg." in os.readlink(f"/proc/self/fd/{fd}"):
            marker.write_text("writing")
            time.sleep(120)
        real_fsync(fd)

    os.fsync = slow_fsync
    from flashcards.cli import main
    main(sys.argv[2:])
""")


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to find the file being written")
def test_ctrl_c_mid_write_is_exit_130_and_leaves_nothing(tmp_path, out, sample_article, repo_glossary):
    before = snapshot(out)
    driver = write(tmp_path / "ctrl_c.py", CTRL_C_DRIVER)
    marker = tmp_path / "writing.flag"
    proc = _start(tmp_path, str(driver), str(marker), "build", str(sample_article), "--glossary", str(repo_glossary), "--out", str(out))
    try:
        _wait_for(marker, proc)
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, stderr
    assert stderr.strip().splitlines() == ["flashcards: interrupted"]
    assert snapshot(out) == before  # the half-written package was removed, the old one kept


def test_two_builds_at_once_take_turns(tmp_path, out, sample_article, repo_glossary):
    """A second build into the same folder waits for the lock; both finish, nothing is corrupt."""
    args = ["-m", "flashcards", "build", str(sample_article), "--glossary", str(repo_glossary), "--out", str(out)]
    procs = [_start(tmp_path, *args) for _ in range(2)]
    results = [p.communicate(timeout=300) for p in procs]
    for proc, (stdout, stderr) in zip(procs, results):
        assert proc.returncode == 0, stderr
        assert "Traceback" not in stderr
    with zipfile.ZipFile(out / "flashcards.apkg") as apkg:
        assert apkg.testzip() is None
    manifest = json.loads((out / "flashcards.manifest.json").read_text("utf-8"))
    assert manifest["format"] == 1 and manifest["notes"]
    assert temp_files(out) == []


def test_a_held_lock_gives_up_with_a_clear_message(tmp_path, out, sample_article, repo_glossary):
    """While another build holds the folder, a build that cannot wait says so and writes nothing."""
    from flashcards.build import output_lock

    before = snapshot(out)
    driver = write(tmp_path / "impatient.py", textwrap.dedent("""
        import sys
        import flashcards.build as build
        build.output_lock.__wrapped__.__defaults__ = (0.5,)  # wait half a second, not a minute
        from flashcards.cli import main
        main(sys.argv[1:])
    """))
    with output_lock(out):
        done = subprocess.run(
            [sys.executable, str(driver), "build", str(sample_article), "--glossary", str(repo_glossary), "--out", str(out)],
            capture_output=True, text=True, cwd=tmp_path, timeout=300,
        )
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert f"{out}: another flashcards build is writing here; try again when it has finished" in lines[0]
    assert snapshot(out) == before
