"""The audit report as a PDF: what was audited, by whom, what was found, and what follows.

:func:`write_audit_report` draws an :class:`AuditReport` (plain values, gathered by
:func:`basc_desktop.services.audit_report.audit_report_pdf`) with ReportLab and the
embedded DejaVu font, in Spanish, English or French, on the chapter's paper size.  The
texts of the document are in the report's language, not the window's; dates are
day-first (dd/mm/yyyy) in every language.  No Qt, no SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from basc_desktop.domain.vocabulary import Verdict
from basc_desktop.reports.audit_sections import SectionCount
from basc_desktop.reports.fonts import BOLD, REGULAR, register_fonts
from basc_desktop.reports.report_words import VERDICT_ORDER, words

__all__ = ["AuditReport", "FindingLine", "SectionCount", "write_audit_report"]


@dataclass(frozen=True)
class FindingLine:
    """A nonconformity (or observation) and the corrective action it led to."""

    code: str
    title: str
    section: str
    verdict: Verdict
    evidence: str
    action: str = ""
    owner: str = ""
    due_on: date | None = None
    action_state: str = ""
    """The action's state in the report's language; "" when there is no action."""


@dataclass(frozen=True)
class AuditReport:
    """Everything the report prints, already in the report's language."""

    language: str
    paper: str
    """"letter" or "a4", from the chapter's file."""
    chapter_name: str
    audit_id: int
    kind: str
    state: str
    standard: str
    planned_on: date
    started_on: date | None
    finished_on: date | None
    company_name: str
    trade_name: str
    tax_id_label: str
    tax_id: str
    business_type: str
    address: str
    lead_auditor: str
    team: tuple[str, ...]
    summary: str
    verdict_counts: dict[Verdict, int]
    unjudged: int
    sections: tuple[SectionCount, ...]
    nonconformities: tuple[FindingLine, ...]
    observations: tuple[FindingLine, ...] = ()
    signatory_name: str = ""
    signatory_title: str = ""
    printed_on: date | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "—"


class _Styles:
    def __init__(self) -> None:
        register_fonts()
        self.body = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=11.5)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=8, leading=10)
        self.title = ParagraphStyle(
            "title", fontName=BOLD, fontSize=16, leading=20, spaceAfter=2 * mm
        )
        self.heading = ParagraphStyle(
            "heading",
            fontName=BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=5 * mm,
            spaceAfter=2 * mm,
            textColor=colors.HexColor("#0d3b66"),
        )
        self.cell_bold = ParagraphStyle("cellbold", parent=self.small, fontName=BOLD)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


_GRID = TableStyle(
    [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e4ebf2")),
        ("FONTNAME", (0, 0), (-1, 0), BOLD),
    ]
)


def _facts(report: AuditReport, w: dict[str, str], s: _Styles, width: float) -> Table:
    team = ", ".join(report.team) or "—"
    rows = [
        (w["company"], report.company_name),
        (w["trade_name"], report.trade_name or "—"),
        (report.tax_id_label, report.tax_id),
        (w["business_type"], report.business_type),
        (w["address"], report.address or "—"),
        (w["chapter"], report.chapter_name),
        (w["kind"], report.kind),
        (w["standard"], report.standard),
        (w["state"], report.state),
        (w["planned_on"], _day(report.planned_on)),
        (w["dates"], f"{_day(report.started_on)} – {_day(report.finished_on)}"),
        (w["lead_auditor"], report.lead_auditor or "—"),
        (w["team"], team),
    ]
    table = Table(
        [[_p(k, s.cell_bold), _p(v, s.small)] for k, v in rows],
        colWidths=[0.28 * width, 0.72 * width],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d0d7de")),
            ]
        )
    )
    return table


def _verdict_table(report: AuditReport, w: dict[str, str], width: float) -> Table:
    header = [w["verdict"], w["count"]]
    rows: list[list[str]] = [
        [w[f"verdict.{v.value}"], str(report.verdict_counts.get(v, 0))] for v in VERDICT_ORDER
    ]
    if report.unjudged:
        rows.append([w["unjudged"], str(report.unjudged)])
    total = sum(report.verdict_counts.values()) + report.unjudged
    rows.append([w["total"], str(total)])
    table = Table([header, *rows], colWidths=[0.5 * width, 0.15 * width], hAlign="LEFT")
    table.setStyle(_GRID)
    table.setStyle(TableStyle([("ALIGN", (1, 0), (1, -1), "RIGHT")]))
    return table


