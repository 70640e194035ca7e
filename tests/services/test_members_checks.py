"""Checking a member as typed: every bad field at once, bad input refused, nothing half-saved."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import func, select

from basc_desktop.domain.errors import ValidationError
from basc_desktop.domain.tax_id_samples import generate_tax_id
from basc_desktop.domain.tax_ids import format_tax_id
from basc_desktop.domain.vocabulary import BusinessType
from basc_desktop.services.member_forms import MemberInput
from basc_desktop.services.members import (
    check_member,
    clean_member,
    create_member,
    get_member,
    member_input,
    update_member,
)
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.events import Event
from basc_desktop.store.members import Company


def _nit(seed: int) -> str:
    return generate_tax_id("CO", random.Random(seed))


def _member(**changes: object) -> MemberInput:
    fields: dict[str, object] = {
        "legal_name": "Exportadora Andina S.A.S.",
        "trade_name": "Andina",
        "tax_id": _nit(11),
        "chapter_code": "co-bog",
        "business_type": BusinessType.EXPORTER_IMPORTER,
        "city": "Bogotá",
        "phone": "+57 601 555 0101",
        "email": "seguridad@andina.example",
        "website": "www.andina.example",
    }
    fields.update(changes)
    return MemberInput(**fields)  # type: ignore[arg-type]


def _stored(ws: Workspace) -> tuple[int, int]:
    with ws.db.reading() as session:
        companies = session.scalar(select(func.count()).select_from(Company)) or 0
        events = session.scalar(select(func.count()).select_from(Event)) or 0
    return companies, events


def test_a_good_member_has_no_problems(sqlite_workspace: Workspace) -> None:
    assert check_member(sqlite_workspace, _member()) == {}


def test_every_bad_field_is_reported_at_once(sqlite_workspace: Workspace) -> None:
    bad = _member(
        legal_name="   ",
        tax_id="900.123.456-0",
        business_type="pirate",
        email="not an address",
        phone="601 555",
        website="not a site",
        trade_name="x" * 301,
        address="y" * 301,
        city="z" * 121,
        notes="n" * 4_001,
    )
    problems = check_member(sqlite_workspace, bad)
    assert set(problems) == {
        "legal_name",
        "tax_id",
        "business_type",
        "email",
        "phone",
        "website",
        "trade_name",
        "address",
        "city",
        "notes",
    }
    assert all(isinstance(p, ValidationError) and p.field == f for f, p in problems.items())
    assert str(problems["legal_name"]) == "Legal name: Legal name is required."
    assert "NIT" in str(problems["tax_id"])
    assert "pirate" in str(problems["business_type"])
    # clean_member agrees: it refuses the same input, on the first of those fields.
    with pytest.raises(ValidationError) as caught:
        clean_member(sqlite_workspace, bad)
    assert caught.value.field in problems


def test_unknown_chapter_is_reported(sqlite_workspace: Workspace) -> None:
    problems = check_member(sqlite_workspace, _member(chapter_code="xx-nowhere"))
    assert set(problems) == {"chapter_code"}
    assert "xx-nowhere" in str(problems["chapter_code"])


@pytest.mark.parametrize(
    ("field", "limit"),
    [
        ("legal_name", 300),
        ("trade_name", 300),
        ("tax_id", 40),
        ("address", 300),
        ("city", 120),
        ("phone", 40),
        ("email", 254),
        ("website", 254),
        ("notes", 4_000),
    ],
)
def test_a_10000_character_paste_gets_a_limit_message_and_nothing_is_saved(
    sqlite_workspace: Workspace, field: str, limit: int
) -> None:
    pasted = _member(**{field: "A" * 10_000})
    problems = check_member(sqlite_workspace, pasted)
    assert set(problems) == {field}
    message = problems[field]
    assert message.message.params["max_length"] == limit
    assert message.message.params["length"] == 10_000
    assert f"at most {limit}" in str(message)
    assert "too long" in str(message)
    before = _stored(sqlite_workspace)
    with pytest.raises(ValidationError):
        create_member(sqlite_workspace, pasted)
    assert _stored(sqlite_workspace) == before


def test_a_name_of_only_spaces_is_refused(sqlite_workspace: Workspace) -> None:
    for blank in ("", "     ", "\t \n ", "\u00a0\u2003"):
        problems = check_member(sqlite_workspace, _member(legal_name=blank))
        assert set(problems) == {"legal_name"}, repr(blank)
        assert problems["legal_name"].message.template == "{label} is required."


def test_control_characters_are_stripped(sqlite_workspace: Workspace) -> None:
    typed = _member(
        legal_name="Expo\x00rtadora\x07 Andina\x1b S.A.S.",
        city="Bo\x08gotá\u200b",
        notes="line one\x00\nline\ttwo\x0c",
    )
    assert check_member(sqlite_workspace, typed) == {}
    fields = clean_member(sqlite_workspace, typed)
    assert fields["legal_name"] == "Exportadora Andina S.A.S."
    assert fields["city"] == "Bogotá"
    assert fields["notes"] == "line one\nline\ttwo"
    row = create_member(sqlite_workspace, typed)
    assert row.legal_name == "Exportadora Andina S.A.S."


def test_duplicate_tax_id_names_the_existing_company(workspace: Workspace) -> None:
    first = create_member(workspace, _member())
    # Same NIT typed with its punctuation, in another Colombian chapter.
    copy = _member(
        legal_name="Otra Empresa S.A.S.",
        tax_id=format_tax_id("CO", _nit(11)),
        chapter_code="co-ant",
    )
    problems = check_member(workspace, copy)
    assert set(problems) == {"tax_id"}
    params = problems["tax_id"].message.params
    assert params["existing_id"] == first.id
    assert params["company"] == "Exportadora Andina S.A.S."
    assert "already registered to Exportadora Andina S.A.S." in str(problems["tax_id"])
    before = _stored(workspace)
    with pytest.raises(ValidationError) as caught:
        create_member(workspace, copy)
    assert caught.value.message.params["existing_id"] == first.id
    assert _stored(workspace) == before
    # The member itself, checked while being edited, is not its own duplicate.
    assert check_member(workspace, _member(), member_id=first.id) == {}


def test_a_refused_edit_changes_nothing(workspace: Workspace) -> None:
    row = create_member(workspace, _member())
    edited = member_input(get_member(workspace, row.id))
    bad = MemberInput(**{**edited.__dict__, "city": "Medellín", "email": "broken"})
    before = _stored(workspace)
    with pytest.raises(ValidationError):
        update_member(workspace, row.id, bad, expected_version=row.version)
    after = get_member(workspace, row.id)
    assert after.row.city == "Bogotá"
    assert after.row.version == row.version
    assert _stored(workspace) == before
