"""The demo database: what a coordinator trying the program expects to find in it."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Row, func, select, text

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.domain.errors import BascError
from basc_desktop.domain.lifecycle import CertificateEvent as LifecycleEvent
from basc_desktop.domain.lifecycle import CertificateRecord, certificate_state_at
from basc_desktop.domain.numbering import parse_certificate_code
from basc_desktop.domain.tax_ids import check_tax_id
from basc_desktop.domain.vocabulary import (
    ActionState,
    ApplicationDecision,
    AuditKind,
    AuditState,
    BusinessType,
    CertificateEventKind,
    CertificateState,
    MemberStatus,
    Verdict,
)
from basc_desktop.services.checklist import checklist_progress
from basc_desktop.services.demo import (
    DemoCancelled,
    DemoSummary,
    add_months,
    build_demo,
    create_demo_database,
)
from basc_desktop.services.member_forms import MemberInput
from basc_desktop.services.members import create_member
from basc_desktop.services.opening import open_workspace
from basc_desktop.services.status import status_facts
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import Settings
from basc_desktop.store.admissions import Application, ApplicationDocument, CommitteeSession
from basc_desktop.store.audits import Audit, CorrectiveAction, Finding
from basc_desktop.store.certificates import Certificate, CertificateEvent
from basc_desktop.store.engine import make_engine, sqlite_url
from basc_desktop.store.members import Company
from basc_desktop.store.models import Base
from tests.conftest import TODAY


def _count(ws: Workspace, stmt: object) -> int:
    with ws.db.reading() as session:
        return int(session.scalar(stmt) or 0)  # type: ignore[call-overload]


def _rows(ws: Workspace, model: type[Base]) -> list[Row[Any]]:
    """Every row of ``model``'s table, as plain rows (they outlive the session)."""
    with ws.db.reading() as session:
        return list(session.execute(select(model.__table__).order_by(text("1"))).all())


@pytest.fixture
def demo(workspace: Workspace) -> DemoSummary:
    """The default demo (300 companies) built into a fresh database."""
    return build_demo(workspace)


def test_companies_cover_every_chapter_and_business_type(
    workspace: Workspace, demo: DemoSummary
) -> None:
    with workspace.db.reading() as session:
        rows = session.execute(
            select(Company.chapter_code, Company.country, Company.business_type, Company.tax_id)
        ).all()
        archived = session.scalar(
            select(func.count()).select_from(Company).where(Company.archived_on.is_not(None))
        )
    assert len(rows) == demo.companies >= 300
    assert {r.chapter_code for r in rows} == set(workspace.chapters.codes())
    assert {r.business_type for r in rows} == set(BusinessType)
    per_chapter = Counter(r.chapter_code for r in rows)
    assert per_chapter["co-bog"] > per_chapter["uy"] or per_chapter["mx"] > per_chapter["uy"]
    for row in rows:
        assert check_tax_id(row.country, row.tax_id) == row.tax_id
    assert len({(r.country, r.tax_id) for r in rows}) == len(rows)
    assert 1 <= (archived or 0) <= len(rows) * 0.06


def test_company_details_look_real_and_test_rendering(
    workspace: Workspace, demo: DemoSummary
) -> None:
    companies = _rows(workspace, Company)
    with workspace.db.reading() as session:
        contacts = session.execute(
            text("SELECT company_id, COUNT(*) FROM contacts GROUP BY company_id")
        ).all()
        related = session.execute(text("SELECT DISTINCT program FROM related_certifications"))
        programs = {row[0] for row in related}
    names = [c.legal_name for c in companies]
    assert any("&" in n for n in names)
    assert any("ñ" in n for n in names)
    assert any('"' in n for n in names)
    assert any(len(n) > 150 for n in names)
    assert all(len(n) <= 300 for n in names)
    haiti = [c for c in companies if c.country == "HT"]
    assert haiti
    assert all(c.legal_name.endswith(" S.A.") for c in haiti)
    codes = {c.chapter_code: c.country for c in companies}
    for company in companies:
        phone_code = workspace.chapters.get(company.chapter_code).country.phone_code
        assert company.phone.startswith(f"+{phone_code} ")
        assert company.email.endswith(".example")
        assert company.search_text
        assert company.city
        assert company.address
    per_chapter: dict[str, list[int]] = defaultdict(list)
    for company in companies:
        per_chapter[company.chapter_code].append(company.member_number)
    for chapter_code, numbers in per_chapter.items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), chapter_code
    assert len(contacts) == len(companies)
    assert all(1 <= n <= 3 for _, n in contacts)
    assert programs == {"ctpat", "aeo", "iso28000"}
    assert len(codes) == len(workspace.chapters)


