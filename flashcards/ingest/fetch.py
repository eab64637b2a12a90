"""Articles from links: a web page fetched over HTTP(S), kept in the cache folder.

A link goes through the same reader as the page saved as a file: :func:`page` gives
the bytes and the file name the page would be saved under (the link's last path
segment), so its article, slug, notes' GUIDs and tags are the ones the saved page
gives. A fetched page is kept under the cache folder's ``pages/`` (keyed by the link
as given), so rebuilding from the same links reads the same bytes, offline, until
``--refresh`` fetches them again.

The client is the standard library's :mod:`urllib.request`, not trafilatura's fetcher
or urllib3 directly: trafilatura's ``fetch_url`` answers every failure with ``None``
(no way to tell a refused connection from a 404 or an oversized page, which the user
must be told apart), and the standard library gives every limit we need explicitly,
with no dependency of our own to keep: a socket timeout plus an overall deadline
while the body is read, a size limit checked on ``Content-Length`` and again while
reading, a redirect handler with its own limit (urllib's also catches loops), and the
HTTP status and ``Content-Type`` of the answer. Pages are a few at a time, so its lack
of connection pooling costs nothing.
"""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass
from pathlib import PurePosixPath

from flashcards import __version__
from flashcards.errors import InputError

TIMEOUT = 20.0  # seconds: for connecting, for each read, and for the whole page
MAX_BYTES = 8 * 2**20  # a news page is well under 1 MB; anything far larger is not an article
MAX_REDIRECTS = 5
USER_AGENT = f"flashcards/{__version__} (bilingual news to Anki decks; one page per article)"
_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8"
_CHUNK = 64 * 1024
_URL = re.compile(r"^https?://", re.I)
_TEXT_TYPES = {"text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml"}
_KINDS = {"image/": "a picture", "application/pdf": "a PDF document", "video/": "a video", "audio/": "a sound file",
          "application/zip": "a ZIP archive", "application/json": "JSON data", "application/octet-stream": "a download"}
_FORMAT = 1  # bump when the layout of a kept page changes


class _Settings:
    refresh = False


def configure(*, refresh: bool | None = None) -> None:
    """``refresh``: fetch every link again rather than read the page kept from before."""
    if refresh is not None:
        _Settings.refresh = refresh


def is_url(arg: object) -> bool:
    """Whether a command-line argument is a link (http:// or https://) rather than a file."""
    return isinstance(arg, str) and bool(_URL.match(arg))


@dataclass(frozen=True)
class Page:
    """A fetched page: the link given, the address it ended at, its ``Content-Type``
    and its bytes as they came."""

    url: str
    final_url: str
    content_type: str
    data: bytes

    @property
    def name(self) -> str:
        """The file name the page would be saved under: the link's last path segment
        (``.../16363635.html`` -> ``16363635.html``), else its host name."""
        from urllib.parse import unquote, urlsplit

        parts = urlsplit(self.url)
        segment = PurePosixPath(unquote(parts.path)).name or parts.hostname or "page"
        mime = self.content_type.split(";")[0].strip().lower()
        suffix = ".txt" if mime == "text/plain" else ".html"
        return segment if PurePosixPath(segment).suffix else segment + suffix

    def body(self) -> bytes:
        """The bytes ingest reads: the page as it came, but re-encoded as UTF-8 when the
        server declares a charset that reads it and the bytes are not UTF-8 already
        (ingest then detects no other encoding; without a declaration, or when the
        declared one fails, it detects the encoding as it does for a saved page)."""
        match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", self.content_type, re.I)
        if not match:
            return self.data
        try:
            self.data.decode("utf-8")
            return self.data
        except UnicodeDecodeError:
            pass
        try:
            return self.data.decode(match.group(1)).encode("utf-8")
        except (LookupError, UnicodeDecodeError):
            return self.data


def page(url: str) -> tuple[Page, bool]:
    """The page at ``url`` and whether it was fetched now (False: read from the cache)."""
    if not _Settings.refresh:
        kept = _kept(url)
        if kept is not None:
            return kept, False
    return fetch(url), True


def keep(fetched: Page) -> None:
    """Keep ``fetched`` in the cache folder (atomically; a cache that cannot be written
    is skipped), so the link reads the same bytes offline next time."""
    from flashcards.store import cache

    cache.put("pages", _cache_key(fetched.url), (_FORMAT, fetched))


