"""Shared fixtures: one real spaCy pipeline per test session; paths to ../shared."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from fieldreport.model import Article, Mention
from fieldreport.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "tinzaouaten-ambush.txt"
ACLED_DEV = SHARED / "eval" / "acled_sahel_dev.csv"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def extract(pipeline: Pipeline):  # type: ignore[no-untyped-def]
    def run(
        text: str, published: dt.date | None = dt.date(2024, 5, 8), **meta: object
    ) -> list[Mention]:
        return pipeline.extract(Article.from_text(text, published=published, **meta))

    return run


def requires(path: Path) -> pytest.MarkDecorator:
    return pytest.mark.skipif(not path.exists(), reason=f"{path} is not here (../shared absent)")


# -- database backends: SQLite always; PostgreSQL when CI (or you) start one -----------------
PG_URL = os.environ.get("FIELDREPORT_TEST_PG", "")
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(
            not PG_URL,
            reason="FIELDREPORT_TEST_PG is not set: start a server with "
            "scripts/pg-test-server.sh start and export the URL it prints",
        ),
    ),
]


def fresh_database(backend: str, folder: Path) -> str:
    """An empty database of the backend: a new SQLite file, or the test PostgreSQL emptied."""
    if backend == "sqlite":
        return str(folder / "test.db")
    from sqlalchemy import MetaData, create_engine
    from sqlalchemy.pool import NullPool

    engine = create_engine(PG_URL, poolclass=NullPool)
    with engine.begin() as con:
        tables = MetaData()
        tables.reflect(con)  # every table, whichever modules made it, and alembic_version
        tables.drop_all(con)
    engine.dispose()
    return PG_URL
