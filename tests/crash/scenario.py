"""A register with many members and closed audits, a child process to kill, and the checks
that a register must pass after anything happened to it (a SIGKILL, parallel writers).

The child (:mod:`tests.crash.child`) prints one line per step and, when told to, stops
at an exact point (a progress step, or just before the Nth commit) and waits there to be
killed, so "in the middle" is decided by the child's output, never by a sleep.
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import astuple
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.domain.numbering import next_issue
from basc_desktop.domain.vocabulary import AuditKind, AuditState, CertificateEventKind
from basc_desktop.services.certificate_list import IN_FORCE_STATES
from basc_desktop.services.imports import read_import, run_import
from basc_desktop.services.opening import open_workspace
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import load_settings
from basc_desktop.store.audits import Audit
from basc_desktop.store.certificates import Certificate, CertificateEvent
from basc_desktop.store.engine import sqlite_path
from basc_desktop.store.events import Event
from basc_desktop.store.members import Company
from basc_desktop.store.standing import (
    STANDING_COLUMNS,
    company_records,
    next_planned_audits,
    standing_of,
)
from tests.conftest import TODAY
from tests.import_files import tax_ids, write_csv

ROOT = Path(__file__).resolve().parents[2]
CHILD_TIMEOUT_S = 60


def members_file(path: Path, count: int, *, seed: int = 1, chapter: str = "co-bog") -> Path:
    """A CSV of ``count`` new members, as a chapter would send it."""
    rows: list[list[object]] = [["Razón social", "NIT", "Capítulo", "Tipo de empresa", "Correo"]]
    for number, nit in enumerate(tax_ids("CO", count, seed=seed, formatted=False)):
        rows.append([f"Empresa {seed}-{number}", nit, chapter, "Depósito", f"i{number}@e.co"])
    return write_csv(path, rows)


def imported_members(ws: Workspace, folder: Path, count: int, *, seed: int = 1) -> list[int]:
    """``count`` members imported through the service; returns their ids."""
    path = members_file(folder / f"members-{seed}.csv", count, seed=seed)
    before = set(_company_ids(ws))
    report = run_import(ws, path, read_import(path).mapping)
    assert report.written, report.problems
    return sorted(set(_company_ids(ws)) - before)


def _company_ids(ws: Workspace) -> list[int]:
    with ws.db.reading() as session:
        return list(session.scalars(select(Company.id)))


def closed_audits(ws: Workspace, company_ids: list[int], *, per_company: int = 1) -> list[int]:
    """Clean certification audits, closed today, ready for their certificate (rows
    written directly: the audit workflow has its own tests); returns their ids, the
    first audit of every company first."""
    with ws.db.transaction() as session:
        audits = [
            Audit(
                company_id=company_id,
                standard_version="6",
                kind=AuditKind.CERTIFICATION,
                state=AuditState.CLOSED,
                planned_on=TODAY,
                started_on=TODAY,
                finished_on=TODAY,
            )
            for _round in range(per_company)
            for company_id in company_ids
        ]
        session.add_all(audits)
        session.flush()
        return [audit.id for audit in audits]


def child_command(task: dict[str, Any]) -> list[str]:
    task = {"today": TODAY.isoformat()} | task
    return [sys.executable, "-m", "tests.crash.child", json.dumps(task)]


def start_child(task: dict[str, Any]) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        child_command(task),
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def read_until(
    child: subprocess.Popen[bytes], marker: str | None, timeout: float = CHILD_TIMEOUT_S
) -> list[str]:
    """The child's lines until one starts with ``marker`` (None: until it ends).

    Reads the pipe unbuffered, so no line the child printed waits unseen in a buffer."""
    assert child.stdout is not None
    fd = child.stdout.fileno()
    lines: list[str] = []
    pending = b""
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while True:
            if not selector.select(timeout=max(0.0, deadline - time.monotonic())):
                child.kill()
                raise AssertionError(f"the child printed no {marker!r} in time: {lines[-5:]}")
            chunk = os.read(fd, 65536)
            if not chunk:
                if marker is not None:
                    assert child.stderr is not None
                    err = child.stderr.read().decode(errors="replace")
                    raise AssertionError(f"the child ended before {marker!r}: {lines[-5:]}\n{err}")
                return lines
            pending += chunk
            *complete, pending = pending.split(b"\n")
            for raw in complete:
                lines.append(raw.decode())
                if marker is not None and lines[-1].startswith(marker):
                    return lines


def finish(child: subprocess.Popen[bytes]) -> None:
    child.wait(CHILD_TIMEOUT_S)
    for stream in (child.stdin, child.stdout, child.stderr):
        if stream is not None:
            stream.close()


def kill_at(task: dict[str, Any], marker: str) -> list[str]:
    """Run the child, SIGKILL it as soon as it prints ``marker``; its lines."""
    child = start_child(task)
    try:
        lines = read_until(child, marker)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        finish(child)
    assert child.returncode == -signal.SIGKILL, lines
    return lines


def reopened(chapters: ChapterRegistry, url: str, data_dir: Path) -> Workspace:
    """The register opened again as the program opens it, after the crash."""
    ws = open_workspace(load_settings(data_dir), chapters, url=url)
    ws.user, ws.clock = "checker", lambda: TODAY
    return ws


def integrity_ok(url: str) -> None:
    path = sqlite_path(url)
    if path is None:
        return
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def counts(ws: Workspace) -> tuple[int, int]:
    """How many members, and how many member events, the register holds."""
    with ws.db.reading() as session:
        members = session.scalar(select(func.count()).select_from(Company)) or 0
        events = (
            session.scalar(
                select(func.count()).where(Event.record_type == "company", Event.action == "create")
            )
            or 0
        )
    return members, events


def check_certificates(ws: Workspace) -> list[str]:
    """What a coordinator would check after a crash or a rush; returns every code.

    No code twice; each certificate has its ``issued`` history line and its event; each
    company's certificates, in the order they were written, are numbered by the rule of
    domain/numbering (1, then one more than any so far) with only the newest in force;
    and the standing columns say what the records say.
    """
    with ws.db.reading() as session:
        certificates = session.execute(
            select(
                Certificate.id,
                Certificate.code,
                Certificate.company_id,
                Certificate.issue_number,
                Certificate.state,
            )
        ).all()
        codes = [c.code for c in certificates]
        assert [code for code, n in Counter(codes).items() if n > 1] == []
        issued_lines = set(
            session.scalars(
                select(CertificateEvent.certificate_id).where(
                    CertificateEvent.kind == CertificateEventKind.ISSUED
                )
            )
        )
        issue_events = set(
            session.scalars(
                select(Event.record_id).where(
                    Event.record_type == "certificate", Event.action == "issue"
                )
            )
        )
        ids = {c.id for c in certificates}
        assert ids - issued_lines == set()
        assert ids - issue_events == set()
        numbers: dict[int, list[int]] = defaultdict(list)
        in_force: dict[int, list[int]] = defaultdict(list)
        for c in sorted(certificates, key=lambda c: c.id):  # in the order they were written
            assert c.issue_number == next_issue(numbers[c.company_id]), c.code
            numbers[c.company_id].append(c.issue_number)
            if c.state in IN_FORCE_STATES:
                in_force[c.company_id].append(c.issue_number)
        for company_id, issued in numbers.items():
            assert in_force[company_id] == [max(issued)], company_id  # only the newest
        company_ids = sorted(numbers)
        records = company_records(session, company_ids)
        audits = next_planned_audits(session, company_ids)
        stored = {
            row.id: tuple(getattr(row, name) for name in STANDING_COLUMNS)
            for row in session.scalars(select(Company).where(Company.id.in_(company_ids)))
        }
        for company_id in company_ids:
            expected = astuple(standing_of(records[company_id], audits.get(company_id)))
            assert stored[company_id] == expected, company_id
    return codes
