"""The schema under Alembic: what the revisions build is exactly what the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from basc_desktop.store.engine import make_engine
from basc_desktop.store.models import Base
from basc_desktop.store.schema import current_revision, head_revision


def test_upgraded_database_has_exactly_the_models_schema(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
            tables = set(inspect(connection).get_table_names())
            revision = current_revision(connection)
    finally:
        engine.dispose()
    assert differences == []
    assert tables == set(Base.metadata.tables) | {"alembic_version"}
    assert revision == head_revision()


def test_schema_enforces_unique_and_foreign_keys(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            inspector = inspect(connection)
            company_uniques = {
                tuple(u["column_names"]) for u in inspector.get_unique_constraints("companies")
            }
            certificate_uniques = {
                tuple(u["column_names"]) for u in inspector.get_unique_constraints("certificates")
            }
            certificate_fks = {
                fk["referred_table"] for fk in inspector.get_foreign_keys("certificates")
            }
    finally:
        engine.dispose()
    assert ("country", "tax_id") in company_uniques
    assert ("code",) in certificate_uniques
    assert certificate_fks == {"companies", "audits", "standards"}
