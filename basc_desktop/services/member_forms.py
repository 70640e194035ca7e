"""What goes into and comes out of the member services: plain, immutable values."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from basc_desktop.domain.vocabulary import BusinessType, MemberStatus, RelatedProgram


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
)


@dataclass(frozen=True)
class MemberQuery:
    """What the members list shows: a search, filters, an order and a page."""

    search: str = ""
    countries: tuple[str, ...] = ()
    chapters: tuple[str, ...] = ()
    business_types: tuple[BusinessType, ...] = ()
    archived: bool | None = False
    """False: current members only; True: archived only; None: both."""
    order_by: str = "legal_name"
    descending: bool = False
    offset: int = 0
    limit: int | None = 200
    ids: tuple[int, ...] = field(default=())
    """Only these members, when given."""
