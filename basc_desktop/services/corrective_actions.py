"""Corrective actions: the list, the company's plan, and open → submitted → verified → closed.

A corrective action is born when an audit with a nonconformity is reported (see
:func:`basc_desktop.services.audits.report_audit`).  The company submits it when it is
done; a follow-up audit of the company, while in progress, verifies it; then it is
closed.  An action still open or submitted after its due date is overdue.
"""

from __future__ import annotations

from collections.abc import Generator
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from basc_desktop.domain import validation
from basc_desktop.domain.audits import check_action_move, is_overdue
from basc_desktop.domain.errors import (
    LifecycleError,
    NotFoundError,
    ValidationError,
)
from basc_desktop.domain.text import Message
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import ActionState, AuditKind, AuditState
from basc_desktop.services.access import require_action, require_audit, scoped
from basc_desktop.services.audit_forms import (
    ACTION_SORTABLE_COLUMNS,
    ActionQuery,
    ActionRow,
)
from basc_desktop.services.audit_list import like_terms
from basc_desktop.services.trail import diff, flush_or_stale, record_event, stale_error
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.audits import Audit, CorrectiveAction, Finding
from basc_desktop.store.members import Company
from basc_desktop.store.standards import Requirement

__all__ = [
    "OPEN_ACTIONS",
    "actions_to_verify",
    "close_action",
    "count_actions",
    "find_actions",
    "get_action",
    "iter_actions",
    "submit_action",
    "update_action_plan",
    "verify_action",
]

RECORD_TYPE = "corrective_action"
OPEN_ACTIONS = ActionQuery()
"""The default list: every action not yet closed, soonest due first."""
WAITING = (ActionState.OPEN, ActionState.SUBMITTED)
"""The states in which an action past its due date is overdue (see domain.audits)."""


def _filtered(ws: Workspace, query: ActionQuery) -> Select[*tuple[Any, ...]]:
    stmt: Select[*tuple[Any, ...]] = (
        select(
            CorrectiveAction,
            Finding.audit_id,
            Finding.verdict,
            Audit.company_id,
            Company.legal_name,
            Company.chapter_code,
            Requirement.code,
            Requirement.title_es,
        )
        .join(Finding, Finding.id == CorrectiveAction.finding_id)
        .join(Audit, Audit.id == Finding.audit_id)
        .join(Company, Company.id == Audit.company_id)
        .join(Requirement, Requirement.id == Finding.requirement_id)
    )
    stmt = scoped(stmt, Company.chapter_code, ws)
    today = ws.today()
    if query.overdue:
        stmt = stmt.where(CorrectiveAction.state.in_(WAITING), CorrectiveAction.due_on < today)
    if query.due_within_days is not None:
        stmt = stmt.where(
            CorrectiveAction.due_on.between(today, today + timedelta(days=query.due_within_days))
        )
    if query.chapters:
        stmt = stmt.where(Company.chapter_code.in_(query.chapters))
    if query.company_id is not None:
        stmt = stmt.where(Audit.company_id == query.company_id)
    if query.severities:
        stmt = stmt.where(Finding.verdict.in_(query.severities))
    if query.states:
        stmt = stmt.where(CorrectiveAction.state.in_(query.states))
    if query.ids:
        stmt = stmt.where(CorrectiveAction.id.in_(query.ids))
    for condition in like_terms(Company.search_text, query.search):
        stmt = stmt.where(condition)
    return stmt


def _order(query: ActionQuery) -> list[Any]:
    if query.order_by not in ACTION_SORTABLE_COLUMNS:
        raise ValueError(f"cannot sort corrective actions by {query.order_by!r}")
    column: Any = {
        "company_name": Company.sort_name,
        "chapter_code": Company.chapter_code,
        "requirement_code": Requirement.code,
        "severity": Finding.verdict,
    }.get(query.order_by) or getattr(CorrectiveAction, query.order_by)
    return [column.desc() if query.descending else column.asc(), CorrectiveAction.id]


