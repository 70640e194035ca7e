"""The checklist window of a 300-requirement audit: opening it and judging from the keyboard.

Run on demand (pytest ignores tests/benchmarks)::

    .venv/bin/python tests/benchmarks/bench_checklist_window.py [--requirements 300]

Uses the synthetic catalogue and audit of ``bench_checklist.py``, then times what the
coordinator waits for in the window itself:

- opening the checklist window: building :class:`ChecklistDialog` (the ``checklist()``
  service, the model, the table) and painting it once (target ≤ 200 ms);
- pressing a verdict key: the verdict saved through ``record_verdict()``, the line and
  the progress redrawn, the cursor on the next requirement (target ≤ 20 ms).

Each figure is printed beside its baseline measured in the same run (the ``checklist()``
service alone; ``record_verdict()`` alone) and the ratio of the two: what the window adds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_checklist import prepare  # the same synthetic catalogue and audit
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from basc_desktop.domain.vocabulary import Verdict
from basc_desktop.services.checklist import checklist, record_verdict
from basc_desktop.settings import load_settings
from basc_desktop.ui.areas.audit_checklist import ChecklistDialog
from basc_desktop.ui.changes import ChangeHub
from basc_desktop.ui.context import AppContext

REPEATS = 15
TARGETS_MS = {"opening the checklist window": 200.0, "pressing a verdict key": 20.0}


def median_ms(action: Callable[[int], object], repeats: int = REPEATS) -> float:
    times = []
    for n in range(repeats):
        started = time.perf_counter()
        action(n)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requirements", type=int, default=300)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as scratch:
        ws, audit_id = prepare(Path(scratch), None, args.requirements)
        context = AppContext(ws, load_settings(Path(scratch) / "data"), ChangeHub())
        try:
            ids = [line.finding_id for line in checklist(ws, audit_id)]

            def open_window(_n: int) -> None:
                dialog = ChecklistDialog(context, audit_id)
                dialog.show()
                dialog.grab()  # painted once, as the coordinator first sees it
                dialog.close()
                dialog.deleteLater()

            dialog = ChecklistDialog(context, audit_id)
            dialog.show()
            dialog.table.setFocus()

            def press(n: int) -> None:
                if dialog.table.currentIndex().row() >= len(ids) - 1:
                    dialog.select_row(0)
                QTest.keyClick(dialog.table, Qt.Key(Qt.Key.Key_1 + n % 5))
                dialog.table.viewport().repaint()

            verdicts = list(Verdict)
            figures = {
                "opening the checklist window": (
                    median_ms(open_window),
                    median_ms(lambda _n: checklist(ws, audit_id)),
                ),
                "pressing a verdict key": (
                    median_ms(press, 60),
                    median_ms(lambda n: record_verdict(ws, ids[n % len(ids)], verdicts[n % 5]), 60),
                ),
            }
            dialog.close()
        finally:
            ws.db.close()
    assert app is not None
    print(f"{len(ids)} requirements on SQLite, offscreen")
    print(f"{'what':30} {'time':>9} {'target':>8} {'service':>9}  ratio")
    for name, (time_ms, base_ms) in figures.items():
        verdict = "ok" if time_ms <= TARGETS_MS[name] else "SLOW"
        print(
            f"{name:30} {time_ms:7.1f}ms {TARGETS_MS[name]:6.0f}ms {base_ms:7.1f}ms "
            f"{time_ms / base_ms:6.1f}×  {verdict}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
