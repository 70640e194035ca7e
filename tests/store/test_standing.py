"""The status computed in SQL from the standing columns agrees with the domain's status_at.

Any records, any chapter warning window, any date on or after the latest record (the
standing's assumption: records are never dated after today).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from basc_desktop.domain.lifecycle import (
    CertificateEvent,
    CertificateRecord,
    CompanyRecords,
    status_at,
)
from basc_desktop.domain.vocabulary import (
    ApplicationDecision,
    BusinessType,
    CertificateEventKind,
)
from basc_desktop.store import models
from basc_desktop.store.engine import Database, make_engine, sqlite_url
from basc_desktop.store.standing import refresh_standing, status_expression

START = date(2020, 1, 1)
dates = st.integers(0, 1500).map(lambda n: START + timedelta(days=n))
kinds = st.sampled_from(
    [
        CertificateEventKind.SUSPENDED,
        CertificateEventKind.SUSPENDED,
        CertificateEventKind.REINSTATED,
        CertificateEventKind.WITHDRAWN,
        CertificateEventKind.SUPERSEDED,
        CertificateEventKind.ISSUED,
    ]
)


@st.composite
def certificate(draw: st.DrawFn, code: str) -> CertificateRecord:
    issued = draw(dates)
    expires = issued + timedelta(days=draw(st.integers(1, 800)))
    on = st.integers(0, 900).map(lambda n: issued + timedelta(days=n))
    events = draw(st.lists(st.builds(CertificateEvent, on, kinds), max_size=5))
    return CertificateRecord(code, issued, expires, tuple(events))


@st.composite
def records(draw: st.DrawFn) -> CompanyRecords:
    applied = draw(st.one_of(dates, st.none()))
    admitted = None
    if applied is not None:
        admitted = draw(
            st.one_of(st.none(), st.integers(0, 300).map(lambda n: applied + timedelta(days=n)))
        )
    count = draw(st.integers(0, 3))
    return CompanyRecords(
        applied, admitted, tuple(draw(certificate(f"C-{n}")) for n in range(count))
    )


def _latest(rec: CompanyRecords) -> date:
    found = [d for d in (rec.applied_on, rec.admitted_on) if d is not None]
    for cert in rec.certificates:
        found.append(cert.issued_on)
        found.extend(e.on for e in cert.events)
    return max(found, default=START)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("standing") / "standing.sqlite"
    path.write_bytes(sqlite_template.read_bytes())
    db = Database(make_engine(sqlite_url(path)))
    with db.transaction() as session:
        session.add(models.ChapterRow(code="co-bog", name="BASC Bogotá", country="CO"))
        session.add(models.Standard(version="6", title="BASC 6"))
    try:
        yield db
    finally:
        db.close()


def _write(db: Database, rec: CompanyRecords) -> int:
    with db.transaction() as session:
        for table in ("certificate_events", "certificates", "applications", "companies"):
            session.execute(delete(models.Base.metadata.tables[table]))
        company = models.Company(
            chapter_code="co-bog",
            member_number=1,
            legal_name="Prueba S.A.S.",
            tax_id="9001234567",
            country="CO",
            business_type=BusinessType.CUSTOMS_AGENT,
        )
        session.add(company)
        session.flush()
        if rec.applied_on is not None:
            session.add(
                models.Application(
                    company_id=company.id,
                    opened_on=rec.applied_on,
                    decision=ApplicationDecision.ADMITTED if rec.admitted_on else None,
                    decided_on=rec.admitted_on,
                )
            )
        for n, cert in enumerate(rec.certificates, start=1):
            row = models.Certificate(
                code=cert.code,
                company_id=company.id,
                standard_version="6",
                scope=BusinessType.CUSTOMS_AGENT,
                issue_number=n,
                issued_on=cert.issued_on,
                expires_on=cert.expires_on,
            )
            row.events.extend(
                models.CertificateEvent(occurred_on=e.on, kind=e.kind) for e in cert.events
            )
            session.add(row)
        session.flush()
        refresh_standing(session, [company.id])
        return company.id


def _interesting_days(rec: CompanyRecords, warning: int) -> list[date]:
    """Dates at the edges of the status rules: expiry and the start of the warning window."""
    found = []
    for cert in rec.certificates:
        for shift in (-warning - 1, -warning, -warning + 1, -1, 0, 1):
            found.append(cert.expires_on + timedelta(days=shift))
    return found


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(records(), st.integers(0, 900), st.integers(0, 120), st.booleans(), st.data())
def test_sql_status_agrees_with_status_at(
    database: Database,
    rec: CompanyRecords,
    later: int,
    warning: int,
    own_chapter: bool,
    data: st.DataObject,
) -> None:
    company_id = _write(database, rec)
    window = warning if own_chapter else 60
    latest = _latest(rec)
    edges = [d for d in _interesting_days(rec, window) if d >= latest]
    on = data.draw(st.sampled_from([latest + timedelta(days=later), *edges]))
    windows = {"co-bog": warning} if own_chapter else {"other": 5}
    expected = status_at(rec, on, expiry_warning_days=window)
    with database.reading() as session:
        found = session.scalar(
            select(status_expression(on, windows)).where(models.Company.id == company_id)
        )
    assert found == (expected.value if expected is not None else None)
