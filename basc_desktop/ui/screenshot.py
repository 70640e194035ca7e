"""PNG pictures of the main window, for people to look at (tests and ``basc screenshot``)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QApplication, QWidget

from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import Settings
from basc_desktop.ui.areas.admissions import AdmissionsArea
from basc_desktop.ui.areas.certificates import CertificatesArea
from basc_desktop.ui.areas.members import MembersArea
from basc_desktop.ui.changes import ChangeHub
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.main_window import DEFAULT_SIZE, MainWindow
from basc_desktop.ui.operations import wait_for_operations

DEFAULT_AREAS = ("dashboard", "members")


def save_screenshot(widget: QWidget, path: Path) -> Path:
    """Render ``widget`` as it looks now into the PNG file ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(path), "PNG"):
        raise OSError(f"cannot write the picture {path}")
    return path


def settle() -> None:
    """Let background work end and its results reach the screens, then lay out once."""
    wait_for_operations()
    QCoreApplication.sendPostedEvents()
    QCoreApplication.processEvents()


def screenshot_main_window(
    workspace: Workspace,
    settings: Settings,
    folder: Path,
    *,
    areas: Iterable[str] = DEFAULT_AREAS,
    size: QSize = DEFAULT_SIZE,
    prefix: str = "main-window",
) -> list[Path]:
    """Open the main window on ``workspace``, show each area, and save one PNG each.

    Needs a ``QApplication``.  In the members, admissions and certificates areas, the
    first row is selected so the detail panel shows too.  Returns the files written
    (``<prefix>-<area>.png``).
    """
    if QApplication.instance() is None:
        raise RuntimeError("screenshot_main_window needs a QApplication")
    window = MainWindow(AppContext(workspace, settings, ChangeHub()))
    window.resize(size)
    window.show()
    written: list[Path] = []
    try:
        for key in areas:
            area = window.show_area(key)
            settle()
            if (
                isinstance(area, MembersArea | CertificatesArea | AdmissionsArea)
                and area.model.rowCount()
            ):
                area.table.selectRow(0)  # so the detail panel shows too
                settle()
            written.append(save_screenshot(window, folder / f"{prefix}-{key}.png"))
    finally:
        window.close()
        window.deleteLater()
    return written
