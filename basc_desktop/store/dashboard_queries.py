"""The dashboard's SQL: members and their standing at a date, and the figures by chapter.

Two row sets feed the company figures, both one row per company:

- :func:`members_at`: the companies that were members at a date (``company_id``,
  ``chapter_code``);
- :func:`standings_at`: the members that had a certificate by then, with the
  certificate that counts (``code``, ``expires_on``) and its ``standing``.

Both are computed from the history (certificates and their events, applications) with
a few GROUP BY scans and primary-key lookups, never a lookup per company on a
secondary index, so 100,000 members take a fraction of a second on SQLite.  The
``*_today`` variants read the same rows from the standing columns of ``companies``,
which hold today's facts (see ``store/standing.py``): valid for today only.

The services narrow every statement to the user's chapters before running it
(``services/access.scoped`` on ``Company.chapter_code``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    CTE,
    ColumnElement,
    Date,
    Select,
    String,
    Subquery,
    and_,
    case,
    exists,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from basc_desktop.domain.vocabulary import CertificateEventKind
from basc_desktop.store.admissions import Application
from basc_desktop.store.audits import Audit, CorrectiveAction, Finding
from basc_desktop.store.certificates import Certificate, CertificateEvent
from basc_desktop.store.members import Company

CERTIFIED = "certified"
"""Standing of a member whose certificate is in force and not suspended (the domain's
CERTIFIED or EXPIRING: the dashboard counts both as certified)."""
EXPIRED = "expired"
SUSPENDED = "suspended"
WITHDRAWN = "withdrawn"
STANDINGS = (CERTIFIED, EXPIRED, SUSPENDED, WITHDRAWN)
IN_FORCE = (CERTIFIED, SUSPENDED)
"""Standings whose certificate is still in force (not expired, not withdrawn)."""

EXPIRING_DAYS = (30, 60, 90)
EXPIRY_MONTHS = 12

_SUSPENSION_MOVES = (CertificateEventKind.SUSPENDED, CertificateEventKind.REINSTATED)
_MOVES = (*_SUSPENSION_MOVES, CertificateEventKind.WITHDRAWN)


class counting_key(FunctionElement[str]):  # noqa: N801 - a SQL function, named like one
    """``counting_key(issued_on, expires_on, code)``: one text that sorts as the tuple does.

    The dates as ISO text (which sorts as the dates do) then the code, compared code
    point by code point as Python compares them (``COLLATE "C"`` on PostgreSQL, whose
    default collation would ignore the dashes).  Dates take the first 20 characters.
    """

    type = String()
    inherit_cache = True


class text_date(FunctionElement[date]):  # noqa: N801 - a SQL function, named like one
    """ISO text (YYYY-MM-DD) as a date (SQLite keeps dates as that text already)."""

    type = Date()
    inherit_cache = True


@compiles(counting_key)
def _counting_key_default(element: counting_key, compiler: Any, **kw: Any) -> str:
    issued, expires, code = (compiler.process(c, **kw) for c in element.clauses)
    return f"(CAST({issued} AS VARCHAR) || CAST({expires} AS VARCHAR) || {code})"


@compiles(counting_key, "postgresql")
def _counting_key_postgresql(element: counting_key, compiler: Any, **kw: Any) -> str:
    issued, expires, code = (compiler.process(c, **kw) for c in element.clauses)
    return (
        f"((to_char({issued}, 'YYYY-MM-DD') || to_char({expires}, 'YYYY-MM-DD') || {code})"
        ' COLLATE "C")'
    )


@compiles(text_date)
def _text_date_default(element: text_date, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(text_date, "postgresql")
def _text_date_postgresql(element: text_date, compiler: Any, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS DATE)"


def _day(on: date) -> ColumnElement[date]:
    return literal(on, Certificate.expires_on.type)


def _midnight_after(on: date) -> datetime:
    return datetime.combine(on + timedelta(days=1), time(), tzinfo=UTC)


def _not_archived(on: date) -> ColumnElement[bool]:
    return or_(Company.archived_on.is_(None), Company.archived_on > _day(on))


# --- members ---------------------------------------------------------------------------


def members_at(on: date) -> Select[Any]:
    """The companies that were members at ``on``: ``company_id``, ``chapter_code``.

    A member at ``on``: not archived then (``archived_on`` empty or later) and known by
    then: ``membership_start``, an application opened or a certificate issued on or
    before ``on``; a company with none of these at any date counts from its creation.
    """
    day = _day(on)
    known = or_(
        Company.membership_start <= day,
        exists().where(Application.company_id == Company.id, Application.opened_on <= day),
        exists().where(Certificate.company_id == Company.id, Certificate.issued_on <= day),
        and_(
            Company.membership_start.is_(None),
            ~exists().where(Application.company_id == Company.id),
            ~exists().where(Certificate.company_id == Company.id),
            Company.created_at < _midnight_after(on),
        ),
    )
    columns: list[Any] = [
        Company.id.label("company_id"),
        Company.chapter_code.label("chapter_code"),
    ]
    return select(*columns).where(_not_archived(on), known)


def members_today(on: date) -> Select[Any]:
    """:func:`members_at` from today's standing columns (valid when ``on`` is today)."""
    day = _day(on)
    known = or_(
        Company.membership_start <= day,
        Company.applied_on <= day,
        Company.certificate_issued_on <= day,
        and_(
            Company.membership_start.is_(None),
            Company.applied_on.is_(None),
            Company.certificate_code.is_(None),
            Company.created_at < _midnight_after(on),
        ),
    )
    columns: list[Any] = [
        Company.id.label("company_id"),
        Company.chapter_code.label("chapter_code"),
    ]
    return select(*columns).where(_not_archived(on), known)


