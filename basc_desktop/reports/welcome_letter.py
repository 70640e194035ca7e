"""The welcome letter an admitted company receives, on the chapter's letterhead.

Dated, addressed to the company, it says when and by which committee it was admitted
and states the deadline for the certification audit.  In the chapter's language.
No Qt, no SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer

from basc_desktop.reports.fonts import REGULAR
from basc_desktop.reports.letterhead import (
    Letterhead,
    LetterStyles,
    date_in_words,
    letter_words,
    letterhead_flowables,
    page_size,
    para,
    signature_table,
)

__all__ = ["WelcomeLetter", "write_welcome_letter"]


@dataclass(frozen=True)
class WelcomeLetter:
    """Everything the letter prints, already in its language."""

    language: str
    paper: str
    letterhead: Letterhead
    city: str
    """Where the letter is written, before its date."""
    dated_on: date
    company_name: str
    company_address: str
    company_city: str
    tax_id_label: str
    tax_id: str
    business_type: str
    """In the letter's language."""
    decided_on: date
    months_in_process: int
    audit_deadline: date
    signatories: tuple[tuple[str, str], ...] = ()


def _story(letter: WelcomeLetter, s: LetterStyles, width: float) -> list[Any]:
    w = letter_words(letter.language)

    def day(value: date) -> str:
        return date_in_words(value, letter.language)

    place = f"{letter.city}, " if letter.city else ""
    story: list[Any] = letterhead_flowables(letter.letterhead, s, width)
    story += [
        para(f"{place}{day(letter.dated_on)}", s.right),
        Spacer(1, 6 * mm),
        para(letter.company_name, s.bold),
    ]
    story += [para(x, s.small) for x in (letter.company_address, letter.company_city) if x]
    story += [
        para(f"{letter.tax_id_label} {letter.tax_id}", s.small),
        para(w["welcome.subject"], s.title),
        para(w["welcome.greeting"], s.body),
        Spacer(1, 3 * mm),
    ]
    admitted = w["welcome.admitted"].format(
        chapter=escape(letter.letterhead.chapter_name),
        decided_on=day(letter.decided_on),
        company=escape(letter.company_name),
        tax_label=escape(letter.tax_id_label),
        tax_id=escape(letter.tax_id),
        business_type=escape(letter.business_type.lower()),
    )
    deadline = w["welcome.deadline"].format(
        months=letter.months_in_process, deadline=day(letter.audit_deadline)
    )
    for text in (admitted, deadline, escape(w["welcome.next"])):
        story += [para(text, s.body, markup=True), Spacer(1, 3 * mm)]
    story += [
        para(w["welcome.closing"], s.body),
        signature_table(list(letter.signatories), s, width),
    ]
    return story


def write_welcome_letter(letter: WelcomeLetter, path: Path) -> Path:
    """Write the letter as a PDF at ``path`` (its folder must exist); returns ``path``."""
    w = letter_words(letter.language)
    s = LetterStyles()
    size = page_size(letter.paper)
    margin = 22 * mm
    doc = SimpleDocTemplate(
        str(path),
        pagesize=size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=18 * mm,
        bottomMargin=margin,
        title=f"{w['welcome.subject']} — {letter.company_name}",
        author=letter.letterhead.chapter_name,
        lang=letter.language,
        initialFontName=REGULAR,
    )
    doc.build(_story(letter, s, size[0] - 2 * margin))
    return path
