"""What goes into and comes out of the admission services: plain, immutable values.

The Admissions screen, the CLI and the letters read these; the services in
:mod:`basc_desktop.services.admissions` make them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from basc_desktop.domain.admissions import OPEN_STATES, ApplicationState
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.validation import check_number, check_page
from basc_desktop.domain.vocabulary import ApplicationDecision, BusinessType, DocumentState

__all__ = [
    "APPLICATION_SORTABLE_COLUMNS",
    "OPEN_STATES",
    "ApplicationDetail",
    "ApplicationQuery",
    "ApplicationRow",
    "CommitteeItem",
    "CommitteeSessionDetail",
    "CommitteeSessionRow",
    "DeadlineRow",
    "DocumentLine",
]

APPLICATION_SORTABLE_COLUMNS = (
    "opened_on",
    "company_name",
    "chapter_code",
    "business_type",
    "state",
    "committee_on",
    "decided_on",
    "audit_deadline",
)


@dataclass(frozen=True)
class ApplicationQuery:
    """What the applications list shows: filters, a search, an order and a page."""

    states: tuple[ApplicationState, ...] = ()
    """Empty: every state."""
    chapter_codes: tuple[str, ...] = ()
    text: str = ""
    """Words of the company's name, tax ID or city."""
    company_id: int | None = None
    deadline_within_days: int | None = None
    """Only admitted applications whose audit deadline is at most this many days away
    (past deadlines included)."""
    committee_session_id: int | None = None
    offset: int = 0
    limit: int | None = 200
    order_by: str = "opened_on"
    """One of :data:`APPLICATION_SORTABLE_COLUMNS`."""
    descending: bool = False

    def __post_init__(self) -> None:
        check_number("deadline_within_days", _("Deadline within (days)"), self.deadline_within_days)
        check_page(self.offset, self.limit)


@dataclass(frozen=True)
class ApplicationRow:
    """One line of the applications list."""

    id: int
    company_id: int
    company_name: str
    tax_id: str
    """As the country writes it (e.g. 900.123.456-7)."""
    chapter_code: str
    business_type: BusinessType
    opened_on: date
    state: ApplicationState
    documents_received: int
    documents_required: int
    """Documents not marked "not applicable": the list shows "11 of 14"."""
    committee_session_id: int | None
    committee_on: date | None
    """The date of the committee session it is (or was last) on."""
    decision: ApplicationDecision | None
    decision_reason: str
    decided_on: date | None
    welcome_letter_on: date | None
    audit_deadline: date | None
    """Admitted only: the last day to ask for the certification audit."""
    version: int

    @property
    def documents_missing(self) -> int:
        return self.documents_required - self.documents_received


@dataclass(frozen=True)
class DocumentLine:
    """One document of an application's checklist."""

    document_id: str
    title: str
    """In the chapter's first language (the document id if the chapter file dropped it)."""
    state: DocumentState
    received_on: date | None
    file_name: str
    """The name of the attached file as the coordinator chose it; "" when none."""
    file_sha256: str
    applies: bool
    """Whether the chapter asks this document of the company's business type."""
    note: str = ""

    @property
    def has_attachment(self) -> bool:
        return bool(self.file_sha256)


@dataclass(frozen=True)
class CommitteeItem:
    """One application heard at a committee session, and what the committee decided."""

    application_id: int
    company_id: int
    company_name: str
    tax_id: str
    business_type: BusinessType
    decision: ApplicationDecision | None
    """None until decided."""
    reason: str


@dataclass(frozen=True)
class ApplicationDetail:
    """An application with its checklist and the committee sessions that heard it."""

    row: ApplicationRow
    documents: tuple[DocumentLine, ...]
    history: tuple[tuple[date, ApplicationDecision | None, str], ...] = ()
    """(session date, decision, reason) of every session it was on, oldest first."""

    @property
    def missing_titles(self) -> tuple[str, ...]:
        return tuple(d.title for d in self.documents if d.state is DocumentState.MISSING)


@dataclass(frozen=True)
class CommitteeSessionRow:
    """One committee session: when, who, and how many applications it heard."""

    id: int
    chapter_code: str
    held_on: date
    members_present: str
    applications: int
    decided: int
    notes: str = ""


@dataclass(frozen=True)
class CommitteeSessionDetail:
    """A committee session with the applications on its agenda, by company name."""

    row: CommitteeSessionRow
    items: tuple[CommitteeItem, ...]


@dataclass(frozen=True)
class DeadlineRow:
    """A company in process whose deadline for the certification audit is near or past."""

    application_id: int
    company_id: int
    company_name: str
    tax_id: str
    chapter_code: str
    admitted_on: date
    audit_deadline: date
    days_left: int
    """0 on the deadline, negative once past."""
    certification_audit_on: date | None
    """The planned date of its certification audit, if one is planned."""

    @property
    def has_certification_audit(self) -> bool:
        return self.certification_audit_on is not None

    @property
    def overdue(self) -> bool:
        return self.days_left < 0
