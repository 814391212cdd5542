"""RSS and Atom bytes -> ``Feed`` of ``FeedItem`` records (feedparser underneath).

Always hand feedparser bytes, never a string: given a string it may try to fetch it as a URL.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import html
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import feedparser  # type: ignore[import-untyped]

from fieldreport.errors import InputError
from fieldreport.model import normalize_text


class BadFeed(InputError):
    """The bytes are not an RSS or Atom feed we can read."""


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed: its stable key (guid, else link), link, title, date and summary."""

    key: str
    link: str | None
    title: str
    published: dt.date | None
    summary: str  # plain text (tags stripped, entities decoded)

    @property
    def content_hash(self) -> str:
        """sha256 of the normalized title and summary: the same story under another URL."""
        return hashlib.sha256(normalize_text(f"{self.title}\n{self.summary}").encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Feed:
    title: str
    items: tuple[FeedItem, ...]


_TAG = re.compile(r"<[^>]+>")


def plain_text(fragment: str) -> str:
    """A feed's HTML snippet as plain text."""
    return normalize_text(html.unescape(_TAG.sub(" ", fragment)))


def _date(entry: Any) -> dt.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC).date()


def _item(entry: Any, base_url: str) -> FeedItem | None:
    link = entry.get("link")
    link = urljoin(base_url, link) if link else None
    title = plain_text(entry.get("title", ""))
    summary = plain_text(entry.get("summary", "") or entry.get("description", ""))
    key = entry.get("id") or link
    if not key:
        if not (title or summary):
            return None  # nothing to identify or read
        key = "sha256:" + hashlib.sha256(f"{title}\n{summary}".encode()).hexdigest()
    return FeedItem(key=str(key), link=link, title=title, published=_date(entry), summary=summary)


def parse_feed(content: bytes, *, url: str) -> Feed:
    """Parse RSS 0.9x/1.0/2.0 or Atom; ``BadFeed`` when the bytes are not a feed."""
    parsed = feedparser.parse(content, response_headers={"content-location": url})
    entries = parsed.get("entries", [])
    if not entries and (parsed.get("bozo") or not parsed.get("version")):
        reason = parsed.get("bozo_exception") or "no RSS or Atom channel found"
        raise BadFeed(f"not a readable feed: {reason}", source=url)
    items = [item for entry in entries if (item := _item(entry, url)) is not None]
    title = plain_text(parsed.get("feed", {}).get("title", ""))
    return Feed(title=title, items=tuple(items))
