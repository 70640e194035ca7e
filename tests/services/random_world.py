"""A few real records in every state, and a snapshot of the whole database.

The random-input tests (``test_random_input*.py``) throw ids of these records at the
services, so "a record in the wrong state" is exercised as well as "no such record";
the snapshot proves that a refused call changed nothing.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Connection, Table, func, select, text

from basc_desktop.domain.vocabulary import AuditKind, Verdict
from basc_desktop.services.auditors import set_auditor_active
from basc_desktop.services.audits import report_audit, start_audit
from basc_desktop.services.checklist import checklist
from basc_desktop.services.corrective_actions import find_actions
from basc_desktop.services.members import archive_member
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.models import Base
from basc_desktop.store.standards import Requirement
from tests.admission_factories import SESSION_DAY, admitted, applicant, receive_all
from tests.audit_factories import auditor, member, planned
from tests.certificate_factories import certified, judged


@dataclass(frozen=True)
class World:
    """Ids of real records, one per state that matters, and folders for files."""

    member_id: int
    archived_member_id: int
    admitted_member_id: int
    auditor_id: int
    retired_auditor_id: int
    planned_audit_id: int
    started_audit_id: int
    reported_audit_id: int
    closed_audit_id: int
    finding_id: int
    action_id: int
    certificate_id: int
    certificate_code: str
    application_id: int
    ready_application_id: int
    admitted_application_id: int
    session_id: int
    member_version: int
    files: Path
    """Existing files a coordinator could pick (attachments, PDFs to verify)."""
    out: Path
    """Where file-writing services write; emptied before each example."""

    def members(self) -> tuple[int, ...]:
        return (self.member_id, self.archived_member_id, self.admitted_member_id)

    def audits(self) -> tuple[int, ...]:
        return (
            self.planned_audit_id,
            self.started_audit_id,
            self.reported_audit_id,
            self.closed_audit_id,
        )

    def applications(self) -> tuple[int, ...]:
        return (self.application_id, self.ready_application_id, self.admitted_application_id)


def seed(ws: Workspace, folder: Path) -> World:
    """Members, auditors, audits in each state, an action, a certificate and applications."""
    first = member(ws, name="Exportadora Andina S.A.S.", seed=1)
    archived = member(ws, name="Archivada Ltda.", seed=2)
    archive_member(ws, archived)
    lead = auditor(ws, "Ana Gómez")
    retired = auditor(ws, "Luis Pérez")
    set_auditor_active(ws, retired, False)
    plan = planned(ws, first, lead=lead)
    started = planned(ws, first, kind=AuditKind.FOLLOW_UP)
    start_audit(ws, started.id)
    with ws.db.reading() as session:
        minor_code = session.scalar(select(func.min(Requirement.code)))
    assert minor_code is not None
    reported = planned(ws, first, kind=AuditKind.DIAGNOSTIC)
    start_audit(ws, reported.id)
    judged(ws, reported.id, {minor_code: Verdict.MINOR})
    report_audit(ws, reported.id)
    certificate = certified(ws, first)
    finding = checklist(ws, started.id)[0].finding_id
    action = find_actions(ws)[0].id
    opened = applicant(ws, seed=3, name="Abierta S.A.")
    ready = applicant(ws, seed=4, name="Lista S.A.")
    receive_all(ws, ready.id)
    done = admitted(ws, seed=5, name="Admitida S.A.")
    assert done.committee_session_id is not None
    assert certificate.audit_id is not None
    files = folder / "files"
    files.mkdir()
    (files / "scan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (files / "empty.pdf").write_bytes(b"")
    (files / "noise.bin").write_bytes(os.urandom(256))
    out = folder / "out"
    out.mkdir()
    return World(
        member_id=first,
        archived_member_id=archived,
        admitted_member_id=done.company_id,
        auditor_id=lead,
        retired_auditor_id=retired,
        planned_audit_id=plan.id,
        started_audit_id=started.id,
        reported_audit_id=reported.id,
        closed_audit_id=certificate.audit_id,
        finding_id=finding,
        action_id=action,
        certificate_id=certificate.id,
        certificate_code=certificate.code,
        application_id=opened.id,
        ready_application_id=ready.id,
        admitted_application_id=done.id,
        session_id=done.committee_session_id,
        member_version=1,
        files=files,
        out=out,
    )


def _figures(table: Table) -> list[ColumnElement[Any]]:
    """Row count, largest id and sum of versions of ``table``: they move with any write."""
    figures: list[ColumnElement[Any]] = [func.count()]
    for column in table.primary_key.columns:
        if column.type.python_type is int:
            figures.append(func.max(column))
    if "version" in table.columns and table.columns["version"].type.python_type is int:
        figures.append(func.sum(table.columns["version"]))
    return [select(f).select_from(table).scalar_subquery() for f in figures]


def snapshot(ws: Workspace) -> dict[str, tuple[Any, ...]]:
    """Each table's row count, largest id and sum of versions, read in one query; every
    write also adds an event.  Equal snapshots: nothing was written."""
    tables = Base.metadata.sorted_tables
    figures = [_figures(table) for table in tables]
    with ws.db.reading() as session:
        row = session.execute(select(*[f for fs in figures for f in fs])).one()
    values, found = list(row), {}
    for table, fs in zip(tables, figures, strict=True):
        found[table.name], values = tuple(values[: len(fs)]), values[len(fs) :]
    return found


class Restorer:
    """Puts a database back as it was when made, between two tests, in milliseconds.

    SQLite: the online backup API copies the saved file over the open one.  PostgreSQL:
    every table emptied and refilled, and the id sequences set after the saved ids.
    """

    def __init__(self, ws: Workspace, folder: Path) -> None:
        self.ws = ws
        self.rows: dict[str, list[dict[str, Any]]] = {}
        self.saved: Path | None = None
        if ws.db.dialect == "sqlite":
            self.saved = folder / "seeded.sqlite"
            with closing(sqlite3.connect(self.saved)) as target:
                self._sqlite(lambda live: live.backup(target))
        else:
            with ws.db.engine.connect() as conn:
                for table in Base.metadata.sorted_tables:
                    self.rows[table.name] = [
                        dict(m) for m in conn.execute(select(table)).mappings()
                    ]

    def _sqlite(self, use: Callable[[sqlite3.Connection], None]) -> None:
        raw = self.ws.db.engine.raw_connection()
        try:
            connection = raw.driver_connection
            assert isinstance(connection, sqlite3.Connection)
            use(connection)
        finally:
            raw.close()

    def restore(self) -> None:
        if self.saved is not None:
            with closing(sqlite3.connect(self.saved)) as source:
                self._sqlite(lambda live: source.backup(live))
            return
        tables = Base.metadata.sorted_tables
        with self.ws.db.engine.begin() as conn:
            names = ", ".join(f'"{t.name}"' for t in tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            for table in tables:
                if self.rows[table.name]:
                    conn.execute(table.insert(), self.rows[table.name])
                for column in table.primary_key.columns:
                    if column.type.python_type is int:
                        _reset_sequence(conn, table.name, column.name)


def _reset_sequence(conn: Connection, table: str, column: str) -> None:
    """The id sequence of ``table`` set after its largest id (no sequence: nothing)."""
    largest = f'COALESCE((SELECT MAX("{column}") FROM "{table}"), 0) + 1'
    conn.execute(
        text(f"SELECT setval(pg_get_serial_sequence(:t, :c), {largest}, false)"),
        {"t": table, "c": column},
    )


def files_under(*folders: Path) -> dict[str, int]:
    """Every file under ``folders`` with its size: what a file-writing service left."""
    found: dict[str, int] = {}
    for folder in folders:
        if folder.exists():
            for path in folder.rglob("*"):
                if path.is_file():
                    found[str(path)] = path.stat().st_size
    return found


def empty(folder: Path) -> None:
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_dir():
            path.rmdir()
        else:
            path.unlink()


SESSION = SESSION_DAY
ANY_DAY = date(2026, 6, 1)
