"""The minutes of a certification committee session as a PDF, on the chapter's letterhead.

They give the date, the members present, and each application heard: company, tax ID,
business type, the decision and its reason; then the signatures of the chapter's
officers.  In the chapter's language.  No Qt, no SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from basc_desktop.domain.vocabulary import ApplicationDecision
from basc_desktop.reports.fonts import BOLD, REGULAR
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

__all__ = ["MinutesLine", "SessionMinutes", "write_committee_minutes"]


@dataclass(frozen=True)
class MinutesLine:
    company_name: str
    tax_id: str
    business_type: str
    """In the minutes' language."""
    decision: ApplicationDecision | None
    reason: str


@dataclass(frozen=True)
class SessionMinutes:
    """Everything the minutes print, already in their language."""

    language: str
    paper: str
    letterhead: Letterhead
    session_id: int
    held_on: date
    members_present: str
    lines: tuple[MinutesLine, ...]
    notes: str = ""
    signatories: tuple[tuple[str, str], ...] = ()
    """(name, title) of each officer who signs."""
    tax_id_label: str = ""
    """What the country calls the tax ID (NIT, RUC…); "" for the generic word."""


def _agenda(minutes: SessionMinutes, w: dict[str, str], s: LetterStyles, width: float) -> Table:
    titles = (w["company"], minutes.tax_id_label or w["tax_id"], w["business_type"])
    header = [para(t, s.bold) for t in (*titles, w["decision"], w["reason"])]
    rows: list[list[Any]] = [header]
    for line in minutes.lines:
        decision = w[f"decision.{line.decision.value}"] if line.decision else w["pending"]
        rows.append(
            [
                para(line.company_name, s.small),
                para(line.tax_id, s.small),
                para(line.business_type, s.small),
                para(decision, s.bold),
                para(line.reason or "—", s.small),
            ]
        )
    fractions = (0.23, 0.20, 0.17, 0.14, 0.26)
    table = Table(rows, colWidths=[f * width for f in fractions], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("FONTNAME", (0, 0), (-1, 0), BOLD),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e4ebf2")),
            ]
        )
    )
    return table


def _story(minutes: SessionMinutes, s: LetterStyles, width: float) -> list[Any]:
    w = letter_words(minutes.language)
    counts = {d: sum(1 for x in minutes.lines if x.decision is d) for d in ApplicationDecision}
    story: list[Any] = letterhead_flowables(minutes.letterhead, s, width)
    story += [
        para(w["minutes.title"], s.title),
        para(f"{w['minutes.held_on']}: {date_in_words(minutes.held_on, minutes.language)}", s.body),
        para(f"{w['minutes.members']}: {minutes.members_present or '—'}", s.body),
        Spacer(1, 4 * mm),
        para(w["minutes.agenda"], s.title),
    ]
    if minutes.lines:
        story.append(_agenda(minutes, w, s, width))
        summary = w["minutes.summary"].format(
            admitted=counts[ApplicationDecision.ADMITTED],
            rejected=counts[ApplicationDecision.REJECTED],
            postponed=counts[ApplicationDecision.POSTPONED],
        )
        story += [Spacer(1, 3 * mm), para(summary, s.body)]
    else:
        story.append(para(w["minutes.none"], s.body))
    if minutes.notes:
        story += [para(w["minutes.notes"], s.title), para(minutes.notes, s.body)]
    story += [
        para(w["minutes.signatures"], s.title),
        signature_table(list(minutes.signatories), s, width),
    ]
    return story


def write_committee_minutes(minutes: SessionMinutes, path: Path) -> Path:
    """Write the minutes as a PDF at ``path`` (its folder must exist); returns ``path``."""
    w = letter_words(minutes.language)
    s = LetterStyles()
    size = page_size(minutes.paper)
    margin = 20 * mm
    title = f"{w['minutes.title']} — {date_in_words(minutes.held_on, minutes.language)}"
    doc = SimpleDocTemplate(
        str(path),
        pagesize=size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=title,
        author=minutes.letterhead.chapter_name,
        lang=minutes.language,
        initialFontName=REGULAR,
    )
    width = size[0] - 2 * margin

    def decorate(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(colors.HexColor("#57606a"))
        canvas.drawString(margin, 10 * mm, title)
        canvas.drawRightString(size[0] - margin, 10 * mm, f"{w['page']} {document.page}")
        canvas.restoreState()

    doc.build(_story(minutes, s, width), onFirstPage=decorate, onLaterPages=decorate)
    return path
