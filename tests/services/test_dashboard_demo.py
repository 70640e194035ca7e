"""The dashboard's figures on the demo database equal what plain SQL written here counts.

The demo (250 companies, seeded, dated TODAY) is built once per database for the
module.  For today and two past dates, every figure of every chapter, country and the
total is compared with counts made by the SQL below (window functions over the raw
history, independent of the service's queries), and the statuses with the domain's
``status_at``.  The click-through ids are checked against the same SQL.
"""

from __future__ import annotations

import shutil
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Date, DateTime, bindparam, text
from sqlalchemy.orm import Session

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.domain.vocabulary import MemberStatus
from basc_desktop.services.dashboard import (
    counted_records,
    dashboard_figures,
    expiring_certificates,
)
from basc_desktop.services.dashboard_forms import (
    COMPANY_FIGURES,
    FIGURE_RECORDS,
    DashboardFigures,
    Figure,
)
from basc_desktop.services.demo import build_demo
from basc_desktop.services.status import status_facts
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import load_settings
from basc_desktop.store.engine import sqlite_url
from tests.conftest import TODAY, _clean_postgres, _workspace

DEMO_COMPANIES = 250
DATES = (TODAY, date(2025, 12, 31), date(2024, 12, 15))
"""Today, the last day of last year, and a date 18 months ago."""

MEMBERS_SQL = """
SELECT co.id, co.chapter_code FROM companies co
WHERE (co.archived_on IS NULL OR co.archived_on > :d)
  AND (co.membership_start <= :d
       OR EXISTS (SELECT 1 FROM applications a WHERE a.company_id = co.id AND a.opened_on <= :d)
       OR EXISTS (SELECT 1 FROM certificates c WHERE c.company_id = co.id AND c.issued_on <= :d)
       OR (co.membership_start IS NULL
           AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.company_id = co.id)
           AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.company_id = co.id)
           AND co.created_at < :midnight))
"""

STANDING_SQL = """
WITH ranked AS (
    SELECT c.id, c.company_id, c.expires_on,
           ROW_NUMBER() OVER (PARTITION BY c.company_id
                              ORDER BY c.issued_on DESC, c.expires_on DESC, c.code DESC) AS rn
    FROM certificates c WHERE c.issued_on <= :d
), moves AS (
    SELECT e.certificate_id, e.kind,
           ROW_NUMBER() OVER (PARTITION BY e.certificate_id
                              ORDER BY e.occurred_on DESC, e.id DESC) AS rn
    FROM certificate_events e
    WHERE e.kind IN ('suspended', 'reinstated') AND e.occurred_on <= :d
)
SELECT co.id AS company_id, co.chapter_code, r.id AS certificate_id, r.expires_on,
       CASE
         WHEN EXISTS (SELECT 1 FROM certificate_events w WHERE w.certificate_id = r.id
                      AND w.kind = 'withdrawn' AND w.occurred_on <= :d) THEN 'withdrawn'
         WHEN r.expires_on <= :d THEN 'expired'
         WHEN EXISTS (SELECT 1 FROM moves m WHERE m.certificate_id = r.id AND m.rn = 1
                      AND m.kind = 'suspended') THEN 'suspended'
         ELSE 'certified'
       END AS standing
FROM ranked r JOIN companies co ON co.id = r.company_id
WHERE r.rn = 1 AND (co.archived_on IS NULL OR co.archived_on > :d)
"""

ACTIONS_SQL = """
SELECT ca.id, ca.due_on, co.chapter_code FROM corrective_actions ca
JOIN findings f ON f.id = ca.finding_id
JOIN audits a ON a.id = f.audit_id
JOIN companies co ON co.id = a.company_id
WHERE a.finished_on <= :d AND (ca.closed_on IS NULL OR ca.closed_on > :d)
"""

AUDITS_SQL = """
SELECT a.id, co.chapter_code FROM audits a JOIN companies co ON co.id = a.company_id
WHERE a.planned_on >= :first AND a.planned_on < :after
"""


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _month_after(first: date) -> date:
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1)