def test_every_member_status_occurs(workspace: Workspace, demo: DemoSummary) -> None:
    with workspace.db.reading() as session:
        companies = session.execute(select(Company.id, Company.chapter_code)).all()
        warning = {
            c.id: workspace.chapters.get(c.chapter_code).expiry_warning_days for c in companies
        }
        facts = status_facts(session, [c.id for c in companies], TODAY, warning)
    statuses = Counter(f.status for f in facts.values())
    assert set(statuses) == set(MemberStatus)
    assert statuses[MemberStatus.CERTIFIED] > statuses[MemberStatus.EXPIRING]
    assert statuses[MemberStatus.APPLICANT] >= 0.05 * len(companies)
    assert statuses[MemberStatus.IN_PROCESS] >= 0.08 * len(companies)
    for cid, fact in facts.items():
        if fact.status is MemberStatus.EXPIRING:
            assert fact.expires_on is not None
            assert 0 < (fact.expires_on - TODAY).days <= warning[cid]
    assert any(f.expires_on and 0 < (f.expires_on - TODAY).days <= 60 for f in facts.values()), (
        "some certificates should expire within 60 days"
    )
    assert any(f.status is MemberStatus.CERTIFIED and f.next_audit_on for f in facts.values())


def test_certificates_are_numbered_renewed_and_agree_with_their_events(
    workspace: Workspace, demo: DemoSummary
) -> None:
    certificates = _rows(workspace, Certificate)
    events: dict[int, list[Row[Any]]] = defaultdict(list)
    for event in sorted(_rows(workspace, CertificateEvent), key=lambda e: (e.occurred_on, e.id)):
        events[event.certificate_id].append(event)
    companies = {c.id: c for c in _rows(workspace, Company)}
    audits = {a.id: a for a in _rows(workspace, Audit)}
    assert len(certificates) == demo.certificates
    states = Counter(c.state for c in certificates)
    assert set(states) == set(CertificateState)
    assert states == Counter({s: n for s, n in demo.certificates_by_state.items() if n})
    assert len({c.code for c in certificates}) == len(certificates)
    assert any(c.site == 2 for c in certificates)
    by_site: dict[tuple[int, int], list[Row[Any]]] = defaultdict(list)
    for cert in certificates:
        company = companies[cert.company_id]
        chapter = workspace.chapters.get(company.chapter_code)
        parts = parse_certificate_code(chapter.certificate_code, cert.code)
        assert (parts.company, parts.site, parts.issue) == (
            company.member_number, cert.site, cert.issue_number
        )  # fmt: skip
        assert cert.expires_on == add_months(cert.issued_on, chapter.validity_months)
        assert cert.scope == company.business_type
        assert cert.standard_version == ("6" if cert.issued_on >= date(2022, 3, 1) else "5")
        audit = audits[cert.audit_id or 0]
        assert audit.kind in (AuditKind.CERTIFICATION, AuditKind.RECERTIFICATION)
        assert audit.state is AuditState.CLOSED
        assert audit.finished_on is not None
        assert audit.finished_on <= cert.issued_on
        history = events[cert.id]
        assert history[0].kind is CertificateEventKind.ISSUED
        assert history[0].occurred_on == cert.issued_on
        assert all(e.occurred_on <= TODAY for e in history)
        record = CertificateRecord(
            cert.code, cert.issued_on, cert.expires_on,
            tuple(LifecycleEvent(e.occurred_on, e.kind) for e in history),
        )  # fmt: skip
        assert certificate_state_at(record, TODAY) is cert.state, cert.code
        by_site[cert.company_id, cert.site].append(cert)
    for chain in by_site.values():
        chain.sort(key=lambda c: c.issue_number)
        assert [c.issue_number for c in chain] == list(range(1, len(chain) + 1))
        for old, new in itertools.pairwise(chain):
            assert old.state is CertificateState.SUPERSEDED
            superseded = [e for e in events[old.id] if e.kind is CertificateEventKind.SUPERSEDED]
            assert [e.occurred_on for e in superseded] == [new.issued_on]
            assert new.issued_on < old.expires_on


