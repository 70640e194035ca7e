"""The dashboard's first overview: members by country and status."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date

import pytest

from basc_desktop.domain.tax_id_samples import generate_tax_id
from basc_desktop.domain.tax_ids import format_tax_id
from basc_desktop.domain.vocabulary import (
    BusinessType,
    MemberStatus,
)
from basc_desktop.services import overview
from basc_desktop.services.demo import build_demo
from basc_desktop.services.member_forms import MemberInput, MemberQuery
from basc_desktop.services.members import archive_member, create_member, find_members
from basc_desktop.services.overview import CountryOverview, country_overview
from basc_desktop.services.workspace import Workspace
from tests.conftest import TODAY
from tests.factories import certify

# (chapter, certificate issued, expires, suspended on) per member; None: no certificate.
PLAN: list[tuple[str, tuple[date, date, date | None] | None]] = [
    ("co-bog", (date(2026, 1, 10), date(2027, 1, 10), None)),  # certified
    ("co-bog", (date(2025, 8, 1), date(2026, 8, 1), None)),  # expiring (47 days left)
    ("co-bog", (date(2025, 1, 5), date(2026, 1, 5), None)),  # expired
    ("co-ant", (date(2026, 2, 1), date(2027, 2, 1), date(2026, 5, 1))),  # suspended
    ("co-ant", None),  # applicant
    ("pe", (date(2026, 3, 1), date(2027, 3, 1), None)),  # certified
    ("pe", (date(2026, 3, 2), date(2027, 3, 2), None)),  # certified
    ("mx", (date(2024, 3, 1), date(2025, 3, 1), None)),  # expired
]


def _register(ws: Workspace, chapter_code: str, number: int) -> int:
    country = ws.chapters.get(chapter_code).country_code
    tax_id = generate_tax_id(country, random.Random(number))
    row = create_member(
        ws,
        MemberInput(
            legal_name=f"Empresa de prueba {number}",
            tax_id=format_tax_id(country, tax_id),
            chapter_code=chapter_code,
            business_type=BusinessType.EXPORTER_IMPORTER,
        ),
    )
    return row.id


@pytest.fixture
def populated(workspace: Workspace) -> Workspace:
    for number, (chapter, certificate) in enumerate(PLAN):
        member_id = _register(workspace, chapter, number)
        if certificate is not None:
            issued, expires, suspended = certificate
            certify(workspace, member_id, issued, expires, suspended=suspended)
    archived = _register(workspace, "pe", 99)
    certify(workspace, archived, date(2026, 1, 1), date(2027, 1, 1))
    archive_member(workspace, archived, on=date(2026, 6, 1))
    return workspace


def test_counts_members_by_country_and_status(populated: Workspace) -> None:
    assert populated.today() == TODAY
    lines = {line.country: line for line in country_overview(populated)}
    assert lines["CO"] == CountryOverview("CO", 5, certified=1, expiring=1, expired=1, suspended=1)
    assert lines["PE"] == CountryOverview("PE", 2, certified=2, expiring=0, expired=0, suspended=0)
    assert lines["MX"] == CountryOverview("MX", 1, certified=0, expiring=0, expired=1, suspended=0)


def test_lists_every_chapter_country_even_without_members(populated: Workspace) -> None:
    lines = country_overview(populated)
    codes = [line.country for line in lines]
    assert codes == sorted(codes)
    assert set(populated.chapters.countries()) <= set(codes)
    assert next(line for line in lines if line.country == "HT").members == 0


def test_matches_the_members_list_whatever_the_batch_size(
    populated: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = find_members(populated, MemberQuery(limit=None))
    expected: Counter[tuple[str, MemberStatus | None]] = Counter(
        (row.country, row.status) for row in rows
    )
    monkeypatch.setattr(overview, "BATCH", 3)
    for line in country_overview(populated):
        assert line.members == sum(n for (c, _s), n in expected.items() if c == line.country)
        assert line.certified == expected[line.country, MemberStatus.CERTIFIED]
        assert line.expiring == expected[line.country, MemberStatus.EXPIRING]
        assert line.expired == expected[line.country, MemberStatus.EXPIRED]
        assert line.suspended == expected[line.country, MemberStatus.SUSPENDED]


def test_matches_the_members_list_on_the_demo(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_demo(workspace, companies=150, seed=5)
    monkeypatch.setattr(overview, "BATCH", 40)
    rows = find_members(workspace, MemberQuery(limit=None))
    expected = Counter((row.country, row.status) for row in rows)
    lines = country_overview(workspace)
    assert (
        sum(line.members for line in lines)
        == len(rows)
        == 150 - sum(1 for row in find_members(workspace, MemberQuery(limit=None, archived=True)))
    )
    for line in lines:
        for status in (
            MemberStatus.CERTIFIED,
            MemberStatus.EXPIRING,
            MemberStatus.EXPIRED,
            MemberStatus.SUSPENDED,
        ):
            assert getattr(line, status.value) == expected[line.country, status], line
    assert sum(line.certified for line in lines) > 0
