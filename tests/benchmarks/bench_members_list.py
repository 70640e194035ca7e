"""The members list services on a 100,000-company register, against the bare SQL.

Run on demand (pytest ignores tests/benchmarks)::

    .venv/bin/python tests/benchmarks/bench_members_list.py [--companies 100000]
        [--url postgresql+psycopg://…]   (a database to fill once, instead of SQLite)

The SQLite demo database is built once and kept under /tmp (its name holds the
company count, the seed, the day and the schema revision), so later runs start at
once.  For each action of the Members area (first page, a search, a sort by every
column, a status filter, the counts) it prints the median time of the service call
and, as a ratio, of the bare SQL query that fetches the same rows, run in the same
process just before.  Targets (issue 3): a search keystroke to rows ≤ 50 ms median,
sorting by any column ≤ 100 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import func, select

from basc_desktop.chapters import default_chapters_dir, load_chapters
from basc_desktop.domain.vocabulary import MemberStatus
from basc_desktop.services.demo import create_demo_database
from basc_desktop.services.member_forms import SORTABLE_COLUMNS, MemberQuery
from basc_desktop.services.member_search import filtered, rows_statement
from basc_desktop.services.members import count_members, find_members
from basc_desktop.services.opening import open_workspace
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import load_settings
from basc_desktop.store.engine import sqlite_url
from basc_desktop.store.members import Company
from basc_desktop.store.schema import head_revision

TODAY = date(2026, 6, 15)
REPEATS = 7
CACHE = Path("/tmp/basc-bench")
SEARCH_TARGET_MS = 50.0
SORT_TARGET_MS = 100.0

FIRST_PAGE = MemberQuery(limit=200)


def queries() -> dict[str, MemberQuery]:
    found = {
        "first page by name": FIRST_PAGE,
        "search 'logistica'": replace(FIRST_PAGE, search="logistica"),
        "search 'bogota'": replace(FIRST_PAGE, search="bogota"),
        "search tax ID '9001'": replace(FIRST_PAGE, search="9001"),
        "search 'zzzz' (no match)": replace(FIRST_PAGE, search="zzzz"),
        "status expiring": replace(FIRST_PAGE, statuses=(MemberStatus.EXPIRING,)),
        "expires within 30 days": replace(FIRST_PAGE, expires_within_days=30),
        "country CO, certified": replace(
            FIRST_PAGE, countries=("CO",), statuses=(MemberStatus.CERTIFIED,)
        ),
    }
    for column in SORTABLE_COLUMNS:
        found[f"sort by {column}"] = replace(FIRST_PAGE, order_by=column)
        found[f"sort by {column} desc"] = replace(FIRST_PAGE, order_by=column, descending=True)
    return found


def median_ms(action: Callable[[], object]) -> float:
    action()  # warm the cache, as a coordinator's second keystroke finds it
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def bare_rows(ws: Workspace, query: MemberQuery) -> Callable[[], object]:
    """The same SQL the service runs, executed and fetched as plain tuples: no session,
    no row objects, no tax-ID formatting (the statement is built once, outside the timing)."""
    stmt = rows_statement(ws, query)

    def run() -> object:
        with ws.db.engine.connect() as conn:
            return conn.execute(stmt).fetchall()

    return run


def bare_count(ws: Workspace, query: MemberQuery) -> Callable[[], object]:
    stmt = filtered(ws, query, select(func.count()).select_from(Company))

    def run() -> object:
        with ws.db.engine.connect() as conn:
            return conn.execute(stmt).scalar()

    return run


def open_demo(companies: int, url: str | None) -> Workspace:
    chapters = load_chapters(default_chapters_dir())
    CACHE.mkdir(exist_ok=True)
    settings = load_settings(CACHE / "data")
    if url is None:
        path = CACHE / f"members-{companies}-seed1-{TODAY}-rev{head_revision()}.sqlite"
        url = sqlite_url(path)
        if not path.exists():
            print(f"building {companies:,} demo companies in {path}…", flush=True)
            create_demo_database(
                settings, chapters, companies=companies, seed=1, today=TODAY, url=url
            )
    else:
        ws = open_workspace(settings, chapters, url=url)
        filled = count_members(ws, MemberQuery(archived=None))
        ws.db.close()
        if not filled:  # an empty server database: fill it once, later runs reuse it
            print(f"building {companies:,} demo companies…", flush=True)
            create_demo_database(
                settings, chapters, companies=companies, seed=1, today=TODAY, url=url
            )
    ws = open_workspace(settings, chapters, url=url)
    ws.clock = lambda: TODAY
    return ws


def verdict(name: str, ms: float) -> str:
    if name.startswith("search") and ms > SEARCH_TARGET_MS:
        return f"  over {SEARCH_TARGET_MS:.0f} ms"
    if name.startswith("sort") and ms > SORT_TARGET_MS:
        return f"  over {SORT_TARGET_MS:.0f} ms"
    return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--companies", type=int, default=100_000)
    parser.add_argument(
        "--url", help="a database to use instead of the cached SQLite (filled if empty)"
    )
    args = parser.parse_args()
    ws = open_demo(args.companies, args.url)
    results: list[tuple[str, float, float]] = []
    try:
        total = count_members(ws, MemberQuery(archived=None))
        print(f"{ws.db.dialect}, {total:,} companies\n")
        for name, query in queries().items():
            bare = median_ms(bare_rows(ws, query))
            service = median_ms(lambda q=query: find_members(ws, q))  # type: ignore[misc]
            results.append((name, service, bare))
        for name, query in {
            "count of members": MemberQuery(),
            "count, search 'logistica'": MemberQuery(search="logistica"),
            "count, status expiring": MemberQuery(statuses=(MemberStatus.EXPIRING,)),
        }.items():
            bare = median_ms(bare_count(ws, query))
            service = median_ms(lambda q=query: count_members(ws, q))  # type: ignore[misc]
            results.append((name, service, bare))
    finally:
        ws.db.close()
    print(f"{'action (first page of 200)':34} {'service':>9} {'bare SQL':>9}   ratio")
    for name, service, bare in results:
        print(
            f"{name:34} {service:7.1f}ms {bare:7.1f}ms {service / bare:6.2f}×"
            f"{verdict(name, service)}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
