"""The dashboard's figures on 100,000 companies and 300,000 certificates, against bare SQL.

Run on demand (pytest ignores tests/benchmarks)::

    .venv/bin/python tests/benchmarks/bench_dashboard.py [--companies 100000]

The register is made once with bulk inserts (companies with their applications,
certificate chains with renewals, suspensions, reinstatements and withdrawals, audits,
findings and corrective actions) and kept under /tmp/basc-bench.  It prints the median
time of :func:`dashboard_figures` today (standing columns) and at two past dates (from
the history), of a click-through (:func:`counted_records`) and, as the baseline measured
in the same run, of a bare ``SELECT count(*)`` over companies and over certificates.
Targets (issue 7): today ≤ 300 ms, a past date ≤ 500 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import Connection, Table, select, text

from basc_desktop.chapters import default_chapters_dir, load_chapters
from basc_desktop.domain.vocabulary import (
    ActionState,
    ApplicationDecision,
    AuditKind,
    AuditState,
    BusinessType,
    CertificateEventKind,
    CertificateState,
    Verdict,
)
from basc_desktop.services.dashboard import counted_records, dashboard_figures
from basc_desktop.services.dashboard_forms import Figure
from basc_desktop.services.opening import open_workspace
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import load_settings
from basc_desktop.store import models
from basc_desktop.store.engine import sqlite_url
from basc_desktop.store.schema import head_revision
from basc_desktop.store.standing import refresh_all_standing

TODAY = date(2026, 6, 15)
REPEATS = 7
CACHE = Path("/tmp/basc-bench")
TODAY_TARGET_MS = 300.0
PAST_TARGET_MS = 500.0
CERTIFICATES_PER_COMPANY = (0, 1, 2, 3, 3, 4, 4, 5, 5, 3)
"""Drawn for each company: 3 on average, so 100,000 companies hold about 300,000."""


def median_ms(action: Callable[[], object]) -> tuple[float, float]:
    """The median wall-clock and CPU (this process) milliseconds of ``action``.

    SQLite runs inside the process, so the CPU time is the work done even when other
    programs share the machine; the wall-clock time is what a coordinator waits."""
    action()
    walls, cpus = [], []
    for _ in range(REPEATS):
        started, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000


# --- the register ----------------------------------------------------------------------


class Rows:
    """Rows of every table, written in batches through Core ``executemany``."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.pending: dict[str, list[dict[str, Any]]] = {}
        self.next_id: dict[str, int] = {}

    def new_id(self, table: str) -> int:
        self.next_id[table] = self.next_id.get(table, 0) + 1
        return self.next_id[table]

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.pending.setdefault(table, []).append(row)

    def flush(self) -> None:
        for name in ("companies", "applications", "audits", "findings", "corrective_actions",
                     "certificates", "certificate_events"):  # fmt: skip
            rows = self.pending.pop(name, [])
            if rows:
                table = models.Base.metadata.tables[name]
                assert isinstance(table, Table)
                self.conn.execute(table.insert(), rows)


def _noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def build_register(ws: Workspace, companies: int, seed: int = 1) -> None:
    """Fill the empty database of ``ws`` with ``companies`` companies and their history."""
    rng = random.Random(seed)
    chapters = list(ws.chapters)
    with ws.db.engine.begin() as conn:
        version, requirement = conn.execute(
            select(models.Requirement.standard_version, models.Requirement.id).limit(1)
        ).one()
        rows = Rows(conn)
        for index in range(companies):
            _company(rows, rng, chapters[index % len(chapters)], version, requirement)
            if index % 5_000 == 4_999:
                rows.flush()
        rows.flush()
        refresh_all_standing(conn)


def _company(rows: Rows, rng: random.Random, chapter: Any, version: str, requirement: int) -> None:
    cid = rows.new_id("companies")
    count = rng.choice(CERTIFICATES_PER_COMPANY)
    first_issue = TODAY - timedelta(days=count * 360 + rng.randint(0, 300))
    admitted = first_issue - timedelta(days=rng.randint(90, 240))
    applied = admitted - timedelta(days=rng.randint(20, 60))
    archived = TODAY - timedelta(days=rng.randint(1, 400)) if rng.random() < 0.03 else None
    rows.add("companies", {
        "id": cid, "chapter_code": chapter.code, "member_number": cid,
        "legal_name": f"Empresa {cid}", "tax_id": f"{cid:09d}", "country": chapter.country_code,
        "business_type": rng.choice(list(BusinessType)), "membership_start": admitted,
        "archived_on": archived, "sort_name": f"empresa {cid}", "created_at": _noon(applied),
    })  # fmt: skip
    rows.add("applications", {
        "id": rows.new_id("applications"), "company_id": cid, "opened_on": applied,
        "decision": ApplicationDecision.ADMITTED, "decided_on": admitted,
    })  # fmt: skip
    issued = first_issue
    for number in range(1, count + 1):
        last = number == count
        audit_id = _audit(rows, rng, cid, version, requirement, issued)
        cert_id = rows.new_id("certificates")
        expires = issued + timedelta(days=365)
        events = [(issued, CertificateEventKind.ISSUED)]
        state = CertificateState.VALID
        if rng.random() < 0.06:
            suspended = issued + timedelta(days=rng.randint(30, 200))
            events.append((suspended, CertificateEventKind.SUSPENDED))
            state = CertificateState.SUSPENDED
            if rng.random() < 0.6:
                events.append((suspended + timedelta(days=30), CertificateEventKind.REINSTATED))
                state = CertificateState.VALID
        renewal = issued + timedelta(days=rng.randint(340, 364))
        if last and rng.random() < 0.03:
            events.append((issued + timedelta(days=250), CertificateEventKind.WITHDRAWN))
            state = CertificateState.WITHDRAWN
        elif not last:
            events.append((renewal, CertificateEventKind.SUPERSEDED))
            state = CertificateState.SUPERSEDED
        events = [(on, kind) for on, kind in events if on <= TODAY]
        rows.add("certificates", {
            "id": cert_id, "code": f"{chapter.code}-{cid}-{number}", "company_id": cid,
            "audit_id": audit_id, "standard_version": version, "scope": BusinessType.WAREHOUSE,
            "issue_number": number, "issued_on": issued, "expires_on": expires, "state": state,
            "created_at": _noon(issued),
        })  # fmt: skip
        for on, kind in events:
            rows.add("certificate_events", {
                "id": rows.new_id("certificate_events"), "certificate_id": cert_id,
                "occurred_on": on, "kind": kind, "recorded_at": _noon(on),
            })  # fmt: skip
        issued = renewal
    if rng.random() < 0.2:
        planned = TODAY + timedelta(days=rng.randint(-20, 120))
        rows.add("audits", {
            "id": rows.new_id("audits"), "company_id": cid, "standard_version": version,
            "kind": AuditKind.RECERTIFICATION, "state": AuditState.PLANNED, "planned_on": planned,
            "started_on": None, "finished_on": None,
        })  # fmt: skip


