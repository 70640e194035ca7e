"""What goes into and comes out of the member services: plain, immutable values."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.validation import check_number, check_page
from basc_desktop.domain.vocabulary import (
    AuditKind,
    AuditState,
    BusinessType,
    CertificateState,
    MemberStatus,
    RelatedProgram,
)


@dataclass(frozen=True)
class ContactInput:
    """A person at the member company, as typed in the editor's Contacts table."""

    name: str
    role: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class ProgramInput:
    """Another security program the company holds (C-TPAT, AEO/OEA, ISO 28000)."""

    program: RelatedProgram | str
    identifier: str = ""
    authority: str = ""
    valid_from: date | None = None
    valid_until: date | None = None


@dataclass(frozen=True)
class MemberInput:
    """A member company as the coordinator types it (new or edited)."""

    legal_name: str
    tax_id: str
    chapter_code: str
    business_type: BusinessType | str
    trade_name: str = ""
    address: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    membership_start: date | None = None
    notes: str = ""
    contacts: tuple[ContactInput, ...] | None = None
    """The full list of contacts, in order; None leaves the saved ones as they are."""
    programs: tuple[ProgramInput, ...] | None = None
    """The full list of other programs, in order; None leaves the saved ones as they are."""


@dataclass(frozen=True)
class MemberRow:
    """One line of the members list."""

    id: int
    member_number: int
    legal_name: str
    trade_name: str
    tax_id: str
    """As the country writes it (e.g. 900.123.456-7)."""
    country: str
    chapter_code: str
    business_type: BusinessType
    city: str
    status: MemberStatus | None
    certificate_code: str | None
    expires_on: date | None
    next_audit_on: date | None
    archived_on: date | None
    version: int


@dataclass(frozen=True)
class ContactView:
    name: str
    role: str
    email: str
    phone: str


@dataclass(frozen=True)
class RelatedCertificationView:
    program: RelatedProgram
    identifier: str
    authority: str
    valid_from: date | None
    valid_until: date | None


@dataclass(frozen=True)
class MemberDetail:
    row: MemberRow
    address: str
    phone: str
    email: str
    website: str
    membership_start: date | None
    notes: str
    contacts: tuple[ContactView, ...] = ()
    related_certifications: tuple[RelatedCertificationView, ...] = ()


SORTABLE_COLUMNS = (
    "legal_name",
    "trade_name",
    "tax_id",
    "country",
    "chapter_code",
    "business_type",
    "city",
    "member_number",
    "status",
    "expires_on",
    "certificate_code",
    "next_audit_on",
)
"""Every column of the list, each sorted by the database (ties: by member id).

``status`` sorts along the certification cycle (no status, applicant, in process,
certified, expiring, suspended, expired, withdrawn); empty dates and codes sort last
in both directions.
"""


@dataclass(frozen=True)
class MemberQuery:
    """What the members list shows: a search, filters, an order and a page."""

    search: str = ""
    countries: tuple[str, ...] = ()
    chapters: tuple[str, ...] = ()
    business_types: tuple[BusinessType, ...] = ()
    statuses: tuple[MemberStatus, ...] = ()
    """Members whose status today is any of these (none given: any status, or none)."""
    expires_within_days: int | None = None
    """Members whose current certificate is in force (not withdrawn, not expired: a
    suspended one counts) and expires within N days of today:
    ``today < expires_on <= today + N``.  ``expires_on`` is the first day the
    certificate is no longer valid, so one expiring today is already expired."""
    archived: bool | None = False
    """False: current members only; True: archived only; None: both."""
    order_by: str = "legal_name"
    descending: bool = False
    offset: int = 0
    limit: int | None = 200
    ids: tuple[int, ...] = field(default=())
    """Only these members, when given."""

    def __post_init__(self) -> None:
        check_number("expires_within_days", _("Expires within (days)"), self.expires_within_days)
        check_page(self.offset, self.limit)


@dataclass(frozen=True)
class FieldChange:
    """One field of a record changed by one event, written as the coordinator reads it."""

    field: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    """One write to a member: when (UTC), who, what (create, update, archive…), which fields."""

    at: datetime
    user: str
    action: str
    changes: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class CertificateLine:
    """One certificate of a member, with its own state today."""

    code: str
    issued_on: date
    expires_on: date
    state: CertificateState
    standard_version: str


@dataclass(frozen=True)
class AuditLine:
    """One audit of a member."""

    id: int
    kind: AuditKind
    state: AuditState
    planned_on: date
    finished_on: date | None
    standard_version: str
    lead_auditor: str
    """The lead auditor's name; empty when none is assigned."""
