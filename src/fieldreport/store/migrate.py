"""The store's schema under Alembic: opening a store brings its database to the newest revision.

A new database is built by the revisions (``migrations/versions``); one at an older revision is
upgraded; one made before Alembic (the tables but no ``alembic_version``) is first brought to
the baseline as opening it used to (``migrations.baseline.to_baseline``), stamped, then
upgraded. Alembic is configured here, without an alembic.ini. A database already at the newest
revision costs one look at ``alembic_version`` and no lock, so opening many stores stays fast.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine

from fieldreport.errors import StoreError
from fieldreport.store.migrations.baseline import made_before_alembic, to_baseline

MIGRATIONS = Path(__file__).parent / "migrations"
BASELINE = "0001"
PG_LOCK = 0x6669656C64  # advisory lock key ("field"): one process migrates a PostgreSQL db at once


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration: the packaged scripts; ``env.py`` runs on ``connection``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head() -> str:
    """The newest revision this version of fieldreport knows."""
    newest = _scripts().get_current_head()
    assert newest is not None, "no revision in migrations/versions"
    return newest


def upgrade(engine: Engine) -> None:
    """Bring the database to ``head()``; ``StoreError`` if it is at a revision unknown here."""
    with engine.connect() as connection:
        current = _revision(connection)  # the usual case, at head: one look, no lock
        connection.rollback()
        if current == head():
            return
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:  # a table rebuilt by a batch migration must not cascade-delete its children
            _pragma(connection, "foreign_keys=OFF")
        try:
            with connection.begin():
                _lock(connection)
                _migrate(connection)
        finally:
            if sqlite:
                _pragma(connection, "foreign_keys=ON")


def _revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def _pragma(connection: Connection, setting: str) -> None:
    connection.exec_driver_sql(f"PRAGMA {setting}")  # takes effect outside a transaction only
    connection.commit()


def _lock(connection: Connection) -> None:
    """One process migrates a database at a time; the others then find it at head. SQLite's
    lock is a write transaction, which also makes its DDL one commit (one fsync, all or
    nothing) instead of one per statement."""
    if connection.dialect.name == "postgresql":  # held until the transaction ends
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_LOCK})")
    elif connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _migrate(connection: Connection) -> None:
    shown = connection.engine.url.render_as_string(hide_password=True)
    current = _revision(connection)
    if current == head():  # another process migrated it while we waited for the lock
        return
    if current is not None and current not in {s.revision for s in _scripts().walk_revisions()}:
        raise StoreError(
            f"the database is at schema revision {current}, which this version of fieldreport "
            f"does not know (its newest is {head()}): use the fieldreport that upgraded it",
            source=shown,
        )
    config = alembic_config(connection)
    try:
        if current is None and made_before_alembic(connection):
            to_baseline(connection)
            command.stamp(config, BASELINE)
        command.upgrade(config, "head")
    except CommandError as exc:
        raise StoreError(f"cannot migrate the database schema: {exc}", source=shown) from exc
