"""What the detail panel shows below a member's data: its history, certificates and audits."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from basc_desktop.domain.errors import NotFoundError
from basc_desktop.domain.lifecycle import CertificateEvent as LifecycleEvent
from basc_desktop.domain.lifecycle import CertificateRecord, certificate_state_at
from basc_desktop.domain.text import translatable as _
from basc_desktop.services.access import require_member
from basc_desktop.services.member_forms import AuditLine, CertificateLine, FieldChange, HistoryEntry
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.audits import Audit, Auditor
from basc_desktop.store.certificates import Certificate, CertificateEvent
from basc_desktop.store.events import Event
from basc_desktop.store.members import Company

RECORD_TYPE = "company"


def _require(session: Session, member_id: int) -> None:
    if session.get(Company, member_id) is None:
        raise NotFoundError(_("Member {id} does not exist."), id=member_id)


def _text(value: Any) -> str:
    """A logged value as the coordinator reads it: empty for nothing, ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def field_changes(action: str, changes: dict[str, Any]) -> tuple[FieldChange, ...]:
    """The logged changes of one event as old → new per field.

    Updates, archives and restores log ``field: [old, new]``; creates and deletes log
    ``field: value`` (a create has no old value, a delete no new one).
    """
    out = []
    for name, value in changes.items():
        if isinstance(value, list | tuple) and len(value) == 2:
            out.append(FieldChange(name, _text(value[0]), _text(value[1])))
        elif action == "delete":
            out.append(FieldChange(name, _text(value), ""))
        else:
            out.append(FieldChange(name, "", _text(value)))
    return tuple(out)


def member_history(ws: Workspace, member_id: int) -> list[HistoryEntry]:
    """Who changed what in the member's record, and when, newest first."""
    with ws.db.reading() as session:
        _require(session, member_id)
        require_member(ws, session, member_id)
        events = session.execute(
            select(Event.occurred_at, Event.user_name, Event.action, Event.changes)
            .where(Event.record_type == RECORD_TYPE, Event.record_id == member_id)
            .order_by(Event.occurred_at.desc(), Event.id.desc())
        )
        return [
            HistoryEntry(e.occurred_at, e.user_name, e.action, field_changes(e.action, e.changes))
            for e in events
        ]


def member_certificates(ws: Workspace, member_id: int) -> list[CertificateLine]:
    """The member's certificates, newest first, each with its own state today."""
    today = ws.today()
    with ws.db.reading() as session:
        _require(session, member_id)
        require_member(ws, session, member_id)
        events: dict[int, list[LifecycleEvent]] = defaultdict(list)
        for ev in session.execute(
            select(
                CertificateEvent.certificate_id, CertificateEvent.occurred_on, CertificateEvent.kind
            )
            .join(Certificate, Certificate.id == CertificateEvent.certificate_id)
            .where(Certificate.company_id == member_id)
            .order_by(CertificateEvent.occurred_on, CertificateEvent.id)
        ):
            events[ev.certificate_id].append(LifecycleEvent(ev.occurred_on, ev.kind))
        certificates = session.execute(
            select(
                Certificate.id,
                Certificate.code,
                Certificate.issued_on,
                Certificate.expires_on,
                Certificate.standard_version,
            )
            .where(Certificate.company_id == member_id)
            .order_by(Certificate.issued_on.desc(), Certificate.id.desc())
        )
        return [
            CertificateLine(
                code=c.code,
                issued_on=c.issued_on,
                expires_on=c.expires_on,
                state=certificate_state_at(
                    CertificateRecord(c.code, c.issued_on, c.expires_on, tuple(events[c.id])),
                    today,
                ),
                standard_version=c.standard_version,
            )
            for c in certificates
        ]


def member_audits(ws: Workspace, member_id: int) -> list[AuditLine]:
    """The member's audits, newest (latest planned) first."""
    with ws.db.reading() as session:
        _require(session, member_id)
        require_member(ws, session, member_id)
        audits = session.execute(
            select(
                Audit.id,
                Audit.kind,
                Audit.state,
                Audit.planned_on,
                Audit.finished_on,
                Audit.standard_version,
                Auditor.name,
            )
            .outerjoin(Auditor, Auditor.id == Audit.lead_auditor_id)
            .where(Audit.company_id == member_id)
            .order_by(Audit.planned_on.desc(), Audit.id.desc())
        )
        return [
            AuditLine(
                id=a.id,
                kind=a.kind,
                state=a.state,
                planned_on=a.planned_on,
                finished_on=a.finished_on,
                standard_version=a.standard_version,
                lead_auditor=a.name or "",
            )
            for a in audits
        ]
