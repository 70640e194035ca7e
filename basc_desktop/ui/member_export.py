"""Export members to an Excel workbook or a CSV file, off the GUI thread, with progress
and Cancel.

The save dialog offers both; Excel (.xlsx, see :mod:`~basc_desktop.ui.excel_export`) is
the default, a name ending in ``.csv`` gives the plain CSV list.  The file is written
beside its final name and moved into place only when complete, so a cancelled or failed
export leaves no half-written file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from basc_desktop.reports.member_list import write_members_csv
from basc_desktop.services.member_forms import MemberQuery, MemberRow
from basc_desktop.services.members import count_members, iter_members
from basc_desktop.ui import prompts
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.excel_export import ask_per_country, start_excel_export, suggested_path
from basc_desktop.ui.operations import Operation, Reporter
from basc_desktop.ui.text import format_count

CONTEXT = "MemberExport"


def _counted(
    batches: Iterable[list[MemberRow]], reporter: Reporter, total: int
) -> Iterator[MemberRow]:
    """The rows of ``batches``, reporting progress as they go and stopping at Cancel."""
    done = 0
    for batch in batches:
        reporter.check()
        yield from batch
        done += len(batch)
        reporter.progress(done, total)


def write_export(context: AppContext, query: MemberQuery, path: Path, reporter: Reporter) -> int:
    """Write the members of ``query`` (every page) to ``path``; the number written."""
    ws = context.workspace
    total = count_members(ws, query)
    partial = path.with_name(path.name + ".part")
    try:
        # closing(): a cancelled export must end its read transaction now, not when the
        # generator is collected (on PostgreSQL an open one blocks schema changes).
        with (
            closing(iter_members(ws, query)) as batches,
            partial.open("w", encoding="utf-8-sig", newline="") as stream,
        ):
            written = write_members_csv(_counted(batches, reporter, total), stream)
        reporter.check()
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return written


def export_members(
    parent: QWidget,
    context: AppContext,
    query: MemberQuery,
    *,
    ids: Sequence[int] = (),
) -> Operation | None:
    """Ask where to save, then export ``query`` (only ``ids`` if given); None if cancelled.

    An Excel workbook unless the coordinator chose a ``.csv`` file.
    """
    if ids:
        query = replace(query, ids=tuple(ids), archived=None)
    query = replace(query, offset=0, limit=None)
    title = QCoreApplication.translate(CONTEXT, "Export members")
    chosen = prompts.choose_save_file(
        parent,
        title,
        str(suggested_path(context, "members")),
        QCoreApplication.translate(CONTEXT, "Excel workbooks (*.xlsx);;CSV files (*.csv)"),
    )
    if chosen is None:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".csv":
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        per_country = not ids and ask_per_country(parent, context, "members", query)
        return start_excel_export(parent, context, "members", query, path, per_country=per_country)

    def done(count: int) -> None:
        prompts.inform(
            parent,
            title,
            QCoreApplication.translate(CONTEXT, "{count} members were written to {path}.").format(
                count=format_count(count), path=path
            ),
        )

    operation = Operation(
        lambda reporter: write_export(context, query, path, reporter),
        parent=parent,
        title=title,
        label=QCoreApplication.translate(CONTEXT, "Writing the members to {file}…").format(
            file=path.name
        ),
    )
    return operation.on_success(done).start()