# --- standing ----------------------------------------------------------------------------


def standings_at(on: date) -> Select[Any]:
    """The members at ``on`` that had a certificate by then, from the history.

    Columns: ``company_id``, ``chapter_code``, ``code`` and ``expires_on`` of the
    certificate that counts (the latest issued on or before ``on``; ties to the latest
    expiry, then the greatest code: ``lifecycle.counting_certificate``), and
    ``standing``: withdrawn if it was withdrawn by ``on``, else expired from its
    expiry date, else suspended if its last suspension or reinstatement by ``on`` is a
    suspension, else certified.
    """
    day = _day(on)
    # The certificate that counts, in one GROUP BY: the greatest issue date, expiry and
    # code as one ISO text key (dates as ISO text sort as dates; codes are unique).
    key = func.max(counting_key(Certificate.issued_on, Certificate.expires_on, Certificate.code))
    counting = (
        select(Certificate.company_id.label("company_id"), key.label("key"))
        .where(Certificate.issued_on <= day)
        .group_by(Certificate.company_id)
        .subquery("counting")
    )
    expires_on = text_date(func.substr(counting.c.key, 11, 10))
    code = func.substr(counting.c.key, 21)
    # The few certificates with a suspension, reinstatement or withdrawal by ``on``.
    withdrawn = case((CertificateEvent.kind == CertificateEventKind.WITHDRAWN, 1), else_=0)
    moved = (
        select(
            CertificateEvent.certificate_id.label("certificate_id"),
            func.max(withdrawn).label("withdrawn"),
        )
        .where(CertificateEvent.kind.in_(_MOVES), CertificateEvent.occurred_on <= day)
        .group_by(CertificateEvent.certificate_id)
        .subquery("moved")
    )
    moves = (
        select(moved.c.certificate_id, Certificate.code.label("code"), moved.c.withdrawn)
        .join(Certificate, Certificate.id == moved.c.certificate_id)
        .subquery("moves")
    )
    last_move = (
        select(CertificateEvent.kind)
        .where(
            CertificateEvent.certificate_id == moves.c.certificate_id,
            CertificateEvent.kind.in_(_SUSPENSION_MOVES),
            CertificateEvent.occurred_on <= day,
        )
        .order_by(CertificateEvent.occurred_on.desc(), CertificateEvent.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    standing = case(
        (moves.c.withdrawn == 1, WITHDRAWN),
        (expires_on <= day, EXPIRED),
        (
            and_(
                moves.c.certificate_id.is_not(None),
                last_move == CertificateEventKind.SUSPENDED.value,
            ),
            SUSPENDED,
        ),
        else_=CERTIFIED,
    )
    columns: list[Any] = [
        Company.id.label("company_id"),
        Company.chapter_code.label("chapter_code"),
        code.label("code"),
        expires_on.label("expires_on"),
        standing.label("standing"),
    ]
    return (
        select(*columns)
        .select_from(counting)
        .join(Company, Company.id == counting.c.company_id)
        .outerjoin(moves, moves.c.code == code)
        .where(_not_archived(on))
    )


def standings_today(on: date) -> Select[Any]:
    """:func:`standings_at` from today's standing columns (valid when ``on`` is today)."""
    day = _day(on)
    standing = case(
        (and_(Company.withdrawn_on.is_not(None), Company.withdrawn_on <= day), WITHDRAWN),
        (Company.expires_on <= day, EXPIRED),
        (and_(Company.suspended_on.is_not(None), Company.suspended_on <= day), SUSPENDED),
        else_=CERTIFIED,
    )
    columns: list[Any] = [
        Company.id.label("company_id"),
        Company.chapter_code.label("chapter_code"),
        Company.certificate_code.label("code"),
        Company.expires_on.label("expires_on"),
        standing.label("standing"),
    ]
    return select(*columns).where(
        Company.certificate_code.is_not(None),
        Company.certificate_issued_on <= day,
        _not_archived(on),
    )


def materialized(statement: Select[Any], name: str) -> CTE:
    """``statement`` as a CTE computed once, however many columns read it.

    Without it SQLite copies the standing CASE (and its subqueries) into each
    ``count(CASE …)`` of :func:`standing_figures`.  SQLite 3.35+ and PostgreSQL 12+.
    """
    return statement.cte(name).prefix_with("MATERIALIZED")


# --- conditions on the standing rows ----------------------------------------------------


def expiring_within(members: Subquery | CTE, on: date, days: int) -> ColumnElement[bool]:
    """Certified members whose certificate expires in ``days`` days: on < expires <= on+days."""
    return and_(
        members.c.standing == CERTIFIED,
        members.c.expires_on > _day(on),
        members.c.expires_on <= _day(on + timedelta(days=days)),
    )


def expiring_in_month(members: Subquery | CTE, month: date) -> ColumnElement[bool]:
    """Members whose certificate is in force and expires in ``month``'s calendar month."""
    first = month.replace(day=1)
    return and_(
        members.c.standing.in_(IN_FORCE),
        members.c.expires_on >= _day(first),
        members.c.expires_on < _day(next_month(first)),
    )


def next_month(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def expiry_months(on: date) -> list[date]:
    """The first days of the 12 months of the expiries chart, from ``on``'s month."""
    months = [on.replace(day=1)]
    while len(months) < EXPIRY_MONTHS:
        months.append(next_month(months[-1]))
    return months


def member_figures(members: Subquery | CTE) -> Select[Any]:
    """Per chapter: the number of members (``members``: :func:`members_at`)."""
    columns: list[Any] = [members.c.chapter_code, func.count().label("members")]
    return select(*columns).group_by(members.c.chapter_code)


def standing_figures(standings: Subquery | CTE, on: date) -> Select[Any]:
    """Per chapter (``standings``: :func:`standings_at`): each standing, expiring within
    30/60/90 days, then one ``month_<i>`` column per month of :func:`expiry_months`."""
    columns: list[Any] = [
        standings.c.chapter_code,
        *(func.count(case((standings.c.standing == value, 1))).label(value) for value in STANDINGS),
        *(
            func.count(case((expiring_within(standings, on, days), 1))).label(f"expiring_{days}")
            for days in EXPIRING_DAYS
        ),
        *(
            func.count(case((expiring_in_month(standings, month), 1))).label(f"month_{i}")
            for i, month in enumerate(expiry_months(on))
        ),
    ]
    return select(*columns).group_by(standings.c.chapter_code)


# --- corrective actions and audits -------------------------------------------------------


def open_actions(on: date) -> Select[Any]:
    """Corrective actions open at ``on``: raised by then (their audit reported on or
    before ``on``) and not closed by then.  Columns: action id, due date, chapter."""
    day = _day(on)
    columns: list[Any] = [
        CorrectiveAction.id.label("action_id"),
        CorrectiveAction.due_on.label("due_on"),
        Company.chapter_code.label("chapter_code"),
    ]
    return (
        select(*columns)
        .select_from(CorrectiveAction)
        .join(Finding, Finding.id == CorrectiveAction.finding_id)
        .join(Audit, Audit.id == Finding.audit_id)
        .join(Company, Company.id == Audit.company_id)
        .where(
            Audit.finished_on <= day,
            or_(CorrectiveAction.closed_on.is_(None), CorrectiveAction.closed_on > day),
        )
    )


def action_figures(actions: Subquery, on: date) -> Select[Any]:
    """Per chapter: open and overdue corrective actions (``actions``: :func:`open_actions`)."""
    return select(
        actions.c.chapter_code,
        func.count().label("open_actions"),
        func.count(case((actions.c.due_on < _day(on), 1))).label("overdue_actions"),
    ).group_by(actions.c.chapter_code)


def audits_in_month(on: date) -> Select[Any]:
    """Audits planned in ``on``'s calendar month, any state.  Columns: audit id, chapter."""
    first = on.replace(day=1)
    columns: list[Any] = [Audit.id.label("audit_id"), Company.chapter_code.label("chapter_code")]
    return (
        select(*columns)
        .select_from(Audit)
        .join(Company, Company.id == Audit.company_id)
        .where(Audit.planned_on >= _day(first), Audit.planned_on < _day(next_month(first)))
    )


def audit_figures(audits: Subquery) -> Select[Any]:
    return select(audits.c.chapter_code, func.count().label("audits_this_month")).group_by(
        audits.c.chapter_code
    )
