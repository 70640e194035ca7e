"""A demo company's certification history: audits with findings and actions, certificates."""

from __future__ import annotations

from collections import Counter
from datetime import date

from basc_desktop.domain.chapter import Chapter
from basc_desktop.domain.lifecycle import state_after
from basc_desktop.domain.numbering import CodeParts, format_certificate_code
from basc_desktop.domain.vocabulary import (
    ActionState,
    AuditKind,
    AuditState,
    BusinessType,
    CertificateEventKind,
    CertificateState,
    Verdict,
)
from basc_desktop.services.demo import texts
from basc_desktop.services.demo.companies import CompanyRef
from basc_desktop.services.demo.context import DEMO_USER, DemoContext
from basc_desktop.services.demo.dates import at, days
from basc_desktop.services.demo.plan import AuditPlan, CompanyPlan, Cycle

# Cumulative odds of each verdict: (conforming, observation, not applicable, minor); the
# rest is major.  A diagnostic visit finds the gaps that the company then closes.
_ODDS = {
    AuditKind.DIAGNOSTIC: (0.55, 0.67, 0.71, 0.91),
    AuditKind.CERTIFICATION: (0.82, 0.90, 0.94, 0.99),
    AuditKind.RECERTIFICATION: (0.86, 0.93, 0.96, 0.993),
}
_ISSUE_REASON = {0: "Certificación inicial.", 1: "Renovación anual."}


def write_history(
    ctx: DemoContext,
    company: CompanyRef,
    chapter: Chapter,
    business_type: BusinessType,
    plan: CompanyPlan,
) -> None:
    audit_ids: dict[int, int] = {}
    for audit in plan.audits:
        audit_id = _write_audit(ctx, company, chapter, business_type, plan, audit)
        if audit.certifies is not None:
            audit_ids[audit.certifies] = audit_id
    codes = [_code(chapter, company, 1, n + 1) for n in range(len(plan.cycles))]
    for index, cycle in enumerate(plan.cycles):
        renewal = plan.cycles[index + 1] if index + 1 < len(plan.cycles) else None
        changes = list(cycle.changes)
        if renewal is not None:
            reason = f"Renovado por el certificado {codes[index + 1]}."
            changes.append((renewal.issued_on, CertificateEventKind.SUPERSEDED, reason))
        _write_certificate(
            ctx, company, business_type, cycle, audit_ids[index], codes[index], 1, index + 1,
            changes,
        )  # fmt: skip
    if plan.second_site:
        last = len(plan.cycles) - 1
        code = _code(chapter, company, 2, 1)
        _write_certificate(
            ctx, company, business_type, plan.cycles[last], audit_ids[last], code, 2, 1, []
        )


def _code(chapter: Chapter, company: CompanyRef, site: int, issue: int) -> str:
    country = chapter.country
    parts = CodeParts(
        country.alpha3, country.alpha2, chapter.city_code, company.member_number, site, issue
    )
    return format_certificate_code(chapter.certificate_code, parts)


def _write_audit(
    ctx: DemoContext,
    company: CompanyRef,
    chapter: Chapter,
    business_type: BusinessType,
    plan: CompanyPlan,
    audit: AuditPlan,
) -> int:
    rng, writer = ctx.rng, ctx.writer
    audit_id = writer.new_id("audits")
    certified_on = plan.cycles[audit.certifies].issued_on if audit.certifies is not None else None
    version = ctx.version_on(certified_on or audit.planned_on)
    auditors = ctx.auditors_for(chapter)
    team = rng.sample(auditors, min(len(auditors), rng.randint(1, 3)))
    judged: list[tuple[int, str, Verdict]] = []
    if audit.state in (AuditState.CLOSED, AuditState.REPORTED):
        odds = _ODDS.get(audit.kind, _ODDS[AuditKind.RECERTIFICATION])
        judged = [
            (req.id, req.title, _verdict(rng.random(), odds))
            for req in ctx.requirements.get((version, business_type), ())
        ]
    counts = Counter(verdict for _, _, verdict in judged)
    created = min(ctx.today, max(plan.opened_on, audit.planned_on - days(30)))
    writer.add(
        "audits",
        {
            "id": audit_id,
            "company_id": company.id,
            "standard_version": version,
            "kind": audit.kind,
            "state": audit.state,
            "planned_on": audit.planned_on,
            "started_on": audit.started_on,
            "finished_on": audit.finished_on,
            "lead_auditor_id": team[0],
            "summary": texts.audit_summary(counts) if judged else "",
            "created_at": at(created, 9),
            "version": 1,
        },
    )
    for auditor_id in team:
        writer.add("audit_team", {"audit_id": audit_id, "auditor_id": auditor_id})
    if judged:
        assert audit.finished_on is not None
        _write_findings(ctx, company, chapter, audit_id, audit.finished_on, judged, certified_on)
    elif audit.state is AuditState.IN_PROGRESS:
        _write_open_checklist(ctx, audit_id, version, business_type, audit.started_on)
    return audit_id


def _write_open_checklist(
    ctx: DemoContext,
    audit_id: int,
    version: str,
    business_type: BusinessType,
    started: date | None,
) -> None:
    """An audit under way: its whole checklist, the first part of it already judged."""
    rng, writer = ctx.rng, ctx.writer
    requirements = ctx.requirements.get((version, business_type), ())
    judged_count = int(len(requirements) * rng.uniform(0.3, 0.8))
    judged_at = at(started or ctx.today, 11)
    odds = _ODDS[AuditKind.CERTIFICATION]
    for number, req in enumerate(requirements):
        verdict = _verdict(rng.random(), odds) if number < judged_count else None
        writer.add(
            "findings",
            {
                "id": writer.new_id("findings"),
                "audit_id": audit_id,
                "requirement_id": req.id,
                "verdict": verdict,
                "evidence": rng.choice(texts.EVIDENCE[verdict]) if verdict else "",
                "judged_at": judged_at if verdict else None,
            },
        )


