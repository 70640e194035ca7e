"""The checklist of an audit in progress: one line per requirement, judged one by one.

Each verdict is saved the moment it is entered, in one small transaction, so a crash
loses nothing.  Texts come in the language asked for ("en" gives English; any other
language the Spanish the catalogue is written in first).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, case, func, select

from basc_desktop.domain.errors import LifecycleError, NotFoundError
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import AuditState, Verdict
from basc_desktop.services.access import require_audit, require_finding
from basc_desktop.services.audit_forms import ChecklistLine
from basc_desktop.services.standards import in_language
from basc_desktop.services.trail import record_event
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.audits import Audit, Finding
from basc_desktop.store.standards import Requirement

__all__ = ["checklist", "checklist_progress", "record_verdict"]

RECORD_TYPE = "finding"
MAX_EVIDENCE = 4000


def _lines() -> Select[*tuple[Any, ...]]:
    stmt: Select[*tuple[Any, ...]] = select(
        Finding.id,
        Finding.verdict,
        Finding.evidence,
        Requirement.code,
        Requirement.section,
        Requirement.section_en,
        Requirement.title_es,
        Requirement.title_en,
        Requirement.text_es,
        Requirement.text_en,
    ).join(Requirement, Requirement.id == Finding.requirement_id)
    return stmt


def _line(row: Any, language: str) -> ChecklistLine:
    return ChecklistLine(
        finding_id=row.id,
        requirement_code=row.code,
        section=in_language(language, row.section, row.section_en),
        title=in_language(language, row.title_es, row.title_en),
        text=in_language(language, row.text_es, row.text_en),
        verdict=row.verdict,
        evidence=row.evidence,
    )


def checklist(ws: Workspace, audit_id: int, *, language: str = "es") -> list[ChecklistLine]:
    """Every requirement on the audit's checklist, in catalogue order, with its verdict.

    Empty for a planned audit (the checklist is built when the audit starts).
    """
    with ws.db.reading() as session:
        if session.get(Audit, audit_id) is None:
            raise NotFoundError(_("Audit {id} does not exist."), id=audit_id)
        require_audit(ws, session, audit_id)
        rows = session.execute(
            _lines()
            .where(Finding.audit_id == audit_id)
            .order_by(Requirement.position, Requirement.id)
        ).all()
    return [_line(row, language) for row in rows]


def record_verdict(
    ws: Workspace,
    finding_id: int,
    verdict: Verdict | None,
    evidence: str | None = None,
    *,
    language: str = "es",
) -> ChecklistLine:
    """Save the verdict (None: not judged) and, if given, the evidence note of one line.

    Refused unless the audit is in progress.  ``evidence=None`` keeps the note as it is.
    """
    with ws.db.transaction() as session:
        require_finding(ws, session, finding_id)
        found = session.execute(
            select(Finding, Audit.state)
            .join(Audit, Audit.id == Finding.audit_id)
            .where(Finding.id == finding_id)
        ).first()
        if found is None:
            raise NotFoundError(_("Finding {id} does not exist."), id=finding_id)
        finding, state = found
        if state != AuditState.IN_PROGRESS:
            raise LifecycleError(
                _("Verdicts can only be recorded while the audit is in progress; it is “{state}”."),
                state=AuditState(state).label,
            )
        verdict = Verdict(verdict) if verdict is not None else None
        changes: dict[str, Any] = {}
        if verdict != finding.verdict:
            changes["verdict"] = (finding.verdict, verdict)
            finding.verdict = verdict
            finding.judged_at = datetime.now(UTC) if verdict is not None else None
        if evidence is not None:
            note = evidence.strip()[:MAX_EVIDENCE]
            if note != finding.evidence:
                changes["evidence"] = (finding.evidence, note)
                finding.evidence = note
        if changes:
            record_event(session, ws.user, RECORD_TYPE, finding.id, "judge", changes)
        row = session.execute(_lines().where(Finding.id == finding_id)).one()
        return _line(row, language)


def checklist_progress(ws: Workspace, audit_id: int) -> tuple[int, int]:
    """(judged, total) requirements of the audit's checklist: "87 of 120 judged"."""
    judged = func.sum(case((Finding.verdict.is_not(None), 1), else_=0))
    with ws.db.reading() as session:
        require_audit(ws, session, audit_id)
        done, total = session.execute(
            select(judged, func.count()).where(Finding.audit_id == audit_id)
        ).one()
    return int(done or 0), int(total)
