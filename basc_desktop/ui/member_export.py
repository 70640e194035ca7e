"""Export members to a CSV file, off the GUI thread, with progress and Cancel.

The file is written beside its final name and moved into place only when complete, so
a cancelled or failed export leaves no half-written file.
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
    """Ask where to save, then export ``query`` (only ``ids`` if given); None if cancelled."""
    if ids:
        query = replace(query, ids=tuple(ids), archived=None)
    query = replace(query, offset=0, limit=None)
    suggested = Path.home() / f"members-{context.workspace.today().isoformat()}.csv"
    chosen = prompts.choose_save_file(
        parent,
        QCoreApplication.translate(CONTEXT, "Export members"),
        str(suggested),
        QCoreApplication.translate(CONTEXT, "CSV files (*.csv)"),
    )
    if chosen is None:
        return None
    path = Path(chosen)
    if not path.suffix:
        path = path.with_suffix(".csv")

    def done(count: int) -> None:
        prompts.inform(
            parent,
            QCoreApplication.translate(CONTEXT, "Export members"),
            QCoreApplication.translate(CONTEXT, "{count} members were written to {path}.").format(
                count=format_count(count), path=path
            ),
        )

    operation = Operation(
        lambda reporter: write_export(context, query, path, reporter),
        parent=parent,
        title=QCoreApplication.translate(CONTEXT, "Export members"),
        label=QCoreApplication.translate(CONTEXT, "Writing the members to {file}…").format(
            file=path.name
        ),
    )
    return operation.on_success(done).start()
