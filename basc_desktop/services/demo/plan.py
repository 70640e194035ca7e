"""Each demo company's story: who it is, and what happened to it when.

First a roster spreads the companies over chapters, business types and stories with
exact shares (so even a small demo has every chapter, business type and status);
then :func:`plan_company` turns one company's story into dated facts: application,
committee decision, audits, and the chain of certificates with their events.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TypeVar

from basc_desktop.domain.chapter import Chapter
from basc_desktop.domain.vocabulary import (
    ApplicationDecision,
    AuditKind,
    AuditState,
    BusinessType,
    CertificateEventKind,
)
from basc_desktop.services.demo import texts
from basc_desktop.services.demo.committee import CommitteeCalendar
from basc_desktop.services.demo.dates import add_months, days


class Story(StrEnum):
    PENDING = "pending"
    POSTPONED = "postponed"
    REJECTED = "rejected"
    IN_PROCESS = "in_process"
    CERTIFIED = "certified"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    SUSPENDED = "suspended"
    WITHDRAWN = "withdrawn"
    REINSTATED = "reinstated"


SHARES: dict[Story, float] = {
    Story.PENDING: 0.045,
    Story.POSTPONED: 0.015,
    Story.REJECTED: 0.02,
    Story.IN_PROCESS: 0.12,
    Story.EXPIRING: 0.09,
    Story.EXPIRED: 0.08,
    Story.SUSPENDED: 0.015,
    Story.WITHDRAWN: 0.012,
    Story.REINSTATED: 0.012,
}
"""Share of each story; CERTIFIED (valid, not expiring) takes the rest."""

CERTIFIED_STORIES = frozenset(
    {Story.CERTIFIED, Story.EXPIRING, Story.EXPIRED, Story.SUSPENDED, Story.WITHDRAWN,
     Story.REINSTATED}
)  # fmt: skip
_CYCLE_WEIGHTS = (35, 30, 20, 15)
"""Weights of 1, 2, 3 and 4 yearly certificates in a certified company's history."""
_BUSINESS_WEIGHTS: dict[BusinessType, int] = {
    BusinessType.EXPORTER_IMPORTER: 6, BusinessType.CUSTOMS_AGENT: 3,
    BusinessType.ROAD_CARRIER: 3, BusinessType.LOGISTICS_OPERATOR: 2,
    BusinessType.WAREHOUSE: 2, BusinessType.CARGO_AGENT: 2,
}  # fmt: skip
SPECIAL_COUNT = 5
_T = TypeVar("_T")
SECOND_SITE_SHARE = 0.03


@dataclass(frozen=True)
class Roster:
    """Per company index: chapter code, business type and story; plus the odd names."""

    chapters: list[str]
    business_types: list[BusinessType]
    stories: list[Story]
    specials: dict[int, int]


def _spread(
    rng: random.Random, count: int, items: Sequence[_T], weights: Sequence[float]
) -> list[_T]:
    """``count`` items, each at least once when there is room, the rest by weight, shuffled."""
    chosen = list(items[:count])
    chosen += rng.choices(items, weights=weights, k=count - len(chosen))
    rng.shuffle(chosen)
    return chosen


def make_roster(rng: random.Random, count: int, chapters: Sequence[Chapter]) -> Roster:
    chapter_weights = [2.0 if c.country_code in ("CO", "MX") else 1.0 for c in chapters]
    codes = _spread(rng, count, [c.code for c in chapters], chapter_weights)
    kinds = list(BusinessType)
    types = _spread(rng, count, kinds, [_BUSINESS_WEIGHTS.get(k, 1) for k in kinds])
    stories: list[Story] = []
    for story, share in SHARES.items():
        stories += [story] * max(round(count * share), 1 if count >= len(Story) else 0)
    stories = stories[:count]
    stories += [Story.CERTIFIED] * (count - len(stories))
    rng.shuffle(stories)
    specials = {
        index: n for n, index in enumerate(rng.sample(range(count), min(SPECIAL_COUNT, count)))
    }
    return Roster(codes, types, stories, specials)


@dataclass
class AuditPlan:
    kind: AuditKind
    state: AuditState
    planned_on: date
    started_on: date | None = None
    finished_on: date | None = None
    certifies: int | None = None
    """Index in ``CompanyPlan.cycles`` of the certificate this audit led to."""


