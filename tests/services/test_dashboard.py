"""The dashboard's figures at the edges: moves before and after the date asked about.

Each case writes a small history straight into the store (dated in the past, which
the services refuse on purpose), then asks the dashboard about dates around it.  On
SQLite and PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select, update

from basc_desktop.domain.errors import NotFoundError
from basc_desktop.domain.vocabulary import (
    ActionState,
    ApplicationDecision,
    AuditKind,
    AuditState,
    BusinessType,
    CertificateEventKind,
    Verdict,
)
from basc_desktop.services.dashboard import counted_records, dashboard_figures
from basc_desktop.services.dashboard_forms import FIGURE_RECORDS, Figure, RecordKind
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.admissions import Application
from basc_desktop.store.audits import Audit, CorrectiveAction, Finding
from basc_desktop.store.certificates import Certificate, CertificateEvent
from basc_desktop.store.members import Company
from basc_desktop.store.standards import Requirement
from basc_desktop.store.standing import refresh_standing
from tests.audit_factories import member
from tests.conftest import TODAY

D = date(2025, 6, 30)
Move = tuple[date, CertificateEventKind]
SUSPENDED, REINSTATED = CertificateEventKind.SUSPENDED, CertificateEventKind.REINSTATED
WITHDRAWN, SUPERSEDED = CertificateEventKind.WITHDRAWN, CertificateEventKind.SUPERSEDED


@dataclass
class History:
    ws: Workspace
    seed: int = 0

    def company(self, chapter: str = "co-bog", *, applied: date | None = None) -> int:
        self.seed += 1
        cid = member(self.ws, chapter=chapter, name=f"Empresa {self.seed}", seed=self.seed)
        if applied is not None:
            with self.ws.db.transaction() as session:
                session.add(
                    Application(
                        company_id=cid,
                        opened_on=applied,
                        decision=ApplicationDecision.ADMITTED,
                        decided_on=applied,
                    )
                )
                refresh_standing(session, [cid])
        return cid

    def certificate(self, cid: int, code: str, issued: date, expires: date, *moves: Move) -> int:
        with self.ws.db.transaction() as session:
            cert = Certificate(
                code=code,
                company_id=cid,
                standard_version="6",
                scope=BusinessType.EXPORTER_IMPORTER,
                issue_number=1,
                issued_on=issued,
                expires_on=expires,
            )
            cert.events.append(
                CertificateEvent(occurred_on=issued, kind=CertificateEventKind.ISSUED)
            )
            for on, kind in moves:
                cert.events.append(CertificateEvent(occurred_on=on, kind=kind))
            session.add(cert)
            session.flush()
            refresh_standing(session, [cid])
            return cert.id

    def set(self, cid: int, **values: object) -> None:
        with self.ws.db.transaction() as session:
            session.execute(update(Company).where(Company.id == cid).values(**values))


def _ids(ws: Workspace, figure: Figure, on: date, chapter: str = "co-bog") -> list[int]:
    found = counted_records(ws, figure, on, chapter=chapter)
    assert found.kind is FIGURE_RECORDS[figure]
    return found.ids


def _has(ws: Workspace, cid: int, on: date, chapter: str = "co-bog") -> set[Figure]:
    """The member figures that count company ``cid`` (alone in its chapter) at ``on``."""
    line = dashboard_figures(ws, on, chapters=[chapter]).chapter(chapter)
    counted = {f for f, kind in FIGURE_RECORDS.items() if kind is RecordKind.MEMBERS and line[f]}
    assert all(line[figure] == 1 for figure in counted)
    if counted:  # the click-through finds the same company
        assert _ids(ws, max(counted, key=list(Figure).index), on, chapter) == [cid]
    return counted


CERTIFIED_ONLY = {Figure.MEMBERS, Figure.CERTIFIED}


def test_suspended_then_reinstated_before_the_date_is_certified(workspace: Workspace) -> None:
    h = History(workspace)
    cid = h.company(applied=date(2024, 9, 1))
    h.certificate(
        cid, "T-1", date(2025, 1, 10), date(2026, 1, 10),
        (date(2025, 3, 1), SUSPENDED), (date(2025, 4, 1), REINSTATED),
    )  # fmt: skip
    assert _has(workspace, cid, D) == CERTIFIED_ONLY
    assert _has(workspace, cid, date(2025, 3, 15)) == {Figure.MEMBERS, Figure.SUSPENDED}
    assert _has(workspace, cid, date(2025, 4, 1)) == CERTIFIED_ONLY


def test_suspension_and_reinstatement_on_one_day_follow_their_order(workspace: Workspace) -> None:
    h = History(workspace)
    back = h.company(applied=date(2024, 9, 1))
    h.certificate(
        back, "T-1", date(2025, 1, 10), date(2026, 1, 10),
        (date(2025, 5, 5), SUSPENDED), (date(2025, 5, 5), REINSTATED),
    )  # fmt: skip
    out = h.company("co-ant", applied=date(2024, 9, 1))
    h.certificate(
        out, "T-2", date(2025, 1, 10), date(2026, 1, 10),
        (date(2025, 2, 5), SUSPENDED), (date(2025, 3, 5), REINSTATED),
        (date(2025, 5, 5), SUSPENDED),
    )  # fmt: skip
    assert _has(workspace, back, D) == CERTIFIED_ONLY
    assert _has(workspace, out, D, "co-ant") == {Figure.MEMBERS, Figure.SUSPENDED}


def test_withdrawn_after_the_date_was_still_certified_then(workspace: Workspace) -> None:
    h = History(workspace)
    cid = h.company(applied=date(2024, 9, 1))
    h.certificate(cid, "T-1", date(2025, 1, 10), date(2026, 1, 10), (date(2025, 9, 1), WITHDRAWN))
    assert _has(workspace, cid, D) == CERTIFIED_ONLY
    assert _has(workspace, cid, date(2025, 9, 1)) == {Figure.MEMBERS, Figure.WITHDRAWN}
    # Withdrawal beats expiry: still withdrawn after the expiry date, and today.
    assert _has(workspace, cid, TODAY) == {Figure.MEMBERS, Figure.WITHDRAWN}


def test_a_renewal_issued_after_the_date_does_not_count_yet(workspace: Workspace) -> None:
    h = History(workspace)
    cid = h.company(applied=date(2023, 9, 1))
    h.certificate(cid, "T-1", date(2024, 7, 20), date(2025, 7, 20), (date(2025, 7, 10), SUPERSEDED))
    h.certificate(cid, "T-2", date(2025, 7, 10), date(2026, 7, 10))
    expiring = {Figure.EXPIRING_30, Figure.EXPIRING_60, Figure.EXPIRING_90}
    assert _has(workspace, cid, D) == CERTIFIED_ONLY | expiring  # T-1, 20 days left
    assert _has(workspace, cid, date(2025, 7, 15)) == CERTIFIED_ONLY  # T-2, a year left
    assert _has(workspace, cid, TODAY) == CERTIFIED_ONLY | expiring  # T-2, 25 days left
    figures = dashboard_figures(workspace, D)
    july = figures.expiries[1]
    assert (july.month, july.by_country["CO"], july.count) == (date(2025, 7, 1), 1, 1)


def test_archived_after_the_date_was_a_member_then(workspace: Workspace) -> None:
    h = History(workspace)
    cid = h.company(applied=date(2024, 9, 1))
    h.certificate(cid, "T-1", date(2025, 1, 10), date(2026, 1, 10))
    h.set(cid, archived_on=date(2025, 8, 1))
    assert _has(workspace, cid, D) == CERTIFIED_ONLY
    assert _has(workspace, cid, date(2025, 8, 1)) == set()
    assert _has(workspace, cid, TODAY) == set()


def test_expiry_exactly_on_the_date_is_expired(workspace: Workspace) -> None:
    h = History(workspace)
    cid = h.company(applied=date(2023, 9, 1))
    h.certificate(cid, "T-1", date(2024, 6, 30), D)
    assert _has(workspace, cid, D) == {Figure.MEMBERS, Figure.EXPIRED}
    day_before = date(2025, 6, 29)
    assert _has(workspace, cid, day_before) == CERTIFIED_ONLY | {
        Figure.EXPIRING_30, Figure.EXPIRING_60, Figure.EXPIRING_90,
    }  # fmt: skip
    # 30, 60 and 90 days are counted up to and including the 30th, 60th, 90th day.
    assert Figure.EXPIRING_30 in _has(workspace, cid, date(2025, 5, 31))
    assert Figure.EXPIRING_30 not in _has(workspace, cid, date(2025, 5, 30))


def test_two_sites_issued_the_same_day_count_the_greatest_code(workspace: Workspace) -> None:
    h = History(workspace)
    cid = h.company(applied=date(2024, 9, 1))
    h.certificate(cid, "T-1-A", date(2025, 1, 10), date(2026, 1, 10))
    h.certificate(cid, "T-1-B", date(2025, 1, 10), date(2026, 1, 10), (date(2025, 2, 1), SUSPENDED))
    assert _has(workspace, cid, D) == {Figure.MEMBERS, Figure.SUSPENDED}
    # Codes compare character by character, as Python compares them: "T-10" > "T-1-2"
    # (a collation that skips the dashes would say otherwise).
    other = h.company("co-ant", applied=date(2024, 9, 1))
    h.certificate(other, "T-10", date(2025, 1, 10), date(2026, 1, 10))
    h.certificate(
        other, "T-1-2", date(2025, 1, 10), date(2026, 1, 10), (date(2025, 2, 1), SUSPENDED)
    )
    assert _has(workspace, other, D, "co-ant") == CERTIFIED_ONLY


def test_members_are_known_from_their_first_application_or_their_creation(
    workspace: Workspace,
) -> None:
    h = History(workspace)
    applicant = h.company(applied=date(2025, 5, 1))
    assert _has(workspace, applicant, D) == {Figure.MEMBERS}
    assert _has(workspace, applicant, date(2025, 4, 30)) == set()
    typed_in = h.company("co-ant")
    h.set(typed_in, created_at=datetime(2025, 3, 1, 15, tzinfo=UTC))
    assert _has(workspace, typed_in, date(2025, 3, 1), "co-ant") == {Figure.MEMBERS}
    assert _has(workspace, typed_in, date(2025, 2, 28), "co-ant") == set()
    started = h.company("co-ctg")
    h.set(started, membership_start=date(2025, 6, 1))
    assert _has(workspace, started, D, "co-ctg") == {Figure.MEMBERS}
    assert _has(workspace, started, date(2025, 5, 31), "co-ctg") == set()


def _audit_with_action(ws: Workspace, cid: int, finished: date, due: date, closed: date) -> int:
    with ws.db.transaction() as session:
        requirement = session.scalars(select(Requirement.id).limit(1)).one()
        audit = Audit(
            company_id=cid, standard_version="6", kind=AuditKind.CERTIFICATION,
            state=AuditState.REPORTED, planned_on=finished, started_on=finished,
            finished_on=finished,
        )  # fmt: skip
        session.add(audit)
        session.flush()
        finding = Finding(audit_id=audit.id, requirement_id=requirement, verdict=Verdict.MINOR)
        session.add(finding)
        session.flush()
        action = CorrectiveAction(
            finding_id=finding.id, description="Cerrar la puerta", due_on=due,
            state=ActionState.CLOSED, closed_on=closed,
        )  # fmt: skip
        session.add(action)
        session.flush()
        return action.id


def test_open_and_overdue_corrective_actions_and_the_audits_of_the_month(
    workspace: Workspace,
) -> None:
    h = History(workspace)
    cid = h.company(applied=date(2024, 9, 1))
    action = _audit_with_action(
        workspace, cid, date(2025, 5, 20), due=date(2025, 6, 20), closed=date(2025, 7, 15)
    )
    assert _ids(workspace, Figure.OPEN_ACTIONS, date(2025, 5, 19)) == []  # not raised yet
    assert _ids(workspace, Figure.OPEN_ACTIONS, date(2025, 6, 1)) == [action]
    assert _ids(workspace, Figure.OVERDUE_ACTIONS, date(2025, 6, 20)) == []  # due that day
    assert _ids(workspace, Figure.OVERDUE_ACTIONS, D) == [action]
    assert _ids(workspace, Figure.OPEN_ACTIONS, date(2025, 7, 15)) == []  # closed that day
    audits = counted_records(workspace, Figure.AUDITS_THIS_MONTH, date(2025, 5, 1))
    assert audits.kind is RecordKind.AUDITS
    assert len(audits.ids) == 1
    assert counted_records(workspace, Figure.AUDITS_THIS_MONTH, D).ids == []
    line = dashboard_figures(workspace, D).chapter("co-bog")
    assert (line[Figure.OPEN_ACTIONS], line[Figure.OVERDUE_ACTIONS]) == (1, 1)


def test_lines_add_up_and_every_country_with_a_chapter_has_one(workspace: Workspace) -> None:
    h = History(workspace)
    for chapter in ("co-bog", "co-ant", "mx"):
        cid = h.company(chapter, applied=date(2024, 9, 1))
        h.certificate(cid, f"T-{chapter}", date(2025, 1, 10), date(2026, 1, 10))
    figures = dashboard_figures(workspace, D)
    assert [line.country for line in figures.countries] == workspace.chapters.countries()
    assert figures.country("CO")[Figure.CERTIFIED] == 2
    assert figures.country("MX")[Figure.CERTIFIED] == 1
    assert figures.country("PE")[Figure.MEMBERS] == 0
    assert figures.total[Figure.CERTIFIED] == 3
    for country in figures.countries:
        for figure in Figure:
            assert country[figure] == sum(c[figure] for c in figures.chapters_of(country.country))
    assert dashboard_figures(workspace).on == TODAY
    only = dashboard_figures(workspace, D, chapters=["mx"])
    assert [line.chapter for line in only.chapters] == ["mx"]
    assert only.total[Figure.CERTIFIED] == 1


def test_a_user_sees_only_the_chapters_set_up_for_them(workspace: Workspace) -> None:
    h = History(workspace)
    for chapter in ("co-bog", "mx"):
        cid = h.company(chapter, applied=date(2024, 9, 1))
        h.certificate(cid, f"T-{chapter}", date(2025, 1, 10), date(2026, 1, 10))
    workspace.scope = frozenset({"mx"})
    figures = dashboard_figures(workspace, D)
    assert [line.chapter for line in figures.chapters] == ["mx"]
    assert [line.country for line in figures.countries] == ["MX"]
    assert figures.total[Figure.CERTIFIED] == 1
    assert len(counted_records(workspace, Figure.CERTIFIED, D).ids) == 1
    with pytest.raises(NotFoundError):
        counted_records(workspace, Figure.CERTIFIED, D, chapter="co-bog")
    with pytest.raises(NotFoundError):
        dashboard_figures(workspace, D, chapters=["co-bog"])


def test_figures_have_translatable_labels() -> None:
    assert Figure.EXPIRING_30.label == "Expiring in 30 days"
    assert {figure.days for figure in Figure} == {None, 30, 60, 90}
    assert len({figure.label for figure in Figure}) == len(Figure)
