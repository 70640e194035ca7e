"""Finding members: search, filters, sorting and paging, all done by the database.

Status, certificate, expiry and next audit come from the standing columns kept on
``companies`` (see ``store/standing.py``), so a filter or a sort by them is one SQL
query whatever the size of the register.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from basc_desktop.domain.search import search_terms
from basc_desktop.domain.tax_ids import format_tax_id, normalise_tax_id
from basc_desktop.domain.vocabulary import MemberStatus
from basc_desktop.services.access import scoped
from basc_desktop.services.member_forms import SORTABLE_COLUMNS, MemberQuery, MemberRow
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.members import Company
from basc_desktop.store.search_index import search_conditions
from basc_desktop.store.standing import (
    in_force_expiring_within,
    status_expression,
    status_rank,
)

AnySelect = Select[*tuple[Any, ...]]

CURRENT_MEMBERS = MemberQuery()
"""The default list: every member not archived, by legal name."""


def warning_days(ws: Workspace) -> dict[str, int]:
    """Each chapter's expiry warning window, in days."""
    return {chapter.code: chapter.expiry_warning_days for chapter in ws.chapters}


def member_status(ws: Workspace, on: date | None = None) -> ColumnElement[str | None]:
    """The members' status today (or at ``on``, not before the latest record) as SQL."""
    return status_expression(on or ws.today(), warning_days(ws))


def filtered(ws: Workspace, query: MemberQuery, stmt: AnySelect) -> AnySelect:
    """``stmt`` (over ``companies``) narrowed by the query's search and filters, and
    to the user's chapters."""
    stmt = scoped(stmt, Company.chapter_code, ws)
    terms = search_terms(query.search)
    if terms:
        stmt = stmt.where(*search_conditions(ws.db.engine, terms))
    if query.countries:
        stmt = stmt.where(Company.country.in_(query.countries))
    if query.chapters:
        stmt = stmt.where(Company.chapter_code.in_(query.chapters))
    if query.business_types:
        stmt = stmt.where(Company.business_type.in_(query.business_types))
    if query.statuses:
        wanted = [MemberStatus(s).value for s in query.statuses]
        stmt = stmt.where(member_status(ws).in_(wanted))
    if query.expires_within_days is not None:
        stmt = stmt.where(in_force_expiring_within(ws.today(), query.expires_within_days))
    if query.archived is True:
        stmt = stmt.where(Company.archived_on.is_not(None))
    elif query.archived is False:
        stmt = stmt.where(Company.archived_on.is_(None))
    if query.ids:
        stmt = stmt.where(Company.id.in_(query.ids))
    return stmt


def _sort_key(ws: Workspace, column: str) -> ColumnElement[Any]:
    if column not in SORTABLE_COLUMNS:
        raise ValueError(f"cannot sort members by {column!r}")
    if column == "legal_name":
        return Company.sort_name.expression
    if column == "status":
        return status_rank(member_status(ws))
    key: ColumnElement[Any] = getattr(Company, column)
    return key


def _nullable(column: str) -> bool:
    return column in ("expires_on", "certificate_code", "next_audit_on")


def ordered(ws: Workspace, query: MemberQuery, stmt: AnySelect) -> AnySelect:
    """``stmt`` sorted as the query asks, empty values last.

    Members that share the value (a country, a status, a date) follow in legal-name
    order, then by id, in the same direction, so the page order is always the same.
    """
    key = _sort_key(ws, query.order_by)
    order = key.desc() if query.descending else key.asc()
    if _nullable(query.order_by):
        order = order.nulls_last()
    ties: list[ColumnElement[Any]] = [Company.id.expression]
    if query.order_by != "legal_name":
        ties.insert(0, Company.sort_name.expression)
    return stmt.order_by(order, *(t.desc() if query.descending else t.asc() for t in ties))


def _row_columns(ws: Workspace) -> AnySelect:
    stmt: AnySelect = select(
        Company.id,
        Company.member_number,
        Company.legal_name,
        Company.trade_name,
        Company.tax_id,
        Company.country,
        Company.chapter_code,
        Company.business_type,
        Company.city,
        member_status(ws).label("status"),
        Company.certificate_code,
        Company.expires_on,
        Company.next_audit_on,
        Company.archived_on,
        Company.version,
    )
    return stmt


def _row(found: Sequence[Any]) -> MemberRow:
    # Unpacked in the order of _row_columns: much faster than by name, and an export
    # reads every member through here.
    (id_, number, legal, trade, tax_id, country, chapter, kind, city, status, code, expires,
     next_audit, archived, version) = found  # fmt: skip
    return MemberRow(
        id=id_,
        member_number=number,
        legal_name=legal,
        trade_name=trade,
        tax_id=format_tax_id(country, tax_id),
        country=country,
        chapter_code=chapter,
        business_type=kind,
        city=city,
        status=MemberStatus(status) if status is not None else None,
        certificate_code=code,
        expires_on=expires,
        next_audit_on=next_audit,
        archived_on=archived,
        version=version,
    )


def rows_statement(ws: Workspace, query: MemberQuery) -> AnySelect:
    """The SQL for the query's page of list rows."""
    stmt = ordered(ws, query, filtered(ws, query, _row_columns(ws)))
    if query.offset:
        stmt = stmt.offset(query.offset)
    if query.limit is not None:
        stmt = stmt.limit(query.limit)
    return stmt


def member_rows(ws: Workspace, session: Session, ids: list[int]) -> dict[int, MemberRow]:
    """The list rows of these members, by id."""
    stmt = _row_columns(ws).where(Company.id.in_(ids))
    return {found.id: _row(found) for found in session.execute(stmt)}


def count_members(ws: Workspace, query: MemberQuery = CURRENT_MEMBERS) -> int:
    """How many members the query finds (its offset and limit aside)."""
    with ws.db.reading() as session:
        stmt = filtered(ws, query, select(func.count()).select_from(Company))
        return session.scalar(stmt) or 0


def find_members(ws: Workspace, query: MemberQuery = CURRENT_MEMBERS) -> list[MemberRow]:
    """One page of the members list, filtered and sorted by the database."""
    stmt = rows_statement(ws, query)
    with ws.db.reading() as session:
        return [_row(found) for found in session.execute(stmt)]


def iter_members(
    ws: Workspace, query: MemberQuery, batch: int = 1000
) -> Generator[list[MemberRow], None, None]:
    """Every member the query finds (from its offset, up to its limit), ``batch`` at a time.

    For exports of any size: one query, read in batches, so memory stays bounded.
    """
    stmt = rows_statement(ws, query).execution_options(yield_per=batch)
    # Closing the result ends a server-side cursor at once when the caller stops early
    # (a cancelled export); left open on PostgreSQL it would hold the transaction.
    with ws.db.reading() as session, session.execute(stmt) as result:
        for part in result.partitions(batch):
            yield [_row(found) for found in part]


def members_with_tax_id(
    ws: Workspace, tax_id: str, countries: Sequence[str] = ()
) -> list[MemberRow]:
    """Members whose tax ID, normalised the way each country writes it, is ``tax_id``.

    Looks in ``countries``, or in every country of the chapters when none is given; a
    number can belong to a company in two countries, so this may find more than one.
    """
    where = [
        (Company.country == country) & (Company.tax_id == normalise_tax_id(country, tax_id))
        for country in (countries or ws.chapters.countries())
    ]
    stmt = ordered(ws, CURRENT_MEMBERS, _row_columns(ws).where(or_(*where)))
    stmt = scoped(stmt, Company.chapter_code, ws)
    with ws.db.reading() as session:
        return [_row(found) for found in session.execute(stmt)]
