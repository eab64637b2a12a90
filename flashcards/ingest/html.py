"""Saved web pages: the article body and its metadata, without the page around it.

trafilatura finds the main text (dropping navigation, related-article lists, share
buttons, counters, footers, scripts and styles); its metadata fills what the body's
own label lines (``Source: ... | Editor: ...``) do not say. The body's lines then go
through the same furniture filter and layout parser as plain text.
"""

from __future__ import annotations

import re

from flashcards.ingest import lines as ingest_lines, text as ingest_text, textnorm

_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th", "section", "article", "blockquote")
_DROP = ("head", "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "iframe", "svg")
_FURNITURE_CLASS = re.compile(r"nav|menu|breadcrumb|footer|share|social|related|recommend|comment|copyright|sidebar|banner|advert|\bads?\b", re.I)
_TITLE_SEPARATORS = re.compile(r"\s+[-|–—_]+\s+|\s*[|｜_]\s*|——")


def _fallback_text(html: str) -> str:
    """Visible text by block elements, for pages trafilatura cannot read."""
    import lxml.html  # a trafilatura dependency

    try:
        root = lxml.html.fromstring(html)
    except Exception:  # noqa: BLE001 - unparseable markup: treat as plain text
        return re.sub(r"<[^>]+>", "\n", html)
    doomed = [e for e in root.iter() if isinstance(e.tag, str) and (e.tag in _DROP or _FURNITURE_CLASS.search(
        f"{e.get('class', '')} {e.get('id', '')}"))]
    for element in doomed:
        if element.getparent() is not None:
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


def _extract(html: str, favor_recall: bool = False):
    import trafilatura  # lazily: slow to import, only needed for web pages

    return trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        favor_recall=favor_recall,
        # only a date the page states in its markup: a guess from "Copyright 2025" is not a date
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _bilingual(text: str) -> bool:
    return textnorm.han_count(text) >= 10 and textnorm.latin_word_count(text) >= 10


def read_units(html: str) -> tuple[dict[str, str], list[ingest_text.Unit]]:
    """Metadata of the page and the content units of its article body."""
    doc = _extract(html)
    body = getattr(doc, "text", None) or ""
    if not _bilingual(body):
        # the extractor may have kept one language's column only: ask it for more,
        # then fall back to all visible text
        fallback = _fallback_text(html)
        if _bilingual(fallback):
            wider = getattr(_extract(html, favor_recall=True), "text", None) or ""
            body = wider if _bilingual(wider) else fallback
        elif not body:
            body = fallback
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
