"""Attached documents: a kept copy with its hash, and clear refusals that change nothing."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from basc_desktop.domain.errors import BascError, NotFoundError, StaleRecordError
from basc_desktop.domain.vocabulary import DocumentState
from basc_desktop.services.admission_files import safe_name
from basc_desktop.services.admissions import (
    attach_document,
    get_application,
    mark_document,
    open_attachment_path,
)
from basc_desktop.services.workspace import Workspace
from tests.admission_factories import applicant
from tests.conftest import TODAY

PERMIT = "operating-permit"


def _folder(ws: Workspace) -> Path:
    return ws.data_folder("attachments")


def _kept(ws: Workspace) -> list[str]:
    return sorted(p.name for p in _folder(ws).iterdir())


def test_an_attached_file_is_kept_with_its_hash(workspace: Workspace, tmp_path: Path) -> None:
    row = applicant(workspace)
    source = tmp_path / "Permiso PNC ñandú 2026.pdf"
    source.write_bytes(b"%PDF-1.4 permiso")
    detail = attach_document(workspace, row.id, PERMIT, source)
    line = next(d for d in detail.documents if d.document_id == PERMIT)
    digest = hashlib.sha256(b"%PDF-1.4 permiso").hexdigest()
    assert (line.state, line.received_on) == (DocumentState.RECEIVED, TODAY)
    assert (line.file_name, line.file_sha256) == ("Permiso PNC ñandú 2026.pdf", digest)
    kept = open_attachment_path(workspace, row.id, PERMIT)
    assert kept.parent == _folder(workspace)
    assert kept.read_bytes() == b"%PDF-1.4 permiso"
    assert kept.suffix == ".pdf"
    assert kept.name.isascii()
    source.unlink()  # the copy does not depend on the original
    assert open_attachment_path(workspace, row.id, PERMIT) == kept
    # marking it missing forgets the file
    detail = mark_document(workspace, row.id, PERMIT, DocumentState.MISSING)
    assert not next(d for d in detail.documents if d.document_id == PERMIT).has_attachment
    with pytest.raises(NotFoundError, match="No file is attached"):
        open_attachment_path(workspace, row.id, PERMIT)


def _unchanged(ws: Workspace, application_id: int, version: int) -> None:
    detail = get_application(ws, application_id)
    line = next(d for d in detail.documents if d.document_id == PERMIT)
    assert (line.state, line.file_name, line.file_sha256) == (DocumentState.MISSING, "", "")
    assert detail.row.version == version
    assert _kept(ws) == []


def test_a_missing_file_is_refused_and_nothing_changes(
    workspace: Workspace, tmp_path: Path
) -> None:
    row = applicant(workspace)
    with pytest.raises(BascError, match="does not exist") as caught:
        attach_document(workspace, row.id, PERMIT, tmp_path / "gone.pdf")
    assert "gone.pdf" in str(caught.value)
    _unchanged(workspace, row.id, row.version)
    with pytest.raises(BascError, match="is a folder"):
        attach_document(workspace, row.id, PERMIT, tmp_path)
    _unchanged(workspace, row.id, row.version)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_an_unreadable_file_is_refused_and_nothing_changes(
    workspace: Workspace, tmp_path: Path
) -> None:
    row = applicant(workspace)
    source = tmp_path / "secret.pdf"
    source.write_bytes(b"x")
    source.chmod(0)
    try:
        with pytest.raises(BascError, match="cannot be read"):
            attach_document(workspace, row.id, PERMIT, source)
    finally:
        source.chmod(0o600)
    _unchanged(workspace, row.id, row.version)


def test_a_path_that_cannot_be_opened_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    row = applicant(workspace)
    plain = tmp_path / "plain.txt"
    plain.write_text("not a folder")
    with pytest.raises(BascError, match="cannot be read"):
        attach_document(workspace, row.id, PERMIT, plain / "permit.pdf")
    _unchanged(workspace, row.id, row.version)


def test_a_failed_save_removes_the_copy(workspace: Workspace, tmp_path: Path) -> None:
    row = applicant(workspace)
    mark_document(workspace, row.id, "application-form", DocumentState.RECEIVED)
    source = tmp_path / "permit.pdf"
    source.write_bytes(b"permit")
    with pytest.raises(StaleRecordError):
        attach_document(workspace, row.id, PERMIT, source, expected_version=row.version)
    _unchanged(workspace, row.id, row.version + 1)
    with pytest.raises(NotFoundError, match="not on the checklist"):
        attach_document(workspace, row.id, "no-such-document", source)
    assert _kept(workspace) == []


def test_a_missing_or_altered_copy_is_reported(workspace: Workspace, tmp_path: Path) -> None:
    row = applicant(workspace)
    source = tmp_path / "permit.pdf"
    source.write_bytes(b"permit")
    attach_document(workspace, row.id, PERMIT, source)
    kept = open_attachment_path(workspace, row.id, PERMIT)
    kept.write_bytes(b"forged")
    with pytest.raises(BascError, match="was changed after it was attached"):
        open_attachment_path(workspace, row.id, PERMIT)
    kept.unlink()
    with pytest.raises(BascError, match="missing from"):
        open_attachment_path(workspace, row.id, PERMIT)
    # attaching the same file again restores the copy
    attach_document(workspace, row.id, PERMIT, source)
    assert open_attachment_path(workspace, row.id, PERMIT).read_bytes() == b"permit"


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("Permiso PNC.pdf", "Permiso-PNC.pdf"),
        ("../../etc/passwd", "passwd"),
        ("Déclaration fiscale été.PDF", "Declaration-fiscale-ete.PDF"),
        ("....", "file"),
        ("a" * 300 + ".docx", "a" * 75 + ".docx"),
    ],
)
def test_safe_names(name: str, safe: str) -> None:
    assert safe_name(name) == safe
