"""Backing up a 100,000-company register, against a plain copy of the same file.

Run on demand (pytest ignores tests/benchmarks)::

    .venv/bin/python tests/benchmarks/bench_backup.py [--companies 100000] [--file DB.sqlite]

The register is an SQLite file cached under /tmp/basc-bench (its name holds the count
and the schema revision), built once with bulk inserts: the companies (with the search
index their trigger fills) and two contacts each.  ``--file`` measures any other
database instead (e.g. a full demo one, whose findings make it twenty times bigger).

While the register is open in a workspace, as the window keeps it, with a committed
change still in its write-ahead log, each run times, alternately and in the same
process (best and median of ``--repeats``):

- ``back_up()``: the online backup API page by page with progress, ``quick_check`` of
  the copy, fsync and rename (target ≤ 2 s);
- the same with ``integrity_check`` instead of ``quick_check`` (why backups use the
  latter: a page-for-page copy of a database SQLite reads fine has the same indexes);
- baseline: ``shutil.copyfile`` of the same file then fsync (not consistent while the
  file is in use, but the floor for moving that many bytes).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import text

from basc_desktop.chapters import default_chapters_dir, load_chapters
from basc_desktop.domain.vocabulary import BusinessType
from basc_desktop.services.backups import back_up
from basc_desktop.services.opening import open_workspace
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import load_settings
from basc_desktop.store.backup import copy_database, sync_file
from basc_desktop.store.engine import sqlite_url
from basc_desktop.store.schema import head_revision

CACHE = Path("/tmp/basc-bench")
TARGET_S = 2.0
WORDS = (
    "Transportes", "Logística", "Andina", "Agencia", "Aduanas", "Carga", "Puerto",
    "Almacenes", "Exportadora", "Industrias", "Comercializadora", "Minera", "Textiles",
    "Café", "Flores", "Servicios", "Marítimos", "Frontera", "Depósito", "Bodegas",
    "Distribuidora", "Química", "Farmacéutica", "Alimentos", "Pacífico", "Caribe",
)  # fmt: skip
CITIES = ("Bogotá", "Medellín", "Cali", "Barranquilla", "Cartagena", "Lima", "Quito", "Panamá")
TYPES = tuple(kind.value for kind in BusinessType)


def _companies(chapters: list[tuple[str, str]], count: int) -> list[tuple[object, ...]]:
    rng = random.Random(1)
    rows = []
    for number in range(1, count + 1):
        code, country = chapters[number % len(chapters)]
        name = " ".join(rng.sample(WORDS, 3)) + f" {number} S.A.S."
        city = rng.choice(CITIES)
        email = f"contacto{number}@empresa{number}.example"
        start = date(2000 + number % 26, 1 + number % 12, 1 + number % 28).isoformat()
        rows.append((
            number, code, number, name, name.split()[0], f"{900_000_000 + number}", country,
            rng.choice(TYPES), f"Calle {number % 200} # {number % 97}-{number % 53}", city,
            f"+57 601 {number:07d}", email, f"https://empresa{number}.example", start,
            "Miembro desde la feria de comercio exterior." if number % 7 == 0 else "",
            name.lower(), f"{name.lower()} {city.lower()} {900_000_000 + number} {email}",
            "2026-06-15 12:00:00.000000", "2026-06-15 12:00:00.000000", 1,
        ))  # fmt: skip
    return rows


def build_register(path: Path, companies: int) -> None:
    """A migrated database with ``companies`` members and two contacts each."""
    settings = load_settings(CACHE / "data")
    open_workspace(settings, load_chapters(default_chapters_dir()), url=sqlite_url(path)).db.close()
    with closing(sqlite3.connect(path)) as conn, conn:
        chapters = [(c, k) for c, k in conn.execute("SELECT code, country FROM chapters")]
        conn.executemany(
            "INSERT INTO companies (id, chapter_code, member_number, legal_name, trade_name,"
            " tax_id, country, business_type, address, city, phone, email, website,"
            " membership_start, notes, sort_name, search_text, created_at, updated_at,"
            " version) VALUES (" + ", ".join("?" * 20) + ")",
            _companies(chapters, companies),
        )
        conn.executemany(
            "INSERT INTO contacts (company_id, name, role, email, phone) VALUES (?, ?, ?, ?, ?)",
            (
                (n, f"Persona {n}-{k}", "Gerente" if k else "Oficial de seguridad",
                 f"p{k}.{n}@empresa{n}.example", f"+57 300 {n:07d}")
                for n in range(1, companies + 1) for k in range(2)
            ),
        )  # fmt: skip


def register(companies: int) -> Path:
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"backup-companies-{companies}-rev{head_revision()}.sqlite"
    if not path.exists():
        partial = path.with_name(path.name + ".part")
        for stale in partial.parent.glob(partial.name + "*"):
            stale.unlink()
        print(f"building {companies:,} companies in {path}…", flush=True)
        started = time.perf_counter()
        build_register(partial, companies)
        partial.rename(path)
        print(f"built in {time.perf_counter() - started:.1f} s", flush=True)
    return path


def in_use(path: Path) -> Workspace:
    """The register open as the window keeps it, with a committed change in its WAL."""
    ws = open_workspace(
        load_settings(CACHE / "data"), load_chapters(default_chapters_dir()), url=sqlite_url(path)
    )
    with ws.db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_autocheckpoint = 0")
        with ws.db.transaction() as session:
            session.execute(text("UPDATE companies SET notes = notes || '' WHERE id = 1"))
    return ws


def plain_copy(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    sync_file(target)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--companies", type=int, default=100_000)
    parser.add_argument("--file", type=Path, help="measure this database instead")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    source = args.file or register(args.companies)
    ws = in_use(source)
    size = source.stat().st_size
    steps: list[int] = []
    timings: dict[str, list[float]] = {"back_up()": [], "integrity_check": [], "baseline": []}
    with tempfile.TemporaryDirectory(dir=CACHE) as scratch:
        folder = Path(scratch)
        actions: dict[str, Callable[[], object]] = {
            "back_up()": lambda: back_up(
                ws, folder / "backup.sqlite", progress=lambda d, t: steps.append(d)
            ),
            "integrity_check": lambda: copy_database(
                source, folder / "checked.sqlite", check="integrity_check"
            ),
            "baseline": lambda: plain_copy(source, folder / "plain.sqlite"),
        }
        for _ in range(args.repeats):
            for name, action in actions.items():
                started = time.perf_counter()
                action()
                timings[name].append(time.perf_counter() - started)
                for copy in folder.iterdir():
                    os.unlink(copy)
    ws.db.close()
    print(f"{source.name}: {size / 2**20:,.0f} MiB, {args.repeats} runs each\n")
    base = min(timings["baseline"])
    print(f"{'what':44} {'best':>8} {'median':>8}  ratio to baseline")
    for name, label in (
        ("back_up()", "back_up(): backup API + quick_check + fsync"),
        ("integrity_check", "same, with integrity_check"),
        ("baseline", "baseline: shutil.copyfile + fsync"),
    ):
        best, median = min(timings[name]), statistics.median(timings[name])
        verdict = ""
        if name == "back_up()":
            verdict = "  ok (≤ 2 s)" if best <= TARGET_S else f"  OVER {TARGET_S:.0f} s"
        print(f"{label:44} {best:7.2f}s {median:7.2f}s  {best / base:5.2f}×{verdict}")
    print(f"\nprogress reports per backup: {len(steps) // args.repeats}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
