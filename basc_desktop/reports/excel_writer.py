"""Excel workbooks of any length, streamed row by row (openpyxl write-only mode).

A sheet has title rows (the chapter, the filter used, the date), a bold header row that
is frozen and filtered, and typed cells: dates are dates shown day-first (15/06/2026),
numbers are numbers.  Text that a spreadsheet would take for a formula (beginning with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written as a plain text cell
with Excel's "quote prefix", so it is never evaluated, not even after the cell is edited.

Optionally each value of one column (the country) gets its own sheet, after a summary
sheet of counts by that value and another column (the status).  The workbook is
written beside its final name and moved into place only when complete, so a cancelled
or failed export leaves no half-written file.  No Qt, no SQL: rows come from an iterator.
"""

from __future__ import annotations

import os
import re
from bisect import bisect
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from basc_desktop.domain.errors import BascError
from basc_desktop.domain.text import translatable as _

__all__ = [
    "DATE_FORMAT",
    "Cancelled",
    "CellKind",
    "Column",
    "ExportCancelledError",
    "Progress",
    "SheetSpec",
    "Split",
    "safe_sheet_name",
    "write_sheets",
    "write_workbook",
]

CellKind = Literal["text", "date", "int", "number"]
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

DATE_FORMAT = "DD/MM/YYYY"
"""Day-first, as chapters write dates."""
RISKY_STARTS = frozenset("=+-@\t\r")
"""First characters that make a spreadsheet read a text as a formula."""
STEP = 500
"""Rows between two progress reports (and two looks at Cancel)."""
MAX_TEXT = 32_767
"""The longest text an Excel cell holds."""
_SHEET_NAME_JUNK = re.compile(r"[\[\]:*?/\\]")
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", start_color="DDE4EE")
_TITLE_FONT = Font(bold=True, size=14)
_NOTE_FONT = Font(italic=True, color="5F6B7A")


class ExportCancelledError(BascError):
    """The coordinator cancelled the export; no file was written."""

    def __init__(self) -> None:
        super().__init__(_("The export was cancelled; no file was written."))


@dataclass(frozen=True)
class Column:
    """One column: its header, what its cells hold, and its width (in characters)."""

    header: str
    kind: CellKind = "text"
    width: float = 14


@dataclass(frozen=True)
class SheetSpec:
    """What every data sheet of the workbook looks like."""

    name: str
    """The sheet's tab (when the rows are not split by country)."""
    titles: tuple[str, ...]
    """Lines above the header: the first in large bold type, the others as notes."""
    columns: tuple[Column, ...]

    @property
    def header_row(self) -> int:
        """The header's row number: after the titles and one blank row."""
        return len(self.titles) + 2 if self.titles else 1


@dataclass(frozen=True)
class Split:
    """One sheet per value of column ``by``, after a summary sheet of counts.

    The summary has a line per value of ``by`` (named as its sheet) and a column per
    value of ``counted`` (in ``counted_order`` first, others after), with totals.
    """

    by: int
    counted: int
    summary_name: str
    group_header: str
    total_label: str
    counted_order: tuple[str, ...] = ()
    sheet_name: Callable[[Any], str] = str
    empty_label: str = "—"


def safe_sheet_name(name: str, taken: Iterable[str] = ()) -> str:
    """``name`` as Excel allows a sheet tab (31 characters, no []:*?/\\), and unique."""
    clean = _SHEET_NAME_JUNK.sub("-", name).strip("' ") or "-"
    clean = clean[:31]
    used = {n.lower() for n in taken}
    candidate, number = clean, 2
    while candidate.lower() in used:
        suffix = f" ({number})"
        candidate = clean[: 31 - len(suffix)] + suffix
        number += 1
    return candidate


def _plain_text(sheet: WriteOnlyWorksheet, value: str) -> WriteOnlyCell:
    """A cell that is text whatever it begins with, and stays text once edited."""
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value)[:MAX_TEXT])
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def _clean_text(value: str) -> str:
    clean: str = ILLEGAL_CHARACTERS_RE.sub("", value)
    return clean[:MAX_TEXT]


