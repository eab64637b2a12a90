"""Saved web pages: the article body and its metadata, without the page around it.

trafilatura finds the main text (dropping navigation, related-article lists, share
buttons, counters, footers, scripts and styles); its metadata fills what the body's
own label lines (``Source: ... | Editor: ...``) do not say. The body's lines then go
through the same furniture filter and layout parser as plain text.
"""

from __future__ import annotations

import re

from flashcards import ingest_lines, ingest_text, textnorm

_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th", "section", "article", "blockquote")
_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "iframe", "svg")
_TITLE_SEPARATORS = re.compile(r"\s+[-|–—_]+\s+|\s*[|｜_]\s*|——")


def _fallback_text(html: str) -> str:
    """Visible text by block elements, for pages trafilatura cannot read."""
    import lxml.html  # a trafilatura dependency

    try:
        root = lxml.html.fromstring(html)
    except Exception:  # noqa: BLE001 - unparseable markup: treat as plain text
        return re.sub(r"<[^>]+>", "\n", html)
    for element in root.iter(*_DROP):
        element.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
        if element.tag == "br":
            continue
        element.text = "\n" + (element.text or "")
    return root.text_content()


def split_title(title: str, sitename: str = "") -> tuple[str, str]:
    """``(english, chinese)`` from a page title that may hold both and the site's name."""
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    site = sitename.strip().lower()
    parts = [p for p in parts if p.lower() != site] or parts
    en = zh = ""
    for part in parts:
        for piece in ingest_lines.split_by_script(part):
            lang = textnorm.language(piece)
            if lang == "en" and not en:
                en = piece
            elif lang == "zh" and not zh:
                zh = piece
    return en, zh


def read_units(html: str) -> tuple[dict[str, str], list[ingest_text.Unit]]:
    """Metadata of the page and the content units of its article body."""
    import trafilatura  # lazily: slow to import, only needed for web pages

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        # only a date the page states in its markup: a guess from "Copyright 2025" is not a date
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = getattr(doc, "text", None) or ""
    if not textnorm.has_han(body) and textnorm.has_han(_fallback_text(html)):
        body = _fallback_text(html)  # the extractor kept only one language
    meta, units = ingest_text.read_units(body, join_wrapped=False)
    if doc is not None:
        sitename = getattr(doc, "sitename", "") or ""
        en, zh = split_title(getattr(doc, "title", "") or "", sitename)
        author = getattr(doc, "author", "") or ""
        found = {
            "title_en": en,
            "title_zh": zh,
            "source": sitename,
            "date": getattr(doc, "date", "") or "",
            "url": getattr(doc, "url", "") or "",
            "author_zh" if textnorm.language(author) == "zh" else "author": author,
        }
        for key, value in found.items():
            if value and not meta.get(key):
                meta[key] = value
    return meta, units
