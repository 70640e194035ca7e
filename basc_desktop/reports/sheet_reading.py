"""Reading a member list as chapters keep it: .xlsx or .csv, title rows, blank rows, merges.

:func:`open_sheet` finds the table in the file: the sheet and the row whose cells name
the most member fields (:func:`~basc_desktop.domain.import_headers.header_score`) is
the header; the rows below it are the data, read once, as a stream (a workbook is
opened read-only, values only), blank rows left out.  A cell merged over several rows
below the header (a chapter written once for a group of companies) counts for each of
its rows; read-only openpyxl shows only the top-left cell, so the merges are read from
the sheet's XML first.

What stops the reading is a :class:`SpreadsheetError` that names the file and says
what to do: a damaged file, one protected by a password (Excel then writes an OLE
compound file, not a zip), a file that is no spreadsheet at all, an empty sheet, or no
row that looks like a header.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any
from xml.etree.ElementTree import ParseError

import openpyxl
from openpyxl.utils.cell import range_boundaries

from basc_desktop.domain.errors import BascError
from basc_desktop.domain.import_headers import header_score
from basc_desktop.domain.text import translatable as _
from basc_desktop.reports.sheet_cells import Cell, cell_text, column_letter, parse_date

__all__ = [
    "EmptySheetError",
    "NoHeaderError",
    "NotASpreadsheetError",
    "PasswordProtectedError",
    "SheetRow",
    "SheetTable",
    "SpreadsheetError",
    "UnreadableFileError",
    "cell_text",
    "column_letter",
    "open_sheet",
    "parse_date",
]

HEADER_SEARCH_ROWS = 30
"""The header is looked for among this many rows at the top of each sheet."""
MIN_HEADER_SCORE = 2
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
_ENCRYPTED_OOXML = "EncryptionInfo".encode("utf-16-le")
_OLD_EXCEL = "Workbook".encode("utf-16-le")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref=\"([A-Z]+[0-9]+:[A-Z]+[0-9]+)\"")
_READ_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    ParseError,
    KeyError,
    ValueError,
    TypeError,
    EOFError,
    OSError,
)


class SpreadsheetError(BascError):
    """The file cannot be read as a member list; the message names it and says why."""


class UnreadableFileError(SpreadsheetError):
    pass


class PasswordProtectedError(SpreadsheetError):
    pass


class NotASpreadsheetError(SpreadsheetError):
    pass


class EmptySheetError(SpreadsheetError):
    pass


class NoHeaderError(SpreadsheetError):
    pass


def _damaged(path: Path) -> UnreadableFileError:
    return UnreadableFileError(
        _("The file {file} is damaged and cannot be read: open it in Excel and save it again."),
        file=path.name,
    )


@dataclass(frozen=True)
class SheetRow:
    number: int
    """The row's number as the spreadsheet shows it (1 is the first row)."""
    cells: tuple[Cell, ...]


# --- the table -------------------------------------------------------------------------


