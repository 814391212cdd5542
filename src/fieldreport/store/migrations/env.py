"""Alembic's environment, two ways. ``fieldreport.store.migrate`` runs it on the connection of a
store being opened (``config.attributes["connection"]``): the revisions need no models. The
``alembic`` command (alembic.ini at the repository root, docs/migrations.md) runs it for
developers on ``-x db=URL_OR_PATH`` or ``sqlalchemy.url``, with the models for --autogenerate.
"""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context
from sqlalchemy import Connection, MetaData, create_engine, pool

from fieldreport.store import database_url

config = context.config


def models() -> MetaData:
    """Every table of the models: the store's and the monitor's, on one ``Base``."""
    import fieldreport.watch.state  # noqa: F401  (its tables; loads spaCy, so only here)
    from fieldreport.store.schema import Base

    return Base.metadata


def run(connection: Connection, target: MetaData | None) -> None:
    # batch operations, because SQLite can ALTER little; on PostgreSQL they are plain ALTERs
    context.configure(connection=connection, target_metadata=target, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_for_developer() -> None:
    if config.config_file_name is not None:
        fileConfig(config.config_file_name)
    db = context.get_x_argument(as_dictionary=True).get("db")
    url = database_url(db or config.get_main_option("sqlalchemy.url") or "")
    if context.is_offline_mode():
        context.configure(url=url, target_metadata=models(), literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(url, poolclass=pool.NullPool)
    try:
        with engine.connect() as connection:
            run(connection, models())
    finally:
        engine.dispose()


store_connection: Connection | None = config.attributes.get("connection")
if store_connection is not None:
    run(store_connection, None)
else:
    run_for_developer()