def _section_table(report: AuditReport, w: dict[str, str], s: _Styles, width: float) -> Table:
    header = [w["section"], *(w[f"short.{v.value}"] for v in VERDICT_ORDER)]
    body = [
        [_p(row.section, s.small), *(str(row.counts.get(v, 0) or "") for v in VERDICT_ORDER)]
        for row in report.sections
    ]
    narrow = 0.09 * width
    table = Table(
        [header, *body],
        colWidths=[width - narrow * len(VERDICT_ORDER), *([narrow] * len(VERDICT_ORDER))],
        repeatRows=1,
    )
    table.setStyle(_GRID)
    table.setStyle(TableStyle([("ALIGN", (1, 0), (-1, -1), "CENTER")]))
    return table


def _finding_block(line: FindingLine, w: dict[str, str], s: _Styles, width: float) -> KeepTogether:
    colour = "#c62828" if line.verdict == Verdict.MAJOR else "#b26a00"
    if line.verdict == Verdict.OBSERVATION:
        colour = "#1565c0"
    head = Paragraph(
        f'<font name="{BOLD}">{escape(line.code)}</font> — {escape(line.title)} '
        f'<font color="{colour}" name="{BOLD}">[{escape(w[f"verdict.{line.verdict.value}"])}]'
        "</font>",
        s.body,
    )
    rows = [[_p(w["evidence"], s.cell_bold), _p(line.evidence or "—", s.small)]]
    if line.action:
        rows += [
            [_p(w["action"], s.cell_bold), _p(line.action, s.small)],
            [_p(w["owner"], s.cell_bold), _p(line.owner or "—", s.small)],
            [
                _p(w["due_on"], s.cell_bold),
                _p(f"{_day(line.due_on)}  ({line.action_state})", s.small),
            ],
        ]
    table = Table(rows, colWidths=[0.22 * width, 0.78 * width])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOX", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")),
                ("LINEBELOW", (0, 0), (-1, -2), 0.25, colors.HexColor("#d0d7de")),
            ]
        )
    )
    return KeepTogether([head, Spacer(1, 1 * mm), table, Spacer(1, 3 * mm)])


def _signatures(report: AuditReport, w: dict[str, str], s: _Styles, width: float) -> Table:
    def block(name: str, role: str) -> list[Any]:
        return [
            Spacer(1, 14 * mm),
            _p("_" * 38, s.small),
            _p(name or " ", s.cell_bold),
            _p(role, s.small),
        ]

    left = block(report.lead_auditor, w["lead_auditor"])
    right = block(report.signatory_name, report.signatory_title or w["chapter"])
    table = Table([[left, right]], colWidths=[width / 2, width / 2])
    table.setStyle(
        TableStyle(
            [("FONTNAME", (0, 0), (-1, -1), REGULAR), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]
        )
    )
    return table


def _story(report: AuditReport, w: dict[str, str], s: _Styles, width: float) -> list[Any]:
    story: list[Any] = [
        _p(w["title"], s.title),
        _p(f"{report.chapter_name} · {w['audit_no']}\u00a0{report.audit_id}", s.body),
        Spacer(1, 3 * mm),
        _facts(report, w, s, width),
    ]
    if report.summary:
        story += [_p(w["summary"], s.heading), _p(report.summary, s.body)]
    story += [
        _p(w["by_verdict"], s.heading),
        _verdict_table(report, w, width),
        _p(w["by_section"], s.heading),
        _section_table(report, w, s, width),
        _p(w["nonconformities"], s.heading),
    ]
    if report.nonconformities:
        story += [_finding_block(line, w, s, width) for line in report.nonconformities]
    else:
        story.append(_p(w["none"], s.body))
    if report.observations:
        story.append(_p(w["observations"], s.heading))
        story += [_finding_block(line, w, s, width) for line in report.observations]
    story += [_p(w["signatures"], s.heading), _signatures(report, w, s, width)]
    return story


def write_audit_report(report: AuditReport, path: Path) -> Path:
    """Write ``report`` as a PDF at ``path`` (its folder must exist); returns ``path``."""
    w = words(report.language)
    s = _Styles()
    size = A4 if report.paper == "a4" else LETTER
    margin = 18 * mm
    doc = SimpleDocTemplate(
        str(path),
        pagesize=size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=f"{w['title']} {report.audit_id} — {report.company_name}",
        author=report.chapter_name,
        subject=report.standard,
        lang=report.language,
        initialFontName=REGULAR,
    )
    width = size[0] - 2 * margin
    footer = f"{w['title']} {report.audit_id} · {report.company_name}"
    printed = _day(report.printed_on) if report.printed_on else ""

    def decorate(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(colors.HexColor("#57606a"))
        canvas.drawString(margin, 10 * mm, footer)
        canvas.drawRightString(
            size[0] - margin, 10 * mm, f"{printed}   {w['page']} {document.page}".strip()
        )
        canvas.restoreState()

    doc.build(_story(report, w, s, width), onFirstPage=decorate, onLaterPages=decorate)
    return path
