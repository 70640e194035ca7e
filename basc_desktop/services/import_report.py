"""The validation report of an import, saved as an Excel workbook the coordinator can share."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from basc_desktop.domain.text import Message
from basc_desktop.domain.text import translatable as _
from basc_desktop.reports.excel_writer import Column, SheetSpec, write_workbook
from basc_desktop.services.import_forms import ImportReport

Translate = Callable[[Message], str]


def _words(text: Translate, template: str, **params: object) -> str:
    return text(Message(template, dict(params)))


def report_summary(report: ImportReport, text: Translate = str) -> str:
    """One line: how many rows, to add, to update, to skip, and how many errors."""
    return _words(
        text,
        _("{rows} rows: {added} to add, {updated} to update, {skipped} to skip; {errors} errors."),
        rows=report.rows,
        added=report.to_add,
        updated=report.to_update,
        skipped=report.to_skip,
        errors=report.error_count,
    )


def save_report_xlsx(report: ImportReport, path: Path, text: Translate = str) -> int:
    """Write the report's problems to the workbook ``path``, one per line; how many.

    ``text`` turns each message into words (the window passes its translator; the
    default writes English).
    """
    spec = SheetSpec(
        name=_words(text, _("Import report"))[:31],
        titles=(
            _words(text, _("Import of {file}"), file=report.path.name),
            report_summary(report, text),
        ),
        columns=(
            Column(_words(text, _("Row")), "int", 8),
            Column(_words(text, _("Column")), "text", 9),
            Column(_words(text, _("Header")), "text", 24),
            Column(_words(text, _("Kind")), "text", 10),
            Column(_words(text, _("Problem")), "text", 90),
        ),
    )
    error, note = _words(text, _("Error")), _words(text, _("Note"))

    def lines() -> Iterator[tuple[object, ...]]:
        for problem in report.problems:
            yield (
                problem.row,
                problem.column,
                problem.header,
                error if problem.blocking else note,
                text(problem.message),
            )

    return write_workbook(path, spec, lines(), total=len(report.problems))