class _Sheet:
    """One streamed sheet: its titles and header written, then its rows."""

    def __init__(self, book: Workbook, spec: SheetSpec, name: str, index: int | None) -> None:
        self.sheet: WriteOnlyWorksheet = book.create_sheet(name, index)
        self.spec = spec
        self.rows = 0
        for number, column in enumerate(spec.columns, 1):
            self.sheet.column_dimensions[get_column_letter(number)].width = column.width
        self.sheet.freeze_panes = f"A{spec.header_row + 1}"
        self.text_columns = [n for n, c in enumerate(spec.columns) if c.kind == "text"]
        self.date_columns = [n for n, c in enumerate(spec.columns) if c.kind == "date"]
        # One styled cell per date column, filled again for each row: openpyxl writes a
        # row as soon as it is appended, so the cell is free again for the next one.
        self.date_cells = {n: self._date_cell() for n in self.date_columns}
        for number, line in enumerate(spec.titles):
            cell = WriteOnlyCell(self.sheet, value=_clean_text(line))
            cell.font = _TITLE_FONT if number == 0 else _NOTE_FONT
            self.sheet.append([cell])
        if spec.titles:
            self.sheet.append([])
        header = []
        for column in spec.columns:
            cell = WriteOnlyCell(self.sheet, value=_clean_text(column.header))
            cell.data_type = "s"
            cell.font = _HEADER_FONT
            cell.fill = _HEADER_FILL
            header.append(cell)
        self.sheet.append(header)

    def _date_cell(self) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.sheet)
        cell.number_format = DATE_FORMAT
        return cell

    def append(self, values: Sequence[object]) -> None:
        """Write one row: text made safe, dates as day-first dates, the rest as given."""
        cells: list[Any] = list(values)
        texts = []
        for n in self.text_columns:
            text = cells[n]
            if not text:
                cells[n] = None  # an empty cell, not an empty text
            elif type(text) is str:
                if text[0] in RISKY_STARTS or text in ERROR_CODES:
                    cells[n] = _plain_text(self.sheet, text)
                else:
                    texts.append(text)
        if ILLEGAL_CHARACTERS_RE.search("".join(texts)):
            for n in self.text_columns:
                if type(cells[n]) is str:
                    cells[n] = _clean_text(cells[n])
        for n, cell in self.date_cells.items():
            value = cells[n]
            if isinstance(value, date):
                cell.value = value
                cells[n] = cell
        self.sheet.append(cells)
        self.rows += 1

    def close(self) -> None:
        """Set the filter over the header and every data row (the sheet is then complete)."""
        first = self.spec.header_row
        last_column = get_column_letter(max(len(self.spec.columns), 1))
        self.sheet.auto_filter.ref = f"A{first}:{last_column}{first + self.rows}"