def _row(ws: Workspace, found: Any) -> ActionRow:
    action, audit_id, verdict, company_id, company_name, chapter_code, code, title = found
    return ActionRow(
        id=action.id,
        finding_id=action.finding_id,
        audit_id=audit_id,
        company_id=company_id,
        company_name=company_name,
        chapter_code=chapter_code,
        requirement_code=code,
        requirement_title=title,
        severity=verdict,
        description=action.description,
        owner=action.owner,
        due_on=action.due_on,
        state=action.state,
        overdue=is_overdue(action.state, action.due_on, ws.today()),
        submitted_on=action.submitted_on,
        verified_on=action.verified_on,
        closed_on=action.closed_on,
        closure_note=action.closure_note,
        version=action.version,
    )


def count_actions(ws: Workspace, query: ActionQuery = OPEN_ACTIONS) -> int:
    with ws.db.reading() as session:
        subquery = _filtered(ws, query).with_only_columns(CorrectiveAction.id).subquery()
        return session.scalar(select(func.count()).select_from(subquery)) or 0


def find_actions(ws: Workspace, query: ActionQuery = OPEN_ACTIONS) -> list[ActionRow]:
    """One page of the corrective actions list, filtered and sorted by the database."""
    stmt = _filtered(ws, query).order_by(*_order(query)).offset(query.offset)
    if query.limit is not None:
        stmt = stmt.limit(query.limit)
    with ws.db.reading() as session:
        return [_row(ws, found) for found in session.execute(stmt).all()]


def iter_actions(
    ws: Workspace, query: ActionQuery, batch: int = 1000
) -> Generator[list[ActionRow], None, None]:
    """Every action the query finds (from its offset, up to its limit), ``batch`` at a time."""
    stmt = _filtered(ws, query).order_by(*_order(query)).offset(query.offset)
    if query.limit is not None:
        stmt = stmt.limit(query.limit)
    with (
        ws.db.reading() as session,
        session.execute(stmt.execution_options(yield_per=batch)) as rows,
    ):
        for part in rows.partitions(batch):
            yield [_row(ws, found) for found in part]


def _load_row(ws: Workspace, session: Session, action_id: int) -> ActionRow:
    found = session.execute(
        _filtered(ws, ActionQuery(states=())).where(CorrectiveAction.id == action_id)
    ).first()
    if found is None:
        raise NotFoundError(_("Corrective action {id} does not exist."), id=action_id)
    return _row(ws, found)


def get_action(ws: Workspace, action_id: int) -> ActionRow:
    with ws.db.reading() as session:
        require_action(ws, session, action_id)
        return _load_row(ws, session, action_id)


def actions_to_verify(ws: Workspace, follow_up_audit_id: int) -> list[ActionRow]:
    """The submitted actions of the company a follow-up audit visits: what it must verify."""
    with ws.db.reading() as session:
        require_audit(ws, session, follow_up_audit_id)
        audit = session.get(Audit, follow_up_audit_id)
        if audit is None:
            raise NotFoundError(_("Audit {id} does not exist."), id=follow_up_audit_id)
        company_id = audit.company_id
    query = ActionQuery(
        company_id=company_id, states=(ActionState.SUBMITTED,), order_by="due_on", limit=None
    )
    return find_actions(ws, query)


def _load(session: Session, action_id: int) -> CorrectiveAction:
    action = session.get(CorrectiveAction, action_id)
    if action is None:
        raise NotFoundError(_("Corrective action {id} does not exist."), id=action_id)
    return action


