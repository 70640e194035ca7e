"""A chapter's own settings, as loaded from its file in ``chapters/``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from basc_desktop.domain.countries import Country, country
from basc_desktop.domain.vocabulary import BusinessType


@dataclass(frozen=True)
class LocalText:
    """A text in several languages, e.g. a signatory's title."""

    values: dict[str, str]

    def get(self, language: str, fallback: str = "en") -> str:
        if language in self.values:
            return self.values[language]
        if fallback in self.values:
            return self.values[fallback]
        return next(iter(self.values.values()), "")


@dataclass(frozen=True)
class Signatory:
    name: str
    title: LocalText


@dataclass(frozen=True)
class AdmissionDocument:
    id: str
    title: LocalText
    business_types: frozenset[BusinessType] = frozenset()
    """Empty means the document is asked of every business type."""

    def applies_to(self, business_type: BusinessType) -> bool:
        return not self.business_types or business_type in self.business_types


@dataclass(frozen=True)
class Deadlines:
    """Days a company has to close a corrective action, by severity."""

    major: int = 30
    minor: int = 90


@dataclass(frozen=True)
class Chapter:
    code: str
    name: str
    country_code: str
    city: str
    city_code: str
    languages: tuple[str, ...]
    paper: str
    certificate_code: str
    validity_months: int = 12
    expiry_warning_days: int = 60
    months_in_process: int = 9
    deadlines: Deadlines = field(default_factory=Deadlines)
    signatories: tuple[Signatory, ...] = ()
    admission_documents: tuple[AdmissionDocument, ...] = ()
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    logo: Path | None = None
    source: Path | None = None
    """The file this chapter was loaded from, for messages."""

    @property
    def country(self) -> Country:
        return country(self.country_code)

    @property
    def language(self) -> str:
        """The chapter's first language: what its coordinators and letters use."""
        return self.languages[0]