def _cache_key(url: str) -> str:
    """The link's own hash: unlike the cache's other keys, not the tool's version, so
    an upgrade still reads the pages fetched before."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:40]


def _kept(url: str) -> Page | None:
    from flashcards.store import cache

    found = cache.get("pages", _cache_key(url))  # None when missing, damaged or the cache is off
    if isinstance(found, tuple) and len(found) == 2 and found[0] == _FORMAT and isinstance(found[1], Page):
        return found[1] if found[1].url == url else None
    return None


# ── fetching ─────────────────────────────────────────────────────────────────


def fetch(url: str) -> Page:
    """GET ``url`` within the limits; :class:`InputError` naming the link and what to do
    for every way it can fail."""
    import http.client
    import socket
    import urllib.error
    import urllib.request

    class Redirects(urllib.request.HTTPRedirectHandler):
        max_redirections = MAX_REDIRECTS

    opener = urllib.request.build_opener(Redirects)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT})
    deadline = time.monotonic() + TIMEOUT
    try:
        with opener.open(request, timeout=TIMEOUT) as response:
            content_type = response.headers.get("Content-Type", "") or ""
            _check_type(content_type, url)
            _check_length(response.headers.get("Content-Length"), url)
            data = _read(response, deadline, url)
            final_url = response.geturl()
    except urllib.error.HTTPError as exc:
        raise InputError(_status_message(exc.code, exc.reason), url) from None
    except urllib.error.URLError as exc:
        raise InputError(_network_message(exc.reason, url), url) from None
    except (TimeoutError, socket.timeout):
        raise InputError(_timed_out(), url) from None
    except http.client.HTTPException as exc:
        raise InputError(f"the connection broke off ({type(exc).__name__}); try again later", url) from None
    except ValueError as exc:  # urllib's own checks of the link
        raise InputError(f"not a valid link ({exc}); check it", url) from None
    except OSError as exc:
        raise InputError(_network_message(exc, url), url) from None
    if not data.strip():
        raise InputError("the page is empty; check the link, or save the page from your browser and give the file", url)
    return Page(url, final_url, content_type, data)


def _timed_out() -> str:
    return f"no answer within {TIMEOUT:g} seconds; try again later, or save the page from your browser and give the file"


def _check_type(content_type: str, url: str) -> None:
    mime = content_type.split(";")[0].strip().lower()
    if not mime or mime in _TEXT_TYPES:
        return
    what = next((kind for prefix, kind in _KINDS.items() if mime.startswith(prefix)), "not a web page")
    raise InputError(f"this link is {what} ({mime}), not an article's web page; give the link of the page that shows the article", url)


def _too_large(url: str) -> InputError:
    return InputError(
        f"the page is larger than {MAX_BYTES // 2**20} MB, too large for an article; give the link of the article's own page, "
        "or paste its text into a .txt file", url)


def _check_length(length: str | None, url: str) -> None:
    if length and length.strip().isdigit() and int(length) > MAX_BYTES:
        raise _too_large(url)


def _read(response, deadline: float, url: str) -> bytes:
    """The body, at most MAX_BYTES (decompressed, when the server compressed it anyway),
    read by the deadline."""
    import zlib

    encoding = (response.headers.get("Content-Encoding") or "").strip().lower()
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS if encoding in ("gzip", "x-gzip") else zlib.MAX_WBITS) \
        if encoding in ("gzip", "x-gzip", "deflate") else None
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise TimeoutError
        chunk = response.read1(_CHUNK)  # what has come, not a full chunk: the deadline holds for a slow drip
        if not chunk:
            break
        if inflate is not None:
            try:
                chunk = inflate.decompress(chunk, MAX_BYTES + 1 - size)
            except zlib.error:
                raise InputError("the server sent a damaged compressed page; try again later", url) from None
        size += len(chunk)
        if size > MAX_BYTES:
            raise _too_large(url)
        chunks.append(chunk)
    return b"".join(chunks)


def _status_message(code: int, reason: object) -> str:
    said = f"the server answered {code} {reason}".rstrip()
    if 300 <= code < 400:
        return (f"too many redirects (more than {MAX_REDIRECTS}) or a redirect loop; open the link in a browser "
                "and give the address it ends at")
    if code in (401, 403):
        return f"{said}: the page is not open to this tool; save it from your browser and give the file"
    if code in (404, 410):
        return f"{said}: there is no page at this link; check it for typing mistakes"
    if 400 <= code < 500:
        return f"{said}; check the link, or save the page from your browser and give the file"
    return f"{said}, a fault on the site; try again later, or save the page from your browser and give the file"


def _network_message(reason: object, url: str) -> str:
    import socket
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or url
    if isinstance(reason, socket.gaierror):
        return f"cannot find the server {host} (no network connection, or a mistyped link); check your connection and the link"
    if isinstance(reason, ConnectionRefusedError):
        return f"the server {host} refused the connection; check the link (and its port), or try again later"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return _timed_out()
    if isinstance(reason, ConnectionError):
        return f"the connection to {host} broke off; try again later"
    text = getattr(reason, "strerror", None) or str(reason)
    return f"cannot fetch the page ({text}); check your connection and the link"
