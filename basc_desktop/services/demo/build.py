"""Building the demo database: reference data first, then the companies batch by batch."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.domain.errors import BascError
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import BusinessType, CertificateState
from basc_desktop.services.demo import texts
from basc_desktop.services.demo.committee import CommitteeCalendar
from basc_desktop.services.demo.companies import write_company
from basc_desktop.services.demo.context import DemoContext, RequirementRef
from basc_desktop.services.demo.history import write_history
from basc_desktop.services.demo.names import email_user, person
from basc_desktop.services.demo.plan import make_roster, plan_company
from basc_desktop.services.demo.writer import Writer
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.members import Company
from basc_desktop.store.search_index import search_index_paused
from basc_desktop.store.standards import Requirement
from basc_desktop.store.standing import refresh_standing

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

MAX_BATCH = 2_000
"""Companies generated and written together: bounds the memory whatever the total."""


class DemoCancelled(BascError):  # noqa: N818 - the name the API promises
    """The coordinator cancelled the demo build; nothing was written."""


@dataclass(frozen=True)
class DemoSummary:
    """How many records the demo wrote."""

    companies: int
    applications: int
    audits: int
    findings: int
    corrective_actions: int
    certificates: int
    certificates_by_state: dict[CertificateState, int] = field(default_factory=dict)


def build_demo(
    ws: Workspace,
    *,
    companies: int = 300,
    seed: int = 1,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> DemoSummary:
    """Fill the empty database of ``ws`` with ``companies`` made-up companies and their history.

    Everything is dated relative to ``ws.today()`` and drawn from ``random.Random(seed)``
    only, so the same seed on the same day gives the same rows.  One transaction: on a
    cancel (:class:`DemoCancelled`) or any error nothing is written.
    """
    if companies < 1:
        raise BascError(_("The demo needs at least one company, not {count}."), count=companies)
    chapters = list(ws.chapters)
    if not chapters:
        raise BascError(_("There are no chapters to build a demo for."))
    today = ws.today()
    rng = random.Random(seed)
    with ws.db.transaction() as session:
        existing = session.scalar(select(func.count()).select_from(Company)) or 0
        if existing:
            raise BascError(
                _(
                    "The demo can only fill an empty database, and this one already has "
                    "{count} companies. Create the demo database instead."
                ),
                count=existing,
            )
        ctx = _context(session, rng, today, ws.chapters)
        roster = make_roster(rng, companies, chapters)
        _write_reference_data(ctx, ws.chapters)
        batch = max(50, min(MAX_BATCH, companies // 10))
        _report(progress, 0, companies)
        with search_index_paused(session.connection()):
            for start in range(0, companies, batch):
                _check(cancelled)
                written_ids = []
                for index in range(start, min(companies, start + batch)):
                    chapter = ws.chapters.get(roster.chapters[index])
                    business_type = roster.business_types[index]
                    plan = plan_company(rng, roster.stories[index], chapter, ctx.calendar)
                    company = write_company(
                        ctx, chapter, business_type, plan, roster.specials.get(index)
                    )
                    write_history(ctx, company, chapter, business_type, plan)
                    written_ids.append(company.id)
                ctx.writer.flush()
                refresh_standing(session, written_ids)
                _report(progress, min(companies, start + batch), companies)
            ctx.writer.flush()
        _check(cancelled)
        ctx.writer.finish()
        written = ctx.writer.written
        return DemoSummary(
            companies=written["companies"],
            applications=written["applications"],
            audits=written["audits"],
            findings=written["findings"],
            corrective_actions=written["corrective_actions"],
            certificates=written["certificates"],
            certificates_by_state={s: ctx.certificate_states[s] for s in CertificateState},
        )


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def _check(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise DemoCancelled(_("The demo was cancelled; nothing was written."))


def _context(
    session: Session, rng: random.Random, today: date, chapters: ChapterRegistry
) -> DemoContext:
    requirements: dict[tuple[str, BusinessType], list[RequirementRef]] = defaultdict(list)
    versions = set()
    rows = session.execute(
        select(
            Requirement.id, Requirement.standard_version, Requirement.title_es,
            Requirement.business_types,
        ).order_by(Requirement.standard_version, Requirement.position, Requirement.id)
    )  # fmt: skip
    for req_id, version, title, kinds in rows:
        versions.add(version)
        for kind in BusinessType:
            if not kinds or kind.value in kinds:
                requirements[version, kind].append(RequirementRef(req_id, title))
    if not versions:
        raise BascError(_("No standard is loaded, so the demo cannot judge any audit."))
    return DemoContext(
        rng=rng,
        today=today,
        writer=Writer(session),
        calendar=CommitteeCalendar(chapters.codes(), today),
        requirements=dict(requirements),
        versions=frozenset(versions),
    )


def _write_reference_data(ctx: DemoContext, chapters: ChapterRegistry) -> None:
    """Auditors (3 to 6 per country, spread over its chapters) and committee sessions."""
    rng, writer = ctx.rng, ctx.writer
    for country in chapters.countries():
        local = chapters.by_country(country)
        count = max(rng.randint(3, 6), min(len(local), 6))
        for n in range(count):
            chapter = local[n % len(local)]
            name = person(rng, chapter.language)
            auditor_id = writer.new_id("auditors")
            writer.add(
                "auditors",
                {
                    "id": auditor_id,
                    "name": name,
                    "email": f"{email_user(name)}@auditores.{country.lower()}.example",
                    "chapter_code": chapter.code,
                    "active": True,
                },
            )
            ctx.auditors[country].append(auditor_id)
    for code, held_on in ctx.calendar.sessions():
        session_id = writer.new_id("committee_sessions")
        past = held_on <= ctx.today
        writer.add(
            "committee_sessions",
            {
                "id": session_id,
                "chapter_code": code,
                "held_on": held_on,
                "members_present": rng.choice(texts.COMMITTEE_MEMBERS) if past else "",
                "notes": "Sesión ordinaria." if past else "Sesión programada.",
            },
        )
        ctx.session_ids[code, held_on] = session_id
    writer.flush()
