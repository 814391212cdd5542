"""Mentions -> JSON-ready records: the mention whole, with its article's metadata beside it.

Unlike the ACLED row, nothing is dropped: every claim with its claimant and relays, every
evidence span with offsets into the article text, all four fatality figures and the notes
that say why a field has no evidence. The article text itself is left out (it is in the
store under ``article.id``); the spans carry the words that matter.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from fieldreport.model import Article, Mention, as_dict

ARTICLE_FIELDS = ("id", "url", "outlet", "title", "published", "language", "fetched_at", "raw_ref")


def mention_record(article: Article, mention: Mention) -> dict[str, Any]:
    """The JSON form of one mention: ``id``, ``article`` metadata, then every mention field."""
    if mention.article_id != article.id:
        raise ValueError(f"mention {mention.index} is not from article {article.id}")
    meta = as_dict(article)
    record: dict[str, Any] = {
        "id": mention.index,
        "article": {name: meta[name] for name in ARTICLE_FIELDS},
    }
    record.update(as_dict(mention))
    return record


def write_jsonl(rows: Iterable[tuple[Article, Mention]], out: TextIO) -> int:
    """One ``mention_record`` per line; returns the number of lines written."""
    count = 0
    for article, mention in rows:
        out.write(json.dumps(mention_record(article, mention), ensure_ascii=False) + "\n")
        count += 1
    return count
