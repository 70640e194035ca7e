"""Members, auditors and audits made through the services, for the audit tests."""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date

from basc_desktop.domain.tax_id_samples import generate_tax_id
from basc_desktop.domain.vocabulary import AuditKind, BusinessType, Verdict
from basc_desktop.services.audit_forms import AuditPlanInput, AuditRow
from basc_desktop.services.auditors import add_auditor
from basc_desktop.services.audits import plan_audit, report_audit, start_audit
from basc_desktop.services.checklist import checklist, record_verdict
from basc_desktop.services.member_forms import MemberInput
from basc_desktop.services.members import create_member
from basc_desktop.services.workspace import Workspace
from tests.conftest import TODAY


def member(
    ws: Workspace,
    *,
    chapter: str = "co-bog",
    business_type: BusinessType = BusinessType.EXPORTER_IMPORTER,
    name: str = "Exportadora Andina S.A.S.",
    seed: int = 1,
) -> int:
    """A new member of ``chapter``; returns its id."""
    country = ws.chapters.get(chapter).country_code
    tax_id = generate_tax_id(country, random.Random(seed))
    row = create_member(
        ws,
        MemberInput(
            legal_name=name,
            tax_id=tax_id,
            chapter_code=chapter,
            business_type=business_type,
            city="Bogotá",
        ),
    )
    return row.id


def auditor(ws: Workspace, name: str = "Ana Gómez", chapter: str | None = "co-bog") -> int:
    return add_auditor(ws, name, "", chapter).id


def planned(
    ws: Workspace,
    company_id: int,
    *,
    kind: AuditKind = AuditKind.CERTIFICATION,
    on: date = TODAY,
    lead: int | None = None,
    team: tuple[int, ...] = (),
    standard: str = "6",
) -> AuditRow:
    return plan_audit(
        ws,
        AuditPlanInput(
            company_id=company_id,
            kind=kind,
            standard_version=standard,
            planned_on=on,
            lead_auditor_id=lead,
            team_ids=team,
        ),
    )


def judge_all(
    ws: Workspace,
    audit_id: int,
    verdicts: Mapping[str, Verdict] | None = None,
    *,
    evidence: Mapping[str, str] | None = None,
) -> None:
    """Judge every line: the given verdicts by requirement code, the rest conforming."""
    verdicts = verdicts or {}
    evidence = evidence or {}
    for line in checklist(ws, audit_id):
        record_verdict(
            ws,
            line.finding_id,
            verdicts.get(line.requirement_code, Verdict.CONFORMING),
            evidence.get(line.requirement_code),
        )


def reported(
    ws: Workspace,
    company_id: int,
    verdicts: Mapping[str, Verdict] | None = None,
    *,
    kind: AuditKind = AuditKind.CERTIFICATION,
    on: date = TODAY,
    lead: int | None = None,
    evidence: Mapping[str, str] | None = None,
) -> AuditRow:
    """An audit planned, started, fully judged and reported on ``on``."""
    audit = planned(ws, company_id, kind=kind, on=on, lead=lead)
    start_audit(ws, audit.id, on=on)
    judge_all(ws, audit.id, verdicts, evidence=evidence)
    return report_audit(ws, audit.id, on=on)
