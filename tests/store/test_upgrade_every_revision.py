"""A register made by every earlier schema revision upgrades to head with its data intact.

For each revision the program ships (but the newest), a database is made at that
revision, filled with raw SQL as the program of that time wrote it (a chapter, a
standard and its requirement, an auditor, members with contacts and related
certifications, applications heard by a committee with their documents, an audit with
its team, a finding and its corrective action, a certificate with its history, events),
then opened as the program opens it (which upgrades it).  Every row must still be there
with its values, and what the later revisions derive must be filled in: the standing
columns (0002) and the committee's decision lines (0005).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import Connection

from basc_desktop.store.engine import make_engine, sqlite_url
from basc_desktop.store.models import Base
from basc_desktop.store.opening import open_database
from basc_desktop.store.schema import current_revision, head_revision, known_revisions, upgrade
from basc_desktop.store.standing import (
    STANDING_COLUMNS,
    company_records,
    next_planned_audits,
    standing_of,
)
from tests.store.revision_rows import ROWS, STANDING_SINCE_0002

OLDER = sorted(known_revisions() - {head_revision()})


def _insert(connection: Connection, revision: str) -> None:
    for table, rows in ROWS.items():
        for row in rows:
            values = dict(row)
            if table == "companies" and revision >= "0002":
                standing = (
                    STANDING_SINCE_0002 if row["id"] == 1 else {"applied_on": date(2025, 5, 20)}
                )
                values |= standing
            columns = ", ".join(values)
            params = ", ".join(f":{name}" for name in values)
            connection.execute(text(f"INSERT INTO {table} ({columns}) VALUES ({params})"), values)
    if revision >= "0005":
        for application_id, decision, reason in (
            (1, "admitted", ""),
            (2, "postponed", "Falta el permiso de funcionamiento"),
        ):
            connection.execute(
                text(
                    "INSERT INTO committee_decisions (committee_session_id, application_id, "
                    "decision, reason) VALUES (1, :a, :d, :r)"
                ),
                {"a": application_id, "d": decision, "r": reason},
            )


def _plain(value: Any) -> Any:
    return value.value if hasattr(value, "value") else value


def _read(connection: Connection, table: str, row: dict[str, Any]) -> dict[str, Any]:
    model = Base.metadata.tables[table]
    keys = list(model.primary_key.columns)
    where = [column == row[column.name] for column in keys]
    found = connection.execute(select(*(model.c[name] for name in row)).where(*where)).one()
    return {name: _plain(value) for name, value in found._mapping.items()}


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database (no tables); PostgreSQL is put back at head afterwards."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "old.sqlite")
        return
    url: str = request.getfixturevalue("postgres_url")
    engine = make_engine(url)

    def wipe() -> None:
        with engine.begin() as conn:  # drops the tables, triggers and events_refuse_change()
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))

    try:
        wipe()
        yield url
    finally:
        wipe()
        upgrade(engine)
        engine.dispose()


@pytest.mark.parametrize("revision", OLDER)
def test_a_database_of_every_revision_upgrades_with_its_data(
    empty_url: str, revision: str, tmp_path: Path
) -> None:
    engine = make_engine(empty_url)
    try:
        upgrade(engine, revision)
        with engine.begin() as connection:
            assert current_revision(connection) == revision
            _insert(connection, revision)
    finally:
        engine.dispose()

    db = open_database(empty_url, backups_dir=tmp_path / "backups")
    try:
        with db.engine.connect() as connection:
            assert current_revision(connection) == head_revision()
            for table, rows in ROWS.items():
                for row in rows:
                    expected = {
                        k: v.replace(tzinfo=UTC) if isinstance(v, datetime) else v
                        for k, v in row.items()
                    }
                    if table in ("requirements", "events"):
                        expected.pop("business_types", None)
                        expected.pop("changes", None)
                    read = _read(connection, table, {k: row[k] for k in expected})
                    assert read == expected, table
            model = Base.metadata.tables
            types = connection.execute(select(model["requirements"].c.business_types)).scalar()
            assert types == ["exporter_importer", "warehouse"]
            changes = connection.execute(select(model["events"].c.changes)).scalar()
            assert changes == {"legal_name": "Exportadora Andina S.A.S."}

            # Derived since 0002: the standing says what the records say.
            records = company_records(connection, [1, 2])
            audits = next_planned_audits(connection, [1, 2])
            for company_id in (1, 2):
                stored = connection.execute(
                    select(*(model["companies"].c[name] for name in STANDING_COLUMNS)).where(
                        model["companies"].c.id == company_id
                    )
                ).one()
                derived = standing_of(records[company_id], audits.get(company_id))
                assert tuple(stored) == tuple(getattr(derived, n) for n in STANDING_COLUMNS)
            assert stored_code(connection) == "COLBOG00001-1-1"
            # Derived since 0005: one decision line per application heard.
            lines = connection.execute(
                text(
                    "SELECT committee_session_id, application_id, decision, reason "
                    "FROM committee_decisions ORDER BY application_id"
                )
            ).all()
            assert [tuple(line) for line in lines] == [
                (1, 1, "admitted", ""),
                (1, 2, "postponed", "Falta el permiso de funcionamiento"),
            ]
            documents = connection.execute(
                text("SELECT stored_name, note FROM application_documents")
            ).all()
            assert [tuple(d) for d in documents] == [("", "")]
    finally:
        db.close()
    # An SQLite file is copied before its upgrade; a server is backed up by its administrator.
    backups = list((tmp_path / "backups").glob("*.sqlite*"))
    assert len(backups) == (1 if empty_url.startswith("sqlite") else 0)


def stored_code(connection: Connection) -> str | None:
    companies = Base.metadata.tables["companies"]
    return connection.execute(
        select(companies.c.certificate_code).where(companies.c.id == 1)
    ).scalar()
