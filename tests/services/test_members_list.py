"""The members list on a demo database: search, every filter and every sort, checked
against the domain and against the test's own SQL (no hard-coded counts)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.domain.lifecycle import counting_certificate
from basc_desktop.domain.search import fold
from basc_desktop.domain.tax_ids import format_tax_id
from basc_desktop.domain.vocabulary import BusinessType, CertificateEventKind, MemberStatus
from basc_desktop.reports.member_list import MEMBER_LIST_FIELDS, write_members_csv
from basc_desktop.services.demo import create_demo_database
from basc_desktop.services.member_forms import SORTABLE_COLUMNS, MemberQuery, MemberRow
from basc_desktop.services.members import (
    archive_members,
    count_members,
    find_members,
    iter_members,
)
from basc_desktop.services.opening import open_workspace
from basc_desktop.services.status import company_records, status_facts
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import load_settings
from basc_desktop.store.engine import sqlite_url
from basc_desktop.store.members import Company
from basc_desktop.store.standing import STATUS_ORDER
from tests.conftest import TODAY, _clean_postgres

COMPANIES = 240
EVERYONE = MemberQuery(archived=None, limit=None)


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
TEXT_COLUMNS = ("legal_name", "trade_name", "tax_id", "country", "chapter_code", "city")


@pytest.fixture(scope="module", params=BACKENDS)
def demo(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    chapters: ChapterRegistry,
) -> Iterator[Workspace]:
    """A demo database of a few hundred companies, built once per module and backend."""
    folder = tmp_path_factory.mktemp("members-demo")
    settings = load_settings(folder / "data")
    if request.param == "sqlite":
        url = sqlite_url(folder / "demo.sqlite")
    else:
        url = request.getfixturevalue("postgres_url")
        _clean_postgres(url)
    create_demo_database(settings, chapters, companies=COMPANIES, seed=7, today=TODAY, url=url)
    ws = open_workspace(settings, chapters, url=url)
    ws.user = "tester"
    ws.clock = lambda: TODAY
    # A few archived members, so the archived filter has something to find.
    archive_members(ws, [r.id for r in find_members(ws, MemberQuery(limit=7, offset=11))])
    try:
        yield ws
    finally:
        ws.db.close()


def _everyone(ws: Workspace) -> list[MemberRow]:
    return find_members(ws, EVERYONE)


def _ids(rows: list[MemberRow]) -> set[int]:
    return {row.id for row in rows}


def _domain_facts(ws: Workspace) -> dict[int, object]:
    with ws.db.reading() as session:
        companies = session.execute(select(Company.id, Company.chapter_code)).all()
        warning = {cid: ws.chapters.get(code).expiry_warning_days for cid, code in companies}
        return dict(status_facts(session, [cid for cid, _ in companies], TODAY, warning))


def test_sql_status_is_the_domain_status_for_every_company(demo: Workspace) -> None:
    facts = _domain_facts(demo)
    rows = _everyone(demo)
    assert len(rows) == len(facts) == COMPANIES
    for row in rows:
        fact = facts[row.id]
        assert (row.status, row.certificate_code, row.expires_on, row.next_audit_on) == (
            fact.status,  # type: ignore[attr-defined]
            fact.certificate_code,  # type: ignore[attr-defined]
            fact.expires_on,  # type: ignore[attr-defined]
            fact.next_audit_on,  # type: ignore[attr-defined]
        ), row.legal_name
    # The demo exercises every status, so the comparison above means something.
    assert {row.status for row in rows} >= set(MemberStatus)


@pytest.mark.parametrize("status", list(MemberStatus))
def test_each_status_filter_finds_exactly_the_members_with_that_status(
    demo: Workspace, status: MemberStatus
) -> None:
    facts = _domain_facts(demo)
    current = {row.id for row in _everyone(demo) if row.archived_on is None}
    expected = {cid for cid in current if facts[cid].status is status}  # type: ignore[attr-defined]
    query = MemberQuery(statuses=(status,), limit=None)
    assert _ids(find_members(demo, query)) == expected
    assert count_members(demo, query) == len(expected)


def test_several_statuses_find_any_of_them(demo: Workspace) -> None:
    wanted = (MemberStatus.EXPIRING, MemberStatus.SUSPENDED)
    expected = {r.id for r in _everyone(demo) if r.archived_on is None and r.status in wanted}
    assert _ids(find_members(demo, MemberQuery(statuses=wanted, limit=None))) == expected


@pytest.mark.parametrize("days", [0, 30, 90, 400])
def test_expires_within_days_finds_certificates_in_force_expiring_by_then(
    demo: Workspace, days: int
) -> None:
    with demo.db.reading() as session:
        ids = list(session.scalars(select(Company.id).where(Company.archived_on.is_(None))))
        records = company_records(session, ids)
    expected = set()
    for cid, rec in records.items():
        cert = counting_certificate(rec, TODAY)
        if cert is None or any(e.kind is CertificateEventKind.WITHDRAWN for e in cert.events):
            continue
        if TODAY < cert.expires_on <= TODAY + timedelta(days=days):
            expected.add(cid)
    query = MemberQuery(expires_within_days=days, limit=None)
    assert _ids(find_members(demo, query)) == expected
    assert count_members(demo, query) == len(expected)
    if days == 90:
        assert expected  # the demo has certificates expiring soon


def test_search_ignores_case_and_accents_over_names_tax_id_and_city(demo: Workspace) -> None:
    with demo.db.reading() as session:
        companies = session.execute(
            select(
                Company.id,
                Company.legal_name,
                Company.trade_name,
                Company.tax_id,
                Company.city,
                Company.archived_on,
            )
        ).all()
    for text in ("bogota", "BOGOTÁ", "logistica", "S.A.S"):
        needle = fold(text)
        expected = {
            c.id
            for c in companies
            if c.archived_on is None
            and any(needle in fold(part) for part in (c.legal_name, c.trade_name, c.city, c.tax_id))
        }
        found = find_members(demo, MemberQuery(search=text, limit=None))
        assert _ids(found) == expected, text
        assert count_members(demo, MemberQuery(search=text)) == len(expected)
    assert _ids(find_members(demo, MemberQuery(search="bogota", limit=None)))


def test_search_finds_a_tax_id_typed_with_or_without_its_punctuation(demo: Workspace) -> None:
    colombian = next(r for r in _everyone(demo) if r.country == "CO")
    written = colombian.tax_id  # e.g. 900.123.456-7
    assert "." in written
    bare = written.replace(".", "").replace("-", "")
    for text in (written, bare[:-1], bare):
        found = find_members(demo, MemberQuery(search=text, archived=None, limit=None))
        assert colombian.id in _ids(found), text


def test_country_chapter_and_business_type_filters(demo: Workspace) -> None:
    everyone = [r for r in _everyone(demo) if r.archived_on is None]
    cases = [
        (MemberQuery(countries=("CO",), limit=None), lambda r: r.country == "CO"),
        (
            MemberQuery(countries=("CO", "PE"), limit=None),
            lambda r: r.country in ("CO", "PE"),
        ),
        (MemberQuery(chapters=("co-bog",), limit=None), lambda r: r.chapter_code == "co-bog"),
        (
            MemberQuery(business_types=(BusinessType.CUSTOMS_AGENT,), limit=None),
            lambda r: r.business_type is BusinessType.CUSTOMS_AGENT,
        ),
        (
            MemberQuery(
                countries=("CO",), statuses=(MemberStatus.CERTIFIED,), search="a", limit=None
            ),
            lambda r: (
                r.country == "CO"
                and r.status is MemberStatus.CERTIFIED
                and r in find_members(demo, MemberQuery(search="a", limit=None))
            ),
        ),
    ]
    for query, keep in cases:
        expected = {r.id for r in everyone if keep(r)}
        assert expected, query
        assert _ids(find_members(demo, query)) == expected
        assert count_members(demo, query) == len(expected)


def test_archived_filter(demo: Workspace) -> None:
    everyone = _everyone(demo)
    archived = {r.id for r in everyone if r.archived_on is not None}
    assert len(archived) >= 7
    assert _ids(find_members(demo, MemberQuery(archived=True, limit=None))) == archived
    current = _ids(find_members(demo, MemberQuery(limit=None)))
    assert current == _ids(everyone) - archived
    assert count_members(demo, MemberQuery(archived=None)) == len(everyone)


def _expected_order(rows: list[MemberRow], column: str, descending: bool) -> list[int]:
    """The order the list promises: by the column (status along the cycle, empty values
    last in both directions), ties by legal name (folded) then member id, in the same
    direction."""
    rank = {status: n for n, status in enumerate(STATUS_ORDER, start=1)}
    present = [r for r in rows if getattr(r, column) is not None or column == "status"]
    empty = [r for r in rows if r not in present]

    def key(row: MemberRow) -> tuple[object, str, int]:
        value = getattr(row, column)
        if column == "status":
            value = rank.get(value, 0)
        return (value, fold(row.legal_name), row.id)

    ordered = sorted(present, key=key, reverse=descending)
    ordered += sorted(empty, key=lambda r: (fold(r.legal_name), r.id), reverse=descending)
    return [r.id for r in ordered]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("column", SORTABLE_COLUMNS)
def test_every_column_sorts_in_the_database(demo: Workspace, column: str, descending: bool) -> None:
    query = MemberQuery(order_by=column, descending=descending, archived=None, limit=None)
    found = [r.id for r in find_members(demo, query)]
    if column in (*TEXT_COLUMNS, "business_type"):
        # Text sorts by the database's own collation: compare with the test's own SQL.
        key = Company.sort_name if column == "legal_name" else getattr(Company, column)
        ties = [Company.id] if column == "legal_name" else [Company.sort_name, Company.id]
        own = select(Company.id).order_by(
            *(k.desc() if descending else k.asc() for k in (key, *ties))
        )
        with demo.db.reading() as session:
            assert found == list(session.scalars(own))
    else:
        assert found == _expected_order(_everyone(demo), column, descending)
    # A page is a slice of the whole order.
    page_query = MemberQuery(
        order_by=column, descending=descending, archived=None, offset=20, limit=15
    )
    page = find_members(demo, page_query)
    assert [r.id for r in page] == found[20:35]


def test_iter_members_reads_everything_in_batches(demo: Workspace) -> None:
    batches = list(iter_members(demo, EVERYONE, batch=50))
    assert [len(b) for b in batches[:-1]] == [50] * (len(batches) - 1)
    assert [r for b in batches for r in b] == _everyone(demo)


def test_csv_export_has_a_header_and_one_line_per_member(demo: Workspace) -> None:
    rows = find_members(demo, MemberQuery(statuses=(MemberStatus.EXPIRING,), limit=None))
    stream = io.StringIO()
    assert write_members_csv(rows, stream) == len(rows)
    lines = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert tuple(lines[0]) == MEMBER_LIST_FIELDS
    assert [line["tax_id"] for line in lines] == [r.tax_id for r in rows]
    assert {line["status"] for line in lines} == {"expiring"}
    first = rows[0]
    assert first.expires_on is not None
    assert lines[0]["expires_on"] == first.expires_on.isoformat()
    assert date.fromisoformat(lines[0]["expires_on"]) == first.expires_on
    assert lines[0]["tax_id"] == format_tax_id(first.country, first.tax_id)


def test_unknown_sort_column_is_a_bug_not_a_user_error(demo: Workspace) -> None:
    with pytest.raises(ValueError, match="cannot sort"):
        find_members(demo, MemberQuery(order_by="notes"))
