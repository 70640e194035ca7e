"""What goes into and comes out of the audit services: plain, immutable values.

The Audits, Checklist and Corrective actions screens, the CLI and the audit report
read these; the services in :mod:`~basc_desktop.services.audits`,
:mod:`~basc_desktop.services.checklist`,
:mod:`~basc_desktop.services.corrective_actions` and
:mod:`~basc_desktop.services.auditors` make them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.validation import check_number, check_page
from basc_desktop.domain.vocabulary import ActionState, AuditKind, AuditState, Verdict

__all__ = [
    "ACTION_SORTABLE_COLUMNS",
    "AUDIT_SORTABLE_COLUMNS",
    "OPEN_ACTION_STATES",
    "ActionQuery",
    "ActionRow",
    "AuditPlanInput",
    "AuditQuery",
    "AuditRow",
    "AuditorRow",
    "ChecklistLine",
]


@dataclass(frozen=True)
class AuditPlanInput:
    """An audit as the coordinator plans it (new or re-planned)."""

    company_id: int
    kind: AuditKind
    standard_version: str
    planned_on: date
    lead_auditor_id: int | None
    team_ids: tuple[int, ...] = ()
    """The other auditors; the lead auditor is never counted twice."""
    summary: str = ""


@dataclass(frozen=True)
class AuditRow:
    """One line of the audits list."""

    id: int
    company_id: int
    company_name: str
    tax_id: str
    """As the country writes it (e.g. 900.123.456-7)."""
    chapter_code: str
    country: str
    kind: AuditKind
    state: AuditState
    standard_version: str
    planned_on: date
    started_on: date | None
    finished_on: date | None
    """The day it was reported."""
    lead_auditor: str
    """The lead auditor's name; "" when none is chosen yet."""
    lead_auditor_id: int | None
    team: tuple[str, ...]
    """The other auditors' names, by name."""
    team_ids: tuple[int, ...]
    """The other auditors, in the order of ``team``."""
    summary: str
    """The coordinator's note on the plan (scope, sites, contacts)."""
    judged: int
    total: int
    """Requirements judged, of all those on the checklist (0 of 0 before it starts)."""
    version: int

    def plan(self) -> AuditPlanInput:
        """The audit's plan as it stands: what the plan form starts from when changing it."""
        return AuditPlanInput(
            company_id=self.company_id,
            kind=self.kind,
            standard_version=self.standard_version,
            planned_on=self.planned_on,
            lead_auditor_id=self.lead_auditor_id,
            team_ids=self.team_ids,
            summary=self.summary,
        )


AUDIT_SORTABLE_COLUMNS = (
    "planned_on",
    "company_name",
    "chapter_code",
    "kind",
    "state",
    "standard_version",
    "started_on",
    "finished_on",
    "lead_auditor",
)


@dataclass(frozen=True)
class AuditQuery:
    """What the audits list shows: filters, a search, an order and a page."""

    month: date | None = None
    """Only audits planned in the month of this date (any day of it)."""
    chapters: tuple[str, ...] = ()
    states: tuple[AuditState, ...] = ()
    kinds: tuple[AuditKind, ...] = ()
    auditor_id: int | None = None
    """Only audits where this auditor is the lead or in the team."""
    company_id: int | None = None
    search: str = ""
    """Words of the company's name, tax ID or city."""
    ids: tuple[int, ...] = ()
    """Only these audits, when given."""
    order_by: str = "planned_on"
    descending: bool = False
    offset: int = 0
    limit: int | None = 200

    def __post_init__(self) -> None:
        check_page(self.offset, self.limit)


@dataclass(frozen=True)
class ChecklistLine:
    """One requirement of an audit's checklist and its verdict so far."""

    finding_id: int
    requirement_code: str
    section: str
    title: str
    text: str
    verdict: Verdict | None
    """None until the auditor judges it."""
    evidence: str


@dataclass(frozen=True)
class AuditorRow:
    """One auditor: who they are, their chapter, and whether new audits may name them."""

    id: int
    name: str
    email: str
    chapter_code: str | None
    active: bool
    """False once retired: kept on past audits, no longer offered for new ones."""
    audits: int = 0
    """The audits they lead or are in the team of (any state)."""


@dataclass(frozen=True)
class ActionRow:
    """One line of the corrective actions list."""

    id: int
    finding_id: int
    audit_id: int
    company_id: int
    company_name: str
    chapter_code: str
    requirement_code: str
    requirement_title: str
    """In Spanish, as the catalogue gives it."""
    severity: Verdict
    """Minor or major: the verdict of the finding."""
    description: str
    owner: str
    """The person at the company who answers for it; "" until named."""
    due_on: date
    state: ActionState
    overdue: bool
    submitted_on: date | None
    verified_on: date | None
    closed_on: date | None
    closure_note: str
    version: int


OPEN_ACTION_STATES: tuple[ActionState, ...] = (
    ActionState.OPEN,
    ActionState.SUBMITTED,
    ActionState.VERIFIED,
)
"""The actions still waiting for something: what the list shows by default."""

ACTION_SORTABLE_COLUMNS = (
    "due_on",
    "company_name",
    "chapter_code",
    "requirement_code",
    "severity",
    "state",
    "owner",
)


@dataclass(frozen=True)
class ActionQuery:
    """What the corrective actions list shows."""

    overdue: bool = False
    """Only actions past their due date and not yet verified."""
    due_within_days: int | None = None
    """Only actions due from today to today + this many days (7: due this week)."""
    chapters: tuple[str, ...] = ()
    company_id: int | None = None
    severities: tuple[Verdict, ...] = ()
    states: tuple[ActionState, ...] = OPEN_ACTION_STATES
    """Empty: every state."""
    search: str = ""
    """Words of the company's name, tax ID or city."""
    ids: tuple[int, ...] = ()
    """Only these corrective actions, when given."""
    order_by: str = "due_on"
    descending: bool = False
    offset: int = 0
    limit: int | None = 200

    def __post_init__(self) -> None:
        check_number("due_within_days", _("Due within (days)"), self.due_within_days)
        check_page(self.offset, self.limit)