def _audit(
    rows: Rows, rng: random.Random, cid: int, version: str, requirement: int, issued: date
) -> int:
    audit_id = rows.new_id("audits")
    finished = issued - timedelta(days=rng.randint(10, 40))
    rows.add("audits", {
        "id": audit_id, "company_id": cid, "standard_version": version,
        "kind": AuditKind.CERTIFICATION, "state": AuditState.CLOSED,
        "planned_on": finished - timedelta(days=2), "started_on": finished - timedelta(days=2),
        "finished_on": finished,
    })  # fmt: skip
    if rng.random() < 0.25:
        finding_id = rows.new_id("findings")
        rows.add("findings", {
            "id": finding_id, "audit_id": audit_id, "requirement_id": requirement,
            "verdict": Verdict.MINOR, "evidence": "",
        })  # fmt: skip
        closed = finished + timedelta(days=rng.randint(5, 400))
        rows.add("corrective_actions", {
            "id": rows.new_id("corrective_actions"), "finding_id": finding_id,
            "description": "Acción", "due_on": finished + timedelta(days=90),
            "state": ActionState.CLOSED if closed <= TODAY else ActionState.OPEN,
            "closed_on": closed if closed <= TODAY else None,
        })  # fmt: skip
    return audit_id


def open_register(companies: int) -> Workspace:
    chapters = load_chapters(default_chapters_dir())
    CACHE.mkdir(exist_ok=True)
    settings = load_settings(CACHE / "data")
    path = CACHE / f"dashboard-v2-{companies}-{TODAY}-rev{head_revision()}.sqlite"
    fresh = not path.exists()
    building = path.with_suffix(".part")
    if fresh:
        for stale in building.parent.glob(building.name + "*"):
            stale.unlink()
        ws = open_workspace(settings, chapters, url=sqlite_url(building))
        print(f"building {companies:,} companies in {path}…", flush=True)
        started = time.perf_counter()
        build_register(ws, companies)
        with ws.db.engine.begin() as conn:
            conn.execute(text("ANALYZE"))
        ws.db.close()
        building.rename(path)
        print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    ws = open_workspace(settings, chapters, url=sqlite_url(path))
    ws.clock = lambda: TODAY
    return ws


# --- the measures ------------------------------------------------------------------------


def bare_count(ws: Workspace, table: str) -> Callable[[], object]:
    def run() -> object:
        with ws.db.engine.connect() as conn:
            return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()

    return run


def measures(ws: Workspace) -> Iterator[tuple[str, Callable[[], object], float | None]]:
    yield "dashboard today (standing columns)", lambda: dashboard_figures(ws), TODAY_TARGET_MS
    for past in (date(2025, 12, 31), date(2024, 12, 15)):
        yield (
            f"dashboard at {past:%d/%m/%Y} (history)",
            lambda on=past: dashboard_figures(ws, on),  # type: ignore[misc]
            PAST_TARGET_MS,
        )
    yield (
        "click-through: certified today, all countries",
        lambda: counted_records(ws, Figure.CERTIFIED, TODAY),
        None,
    )
    yield (
        "click-through: expiring 90 at 31/12/2025, CO",
        lambda: counted_records(ws, Figure.EXPIRING_90, date(2025, 12, 31), country="CO"),
        None,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--companies", type=int, default=100_000)
    args = parser.parse_args()
    ws = open_register(args.companies)
    try:
        companies = bare_count(ws, "companies")()
        certificates = bare_count(ws, "certificates")()
        print(f"{ws.db.dialect}: {companies:,} companies, {certificates:,} certificates\n")
        wall_companies, cpu_companies = median_ms(bare_count(ws, "companies"))
        wall_certificates, cpu_certificates = median_ms(bare_count(ws, "certificates"))
        baseline = wall_certificates + wall_companies
        cpu_baseline = cpu_certificates + cpu_companies
        print(f"{'':48} {'wall':>8}    {'CPU':>8}")
        print(
            f"{'baseline: count(*) companies + certificates':48} {baseline:8.1f} ms "
            f"{cpu_baseline:8.1f} ms"
        )
        for name, action, target in measures(ws):
            wall, cpu = median_ms(action)
            verdict = ""
            if target is not None:
                verdict = f"  target {target:.0f} ms: " + ("ok" if wall <= target else "OVER")
            print(
                f"{name:48} {wall:8.1f} ms {cpu:8.1f} ms {wall / baseline:6.1f}× baseline{verdict}"
            )
    finally:
        ws.db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
