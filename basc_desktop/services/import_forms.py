"""What the member import hands back: the preview of a file and the report of a check."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from basc_desktop.domain.text import Message

MAX_PROBLEMS = 10_000
"""The most problems a report lists; a file wrong on every row still gets counted."""

ColumnMapping = Mapping[int, str]
"""Column index (0-based, as in the file) → the member field it is read into."""


@dataclass(frozen=True)
class PreviewRow:
    number: int
    """The row's number in the spreadsheet."""
    cells: tuple[str, ...]
    """Each cell as text, one per header column."""


@dataclass(frozen=True)
class ImportPreview:
    """A spreadsheet as found: where its header is, a guessed mapping and its first rows."""

    path: Path
    sheet_name: str
    header_row: int
    headers: tuple[str, ...]
    mapping: dict[int, str]
    """The guessed mapping: only the columns whose header names a member field."""
    rows: tuple[PreviewRow, ...]
    """The first data rows (at most 20)."""


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong (or worth knowing) about one cell of the file."""

    row: int
    """The row's number in the spreadsheet."""
    column: str
    """The column's letter ("C"); empty when no column holds the field."""
    header: str
    """The column's header in the file, or the field's name when no column holds it."""
    field: str
    message: Message
    blocking: bool = True
    """An error stops the whole import; a note (an existing member skipped) does not."""

    def __str__(self) -> str:
        if not self.column:
            where = self.header
        else:
            where = f"{self.column} ({self.header})" if self.header else self.column
        return f"row {self.row}, {where}: {self.message}"


@dataclass(frozen=True)
class ImportReport:
    """What checking (or importing) a file found, row by row, and what it would write."""

    path: Path
    sheet_name: str
    rows: int
    """Data rows read (blank rows are not counted)."""
    to_add: int
    to_update: int
    to_skip: int
    problems: tuple[ImportProblem, ...] = ()
    """The problems in file order (at most :data:`MAX_PROBLEMS`; the counts say all)."""
    error_count: int = 0
    note_count: int = 0
    written: bool = False
    """True once the rows were written (all of them, in one transaction)."""
    update_existing: bool = False

    @property
    def errors(self) -> tuple[ImportProblem, ...]:
        return tuple(p for p in self.problems if p.blocking)

    @property
    def notes(self) -> tuple[ImportProblem, ...]:
        return tuple(p for p in self.problems if not p.blocking)

    @property
    def problems_left_off(self) -> int:
        """Problems found beyond the most a report keeps."""
        return self.error_count + self.note_count - len(self.problems)

    @property
    def ok(self) -> bool:
        """Nothing stops the import."""
        return self.error_count == 0
