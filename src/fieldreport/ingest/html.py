"""HTML page -> Article with trafilatura: body, title, date and outlet read from the page."""

from __future__ import annotations

import trafilatura

from fieldreport.errors import EmptyInput
from fieldreport.ingest.clean import clean_text
from fieldreport.ingest.text import parse_date
from fieldreport.model import Article

_HTML_HINT = ("<html", "<!doctype html", "<body", "<head", "<article", "<p>", "<div")


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return any(hint in head for hint in _HTML_HINT)


def article_from_html(
    html: str,
    *,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    source: str = "",
) -> Article:
    """Main text of a news page, without navigation, captions, scripts and page debris."""
    found = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
    )
    doc = found.as_dict() if found is not None and hasattr(found, "as_dict") else found
    if not isinstance(doc, dict) or not (doc.get("text") or "").strip():
        raise EmptyInput("no article text found in the HTML page", source=source)
    text = clean_text(str(doc["text"]))
    if not text:
        raise EmptyInput("the HTML page holds only page debris", source=source)
    date = published or doc.get("date")
    return Article.from_text(
        text,
        title=doc.get("title") or None,
        url=url or doc.get("url") or None,
        outlet=outlet or doc.get("sitename") or doc.get("hostname") or None,
        published=parse_date(str(date), source=source) if date else None,
        raw_ref=source or None,
    )
