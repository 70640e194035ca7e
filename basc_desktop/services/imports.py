"""Importing a chapter's member list from an Excel workbook or a CSV file: all or nothing.

Three steps, as the coordinator takes them:

1. :func:`read_import`: find the table in the file and guess which column is which.
2. :func:`check_import`: check every row with the member editor's rules and list every
   problem by row and column; nothing is written.
3. :func:`run_import`: check again and write every row in ONE transaction, or, if any
   row has an error, write nothing at all.

Members already registered (same tax ID in the same country) are skipped, or updated
when ``update_existing`` is set; each new or changed member gets its event in the log.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from basc_desktop.domain.errors import BascError
from basc_desktop.domain.import_headers import guess_mapping
from basc_desktop.domain.text import translatable as _
from basc_desktop.reports.sheet_reading import SheetRow, cell_text, open_sheet
from basc_desktop.services.import_checks import MemberChange, NewMember, RowChecker
from basc_desktop.services.import_forms import (
    ColumnMapping,
    ImportPreview,
    ImportProblem,
    ImportReport,
    PreviewRow,
)
from basc_desktop.services.members import RECORD_TYPE, derived_columns
from basc_desktop.services.trail import record_event
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.base import utc_now
from basc_desktop.store.members import Company

__all__ = [
    "ImportCancelledError",
    "ImportPreview",
    "ImportProblem",
    "ImportReport",
    "check_import",
    "read_import",
    "run_import",
]

PREVIEW_ROWS = 20
BATCH = 1_000
PROGRESS_EVERY = 500

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ImportCancelledError(BascError):
    """The coordinator stopped the import: nothing was written."""


def read_import(path: Path) -> ImportPreview:
    """The table found in ``path``: its header, a guessed mapping and the first rows."""
    with open_sheet(path) as table:
        width = len(table.headers)
        rows = tuple(
            PreviewRow(row.number, tuple(cell_text(c).strip() for c in row.cells))
            for row in islice(table.rows(), PREVIEW_ROWS)
        )
        return ImportPreview(
            path=path,
            sheet_name=table.sheet_name,
            header_row=table.header_row,
            headers=table.headers + ("",) * (width - len(table.headers)),
            mapping=guess_mapping(table.headers),
            rows=rows,
        )


def _watched(
    rows: Iterator[SheetRow],
    first: int,
    last: int | None,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> Iterator[SheetRow]:
    """The rows, reporting progress and stopping when the coordinator cancels."""
    total = max(1, (last or 0) - first)
    for count, row in enumerate(rows):
        if count % PROGRESS_EVERY == 0:
            if cancelled is not None and cancelled():
                raise ImportCancelledError(_("The import was cancelled: nothing was written."))
            if progress is not None:
                progress(min(row.number - first, total), total)
        yield row


def _check(
    ws: Workspace,
    session: Session,
    path: Path,
    mapping: ColumnMapping,
    *,
    update_existing: bool,
    default_chapter: str | None,
    progress: Progress | None,
    cancelled: Cancelled | None,
    keep: bool,
) -> tuple[ImportReport, RowChecker]:
    with open_sheet(path) as table:
        checker = RowChecker(
            ws,
            session,
            table.headers,
            {c: k for c, k in mapping.items() if k and c < len(table.headers)},
            update_existing=update_existing,
            default_chapter=default_chapter,
            keep=keep,
        )
        for row in _watched(table.rows(), table.header_row, table.last_row, progress, cancelled):
            checker.check(row)
        report = ImportReport(
            path=path,
            sheet_name=table.sheet_name,
            rows=checker.rows,
            to_add=checker.to_add,
            to_update=checker.to_update,
            to_skip=checker.to_skip,
            problems=tuple(checker.problems),
            error_count=checker.error_count,
            note_count=checker.note_count,
            update_existing=update_existing,
        )
    if progress is not None:
        progress(1, 1)
    return report, checker


def check_import(
    ws: Workspace,
    path: Path,
    mapping: ColumnMapping,
    *,
    update_existing: bool = False,
    default_chapter: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportReport:
    """Every problem of the file, by row and column, and what importing it would do.

    ``mapping`` says which column (0-based) is read into which field (see
    ``domain.import_headers.IMPORT_FIELDS``); a column mapped to "" is ignored.
    ``default_chapter`` is the chapter of rows that name none.  Nothing is written.
    """
    with ws.db.reading() as session:
        report, _checker = _check(
            ws,
            session,
            path,
            mapping,
            update_existing=update_existing,
            default_chapter=default_chapter,
            progress=progress,
            cancelled=cancelled,
            keep=False,
        )
    return report


def run_import(
    ws: Workspace,
    path: Path,
    mapping: ColumnMapping,
    *,
    update_existing: bool = False,
    default_chapter: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportReport:
    """Check the file and, if no row has an error, write every row in one transaction.

    Returns the report; ``report.written`` says whether anything was written (with any
    error, nothing is).  New members are numbered in their chapter after the highest
    number; existing members are skipped, or updated if ``update_existing``.
    """
    try:
        with ws.db.transaction() as session:
            report, checker = _check(
                ws,
                session,
                path,
                mapping,
                update_existing=update_existing,
                default_chapter=default_chapter,
                progress=progress,
                cancelled=cancelled,
                keep=True,
            )
            if not report.ok:
                return report
            _add(ws, session, checker.additions, progress, cancelled)
            _update(ws, session, checker.changes, cancelled)
    except IntegrityError as exc:
        raise BascError(
            _(
                "Another coordinator registered some of these members meanwhile:"
                " nothing was written. Check the file again."
            )
        ) from exc
    return replace(report, written=True)


def _stop_if_cancelled(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelledError(_("The import was cancelled: nothing was written."))


def _add(
    ws: Workspace,
    session: Session,
    additions: list[NewMember],
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> None:
    highest = select(Company.chapter_code, func.max(Company.member_number))
    numbers: dict[str, int] = {}
    for code, number in session.execute(highest.group_by(Company.chapter_code)):
        numbers[code] = number
    for start in range(0, len(additions), BATCH):
        _stop_if_cancelled(cancelled)
        batch = additions[start : start + BATCH]
        companies = []
        for addition in batch:
            fields = addition.fields
            number = numbers.get(fields["chapter_code"], 0) + 1
            numbers[fields["chapter_code"]] = number
            companies.append(Company(**fields, **derived_columns(fields), member_number=number))
        session.add_all(companies)
        session.flush()
        for addition, company in zip(batch, companies, strict=True):
            record_event(session, ws.user, RECORD_TYPE, company.id, "create", addition.fields)
        session.flush()
        if progress is not None:
            progress(start + len(batch), len(additions))


def _update(
    ws: Workspace, session: Session, changes: list[MemberChange], cancelled: Cancelled | None
) -> None:
    for start in range(0, len(changes), BATCH):
        _stop_if_cancelled(cancelled)
        batch = changes[start : start + BATCH]
        companies = {
            c.id: c
            for c in session.scalars(
                select(Company).where(Company.id.in_([change.member_id for change in batch]))
            )
        }
        for change in batch:
            company = companies[change.member_id]
            values: dict[str, Any] = {
                key: getattr(company, key) for key in ("legal_name", "trade_name", "tax_id", "city")
            }
            for key, (_old, new) in change.changes.items():
                setattr(company, key, new)
                values[key] = new
            for key, value in derived_columns(values).items():
                setattr(company, key, value)
            company.updated_at = utc_now()
            record_event(session, ws.user, RECORD_TYPE, company.id, "update", change.changes)
        session.flush()
