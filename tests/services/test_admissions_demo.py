"""The demo's applications follow the admission rules the services enforce."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from basc_desktop.domain.admissions import ApplicationState, application_state
from basc_desktop.domain.vocabulary import ApplicationDecision, DocumentState
from basc_desktop.services.admission_forms import ApplicationQuery
from basc_desktop.services.admissions import (
    committee_sessions,
    count_applications,
    deadlines,
    find_applications,
    get_application,
    write_minutes_pdf,
)
from basc_desktop.services.demo import build_demo
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.admissions import Application, CommitteeDecision
from tests.conftest import TODAY


def test_demo_applications_agree_with_the_rules(workspace: Workspace, tmp_path: Path) -> None:
    build_demo(workspace, companies=120)
    rows = find_applications(workspace, ApplicationQuery(limit=None))
    assert len(rows) == count_applications(workspace) == 120
    states = Counter(r.state for r in rows)
    assert {ApplicationState.ADMITTED, ApplicationState.REJECTED} <= set(states)
    assert states[ApplicationState.COLLECTING] + states[ApplicationState.IN_SESSION] > 0
    with workspace.db.reading() as session:
        lines = {
            (line.committee_session_id, line.application_id): line
            for line in session.scalars(select(CommitteeDecision))
        }
        applications = {a.id: a for a in session.scalars(select(Application))}
        for app in applications.values():
            missing = sum(1 for d in app.documents if d.state is DocumentState.MISSING)
            expected = application_state(
                app.decision, app.committee_session_id is not None, missing
            )
            assert next(r for r in rows if r.id == app.id).state is expected
            if app.decision is ApplicationDecision.ADMITTED:
                assert missing == 0  # the committee admits only a complete application
            if app.committee_session_id is not None:
                line = lines[app.committee_session_id, app.id]
                assert (line.decision, line.reason) == (app.decision, app.decision_reason)
    for row in rows[:5]:
        detail = get_application(workspace, row.id)
        assert len(
            [d for d in detail.documents if d.state is not DocumentState.NOT_APPLICABLE]
        ) == (row.documents_required)
    held = [s for s in committee_sessions(workspace) if s.decided and s.held_on <= TODAY]
    assert held
    minutes = write_minutes_pdf(workspace, held[0].id, tmp_path / "acta.pdf")
    assert PdfReader(minutes).pages
    for late in deadlines(workspace, within_days=60):
        assert late.days_left <= 60
