"""Alembic environment: runs on the connection the program hands over.

``basc db upgrade`` and the start-up upgrade both pass their open connection in
``config.attributes["connection"]``; the ``alembic`` command line (for developers
writing a new revision) gives a URL in ``sqlalchemy.url`` instead.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from basc_desktop.store.models import Base
from basc_desktop.store.search_index import is_search_index

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        # The search index is made by hand (store/search_index.py), not by the models.
        include_name=lambda name, kind, _parents: not is_search_index(name, kind),
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as conn:
        _run(conn)


if context.is_offline_mode():
    raise SystemExit("BASC Desktop migrations run online only.")
run_migrations_online()