class _Book:
    """The sheets of one workbook: one for every row, or one per value and a summary."""

    def __init__(self, spec: SheetSpec, split: Split | None) -> None:
        self.book = Workbook(write_only=True)
        self.spec = spec
        self.split = split
        self.sheets: dict[object, _Sheet] = {}
        self.names: list[str] = []
        self.counts: Counter[tuple[object, object]] = Counter()
        self.single = _Sheet(self.book, spec, spec.name, None) if split is None else None

    def append(self, values: Sequence[object]) -> None:
        if self.single is not None:
            self.single.append(values)
            return
        assert self.split is not None
        key = values[self.split.by]
        sheet = self.sheets.get(key)
        if sheet is None:
            sheet = self._add_sheet(key)
        sheet.append(values)
        self.counts[key, values[self.split.counted] or None] += 1

    def _add_sheet(self, key: object) -> _Sheet:
        """A new sheet for ``key``, in alphabetical order (the summary goes first at the end)."""
        assert self.split is not None
        shown = self.split.empty_label if key in (None, "") else self.split.sheet_name(key)
        name = safe_sheet_name(shown, [*self.names, self.split.summary_name])
        index = bisect(self.names, name)
        self.names.insert(index, name)
        sheet = _Sheet(self.book, self.spec, name, index)
        self.sheets[key] = sheet
        return sheet

    def finish(self) -> None:
        for sheet in (self.single, *self.sheets.values()):
            if sheet is not None:
                sheet.close()
        if self.split is not None:
            self._write_summary(self.split)

    def _write_summary(self, split: Split) -> None:
        label: dict[object, str] = {}
        for key, sheet in self.sheets.items():
            label[key] = sheet.sheet.title
        seen = {value for _key, value in self.counts}
        values: list[object] = [v for v in split.counted_order if v in seen]
        values += sorted((v for v in seen if v not in values), key=lambda v: str(v or ""))
        columns = (
            Column(split.group_header, "text", 28),
            *(Column(str(v or split.empty_label), "int", 13) for v in values),
            Column(split.total_label, "int", 11),
        )
        spec = SheetSpec(split.summary_name, self.spec.titles, columns)
        sheet = _Sheet(self.book, spec, split.summary_name, 0)
        keys = sorted(self.sheets, key=lambda k: label[k].lower())
        for key in keys:
            counts = [self.counts[key, v] for v in values]
            sheet.append([label[key], *counts, sum(counts)])
        totals = [sum(self.counts[k, v] for k in keys) for v in values]
        bold_total = WriteOnlyCell(sheet.sheet, value=split.total_label)
        bold_total.font = _HEADER_FONT
        sheet.append([bold_total, *totals, sum(totals)])
        sheet.close()

    def discard(self) -> None:
        """Close and remove the temporary files openpyxl streams the sheets into."""
        for sheet in self.book.worksheets:
            rows = getattr(sheet, "_rows", None)
            if rows is not None:
                with suppress(Exception):  # ends the sheet's row stream
                    rows.close()
            writer = getattr(sheet, "_writer", None)
            if writer is None:
                continue
            with suppress(Exception):  # best effort: it is only a temporary file
                writer.xf.close()
            with suppress(OSError):
                os.remove(writer.out)


def write_workbook(
    path: Path,
    spec: SheetSpec,
    rows: Iterable[Sequence[object]],
    *,
    split: Split | None = None,
    total: int = 0,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Write ``rows`` (one value per column of ``spec``) to the workbook ``path``.

    ``split`` given: a summary sheet, then one sheet per value of its column.
    ``progress(done, total)`` is called every few hundred rows; when ``cancelled()``
    says so, :class:`ExportCancelledError` is raised and no file is left behind.
    Returns the number of rows written.
    """
    partial = path.with_name(path.name + ".part")
    book = _Book(spec, split)
    written = 0
    try:
        for values in rows:
            book.append(values)
            written += 1
            if written % STEP == 0:
                if cancelled is not None and cancelled():
                    raise ExportCancelledError
                if progress is not None:
                    progress(written, max(total, written))
        if cancelled is not None and cancelled():
            raise ExportCancelledError
        book.finish()
        book.book.save(partial)
        if progress is not None:
            progress(written, max(total, written))
        os.replace(partial, path)
    except BaseException:
        book.discard()
        partial.unlink(missing_ok=True)
        raise
    return written


def write_sheets(
    path: Path, sheets: Sequence[tuple[SheetSpec, Iterable[Sequence[object]]]]
) -> Path:
    """Write a small workbook of several sheets, each ``(spec, rows)``, in that order.

    The sheets look like :func:`write_workbook`'s; the file is moved into place only
    when complete.  Returns ``path``.
    """
    partial = path.with_name(path.name + ".part")
    book = Workbook(write_only=True)
    try:
        for spec, rows in sheets:
            sheet = _Sheet(book, spec, safe_sheet_name(spec.name), None)
            for values in rows:
                sheet.append(values)
            sheet.close()
        book.save(partial)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path
