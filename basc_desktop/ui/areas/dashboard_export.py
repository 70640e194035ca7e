"""The dashboard's figures as a PDF report or an Excel workbook, written off the GUI
thread after the coordinator chose where to save."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from basc_desktop.services.dashboard import write_dashboard_pdf, write_dashboard_xlsx
from basc_desktop.services.dashboard_forms import DashboardFigures
from basc_desktop.services.workspace import Workspace
from basc_desktop.ui import prompts
from basc_desktop.ui.operations import Operation

CONTEXT = "DashboardExport"
Format = Literal["pdf", "xlsx"]
WRITERS: dict[str, Callable[..., Path]] = {
    "pdf": write_dashboard_pdf,
    "xlsx": write_dashboard_xlsx,
}


def _title(kind: Format) -> str:
    if kind == "pdf":
        return QCoreApplication.translate(CONTEXT, "Save the dashboard as a PDF report")
    return QCoreApplication.translate(CONTEXT, "Save the dashboard as an Excel workbook")


def _filters(kind: Format) -> str:
    if kind == "pdf":
        return QCoreApplication.translate(CONTEXT, "PDF documents (*.pdf)")
    return QCoreApplication.translate(CONTEXT, "Excel workbooks (*.xlsx)")


def suggested_path(figures: DashboardFigures, kind: Format) -> Path:
    """``dashboard-<date>.pdf`` in the home folder (the date the figures are for)."""
    return Path.home() / f"dashboard-{figures.on.isoformat()}.{kind}"


def export_dashboard(
    parent: QWidget | None,
    workspace: Workspace,
    figures: DashboardFigures,
    kind: Format,
    chapter: str | None = None,
    done: Callable[[Path], object] | None = None,
) -> Operation | None:
    """Ask where to save ``figures``, then write them in the background.

    ``chapter`` is the coordinator's chapter (its name heads the report, in its
    language).  None if the coordinator cancelled the save dialog; ``done(path)`` once
    written.
    """
    chosen = prompts.choose_save_file(
        parent, _title(kind), str(suggested_path(figures, kind)), _filters(kind)
    )
    if chosen is None:
        return None
    path = Path(chosen)
    if path.suffix.lower() != f".{kind}":
        path = path.with_name(f"{path.name}.{kind}")
    writer = WRITERS[kind]
    operation = Operation(
        lambda _reporter: writer(workspace, figures, path, chapter=chapter),
        parent=parent,
        title=_title(kind),
        label=QCoreApplication.translate(CONTEXT, "Writing {file}…").format(file=path.name),
        cancellable=False,
    )
    if done is not None:
        operation.on_success(done)
    return operation.start()
