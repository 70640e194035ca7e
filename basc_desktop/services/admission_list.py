"""Finding applications: the list with its filters, one application's detail, the deadlines.

An application's state is derived (:func:`basc_desktop.domain.admissions.application_state`);
:func:`state_expression` is the same rule in SQL, so the list filters and sorts by state
in the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, and_, case, func, literal, select
from sqlalchemy.orm import Session, object_session
from sqlalchemy.sql.elements import ColumnElement

from basc_desktop.domain.admissions import ApplicationState, application_state
from basc_desktop.domain.errors import NotFoundError, StaleRecordError
from basc_desktop.domain.tax_ids import format_tax_id
from basc_desktop.domain.text import Message
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import ApplicationDecision, DocumentState
from basc_desktop.services.access import require_application, scoped
from basc_desktop.services.admission_forms import (
    APPLICATION_SORTABLE_COLUMNS,
    ApplicationDetail,
    ApplicationQuery,
    ApplicationRow,
    DocumentLine,
)
from basc_desktop.services.audit_list import like_terms
from basc_desktop.services.trail import stale_error
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.admissions import (
    Application,
    ApplicationDocument,
    CommitteeDecision,
    CommitteeSession,
)
from basc_desktop.store.members import Company

__all__ = [
    "ALL_APPLICATIONS",
    "application_rows",
    "count_applications",
    "find_applications",
    "get_application",
    "load_application_row",
    "state_expression",
]

ALL_APPLICATIONS = ApplicationQuery()


def _count_of(state: DocumentState | None) -> ColumnElement[int]:
    """Documents of the application in ``state`` (None: not "not applicable")."""
    condition = (
        ApplicationDocument.state != DocumentState.NOT_APPLICABLE
        if state is None
        else ApplicationDocument.state == state
    )
    return (
        select(func.count())
        .where(ApplicationDocument.application_id == Application.id, condition)
        .correlate(Application)
        .scalar_subquery()
    )


def state_expression() -> ColumnElement[str]:
    """The application's :class:`ApplicationState` value, as SQL (see the module)."""
    return case(
        (Application.decision == ApplicationDecision.ADMITTED, ApplicationState.ADMITTED.value),
        (Application.decision == ApplicationDecision.REJECTED, ApplicationState.REJECTED.value),
        (
            and_(Application.committee_session_id.is_not(None), Application.decision.is_(None)),
            ApplicationState.IN_SESSION.value,
        ),
        (Application.decision == ApplicationDecision.POSTPONED, ApplicationState.POSTPONED.value),
        (_count_of(DocumentState.MISSING) > 0, ApplicationState.COLLECTING.value),
        else_=ApplicationState.READY.value,
    )


def _filtered(query: ApplicationQuery, today: date) -> Select[*tuple[Any, ...]]:
    state = state_expression().label("state")
    stmt: Select[*tuple[Any, ...]] = (
        select(
            Application,
            Company.legal_name,
            Company.tax_id,
            Company.country,
            Company.chapter_code,
            Company.business_type,
            CommitteeSession.held_on,
            state,
            _count_of(DocumentState.RECEIVED).label("received"),
            _count_of(None).label("required"),
        )
        .join(Company, Company.id == Application.company_id)
        .outerjoin(CommitteeSession, CommitteeSession.id == Application.committee_session_id)
    )
    if query.states:
        stmt = stmt.where(state_expression().in_([ApplicationState(s).value for s in query.states]))
    if query.chapter_codes:
        stmt = stmt.where(Company.chapter_code.in_(query.chapter_codes))
    if query.company_id is not None:
        stmt = stmt.where(Application.company_id == query.company_id)
    if query.committee_session_id is not None:
        heard = select(CommitteeDecision.application_id).where(
            CommitteeDecision.committee_session_id == query.committee_session_id
        )
        stmt = stmt.where(Application.id.in_(heard))
    if query.deadline_within_days is not None:
        limit = today + timedelta(days=query.deadline_within_days)
        stmt = stmt.where(
            Application.decision == ApplicationDecision.ADMITTED,
            Application.audit_deadline <= literal(limit, Application.audit_deadline.type),
        )
    for condition in like_terms(Company.search_text, query.text):
        stmt = stmt.where(condition)
    return stmt


def _order(query: ApplicationQuery) -> list[Any]:
    if query.order_by not in APPLICATION_SORTABLE_COLUMNS:
        raise ValueError(f"cannot sort applications by {query.order_by!r}")
    column: Any = {
        "company_name": Company.sort_name,
        "chapter_code": Company.chapter_code,
        "business_type": Company.business_type,
        "state": state_expression(),
        "committee_on": CommitteeSession.held_on,
    }.get(query.order_by)
    if column is None:
        column = getattr(Application, query.order_by)
    tie = Company.sort_name if query.order_by != "company_name" else Application.opened_on
    return [column.desc() if query.descending else column.asc(), tie, Application.id]


def count_applications(ws: Workspace, query: ApplicationQuery = ALL_APPLICATIONS) -> int:
    with ws.db.reading() as session:
        stmt = scoped(_filtered(query, ws.today()), Company.chapter_code, ws)
        subquery = stmt.with_only_columns(Application.id).subquery()
        return session.scalar(select(func.count()).select_from(subquery)) or 0


def find_applications(
    ws: Workspace, query: ApplicationQuery = ALL_APPLICATIONS
) -> list[ApplicationRow]:
    """One page of the applications list, filtered and sorted by the database."""
    stmt = scoped(_filtered(query, ws.today()), Company.chapter_code, ws)
    stmt = stmt.order_by(*_order(query)).offset(query.offset)
    if query.limit is not None:
        stmt = stmt.limit(query.limit)
    with ws.db.reading() as session:
        return application_rows(session.execute(stmt).all())


