"""How the Activity list names each event's record and writes its changes.

An event names its record by type and id; :data:`TARGETS` says, per record type, how
to read the record's name (a member's legal name, a certificate's code, "Audit 12 of
ACME") and chapter.  Logged codes (states, verdicts…) are written as their words.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from basc_desktop.domain.certification import state_label
from basc_desktop.domain.text import Message
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import (
    ActionState,
    AuditKind,
    AuditState,
    BusinessType,
    CertificateState,
    Verdict,
)
from basc_desktop.services.activity_forms import (
    ACTION_LABELS,
    FIELD_LABELS,
    RECORD_TYPES,
    ActivityChange,
    ActivityRow,
    shown_value,
)
from basc_desktop.store.admissions import Application, CommitteeSession
from basc_desktop.store.audits import Audit, Auditor, CorrectiveAction, Finding
from basc_desktop.store.certificates import Certificate
from basc_desktop.store.events import Event
from basc_desktop.store.members import Company
from basc_desktop.store.signing_keys import ChapterPublicKey

_CODED: dict[tuple[str, str], Any] = {
    ("audit", "state"): AuditState,
    ("corrective_action", "state"): ActionState,
    ("", "kind"): AuditKind,
    ("", "verdict"): Verdict,
    ("", "severity"): Verdict,
    ("", "business_type"): BusinessType,
    ("", "scope"): BusinessType,
}
"""(record type or "" for any, field) → the vocabulary whose ``label`` names its codes."""


@dataclass(frozen=True)
class _Target:
    """How to find one record type's records: id, name, chapter (and the name's template)."""

    select: Callable[[], Any]
    """Columns: id, name, number (or None), chapter code."""
    template: str


def _targets() -> dict[str, _Target]:
    company = Company.legal_name
    return {
        "company": _Target(
            lambda: select(
                Company.id, Company.legal_name, Company.member_number, Company.chapter_code
            ),
            "{name}",
        ),
        "certificate": _Target(
            lambda: select(Certificate.id, Certificate.code, company, Company.chapter_code).join(
                Company, Company.id == Certificate.company_id
            ),
            "{name}",
        ),
        "audit": _Target(
            lambda: select(Audit.id, company, Audit.id, Company.chapter_code).join(
                Company, Company.id == Audit.company_id
            ),
            _("Audit {number} of {name}"),
        ),
        "finding": _Target(
            lambda: (
                select(Finding.id, company, Finding.audit_id, Company.chapter_code)
                .join(Audit, Audit.id == Finding.audit_id)
                .join(Company, Company.id == Audit.company_id)
            ),
            _("Finding of audit {number} of {name}"),
        ),
        "corrective_action": _Target(
            lambda: (
                select(CorrectiveAction.id, company, Finding.audit_id, Company.chapter_code)
                .join(Finding, Finding.id == CorrectiveAction.finding_id)
                .join(Audit, Audit.id == Finding.audit_id)
                .join(Company, Company.id == Audit.company_id)
            ),
            _("Corrective action of audit {number} of {name}"),
        ),
        "application": _Target(
            lambda: select(Application.id, company, Application.id, Company.chapter_code).join(
                Company, Company.id == Application.company_id
            ),
            _("Application {number} of {name}"),
        ),
        "committee_session": _Target(
            lambda: select(
                CommitteeSession.id,
                CommitteeSession.chapter_code,
                CommitteeSession.held_on,
                CommitteeSession.chapter_code,
            ),
            _("Committee session of {number}"),
        ),
        "auditor": _Target(
            lambda: select(Auditor.id, Auditor.name, Auditor.id, Auditor.chapter_code),
            "{name}",
        ),
        "chapter_public_key": _Target(
            lambda: select(
                ChapterPublicKey.id,
                ChapterPublicKey.chapter_code,
                ChapterPublicKey.id,
                ChapterPublicKey.chapter_code,
            ),
            _("Signing key of {name}"),
        ),
    }


TARGETS = _targets()


def _coded(record_type: str, field: str, value: Any) -> str:
    """A logged code (a state, a verdict…) as its word; other values as the screens write them."""
    if isinstance(value, str):
        try:
            if field == "state" and record_type == "certificate":
                return state_label(CertificateState(value))
            enum = _CODED.get((record_type, field)) or _CODED.get(("", field))
            if enum is not None:
                return str(enum(value).label)
        except ValueError:
            pass
    return shown_value(value)


def _changes(record_type: str, action: str, changes: dict[str, Any]) -> tuple[ActivityChange, ...]:
    out = []
    for name, value in (changes or {}).items():
        label = FIELD_LABELS.get(name, name)
        if isinstance(value, list) and len(value) == 2:
            old, new = _coded(record_type, name, value[0]), _coded(record_type, name, value[1])
        elif action == "delete":
            old, new = _coded(record_type, name, value), ""
        else:
            old, new = "", _coded(record_type, name, value)
        out.append(ActivityChange(name, label, old, new))
    return tuple(out)


def _names(session: Session, events: Sequence[Event]) -> dict[tuple[str, int], tuple[Message, str]]:
    """(record type, id) → the record's name and chapter, for the records still there."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for event in events:
        wanted[event.record_type].add(event.record_id)
    found: dict[tuple[str, int], tuple[Message, str]] = {}
    for record_type, ids in wanted.items():
        target = TARGETS.get(record_type)
        if target is None:
            continue
        query = target.select().subquery()
        columns = list(query.c)
        for row in session.execute(select(*columns).where(columns[0].in_(sorted(ids)))):
            number = row[2]
            if isinstance(number, date):
                number = number.strftime("%d/%m/%Y")
            name = Message(target.template, {"name": row[1], "number": number})
            found[(record_type, row[0])] = (name, row[3])
    return found


def event_rows(session: Session, events: Sequence[Event]) -> list[ActivityRow]:
    names = _names(session, events)
    rows = []
    for event in events:
        named = names.get((event.record_type, event.record_id))
        changes = event.changes or {}
        if named is None:  # deleted since: its delete event kept its name and chapter
            kept = changes.get("legal_name") or changes.get("code") or changes.get("name")
            label = RECORD_TYPES.get(event.record_type, event.record_type)
            if isinstance(kept, str):
                name = Message("{name}", {"name": kept})
            elif event.record_id == 0:  # a summary event (the catalogue or chapter files)
                name = Message("{type}", {"type": label})
            else:
                name = Message(_("{type} {id}"), {"type": label, "id": event.record_id})
            chapter = changes.get("chapter_code")
            named = (name, chapter if isinstance(chapter, str) else "")
        rows.append(
            ActivityRow(
                id=event.id,
                at=event.occurred_at,
                user=event.user_name,
                record_type=event.record_type,
                record_type_label=RECORD_TYPES.get(event.record_type, event.record_type),
                record_id=event.record_id,
                record_name=named[0],
                chapter=named[1] or None,
                action=event.action,
                action_label=ACTION_LABELS.get(event.action, event.action),
                changes=_changes(event.record_type, event.action, changes),
            )
        )
    return rows
