"""The Activity list on an event log of 100,000 events, against bare SQL.

Run on demand (pytest ignores tests/benchmarks)::

    .venv/bin/python tests/benchmarks/bench_activity.py [--events 100000]

Builds (once, under /tmp/basc-bench) a demo register of 2,000 companies and adds
``--events`` update events spread over them and six users.  For each thing the Activity
area does (first page, count, a user filter, a search, a chapter scope) it prints the
median time of the service call and its ratio to the bare SQL of the newest 200 events
(the least any list can cost), measured in the same run.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import func, insert, select

from basc_desktop.chapters import default_chapters_dir, load_chapters
from basc_desktop.services.activity import ActivityQuery, count_activity, find_activity
from basc_desktop.services.demo.database import create_demo_database
from basc_desktop.services.opening import open_workspace
from basc_desktop.settings import load_settings
from basc_desktop.store.engine import sqlite_url
from basc_desktop.store.events import Event
from basc_desktop.store.members import Company
from basc_desktop.store.schema import head_revision

CACHE = Path("/tmp/basc-bench")
USERS = ("ana", "luis", "maria", "jose", "ines", "pedro")
REPEATS = 7


def build(events: int) -> Path:
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"activity-{events}-rev{head_revision()}.sqlite"
    if path.exists():
        return path
    chapters = load_chapters(default_chapters_dir())
    settings = load_settings(CACHE / "activity-data")
    part = path.with_suffix(".part")
    part.unlink(missing_ok=True)
    print(f"building 2,000 companies and {events:,} events in {path}…", flush=True)
    create_demo_database(settings, chapters, companies=2000, seed=1, url=sqlite_url(part))
    ws = open_workspace(settings, chapters, url=sqlite_url(part))
    rng = random.Random(1)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    with ws.db.transaction() as session:
        ids = list(session.scalars(select(Company.id)))
        rows = [
            {
                "occurred_at": start + timedelta(minutes=n),
                "user_name": rng.choice(USERS),
                "record_type": "company",
                "record_id": rng.choice(ids),
                "action": "update",
                "changes": {"phone": [f"+57 601 {n:07d}", f"+57 601 {n + 1:07d}"]},
            }
            for n in range(events)
        ]
        for first in range(0, len(rows), 10_000):
            session.execute(insert(Event), rows[first : first + 10_000])
    ws.db.close()
    shutil.move(part, path)
    return path


def median_ms(action: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEATS):
        began = time.perf_counter()
        action()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    path = build(args.events)
    chapters = load_chapters(default_chapters_dir())
    ws = open_workspace(load_settings(CACHE / "activity-data"), chapters, url=sqlite_url(path))

    def bare() -> object:
        with ws.db.reading() as session:
            statement = select(Event).order_by(Event.occurred_at.desc(), Event.id.desc())
            return list(session.scalars(statement.limit(200)))

    baseline = median_ms(bare)
    print(f"bare SQL, newest 200 events: {baseline:.1f} ms (ratio 1.0)")
    first = ActivityQuery(limit=200)
    cases: dict[str, Callable[[], object]] = {
        "first page": lambda: find_activity(ws, first, 0, 200),
        "count, no filter": lambda: count_activity(ws, first),
        "page 100 (offset 20,000)": lambda: find_activity(ws, first, 20_000, 200),
        "user 'ana'": lambda: find_activity(ws, replace(first, users=("ana",)), 0, 200),
        "search '0001234'": lambda: find_activity(ws, replace(first, text="0001234"), 0, 200),
        "count search '0001234'": lambda: count_activity(ws, replace(first, text="0001234")),
        "chapter co-bog": lambda: find_activity(ws, replace(first, chapter="co-bog"), 0, 200),
        "scope {co-bog}": lambda: find_activity(
            replace(ws, scope=frozenset({"co-bog"})), first, 0, 200
        ),
    }
    for name, action in cases.items():
        took = median_ms(action)
        print(f"{name:28} {took:8.1f} ms  (ratio {took / baseline:5.1f})")
    with ws.db.reading() as session:
        print(f"{session.scalar(select(func.count()).select_from(Event)):,} events in the log")
    ws.db.close()


if __name__ == "__main__":
    main()
