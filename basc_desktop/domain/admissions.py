"""The rules of admission: a chapter's checklist, an application's state, the committee.

A company applies; its application starts with the chapter's admission checklist,
where the documents that the chapter does not ask of the company's business type are
"not applicable".  The coordinator marks each document received (with a date), missing
or not applicable.  An application with no document missing is *ready* for the
monthly certification committee, which admits it, rejects it or postpones it.  An
admitted company has ``months_in_process`` months (9 by default) to ask for the
certification audit.  No Qt, no SQL.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from basc_desktop.domain.chapter import AdmissionDocument
from basc_desktop.domain.errors import LifecycleError, ValidationError
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import ApplicationDecision, BusinessType, DocumentState

__all__ = [
    "DECISIONS_NEEDING_A_REASON",
    "OPEN_STATES",
    "ApplicationState",
    "ChecklistItem",
    "Progress",
    "add_months",
    "application_state",
    "audit_deadline",
    "check_decision",
    "check_may_schedule",
    "checklist_for",
    "days_left",
    "decision_label",
    "document_state_label",
    "is_ready",
    "progress",
]


class ApplicationState(StrEnum):
    """Where an application stands; derived from its records, never typed."""

    COLLECTING = "collecting"
    """Documents are still missing."""
    READY = "ready"
    """No document missing: it can go to a committee session."""
    IN_SESSION = "in_session"
    """On the agenda of a committee session, waiting for its decision."""
    POSTPONED = "postponed"
    """The committee postponed it; it can go to a later session."""
    ADMITTED = "admitted"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]


_STATE_LABELS: dict[ApplicationState, str] = {
    ApplicationState.COLLECTING: _("Collecting documents"),
    ApplicationState.READY: _("Ready for committee"),
    ApplicationState.IN_SESSION: _("On a committee agenda"),
    ApplicationState.POSTPONED: _("Postponed"),
    ApplicationState.ADMITTED: _("Admitted"),
    ApplicationState.REJECTED: _("Rejected"),
}

OPEN_STATES: tuple[ApplicationState, ...] = (
    ApplicationState.COLLECTING,
    ApplicationState.READY,
    ApplicationState.IN_SESSION,
    ApplicationState.POSTPONED,
)
"""The applications still waiting for a final decision."""

_DECISION_LABELS: dict[ApplicationDecision, str] = {
    ApplicationDecision.ADMITTED: _("Admitted"),
    ApplicationDecision.REJECTED: _("Rejected"),
    ApplicationDecision.POSTPONED: _("Postponed"),
}

_DOCUMENT_STATE_LABELS: dict[DocumentState, str] = {
    DocumentState.RECEIVED: _("Received"),
    DocumentState.MISSING: _("Missing"),
    DocumentState.NOT_APPLICABLE: _("Not applicable"),
}

DECISIONS_NEEDING_A_REASON: frozenset[ApplicationDecision] = frozenset(
    {ApplicationDecision.REJECTED, ApplicationDecision.POSTPONED}
)
"""A rejection must say why; so must a postponement, which tells the company what to bring."""


def decision_label(decision: ApplicationDecision) -> str:
    return _DECISION_LABELS[decision]


def document_state_label(state: DocumentState) -> str:
    return _DOCUMENT_STATE_LABELS[state]


# --- the checklist ------------------------------------------------------------------------


@dataclass(frozen=True)
class ChecklistItem:
    """One document of the chapter's checklist as it starts for one application."""

    document_id: str
    applies: bool
    """Whether the chapter asks this document of the company's business type."""
    state: DocumentState


def checklist_for(
    documents: Iterable[AdmissionDocument], business_type: BusinessType
) -> list[ChecklistItem]:
    """The checklist a new application starts with, in the chapter file's order.

    Documents the chapter asks of this business type start missing; the others start
    (and stay, unless the coordinator says otherwise) not applicable.
    """
    items = []
    for document in documents:
        applies = document.applies_to(business_type)
        state = DocumentState.MISSING if applies else DocumentState.NOT_APPLICABLE
        items.append(ChecklistItem(document.id, applies, state))
    return items


