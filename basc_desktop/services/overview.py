"""A first overview for the dashboard: members by country and certification status.

Counts current (not archived) members.  Each member is counted once, under its status
at the workspace's date: "certified" does not include "expiring" (a certificate that
is still valid but ends within the chapter's warning window).  Correctness first; the
real dashboard (a later issue) may keep counts up to date instead of computing them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select

from basc_desktop.domain.vocabulary import MemberStatus
from basc_desktop.services.status import status_facts
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.members import Company

BATCH = 1000
DEFAULT_WARNING_DAYS = 60


@dataclass(frozen=True)
class CountryOverview:
    country: str
    """ISO alpha-2 code."""
    members: int
    certified: int
    expiring: int
    expired: int
    suspended: int


def country_overview(ws: Workspace) -> list[CountryOverview]:
    """One line per country that has a chapter or a current member, by country code."""
    warning = {chapter.code: chapter.expiry_warning_days for chapter in ws.chapters}
    members: Counter[str] = Counter()
    by_status: Counter[tuple[str, MemberStatus | None]] = Counter()
    with ws.db.reading() as session:
        companies = session.execute(
            select(Company.id, Company.country, Company.chapter_code)
            .where(Company.archived_on.is_(None))
            .order_by(Company.id)
        ).all()
        for start in range(0, len(companies), BATCH):
            batch = companies[start : start + BATCH]
            days = {c.id: warning.get(c.chapter_code, DEFAULT_WARNING_DAYS) for c in batch}
            facts = status_facts(session, [c.id for c in batch], ws.today(), days)
            for company in batch:
                members[company.country] += 1
                by_status[company.country, facts[company.id].status] += 1
    countries = sorted(set(members) | set(ws.chapters.countries()))
    return [
        CountryOverview(
            country=code,
            members=members[code],
            certified=by_status[code, MemberStatus.CERTIFIED],
            expiring=by_status[code, MemberStatus.EXPIRING],
            expired=by_status[code, MemberStatus.EXPIRED],
            suspended=by_status[code, MemberStatus.SUSPENDED],
        )
        for code in countries
    ]
