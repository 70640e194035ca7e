"""What one certificate page prints: plain values, already in the page's languages.

:mod:`~basc_desktop.services.certificate_printing` gathers them from the register;
:mod:`~basc_desktop.reports.certificate_painter` draws them.  No Qt, no SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4, LETTER, landscape

__all__ = ["CertificatePage", "SignatureLine", "day", "page_size"]


@dataclass(frozen=True)
class SignatureLine:
    """A signatory under the signature line: name, title, and the title in English."""

    name: str
    title: str
    title_second: str = ""


@dataclass(frozen=True)
class CertificatePage:
    """What one certificate page prints, already in its languages."""

    language: str
    second_language: str | None
    """"en" beside Spanish or French; None for a single-language certificate."""
    paper: str
    """"letter" or "a4"."""
    chapter_name: str
    chapter_footer: str
    """The chapter's address and contacts, one line."""
    logo: Path | None
    code: str
    company_name: str
    tax_id_label: str
    tax_id: str
    """As the country writes it."""
    address: str
    scope: str
    scope_second: str
    standard: str
    standard_second: str
    issued_on: date
    expires_on: date
    signatories: tuple[SignatureLine, ...]
    payload: str | None
    """The signed text for the QR code; None draws no QR (for comparisons)."""


def page_size(paper: str) -> tuple[float, float]:
    """Landscape Letter or A4 (width, height) in points."""
    width, height = landscape(A4 if paper == "a4" else LETTER)
    return float(width), float(height)


def day(value: date) -> str:
    """Day-first, as every BASC document writes dates: 22/11/2024."""
    return value.strftime("%d/%m/%Y")
