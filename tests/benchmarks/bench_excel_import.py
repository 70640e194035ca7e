"""Importing 10,000 rows with validation: at most 2× a bare openpyxl read-only pass.

Run on demand (pytest ignores tests/benchmarks)::

    .venv/bin/python tests/benchmarks/bench_excel_import.py [--rows 10000] [--existing 10000]

Writes one workbook of member rows with every column a chapter keeps (13 of them, a
title row above the header), then times, on the same file in the same run:

- the baseline: openpyxl opening it read-only and reading every cell's value;
- ``check_import``: finding the header, reading and checking every row (tax ID,
  e-mail, phone…, duplicates in the file, members already registered: the database
  holds ``--existing`` members of the same country);
- ``run_import``: the same, then writing every member and its event in one transaction.

Prints each time and its ratio to the baseline; the target is check ≤ 2×.  With
``--big N`` (0 to skip), also an N-row workbook with 3 bad rows: the time to the report,
as a ratio to its own bare pass, and that nothing was written.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import openpyxl

from basc_desktop.chapters import default_chapters_dir, load_chapters
from basc_desktop.domain.tax_id_samples import generate_tax_id
from basc_desktop.domain.tax_ids import check_tax_id, format_tax_id
from basc_desktop.services.imports import check_import, read_import, run_import
from basc_desktop.services.opening import open_workspace
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import load_settings
from basc_desktop.store.engine import sqlite_url
from basc_desktop.store.members import Company

TODAY = date(2026, 6, 15)
REPEATS = 3
TARGET = 2.0
HEADER = [
    "Razón social", "Nombre comercial", "NIT", "País", "Capítulo", "Tipo de empresa",
    "Dirección", "Ciudad", "Teléfono", "Correo electrónico", "Sitio web",
    "Fecha de afiliación", "Observaciones",
]  # fmt: skip
KINDS = ["Exportador / importador", "Agente de aduanas", "Depósito", "Transportista terrestre"]


def tax_ids(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    found: dict[str, None] = {}
    while len(found) < count:
        found[check_tax_id("CO", generate_tax_id("CO", rng))] = None
    return list(found)


def write_file(path: Path, nits: list[str], bad: frozenset[int] = frozenset()) -> None:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Afiliados")
    sheet.append(["Afiliados BASC Bogotá"])
    sheet.append(HEADER)
    for n, nit in enumerate(nits):
        sheet.append([
            f"Compañía Número {n} S.A.S.", f"Marca {n}", format_tax_id("CO", nit), "Colombia",
            "co-bog", KINDS[n % len(KINDS)], f"Calle {n % 200} # {n % 90}-{n % 50}", "Bogotá",
            "+57 601 555 0101", f"seguridad{n}@empresa{n}.com.co", f"www.empresa{n}.com.co",
            date(2015 + n % 10, 1 + n % 12, 1 + n % 28), "Afiliada por convenio",
        ] if n not in bad else [
            "", "", format_tax_id("CO", nit), "Colombia", "co-bog", "Panadería", "", "", "",
            "correo@", "", "31/02/2024", "",
        ])  # fmt: skip
    book.save(path)


def bare_pass(path: Path) -> int:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for row in book.worksheets[0].iter_rows(values_only=True):
        cells += sum(1 for value in row if value is not None)
    book.close()
    return cells


def seconds(action: Callable[[], object], repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def workspace(folder: Path, name: str, existing: list[str]) -> Workspace:
    settings = load_settings(folder / "data")
    ws = open_workspace(
        settings, load_chapters(default_chapters_dir()), url=sqlite_url(folder / f"{name}.sqlite")
    )
    ws.clock = lambda: TODAY
    with ws.db.transaction() as session:
        session.add_all(
            Company(
                chapter_code="co-ant",
                member_number=n + 1,
                legal_name=f"Existente {n}",
                tax_id=nit,
                country="CO",
                business_type="warehouse",
            )
            for n, nit in enumerate(existing)
        )
    return ws


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--existing", type=int, default=10_000)
    parser.add_argument("--big", type=int, default=100_000)
    args = parser.parse_args()
    nits = tax_ids(args.rows + args.existing, seed=7)
    rows, existing = nits[: args.rows], nits[args.rows :]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        path = folder / "afiliados.xlsx"
        write_file(path, rows)
        ws = workspace(folder, "check", existing)
        mapping = read_import(path).mapping
        assert len(mapping) == len(HEADER), mapping
        baseline = seconds(lambda: bare_pass(path))
        checked = seconds(lambda: check_import(ws, path, mapping))
        report = check_import(ws, path, mapping)
        assert report.ok, report.problems[:5]
        assert report.to_add == args.rows
        ws.db.close()
        writing = workspace(folder, "run", existing)
        imported = seconds(lambda: run_import(writing, path, mapping), repeats=1)
        writing.db.close()
        if args.big:
            big_path = folder / "grande.xlsx"
            middle = args.big // 2
            write_file(big_path, tax_ids(args.big, seed=8), frozenset({5, middle, args.big - 5}))
            big_base = seconds(lambda: bare_pass(big_path), repeats=1)
            big_ws = workspace(folder, "big", [])
            big_map = read_import(big_path).mapping
            started = time.perf_counter()
            big = run_import(big_ws, big_path, big_map)
            big_time = time.perf_counter() - started
            assert not big.written
            assert sorted({p.row for p in big.errors}) == [8, middle + 3, args.big - 2]
            big_ws.db.close()
    print(f"{args.rows:,} rows × {len(HEADER)} columns, {args.existing:,} members registered")
    print(f"{'bare openpyxl read-only pass':34} {baseline * 1000:8.0f} ms   1.00×")
    ratio = checked / baseline
    verdict = "ok" if ratio <= TARGET else f"over the {TARGET}× target"
    print(f"{'check_import (validation)':34} {checked * 1000:8.0f} ms  {ratio:5.2f}×  {verdict}")
    print(f"{'run_import (validation + writing)':34} {imported * 1000:8.0f} ms  "
          f"{imported / baseline:5.2f}×")  # fmt: skip
    if args.big:
        print(
            f"{args.big:,} rows, 3 bad: report in {big_time:.1f} s "
            f"({big_time / big_base:.2f}× its bare pass of {big_base:.1f} s), "
            f"{big.error_count} errors on 3 rows, nothing written"
        )
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