def _verdict(roll: float, odds: tuple[float, float, float, float]) -> Verdict:
    if roll < odds[0]:
        return Verdict.CONFORMING
    if roll < odds[1]:
        return Verdict.OBSERVATION
    if roll < odds[2]:
        return Verdict.NOT_APPLICABLE
    if roll < odds[3]:
        return Verdict.MINOR
    return Verdict.MAJOR


def _write_findings(
    ctx: DemoContext,
    company: CompanyRef,
    chapter: Chapter,
    audit_id: int,
    finished: date,
    judged: list[tuple[int, str, Verdict]],
    certified_on: date | None,
) -> None:
    rng, writer = ctx.rng, ctx.writer
    judged_at = at(finished, 16)
    evidence = texts.EVIDENCE
    for requirement_id, title, verdict in judged:
        finding_id = writer.new_id("findings")
        writer.add(
            "findings",
            {
                "id": finding_id,
                "audit_id": audit_id,
                "requirement_id": requirement_id,
                "verdict": verdict,
                "evidence": rng.choice(evidence[verdict]),
                "judged_at": judged_at,
            },
        )
        if verdict is Verdict.MINOR or verdict is Verdict.MAJOR:
            _write_action(ctx, company, chapter, finding_id, title, verdict, finished, certified_on)


def _write_action(
    ctx: DemoContext,
    company: CompanyRef,
    chapter: Chapter,
    finding_id: int,
    title: str,
    verdict: Verdict,
    finished: date,
    certified_on: date | None,
) -> None:
    rng, today = ctx.rng, ctx.today
    deadline = chapter.deadlines.major if verdict is Verdict.MAJOR else chapter.deadlines.minor
    age = (today - finished).days
    submitted = verified = closed = None
    if verdict is Verdict.MAJOR and certified_on is not None:
        # No certificate while a major nonconformity is open: closed before the issue.
        closed = finished + days(rng.randint(1, max(1, (certified_on - finished).days - 1)))
        state = ActionState.CLOSED
    elif age > deadline + 60:
        closed = min(today, finished + days(rng.randint(5, deadline + 20)))
        state = ActionState.CLOSED
    else:
        state = rng.choice(_RECENT_STATES)
        if state is not ActionState.OPEN:
            submitted = finished + days(rng.randint(1, max(1, min(deadline, age))))
        if state in (ActionState.VERIFIED, ActionState.CLOSED):
            assert submitted is not None
            verified = closed = min(today, submitted + days(rng.randint(1, 10)))
            if state is ActionState.VERIFIED:
                closed = None
    if state is ActionState.CLOSED:
        assert closed is not None
        submitted = submitted or max(finished + days(1), closed - days(rng.randint(0, 4)))
        verified = verified or closed
    ctx.writer.add(
        "corrective_actions",
        {
            "id": ctx.writer.new_id("corrective_actions"),
            "finding_id": finding_id,
            "description": f"{title}: {rng.choice(texts.ACTIONS)}",
            "owner": company.owner,
            "due_on": finished + days(deadline),
            "state": state,
            "submitted_on": submitted,
            "verified_on": verified,
            "closed_on": closed,
            "closure_note": rng.choice(texts.CLOSURES) if state is ActionState.CLOSED else "",
            "version": 1,
        },
    )


_RECENT_STATES = (
    ActionState.OPEN, ActionState.OPEN, ActionState.OPEN, ActionState.SUBMITTED,
    ActionState.SUBMITTED, ActionState.VERIFIED, ActionState.CLOSED, ActionState.CLOSED,
)  # fmt: skip


def _write_certificate(
    ctx: DemoContext,
    company: CompanyRef,
    business_type: BusinessType,
    cycle: Cycle,
    audit_id: int,
    code: str,
    site: int,
    issue: int,
    changes: list[tuple[date, CertificateEventKind, str]],
) -> None:
    writer = ctx.writer
    state = CertificateState.VALID
    for _, kind, _ in changes:
        state = state_after(state, kind)
    ctx.certificate_states[state] += 1
    certificate_id = writer.new_id("certificates")
    writer.add(
        "certificates",
        {
            "id": certificate_id,
            "code": code,
            "company_id": company.id,
            "audit_id": audit_id,
            "standard_version": ctx.version_on(cycle.issued_on),
            "scope": business_type,
            "site": site,
            "issue_number": issue,
            "issued_on": cycle.issued_on,
            "expires_on": cycle.expires_on,
            "state": state,
            "signature": "",
            "created_at": at(cycle.issued_on, 15),
            "version": 1,
        },
    )
    issued = (cycle.issued_on, CertificateEventKind.ISSUED, _ISSUE_REASON[min(issue - 1, 1)])
    for on, kind, reason in [issued, *changes]:
        writer.add(
            "certificate_events",
            {
                "id": writer.new_id("certificate_events"),
                "certificate_id": certificate_id,
                "occurred_on": on,
                "kind": kind,
                "reason": reason,
                "recorded_by": DEMO_USER,
                "recorded_at": at(on, 16),
            },
        )
