"""Renewal reminders: who is on the list, and reminders kept in the member's history."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.domain.errors import (
    AccessDeniedError,
    BascError,
    LifecycleError,
    NotFoundError,
    ValidationError,
)
from basc_desktop.domain.tax_id_samples import generate_tax_id
from basc_desktop.domain.vocabulary import AuditKind, BusinessType
from basc_desktop.services.audits import start_audit
from basc_desktop.services.certificate_forms import CertificateQuery
from basc_desktop.services.certificates import (
    find_certificates,
    suspend_certificate,
    withdraw_certificate,
)
from basc_desktop.services.member_forms import ContactInput, MemberInput
from basc_desktop.services.members import archive_member, create_member, member_history
from basc_desktop.services.reminders import (
    ReminderRow,
    mark_reminders_sent,
    renewal_reminders,
)
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.events import Event
from tests.audit_factories import planned
from tests.conftest import TODAY
from tests.factories import certify

CITIES = {"co-bog": "Bogotá", "uy": "Montevideo", "ht": "Port-au-Prince", "pe": "Lima"}


def company(
    ws: Workspace,
    name: str,
    *,
    chapter: str = "co-bog",
    expires_in: int,
    seed: int,
    contact: tuple[str, str] | None = None,
    email: str = "",
    today: date = TODAY,
) -> int:
    """A member of ``chapter`` whose certificate (issued a year before) expires in N days."""
    country = ws.chapters.get(chapter).country_code
    row = create_member(
        ws,
        MemberInput(
            legal_name=name,
            tax_id=generate_tax_id(country, random.Random(seed)),
            chapter_code=chapter,
            business_type=BusinessType.EXPORTER_IMPORTER,
            address="Calle 1 # 2-3",
            city=CITIES.get(chapter, ""),
            email=email,
            contacts=(ContactInput(contact[0], "Gerente", contact[1]),) if contact else None,
        ),
    )
    expires = today + timedelta(days=expires_in)
    certify(ws, row.id, expires - timedelta(days=365), expires, code=f"R{seed:03d}-1-1")
    return row.id


@dataclass(frozen=True)
class Renewals:
    """The ids of a small register, by what each company shows."""

    last_day: int
    first_day: int
    one_day_over: int
    expires_today: int
    withdrawn: int
    recertification_planned: int
    recertification_started: int
    diagnostic_planned: int
    suspended: int
    archived: int
    uruguay_80: int
    bogota_80: int
    haiti: int


def renewals(ws: Workspace) -> Renewals:
    """Thirteen members around the warning windows (Bogotá 60 days, Uruguay 90)."""
    ids = Renewals(
        last_day=company(
            ws, "Alfa Exportaciones S.A.S.", expires_in=60, seed=1,
            contact=("Laura Gómez", "laura@alfa.example"),
        ),
        first_day=company(ws, "Beta Carga Ltda.", expires_in=1, seed=2, email="info@beta.example"),
        one_day_over=company(ws, "Gamma Aduanas S.A.", expires_in=61, seed=3),
        expires_today=company(ws, "Delta Depósitos S.A.", expires_in=0, seed=4),
        withdrawn=company(ws, "Épsilon Transportes S.A.", expires_in=30, seed=5),
        recertification_planned=company(ws, "Zeta Logística S.A.", expires_in=30, seed=6),
        recertification_started=company(ws, "Eta Puertos S.A.", expires_in=40, seed=7),
        diagnostic_planned=company(ws, "Theta Agentes S.A.", expires_in=45, seed=8),
        suspended=company(ws, "Iota Seguridad Ltda.", expires_in=20, seed=9),
        archived=company(ws, "Kappa Archivada S.A.", expires_in=25, seed=10),
        uruguay_80=company(ws, "Lambda Uruguay S.A.", chapter="uy", expires_in=80, seed=11),
        bogota_80=company(ws, "Mu Bogotá S.A.S.", expires_in=80, seed=12),
        haiti=company(ws, "Nu Transport Haïti S.A.", chapter="ht", expires_in=50, seed=13),
    )  # fmt: skip
    [cert] = find_certificates(ws, CertificateQuery(company_id=ids.withdrawn))
    withdraw_certificate(ws, cert.id, reason="Incidente", on=TODAY - timedelta(days=3))
    [cert] = find_certificates(ws, CertificateQuery(company_id=ids.suspended))
    suspend_certificate(ws, cert.id, reason="Cuotas", on=TODAY - timedelta(days=2))
    planned(ws, ids.recertification_planned, kind=AuditKind.RECERTIFICATION, on=TODAY)
    started = planned(ws, ids.recertification_started, kind=AuditKind.RECERTIFICATION, on=TODAY)
    start_audit(ws, started.id, on=TODAY)
    planned(ws, ids.diagnostic_planned, kind=AuditKind.DIAGNOSTIC, on=TODAY)
    archive_member(ws, ids.archived, on=TODAY - timedelta(days=1))
    return ids


def listed(rows: list[ReminderRow]) -> list[int]:
    return [row.company_id for row in rows]


def test_the_list_holds_exactly_the_companies_to_remind(workspace: Workspace) -> None:
    ids = renewals(workspace)
    rows = renewal_reminders(workspace)
    # Soonest expiry first; Uruguay's 90-day window takes its 80 days, Bogotá's does not.
    assert listed(rows) == [
        ids.first_day,
        ids.suspended,
        ids.diagnostic_planned,
        ids.haiti,
        ids.last_day,
        ids.uruguay_80,
    ]
    first = rows[0]
    assert first.days_left == 1
    assert first.expires_on == TODAY + timedelta(days=1)
    assert first.certificate_code == "R002-1-1"
    assert first.contact_name == ""
    assert first.contact_email == "info@beta.example"  # the company's own, without a contact
    assert (first.last_reminder_on, first.reminders_sent) == (None, 0)
    last_day = next(row for row in rows if row.company_id == ids.last_day)
    assert last_day.days_left == 60
    assert (last_day.contact_name, last_day.contact_email) == ("Laura Gómez", "laura@alfa.example")
    assert (last_day.chapter_code, last_day.country) == ("co-bog", "CO")
    assert last_day.company_name == "Alfa Exportaciones S.A.S."
    assert [row.suspended for row in rows] == [False, True, False, False, False, False]
    _follows_its_date_and_chapter(workspace, ids)
    _follows_the_chapter_window(workspace, ids)
    _respects_access(workspace, ids)


def _follows_its_date_and_chapter(workspace: Workspace, ids: Renewals) -> None:
    # A day later, the last-day company is inside by one day and Gamma comes in.
    later = renewal_reminders(workspace, on=TODAY + timedelta(days=1), chapter="co-bog")
    assert ids.one_day_over in listed(later)
    assert ids.first_day not in listed(later)  # its certificate has expired
    assert ids.uruguay_80 not in listed(later)
    assert listed(renewal_reminders(workspace, chapter="uy")) == [ids.uruguay_80]
    assert listed(renewal_reminders(workspace, chapter="ht")) == [ids.haiti]
    with pytest.raises(NotFoundError):
        renewal_reminders(workspace, chapter="zz")


def _follows_the_chapter_window(workspace: Workspace, ids: Renewals) -> None:
    chapters = workspace.chapters
    bogota = replace(chapters.get("co-bog"), expiry_warning_days=80)
    wider = ChapterRegistry([bogota if c.code == "co-bog" else c for c in chapters])
    ws = replace(workspace, chapters=wider)
    assert {ids.one_day_over, ids.bogota_80} <= set(listed(renewal_reminders(ws)))
    narrow = replace(chapters.get("co-bog"), expiry_warning_days=1)
    ws = replace(workspace, chapters=ChapterRegistry([narrow]))
    assert listed(renewal_reminders(ws)) == [ids.first_day]


def _respects_access(workspace: Workspace, ids: Renewals) -> None:
    haiti_only = replace(workspace, scope=frozenset({"ht"}))
    assert listed(renewal_reminders(haiti_only)) == [ids.haiti]
    with pytest.raises(AccessDeniedError):
        renewal_reminders(haiti_only, chapter="co-bog")
    with pytest.raises(AccessDeniedError):
        mark_reminders_sent(haiti_only, [ids.haiti, ids.last_day])
    assert _reminder_events(workspace) == 0


def _reminder_events(ws: Workspace) -> int:
    with ws.db.reading() as session:
        return session.scalar(
            select(func.count()).select_from(Event).where(Event.action == "reminder")
        ) or 0  # fmt: skip


def _refusals_write_nothing(workspace: Workspace, ids: Renewals) -> None:
    """Marking is one transaction: one refused company, and nothing is written."""
    with pytest.raises(LifecycleError, match="no certificate in force"):
        mark_reminders_sent(workspace, [ids.last_day, ids.withdrawn])
    with pytest.raises(LifecycleError):
        mark_reminders_sent(workspace, [ids.first_day, ids.expires_today])
    with pytest.raises(NotFoundError):
        mark_reminders_sent(workspace, [ids.last_day, 999_999])
    with pytest.raises(ValidationError):
        mark_reminders_sent(workspace, [ids.last_day], on=TODAY + timedelta(days=1))
    with pytest.raises(BascError):
        mark_reminders_sent(workspace, [])
    assert _reminder_events(workspace) == 0
    assert all(row.reminders_sent == 0 for row in renewal_reminders(workspace))


def test_marked_reminders_are_in_the_history_and_on_the_list(workspace: Workspace) -> None:
    ids = renewals(workspace)
    _refusals_write_nothing(workspace, ids)
    assert mark_reminders_sent(workspace, [ids.last_day, ids.haiti], on=TODAY - timedelta(1)) == 2
    assert mark_reminders_sent(workspace, [ids.last_day]) == 1
    rows = {row.company_id: row for row in renewal_reminders(workspace)}
    assert (rows[ids.last_day].reminders_sent, rows[ids.last_day].last_reminder_on) == (2, TODAY)
    assert rows[ids.haiti].last_reminder_on == TODAY - timedelta(days=1)
    assert rows[ids.first_day].reminders_sent == 0
    not_reminded = renewal_reminders(workspace, include_reminded=False)
    assert ids.last_day not in listed(not_reminded)
    assert ids.first_day in listed(not_reminded)

    history = member_history(workspace, ids.last_day)
    reminders = [entry for entry in history if entry.action == "reminder"]
    assert len(reminders) == 2
    assert all(entry.user == "tester" for entry in reminders)
    changes = {change.field: change.new for change in reminders[0].changes}
    assert changes == {
        "certificate": "R001-1-1",
        "expires_on": (TODAY + timedelta(days=60)).isoformat(),
        "sent_on": TODAY.isoformat(),
    }


def test_a_reminder_counts_for_its_own_certificate_only(workspace: Workspace) -> None:
    first = company(workspace, "Omicron S.A.", expires_in=10, seed=21)
    mark_reminders_sent(workspace, [first])
    # Renewed (a new certificate issued today, expiring within the window for the test).
    certify(workspace, first, TODAY, TODAY + timedelta(days=50), code="R021-1-2")
    [row] = renewal_reminders(workspace)
    assert (row.certificate_code, row.reminders_sent, row.last_reminder_on) == ("R021-1-2", 0, None)


def test_a_closed_recertification_waiting_for_its_certificate_keeps_it_off(
    workspace: Workspace,
) -> None:
    from tests.certificate_factories import closed

    waiting = company(workspace, "Pi Terminales S.A.", expires_in=15, seed=22)
    assert listed(renewal_reminders(workspace)) == [waiting]
    closed(workspace, waiting, kind=AuditKind.RECERTIFICATION, on=TODAY)
    assert renewal_reminders(workspace) == []


def test_an_old_recertification_before_this_certificate_does_not_count(
    workspace: Workspace,
) -> None:
    from tests.audit_factories import member
    from tests.certificate_factories import certified

    member_id = member(workspace, name="Rho Carga S.A.", seed=23)
    # A renewal issued from a recertification audit 340 days ago expires in 25 days.
    certified(workspace, member_id, on=TODAY - timedelta(days=340), kind=AuditKind.RECERTIFICATION)
    [row] = renewal_reminders(workspace)
    assert row.company_id == member_id
    assert row.expires_on == date(2026, 7, 10)
