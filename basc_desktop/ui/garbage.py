"""Python's garbage is collected on the GUI thread only.

The cyclic garbage collector runs in whichever thread happens to allocate when a
threshold is crossed.  When that is a worker (reading a workbook, drawing a PDF) and
the garbage holds a closed dialog or window, the widget is destroyed off the GUI
thread, and Qt crashes the program.  So automatic collection is switched off, and a
timer on the GUI thread collects when Python's own counts say a collection is due.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_EVERY_MS = 500


class GuiThreadCollector(QObject):
    """Collects garbage from the GUI thread's event loop; made once by :func:`install`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.collect_if_due)
        self.timer.start()

    def collect_if_due(self) -> int:
        """Collect the generations whose counts passed their thresholds; objects freed."""
        counts = gc.get_count()
        if counts[0] <= self.thresholds[0]:
            return 0
        generation = 0
        if counts[1] > self.thresholds[1]:
            generation = 2 if counts[2] > self.thresholds[2] else 1
        return gc.collect(generation)


def install(app: QObject) -> GuiThreadCollector:
    """Collect on ``app``'s (the GUI) thread from now on; idempotent."""
    existing = app.findChild(GuiThreadCollector)
    if isinstance(existing, GuiThreadCollector):
        return existing
    return GuiThreadCollector(app)
