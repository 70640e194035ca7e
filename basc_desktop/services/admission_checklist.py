"""Opening an application and keeping its checklist: each document received or not.

Opening an application starts its checklist from the chapter file: one line per
document, the ones the chapter does not ask of the company's business type "not
applicable".  The checklist is then the application's own: a document the chapter
adds later does not change applications already open.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from basc_desktop.domain.admissions import ApplicationState, checklist_for
from basc_desktop.domain.errors import LifecycleError, NotFoundError, ValidationError
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import DocumentState
from basc_desktop.services.access import require_application, require_chapter
from basc_desktop.services.admission_forms import ApplicationDetail, ApplicationRow
from basc_desktop.services.admission_list import (
    check_version,
    current_state,
    load_application,
    load_application_row,
    load_detail,
)
from basc_desktop.services.trail import record_event
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.admissions import Application, ApplicationDocument
from basc_desktop.store.members import Company
from basc_desktop.store.standing import refresh_standing

__all__ = ["change_document", "mark_document", "open_application"]

RECORD_TYPE = "application"
MAX_NOTE = 2000


def open_application(ws: Workspace, company_id: int, *, on: date | None = None) -> ApplicationRow:
    """Open a member's application for admission, with its chapter's checklist.

    Refused while the member has an application still open or has been admitted; a
    member turned down may apply again.
    """
    opened_on = on or ws.today()
    with ws.db.transaction() as session:
        company = session.get(Company, company_id)
        if company is None:
            raise NotFoundError(_("Member {id} does not exist."), id=company_id)
        require_chapter(ws, company.chapter_code)
        if company.archived_on is not None:
            raise LifecycleError(
                _("{company} is archived: restore it before opening an application."),
                company=company.legal_name,
            )
        if opened_on > ws.today():
            raise ValidationError(
                "opened_on", _("{label} cannot be after today."), label=_("Application date")
            )
        for earlier in session.scalars(
            select(Application).where(Application.company_id == company_id)
        ):
            state = current_state(earlier)
            if state is not ApplicationState.REJECTED:
                raise LifecycleError(
                    _("{company} already has an application ({state}, opened {date})."),
                    company=company.legal_name,
                    state=state.label,
                    date=earlier.opened_on,
                )
        chapter = ws.chapters.get(company.chapter_code)
        items = checklist_for(chapter.admission_documents, company.business_type)
        application = Application(company_id=company_id, opened_on=opened_on)
        application.documents = [
            ApplicationDocument(document_id=item.document_id, state=item.state) for item in items
        ]
        session.add(application)
        session.flush()
        record_event(
            session,
            ws.user,
            RECORD_TYPE,
            application.id,
            "open",
            {
                "company_id": company_id,
                "opened_on": opened_on,
                "documents": sum(1 for i in items if i.applies),
            },
        )
        refresh_standing(session, [company_id])
        return load_application_row(session, application.id, ws.today())


def mark_document(
    ws: Workspace,
    application_id: int,
    document_id: str,
    state: DocumentState,
    *,
    received_on: date | None = None,
    note: str | None = None,
    expected_version: int | None = None,
) -> ApplicationDetail:
    """Mark a document of the checklist received (on a date, today by default), missing
    or not applicable; ``note`` replaces the document's note when given."""
    with ws.db.transaction() as session:
        require_application(ws, session, application_id)
        application = load_application(session, application_id)
        check_version(application, expected_version)
        change_document(
            ws, session, application, document_id, state, received_on=received_on, note=note
        )
        return load_detail(ws, session, application_id)


def change_document(
    ws: Workspace,
    session: Session,
    application: Application,
    document_id: str,
    state: DocumentState,
    *,
    received_on: date | None = None,
    note: str | None = None,
    file: tuple[str, str, str] | None = None,
) -> None:
    """Change one line of the checklist in ``session``; ``file`` is (name, sha256, stored)."""
    decided = current_state(application)
    if decided in (ApplicationState.ADMITTED, ApplicationState.REJECTED):
        raise LifecycleError(
            _("The application is decided ({state}): its documents can no longer change."),
            state=decided.label,
        )
    try:
        state = DocumentState(state)
    except ValueError:
        raise ValidationError(
            "state", _("“{value}” is not a document state."), label=_("State"), value=state
        ) from None
    document = next((d for d in application.documents if d.document_id == document_id), None)
    if document is None:
        raise NotFoundError(
            _("Document “{document}” is not on the checklist of application {id}."),
            document=document_id,
            id=application.id,
        )
    if state is DocumentState.RECEIVED:
        received_on = received_on or ws.today()
        if received_on > ws.today():
            raise ValidationError(
                "received_on", _("{label} cannot be after today."), label=_("Received on")
            )
    else:
        received_on = None
    if note is not None and len(note.strip()) > MAX_NOTE:
        raise ValidationError(
            "note", _("{label} can have at most {max} characters."), label=_("Note"), max=MAX_NOTE
        )
    before: dict[str, Any] = {
        "state": document.state,
        "received_on": document.received_on,
        "file_name": document.file_name,
        "file_sha256": document.file_sha256,
        "note": document.note,
    }
    document.state = state
    document.received_on = received_on
    if file is not None:
        document.file_name, document.file_sha256, document.stored_name = file
    elif state is not DocumentState.RECEIVED:
        document.file_name, document.file_sha256, document.stored_name = "", "", ""
    if note is not None:
        document.note = note.strip()
    after = {key: getattr(document, key) for key in before}
    changes = {k: (before[k], v) for k, v in after.items() if before[k] != v}
    if not changes:
        return
    flag_modified(application, "opened_on")  # a checklist change is a change of the application
    session.flush()
    record_event(
        session,
        ws.user,
        RECORD_TYPE,
        application.id,
        "document",
        {"document_id": document_id, **changes},
    )
    refresh_standing(session, [application.company_id])