def _blank(cells: tuple[Cell, ...]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


class SheetTable:
    """The member table found in a file: its header and a stream of its data rows."""

    def __init__(
        self,
        path: Path,
        sheet_name: str,
        header_row: int,
        headers: tuple[str, ...],
        rows: Iterator[SheetRow],
        closer: Any = None,
        last_row: int | None = None,
    ) -> None:
        self.path = path
        self.last_row = last_row
        """The last row's number, if the file says it (for progress); None if unknown."""
        self.sheet_name = sheet_name
        self.header_row = header_row
        self.headers = headers
        self._rows = rows
        self._closer = closer

    def rows(self) -> Iterator[SheetRow]:
        """The data rows below the header, as wide as the header, blank rows left out."""
        width = len(self.headers)
        try:
            for row in self._rows:
                cells = row.cells
                if len(cells) != width:
                    cells = tuple(cells[:width]) + (None,) * (width - len(cells))
                elif not isinstance(cells, tuple):
                    cells = tuple(cells)
                if not _blank(cells):
                    yield row if cells is row.cells else SheetRow(row.number, cells)
        except _READ_ERRORS as exc:
            raise _damaged(self.path) from exc

    def close(self) -> None:
        if self._closer is not None:
            self._closer.close()
            self._closer = None

    def __enter__(self) -> SheetTable:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def _find_header(
    numbered: Iterator[SheetRow],
) -> tuple[SheetRow | None, list[SheetRow], bool]:
    """The header among the first rows, the rows read after it, and whether any was filled."""
    seen: list[SheetRow] = []
    for row in numbered:
        if not _blank(row.cells):
            seen.append(row)
        if len(seen) >= HEADER_SEARCH_ROWS:
            break
    best: SheetRow | None = None
    best_score = MIN_HEADER_SCORE - 1
    for row in seen:
        score = header_score(row.cells)
        if score > best_score:
            best, best_score = row, score
    if best is None:
        return None, [], bool(seen)
    return best, [row for row in seen if row.number > best.number], True


def _headers(row: SheetRow) -> tuple[str, ...]:
    texts = [cell_text(c).strip() for c in row.cells]
    while texts and not texts[-1]:
        texts.pop()
    return tuple(texts)


def _chain(first: list[SheetRow], rest: Iterator[SheetRow]) -> Iterator[SheetRow]:
    yield from first
    yield from rest


def _table(
    path: Path,
    sheets: Iterator[tuple[str, int | None, Iterator[SheetRow]]],
    closer: Any = None,
) -> SheetTable:
    anything = False
    for name, last_row, numbered in sheets:
        header, after, filled = _find_header(numbered)
        anything = anything or filled
        if header is not None:
            rows = _chain(after, numbered)
            return SheetTable(path, name, header.number, _headers(header), rows, closer, last_row)
    if closer is not None:
        closer.close()
    if not anything:
        raise EmptySheetError(_("The file {file} has no rows to import."), file=path.name)
    raise NoHeaderError(
        _(
            "No header row was found in {file}: the first rows should name the columns,"
            " such as Razón social, NIT, País, Capítulo, Tipo de empresa."
        ),
        file=path.name,
    )


# --- .xlsx -------------------------------------------------------------------------------


def _merged_ranges(path: Path, member: str) -> list[tuple[int, int, int, int]]:
    """The merged ranges of one sheet (min_col, min_row, max_col, max_row), 1-based."""
    found = b""
    carry = b""
    with zipfile.ZipFile(path) as archive, archive.open(member.lstrip("/")) as stream:
        while chunk := stream.read(1 << 20):
            if found:
                found += chunk
                continue
            block = carry + chunk
            at = block.find(b"mergeCells")
            if at >= 0:
                found = block[max(0, at - 16) :]
            carry = block[-32:]
    return [range_boundaries(ref.decode()) for ref in _MERGE.findall(found)]


def _filled(
    rows: Iterator[tuple[Cell, ...]], merges: list[tuple[int, int, int, int]]
) -> Iterator[SheetRow]:
    """Number the rows; a merge spanning rows gives its top-left value to the cells below."""
    starts: dict[int, list[tuple[int, int]]] = {}
    for min_col, min_row, _max_col, max_row in merges:
        if max_row > min_row:
            starts.setdefault(min_row, []).append((min_col - 1, max_row))
    if not starts:
        for number, values in enumerate(rows, start=1):
            yield SheetRow(number, values)
        return
    active: list[tuple[int, int, Cell]] = []
    for number, values in enumerate(rows, start=1):
        cells = tuple(values)
        if active or number in starts:
            active = [a for a in active if a[1] >= number]
            if active:
                filled = list(cells)
                for column, _until, value in active:
                    if column < len(filled) and filled[column] is None:
                        filled[column] = value
                cells = tuple(filled)
            for column, until in starts.get(number, ()):
                if column < len(cells):
                    active.append((column, until, cells[column]))
        yield SheetRow(number, cells)


def _open_xlsx(path: Path) -> SheetTable:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile as exc:
        raise _damaged(path) from exc
    if "xl/workbook.xml" not in names:
        raise _not_a_spreadsheet(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except _READ_ERRORS as exc:
        raise _damaged(path) from exc
    try:
        order = [book.active, *(ws for ws in book.worksheets if ws is not book.active)]
        sheets = (
            (
                ws.title,
                ws.max_row,
                _filled(
                    ws.iter_rows(values_only=True),
                    _merged_ranges(path, ws._worksheet_path),
                ),
            )
            for ws in order
            if ws is not None and hasattr(ws, "_worksheet_path")
        )
        return _table(path, sheets, book)
    except _READ_ERRORS as exc:
        book.close()
        raise _damaged(path) from exc


# --- .csv --------------------------------------------------------------------------------


def _decode(path: Path, data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _not_a_spreadsheet(path)


def _csv_rows(text: str, delimiter: str) -> Iterator[SheetRow]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for number, record in enumerate(reader, start=1):
        yield SheetRow(number, tuple(cell if cell.strip() else None for cell in record))


def _delimiter(text: str) -> str:
    """The delimiter whose first rows hold the best header (ties: the most columns)."""
    sample = "\n".join(text.splitlines()[: HEADER_SEARCH_ROWS * 2])
    best, best_rank = ",", (-1, -1)
    for delimiter in (",", ";", "\t"):
        rows = list(_csv_rows(sample, delimiter))
        score = max((header_score(r.cells) for r in rows), default=0)
        width = max((len(r.cells) for r in rows), default=0)
        if (score, width) > best_rank:
            best, best_rank = delimiter, (score, width)
    return best


def _open_csv(path: Path, data: bytes) -> SheetTable:
    text = _decode(path, data)
    try:
        rows = _csv_rows(text, _delimiter(text))
        return _table(path, iter([(path.stem, text.count("\n") + 1, rows)]))
    except csv.Error as exc:
        raise _damaged(path) from exc


# --- any file ----------------------------------------------------------------------------


def _not_a_spreadsheet(path: Path) -> NotASpreadsheetError:
    return NotASpreadsheetError(
        _("The file {file} is not a spreadsheet: choose an Excel workbook (.xlsx) or a CSV file."),
        file=path.name,
    )


def _ole_error(path: Path, data: bytes) -> SpreadsheetError:
    if _OLD_EXCEL in data and _ENCRYPTED_OOXML not in data:
        return NotASpreadsheetError(
            _("The file {file} is an old Excel 97-2003 workbook: save it as .xlsx and try again."),
            file=path.name,
        )
    return PasswordProtectedError(
        _("The file {file} is protected by a password: save it without a password and try again."),
        file=path.name,
    )


def open_sheet(path: Path) -> SheetTable:
    """The member table of an .xlsx or .csv file; close it (or use ``with``) when done.

    Raises a :class:`SpreadsheetError` subclass naming the file when it cannot be read.
    """
    try:
        with path.open("rb") as stream:
            head = stream.read(len(ZIP_SIGNATURE))
        if head == ZIP_SIGNATURE:
            return _open_xlsx(path)
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(
            _("The file {file} cannot be opened: {reason}"),
            file=path.name,
            reason=exc.strerror or str(exc),
        ) from exc
    if not data.strip():
        raise EmptySheetError(_("The file {file} is empty."), file=path.name)
    if data.startswith(OLE_SIGNATURE):
        raise _ole_error(path, data)
    if b"\x00" in data[:4096]:
        raise _not_a_spreadsheet(path)
    return _open_csv(path, data)
