"""The certificate register services on a large demo register, against the bare SQL.

Run on demand (pytest ignores tests/benchmarks)::

    .venv/bin/python tests/benchmarks/bench_certificates_list.py [--companies 20000]

The SQLite demo database is built once and kept under /tmp (its name holds the
company count, the day and the schema revision).  For each action of the
Certificates area (first page, searches, filters, every sort, counts) it prints the
median time of the service call and, as a ratio, of the bare SQL that fetches the
same rows, run in the same process just before.
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

from basc_desktop.chapters import default_chapters_dir, load_chapters
from basc_desktop.domain.vocabulary import CertificateState
from basc_desktop.services.certificate_forms import CERTIFICATE_SORTABLE_COLUMNS, CertificateQuery
from basc_desktop.services.certificate_list import count_statement, rows_statement
from basc_desktop.services.certificates import (
    count_certificates,
    find_certificates,
    iter_certificates,
)
from basc_desktop.services.demo import create_demo_database
from basc_desktop.services.opening import open_workspace
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import load_settings
from basc_desktop.store.engine import sqlite_url
from basc_desktop.store.schema import head_revision

TODAY = date(2026, 6, 15)
REPEATS = 7
CACHE = Path("/tmp/basc-bench-certificates")
FIRST_PAGE = CertificateQuery(limit=200)


def queries() -> dict[str, CertificateQuery]:
    found = {
        "first page (newest first)": FIRST_PAGE,
        "search 'logistica'": replace(FIRST_PAGE, search="logistica"),
        "search code 'colbog0001'": replace(FIRST_PAGE, search="colbog0001"),
        "search 'zzzz' (no match)": replace(FIRST_PAGE, search="zzzz"),
        "state suspended": replace(FIRST_PAGE, states=(CertificateState.SUSPENDED,)),
        "expiring within 30 days": replace(FIRST_PAGE, expires_within_days=30),
        "chapter co-bog": replace(FIRST_PAGE, chapter_codes=("co-bog",)),
        "issued in June 2026": replace(
            FIRST_PAGE, issued_from=date(2026, 6, 1), issued_until=date(2026, 6, 30)
        ),
    }
    for column in CERTIFICATE_SORTABLE_COLUMNS:
        found[f"sort by {column}"] = replace(FIRST_PAGE, order_by=column, descending=False)
    return found


def median_ms(action: Callable[[], object]) -> float:
    action()
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def bare(ws: Workspace, stmt: object, scalar: bool = False) -> Callable[[], object]:
    def run() -> object:
        with ws.db.engine.connect() as conn:
            result = conn.execute(stmt)  # type: ignore[call-overload,unused-ignore]
            return result.scalar() if scalar else result.fetchall()

    return run


def open_demo(companies: int) -> Workspace:
    chapters = load_chapters(default_chapters_dir())
    CACHE.mkdir(exist_ok=True)
    settings = load_settings(CACHE / "data")
    path = CACHE / f"certificates-{companies}-seed1-{TODAY}-rev{head_revision()}.sqlite"
    url = sqlite_url(path)
    if not path.exists():
        print(f"building {companies:,} demo companies in {path}…", flush=True)
        create_demo_database(settings, chapters, companies=companies, seed=1, today=TODAY, url=url)
    ws = open_workspace(settings, chapters, url=url)
    ws.clock = lambda: TODAY
    return ws


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--companies", type=int, default=20_000)
    args = parser.parse_args()
    ws = open_demo(args.companies)
    results: list[tuple[str, float, float]] = []
    try:
        total = count_certificates(ws, CertificateQuery())
        print(f"{ws.db.dialect}, {args.companies:,} companies, {total:,} certificates\n")
        for name, query in queries().items():
            base = median_ms(bare(ws, rows_statement(ws, query)))
            service = median_ms(lambda q=query: find_certificates(ws, q))  # type: ignore[misc]
            results.append((name, service, base))
        for name, query in {
            "count, all": CertificateQuery(),
            "count, search 'logistica'": CertificateQuery(search="logistica"),
            "count, expiring within 60 days": CertificateQuery(expires_within_days=60),
        }.items():
            base = median_ms(bare(ws, count_statement(ws, query), scalar=True))
            service = median_ms(lambda q=query: count_certificates(ws, q))  # type: ignore[misc]
            results.append((name, service, base))
        everything = CertificateQuery(limit=None)
        base = median_ms(bare(ws, rows_statement(ws, everything)))
        service = median_ms(lambda: [r for b in iter_certificates(ws, everything) for r in b])
        results.append(("every certificate, in batches", service, base))
    finally:
        ws.db.close()
    print(f"{'action (first page of 200)':34} {'service':>9} {'bare SQL':>9}   ratio")
    for name, service, base in results:
        print(f"{name:34} {service:7.1f}ms {base:7.1f}ms {service / base:6.2f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
