"""The Members area on a 100,000-company register: open, search, sort, memory.

Run on demand (pytest ignores tests/benchmarks)::

    .venv/bin/python tests/benchmarks/bench_members_area.py [--companies 100000]

Uses the SQLite demo database cached under /tmp/basc-bench (the same file as
``bench_members_list.py``; built on first use, which takes minutes).  The real widgets
run offscreen; each figure is the time until the table has painted the new rows, and
is printed with its ratio to the bare SQL the screen needs for the same rows (the
count, then the page of 200), run in the same process just before.

- opening: building the Members area, loading it and painting it (target ≤ 500 ms);
- search keystroke: from the search being applied (the 250 ms typing pause bypassed:
  ``apply_search`` is called at once) to the new rows painted, median over a word typed
  letter by letter (target ≤ 50 ms);
- sort: a click on each column header (both orders) to the rows painted, median of 3
  (target ≤ 100 ms; a sort reads the page again but not the count, which is unchanged);
- memory: the process's resident memory with the area open (≤ 300 MB), against the
  same process before the area was built (Qt loaded, bare SQL run).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from basc_desktop.chapters import default_chapters_dir, load_chapters
from basc_desktop.services.demo import create_demo_database
from basc_desktop.services.member_forms import MemberQuery
from basc_desktop.services.member_search import filtered, rows_statement
from basc_desktop.services.opening import open_workspace
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import load_settings
from basc_desktop.store.engine import sqlite_url
from basc_desktop.store.members import Company
from basc_desktop.store.schema import head_revision
from basc_desktop.ui.areas.members import MembersArea
from basc_desktop.ui.changes import ChangeHub
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.models.members_model import COLUMNS

TODAY = date(2026, 6, 15)
CACHE = Path("/tmp/basc-bench")
OPEN_TARGET_S = 0.5
SEARCH_TARGET_MS = 50.0
SORT_TARGET_MS = 100.0
MEMORY_TARGET_MB = 300.0
WORDS = ("logistica", "bogota", "900123")
REPEATS = 3


def rss_mb() -> float:
    """Resident memory of this process now (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def open_demo(companies: int, data_dir: Path) -> Workspace:
    chapters = load_chapters(default_chapters_dir())
    CACHE.mkdir(exist_ok=True)
    settings = load_settings(data_dir)
    path = CACHE / f"members-{companies}-seed1-{TODAY}-rev{head_revision()}.sqlite"
    url = sqlite_url(path)
    if not path.exists():
        print(f"building {companies:,} demo companies in {path}…", flush=True)
        create_demo_database(settings, chapters, companies=companies, seed=1, today=TODAY, url=url)
    ws = open_workspace(settings, chapters, url=url)
    ws.clock = lambda: TODAY
    return ws


def bare_seconds(ws: Workspace, query: MemberQuery, *, count: bool = True) -> float:
    """The bare SQL of one list load: the count (if asked) and the first page."""
    page = rows_statement(ws, replace(query, offset=0, limit=200))
    rows_sql = str(page.compile(ws.db.engine, compile_kwargs={"literal_binds": True}))
    counting = filtered(ws, query, select(func.count()).select_from(Company))
    count_sql = str(counting.compile(ws.db.engine, compile_kwargs={"literal_binds": True}))
    started = time.perf_counter()
    with ws.db.engine.connect() as conn:
        if count:
            conn.exec_driver_sql(count_sql).scalar()
        conn.exec_driver_sql(rows_sql).fetchall()
    return time.perf_counter() - started


def painted(area: MembersArea, action: Callable[[], object]) -> float:
    """Seconds from ``action`` to the table's rows painted."""
    started = time.perf_counter()
    action()
    area.table.viewport().repaint()
    return time.perf_counter() - started


def line(name: str, seconds: float, bare: float, target_ms: float) -> str:
    unit, scale = "ms", 1000
    shown, limit = seconds * scale, target_ms
    verdict = "ok" if shown <= limit else f"OVER by {shown - limit:.0f} {unit}"
    return (
        f"{name:36} {shown:8.1f} {unit:2}  bare SQL {bare * scale:8.1f} {unit:2}"
        f"  {seconds / bare:6.2f}×  target ≤ {limit:g} {unit}: {verdict}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--companies", type=int, default=100_000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="bench-area-") as temp:
        ws = open_demo(args.companies, Path(temp) / "data")
        context = AppContext(ws, load_settings(Path(temp) / "data"), ChangeHub())
        first = MemberQuery()
        bare_seconds(ws, first)  # warm the file cache, as the second opening finds it
        bare_open = statistics.median(bare_seconds(ws, first) for _ in range(3))
        memory_before = rss_mb()

        area = MembersArea(context)
        area.resize(1280, 760)
        opening = painted(area, lambda: (area.show(), area.activate(), app.processEvents()))
        memory_open = rss_mb()
        print(f"{ws.db.dialect}, {area.model.total:,} current members\n")
        results = [line("opening the Members area", opening, bare_open, OPEN_TARGET_S * 1000)]

        keystrokes: list[float] = []
        bare_keys: list[float] = []
        for word in WORDS:
            for end in range(1, len(word) + 1):
                typed = word[:end]
                bare_keys.append(bare_seconds(ws, replace(first, search=typed)))

                def search(text: str = typed) -> None:
                    area.search.setText(text)
                    area.apply_search()

                keystrokes.append(painted(area, search))
        area.search.clear()
        area.apply_search()
        results.append(
            line(
                "search keystroke (median)",
                statistics.median(keystrokes),
                statistics.median(bare_keys),
                SEARCH_TARGET_MS,
            )
        )
        results.append(
            f"{'':36} slowest keystroke {max(keystrokes) * 1000:.1f} ms "
            f"({len(keystrokes)} keystrokes over {', '.join(WORDS)})"
        )

        for number, column in enumerate(COLUMNS):
            for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
                query = replace(
                    first,
                    order_by=column.sort_by,
                    descending=order == Qt.SortOrder.DescendingOrder,
                )
                bare = statistics.median(
                    bare_seconds(ws, query, count=False) for _ in range(REPEATS)
                )
                times = []
                for _ in range(REPEATS):
                    other = 0 if number else 1  # leave the column, so the click sorts again
                    area.table.sortByColumn(other, Qt.SortOrder.AscendingOrder)
                    times.append(
                        painted(area, lambda n=number, o=order: area.table.sortByColumn(n, o))
                    )
                direction = "desc" if order == Qt.SortOrder.DescendingOrder else "asc"
                name = f"sort by {column.key} {direction} (median)"
                results.append(line(name, statistics.median(times), bare, SORT_TARGET_MS))

        verdict = "ok" if memory_open <= MEMORY_TARGET_MB else "OVER"
        results.append(
            f"{'resident memory, area open':36} {memory_open:8.0f} MB  before the area "
            f"{memory_before:6.0f} MB  {memory_open / memory_before:6.2f}×  "
            f"target ≤ {MEMORY_TARGET_MB:g} MB: {verdict}"
        )
        area.close()
        shiboken6.delete(area)  # before the interpreter ends, so Qt is torn down in order
        ws.db.close()
    print("\n".join(results), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
