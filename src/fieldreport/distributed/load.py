"""Load a batch run's articles and mentions into a store, then fuse what is new there.

Articles already stored are skipped (``Store.add`` is idempotent), so loading twice, or
loading a resumed run, stores each article once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fieldreport.distributed.outputs import read_articles, read_mentions
from fieldreport.distributed.sources import Shard
from fieldreport.model import Mention
from fieldreport.service import fuse_pending
from fieldreport.store import Store


@dataclass(frozen=True, slots=True)
class LoadReport:
    added: int
    skipped: int
    incidents_new: int
    incidents_updated: int


def load_store(out: Path, shards: Sequence[Shard], db: str) -> LoadReport:
    """Store every article of the finished ``shards`` with its mentions; fuse in the store."""
    added = skipped = 0
    with Store(db) as store:
        for shard in shards:
            found: dict[str, list[Mention]] = defaultdict(list)
            for mention, _, _ in read_mentions(out, [shard]):
                found[mention.article_id].append(mention)
            for article in read_articles(out, shard):
                if store.add(article, found.get(article.id, [])):
                    added += 1
                else:
                    skipped += 1
        new, updated = fuse_pending(store)
    return LoadReport(added, skipped, new, updated)
