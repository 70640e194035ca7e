"""The schema under Alembic: what the revisions build is exactly what the models describe."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, inspect, select, text
from sqlalchemy.orm import Session

from basc_desktop.domain.lifecycle import status_at
from basc_desktop.domain.vocabulary import MemberStatus
from basc_desktop.store.engine import make_engine
from basc_desktop.store.members import Company
from basc_desktop.store.models import Base
from basc_desktop.store.schema import current_revision, head_revision, upgrade
from basc_desktop.store.search_index import is_search_index
from basc_desktop.store.standing import company_records, status_expression
from tests.conftest import TODAY


def _modelled(name: str | None, kind: str, *_parents: object) -> bool:
    """Whether a schema object is one the models describe: the search index is not."""
    return not is_search_index(name, kind)


def test_upgraded_database_has_exactly_the_models_schema(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "include_name": _modelled}
            )
            differences = compare_metadata(context, Base.metadata)
            tables = {t for t in inspect(connection).get_table_names() if _modelled(t, "table")}
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


# --- 0002: member standing -------------------------------------------------------------------


def _insert_0001_records(connection: Connection) -> None:
    """A few companies in every situation, written as a 0001 database held them."""
    now = datetime(2026, 1, 1, tzinfo=UTC)
    connection.execute(
        text("INSERT INTO chapters (code, name, country) VALUES ('co-bog', 'BASC Bogotá', 'CO')")
    )
    connection.execute(text("INSERT INTO standards (version, title) VALUES ('6', 'BASC 6')"))
    connection.execute(
        text(
            "INSERT INTO auditors (id, name, email, active) VALUES (1, 'Ana', 'a@x.example', true)"
        )
    )
    for n in range(1, 8):
        connection.execute(
            text(
                "INSERT INTO companies (id, chapter_code, member_number, legal_name, trade_name, "
                "tax_id, country, business_type, address, city, phone, email, website, notes, "
                "sort_name, search_text, created_at, updated_at, version) VALUES (:n, 'co-bog', "
                ":number, :name, '', :tax, 'CO', 'customs_agent', '', '', '', '', '', '', "
                ":sort, :search, :created, :updated, 1)"
            ),
            {
                "n": n,
                "number": n,
                "name": f"empresa {n}",
                "sort": f"empresa {n}",
                "search": f"empresa {n}",
                "tax": f"90000000{n}",
                "created": now,
                "updated": now,
            },
        )

    def day(offset: int) -> date:
        return TODAY + timedelta(days=offset)

    applications = [
        (1, day(-40), None, None),  # applicant
        (2, day(-300), "admitted", day(-270)),  # in process
        (3, day(-700), "admitted", day(-650)),
        (4, day(-700), "admitted", day(-650)),
        (5, day(-700), "admitted", day(-650)),
        (6, day(-900), "admitted", day(-850)),
    ]  # company 7: never applied
    for company, opened, decision, decided in applications:
        connection.execute(
            text(
                "INSERT INTO applications (company_id, opened_on, decision, decided_on, "
                "decision_reason, version) VALUES (:c, :o, :d, :dd, '', 1)"
            ),
            {"c": company, "o": opened, "d": decision, "dd": decided},
        )
    certificates = [
        (1, 3, "CERT-3", day(-100), day(265)),
        (2, 4, "CERT-4", day(-100), day(265)),
        (3, 5, "CERT-5", day(-100), day(265)),
        (4, 6, "CERT-6-1", day(-500), day(-135)),
        (5, 6, "CERT-6-2", day(-140), day(30)),
    ]
    for cid, company, code, issued, expires in certificates:
        connection.execute(
            text(
                "INSERT INTO certificates (id, code, company_id, standard_version, scope, site, "
                "issue_number, issued_on, expires_on, state, signature, created_at, version) "
                "VALUES (:id, :code, :c, '6', 'customs_agent', 1, 1, :i, :e, 'valid', '', :now, 1)"
            ),
            {"id": cid, "code": code, "c": company, "i": issued, "e": expires, "now": now},
        )
    events = [
        (1, day(-100), "issued"),
        (2, day(-100), "issued"),
        (2, day(-20), "suspended"),
        (3, day(-100), "issued"),
        (3, day(-50), "suspended"),
        (3, day(-10), "withdrawn"),
        (4, day(-500), "issued"),
        (4, day(-140), "superseded"),
        (5, day(-140), "issued"),
    ]
    for cert, on, kind in events:
        connection.execute(
            text(
                "INSERT INTO certificate_events (certificate_id, occurred_on, kind, reason, "
                "recorded_by, recorded_at) VALUES (:c, :o, :k, '', 'x', :now)"
            ),
            {"c": cert, "o": on, "k": kind, "now": now},
        )
    audits = [(3, day(-110), "closed"), (3, day(200), "planned"), (3, day(250), "planned")]
    audits += [(6, day(-3), "planned")]
    for company, planned, state in audits:
        connection.execute(
            text(
                "INSERT INTO audits (company_id, standard_version, kind, state, planned_on, "
                "lead_auditor_id, summary, created_at, version) VALUES (:c, '6', "
                "'certification', :s, :p, 1, '', :now, 1)"
            ),
            {"c": company, "s": state, "p": planned, "now": now},
        )


def test_0002_fills_the_standing_of_an_existing_database(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        cascade = " CASCADE" if engine.dialect.name == "postgresql" else ""
        with engine.begin() as connection:  # start from an empty database
            connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
            for table in reversed(Base.metadata.sorted_tables):
                connection.execute(text(f'DROP TABLE IF EXISTS "{table.name}"{cascade}'))
        upgrade(engine, "0001")
        with engine.begin() as connection:
            _insert_0001_records(connection)
        upgrade(engine)
        with engine.connect() as connection:
            columns = select(
                Company.id,
                Company.applied_on,
                Company.admitted_on,
                Company.certificate_code,
                Company.expires_on,
                Company.withdrawn_on,
                Company.suspended_on,
                Company.next_audit_on,
                Company.version,
            )
            rows = {row.id: row for row in connection.execute(columns)}
            status = status_expression(TODAY, {"co-bog": 60})
            found = dict(connection.execute(select(Company.id, status)).all())
            session = Session(bind=connection)
            records = company_records(session, list(rows))
    finally:
        engine.dispose()

    def day(offset: int) -> date:
        return TODAY + timedelta(days=offset)

    assert rows[1].applied_on == day(-40)
    assert rows[1].admitted_on is None
    assert rows[2].admitted_on == day(-270)
    assert (rows[3].certificate_code, rows[3].expires_on) == ("CERT-3", day(265))
    assert rows[3].next_audit_on == day(200)
    assert rows[4].suspended_on == day(-20)
    assert (rows[5].withdrawn_on, rows[5].suspended_on) == (day(-10), day(-50))
    assert (rows[6].certificate_code, rows[6].next_audit_on) == ("CERT-6-2", day(-3))
    assert rows[7].applied_on is None
    assert rows[7].certificate_code is None
    assert {row.version for row in rows.values()} == {1}
    expected = {cid: status_at(rec, TODAY, expiry_warning_days=60) for cid, rec in records.items()}
    assert found == {cid: s.value if s else None for cid, s in expected.items()}
    assert [expected[n] for n in range(1, 8)] == [
        MemberStatus.APPLICANT,
        MemberStatus.IN_PROCESS,
        MemberStatus.CERTIFIED,
        MemberStatus.SUSPENDED,
        MemberStatus.WITHDRAWN,
        MemberStatus.EXPIRING,
        None,
    ]
