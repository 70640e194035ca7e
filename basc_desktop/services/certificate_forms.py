"""What goes into and comes out of the certificate services: plain, immutable values.

The Certificates area, the CLI and the certificate PDF read these; the services in
:mod:`~basc_desktop.services.certificates` make them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from basc_desktop.domain.text import Message
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.validation import check_number, check_page
from basc_desktop.domain.vocabulary import (
    AuditKind,
    BusinessType,
    CertificateEventKind,
    CertificateState,
)

__all__ = [
    "CERTIFICATE_SORTABLE_COLUMNS",
    "CertificateDetail",
    "CertificateEventLine",
    "CertificateQuery",
    "CertificateRow",
    "IssuableAudit",
    "IssuePreview",
]


@dataclass(frozen=True)
class CertificateRow:
    """One line of the certificate register."""

    id: int
    code: str
    company_id: int
    company_name: str
    """The company's legal name."""
    tax_id: str
    """As the country writes it (e.g. 900.123.456-7)."""
    chapter_code: str
    country: str
    """ISO alpha-2 code of the company's country."""
    scope: BusinessType
    standard_version: str
    site: int
    issue_number: int
    issued_on: date
    expires_on: date
    """The first day the certificate is no longer valid."""
    state: CertificateState
    """Its own recorded state; expiry is not a state (compare ``expires_on`` with today)."""
    audit_id: int | None
    version: int


@dataclass(frozen=True)
class CertificateEventLine:
    """One dated change in a certificate's history."""

    on: date
    kind: CertificateEventKind
    reason: str
    recorded_by: str
    recorded_at: datetime
    """When it was recorded (UTC)."""


@dataclass(frozen=True)
class CertificateDetail:
    """A certificate with its history and the certificates before and after it."""

    row: CertificateRow
    events: tuple[CertificateEventLine, ...]
    """Oldest first."""
    supersedes: str | None
    """The code of the certificate this one renewed, if any."""
    superseded_by: str | None
    """The code of the renewal that superseded this one, if any."""
    company_address: str
    company_city: str


@dataclass(frozen=True)
class IssuePreview:
    """What issuing a certificate from an audit would give, and what stands in the way."""

    audit_id: int
    company_id: int
    company_name: str
    tax_id: str
    """As the country writes it."""
    chapter_code: str
    code: str
    """The code it would get (the number may move on if someone issues first)."""
    scope: BusinessType
    standard_version: str
    issued_on: date
    expires_on: date
    signatories: tuple[str, ...]
    """The names of the chapter's signatories."""
    supersedes: str | None
    """The company's certificate in force that the new one would supersede, if any."""
    refusals: tuple[Message, ...]
    """Why it cannot be issued, one message per reason (the screen shows each with
    ``ui.text.message_text``; ``str()`` gives the English); empty when it may be issued."""

    @property
    def may_issue(self) -> bool:
        return not self.refusals


@dataclass(frozen=True)
class IssuableAudit:
    """A closed certification or recertification audit without a certificate yet."""

    audit_id: int
    company_id: int
    company_name: str
    tax_id: str
    """As the country writes it."""
    chapter_code: str
    kind: AuditKind
    standard_version: str
    finished_on: date | None
    """The day it was reported."""


CERTIFICATE_SORTABLE_COLUMNS = (
    "code",
    "company_name",
    "tax_id",
    "chapter_code",
    "country",
    "scope",
    "standard_version",
    "issued_on",
    "expires_on",
    "state",
)
"""Every column of the register, each sorted by the database (ties: by certificate id)."""


@dataclass(frozen=True)
class CertificateQuery:
    """What the certificate register shows: a search, filters, an order and a page."""

    search: str = ""
    """Words of the code, the company's legal name or its tax ID."""
    states: tuple[CertificateState, ...] = ()
    """Empty: every state."""
    expires_within_days: int | None = None
    """Certificates not withdrawn nor superseded that expire within N days of today:
    ``today < expires_on <= today + N`` (one expiring today is already expired)."""
    chapter_codes: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    """ISO alpha-2 codes."""
    issued_from: date | None = None
    issued_until: date | None = None
    """Issued on or after ``issued_from`` and on or before ``issued_until``."""
    company_id: int | None = None
    ids: tuple[int, ...] = ()
    """Only these certificates, when given."""
    order_by: str = "issued_on"
    descending: bool = True
    offset: int = 0
    limit: int | None = 200

    def __post_init__(self) -> None:
        check_number("expires_within_days", _("Expires within (days)"), self.expires_within_days)
        check_page(self.offset, self.limit)
