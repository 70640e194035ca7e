"""Exporting 50,000 members to Excel, against bare openpyxl writing the same cells.

Run on demand (pytest ignores tests/benchmarks)::

    .venv/bin/python tests/benchmarks/bench_excel_export.py [--members 50000]

The register is an SQLite file cached under /tmp/basc-bench (its name holds the count
and the schema revision): the first run copies the companies of the cached 100,000-
company demo (``bench_members_area.py``) into a fresh database, or builds a demo of
that size when there is none.  Figures, each measured in the same run:

- time: ``export_members`` (read the members in batches, label them, stream them into
  the workbook) against bare openpyxl write-only appending the very same cells (the
  values already in memory, dates as cells with the same day-first format, the same
  title and bold header rows, freeze and filter) to a workbook; target ≤ 1.2×.  Each
  is run 5 times, alternately, and the best run of each is compared.  The verdict is on
  the process's CPU time, which other programs busy on the machine do not inflate (on a
  shared 2-core machine the wall time of one run varies by half); wall times are
  printed beside it;
- memory: the growth of Python's allocations (tracemalloc peak) during the export;
  target ≤ 50 MB.
"""

from __future__ import annotations

import argparse
import gc
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill

from basc_desktop.chapters import default_chapters_dir, load_chapters
from basc_desktop.reports.excel_writer import DATE_FORMAT
from basc_desktop.services.demo import create_demo_database
from basc_desktop.services.export_sheets import member_layout
from basc_desktop.services.export_words import export_words
from basc_desktop.services.exports import export_members, member_records
from basc_desktop.services.member_forms import MemberQuery
from basc_desktop.services.opening import open_workspace
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import load_settings
from basc_desktop.store.engine import make_engine, sqlite_url
from basc_desktop.store.schema import head_revision, upgrade

TODAY = date(2026, 6, 15)
CACHE = Path("/tmp/basc-bench")
RATIO_TARGET = 1.2
MEMORY_TARGET_MB = 50.0
REPEATS = 5
QUERY = MemberQuery(archived=None, limit=None)


def _copy_companies(source: Path, target: Path, members: int) -> None:
    """A new database at the newest schema holding the first ``members`` companies."""
    engine = make_engine(sqlite_url(target))
    upgrade(engine)
    engine.dispose()
    with sqlite3.connect(target) as conn:
        conn.execute("ATTACH DATABASE ? AS old", (str(source),))
        new = [r[1] for r in conn.execute("PRAGMA main.table_info(companies)")]
        old = {r[1] for r in conn.execute("PRAGMA old.table_info(companies)")}
        columns = ", ".join(c for c in new if c in old)
        conn.execute(
            f"INSERT INTO main.companies ({columns}) SELECT {columns} FROM old.companies"
            " ORDER BY id LIMIT ?",
            (members,),
        )
        conn.commit()
        conn.execute("DETACH DATABASE old")


def open_register(members: int, data_dir: Path) -> Workspace:
    chapters = load_chapters(default_chapters_dir())
    settings = load_settings(data_dir)
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"export-members-{members}-{TODAY}-rev{head_revision()}.sqlite"
    if not path.exists():
        demos = sorted(CACHE.glob(f"members-100000-seed1-{TODAY}-rev*.sqlite"))
        partial = path.with_name(path.name + ".part")
        partial.unlink(missing_ok=True)
        if demos and members <= 100_000:
            print(f"copying {members:,} companies from {demos[-1].name}…", flush=True)
            _copy_companies(demos[-1], partial, members)
        else:
            print(f"building {members:,} demo companies in {path}…", flush=True)
            create_demo_database(
                settings, chapters, companies=members, seed=1, today=TODAY, url=sqlite_url(partial)
            )
        partial.rename(path)
    ws = open_workspace(settings, chapters, url=sqlite_url(path))
    ws.clock = lambda: TODAY
    return ws


