"""Attached documents: a copy of each file is kept in the data folder, with its hash.

The copy is written first, then the database records it in one transaction; if the
transaction fails, a copy made for it is deleted again, so the folder and the database
never disagree.  Opening an attachment checks that the copy is still there and that its
SHA-256 still matches what was recorded.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from datetime import date
from pathlib import Path

from basc_desktop.domain.errors import BascError, NotFoundError
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import DocumentState
from basc_desktop.services.access import require_application
from basc_desktop.services.admission_checklist import change_document
from basc_desktop.services.admission_forms import ApplicationDetail
from basc_desktop.services.admission_list import (
    check_version,
    load_application,
    load_detail,
)
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.admissions import ApplicationDocument

__all__ = ["attach_document", "open_attachment_path", "safe_name", "sha256_of"]

ATTACHMENTS = "attachments"
MAX_NAME = 80
_CHUNK = 1 << 20


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def safe_name(name: str) -> str:
    """``name`` as a plain file name: no folders, accents or odd characters, kept short."""
    plain = unicodedata.normalize("NFKD", Path(name).name)
    plain = plain.encode("ascii", "ignore").decode("ascii")
    plain = re.sub(r"[^A-Za-z0-9._-]+", "-", plain).strip(".-") or "file"
    stem, dot, suffix = plain.rpartition(".")
    if not dot:
        stem, suffix = plain, ""
    suffix = suffix[:10]
    stem = stem[: MAX_NAME - len(suffix) - 1] or "file"
    return f"{stem}.{suffix}" if suffix else stem


def _read(source: Path) -> bytes:
    try:
        with Path(source).open("rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise BascError(_("The file {path} does not exist."), path=str(source)) from None
    except IsADirectoryError:
        raise BascError(_("{path} is a folder, not a file."), path=str(source)) from None
    except OSError as exc:
        raise BascError(
            _("The file {path} cannot be read: {reason}"),
            path=str(source),
            reason=exc.strerror or str(exc),
        ) from None


def _write_copy(folder: Path, name: str, data: bytes) -> bool:
    """Write ``data`` as ``folder/name``; False when an identical copy was already there."""
    target = folder / name
    if target.exists() and sha256_of(target.read_bytes()) == sha256_of(data):
        return False
    partial = folder / f".{name}.partial"
    try:
        with partial.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BascError(
            _("The copy of the file cannot be kept in {folder}: {reason}"),
            folder=str(folder),
            reason=exc.strerror or str(exc),
        ) from None
    return True


def attach_document(
    ws: Workspace,
    application_id: int,
    document_id: str,
    source: Path,
    *,
    received_on: date | None = None,
    expected_version: int | None = None,
) -> ApplicationDetail:
    """Keep a copy of ``source`` for a document of the checklist and mark it received.

    A missing or unreadable file is refused with a clear message and nothing changes.
    """
    with ws.db.reading() as session:
        require_application(ws, session, application_id)  # before the copy is made
    data = _read(Path(source))
    digest = sha256_of(data)
    folder = ws.data_folder(ATTACHMENTS)
    stored = f"application-{application_id}-{safe_name(document_id)}-{digest[:16]}"
    suffix = Path(safe_name(Path(source).name)).suffix
    stored += suffix
    made = _write_copy(folder, stored, data)
    try:
        with ws.db.transaction() as session:
            application = load_application(session, application_id)
            check_version(application, expected_version)
            change_document(
                ws,
                session,
                application,
                document_id,
                DocumentState.RECEIVED,
                received_on=received_on,
                file=(Path(source).name[:260], digest, stored),
            )
            return load_detail(ws, session, application_id)
    except BaseException:
        if made:
            (folder / stored).unlink(missing_ok=True)
        raise


def open_attachment_path(ws: Workspace, application_id: int, document_id: str) -> Path:
    """The kept copy of a document's file, after checking it is unchanged."""
    with ws.db.reading() as session:
        require_application(ws, session, application_id)
        application = load_application(session, application_id)
        document = next((d for d in application.documents if d.document_id == document_id), None)
        if document is None or not document.stored_name:
            raise NotFoundError(
                _("No file is attached to document “{document}” of application {id}."),
                document=document_id,
                id=application_id,
            )
        return _checked_copy(ws, document)


def _checked_copy(ws: Workspace, document: ApplicationDocument) -> Path:
    path = ws.data_folder(ATTACHMENTS) / document.stored_name
    try:
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except FileNotFoundError:
        raise BascError(
            _("The kept copy of “{name}” is missing from {folder}. Attach the file again."),
            name=document.file_name,
            folder=str(path.parent),
        ) from None
    except OSError as exc:
        raise BascError(
            _("The kept copy of “{name}” cannot be read: {reason}"),
            name=document.file_name,
            reason=exc.strerror or str(exc),
        ) from None
    if digest.hexdigest() != document.file_sha256:
        raise BascError(
            _(
                "The kept copy of “{name}” was changed after it was attached (its SHA-256 "
                "no longer matches). Attach the original again."
            ),
            name=document.file_name,
        )
    return path
