"""The checklist of a 300-requirement audit: opening it and recording a verdict.

Run on demand (pytest ignores tests/benchmarks)::

    .venv/bin/python tests/benchmarks/bench_checklist.py [--requirements 300] [--url URL]

Builds a synthetic catalogue of 300 requirements (beside the shipped ones), a member
and an audit in progress on it, then times:

- opening the checklist: the ``checklist()`` service plus filling the window's
  ``ChecklistModel`` with its lines (target ≤ 200 ms);
- recording a verdict, saved: ``record_verdict()`` in its own transaction (≤ 20 ms).

Each is printed beside the bare SQL that does the same work through the database
driver alone (one SELECT of the joined lines; one UPDATE and COMMIT), measured in the
same run, and the ratio of the two.  SQLite in a temporary folder by default; pass
``--url`` to measure an (empty, migrated or new) PostgreSQL database instead.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from basc_desktop.chapters import default_chapters_dir, load_chapters
from basc_desktop.domain.vocabulary import AuditKind, BusinessType, Verdict
from basc_desktop.services.audit_forms import AuditPlanInput
from basc_desktop.services.audits import plan_audit, start_audit
from basc_desktop.services.checklist import checklist, record_verdict
from basc_desktop.services.member_forms import MemberInput
from basc_desktop.services.members import create_member
from basc_desktop.services.opening import open_workspace
from basc_desktop.services.standards import sync_standards
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import load_settings
from basc_desktop.standards import default_standards_dir
from basc_desktop.store.engine import sqlite_url

TODAY = date(2026, 6, 15)
REPEATS = 25
VERSION = "bench"
TARGETS_MS = {"opening the checklist": 200.0, "recording a verdict (saved)": 20.0}


def write_catalogue(folder: Path, count: int) -> None:
    """The shipped catalogues plus a synthetic one of ``count`` requirements."""
    for path in default_standards_dir().glob("*.toml"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    blocks = [
        f'version = "{VERSION}"\n'
        'title = { es = "Catálogo de prueba", en = "Benchmark catalogue" }\n'
    ]
    for n in range(1, count + 1):
        section = n // 25 + 1
        blocks.append(
            "[[requirements]]\n"
            f'code = "B-{section}.{n}"\n'
            f'section = {{ es = "{section}. Sección {section}", en = "{section}. Section" }}\n'
            f'title = {{ es = "Requisito {n} de control", en = "Requirement {n}" }}\n'
            f'text = {{ es = "{"La empresa controla este punto de seguridad. " * 4}", '
            f'en = "{"The company controls this security point. " * 4}" }}\n'
            "business_types = []\n"
        )
    (folder / "basc-bench.toml").write_text("\n".join(blocks), encoding="utf-8")


def prepare(folder: Path, url: str | None, count: int) -> tuple[Workspace, int]:
    settings = load_settings(folder / "data")
    chapters = load_chapters(default_chapters_dir())
    ws = open_workspace(settings, chapters, url=url or sqlite_url(folder / "bench.sqlite"))
    ws.clock = lambda: TODAY
    standards = folder / "standards"
    standards.mkdir()
    write_catalogue(standards, count)
    sync_standards(ws.db, standards)
    company = create_member(
        ws,
        MemberInput(
            legal_name=f"Benchmark {time.time_ns()}",
            tax_id="900.123.456-8",
            chapter_code="co-bog",
            business_type=BusinessType.WAREHOUSE,
        ),
    )
    audit = plan_audit(
        ws, AuditPlanInput(company.id, AuditKind.CERTIFICATION, VERSION, TODAY, None)
    )
    start_audit(ws, audit.id)
    return ws, audit.id


def median_ms(action: Callable[[int], object]) -> float:
    times = []
    for n in range(REPEATS):
        started = time.perf_counter()
        action(n)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def checklist_model_filler() -> Callable[[list[object]], None] | None:
    """Fills H4's ChecklistModel with lines, if the window's model is there."""
    try:
        from PySide6.QtCore import QCoreApplication

        from basc_desktop.ui.models.checklist_model import ChecklistModel
    except ImportError:
        return None
    app = QCoreApplication.instance() or QCoreApplication([])
    model = ChecklistModel()

    def fill(lines: list[object]) -> None:
        model.set_lines(lines)  # type: ignore[arg-type]
        assert app is not None

    return fill


def bare_sql(
    ws: Workspace, audit_id: int
) -> tuple[Callable[[int], object], Callable[[int], object]]:
    """The same work through the DBAPI driver alone: one SELECT; one UPDATE and COMMIT."""
    raw = ws.db.engine.raw_connection()
    mark = "?" if ws.db.dialect == "sqlite" else "%s"
    select_lines = (
        "SELECT f.id, f.verdict, f.evidence, r.code, r.section, r.section_en, r.title_es, "
        "r.title_en, r.text_es, r.text_en FROM findings f JOIN requirements r "
        f"ON r.id = f.requirement_id WHERE f.audit_id = {mark} ORDER BY r.position, r.id"
    )
    cursor = raw.cursor()
    cursor.execute(select_lines, (audit_id,))
    ids = [row[0] for row in cursor.fetchall()]
    raw.commit()
    verdicts = [v.value for v in Verdict]

    def read(_n: int) -> object:
        cur = raw.cursor()
        cur.execute(select_lines, (audit_id,))
        rows = cur.fetchall()
        raw.commit()
        return rows

    def write(n: int) -> object:
        cur = raw.cursor()
        cur.execute(
            f"UPDATE findings SET verdict = {mark}, evidence = {mark} WHERE id = {mark}",
            (verdicts[n % len(verdicts)], f"bare {n}", ids[(n * 7) % len(ids)]),
        )
        raw.commit()
        return None

    return read, write


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requirements", type=int, default=300)
    parser.add_argument("--url", help="a database URL (default: a new SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        ws, audit_id = prepare(Path(scratch), args.url, args.requirements)
        try:
            lines = checklist(ws, audit_id)
            fill = checklist_model_filler()
            ids = [line.finding_id for line in lines]
            verdicts = list(Verdict)

            def open_checklist(_n: int) -> object:
                found = checklist(ws, audit_id)
                if fill is not None:
                    fill(found)  # type: ignore[arg-type]
                return found

            def record(n: int) -> object:
                return record_verdict(
                    ws, ids[(n * 11) % len(ids)], verdicts[n % len(verdicts)], f"nota {n}"
                )

            bare_read, bare_write = bare_sql(ws, audit_id)
            figures = {
                "opening the checklist": (median_ms(open_checklist), median_ms(bare_read)),
                "recording a verdict (saved)": (median_ms(record), median_ms(bare_write)),
            }
        finally:
            ws.db.close()
    model = "service + ChecklistModel" if fill is not None else "service only (no model yet)"
    print(f"{len(lines)} requirements on {ws.db.dialect}; checklist opened by {model}")
    print(f"{'what':30} {'time':>9} {'target':>8} {'bare SQL':>9}  ratio")
    for name, (time_ms, bare_ms) in figures.items():
        verdict = "ok" if time_ms <= TARGETS_MS[name] else "SLOW"
        print(
            f"{name:30} {time_ms:7.2f}ms {TARGETS_MS[name]:6.0f}ms {bare_ms:7.2f}ms "
            f"{time_ms / bare_ms:5.1f}×  {verdict}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
