"""Registering, editing, finding and archiving members, as a coordinator does."""

from __future__ import annotations

import random
from datetime import date

import pytest
from sqlalchemy import select

from basc_desktop.domain.errors import NotFoundError, StaleRecordError, ValidationError
from basc_desktop.domain.tax_id_samples import generate_tax_id
from basc_desktop.domain.tax_ids import format_tax_id
from basc_desktop.domain.vocabulary import (
    BusinessType,
    MemberStatus,
)
from basc_desktop.services.member_forms import MemberInput, MemberQuery
from basc_desktop.services.members import (
    archive_member,
    count_members,
    create_member,
    find_member_by_tax_id,
    find_members,
    get_member,
    member_input,
    restore_member,
    update_member,
)
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.events import Event
from basc_desktop.store.members import Company
from tests.factories import certify


def _member(chapter: str = "co-bog", **changes: object) -> MemberInput:
    fields: dict[str, object] = {
        "legal_name": "Exportadora Andina S.A.S.",
        "trade_name": "Andina",
        "tax_id": "900.123.456-8",
        "chapter_code": chapter,
        "business_type": BusinessType.EXPORTER_IMPORTER,
        "city": "Bogotá",
        "phone": "+57 601 555 0101",
        "email": "Seguridad@Andina.example",
    }
    fields.update(changes)
    return MemberInput(**fields)  # type: ignore[arg-type]


def _valid_nit(seed: int) -> str:
    return generate_tax_id("CO", random.Random(seed))


def test_new_member_is_saved_normalised_numbered_and_logged(workspace: Workspace) -> None:
    nit = _valid_nit(1)
    row = create_member(workspace, _member(tax_id=format_tax_id("CO", nit)))
    assert row.legal_name == "Exportadora Andina S.A.S."
    assert row.tax_id == format_tax_id("CO", nit)
    assert row.country == "CO"
    assert row.member_number == 1
    assert row.status is None  # registered, no application yet
    with workspace.db.reading() as session:
        stored = session.execute(select(Company.tax_id, Company.email)).one()
        events = session.execute(
            select(Event.record_type, Event.record_id, Event.action, Event.user_name)
        ).all()
    assert tuple(stored) == (nit, "seguridad@andina.example")
    assert [tuple(e) for e in events] == [("company", row.id, "create", "tester")]
    second = create_member(workspace, _member(tax_id=_valid_nit(2), legal_name="Otra S.A.S."))
    assert second.member_number == 2


def test_tax_id_registered_in_the_country_is_refused_naming_the_company(
    workspace: Workspace,
) -> None:
    nit = _valid_nit(3)
    create_member(workspace, _member(tax_id=nit))
    with pytest.raises(ValidationError) as caught:
        # Another Colombian chapter, same NIT written with dots: still the same company.
        create_member(
            workspace, _member("co-ant", tax_id=format_tax_id("CO", nit), legal_name="Copia S.A.S.")
        )
    assert caught.value.field == "tax_id"
    assert "Exportadora Andina S.A.S." in str(caught.value)
    assert "NIT" in str(caught.value)
    assert count_members(workspace) == 1


