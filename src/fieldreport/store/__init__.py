"""Store stage: articles, mentions, claims and evidence <-> SQL (SQLite by default)."""

from fieldreport.store.store import Store, database_url

__all__ = ["Store", "database_url"]
