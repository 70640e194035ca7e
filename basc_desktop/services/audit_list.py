"""Finding audits: the audits list, its filters, and the month calendar."""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Generator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from basc_desktop.domain.errors import NotFoundError
from basc_desktop.domain.search import search_terms
from basc_desktop.domain.tax_ids import format_tax_id
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.validation import check_month
from basc_desktop.services.access import require_audit, scoped
from basc_desktop.services.audit_forms import AUDIT_SORTABLE_COLUMNS, AuditQuery, AuditRow
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.audits import Audit, Auditor, Finding, audit_team
from basc_desktop.store.members import Company

__all__ = [
    "audits_in_month",
    "count_audits",
    "find_audits",
    "get_audit",
    "iter_audits",
    "month_bounds",
]

_LEAD = aliased(Auditor, name="lead")
ALL_AUDITS = AuditQuery()
"""The default list: every audit, by planned date."""


def month_bounds(day: date) -> tuple[date, date]:
    """The first and last day of the month ``day`` falls in."""
    last = calendar.monthrange(day.year, day.month)[1]
    return day.replace(day=1), day.replace(day=last)


def like_terms(column: Any, text: str) -> list[Any]:
    """One ``LIKE`` condition per word of ``text`` (folded), with wildcards escaped."""
    conditions = []
    for term in search_terms(text):
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        conditions.append(column.like(f"%{escaped}%", escape="\\"))
    return conditions


def _filtered(query: AuditQuery) -> Select[*tuple[Any, ...]]:
    stmt = (
        select(Audit, Company.legal_name, Company.tax_id, Company.chapter_code, Company.country)
        .add_columns(_LEAD.name.label("lead_name"))
        .join(Company, Company.id == Audit.company_id)
        .outerjoin(_LEAD, _LEAD.id == Audit.lead_auditor_id)
    )
    if query.month is not None:
        first, last = month_bounds(query.month)
        stmt = stmt.where(Audit.planned_on.between(first, last))
    if query.chapters:
        stmt = stmt.where(Company.chapter_code.in_(query.chapters))
    if query.states:
        stmt = stmt.where(Audit.state.in_(query.states))
    if query.kinds:
        stmt = stmt.where(Audit.kind.in_(query.kinds))
    if query.company_id is not None:
        stmt = stmt.where(Audit.company_id == query.company_id)
    if query.auditor_id is not None:
        in_team = (
            select(audit_team.c.audit_id)
            .where(audit_team.c.auditor_id == query.auditor_id)
            .scalar_subquery()
        )
        stmt = stmt.where(or_(Audit.lead_auditor_id == query.auditor_id, Audit.id.in_(in_team)))
    if query.ids:
        stmt = stmt.where(Audit.id.in_(query.ids))
    for condition in like_terms(Company.search_text, query.search):
        stmt = stmt.where(condition)
    return stmt


def _order(query: AuditQuery) -> list[Any]:
    if query.order_by not in AUDIT_SORTABLE_COLUMNS:
        raise ValueError(f"cannot sort audits by {query.order_by!r}")
    column: Any = {
        "company_name": Company.sort_name,
        "chapter_code": Company.chapter_code,
        "lead_auditor": func.coalesce(_LEAD.name, ""),
    }.get(query.order_by) or getattr(Audit, query.order_by)
    return [column.desc() if query.descending else column.asc(), Audit.id]


def count_audits(ws: Workspace, query: AuditQuery = ALL_AUDITS) -> int:
    with ws.db.reading() as session:
        stmt = scoped(_filtered(query), Company.chapter_code, ws)
        subquery = stmt.with_only_columns(Audit.id).subquery()
        return session.scalar(select(func.count()).select_from(subquery)) or 0