def test_same_number_in_another_country_is_another_company(workspace: Workspace) -> None:
    create_member(workspace, _member(tax_id="20100070970", chapter="pe", legal_name="Uno S.A.C."))
    # Another country's ID scheme: what counts as duplicate is per country.
    rnc = generate_tax_id("DO", random.Random(5))
    create_member(workspace, _member(tax_id=rnc, chapter="do", legal_name="Dos S.R.L."))
    assert count_members(workspace) == 2


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"legal_name": "   "}, "legal_name", "required"),
        ({"tax_id": "900.123.456-0"}, "tax_id", "NIT"),
        ({"tax_id": ""}, "tax_id", "NIT"),
        ({"email": "not-an-email"}, "email", "name@company.com"),
        ({"phone": "555 0101"}, "phone", "country code"),
        ({"chapter_code": "xx-nowhere"}, "chapter_code", "xx-nowhere"),
        ({"business_type": "pirate"}, "business_type", "pirate"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(
    workspace: Workspace, changes: dict[str, object], field: str, words: str
) -> None:
    fields = {"tax_id": _valid_nit(7), **changes}
    with pytest.raises(ValidationError) as caught:
        create_member(workspace, _member(**fields))
    assert caught.value.field == field
    assert words in str(caught.value)
    assert count_members(workspace, MemberQuery(archived=None)) == 0
    with workspace.db.reading() as session:
        assert session.scalars(select(Event)).all() == []


def test_mexican_rfc_is_labelled_rfc(workspace: Workspace) -> None:
    with pytest.raises(ValidationError) as caught:
        create_member(workspace, _member("mx", tax_id="ABC123", legal_name="Transportes S.A."))
    assert caught.value.label == "RFC"


def test_edit_records_old_and_new_values(workspace: Workspace) -> None:
    row = create_member(workspace, _member(tax_id=_valid_nit(11)))
    detail = get_member(workspace, row.id)
    edited = member_input(detail)
    edited = MemberInput(**{**edited.__dict__, "city": "Medellín", "trade_name": "Andina Export"})
    saved = update_member(workspace, row.id, edited, expected_version=row.version)
    assert saved.city == "Medellín"
    assert saved.version == row.version + 1
    with workspace.db.reading() as session:
        changes = session.scalar(select(Event.changes).where(Event.action == "update"))
    assert changes == {
        "city": ["Bogotá", "Medellín"],
        "trade_name": ["Andina", "Andina Export"],
    }


def test_stale_edit_is_refused_and_the_first_save_kept(workspace: Workspace) -> None:
    row = create_member(workspace, _member(tax_id=_valid_nit(12)))
    first = MemberInput(**{**member_input(get_member(workspace, row.id)).__dict__, "city": "Cali"})
    update_member(workspace, row.id, first, expected_version=row.version)
    late = MemberInput(**{**first.__dict__, "city": "Pasto"})
    with pytest.raises(StaleRecordError, match="changed by tester at"):
        update_member(workspace, row.id, late, expected_version=row.version)
    assert get_member(workspace, row.id).row.city == "Cali"


def test_archived_members_are_hidden_by_default_and_kept(workspace: Workspace) -> None:
    keep = create_member(workspace, _member(tax_id=_valid_nit(21), legal_name="Queda S.A.S."))
    leave = create_member(workspace, _member(tax_id=_valid_nit(22), legal_name="Se Va S.A.S."))
    archive_member(workspace, leave.id, on=date(2026, 5, 31))
    assert [r.id for r in find_members(workspace)] == [keep.id]
    archived = find_members(workspace, MemberQuery(archived=True))
    assert [(r.id, r.archived_on) for r in archived] == [(leave.id, date(2026, 5, 31))]
    assert count_members(workspace, MemberQuery(archived=None)) == 2
    restore_member(workspace, leave.id)
    assert count_members(workspace) == 2


def test_search_ignores_case_accents_and_tax_id_punctuation(workspace: Workspace) -> None:
    nit = _valid_nit(31)
    create_member(workspace, _member(tax_id=nit, legal_name="Logística Bogotá Ltda."))
    create_member(
        workspace,
        _member("co-ant", tax_id=_valid_nit(32), legal_name="Café del Sur S.A.S.", city="Medellín"),
    )

    def names(text: str) -> list[str]:
        return [r.legal_name for r in find_members(workspace, MemberQuery(search=text))]

    assert names("bogota") == ["Logística Bogotá Ltda."]
    assert names("LOGISTICA") == ["Logística Bogotá Ltda."]
    assert names(nit[:9]) == ["Logística Bogotá Ltda."]
    assert names(format_tax_id("CO", nit)) == ["Logística Bogotá Ltda."]
    assert names("medellin cafe") == ["Café del Sur S.A.S."]
    assert names("100%") == []


def test_filters_and_database_sorting(workspace: Workspace) -> None:
    for seed, (name, chapter, kind) in enumerate(
        [
            ("Beta S.A.S.", "co-bog", BusinessType.ROAD_CARRIER),
            ("Alfa S.A.S.", "co-ant", BusinessType.WAREHOUSE),
            ("Gamma S.A.S.", "co-bog", BusinessType.WAREHOUSE),
        ]
    ):
        create_member(
            workspace,
            _member(chapter, tax_id=_valid_nit(40 + seed), legal_name=name, business_type=kind),
        )
    by_name = find_members(workspace, MemberQuery(order_by="legal_name"))
    assert [r.legal_name for r in by_name] == ["Alfa S.A.S.", "Beta S.A.S.", "Gamma S.A.S."]
    descending = find_members(workspace, MemberQuery(order_by="legal_name", descending=True))
    assert [r.legal_name for r in descending] == ["Gamma S.A.S.", "Beta S.A.S.", "Alfa S.A.S."]
    warehouses_bog = MemberQuery(chapters=("co-bog",), business_types=(BusinessType.WAREHOUSE,))
    assert [r.legal_name for r in find_members(workspace, warehouses_bog)] == ["Gamma S.A.S."]
    assert count_members(workspace, MemberQuery(countries=("CO",))) == 3
    assert count_members(workspace, MemberQuery(countries=("PE",))) == 0
    page = find_members(workspace, MemberQuery(offset=1, limit=1))
    assert [r.legal_name for r in page] == ["Beta S.A.S."]


def test_find_by_tax_id_and_missing_member(workspace: Workspace) -> None:
    nit = _valid_nit(51)
    row = create_member(workspace, _member(tax_id=nit))
    assert find_member_by_tax_id(workspace, "CO", format_tax_id("CO", nit)).row.id == row.id
    with pytest.raises(NotFoundError, match="NIT"):
        find_member_by_tax_id(workspace, "CO", _valid_nit(52))
    with pytest.raises(NotFoundError):
        get_member(workspace, 999_999)


def test_list_shows_the_status_computed_from_the_records(workspace: Workspace) -> None:
    # TODAY is 2026-06-15 in the tests.
    fresh = create_member(workspace, _member(tax_id=_valid_nit(61), legal_name="A S.A.S."))
    soon = create_member(workspace, _member(tax_id=_valid_nit(62), legal_name="B S.A.S."))
    old = create_member(workspace, _member(tax_id=_valid_nit(63), legal_name="C S.A.S."))
    certify(workspace, fresh.id, date(2026, 3, 1), date(2027, 3, 1), code="COLBOG00001-1-1")
    certify(workspace, soon.id, date(2025, 7, 10), date(2026, 7, 10), code="COLBOG00002-1-1")
    certify(workspace, old.id, date(2024, 5, 2), date(2025, 5, 2), code="COLBOG00003-1-1")
    rows = {r.legal_name: r for r in find_members(workspace)}
    assert rows["A S.A.S."].status is MemberStatus.CERTIFIED
    assert rows["A S.A.S."].certificate_code == "COLBOG00001-1-1"
    assert rows["A S.A.S."].expires_on == date(2027, 3, 1)
    assert rows["B S.A.S."].status is MemberStatus.EXPIRING
    assert rows["C S.A.S."].status is MemberStatus.EXPIRED


def test_names_sort_as_a_coordinator_reads_them(workspace: Workspace) -> None:
    names = ["Zeta S.A.", "agencia del Caribe S.A.S.", "Ágil Carga Ltda.", "Díaz y Cía S.A."]
    for seed, name in enumerate(names):
        create_member(workspace, _member(tax_id=_valid_nit(70 + seed), legal_name=name))
    shown = [r.legal_name for r in find_members(workspace, MemberQuery(order_by="legal_name"))]
    assert shown == [
        "agencia del Caribe S.A.S.",
        "Ágil Carga Ltda.",
        "Díaz y Cía S.A.",
        "Zeta S.A.",
    ]
