"""The Dashboard area drawing the figures of 100,000 companies: table, tiles, two charts.

Run on demand (pytest ignores tests/benchmarks)::

    .venv/bin/python tests/benchmarks/bench_dashboard_area.py [--companies 100000]
                     [--with-service]

The figures are made up in the bench (every chapter of the 12 countries, numbers that
add up to ``--companies`` members, about three certificates each), so it measures the
screen alone: the time from the figures in hand to the area fully drawn
(:meth:`DashboardArea.show_figures`, then ``grab()``, which paints every widget), the
median of several runs, and its ratio to the baseline measured in the same run, a
``grab()`` of the same area before it shows any figures.

With ``--with-service`` it also times the whole path on the 100,000-company register
of ``bench_dashboard.py`` (made on first use, which takes minutes): counting with
:func:`dashboard_figures`, then drawing.  Target (issue 7): ≤ 300 ms together.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication

from basc_desktop.chapters import ChapterRegistry, default_chapters_dir, load_chapters
from basc_desktop.services.dashboard import dashboard_figures
from basc_desktop.services.dashboard_forms import DashboardFigures, ExpiryMonth, Figure, FigureLine
from basc_desktop.services.opening import open_workspace
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import load_settings
from basc_desktop.store.engine import sqlite_url
from basc_desktop.ui.areas.dashboard import DashboardArea
from basc_desktop.ui.changes import ChangeHub
from basc_desktop.ui.context import AppContext

TODAY = date(2026, 6, 15)
TARGET_MS = 300.0
REPEATS = 7
SIZE = (1100, 740)
"""The area's room in a 1280×800 main window."""


def median_ms(action: Callable[[], object], repeats: int = REPEATS) -> float:
    action()  # warm up: fonts, styles, chart items made once
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _line(country: str, chapter: str | None, members: int, rng: random.Random) -> FigureLine:
    certified = int(members * rng.uniform(0.6, 0.8))
    expiring_90 = int(certified * rng.uniform(0.15, 0.3))
    expiring_60 = int(expiring_90 * 0.66)
    values = {
        Figure.MEMBERS: members,
        Figure.CERTIFIED: certified,
        Figure.EXPIRING_30: int(expiring_60 * 0.5),
        Figure.EXPIRING_60: expiring_60,
        Figure.EXPIRING_90: expiring_90,
        Figure.EXPIRED: int(members * 0.08),
        Figure.SUSPENDED: int(members * 0.02),
        Figure.WITHDRAWN: int(members * 0.03),
        Figure.OPEN_ACTIONS: int(members * 0.4),
        Figure.OVERDUE_ACTIONS: int(members * 0.1),
        Figure.AUDITS_THIS_MONTH: int(members / 12),
    }
    return FigureLine(country, chapter, values)


def _sum(country: str, lines: list[FigureLine]) -> FigureLine:
    return FigureLine(country, None, {f: sum(line[f] for line in lines) for f in Figure})


def made_up_figures(chapters: ChapterRegistry, companies: int, seed: int = 1) -> DashboardFigures:
    """Figures of ``companies`` members spread over every chapter of the registry."""
    rng = random.Random(seed)
    codes = [chapter.code for chapter in chapters]
    weights = [rng.uniform(0.5, 3.0) for _ in codes]
    share = [int(companies * weight / sum(weights)) for weight in weights]
    chapter_lines = [
        _line(chapters.get(code).country_code, code, members, rng)
        for code, members in zip(codes, share, strict=True)
    ]
    countries = sorted({line.country for line in chapter_lines})
    country_lines = [
        _sum(code, [line for line in chapter_lines if line.country == code]) for code in countries
    ]
    expiries = []
    for month in range(12):
        first = date(
            TODAY.year + (TODAY.month - 1 + month) // 12, (TODAY.month - 1 + month) % 12 + 1, 1
        )
        by_country = {code: rng.randint(100, 900) for code in countries}
        expiries.append(ExpiryMonth(first, sum(by_country.values()), by_country))
    return DashboardFigures(
        on=TODAY,
        today=TODAY,
        countries=country_lines,
        chapters=sorted(chapter_lines, key=lambda line: (line.country, line.chapter or "")),
        total=_sum("", country_lines),
        expiries=expiries,
    )


def empty_workspace(folder: Path) -> Workspace:
    settings = load_settings(folder / "data")
    ws = open_workspace(
        settings, load_chapters(default_chapters_dir()), url=sqlite_url(folder / "basc.sqlite")
    )
    ws.clock = lambda: TODAY
    return ws


def build_area(ws: Workspace) -> DashboardArea:
    area = DashboardArea(AppContext(ws, load_settings(Path(tempfile.mkdtemp())), ChangeHub()))
    area.resize(*SIZE)
    area.show()
    area.timer.stop()  # no minute refresh in the middle of a measure
    return area


def row(name: str, ms: float, baseline: float, target: float | None = None) -> str:
    verdict = "" if target is None else ("  ok" if ms <= target else f"  OVER {target:.0f} ms")
    return f"{name:<46} {ms:8.1f} ms  ×{ms / baseline:6.1f} of the baseline{verdict}"


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--companies", type=int, default=100_000)
    parser.add_argument("--with-service", action="store_true")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    ws = empty_workspace(Path(tempfile.mkdtemp()))
    area = build_area(ws)
    figures = made_up_figures(ws.chapters, args.companies)
    print(
        f"{figures.total[Figure.MEMBERS]:,} members, {len(figures.countries)} countries,"
        f" {len(figures.chapters)} chapters; area {SIZE[0]}×{SIZE[1]}\n"
    )
    baseline = median_ms(area.grab)
    results = [f"{'baseline: grab() of the area without figures':<46} {baseline:8.1f} ms"]

    def draw() -> None:
        area.show_figures(figures)
        area.grab()

    drawing = median_ms(draw)
    results.append(row("figures in hand → area drawn", drawing, baseline, TARGET_MS))
    area.table.expandAll()
    results.append(row("the same, every chapter line unfolded", median_ms(draw), baseline))
    if args.with_service:
        from tests.benchmarks.bench_dashboard import open_register

        register = open_register(args.companies)
        whole = build_area(register)

        def count_and_draw() -> None:
            whole.show_figures(dashboard_figures(register))
            whole.grab()

        results.append(
            row("dashboard_figures() + drawn (real register)", median_ms(count_and_draw, 3),
                baseline, TARGET_MS)
        )  # fmt: skip
    print("\n".join(results), flush=True)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
