"""Exporting a list to an Excel workbook, off the GUI thread, with progress and Cancel.

The Members, Audits, Corrective actions and Certificates areas call
:func:`export_to_excel` with the list's query as it is filtered on screen: it asks
where to save (and, when the list can span several countries, whether to put each
country on a sheet of its own), writes the workbook in an :class:`Operation` and says
how many rows were written.  The workbook speaks the coordinator's chapter's language;
a cancelled or failed export leaves no file behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from basc_desktop.services import exports
from basc_desktop.ui import prompts
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.operations import Operation, Reporter
from basc_desktop.ui.text import format_count

CONTEXT = "ExcelExport"
ExportKind = Literal["members", "certificates", "audits", "actions"]


def title_of(kind: str) -> str:
    """The title of the export's dialogs, in the window's language."""
    return {
        "members": QCoreApplication.translate(CONTEXT, "Export members"),
        "certificates": QCoreApplication.translate(CONTEXT, "Export the certificates register"),
        "audits": QCoreApplication.translate(CONTEXT, "Export the audit plan"),
        "actions": QCoreApplication.translate(CONTEXT, "Export corrective actions"),
    }[kind]


def done_text(kind: str, count: int, path: Path) -> str:
    """What the coordinator is told once the workbook is written."""
    text = {
        "members": QCoreApplication.translate(CONTEXT, "{count} members were written to {path}."),
        "certificates": QCoreApplication.translate(
            CONTEXT, "{count} certificates were written to {path}."
        ),
        "audits": QCoreApplication.translate(CONTEXT, "{count} audits were written to {path}."),
        "actions": QCoreApplication.translate(
            CONTEXT, "{count} corrective actions were written to {path}."
        ),
    }[kind]
    return text.format(count=format_count(count), path=path)


FILE_NAMES = {
    "members": "members",
    "certificates": "certificates",
    "audits": "audit-plan",
    "actions": "corrective-actions",
}
WRITERS: dict[str, Any] = {
    "members": exports.export_members,
    "certificates": exports.export_certificates,
    "audits": exports.export_audits,
    "actions": exports.export_actions,
}


def suggested_path(context: AppContext, kind: ExportKind, suffix: str = ".xlsx") -> Path:
    """Where the save dialog starts: ``<list>-<today>.xlsx`` in the home folder."""
    return Path.home() / f"{FILE_NAMES[kind]}-{context.workspace.today().isoformat()}{suffix}"


def possible_countries(context: AppContext, query: Any) -> set[str]:
    """The countries the query's rows can belong to (by its country and chapter filters)."""
    chapters = context.workspace.chapters
    countries: set[str] = set(getattr(query, "countries", ()) or ())
    if countries:
        return countries
    codes: tuple[str, ...] = (
        getattr(query, "chapters", None) or getattr(query, "chapter_codes", None) or ()
    )
    chosen = [chapters.get(code) for code in codes if code in chapters] or list(chapters)
    return {chapter.country_code for chapter in chosen}


def ask_per_country(parent: QWidget | None, context: AppContext, kind: str, query: Any) -> bool:
    """Whether to put each country on its own sheet (asked only when there are several)."""
    if len(possible_countries(context, query)) < 2:
        return False
    return prompts.ask(
        parent,
        title_of(kind),
        QCoreApplication.translate(
            CONTEXT,
            "Put each country on a sheet of its own, after a summary sheet of counts by "
            "country and status?",
        ),
    )


def write_excel(
    context: AppContext,
    kind: ExportKind,
    query: Any,
    path: Path,
    reporter: Reporter,
    *,
    per_country: bool = False,
) -> int:
    """Write the list ``kind`` as ``query`` filters it to ``path``; the number of rows."""
    chapter = context.settings.preferences.chapter or None
    written: int = WRITERS[kind](
        context.workspace,
        query,
        path,
        per_country=per_country,
        chapter=chapter,
        progress=reporter.progress,
        cancelled=reporter.cancelled,
    )
    return written


def start_excel_export(
    parent: QWidget | None,
    context: AppContext,
    kind: ExportKind,
    query: Any,
    path: Path,
    *,
    per_country: bool = False,
) -> Operation:
    """Write the workbook in the background; tell the count when it is done."""
    title = title_of(kind)

    def done(count: int) -> None:
        prompts.inform(parent, title, done_text(kind, count, path))

    operation = Operation(
        lambda reporter: write_excel(context, kind, query, path, reporter, per_country=per_country),
        parent=parent,
        title=title,
        label=QCoreApplication.translate(CONTEXT, "Writing {file}…").format(file=path.name),
    )
    return operation.on_success(done).start()


def export_to_excel(
    parent: QWidget | None,
    context: AppContext,
    kind: ExportKind,
    query: Any,
    *,
    ids: Sequence[int] = (),
) -> Operation | None:
    """Ask where to save, then export the list ``kind`` (only ``ids`` if given).

    None if the coordinator cancelled the save dialog.
    """
    if ids and hasattr(query, "ids"):
        query = replace(query, ids=tuple(ids))
        if hasattr(query, "archived"):
            query = replace(query, archived=None)
    query = replace(query, offset=0, limit=None)
    chosen = prompts.choose_save_file(
        parent,
        title_of(kind),
        str(suggested_path(context, kind)),
        QCoreApplication.translate(CONTEXT, "Excel workbooks (*.xlsx)"),
    )
    if chosen is None:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    per_country = not ids and ask_per_country(parent, context, kind, query)
    return start_excel_export(parent, context, kind, query, path, per_country=per_country)