def test_every_nonconformity_has_a_corrective_action(
    workspace: Workspace, demo: DemoSummary
) -> None:
    actions_by_finding = {a.finding_id: a for a in _rows(workspace, CorrectiveAction)}
    with workspace.db.reading() as session:
        rows = [
            (verdict, finished, company_id, actions_by_finding.get(finding_id))
            for finding_id, verdict, finished, company_id in session.execute(
                select(Finding.id, Finding.verdict, Audit.finished_on, Audit.company_id).join(
                    Audit, Audit.id == Finding.audit_id
                )
            )
        ]
        chapters = dict(session.execute(select(Company.id, Company.chapter_code)).all())
    assert len(rows) == demo.findings
    # None: a requirement not judged yet, in an audit under way.
    assert {row[0] for row in rows} == {*Verdict, None}
    actions = [row[3] for row in rows if row[3] is not None]
    assert len(actions) == len(actions_by_finding) == demo.corrective_actions
    for verdict, finished, company_id, action in rows:
        if verdict not in (Verdict.MINOR, Verdict.MAJOR) or finished is None:
            # An audit under way has no actions yet: they come when it is reported.
            assert action is None
            continue
        assert action is not None, "a nonconformity without corrective action"
        deadlines = workspace.chapters.get(chapters[company_id]).deadlines
        days = deadlines.major if verdict is Verdict.MAJOR else deadlines.minor
        assert action.due_on == finished + timedelta(days=days)
        if action.state is ActionState.CLOSED:
            assert action.closed_on is not None
            assert action.closure_note
            assert finished < action.closed_on <= TODAY
        else:
            assert action.closed_on is None
    states = Counter(action.state for action in actions)
    assert states[ActionState.OPEN]
    assert states[ActionState.CLOSED]
    assert any(action.state is ActionState.OPEN and action.due_on < TODAY for action in actions), (
        "some corrective actions should be overdue"
    )
    with workspace.db.reading() as session:
        open_majors_at_issue = session.execute(
            select(Certificate.code)
            .join(Finding, Finding.audit_id == Certificate.audit_id)
            .join(CorrectiveAction, CorrectiveAction.finding_id == Finding.id)
            .where(
                Finding.verdict == Verdict.MAJOR,
                (CorrectiveAction.closed_on.is_(None))
                | (CorrectiveAction.closed_on >= Certificate.issued_on),
            )
        ).all()
    assert open_majors_at_issue == []


def test_audits_findings_and_applications_follow_the_chapter(
    workspace: Workspace, demo: DemoSummary
) -> None:
    audits = _rows(workspace, Audit)
    companies = {c.id: c for c in _rows(workspace, Company)}
    applications = _rows(workspace, Application)
    with workspace.db.reading() as session:
        findings_per_audit = dict(
            session.execute(select(Finding.audit_id, func.count()).group_by(Finding.audit_id)).all()
        )
        documents: dict[int, set[str]] = defaultdict(set)
        for doc in session.scalars(select(ApplicationDocument)):
            documents[doc.application_id].add(doc.document_id)
        team_sizes = dict(
            session.execute(
                text("SELECT audit_id, COUNT(*) FROM audit_team GROUP BY audit_id")
            ).all()
        )
    assert len(audits) == demo.audits
    kinds = {(a.kind, a.state) for a in audits}
    assert (AuditKind.DIAGNOSTIC, AuditState.CLOSED) in kinds
    assert {AuditState.PLANNED, AuditState.IN_PROGRESS, AuditState.REPORTED} <= {
        a.state for a in audits
    }
    planned = [a for a in audits if a.state is AuditState.PLANNED]
    assert any(TODAY < a.planned_on <= TODAY + timedelta(days=92) for a in planned)
    for audit in audits:
        has_checklist = audit.state is not AuditState.PLANNED
        assert (audit.id in findings_per_audit) is has_checklist
        if audit.state is AuditState.IN_PROGRESS:
            # An audit under way opens on a checklist partly judged, as in real work.
            judged, total = checklist_progress(workspace, audit.id)
            assert 0 < judged < total == findings_per_audit[audit.id]
        elif has_checklist:
            assert checklist_progress(workspace, audit.id) == (
                findings_per_audit[audit.id],
                findings_per_audit[audit.id],
            )
        assert audit.lead_auditor_id is not None
        assert team_sizes[audit.id] >= 1
        if audit.state is AuditState.PLANNED:
            assert audit.started_on is None
            assert audit.planned_on > TODAY
        else:
            assert audit.started_on is not None
            assert audit.started_on <= TODAY
    upcoming = {s.id for s in _rows(workspace, CommitteeSession) if s.held_on > TODAY}
    assert len(applications) == len(companies) == demo.applications
    decisions = Counter(a.decision for a in applications)
    assert decisions[ApplicationDecision.ADMITTED] > len(applications) * 0.8
    assert decisions[None]
    assert decisions[ApplicationDecision.REJECTED]
    assert decisions[ApplicationDecision.POSTPONED]
    for app in applications:
        company = companies[app.company_id]
        chapter = workspace.chapters.get(company.chapter_code)
        # The whole checklist; documents not asked of the business type are not applicable.
        assert documents[app.id] == {d.id for d in chapter.admission_documents}
        assert app.opened_on <= TODAY
        if app.decision is None:  # waiting, perhaps on the agenda of the next session
            assert app.committee_session_id is None or app.committee_session_id in upcoming
            assert app.decided_on is None
            continue
        assert app.committee_session_id is not None
        assert app.decided_on is not None
        assert app.opened_on < app.decided_on <= TODAY
        if app.decision is ApplicationDecision.ADMITTED:
            assert app.audit_deadline == add_months(app.decided_on, chapter.months_in_process)
            assert company.membership_start == app.decided_on
        else:
            assert app.decision_reason


