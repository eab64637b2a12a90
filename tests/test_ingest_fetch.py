"""Articles from links, against a real HTTP server on 127.0.0.1 that each test starts.

A page fetched from a link builds exactly as the same page saved as a file (same
notes, GUIDs and tags); a rebuild from the link reads the kept page, also with the
server gone; every way a fetch fails is one line on stderr naming the link, exit 1,
within the time limit, and leaves nothing written.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from flashcards.ingest import fetch

DATA = Path(__file__).parent / "data" / "articles"
PAGE = DATA / "saved-page-militaries-dialogue.html"
# a page whose article a script would fill in: nothing but its title, a style and a script
NO_ARTICLE = """<!doctype html><html><head><meta charset="utf-8"><title>中国军网 China Military Online</title>
<style>body { font-family: sans-serif; }</style></head><body>
<div id="app"></div><script>document.getElementById("app").innerHTML = "加载中";</script></body></html>""".encode()


class _Site(BaseHTTPRequestHandler):
    """The pages a test asks for, each showing one way a web site answers."""

    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def do_GET(self):  # noqa: N802 - the standard library's name
        path = self.path.split("?")[0]
        if path == "/loop":
            return self._answer(302, {"Location": "/loop"}, b"")
        if path.startswith("/hop/"):  # /hop/1 -> /hop/2 -> ... (a long chain, no loop)
            return self._answer(302, {"Location": f"/hop/{int(path.rsplit('/', 1)[1]) + 1}"}, b"")
        if path == "/silent.html":  # never answers
            time.sleep(5)
            return None
        if path == "/drip.html":  # answers, then a byte now and then, for ever
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(50):
                self.wfile.write(b"<p>")
                self.wfile.flush()
                time.sleep(0.2)
            return None
        if path == "/huge.html":  # no Content-Length: the limit must hold while reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            chunk = b"<p>" + "军事".encode() * 20_000 + b"</p>\n"
            sent = 0
            try:
                while sent <= fetch.MAX_BYTES + len(chunk):
                    self.wfile.write(chunk)
                    sent += len(chunk)
            except OSError:  # the client hung up, as it should
                pass
            return None
        status, headers, body = self.routes.get(path, (404, {"Content-Type": "text/html"}, b"<h1>Not Found</h1>"))
        return self._answer(status, headers, body)

    def _answer(self, status, headers, body):
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # quiet
        pass


class Server:
    def __init__(self):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.running = True

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def stop(self):
        if self.running:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.running = False


@pytest.fixture
def site(monkeypatch):
    """A server on 127.0.0.1 (on a port of its own, so its links are new to the page
    cache); no proxy between us."""
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(fetch._Settings, "refresh", False)
    page = PAGE.read_bytes()
    routes = {
        "/news/saved-page-militaries-dialogue.html": (200, {"Content-Type": "text/html; charset=utf-8"}, page),
        "/news/two-files-carrier-en.txt": (200, {"Content-Type": "text/plain"}, (DATA / "two-files-carrier-en.txt").read_bytes()),
        "/news/two-files-carrier-zh.txt": (200, {"Content-Type": "text/plain"}, (DATA / "two-files-carrier-zh.txt").read_bytes()),
        # the same page in GB18030, its charset said only in the HTTP header
        "/gbk/saved-page-militaries-dialogue.html": (
            200, {"Content-Type": "text/html; charset=GB18030"},
            page.decode("utf-8").replace('<meta charset="utf-8">', "").encode("gb18030")),
        "/photo.jpg": (200, {"Content-Type": "image/jpeg"}, b"\xff\xd8\xff\xe0" + b"\0" * 100),
        "/report.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.7\n" + b"\0" * 100),
        "/down.html": (503, {"Content-Type": "text/html"}, b"<h1>Service Unavailable</h1>"),
        "/private.html": (403, {"Content-Type": "text/html"}, b"<h1>Forbidden</h1>"),
        "/script-only.html": (200, {"Content-Type": "text/html"}, NO_ARTICLE),
    }
    monkeypatch.setattr(_Site, "routes", routes)
    server = Server()
    yield server
    server.stop()


def _notes(package: Path) -> list[tuple[str, str, str]]:
    """(GUID, tags, fields) of every note in an .apkg."""
    with zipfile.ZipFile(package) as apkg:
        db = package.with_suffix(".anki2")
        db.write_bytes(apkg.read("collection.anki2"))
    with sqlite3.connect(db) as con:
        return sorted(con.execute("SELECT guid, tags, flds FROM notes").fetchall())


def test_a_linked_page_builds_as_the_saved_page(site, run_cli, tmp_path):
    link = run_cli("build", site.url("/news/saved-page-militaries-dialogue.html"), "--out", tmp_path / "link")
    saved = run_cli("build", PAGE, "--out", tmp_path / "file")
    assert link.code == 0 and saved.code == 0, link.err + saved.err
    from_link, from_file = _notes(tmp_path / "link" / "flashcards.apkg"), _notes(tmp_path / "file" / "flashcards.apkg")
    assert from_link and from_link == from_file
    assert any("article::saved-page-militaries-dialogue" in tags for _, tags, _ in from_link)


def test_a_rebuild_from_the_link_changes_nothing_also_offline(site, run_cli, tmp_path, monkeypatch):
    url = site.url("/news/saved-page-militaries-dialogue.html")
    first = run_cli("build", url, "--out", tmp_path / "decks")
    assert first.code == 0 and " 0 added" not in first.out, first.err
    again = run_cli("build", url, "--out", tmp_path / "decks")
    assert "0 added, 0 updated" in again.out and " 0 unchanged" not in again.out
    package = (tmp_path / "decks" / "flashcards.apkg").read_bytes()
    fetched_again = run_cli("build", url, "--refresh", "--out", tmp_path / "decks")  # the unchanged page, fetched anew
    assert "0 added, 0 updated" in fetched_again.out and (tmp_path / "decks" / "flashcards.apkg").read_bytes() == package
    monkeypatch.setattr(fetch._Settings, "refresh", False)
    site.stop()
    offline = run_cli("build", url, "--out", tmp_path / "decks")
    assert offline.code == 0, offline.err
    assert "0 added, 0 updated" in offline.out and " 0 unchanged" not in offline.out
    assert (tmp_path / "decks" / "flashcards.apkg").read_bytes() == package
    refreshed = run_cli("build", url, "--refresh", "--out", tmp_path / "decks")  # --refresh really asks the server
    assert refreshed.code == 1 and "refused the connection" in refreshed.err


def test_the_charset_the_server_declares_is_read(site, run_cli):
    utf8 = run_cli("sentences", PAGE, "--format", "json")
    gbk = run_cli("sentences", site.url("/gbk/saved-page-militaries-dialogue.html"), "--format", "json")
    assert gbk.code == 0, gbk.err
    assert json.loads(gbk.out) == json.loads(utf8.out) and json.loads(utf8.out)


def test_links_mix_with_files_and_come_as_two_versions(site, run_cli, tmp_path):
    pair = run_cli("sentences", "--en", site.url("/news/two-files-carrier-en.txt"),
                   "--zh", site.url("/news/two-files-carrier-zh.txt"), "--format", "json")
    files = run_cli("sentences", "--en", DATA / "two-files-carrier-en.txt", "--zh", DATA / "two-files-carrier-zh.txt",
                    "--format", "json")
    assert pair.code == 0, pair.err
    assert json.loads(pair.out) == json.loads(files.out) and json.loads(pair.out)
    mixed = run_cli("vocab", site.url("/news/saved-page-militaries-dialogue.html"), DATA / "second-article.txt",
                    "--format", "json")
    assert mixed.code == 0, mixed.err
    articles = {e["article"] for entry in json.loads(mixed.out) for e in entry["examples"]}
    assert articles == {"saved-page-militaries-dialogue", "second-article"}


FAILURES = [
    ("/nowhere.html", "404"),
    ("/private.html", "403"),
    ("/down.html", "503"),
    ("/loop", "redirect loop"),
    ("/hop/1", "too many redirects"),
    ("/photo.jpg", "a picture (image/jpeg)"),
    ("/report.pdf", "a PDF document"),
    ("/huge.html", "larger than"),
    ("/silent.html", "no answer within 1 seconds"),
    ("/drip.html", "no answer within 1 seconds"),
    ("/script-only.html", "no article text found"),
]


def _one_line_failure(result, url: str, expected: str) -> None:
    lines = result.err.strip().splitlines()
    assert result.code == 1, result.err
    assert len(lines) == 1, result.err
    assert lines[0].startswith(f"flashcards: {url}: ") and expected in lines[0], lines[0]
    assert "Traceback" not in result.err and result.out == ""


@pytest.mark.parametrize("path, expected", FAILURES)
def test_each_failure_is_one_line_and_exit_1_within_the_timeout(site, run_cli, tmp_path, monkeypatch, path, expected):
    monkeypatch.setattr(fetch, "TIMEOUT", 1.0)
    url = site.url(path)
    start = time.monotonic()
    result = run_cli("build", url, "--out", tmp_path / "decks")
    assert time.monotonic() - start < 1.0 + 3.0  # the limit, and a build's own start-up
    _one_line_failure(result, url, expected)
    assert not (tmp_path / "decks").exists() or not any((tmp_path / "decks").iterdir())  # nothing half-written
    assert fetch._kept(url) is None  # and no page kept for the link


def test_refused_connection_and_unknown_name(site, run_cli, tmp_path):
    refused = site.url("/news/saved-page-militaries-dialogue.html")
    site.stop()  # nothing listens on that port any more
    _one_line_failure(run_cli("vocab", refused), refused, "refused the connection")
    unknown = "http://no-such-host.invalid/news/page.html"  # .invalid never resolves (RFC 6761)
    _one_line_failure(run_cli("sentences", unknown), unknown, "cannot find the server no-such-host.invalid")


def test_a_page_is_named_as_it_would_be_saved():
    page = fetch.Page("https://eng.chinamil.com.cn/OPINIONS/16363635.html?x=1", "", "text/html", b"")
    assert page.name == "16363635.html"
    assert fetch.Page("http://www.news.cn/world/", "", "text/html; charset=utf-8", b"").name == "world.html"
    assert fetch.Page("http://example.org", "", "text/plain", b"").name == "example.org"
    assert fetch.Page("http://example.org/talks", "", "text/plain", b"").name == "talks.txt"
    assert fetch.is_url("HTTPS://example.org/a") and not fetch.is_url("articles/a.txt") and not fetch.is_url(Path("x"))