@dataclass
class Cycle:
    """One certificate: its dates and its events besides "issued" and "superseded"."""

    issued_on: date
    expires_on: date
    changes: list[tuple[date, CertificateEventKind, str]] = field(default_factory=list)


@dataclass
class CompanyPlan:
    story: Story
    opened_on: date
    decision: ApplicationDecision | None = None
    decided_on: date | None = None
    reason: str = ""
    welcome_letter_on: date | None = None
    audit_deadline: date | None = None
    audits: list[AuditPlan] = field(default_factory=list)
    cycles: list[Cycle] = field(default_factory=list)
    second_site: bool = False
    archived_on: date | None = None

    @property
    def last_change(self) -> date:
        """The last day something was recorded about the company (for ``updated_at``)."""
        dates = [self.opened_on, self.decided_on, self.archived_on]
        dates += [c.issued_on for c in self.cycles]
        dates += [d for c in self.cycles for d, _, _ in c.changes]
        return max(d for d in dates if d is not None)


def plan_company(
    rng: random.Random, story: Story, chapter: Chapter, calendar: CommitteeCalendar
) -> CompanyPlan:
    today = calendar.today
    code = chapter.code
    if story is Story.PENDING:
        return CompanyPlan(story, today - days(rng.randint(1, 75)))
    if story in (Story.POSTPONED, Story.REJECTED):
        back = rng.randint(0, 60) if story is Story.POSTPONED else rng.randint(0, 900)
        decided = calendar.on_or_before(code, today - days(back))
        plan = CompanyPlan(story, decided - days(rng.randint(20, 75)), decided_on=decided)
        if story is Story.POSTPONED:
            plan.decision, plan.reason = ApplicationDecision.POSTPONED, rng.choice(texts.POSTPONED)
        else:
            plan.decision, plan.reason = ApplicationDecision.REJECTED, rng.choice(texts.REJECTED)
            if rng.random() < 0.4 and decided + days(30) <= today:
                plan.archived_on = decided + days(30)
        return plan
    if story is Story.IN_PROCESS:
        months = max(chapter.months_in_process * 30 - 30, 10)
        plan = _admitted(
            rng,
            chapter,
            calendar,
            calendar.on_or_before(code, today - days(rng.randint(5, months))),
        )
        _in_process_audits(rng, plan, today)
        return plan
    return _certified(rng, story, chapter, calendar)


def _admitted(
    rng: random.Random, chapter: Chapter, calendar: CommitteeCalendar, decided: date
) -> CompanyPlan:
    today = calendar.today
    plan = CompanyPlan(Story.IN_PROCESS, decided - days(rng.randint(20, 75)))
    plan.decision, plan.decided_on = ApplicationDecision.ADMITTED, decided
    letter = decided + days(rng.randint(2, 20))
    plan.welcome_letter_on = letter if letter <= today else None
    plan.audit_deadline = add_months(decided, chapter.months_in_process)
    return plan


def _planned(kind: AuditKind, on: date) -> AuditPlan:
    return AuditPlan(kind, AuditState.PLANNED, on)


def _started(kind: AuditKind, on: date) -> AuditPlan:
    return AuditPlan(kind, AuditState.IN_PROGRESS, on, on)


def _finished(kind: AuditKind, state: AuditState, end: date) -> AuditPlan:
    return AuditPlan(kind, state, end - days(1), end - days(1), end)


def _in_process_audits(rng: random.Random, plan: CompanyPlan, today: date) -> None:
    """A diagnostic visit soon after admission; later, the certification audit."""
    assert plan.decided_on is not None
    visit = plan.decided_on + days(rng.randint(20, 60))
    if visit >= today - days(2):
        plan.audits.append(_planned(AuditKind.DIAGNOSTIC, max(visit, today + days(1))))
        return
    plan.audits.append(_finished(AuditKind.DIAGNOSTIC, AuditState.CLOSED, visit))
    if (today - plan.decided_on).days < 120:
        return
    roll, kind = rng.random(), AuditKind.CERTIFICATION
    if roll < 0.6:
        plan.audits.append(_planned(kind, today + days(rng.randint(7, 90))))
    elif roll < 0.75:
        plan.audits.append(_started(kind, today - days(rng.randint(0, 2))))
    else:  # reported; most already closed and waiting for their certificate
        state = AuditState.REPORTED if roll < 0.85 else AuditState.CLOSED
        plan.audits.append(_finished(kind, state, today - days(rng.randint(2, 25))))