def bare_cells(ws: Workspace) -> tuple[tuple[str, ...], list[str], list[list[object]]]:
    """The cells the export writes, made beforehand: titles, header and rows."""
    words = export_words("es")
    layout = member_layout(words)
    rows = [layout.cells(row) for batch in member_records(ws, QUERY) for row in batch]
    titles = ("BASC — Miembros", "Filtro: actuales y archivados", f"Fecha: {TODAY:%d/%m/%Y}")
    return titles, [c.header for c in layout.columns], rows


def bare_openpyxl(path: Path, cells: tuple[tuple[str, ...], list[str], list[list[object]]]) -> int:
    """Bare openpyxl write-only: the same cells appended the plain way."""
    titles, header, rows = cells
    dates = [10, 11, 12]
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Miembros")
    sheet.freeze_panes = "A6"
    for number, line in enumerate(titles):
        cell = WriteOnlyCell(sheet, value=line)
        cell.font = Font(bold=True, size=14) if number == 0 else Font(italic=True)
        sheet.append([cell])
    sheet.append([])
    heads = []
    for text in header:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", start_color="DDE4EE")
        heads.append(cell)
    sheet.append(heads)
    for values in rows:
        line = list(values)
        for n in dates:
            if line[n] is not None:
                cell = WriteOnlyCell(sheet, value=line[n])
                cell.number_format = DATE_FORMAT
                line[n] = cell
        sheet.append(line)
    sheet.auto_filter.ref = f"A5:M{5 + len(rows)}"
    book.save(path)
    return len(rows)


def seconds(action: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) seconds ``action`` takes."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--members", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-export-") as temp:
        folder = Path(temp)
        ws = open_register(args.members, folder / "data")
        try:
            ours_path, bare_path = folder / "export.xlsx", folder / "bare.xlsx"
            count = export_members(ws, QUERY, ours_path, language="es")  # warms the file cache
            ours, bare = [], []
            for _ in range(REPEATS):
                # Each runs with only its own data in memory: the bare run's 50,000 rows
                # of cells, made beforehand, are gone before the export runs.
                cells = bare_cells(ws)
                bare.append(seconds(partial(bare_openpyxl, bare_path, cells)))
                del cells
                gc.collect()
                ours.append(seconds(partial(export_members, ws, QUERY, ours_path, language="es")))
            tracemalloc.start()
            before = tracemalloc.get_traced_memory()[0]
            export_members(ws, QUERY, ours_path, language="es")
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        finally:
            ws.db.close()
    ours_cpu, bare_cpu = min(c for _w, c in ours), min(c for _w, c in bare)
    ours_wall, bare_wall = min(w for w, _c in ours), min(w for w, _c in bare)
    ratio = ours_cpu / bare_cpu
    growth = (peak - before) / 2**20
    print(f"members exported: {count:,}")
    print(
        f"export_members CPU    {ours_cpu:7.2f} s   bare openpyxl {bare_cpu:7.2f} s   "
        f"{ratio:5.2f}×   target ≤ {RATIO_TARGET}×: {'ok' if ratio <= RATIO_TARGET else 'OVER'}"
    )
    print(
        f"export_members wall   {ours_wall:7.2f} s   bare openpyxl {bare_wall:7.2f} s   "
        f"{ours_wall / bare_wall:5.2f}×"
    )
    print(
        f"memory growth (peak)  {growth:7.1f} MB  target ≤ {MEMORY_TARGET_MB:g} MB: "
        f"{'ok' if growth <= MEMORY_TARGET_MB else 'OVER'}"
    )
    print(
        "all runs (wall/CPU s): export "
        + ", ".join(f"{w:.2f}/{c:.2f}" for w, c in ours)
        + "; bare "
        + ", ".join(f"{w:.2f}/{c:.2f}" for w, c in bare)
    )
    return 0 if ratio <= RATIO_TARGET and growth <= MEMORY_TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
