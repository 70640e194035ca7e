"""0005: an 0004 database keeps its applications, and each session's decisions get a line."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import text

from basc_desktop.store.engine import make_engine
from basc_desktop.store.models import Base
from basc_desktop.store.schema import upgrade


def _insert_0004_records(connection: object) -> None:
    run = connection.execute  # type: ignore[attr-defined]
    now = datetime(2026, 1, 1, tzinfo=UTC)
    run(text("INSERT INTO chapters (code, name, country) VALUES ('sv', 'BASC El Salvador', 'SV')"))
    for n in (1, 2, 3):
        run(
            text(
                "INSERT INTO companies (id, chapter_code, member_number, legal_name, trade_name, "
                "tax_id, country, business_type, address, city, phone, email, website, notes, "
                "sort_name, search_text, created_at, updated_at, version) "
                "VALUES (:n, 'sv', :number, "
                ":name, '', :tax, 'SV', 'security_company', '', '', '', '', '', '', :sort, "
                ":search, :created, :updated, 1)"
            ),
            {
                "n": n,
                "number": n,
                "name": f"empresa {n}",
                "sort": f"empresa {n}",
                "search": f"empresa {n}",
                "tax": f"0614{n:010d}",
                "created": now,
                "updated": now,
            },
        )
    run(
        text(
            "INSERT INTO committee_sessions (id, chapter_code, held_on, members_present, notes) "
            "VALUES (1, 'sv', :held, 'Ana, Luis', '')"
        ),
        {"held": date(2026, 5, 13)},
    )
    applications = [
        (1, 1, 1, "admitted", "", date(2026, 5, 13)),
        (2, 2, 1, "postponed", "Falta el permiso", date(2026, 5, 13)),
        (3, 3, None, None, "", None),
    ]
    for app_id, company, session, decision, reason, decided in applications:
        run(
            text(
                "INSERT INTO applications (id, company_id, opened_on, committee_session_id, "
                "decision, decision_reason, decided_on, version) "
                "VALUES (:id, :c, :o, :s, :d, :r, :dd, 1)"
            ),
            {
                "id": app_id,
                "c": company,
                "o": date(2026, 3, 1),
                "s": session,
                "d": decision,
                "r": reason,
                "dd": decided,
            },
        )
        run(
            text(
                "INSERT INTO application_documents (application_id, document_id, state, "
                "received_on, file_name, file_sha256) VALUES (:a, 'application-form', "
                "'received', :on, 'form.pdf', 'abc')"
            ),
            {"a": app_id, "on": date(2026, 3, 2)},
        )


def test_0005_keeps_documents_and_fills_the_committee_lines(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        cascade = " CASCADE" if engine.dialect.name == "postgresql" else ""
        with engine.begin() as connection:
            connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
            for table in reversed(Base.metadata.sorted_tables):
                connection.execute(text(f'DROP TABLE IF EXISTS "{table.name}"{cascade}'))
        upgrade(engine, "0004")
        with engine.begin() as connection:
            _insert_0004_records(connection)
        upgrade(engine)
        with engine.connect() as connection:
            lines = connection.execute(
                text(
                    "SELECT committee_session_id, application_id, decision, reason "
                    "FROM committee_decisions ORDER BY application_id"
                )
            ).all()
            documents = connection.execute(
                text(
                    "SELECT application_id, file_name, stored_name, note "
                    "FROM application_documents ORDER BY application_id"
                )
            ).all()
    finally:
        engine.dispose()
    assert [tuple(line) for line in lines] == [
        (1, 1, "admitted", ""),
        (1, 2, "postponed", "Falta el permiso"),
    ]
    assert [tuple(d) for d in documents] == [
        (1, "form.pdf", "", ""),
        (2, "form.pdf", "", ""),
        (3, "form.pdf", "", ""),
    ]
