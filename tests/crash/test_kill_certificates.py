"""SIGKILL in the middle of a certificate batch and of a batch PDF.

Afterwards the register opens, passes its integrity check, no code was used twice, every
certificate has its history and the members' standing agrees with their certificates;
the PDF is never left half written at its destination.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.services.certificate_issue import issuable_audits, issue_certificate
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.certificates import Certificate
from tests.crash.scenario import (
    check_certificates,
    closed_audits,
    imported_members,
    integrity_ok,
    kill_at,
    reopened,
)

pytestmark = pytest.mark.crash

COMPANIES = 12


def _after_crash(chapters: ChapterRegistry, url: str, folder: Path) -> Workspace:
    integrity_ok(url)
    return reopened(chapters, url, folder)


def test_a_killed_certificate_batch_leaves_a_sound_register(
    workspace: Workspace, database_url: str, chapters: ChapterRegistry, tmp_path: Path
) -> None:
    companies = imported_members(workspace, tmp_path, COMPANIES)
    # Each company twice: the second certificate renews (supersedes) the first.
    audits = closed_audits(workspace, companies, per_company=2)
    task = {
        "task": "issue",
        "url": database_url,
        "data_dir": str(tmp_path / "child"),
        "audit_ids": audits,
    }
    # Killed just before committing the 16th certificate: a renewal, fully written.
    lines = kill_at(task | {"stop_at": {"commit": COMPANIES + 4}}, "stopped")
    issued = [line.split()[1] for line in lines if line.startswith("issued ")]
    assert len(issued) == COMPANIES + 3
    ws = _after_crash(chapters, database_url, tmp_path / "after")
    try:
        assert sorted(check_certificates(ws)) == sorted(issued)
        waiting = [a.audit_id for a in issuable_audits(ws)]
        assert sorted(waiting) == sorted(audits[COMPANIES + 3 :])
    finally:
        ws.db.close()

    # Killed as soon as it says it issued a third one, wherever it then is.
    left = audits[COMPANIES + 3 :]
    lines = kill_at(task | {"audit_ids": left}, "issued ")
    ws = _after_crash(chapters, database_url, tmp_path / "after")
    try:
        codes = check_certificates(ws)
        assert set(issued) < set(codes)
        for audit_id in [a.audit_id for a in issuable_audits(ws)]:  # the rest, by hand
            issue_certificate(ws, audit_id)
        assert len(check_certificates(ws)) == len(audits)
    finally:
        ws.db.close()


def test_a_killed_batch_pdf_is_never_half_written(
    workspace: Workspace, database_url: str, chapters: ChapterRegistry, tmp_path: Path
) -> None:
    companies = imported_members(workspace, tmp_path, COMPANIES)
    for audit_id in closed_audits(workspace, companies):
        issue_certificate(workspace, audit_id)
    with workspace.db.reading() as session:
        ids = list(session.scalars(select(Certificate.id).order_by(Certificate.code)))
    out = tmp_path / "out" / "lote.pdf"
    task = {
        "task": "print",
        "url": database_url,
        "data_dir": str(tmp_path / "child"),
        "certificate_ids": ids,
        "out": str(out),
    }
    lines = kill_at(task | {"stop_at": {"progress": 5}}, "stopped")
    assert lines[-2] == f"progress 5 {COMPANIES}"
    assert not out.exists()
    assert [p.name for p in out.parent.iterdir()] in ([], ["lote.pdf.part"])
    # Killed before the signatures of the slice were committed: none kept, no PDF.
    lines = kill_at(task | {"stop_at": {"commit": 1}}, "stopped")
    assert not out.exists()
    ws = _after_crash(chapters, database_url, tmp_path / "after")
    try:
        check_certificates(ws)
        with ws.db.reading() as session:
            signatures = set(session.scalars(select(Certificate.signature)))
        assert len(signatures) == COMPANIES  # every signature of the first run, whole
    finally:
        ws.db.close()
