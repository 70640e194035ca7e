"""What every part of the demo builder shares while it writes one database."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from basc_desktop.domain.chapter import Chapter
from basc_desktop.domain.errors import BascError
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import BusinessType, CertificateState
from basc_desktop.services.demo.committee import CommitteeCalendar
from basc_desktop.services.demo.dates import standard_version
from basc_desktop.services.demo.writer import Writer

DEMO_USER = "demo"
"""Who the demo's rows say recorded them: fixed, so two builds give the same rows."""


@dataclass(frozen=True)
class RequirementRef:
    id: int
    title: str


@dataclass
class DemoContext:
    rng: random.Random
    today: date
    writer: Writer
    calendar: CommitteeCalendar
    requirements: dict[tuple[str, BusinessType], list[RequirementRef]]
    versions: frozenset[str]
    session_ids: dict[tuple[str, date], int] = field(default_factory=dict)
    auditors: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    """Auditor ids by country."""
    tax_ids: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    member_numbers: Counter[str] = field(default_factory=Counter)
    certificate_states: Counter[CertificateState] = field(default_factory=Counter)

    def version_on(self, day: date) -> str:
        """The standard an audit or certificate of ``day`` rests on, among those loaded."""
        wanted = standard_version(day)
        if wanted in self.versions:
            return wanted
        return "6" if "6" in self.versions else max(self.versions)

    def auditors_for(self, chapter: Chapter) -> list[int]:
        found = self.auditors.get(chapter.country_code)
        if not found:
            raise BascError(_("No auditors for {country}."), country=chapter.country_code)
        return found