@dataclass(frozen=True)
class Progress:
    """How far an application's documents are: "11 of 14 documents"."""

    received: int
    required: int
    """The documents not marked "not applicable"."""

    @property
    def missing(self) -> int:
        return self.required - self.received

    @property
    def complete(self) -> bool:
        return self.missing == 0


def progress(states: Iterable[DocumentState]) -> Progress:
    states = list(states)
    received = sum(1 for s in states if s is DocumentState.RECEIVED)
    required = sum(1 for s in states if s is not DocumentState.NOT_APPLICABLE)
    return Progress(received, required)


# --- the application's state --------------------------------------------------------------


def application_state(
    decision: ApplicationDecision | None, on_agenda: bool, missing: int
) -> ApplicationState:
    """The state of an application from its decision, its agenda and its missing documents.

    ``on_agenda`` says the application has a committee session; ``missing`` counts its
    documents still missing.  A decision wins; an application on an agenda without a
    decision is waiting for the committee; otherwise it is ready when nothing is missing.
    (``services.admission_list.state_expression`` is the same rule in SQL.)
    """
    if decision is ApplicationDecision.ADMITTED:
        return ApplicationState.ADMITTED
    if decision is ApplicationDecision.REJECTED:
        return ApplicationState.REJECTED
    if on_agenda and decision is None:
        return ApplicationState.IN_SESSION
    if decision is ApplicationDecision.POSTPONED:
        return ApplicationState.POSTPONED
    return ApplicationState.COLLECTING if missing else ApplicationState.READY


def is_ready(state: ApplicationState) -> bool:
    """Whether an application may be put on a committee session's agenda.

    Ready ones, and postponed ones (the committee hears them again, whatever is
    still missing: it may reject them).
    """
    return state in (ApplicationState.READY, ApplicationState.POSTPONED)


def check_may_schedule(
    state: ApplicationState, company: str, missing_titles: Sequence[str]
) -> None:
    """Raise LifecycleError, saying why, if the application cannot go on an agenda."""
    if is_ready(state):
        return
    if state is ApplicationState.COLLECTING:
        raise LifecycleError(
            _("{company} cannot go to the committee yet: missing {documents}."),
            company=company,
            documents=", ".join(missing_titles),
        )
    if state is ApplicationState.IN_SESSION:
        raise LifecycleError(
            _("{company} is already on the agenda of a committee session."), company=company
        )
    raise LifecycleError(
        _("The committee has already decided on {company}: {decision}."),
        company=company,
        decision=state.label,
    )


def check_decision(
    decision: ApplicationDecision,
    reason: str,
    *,
    state: ApplicationState,
    missing_titles: Sequence[str],
) -> None:
    """Raise if the committee's decision cannot be recorded on an application now.

    The application must be on a committee agenda; a rejection and a postponement need a
    reason; admission needs every required document received (the message names the
    missing ones).
    """
    if state in (ApplicationState.ADMITTED, ApplicationState.REJECTED):
        raise LifecycleError(
            _("This application is already decided: {decision}."), decision=state.label
        )
    if state is not ApplicationState.IN_SESSION:
        raise LifecycleError(
            _("Put the application on a committee session before recording its decision.")
        )
    if decision in DECISIONS_NEEDING_A_REASON and not reason.strip():
        raise ValidationError(
            "reason",
            _("The decision “{decision}” needs a reason: it goes into the minutes."),
            label=_("Reason"),
            decision=decision_label(decision),
        )
    if decision is ApplicationDecision.ADMITTED and missing_titles:
        raise LifecycleError(
            _("The company cannot be admitted while documents are missing: {documents}."),
            documents=", ".join(missing_titles),
        )


# --- dates --------------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` months; the 31st becomes the month's last day if needed."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def audit_deadline(admitted_on: date, months_in_process: int) -> date:
    """The last day an admitted company has to ask for its certification audit."""
    return add_months(admitted_on, months_in_process)


def days_left(deadline: date, today: date) -> int:
    """Days from ``today`` to ``deadline``: 0 on the day, negative once past."""
    return (deadline - today).days