def _certified(
    rng: random.Random, story: Story, chapter: Chapter, calendar: CommitteeCalendar
) -> CompanyPlan:
    today, months = calendar.today, chapter.validity_months
    warning = chapter.expiry_warning_days
    span = (add_months(today, months) - today).days
    if story is Story.EXPIRING:
        target = today + days(rng.randint(4, max(4, warning)))
    elif story is Story.EXPIRED:
        target = today - days(rng.randint(1, 540))
    else:
        target = today + days(rng.randint(min(warning + 4, span - 12), span - 12))
    issued = add_months(target, -months)
    cycles = [Cycle(issued, add_months(issued, months))]
    for _ in range(rng.choices((1, 2, 3, 4), weights=_CYCLE_WEIGHTS)[0] - 1):
        old_target = cycles[0].issued_on + days(rng.randint(4, 30))
        old_issued = add_months(old_target, -months)
        cycles.insert(0, Cycle(old_issued, add_months(old_issued, months)))
    audits = []
    for index, cycle in enumerate(cycles):
        end = cycle.issued_on - days(rng.randint(5, 25))
        start = end - days(rng.randint(0, 2))
        kind = AuditKind.CERTIFICATION if index == 0 else AuditKind.RECERTIFICATION
        audits.append(AuditPlan(kind, AuditState.CLOSED, start, start, end, certifies=index))
    first_audit = audits[0].planned_on
    longest = max(61, min(240, chapter.months_in_process * 30 - 35))
    decided = calendar.on_or_after(chapter.code, first_audit - days(rng.randint(60, longest)))
    plan = _admitted(rng, chapter, calendar, decided)
    plan.story, plan.cycles, plan.audits = story, cycles, audits
    _ending(rng, plan, cycles[-1], today)
    plan.second_site = story is Story.CERTIFIED and rng.random() < SECOND_SITE_SHARE
    return plan


def _ending(rng: random.Random, plan: CompanyPlan, last: Cycle, today: date) -> None:
    """What happened to the last certificate: suspension, withdrawal, renewal coming…"""
    story = plan.story
    room = max((min(today, last.expires_on - days(1)) - last.issued_on).days, 2)
    if story in (Story.SUSPENDED, Story.WITHDRAWN, Story.REINSTATED):
        suspended = last.issued_on + days(rng.randint(1, room - 1))
        last.changes.append(
            (suspended, CertificateEventKind.SUSPENDED, rng.choice(texts.SUSPENDED))
        )
        then = suspended + days(rng.randint(1, max(1, (today - suspended).days)))
        if story is Story.WITHDRAWN:
            last.changes.append((then, CertificateEventKind.WITHDRAWN, rng.choice(texts.WITHDRAWN)))
            if rng.random() < 0.5 and then + days(15) <= today:
                plan.archived_on = then + days(15)
        elif story is Story.REINSTATED:
            last.changes.append(
                (then, CertificateEventKind.REINSTATED, rng.choice(texts.REINSTATED))
            )
    elif story is Story.EXPIRED:
        if (today - last.expires_on).days > 120 and rng.random() < 0.45:
            plan.archived_on = last.expires_on + days(rng.randint(30, 120))
    elif story is Story.EXPIRING:
        left, roll, kind = (last.expires_on - today).days, rng.random(), AuditKind.RECERTIFICATION
        if roll < 0.65:
            plan.audits.append(_planned(kind, today + days(rng.randint(1, max(1, left - 1)))))
        elif roll < 0.75:
            plan.audits.append(_started(kind, today))
        elif roll < 0.85:
            end = today - days(rng.randint(1, 10))
            plan.audits.append(_finished(kind, AuditState.REPORTED, end))
    elif story is Story.CERTIFIED and (last.expires_on - today).days < 130:
        on = last.expires_on - days(rng.randint(20, 45))
        if on > today:
            plan.audits.append(_planned(AuditKind.RECERTIFICATION, on))
