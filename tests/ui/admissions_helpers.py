"""Applications made through the services, and the Admissions area opened on them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from basc_desktop.domain.vocabulary import ApplicationDecision, BusinessType, DocumentState
from basc_desktop.services.admission_forms import ApplicationRow
from basc_desktop.services.admissions import (
    decide_application,
    get_application,
    mark_document,
    open_application,
    plan_committee_session,
)
from basc_desktop.services.workspace import Workspace
from basc_desktop.ui.areas.admissions import AdmissionsArea
from basc_desktop.ui.context import AppContext
from tests.audit_factories import member
from tests.conftest import TODAY
from tests.ui.conftest import settle_operations


def with_documents(ws: Workspace, company_id: int, *, on: date) -> ApplicationRow:
    """An application opened ``on`` with every document it needs received that day."""
    application = open_application(ws, company_id, on=on)
    for line in get_application(ws, application.id).documents:
        if line.state == DocumentState.MISSING:
            mark_document(
                ws, application.id, line.document_id, DocumentState.RECEIVED, received_on=on
            )
    return application


def decided(
    ws: Workspace,
    company_id: int,
    *,
    on: date,
    decision: ApplicationDecision = ApplicationDecision.ADMITTED,
    reason: str = "",
) -> ApplicationRow:
    """An application opened, completed, put before the committee and decided ``on``."""
    application = with_documents(ws, company_id, on=on)
    chapter = get_application(ws, application.id).row.chapter_code
    plan_committee_session(ws, chapter, on, "Ana Gómez, Luis Pérez", [application.id])
    return decide_application(ws, application.id, decision, reason=reason, on=on)


def open_area(qtbot: QtBot, context: AppContext) -> AdmissionsArea:
    area = AdmissionsArea(context)
    qtbot.addWidget(area)
    area.resize(1280, 820)
    area.show()
    qtbot.waitExposed(area)
    area.activate()
    settle_operations()
    return area


@dataclass(frozen=True)
class Applications:
    """The ids of a small register of applications, one in each situation (see below)."""

    overdue: int
    near: int
    far: int
    rejected: int
    collecting: int
    ready: int
    in_session: int
    companies: dict[str, int]


def register(ws: Workspace) -> Applications:
    """Seven applications dated around TODAY (15/06/2026), in co-bog unless said otherwise.

    Admitted 300 days ago (audit deadline 19/05/2026, overdue), 250 days ago (08/07/2026,
    23 days left) and 30 days ago (16/02/2027); rejected 10 days ago; one still collecting
    documents (Panama), one ready, one on today's committee agenda.
    """
    names = {
        "overdue": "Almacenes Ñandú S.A.S.",
        "near": "Transportes Cóndor Ltda.",
        "far": "Agencia de Aduanas Bolívar S.A.",
        "rejected": "Seguridad Nocturna Ltda.",
        "collecting": "Zona Libre Colón Trading S.A.",
        "ready": "Logística del Caribe S.A.S.",
        "in_session": "Puerto Seco Andino S.A.",
    }
    chapters = {"collecting": "pa"}
    kinds = {
        "near": BusinessType.ROAD_CARRIER,
        "far": BusinessType.CUSTOMS_AGENT,
        "rejected": BusinessType.SECURITY_COMPANY,
        "collecting": BusinessType.FREE_ZONE_USER,
        "ready": BusinessType.LOGISTICS_OPERATOR,
        "in_session": BusinessType.WAREHOUSE,
    }
    companies = {
        key: member(
            ws,
            name=name,
            seed=100 + number,
            chapter=chapters.get(key, "co-bog"),
            business_type=kinds.get(key, BusinessType.EXPORTER_IMPORTER),
        )
        for number, (key, name) in enumerate(names.items())
    }
    overdue = decided(ws, companies["overdue"], on=TODAY - timedelta(days=300))
    near = decided(ws, companies["near"], on=TODAY - timedelta(days=250))
    far = decided(ws, companies["far"], on=TODAY - timedelta(days=30))
    rejected = decided(
        ws,
        companies["rejected"],
        on=TODAY - timedelta(days=10),
        decision=ApplicationDecision.REJECTED,
        reason="No operating licence from the Superintendency.",
    )
    collecting = open_application(ws, companies["collecting"], on=TODAY - timedelta(days=5))
    first = get_application(ws, collecting.id).documents[0]
    mark_document(ws, collecting.id, first.document_id, DocumentState.RECEIVED)
    ready = with_documents(ws, companies["ready"], on=TODAY - timedelta(days=3))
    in_session = with_documents(ws, companies["in_session"], on=TODAY - timedelta(days=2))
    plan_committee_session(ws, "co-bog", TODAY, "Ana Gómez", [in_session.id])
    return Applications(
        overdue.id,
        near.id,
        far.id,
        rejected.id,
        collecting.id,
        ready.id,
        in_session.id,
        companies,
    )