def find_audits(ws: Workspace, query: AuditQuery = ALL_AUDITS) -> list[AuditRow]:
    """One page of the audits list, filtered and sorted by the database."""
    stmt = scoped(_filtered(query), Company.chapter_code, ws)
    stmt = stmt.order_by(*_order(query)).offset(query.offset)
    if query.limit is not None:
        stmt = stmt.limit(query.limit)
    with ws.db.reading() as session:
        return audit_rows(session, session.execute(stmt).all())


def iter_audits(
    ws: Workspace, query: AuditQuery, batch: int = 1000
) -> Generator[list[AuditRow], None, None]:
    """Every audit the query finds (from its offset, up to its limit), ``batch`` at a time.

    For exports of any size: one query, read in batches, so memory stays bounded.
    """
    stmt = scoped(_filtered(query), Company.chapter_code, ws)
    stmt = stmt.order_by(*_order(query)).offset(query.offset)
    if query.limit is not None:
        stmt = stmt.limit(query.limit)
    with (
        ws.db.reading() as session,
        session.execute(stmt.execution_options(yield_per=batch)) as found,
    ):
        for part in found.partitions(batch):
            yield audit_rows(session, part)


def get_audit(ws: Workspace, audit_id: int) -> AuditRow:
    with ws.db.reading() as session:
        require_audit(ws, session, audit_id)
        return load_audit_row(session, audit_id)


def load_audit_row(session: Session, audit_id: int) -> AuditRow:
    """The audit ``audit_id`` as the list shows it, read in ``session``."""
    found = session.execute(_filtered(ALL_AUDITS).where(Audit.id == audit_id)).all()
    if not found:
        raise NotFoundError(_("Audit {id} does not exist."), id=audit_id)
    return audit_rows(session, found)[0]


def audits_in_month(
    ws: Workspace, year: int, month: int, chapters: tuple[str, ...] = ()
) -> list[AuditRow]:
    """Every audit planned in ``month`` of ``year``, by planned date: the month calendar."""
    query = AuditQuery(month=check_month(year, month), chapters=chapters, limit=None)
    return find_audits(ws, query)


def audit_rows(session: Session, found: Sequence[Any]) -> list[AuditRow]:
    """Rows of ``_filtered`` made into :class:`AuditRow`, with team and progress."""
    ids = [row[0].id for row in found]
    teams: dict[int, list[tuple[int, str]]] = defaultdict(list)
    progress: dict[int, tuple[int, int]] = {}
    if ids:
        for audit_id, auditor_id, name in session.execute(
            select(audit_team.c.audit_id, Auditor.id, Auditor.name)
            .join(Auditor, Auditor.id == audit_team.c.auditor_id)
            .where(audit_team.c.audit_id.in_(ids))
            .order_by(Auditor.name, Auditor.id)
        ):
            teams[audit_id].append((auditor_id, name))
        judged = func.sum(case((Finding.verdict.is_not(None), 1), else_=0))
        for audit_id, done, total in session.execute(
            select(Finding.audit_id, judged, func.count())
            .where(Finding.audit_id.in_(ids))
            .group_by(Finding.audit_id)
        ):
            progress[audit_id] = (int(done or 0), int(total))
    rows = []
    for audit, legal_name, tax_id, chapter_code, country, lead_name in found:
        judged_count, total = progress.get(audit.id, (0, 0))
        team = teams.get(audit.id, [])
        rows.append(
            AuditRow(
                id=audit.id,
                company_id=audit.company_id,
                company_name=legal_name,
                tax_id=format_tax_id(country, tax_id),
                chapter_code=chapter_code,
                country=country,
                kind=audit.kind,
                state=audit.state,
                standard_version=audit.standard_version,
                planned_on=audit.planned_on,
                started_on=audit.started_on,
                finished_on=audit.finished_on,
                lead_auditor=lead_name or "",
                lead_auditor_id=audit.lead_auditor_id,
                team=tuple(name for _id, name in team),
                team_ids=tuple(auditor_id for auditor_id, _name in team),
                summary=audit.summary or "",
                judged=judged_count,
                total=total,
                version=audit.version,
            )
        )
    return rows
