"""The dashboard's figures per chapter and country, today or at any past date D.

Every figure is computed from the history (certificates with their events,
applications, audits and corrective actions with their dates), so a past date shows
the dashboard as it was then.  Today's standing columns of ``companies`` serve only
as a fast path when D is today (a test proves both paths agree).

- **members**: companies that were members on D: not archived on D (``archived_on``
  empty or after D) and known by D (the earliest of ``membership_start``, the first
  application opened, the first certificate issued; without any of these, the day
  the record was created).
- Every other member figure counts only these members, by their status at D
  (:func:`basc_desktop.domain.lifecycle.status_at`):
  **certified**: CERTIFIED or EXPIRING (the certificate that counts is in force, not
  suspended, withdrawn or expired); **expiring 30/60/90**: certified members whose
  certificate expires within 30/60/90 days (D < expires_on <= D + N, so 30 ⊆ 60 ⊆ 90);
  **expired**, **suspended**, **withdrawn**: that status at D.
- **open corrective actions**: raised by D (their audit was reported, ``finished_on``,
  on or before D) and not closed by D (``closed_on`` empty or after D);
  **overdue**: the open ones whose due date is before D.
- **audits planned this month**: audits whose planned date falls in D's calendar month,
  in any state (audits have no cancelled state).
- Corrective actions and audits are counted for every company of the chapter,
  archived or not: they are the chapter's work, whoever it was for.
- **expiries**: for each of the 12 months from D's month, the certificates in force at D
  (the certificate that counts for a member certified, expiring or suspended at D)
  that expire in that month, by country.

A chapter's figures count the records of its members (``companies.chapter_code``); a
country's line adds up its chapters.  Only the chapters the user may see are counted
(:func:`basc_desktop.services.access.scoped`).  The SQL is in
:mod:`basc_desktop.store.dashboard_queries`: a few GROUP BY scans, whatever the count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from basc_desktop.domain.chapter import Chapter
from basc_desktop.domain.errors import NotFoundError
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.validation import check_date
from basc_desktop.services.access import scoped, visible_chapters
from basc_desktop.services.dashboard_export import write_dashboard_pdf, write_dashboard_xlsx
from basc_desktop.services.dashboard_forms import (
    COMPANY_FIGURES,
    FIGURE_RECORDS,
    CountedRecords,
    DashboardFigures,
    ExpiryMonth,
    Figure,
    FigureLine,
    RecordKind,
)
from basc_desktop.services.workspace import Workspace
from basc_desktop.store import dashboard_queries as q
from basc_desktop.store.certificates import Certificate
from basc_desktop.store.members import Company

__all__ = [
    "counted_records",
    "dashboard_figures",
    "expiring_certificates",
    "write_dashboard_pdf",
    "write_dashboard_xlsx",
]

_STANDING_FIGURES = {
    Figure.CERTIFIED: q.CERTIFIED,
    Figure.EXPIRED: q.EXPIRED,
    Figure.SUSPENDED: q.SUSPENDED,
    Figure.WITHDRAWN: q.WITHDRAWN,
}


def dashboard_figures(
    ws: Workspace,
    on: date | None = None,
    *,
    chapters: Collection[str] | None = None,
    from_history: bool = False,
) -> DashboardFigures:
    """Every figure per chapter, per country and in total, at ``on`` (None: today).

    ``chapters`` narrows the dashboard to some of the chapters the user may see
    (NotFoundError for a code that is not one of them).  Today's figures are read from
    the standing columns unless ``from_history`` (which gives the same numbers).
    """
    today = ws.today()
    day = today if on is None else on
    chapters_shown = _shown_chapters(ws, chapters)
    codes = [chapter.code for chapter in chapters_shown]
    values: dict[str, dict[Figure, int]] = {code: dict.fromkeys(Figure, 0) for code in codes}
    months = q.expiry_months(day)
    expiries: dict[str, list[int]] = {code: [0] * len(months) for code in codes}
    narrow = None if chapters is None else codes
    fast = day == today and not from_history
    with ws.db.reading() as session:
        members = q.materialized(_members(ws, day, narrow, fast=fast), "members")
        for code, count in session.execute(q.member_figures(members)):
            if code in values:
                values[code][Figure.MEMBERS] = count
        standings = q.materialized(_standings(ws, day, narrow, fast=fast), "standings")
        for row in session.execute(q.standing_figures(standings, day)).mappings():
            if row["chapter_code"] not in values:
                continue
            line = values[row["chapter_code"]]
            for figure, standing in _STANDING_FIGURES.items():
                line[figure] = row[standing]
            for days in q.EXPIRING_DAYS:
                line[Figure(f"expiring_{days}")] = row[f"expiring_{days}"]
            expiries[row["chapter_code"]] = [row[f"month_{i}"] for i in range(len(months))]
        actions = _scoped(ws, q.open_actions(day), narrow).subquery("actions")
        for code, opened, overdue in session.execute(q.action_figures(actions, day)):
            if code in values:
                values[code][Figure.OPEN_ACTIONS] = opened
                values[code][Figure.OVERDUE_ACTIONS] = overdue
        audits = _scoped(ws, q.audits_in_month(day), narrow).subquery("audits")
        for code, planned in session.execute(q.audit_figures(audits)):
            if code in values:
                values[code][Figure.AUDITS_THIS_MONTH] = planned
    chapter_lines = [
        FigureLine(chapter.country_code, chapter.code, values[chapter.code])
        for chapter in sorted(chapters_shown, key=lambda c: (c.country_code, c.code))
    ]
    countries = sorted({chapter.country_code for chapter in chapters_shown})
    country_lines = [
        _sum_line(country, None, [ln for ln in chapter_lines if ln.country == country])
        for country in countries
    ]
    by_country: dict[str, list[int]] = {country: [0] * len(months) for country in countries}
    for chapter in chapters_shown:
        for i, count in enumerate(expiries[chapter.code]):
            by_country[chapter.country_code][i] += count
    return DashboardFigures(
        on=day,
        today=today,
        countries=country_lines,
        chapters=chapter_lines,
        total=_sum_line("", None, country_lines),
        expiries=[
            ExpiryMonth(
                month=month,
                count=sum(by_country[country][i] for country in countries),
                by_country={country: by_country[country][i] for country in countries},
            )
            for i, month in enumerate(months)
        ],
    )


def counted_records(
    ws: Workspace,
    figure: Figure,
    on: date,
    *,
    country: str | None = None,
    chapter: str | None = None,
) -> CountedRecords:
    """Exactly the records ``figure`` counts at ``on``, for one chapter, one country or
    everything: ``len(ids)`` equals the number on the dashboard.

    Members figures give company ids, the corrective action figures action ids, the
    audits figure audit ids (see :data:`FIGURE_RECORDS`).
    """
    codes = _chapter_codes(ws, country, chapter)
    with ws.db.reading() as session:
        if figure is Figure.MEMBERS:
            members = _members(ws, on, codes).subquery("members")
            stmt = select(members.c.company_id)
        elif figure in COMPANY_FIGURES:
            standings = _standings(ws, on, codes).subquery("standings")
            stmt = select(standings.c.company_id)
            if figure in _STANDING_FIGURES:
                stmt = stmt.where(standings.c.standing == _STANDING_FIGURES[figure])
            else:
                assert figure.days is not None
                stmt = stmt.where(q.expiring_within(standings, on, figure.days))
        elif figure in (Figure.OPEN_ACTIONS, Figure.OVERDUE_ACTIONS):
            actions = _scoped(ws, q.open_actions(on), codes).subquery("actions")
            stmt = select(actions.c.action_id)
            if figure is Figure.OVERDUE_ACTIONS:
                stmt = stmt.where(actions.c.due_on < on)
        else:
            audits = _scoped(ws, q.audits_in_month(on), codes).subquery("audits")
            stmt = select(audits.c.audit_id)
        return CountedRecords(FIGURE_RECORDS[figure], _ids(session, stmt))


def expiring_certificates(
    ws: Workspace, month: date, on: date, *, country: str | None = None
) -> CountedRecords:
    """The certificates behind one bar of the expiries chart: in force at ``on`` and
    expiring in ``month``'s calendar month (any day of it), for one country or all."""
    check_date("month", _("Month"), month)
    codes = _chapter_codes(ws, country, None)
    with ws.db.reading() as session:
        standings = _standings(ws, on, codes).subquery("standings")
        stmt = (
            select(Certificate.id)
            .join(standings, standings.c.code == Certificate.code)
            .where(q.expiring_in_month(standings, month))
        )
        return CountedRecords(RecordKind.CERTIFICATES, _ids(session, stmt))


