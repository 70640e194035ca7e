"""The applications list and the deadlines on a 100,000-company register, against bare SQL.

Run on demand (pytest ignores tests/benchmarks)::

    .venv/bin/python tests/benchmarks/bench_admissions_list.py [--companies 100000]

It keeps its SQLite demo under /tmp/basc-bench: a copy of the members benchmark's
cached demo upgraded to this schema when there is one (the upgrade fills the committee
lines), else a new demo.  For each action of the Admissions area (first page, a state filter,
a search, a sort by every column, the counts, the deadlines) it prints the median time
of the service call and, as a ratio, of the bare SQL query the service runs, executed
in the same process just before.  The application's state is derived in SQL (a CASE
over the decision, the agenda and a count of missing documents), so filtering and
sorting by it stay in the database.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import func, select

from basc_desktop.domain.admissions import OPEN_STATES, ApplicationState
from basc_desktop.services.admission_deadlines import deadlines_statement
from basc_desktop.services.admission_forms import APPLICATION_SORTABLE_COLUMNS, ApplicationQuery
from basc_desktop.services.admission_list import _filtered, _order
from basc_desktop.services.admissions import count_applications, deadlines, find_applications
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.admissions import Application
from basc_desktop.store.engine import make_engine, sqlite_url
from basc_desktop.store.schema import head_revision, upgrade
from tests.benchmarks.bench_members_list import CACHE, TODAY, open_demo

REPEATS = 7
FIRST_PAGE = ApplicationQuery(limit=200)


def queries() -> dict[str, ApplicationQuery]:
    found = {
        "first page by opened date": FIRST_PAGE,
        "open applications": replace(FIRST_PAGE, states=OPEN_STATES),
        "ready for committee": replace(FIRST_PAGE, states=(ApplicationState.READY,)),
        "search 'seguridad'": replace(FIRST_PAGE, text="seguridad"),
        "chapter sv": replace(FIRST_PAGE, chapter_codes=("sv",)),
        "deadline within 60 days": replace(FIRST_PAGE, deadline_within_days=60),
    }
    for column in APPLICATION_SORTABLE_COLUMNS:
        found[f"sort by {column} desc"] = replace(FIRST_PAGE, order_by=column, descending=True)
    return found


def median_ms(action: Callable[[], object]) -> float:
    action()
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def bare_rows(ws: Workspace, query: ApplicationQuery) -> Callable[[], object]:
    stmt = _filtered(query, TODAY).order_by(*_order(query)).offset(query.offset)
    if query.limit is not None:
        stmt = stmt.limit(query.limit)
    plain = stmt.with_only_columns(*[c for c in stmt.selected_columns if c.name != "Application"])

    def run() -> object:
        with ws.db.engine.connect() as conn:
            return conn.execute(plain).fetchall()

    return run


def bare_count(ws: Workspace, query: ApplicationQuery) -> Callable[[], object]:
    subquery = _filtered(query, TODAY).with_only_columns(Application.id).subquery()
    stmt = select(func.count()).select_from(subquery)

    def run() -> object:
        with ws.db.engine.connect() as conn:
            return conn.execute(stmt).scalar()

    return run


def cached_demo(companies: int) -> str | None:
    """The URL of an upgraded copy of an older cached demo, or None to build one."""
    path = CACHE / f"admissions-{companies}-seed1-{TODAY}-rev{head_revision()}.sqlite"
    if not path.exists():
        older = sorted(CACHE.glob(f"members-{companies}-seed1-{TODAY}-rev*.sqlite"))
        if not older:
            return None
        print(f"upgrading a copy of {older[-1].name}…", flush=True)
        shutil.copyfile(older[-1], path)
        engine = make_engine(sqlite_url(path))
        upgrade(engine)
        engine.dispose()
    return sqlite_url(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--companies", type=int, default=100_000)
    parser.add_argument("--url", help="a database to use instead of the cached SQLite")
    args = parser.parse_args()
    ws = open_demo(args.companies, args.url or cached_demo(args.companies))
    results: list[tuple[str, float, float]] = []
    try:
        print(f"{ws.db.dialect}, {count_applications(ws):,} applications\n")
        for name, query in queries().items():
            bare = median_ms(bare_rows(ws, query))
            service = median_ms(lambda q=query: find_applications(ws, q))  # type: ignore[misc]
            results.append((name, service, bare))
        for name, query in {
            "count of applications": ApplicationQuery(),
            "count, open": ApplicationQuery(states=OPEN_STATES),
        }.items():
            bare = median_ms(bare_count(ws, query))
            service = median_ms(lambda q=query: count_applications(ws, q))  # type: ignore[misc]
            results.append((name, service, bare))
        late = deadlines_statement(TODAY, 60)

        def bare_late() -> object:
            with ws.db.engine.connect() as conn:
                return conn.execute(late).fetchall()

        bare = median_ms(bare_late)
        results.append(("deadlines within 60 days", median_ms(lambda: deadlines(ws)), bare))
    finally:
        ws.db.close()
    print(f"{'action (first page of 200)':34} {'service':>9} {'bare SQL':>9}   ratio")
    for name, service, bare in results:
        print(f"{name:34} {service:7.1f}ms {bare:7.1f}ms {service / bare:6.2f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