def update_action_plan(
    ws: Workspace,
    action_id: int,
    *,
    description: str,
    owner: str,
    due_on: date,
    expected_version: int,
) -> ActionRow:
    """Save the company's plan for an action: what it will do, who answers, by when.

    Refused once the action is verified or closed.
    """
    fields = {
        "description": validation.require(
            "description", _("Description"), description, max_length=4000
        ),
        "owner": validation.optional("owner", _("Owner"), owner, max_length=200),
        "due_on": due_on,
    }
    if not isinstance(due_on, date):
        raise ValidationError("due_on", _("{label} is required."), label=_("Due date"))
    with ws.db.transaction() as session:
        require_action(ws, session, action_id)
        action = _load(session, action_id)
        if action.version != expected_version:
            record = Message(_("Corrective action {id}"), {"id": action_id})
            raise stale_error(session, RECORD_TYPE, action_id, record)
        if action.state not in WAITING:
            raise LifecycleError(
                _("This corrective action is “{state}”; it can no longer be changed."),
                state=action.state.label,
            )
        changes = diff({k: getattr(action, k) for k in fields}, fields)
        if changes:
            for key, value in fields.items():
                setattr(action, key, value)
            record = Message(_("Corrective action {id}"), {"id": action_id})
            flush_or_stale(session, ws, RECORD_TYPE, action_id, record)
            record_event(session, ws.user, RECORD_TYPE, action.id, "update", changes)
        return _load_row(ws, session, action_id)


def _move(
    ws: Workspace,
    session: Session,
    action: CorrectiveAction,
    target: ActionState,
    day: date,
    note: str,
    extra: dict[str, Any] | None = None,
) -> None:
    check_action_move(action.state, target)
    before = action.state
    action.state = target
    stamp = {
        ActionState.SUBMITTED: "submitted_on",
        ActionState.VERIFIED: "verified_on",
        ActionState.CLOSED: "closed_on",
    }[target]
    setattr(action, stamp, day)
    note = (note or "").strip()
    if note:
        action.closure_note = f"{action.closure_note}\n{note}".strip()
    session.flush()
    changes: dict[str, Any] = {"state": (before, target), stamp: (None, day)}
    if note:
        changes["note"] = note
    record_event(session, ws.user, RECORD_TYPE, action.id, target.value, changes | (extra or {}))


def submit_action(
    ws: Workspace, action_id: int, *, on: date | None = None, note: str = ""
) -> ActionRow:
    """The company says the action is done: it waits for a follow-up audit to verify it."""
    with ws.db.transaction() as session:
        require_action(ws, session, action_id)
        action = _load(session, action_id)
        _move(ws, session, action, ActionState.SUBMITTED, on or ws.today(), note)
        return _load_row(ws, session, action_id)


def verify_action(
    ws: Workspace, action_id: int, *, audit_id: int, on: date | None = None, note: str = ""
) -> ActionRow:
    """A follow-up audit in progress, of the same company, verifies a submitted action."""
    with ws.db.transaction() as session:
        require_action(ws, session, action_id)
        action = _load(session, action_id)
        company_id = session.scalar(
            select(Audit.company_id)
            .join(Finding, Finding.audit_id == Audit.id)
            .where(Finding.id == action.finding_id)
        )
        audit = session.get(Audit, audit_id)
        if audit is None:
            raise NotFoundError(_("Audit {id} does not exist."), id=audit_id)
        if audit.kind != AuditKind.FOLLOW_UP:
            raise LifecycleError(
                _("Only a follow-up audit can verify a corrective action; audit {id} is “{kind}”."),
                id=audit_id,
                kind=audit.kind.label,
            )
        if audit.company_id != company_id:
            raise LifecycleError(
                _("Audit {id} is of another company; it cannot verify this corrective action."),
                id=audit_id,
            )
        if audit.state != AuditState.IN_PROGRESS:
            raise LifecycleError(
                _(
                    "A corrective action is verified while the follow-up audit is in progress; "
                    "audit {id} is “{state}”."
                ),
                id=audit_id,
                state=audit.state.label,
            )
        day = on or ws.today()
        _move(ws, session, action, ActionState.VERIFIED, day, note, {"audit_id": audit_id})
        return _load_row(ws, session, action_id)


def close_action(
    ws: Workspace, action_id: int, *, on: date | None = None, note: str = ""
) -> ActionRow:
    """Close a verified action, with a closing note."""
    with ws.db.transaction() as session:
        require_action(ws, session, action_id)
        action = _load(session, action_id)
        _move(ws, session, action, ActionState.CLOSED, on or ws.today(), note)
        return _load_row(ws, session, action_id)