# --- helpers ---------------------------------------------------------------------------


def _members(
    ws: Workspace, on: date, codes: Collection[str] | None = None, *, fast: bool | None = None
) -> Select[Any]:
    """The members at ``on``: from the standing columns today, else from the history."""
    fast = on == ws.today() if fast is None else fast
    stmt = q.members_today(on) if fast else q.members_at(on)
    return _scoped(ws, stmt, codes)


def _standings(
    ws: Workspace, on: date, codes: Collection[str] | None = None, *, fast: bool | None = None
) -> Select[Any]:
    """Each certified member's standing at ``on``: standing columns today, else history."""
    fast = on == ws.today() if fast is None else fast
    stmt = q.standings_today(on) if fast else q.standings_at(on)
    return _scoped(ws, stmt, codes)


def _scoped(ws: Workspace, stmt: Select[Any], codes: Collection[str] | None = None) -> Select[Any]:
    """``stmt`` narrowed to the user's chapters, and to ``codes`` when given."""
    stmt = scoped(stmt, Company.chapter_code, ws)
    return stmt if codes is None else stmt.where(Company.chapter_code.in_(sorted(codes)))


def _ids(session: Session, stmt: Select[Any]) -> list[int]:
    return sorted(session.scalars(stmt))


def _shown_chapters(ws: Workspace, codes: Collection[str] | None) -> list[Chapter]:
    visible = visible_chapters(ws)
    if codes is None:
        return visible
    known = {chapter.code for chapter in visible}
    for code in codes:
        if code not in known:
            raise NotFoundError(_("There is no chapter {code}."), code=code)
    return [chapter for chapter in visible if chapter.code in codes]


def _chapter_codes(ws: Workspace, country: str | None, chapter: str | None) -> list[str]:
    """The visible chapters a click-through covers: one chapter, a country's, or all."""
    chapters = visible_chapters(ws)
    if chapter is not None:
        if chapter not in {c.code for c in chapters}:
            raise NotFoundError(_("There is no chapter {code}."), code=chapter)
        return [chapter]
    return [c.code for c in chapters if country is None or c.country_code == country]


def _sum_line(country: str, chapter: str | None, lines: list[FigureLine]) -> FigureLine:
    totals: dict[Figure, int] = defaultdict(int)
    for line in lines:
        for figure in Figure:
            totals[figure] += line[figure]
    return FigureLine(country, chapter, {figure: totals[figure] for figure in Figure})
