"""What the Activity area asks for and shows: the event log as the coordinator reads it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from basc_desktop.domain.text import Message
from basc_desktop.domain.text import translatable as _

__all__ = [
    "ACTION_LABELS",
    "FIELD_LABELS",
    "RECORD_TYPES",
    "ActivityChange",
    "ActivityQuery",
    "ActivityRow",
    "shown_value",
]

RECORD_TYPES: dict[str, str] = {
    "company": _("Member"),
    "certificate": _("Certificate"),
    "audit": _("Audit"),
    "finding": _("Finding"),
    "corrective_action": _("Corrective action"),
    "application": _("Application"),
    "committee_session": _("Committee session"),
    "auditor": _("Auditor"),
    "chapter_public_key": _("Signing key"),
    "standards": _("Standards"),
    "chapters": _("Chapters"),
}
"""Record type as logged → its label (translated by the UI)."""

RECORD_TYPE_NAMES: dict[str, str] = {
    "member": "company",
    "company": "company",
    "certificate": "certificate",
    "audit": "audit",
    "finding": "finding",
    "action": "corrective_action",
    "corrective_action": "corrective_action",
    "application": "application",
    "session": "committee_session",
    "committee_session": "committee_session",
    "auditor": "auditor",
    "key": "chapter_public_key",
}
"""The words the command line accepts for ``--type`` → the logged record type."""

ACTION_LABELS: dict[str, str] = {
    "create": _("Created"),
    "update": _("Edited"),
    "archive": _("Archived"),
    "restore": _("Restored"),
    "delete": _("Deleted"),
    "plan": _("Planned"),
    "start": _("Started"),
    "judge": _("Judged"),
    "report": _("Reported"),
    "close": _("Closed"),
    "open": _("Opened"),
    "submitted": _("Submitted"),
    "verified": _("Verified"),
    "closed": _("Closed"),
    "issue": _("Issued"),
    "suspend": _("Suspended"),
    "reinstate": _("Reinstated"),
    "withdraw": _("Withdrawn"),
    "supersede": _("Superseded"),
    "sign": _("Signed"),
    "decide": _("Decided"),
    "letter": _("Letter sent"),
    "import": _("Imported"),
    "sync": _("Updated from the files"),
    "register": _("Registered"),
    "schedule": _("Put on a committee session"),
    "unschedule": _("Taken off a committee session"),
    "welcome_letter": _("Welcome letter"),
    "deactivate": _("Retired"),
    "reactivate": _("Reactivated"),
    "document": _("Document"),
}
"""Action as logged → its label; an action not listed shows as logged."""

FIELD_LABELS: dict[str, str] = {
    "legal_name": _("Legal name"),
    "trade_name": _("Trade name"),
    "tax_id": _("Tax ID"),
    "country": _("Country"),
    "chapter_code": _("Chapter"),
    "business_type": _("Business type"),
    "address": _("Address"),
    "city": _("City"),
    "phone": _("Phone"),
    "email": _("E-mail"),
    "website": _("Website"),
    "notes": _("Notes"),
    "contacts": _("Contacts"),
    "programs": _("Other programs"),
    "member_number": _("Member number"),
    "member_since": _("Member since"),
    "archived_on": _("Archived on"),
    "state": _("State"),
    "kind": _("Kind"),
    "planned_on": _("Planned date"),
    "started_on": _("Started on"),
    "finished_on": _("Finished on"),
    "reported_on": _("Reported on"),
    "closed_on": _("Closed on"),
    "lead_auditor_id": _("Lead auditor"),
    "team": _("Audit team"),
    "team_ids": _("Audit team"),
    "summary": _("Summary"),
    "standard_version": _("Standard"),
    "verdict": _("Verdict"),
    "evidence": _("Evidence"),
    "description": _("Description"),
    "owner": _("Owner"),
    "due_on": _("Due date"),
    "note": _("Note"),
    "code": _("Code"),
    "issued_on": _("Issued on"),
    "expires_on": _("Expires on"),
    "scope": _("Scope"),
    "signature": _("Signature"),
    "reason": _("Reason"),
    "on": _("Date"),
    "name": _("Name"),
    "held_on": _("Held on"),
    "decision": _("Decision"),
    "opened_on": _("Opened on"),
    "requirements": _("Requirements"),
    "corrective_actions": _("Corrective actions"),
    "finding_id": _("Finding"),
    "severity": _("Severity"),
    "document_id": _("Document"),
    "received_on": _("Received on"),
    "file_name": _("File"),
    "file_sha256": _("File fingerprint"),
    "committee_session_id": _("Committee session"),
    "welcome_letter_on": _("Welcome letter"),
    "active": _("Active"),
    "audit_id": _("Audit"),
    "company_id": _("Member"),
}
"""Field as logged → its label; a field not listed shows as logged."""

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def shown_value(value: Any) -> str:
    """A logged value as the screens write it: dates day-first, nothing as "—"."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, str) and _ISO_DATE.match(value):
        return date.fromisoformat(value).strftime("%d/%m/%Y")
    if isinstance(value, str) and _ISO_MOMENT.match(value):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
        local = moment.astimezone() if moment.tzinfo is not None else moment
        return local.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, list | tuple):
        return "; ".join(shown_value(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {shown_value(v)}" for k, v in value.items())
    return str(value)


@dataclass(frozen=True)
class ActivityQuery:
    """Which events to show; every part empty or None means "any"."""

    users: tuple[str, ...] = ()
    record_types: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    since: date | None = None
    """From this day on (local time, inclusive)."""
    until: date | None = None
    """Up to and including this day (local time)."""
    text: str = ""
    """Words looked for in the record's name or code and in the changes."""
    chapter: str | None = None
    record_id: int | None = None
    """One record's events only (with one record type)."""
    offset: int = 0
    limit: int | None = 200
    order_by: str = "occurred_at"
    """Always newest first; here for the paged list's sake."""
    descending: bool = True


@dataclass(frozen=True)
class ActivityChange:
    """One field changed by an event: label in English (translated by the UI), old → new."""

    field: str
    label: str
    old: str
    new: str

    def text(self, label: str | None = None) -> str:
        """``Phone: 601 … → 602 …``; a create has no old value, a delete no new one."""
        name = label if label is not None else self.label
        if self.old and self.new:
            return f"{name}: {self.old} → {self.new}"
        return f"{name}: {self.new or self.old}"


@dataclass(frozen=True)
class ActivityRow:
    """One event of the log, as the Activity list shows it."""

    id: int
    at: datetime
    """When, in UTC; :attr:`when` is the same moment in local time."""
    user: str
    record_type: str
    record_type_label: str
    record_id: int
    record_name: Message
    """The member's name, the certificate's code, "Audit 12 of ACME"… (the UI translates)."""
    chapter: str | None
    action: str
    action_label: str
    changes: tuple[ActivityChange, ...]

    @property
    def record(self) -> str:
        """The record's name in English."""
        return str(self.record_name)

    @property
    def when(self) -> str:
        return self.at.astimezone().strftime("%d/%m/%Y %H:%M")

    @property
    def changes_text(self) -> str:
        return "; ".join(change.text() for change in self.changes)
