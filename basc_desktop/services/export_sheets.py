"""The columns of each Excel export and how a row of each list becomes its cells.

Each layout names its columns (header word, kind of cell, width) and gives a function
that turns one list row into its cells, in the same order; labels (statuses, business
types, states…) are written in the export's language.  Each layout also says which
column holds the country (one sheet per country) and which one the summary counts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.sql.elements import ColumnElement

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.domain.tax_ids import format_tax_id
from basc_desktop.reports.excel_writer import CellKind, Column
from basc_desktop.services.audit_forms import ActionRow, AuditRow
from basc_desktop.services.certificate_forms import CertificateRow
from basc_desktop.services.export_words import ExportWords
from basc_desktop.store.members import Company

__all__ = [
    "Layout",
    "action_layout",
    "audit_layout",
    "certificate_layout",
    "member_columns",
    "member_layout",
]

Fields = tuple[tuple[str, CellKind, float], ...]


@dataclass(frozen=True)
class Layout:
    """The columns of one export and the cells of a row."""

    columns: tuple[Column, ...]
    cells: Callable[[Any], Sequence[object]]
    country: int
    """The column of the country: one sheet per value when asked."""
    counted: int
    """The column the summary sheet counts by country (a status or a state)."""
    counted_order: tuple[str, ...]
    """The summary's columns, in the order of the cycle."""


def _columns(words: ExportWords, fields: Fields) -> tuple[Column, ...]:
    return tuple(Column(words[key], kind, width) for key, kind, width in fields)


MEMBER_FIELDS: Fields = (
    ("member_number", "int", 10),
    ("legal_name", "text", 40),
    ("trade_name", "text", 26),
    ("tax_id", "text", 18),
    ("country", "text", 7),
    ("chapter", "text", 10),
    ("business_type", "text", 30),
    ("city", "text", 18),
    ("status", "text", 14),
    ("certificate", "text", 20),
    ("expires_on", "date", 12),
    ("next_audit_on", "date", 13),
    ("archived_on", "date", 12),
)


def member_columns(status: ColumnElement[str | None]) -> tuple[Any, ...]:
    """What the members export reads, in the order :func:`member_layout` unpacks it.

    Plain columns rather than ``MemberRow`` objects: an export reads every member, and
    skipping the objects makes it about 3 % faster at 50,000.  ``status`` is the SQL
    status (:func:`~basc_desktop.services.member_search.member_status`).
    """
    return (
        Company.member_number,
        Company.legal_name,
        Company.trade_name,
        Company.tax_id,
        Company.country,
        Company.chapter_code,
        Company.business_type,
        Company.city,
        status,
        Company.certificate_code,
        Company.expires_on,
        Company.next_audit_on,
        Company.archived_on,
    )


def member_layout(words: ExportWords) -> Layout:
    """Cells of a member read as :func:`member_columns`; the tax ID as its country writes it."""
    business, statuses = words.business_types, words.statuses

    def cells(r: Sequence[Any]) -> list[object]:
        (number, legal, trade, tax_id, country, chapter, kind, city, status, code, expires,
         next_audit, archived) = r  # fmt: skip
        return [
            number,
            legal,
            trade,
            format_tax_id(country, tax_id),
            country,
            chapter,
            business[kind],
            city,
            statuses[status],
            code,
            expires,
            next_audit,
            archived,
        ]

    return Layout(_columns(words, MEMBER_FIELDS), cells, 4, 8, tuple(words.statuses.values()))


AUDIT_FIELDS: Fields = (
    ("audit_no", "int", 10),
    ("planned_on", "date", 13),
    ("company", "text", 38),
    ("tax_id", "text", 18),
    ("country", "text", 7),
    ("chapter", "text", 10),
    ("kind", "text", 16),
    ("state", "text", 13),
    ("standard", "text", 8),
    ("lead_auditor", "text", 24),
    ("team", "text", 30),
    ("judged", "int", 10),
    ("requirements", "int", 11),
    ("started_on", "date", 12),
    ("finished_on", "date", 12),
)


def audit_layout(words: ExportWords) -> Layout:
    kinds, states = words.kinds, words.audit_states

    def cells(r: AuditRow) -> list[object]:
        return [
            r.id,
            r.planned_on,
            r.company_name,
            r.tax_id,
            r.country,
            r.chapter_code,
            kinds[r.kind],
            states[r.state],
            r.standard_version,
            r.lead_auditor,
            "; ".join(r.team),
            r.judged,
            r.total,
            r.started_on,
            r.finished_on,
        ]

    return Layout(_columns(words, AUDIT_FIELDS), cells, 4, 7, tuple(states.values()))


ACTION_FIELDS: Fields = (
    ("action_no", "int", 10),
    ("audit_no", "int", 10),
    ("company", "text", 36),
    ("country", "text", 7),
    ("chapter", "text", 10),
    ("requirement", "text", 12),
    ("requirement_title", "text", 40),
    ("severity", "text", 22),
    ("description", "text", 44),
    ("owner", "text", 22),
    ("due_on", "date", 12),
    ("state", "text", 12),
    ("overdue", "text", 9),
    ("submitted_on", "date", 12),
    ("verified_on", "date", 12),
    ("closed_on", "date", 12),
)


def action_layout(words: ExportWords, chapters: ChapterRegistry) -> Layout:
    verdicts, states, yes = words.verdicts, words.action_states, words["yes"]
    country = {chapter.code: chapter.country_code for chapter in chapters}

    def cells(r: ActionRow) -> list[object]:
        return [
            r.id,
            r.audit_id,
            r.company_name,
            country.get(r.chapter_code, ""),
            r.chapter_code,
            r.requirement_code,
            r.requirement_title,
            verdicts[r.severity],
            r.description,
            r.owner,
            r.due_on,
            states[r.state],
            yes if r.overdue else "",
            r.submitted_on,
            r.verified_on,
            r.closed_on,
        ]

    return Layout(_columns(words, ACTION_FIELDS), cells, 3, 11, tuple(states.values()))


CERTIFICATE_FIELDS: Fields = (
    ("code", "text", 20),
    ("company", "text", 38),
    ("tax_id", "text", 18),
    ("country", "text", 7),
    ("chapter", "text", 10),
    ("scope", "text", 30),
    ("standard", "text", 8),
    ("site", "int", 6),
    ("issue", "int", 8),
    ("issued_on", "date", 13),
    ("expires_on", "date", 12),
    ("state", "text", 13),
    ("audit_no", "int", 10),
)


def certificate_layout(words: ExportWords) -> Layout:
    business, states = words.business_types, words.certificate_states

    def cells(r: CertificateRow) -> list[object]:
        return [
            r.code,
            r.company_name,
            r.tax_id,
            r.country,
            r.chapter_code,
            business[r.scope],
            r.standard_version,
            r.site,
            r.issue_number,
            r.issued_on,
            r.expires_on,
            states[r.state],
            r.audit_id,
        ]

    return Layout(_columns(words, CERTIFICATE_FIELDS), cells, 3, 11, tuple(states.values()))