def _rows(session: Session, sql: str, **params: date | datetime) -> list[Any]:
    statement = text(sql).bindparams(
        *(
            bindparam(name, type_=DateTime(timezone=True) if name == "midnight" else Date)
            for name in params
        )
    )
    return list(session.execute(statement, params))


class Expected:
    """What the SQL of this module counts at one date: ids per chapter and figure."""

    def __init__(self, ws: Workspace, on: date) -> None:
        self.on = on
        self.ids: dict[tuple[str, Figure], set[int]] = defaultdict(set)
        self.expiries: Counter[tuple[str, date]] = Counter()
        self.certificates: dict[tuple[str, date], set[int]] = defaultdict(set)
        self.standing: dict[int, str] = {}
        midnight = datetime.combine(on + timedelta(days=1), time(), tzinfo=UTC)
        first = on.replace(day=1)
        months = [first]
        while len(months) < 12:
            months.append(_month_after(months[-1]))
        with ws.db.reading() as session:
            for company_id, chapter in _rows(session, MEMBERS_SQL, d=on, midnight=midnight):
                self.ids[chapter, Figure.MEMBERS].add(company_id)
            standing_sql = STANDING_SQL
            if ws.db.dialect == "postgresql":  # codes compare as Python compares them
                standing_sql = standing_sql.replace("c.code DESC", 'c.code COLLATE "C" DESC')
            for row in _rows(session, standing_sql, d=on):
                self.standing[row.company_id] = row.standing
                expires = _day(row.expires_on)
                self.ids[row.chapter_code, Figure(row.standing)].add(row.company_id)
                if row.standing == "certified":
                    for figure in (Figure.EXPIRING_30, Figure.EXPIRING_60, Figure.EXPIRING_90):
                        assert figure.days is not None
                        if on < expires <= on + timedelta(days=figure.days):
                            self.ids[row.chapter_code, figure].add(row.company_id)
                if row.standing in ("certified", "suspended") and months[0] <= expires:
                    month = expires.replace(day=1)
                    if month in months:
                        self.expiries[row.chapter_code, month] += 1
                        self.certificates[row.chapter_code, month].add(row.certificate_id)
            for action_id, due_on, chapter in _rows(session, ACTIONS_SQL, d=on):
                self.ids[chapter, Figure.OPEN_ACTIONS].add(action_id)
                if _day(due_on) < on:
                    self.ids[chapter, Figure.OVERDUE_ACTIONS].add(action_id)
            after = _month_after(first)
            for audit_id, chapter in _rows(session, AUDITS_SQL, first=first, after=after):
                self.ids[chapter, Figure.AUDITS_THIS_MONTH].add(audit_id)

    def count(self, chapters: list[str], figure: Figure) -> int:
        return sum(len(self.ids[chapter, figure]) for chapter in chapters)


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def demo(
    request: pytest.FixtureRequest,
    chapters: ChapterRegistry,
    sqlite_template: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Workspace]:
    """The demo database, built once for the module (on SQLite, and PostgreSQL in CI)."""
    folder = tmp_path_factory.mktemp("dashboard-demo")
    if request.param == "sqlite":
        path = folder / "demo.sqlite"
        shutil.copyfile(sqlite_template, path)
        url = sqlite_url(path)
    else:
        url = request.getfixturevalue("postgres_url")
        _clean_postgres(url)
    for ws in _workspace(load_settings(folder / "data"), chapters, url):
        build_demo(ws, companies=DEMO_COMPANIES, seed=5)
        yield ws


@pytest.fixture(scope="module")
def expected(demo: Workspace) -> dict[date, Expected]:
    return {on: Expected(demo, on) for on in DATES}


@pytest.fixture(scope="module")
def figures(demo: Workspace) -> dict[date, DashboardFigures]:
    return {on: dashboard_figures(demo, on) for on in DATES}


