"""Schema migrations (Alembic) on SQLite and PostgreSQL: a new database gets exactly the models'
schema, a store made before Alembic is brought to it with its rows, reopening changes nothing."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, Engine, create_engine, inspect, text
from sqlalchemy.pool import NullPool

import fieldreport.watch.state  # noqa: F401  (the monitor's tables: the same schema)
from conftest import BACKENDS, fresh_database
from fieldreport.errors import StoreError
from fieldreport.fuse import Report, fuse
from fieldreport.model import ActorRef, ActorRole, Article, Claim, DateInfo, Mention, Place, Span
from fieldreport.store import Store, database_url, migrate
from fieldreport.store.schema import Base

API_INDEXES = ("country_admin1", "date_end", "date_id", "fatalities", "type_date", "actors")
WATCH_TABLES = ("alerts_sent", "alert_rules", "seen_items", "feeds")


@pytest.fixture(params=BACKENDS)
def db(tmp_path: Path, request: pytest.FixtureRequest) -> str:
    return fresh_database(request.param, tmp_path)


@pytest.fixture
def engine(db: str) -> Iterator[Engine]:
    """An engine on ``db`` beside the stores the tests open."""
    engine = create_engine(database_url(db), poolclass=NullPool)
    yield engine
    engine.dispose()


def schema_diff(connection: Connection) -> list[Any]:
    diff: list[Any] = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    return diff


def revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def article_and_mention() -> tuple[Article, Mention]:
    article = Article.from_text(
        "JNIM fighters killed 7 soldiers near Djibo.", published=dt.date(2024, 5, 2)
    )
    span = Span(0, 43, article.text)
    mention = Mention(
        article_id=article.id,
        sentence=span,
        event_type="Battles",
        sub_event_type="Armed clash",
        date=DateInfo(dt.date(2024, 5, 1)),
        place=Place("Djibo", "BF", 14.1, -1.63, 1, "Burkina Faso", "Sahel"),
        actors=(ActorRole(ActorRef("JNIM", 2), "actor1", Span(0, 4, "JNIM")),),
        claims=(Claim(evidence=span, killed_min=7, killed_max=7, phrase="killed 7"),),
    )
    return article, mention


def test_a_new_database_gets_exactly_the_models_schema(db: str, engine: Engine) -> None:
    Store(db).close()
    with engine.begin() as connection:
        assert revision(connection) == migrate.head()
        assert schema_diff(connection) == []


def test_downgrade_to_nothing_and_back(db: str, engine: Engine) -> None:
    Store(db).close()
    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "base")
        assert set(inspect(connection).get_table_names()) == {"alembic_version"}
        command.upgrade(migrate.alembic_config(connection), "head")
        assert schema_diff(connection) == []


def test_autogenerate_finds_nothing_to_add(db: str) -> None:
    """What a developer's ``alembic check`` does, through env.py's own connection."""
    Store(db).close()
    config = migrate.alembic_config()
    config.cmd_opts = argparse.Namespace(x=[f"db={db}"])
    command.check(config)  # raises when the models differ from the newest revision


def test_a_store_made_before_alembic_is_upgraded_with_its_rows(db: str, engine: Engine) -> None:
    article, mention = article_and_mention()
    with Store(db) as store:
        store.add(article, [mention])
        store.save_incidents(fuse([Report(mention, "Sahel Wire", article.published)]))
        incidents = store.incidents()
    with engine.begin() as connection:  # the shape of a store made before the API and Alembic
        connection.execute(text("DROP TABLE alembic_version"))
        for table in WATCH_TABLES:
            connection.execute(text(f"DROP TABLE {table}"))
        for index in (*API_INDEXES, "search"):
            connection.execute(text(f"DROP INDEX ix_incidents_{index}"))
        for column in ("admin1", "actors", "search"):
            connection.execute(text(f"ALTER TABLE incidents DROP COLUMN {column}"))

    with Store(db) as store:
        assert store.article(article.id) == article
        assert store.incidents() == incidents
        assert store.counts() == {"articles": 1, "mentions": 1, "claims": 1, "evidence": 0}
    with engine.begin() as connection:
        assert revision(connection) == migrate.head()
        assert schema_diff(connection) == []
        filled = connection.execute(text("SELECT admin1, actors FROM incidents")).one()
        assert tuple(filled) == ("Sahel", "jnim")


def test_reopening_runs_no_migration(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    article, mention = article_and_mention()
    with Store(db) as store:
        store.add(article, [mention])

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("a store at the newest revision was migrated again")

    monkeypatch.setattr(command, "upgrade", refuse)
    monkeypatch.setattr(command, "stamp", refuse)
    for _ in range(2):
        with Store(db) as store:
            assert store.article(article.id) == article


def test_an_unknown_revision_is_a_store_error(db: str, engine: Engine) -> None:
    Store(db).close()
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'f00d'"))
    with pytest.raises(StoreError, match="revision f00d, which this version"):
        Store(db)