def test_same_seed_same_rows_and_another_seed_other_companies(
    sqlite_workspace: Workspace, settings: Settings, chapters: ChapterRegistry, tmp_path: Path
) -> None:
    build_demo(sqlite_workspace, companies=150, seed=7)
    same = sqlite_url(tmp_path / "same.sqlite")
    other = sqlite_url(tmp_path / "other.sqlite")
    create_demo_database(settings, chapters, companies=150, seed=7, today=TODAY, url=same)
    create_demo_database(settings, chapters, companies=150, seed=8, today=TODAY, url=other)
    first, second, third = (_dump(url) for url in (sqlite_workspace.db.url, same, other))
    assert first["companies"]
    for table in first:
        assert first[table] == second[table], table
    assert first["companies"] != third["companies"]


def _dump(url: str) -> dict[str, list[tuple[object, ...]]]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return {
                table.name: [
                    tuple(row)
                    for row in conn.execute(text(f'SELECT * FROM "{table.name}" ORDER BY 1, 2'))
                ]
                for table in Base.metadata.sorted_tables
            }
    finally:
        engine.dispose()


def test_a_second_build_is_refused(workspace: Workspace) -> None:
    build_demo(workspace, companies=20)
    with pytest.raises(BascError, match="already has 20 companies"):
        build_demo(workspace, companies=20)
    assert _count(workspace, select(func.count()).select_from(Company)) == 20


def test_cancel_mid_way_leaves_nothing(workspace: Workspace) -> None:
    reports: list[tuple[int, int]] = []
    with pytest.raises(DemoCancelled):
        build_demo(
            workspace,
            companies=300,
            progress=lambda done, total: reports.append((done, total)),
            cancelled=lambda: len(reports) >= 3,
        )
    assert reports[0] == (0, 300)
    assert 0 < reports[-1][0] < 300
    for model in (Company, Application, Audit, Finding, Certificate):
        assert _count(workspace, select(func.count()).select_from(model)) == 0


def test_progress_is_reported_now_and_then(workspace: Workspace) -> None:
    reports: list[tuple[int, int]] = []
    build_demo(workspace, companies=200, progress=lambda d, t: reports.append((d, t)))
    assert reports[0] == (0, 200)
    assert reports[-1] == (200, 200)
    assert 3 <= len(reports) <= 12
    assert [d for d, _ in reports] == sorted(d for d, _ in reports)


def test_the_program_keeps_working_after_the_demo(workspace: Workspace) -> None:
    """Ids given by the demo must not collide with the next ones (PostgreSQL sequences)."""
    summary = build_demo(workspace, companies=30)
    row = create_member(
        workspace,
        MemberInput(
            legal_name="Nueva Empresa S.A.S.",
            tax_id="900.123.456-8",
            chapter_code="co-bog",
            business_type=BusinessType.WAREHOUSE,
        ),
    )
    assert row.id == summary.companies + 1
    with workspace.db.reading() as session:
        numbers = session.scalars(
            select(Company.member_number).where(Company.chapter_code == "co-bog")
        ).all()
    assert row.member_number == max(numbers)


def test_create_demo_database_replaces_the_old_demo(
    settings: Settings, chapters: ChapterRegistry
) -> None:
    first = create_demo_database(settings, chapters, companies=40, today=TODAY)
    second = create_demo_database(settings, chapters, companies=25, seed=3, today=TODAY)
    assert (first.companies, second.companies) == (40, 25)
    ws = open_workspace(settings, chapters, url=settings.demo_database_url)
    try:
        assert _count(ws, select(func.count()).select_from(Company)) == 25
    finally:
        ws.db.close()
    with pytest.raises(BascError, match="real database"):
        create_demo_database(settings, chapters, companies=5, url=settings.database_url)


def test_a_cancelled_demo_database_leaves_no_file(
    settings: Settings, chapters: ChapterRegistry
) -> None:
    create_demo_database(settings, chapters, companies=10, today=TODAY)
    path = settings.data_dir / "demo.sqlite"
    assert path.is_file()
    with pytest.raises(DemoCancelled):
        create_demo_database(settings, chapters, companies=300, cancelled=lambda: True)
    assert not path.exists()
