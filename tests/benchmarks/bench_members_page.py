"""Opening the members list on a big chapter: the first page must not grow with the register.

Run on demand (pytest ignores tests/benchmarks)::

    .venv/bin/python tests/benchmarks/bench_members_page.py [--big 100000] [--small 1000]

Builds two demo databases, then times what the Members area does when it opens
(count the members, fetch the first page of 200 sorted by name, with statuses) and
when the coordinator searches and pages on.  Prints each time on the big database as
a ratio to the same on the small one: paging keeps the first page near 1×, while the
count, which reads every row, grows with the register.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from basc_desktop.chapters import default_chapters_dir, load_chapters
from basc_desktop.services.demo import create_demo_database
from basc_desktop.services.member_forms import MemberQuery
from basc_desktop.services.members import count_members, find_members
from basc_desktop.services.opening import open_workspace
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import load_settings
from basc_desktop.store.engine import sqlite_url

TODAY = date(2026, 6, 15)
REPEATS = 5

ACTIONS: dict[str, Callable[[Workspace], object]] = {
    "first page by name": lambda ws: find_members(ws, MemberQuery(limit=200)),
    "first page by name, descending": lambda ws: find_members(
        ws, MemberQuery(limit=200, descending=True)
    ),
    "page 4 by name": lambda ws: find_members(ws, MemberQuery(offset=600, limit=200)),
    "count of members": lambda ws: count_members(ws),
    "search 'logistica'": lambda ws: find_members(ws, MemberQuery(search="logistica", limit=200)),
}


def median_seconds(action: Callable[[Workspace], object], ws: Workspace) -> float:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        action(ws)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure(folder: Path, companies: int) -> dict[str, float]:
    settings = load_settings(folder / "data")
    chapters = load_chapters(default_chapters_dir())
    url = sqlite_url(folder / f"demo-{companies}.sqlite")
    create_demo_database(settings, chapters, companies=companies, seed=1, today=TODAY, url=url)
    ws = open_workspace(settings, chapters, url=url)
    ws.clock = lambda: TODAY
    try:
        return {name: median_seconds(action, ws) for name, action in ACTIONS.items()}
    finally:
        ws.db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=1_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        small = measure(Path(scratch), args.small)
        big = measure(Path(scratch), args.big)
    print(f"{'action':34} {args.small:>9,} {args.big:>9,}   ratio")
    for name in ACTIONS:
        print(
            f"{name:34} {small[name] * 1000:7.1f}ms {big[name] * 1000:7.1f}ms "
            f"{big[name] / small[name]:6.1f}×"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