@pytest.mark.parametrize("on", DATES)
def test_every_figure_of_every_chapter_country_and_total_matches_plain_sql(
    demo: Workspace,
    expected: dict[date, Expected],
    figures: dict[date, DashboardFigures],
    on: date,
) -> None:
    found, sql = figures[on], expected[on]
    assert found.on == on
    assert found.today == TODAY
    codes = [line.chapter for line in found.chapters]
    assert sorted(c for c in codes if c) == sorted(demo.chapters.codes())
    for line in found.chapters:
        assert line.chapter is not None
        assert dict(line.values) == {f: sql.count([line.chapter], f) for f in Figure}, line.chapter
    assert [line.country for line in found.countries] == sorted(demo.chapters.countries())
    for line in found.countries:
        local = [c.code for c in demo.chapters.by_country(line.country)]
        assert dict(line.values) == {f: sql.count(local, f) for f in Figure}, line.country
    everything = demo.chapters.codes()
    assert dict(found.total.values) == {f: sql.count(everything, f) for f in Figure}
    # The demo gives every figure something to count at each date (except some edges).
    assert found.total[Figure.MEMBERS] > found.total[Figure.CERTIFIED] > 0
    assert found.total[Figure.EXPIRING_90] >= found.total[Figure.EXPIRING_30]


@pytest.mark.parametrize("on", DATES)
def test_the_expiries_by_month_and_country_match_plain_sql(
    demo: Workspace,
    expected: dict[date, Expected],
    figures: dict[date, DashboardFigures],
    on: date,
) -> None:
    found, sql = figures[on], expected[on]
    assert next(m.month for m in found.expiries) == on.replace(day=1)
    assert len(found.expiries) == 12
    for month in found.expiries:
        for country, count in month.by_country.items():
            local = [c.code for c in demo.chapters.by_country(country)]
            assert count == sum(sql.expiries[code, month.month] for code in local)
        assert month.count == sum(month.by_country.values())
    assert sum(m.count for m in found.expiries) > 0


@pytest.mark.parametrize("on", DATES)
def test_each_members_status_is_the_domains(
    demo: Workspace, expected: dict[date, Expected], on: date
) -> None:
    """The standing the SQL finds is the domain's ``status_at`` (EXPIRING counts as certified)."""
    sql = expected[on]
    ids = sorted(sql.standing)
    with demo.db.reading() as session:
        facts = status_facts(session, ids, on, {})
    domain = {cid: facts[cid].status for cid in ids}
    same = {MemberStatus.EXPIRING: "certified"}
    assert {cid: same.get(s, s) for cid, s in domain.items() if s is not None} == sql.standing


def test_today_from_the_standing_columns_equals_today_from_the_history(demo: Workspace) -> None:
    fast = dashboard_figures(demo)
    assert fast == dashboard_figures(demo, TODAY, from_history=True)
    assert fast.on == TODAY


@pytest.mark.parametrize("on", DATES)
def test_a_click_opens_exactly_the_counted_records(
    demo: Workspace,
    expected: dict[date, Expected],
    figures: dict[date, DashboardFigures],
    on: date,
) -> None:
    found, sql = figures[on], expected[on]
    for figure in Figure:
        everything = counted_records(demo, figure, on)
        assert everything.kind is FIGURE_RECORDS[figure]
        assert len(everything.ids) == found.total[figure]
        all_ids = set().union(*(sql.ids[code, figure] for code in demo.chapters.codes()))
        assert set(everything.ids) == all_ids, figure
    for figure in (*COMPANY_FIGURES, Figure.OPEN_ACTIONS, Figure.AUDITS_THIS_MONTH):
        line = found.country("CO")
        assert len(counted_records(demo, figure, on, country="CO").ids) == line[figure]
        chosen = counted_records(demo, figure, on, chapter="co-bog")
        assert set(chosen.ids) == sql.ids["co-bog", figure]


def test_a_bar_of_the_expiries_opens_its_certificates(
    demo: Workspace, expected: dict[date, Expected], figures: dict[date, DashboardFigures]
) -> None:
    on = DATES[1]
    for month in figures[on].expiries[:4]:
        found = expiring_certificates(demo, month.month, on)
        assert len(found.ids) == month.count
        wanted = set().union(
            *(expected[on].certificates[code, month.month] for code in demo.chapters.codes())
        )
        assert set(found.ids) == wanted
        mexico = expiring_certificates(demo, month.month, on, country="MX")
        assert len(mexico.ids) == month.by_country["MX"]