def application_rows(found: Sequence[Any]) -> list[ApplicationRow]:
    rows = []
    for app, name, tax_id, country, chapter, business_type, held_on, state, got, need in found:
        rows.append(
            ApplicationRow(
                id=app.id,
                company_id=app.company_id,
                company_name=name,
                tax_id=format_tax_id(country, tax_id),
                chapter_code=chapter,
                business_type=business_type,
                opened_on=app.opened_on,
                state=ApplicationState(state),
                documents_received=int(got or 0),
                documents_required=int(need or 0),
                committee_session_id=app.committee_session_id,
                committee_on=held_on,
                decision=app.decision,
                decision_reason=app.decision_reason or "",
                decided_on=app.decided_on,
                welcome_letter_on=app.welcome_letter_on,
                audit_deadline=app.audit_deadline,
                version=app.version,
            )
        )
    return rows


def load_application_row(session: Session, application_id: int, today: date) -> ApplicationRow:
    """The application as the list shows it, read in ``session``."""
    found = session.execute(
        _filtered(ALL_APPLICATIONS, today).where(Application.id == application_id)
    ).all()
    if not found:
        raise NotFoundError(_("Application {id} does not exist."), id=application_id)
    return application_rows(found)[0]


def get_application(
    ws: Workspace, application_id: int, *, language: str | None = None
) -> ApplicationDetail:
    """The application with its checklist (titles in ``language``, default the chapter's)."""
    with ws.db.reading() as session:
        require_application(ws, session, application_id)
        return load_detail(ws, session, application_id, language)


def load_detail(
    ws: Workspace, session: Session, application_id: int, language: str | None = None
) -> ApplicationDetail:
    row = load_application_row(session, application_id, ws.today())
    chapter = ws.chapters.get(row.chapter_code) if row.chapter_code in ws.chapters else None
    language = language or (chapter.language if chapter else "es")
    known = {d.id: d for d in chapter.admission_documents} if chapter else {}
    order = {doc_id: n for n, doc_id in enumerate(known)}
    documents = session.scalars(
        select(ApplicationDocument).where(ApplicationDocument.application_id == application_id)
    ).all()
    lines = [
        DocumentLine(
            document_id=doc.document_id,
            title=known[doc.document_id].title.get(language)
            if doc.document_id in known
            else doc.document_id,
            state=doc.state,
            received_on=doc.received_on,
            file_name=doc.file_name,
            file_sha256=doc.file_sha256,
            applies=doc.document_id in known
            and known[doc.document_id].applies_to(row.business_type),
            note=doc.note or "",
        )
        for doc in sorted(documents, key=lambda d: (order.get(d.document_id, len(order)), d.id))
    ]
    history = session.execute(
        select(CommitteeSession.held_on, CommitteeDecision.decision, CommitteeDecision.reason)
        .join(CommitteeSession, CommitteeSession.id == CommitteeDecision.committee_session_id)
        .where(CommitteeDecision.application_id == application_id)
        .order_by(CommitteeSession.held_on, CommitteeDecision.id)
    ).all()
    return ApplicationDetail(
        row=row,
        documents=tuple(lines),
        history=tuple((held, decision, reason or "") for held, decision, reason in history),
    )


def agenda_counts(session: Session, session_ids: Sequence[int]) -> dict[int, tuple[int, int]]:
    """Per committee session: (applications heard, applications decided)."""
    counts: dict[int, tuple[int, int]] = defaultdict(lambda: (0, 0))
    if not session_ids:
        return counts
    decided = func.sum(case((CommitteeDecision.decision.is_not(None), 1), else_=0))
    for sid, total, done in session.execute(
        select(CommitteeDecision.committee_session_id, func.count(), decided)
        .where(CommitteeDecision.committee_session_id.in_(session_ids))
        .group_by(CommitteeDecision.committee_session_id)
    ):
        counts[sid] = (int(total), int(done or 0))
    return counts


# --- shared by the writing services ---------------------------------------------------------


def load_application(session: Session, application_id: int) -> Application:
    application = session.get(Application, application_id)
    if application is None:
        raise NotFoundError(_("Application {id} does not exist."), id=application_id)
    return application


def check_version(application: Application, expected_version: int | None) -> None:
    if expected_version is not None and application.version != expected_version:
        session = object_session(application)
        record = Message(_("Application {id}"), {"id": application.id})
        if session is None:  # pragma: no cover - always loaded in a session
            raise StaleRecordError(
                _("{record} was changed by someone else since you opened it. Reload to see it."),
                record=record,
            )
        raise stale_error(session, "application", application.id, record)


def missing_titles(ws: Workspace, application: Application, chapter_code: str) -> list[str]:
    """The titles (chapter's language) of the application's documents still missing."""
    chapter = ws.chapters.get(chapter_code) if chapter_code in ws.chapters else None
    known = (
        {d.id: d.title.get(chapter.language) for d in chapter.admission_documents}
        if chapter
        else {}
    )
    order = {doc_id: n for n, doc_id in enumerate(known)}
    missing = [d for d in application.documents if d.state is DocumentState.MISSING]
    missing.sort(key=lambda d: (order.get(d.document_id, len(order)), d.id))
    return [known.get(d.document_id, d.document_id) for d in missing]


def current_state(application: Application) -> ApplicationState:
    missing = sum(1 for d in application.documents if d.state is DocumentState.MISSING)
    return application_state(
        application.decision, application.committee_session_id is not None, missing
    )
