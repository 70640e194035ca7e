"""The certificate register: each filter and sort against the test's own SQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from basc_desktop.domain.errors import NotFoundError
from basc_desktop.domain.vocabulary import AuditKind, CertificateState
from basc_desktop.services.certificate_forms import CERTIFICATE_SORTABLE_COLUMNS, CertificateQuery
from basc_desktop.services.certificates import (
    certificate_by_code,
    count_certificates,
    find_certificates,
    get_certificate,
    iter_certificates,
    suspend_certificate,
    withdraw_certificate,
)
from basc_desktop.services.members import get_member
from basc_desktop.services.workspace import Workspace
from tests.audit_factories import member
from tests.certificate_factories import certified

ALL = CertificateQuery(limit=None)


@pytest.fixture
def register(workspace: Workspace) -> Workspace:
    """Seven certificates of five members in three countries, in every state."""
    bog = member(workspace, name="Ñandú Logística S.A.S.", seed=1)
    certified(workspace, bog, on=date(2025, 5, 20))  # superseded below
    certified(workspace, bog, on=date(2026, 6, 3), kind=AuditKind.RECERTIFICATION)
    expiring = member(workspace, name="Aduanas del Caribe", seed=2)
    certified(workspace, expiring, on=date(2025, 7, 1))  # expires 2026-07-01
    pa = member(workspace, chapter="pa", name="Panamá Cargo Corp.", seed=3)
    suspended = certified(workspace, pa, on=date(2025, 8, 1))
    suspend_certificate(workspace, suspended.id, reason="Cuotas", on=date(2026, 2, 1))
    ht = member(workspace, chapter="ht", name="Haïti Transit S.A.", seed=4)
    gone = certified(workspace, ht, on=date(2025, 9, 1))
    withdraw_certificate(workspace, gone.id, reason="Incidente", on=date(2026, 3, 1))
    old = member(workspace, name="Bodegas Zeta", seed=5)
    certified(workspace, old, on=date(2024, 6, 1))  # expired 2025-06-01
    certified(workspace, old, on=date(2026, 6, 10), kind=AuditKind.RECERTIFICATION)
    return workspace


def _sql_count(ws: Workspace, where: str, **params: object) -> int:
    with ws.db.reading() as session:
        return int(
            session.execute(
                text(
                    "SELECT count(*) FROM certificates c JOIN companies m ON m.id = c.company_id "
                    f"WHERE {where}"
                ),
                params,
            ).scalar_one()
        )


FILTERS: list[tuple[CertificateQuery, str, dict[str, object]]] = [
    (CertificateQuery(), "1 = 1", {}),
    (
        CertificateQuery(states=(CertificateState.SUSPENDED, CertificateState.WITHDRAWN)),
        "c.state IN ('suspended', 'withdrawn')",
        {},
    ),
    (CertificateQuery(states=(CertificateState.SUPERSEDED,)), "c.state = 'superseded'", {}),
    (
        CertificateQuery(expires_within_days=30),
        "c.state IN ('valid', 'suspended') AND c.expires_on > :today AND c.expires_on <= :until",
        {"today": date(2026, 6, 15), "until": date(2026, 7, 15)},
    ),
    (
        CertificateQuery(expires_within_days=60),
        "c.state IN ('valid', 'suspended') AND c.expires_on > :today AND c.expires_on <= :until",
        {"today": date(2026, 6, 15), "until": date(2026, 8, 14)},
    ),
    (CertificateQuery(chapter_codes=("pa", "ht")), "m.chapter_code IN ('pa', 'ht')", {}),
    (CertificateQuery(countries=("co",)), "m.country = 'CO'", {}),
    (
        CertificateQuery(issued_from=date(2026, 6, 1), issued_until=date(2026, 6, 30)),
        "c.issued_on BETWEEN :first AND :last",
        {"first": date(2026, 6, 1), "last": date(2026, 6, 30)},
    ),
]


def test_filters_match_the_database(register: Workspace) -> None:
    for query, where, params in FILTERS:
        expected = _sql_count(register, where, **params)
        assert expected > 0, where
        assert count_certificates(register, query) == expected, where
        assert len(find_certificates(register, query)) == expected, where
    # Expiring leaves out the expired, the withdrawn and the superseded.
    rows = find_certificates(register, CertificateQuery(expires_within_days=30))
    assert [(r.company_name, r.expires_on) for r in rows] == [
        ("Aduanas del Caribe", date(2026, 7, 1))
    ]


def test_search_by_code_name_or_tax_id_as_the_country_writes_it(register: Workspace) -> None:
    rows = find_certificates(register, ALL)
    first = rows[0]
    by_code = find_certificates(register, CertificateQuery(search=first.code.lower()))
    assert [r.id for r in by_code] == [first.id]
    by_name = find_certificates(register, CertificateQuery(search="nandu logistica"))
    assert {r.company_name for r in by_name} == {"Ñandú Logística S.A.S."}
    assert len(by_name) == 2
    panama = next(r for r in rows if r.country == "PA")
    assert find_certificates(register, CertificateQuery(search=panama.tax_id))[0].id == panama.id
    assert find_certificates(register, CertificateQuery(search="haiti 00")) != []
    assert count_certificates(register, CertificateQuery(search="nobody%")) == 0
    # The tax ID reads as the country writes it.
    row = find_certificates(register, CertificateQuery(countries=("CO",)))[0]
    member_row = get_member(register, row.company_id).row
    assert row.tax_id == member_row.tax_id
    assert "-" in row.tax_id  # a Colombian NIT shows its check digit apart


def test_every_column_sorts_both_ways_names_folded(register: Workspace) -> None:
    for column in CERTIFICATE_SORTABLE_COLUMNS:
        up = find_certificates(register, CertificateQuery(order_by=column, descending=False))
        down = find_certificates(register, CertificateQuery(order_by=column, descending=True))
        assert [r.id for r in down] == [r.id for r in reversed(up)], column
        if column in ("issued_on", "expires_on", "code", "country"):
            values = [getattr(r, column) for r in up]
            assert values == sorted(values), column
    rows = find_certificates(register, CertificateQuery(order_by="company_name", descending=False))
    names = [r.company_name for r in rows]
    assert names[0] == "Aduanas del Caribe"
    # Folded: "Ñandú" sorts as "nandu", between "Haïti" and "Panamá".
    assert names.index("Ñandú Logística S.A.S.") < names.index("Panamá Cargo Corp.")
    assert names.index("Haïti Transit S.A.") < names.index("Ñandú Logística S.A.S.")
    with pytest.raises(ValueError, match="cannot sort certificates by 'signature'"):
        find_certificates(register, CertificateQuery(order_by="signature"))


def test_pages_batches_and_one_certificate(register: Workspace) -> None:
    every = [r.id for r in find_certificates(register, ALL)]
    assert len(every) == 7
    paged = [
        r.id
        for offset in range(0, 7, 3)
        for r in find_certificates(register, CertificateQuery(offset=offset, limit=3))
    ]
    assert paged == every
    batches = list(iter_certificates(register, CertificateQuery(offset=5, limit=1), batch_size=2))
    assert [len(b) for b in batches] == [2, 2, 2, 1]
    assert [r.id for b in batches for r in b] == every
    ids = tuple(every[:2])
    assert {r.id for r in find_certificates(register, CertificateQuery(ids=ids))} == set(ids)
    # One certificate, by id or by code.
    rows = find_certificates(register, CertificateQuery(states=(CertificateState.WITHDRAWN,)))
    detail = get_certificate(register, rows[0].id)
    assert detail.row == rows[0]
    assert [e.reason for e in detail.events][-1] == "Incidente"
    assert certificate_by_code(register, rows[0].code).row.id == rows[0].id
    with pytest.raises(NotFoundError, match="No certificate has the code NOPE-1-1"):
        certificate_by_code(register, " NOPE-1-1 ")
    with pytest.raises(NotFoundError, match="Certificate 999 does not exist"):
        get_certificate(register, 999)
