"""A member's contacts, other programs and membership start: saved with the member,
checked row by row, and written into the history as the coordinator reads them."""

from __future__ import annotations

import dataclasses
import random
from datetime import date

import pytest
from sqlalchemy import func, select

from basc_desktop.domain.errors import StaleRecordError, ValidationError
from basc_desktop.domain.tax_id_samples import generate_tax_id
from basc_desktop.domain.vocabulary import BusinessType, RelatedProgram
from basc_desktop.services.demo import build_demo
from basc_desktop.services.member_forms import (
    ContactInput,
    FieldChange,
    MemberInput,
    MemberQuery,
    ProgramInput,
)
from basc_desktop.services.members import (
    check_member,
    create_member,
    find_members,
    get_member,
    member_history,
    member_input,
    update_member,
)
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.events import Event
from basc_desktop.store.members import Company, Contact, RelatedCertification

ANA = ContactInput("Ana Pérez", "Gerente", "Ana@Andina.example", "+57 601 555 0101")
LUIS = ContactInput("Luis Gómez", "Compras")
CTPAT = ProgramInput(
    RelatedProgram.CTPAT, "1234567890", "CBP", date(2025, 1, 1), date(2026, 12, 31)
)
ISO = ProgramInput("iso28000", "ISO28000-4411", "Bureau Veritas")


def _member(seed: int = 1, **changes: object) -> MemberInput:
    fields: dict[str, object] = {
        "legal_name": "Exportadora Andina S.A.S.",
        "tax_id": generate_tax_id("CO", random.Random(seed)),
        "chapter_code": "co-bog",
        "business_type": BusinessType.EXPORTER_IMPORTER,
        "city": "Bogotá",
    }
    fields.update(changes)
    return MemberInput(**fields)  # type: ignore[arg-type]


def _edit(ws: Workspace, member_id: int, **changes: object) -> None:
    detail = get_member(ws, member_id)
    data = dataclasses.replace(member_input(detail), **changes)  # type: ignore[arg-type]
    update_member(ws, member_id, data, expected_version=detail.row.version)


def _counts(ws: Workspace) -> tuple[int, int, int, int]:
    with ws.db.reading() as session:
        return tuple(  # type: ignore[return-value]
            session.scalar(select(func.count()).select_from(table)) or 0
            for table in (Company, Contact, RelatedCertification, Event)
        )


def test_contacts_programs_and_start_are_saved_and_round_trip(workspace: Workspace) -> None:
    row = create_member(
        workspace,
        _member(contacts=(ANA, LUIS), programs=(CTPAT,), membership_start=date(2019, 3, 1)),
    )
    detail = get_member(workspace, row.id)
    assert [c.name for c in detail.contacts] == ["Ana Pérez", "Luis Gómez"]
    assert detail.contacts[0].email == "ana@andina.example"  # normalised like the company's
    assert detail.related_certifications[0].program is RelatedProgram.CTPAT
    assert detail.related_certifications[0].valid_until == date(2026, 12, 31)
    assert detail.membership_start == date(2019, 3, 1)

    again = member_input(detail)
    assert again.contacts == (
        dataclasses.replace(ANA, email="ana@andina.example"),
        LUIS,
    )
    assert again.programs == (CTPAT,)
    # Saving it back unchanged writes nothing and keeps the version.
    update_member(workspace, row.id, again, expected_version=detail.row.version)
    assert get_member(workspace, row.id).row.version == detail.row.version
    assert [h.action for h in member_history(workspace, row.id)] == ["create"]
    created = {c.field: c.new for c in member_history(workspace, row.id)[0].changes}
    assert created["contacts"] == (
        "Ana Pérez (Gerente, ana@andina.example, +57 601 555 0101); Luis Gómez (Compras)"
    )
    assert created["programs"] == "C-TPAT 1234567890 (CBP, 2025-01-01 – 2026-12-31)"


def test_edits_add_change_and_remove_rows_and_the_history_says_which(
    workspace: Workspace,
) -> None:
    row = create_member(workspace, _member(contacts=(ANA, LUIS), programs=(CTPAT,)))
    ana = dataclasses.replace(ANA, email="", phone="")
    _edit(workspace, row.id, contacts=(ana, LUIS))
    _edit(workspace, row.id, contacts=(dataclasses.replace(ana, role="Gerente general"), LUIS))
    _edit(workspace, row.id, contacts=(LUIS,), programs=(CTPAT, ISO))
    _edit(workspace, row.id, programs=(), membership_start=date(2020, 1, 15))
    _edit(workspace, row.id, membership_start=None)

    detail = get_member(workspace, row.id)
    assert [(c.name, c.role) for c in detail.contacts] == [("Luis Gómez", "Compras")]
    assert detail.related_certifications == ()
    assert detail.membership_start is None
    assert _counts(workspace)[1:3] == (1, 0)

    updates = [
        h.changes for h in reversed(member_history(workspace, row.id)) if h.action == "update"
    ]
    assert updates[0] == (
        FieldChange(
            "contacts",
            "Ana Pérez (Gerente, ana@andina.example, +57 601 555 0101)",
            "Ana Pérez (Gerente)",
        ),
    )
    assert updates[1] == (
        FieldChange("contacts", "Ana Pérez (Gerente)", "Ana Pérez (Gerente general)"),
    )
    assert set(updates[2]) == {
        FieldChange("contacts", "Ana Pérez (Gerente general)", ""),
        FieldChange("programs", "", "ISO 28000 ISO28000-4411 (Bureau Veritas)"),
    }
    assert set(updates[3]) == {
        FieldChange("programs", "C-TPAT 1234567890 (CBP, 2025-01-01 – 2026-12-31); "
                    "ISO 28000 ISO28000-4411 (Bureau Veritas)", ""),
        FieldChange("membership_start", "", "2020-01-15"),
    }  # fmt: skip
    assert updates[4] == (FieldChange("membership_start", "2020-01-15", ""),)


def test_leaving_the_lists_out_keeps_them(workspace: Workspace) -> None:
    row = create_member(workspace, _member(contacts=(ANA,), programs=(CTPAT,)))
    _edit(workspace, row.id, contacts=None, programs=None, city="Cali")
    detail = get_member(workspace, row.id)
    assert [c.name for c in detail.contacts] == ["Ana Pérez"]
    assert len(detail.related_certifications) == 1


def test_an_edit_of_only_the_contacts_makes_an_open_edit_stale(workspace: Workspace) -> None:
    row = create_member(workspace, _member(contacts=(ANA,)))
    opened = get_member(workspace, row.id)
    _edit(workspace, row.id, contacts=(ANA, LUIS))
    late = dataclasses.replace(member_input(opened), contacts=())
    with pytest.raises(StaleRecordError):
        update_member(workspace, row.id, late, expected_version=opened.row.version)
    assert len(get_member(workspace, row.id).contacts) == 2


BAD_ROWS = [
    (
        {"contacts": (LUIS, ContactInput("   ", "Compras"))},
        "contacts[1].name",
        "Contact 2: Name is required.",
    ),
    (
        {"contacts": (ContactInput("Ana", email="ana@"),)},
        "contacts[0].email",
        "Contact 1: E-mail must look like name@company.com",
    ),
    (
        {"contacts": (ContactInput("Ana", phone="601 555"),)},
        "contacts[0].phone",
        "Contact 1: Phone must start with + and the country code",
    ),
    (
        {"contacts": (ContactInput("A" * 201),)},
        "contacts[0].name",
        "Contact 1: Name is too long: 201 characters, at most 200.",
    ),
    (
        {"programs": (ProgramInput(RelatedProgram.AEO, " "),)},
        "programs[0].identifier",
        "Program 1: Identifier is required.",
    ),
    (
        {"programs": (dataclasses.replace(CTPAT, valid_until=date(2024, 12, 31)),)},
        "programs[0].valid_until",
        "Program 1: Valid until is before the date it is valid from.",
    ),
    (
        {"programs": (CTPAT, ISO, dataclasses.replace(CTPAT, identifier="99"))},
        "programs[2].program",
        "Program 3: C-TPAT is already listed in row 1.",
    ),
    (
        {"programs": (ProgramInput("bogus", "1"),)},
        "programs[0].program",
        "Program 1: Choose C-TPAT, AEO/OEA or ISO 28000.",
    ),
]


@pytest.mark.parametrize(("changes", "key", "message"), BAD_ROWS)
def test_a_bad_row_is_refused_naming_field_and_row_and_nothing_is_written(
    workspace: Workspace, changes: dict[str, object], key: str, message: str
) -> None:
    data = _member(**changes)
    found = check_member(workspace, data)
    assert list(found) == [key]
    assert str(found[key].message).startswith(message)
    assert found[key].row == int(key.split("[")[1].split("]")[0]) + 1

    with pytest.raises(ValidationError) as refused:
        create_member(workspace, data)
    assert refused.value.field == key
    assert _counts(workspace) == (0, 0, 0, 0)

    row = create_member(workspace, _member(seed=2, contacts=(ANA,), programs=(CTPAT,)))
    before = _counts(workspace)
    with pytest.raises(ValidationError):
        _edit(workspace, row.id, city="Cali", **changes)
    assert _counts(workspace) == before
    assert get_member(workspace, row.id).row.city == "Bogotá"


def test_every_demo_member_round_trips_through_the_checks(sqlite_workspace: Workspace) -> None:
    build_demo(sqlite_workspace, companies=40, seed=5)
    rows = find_members(sqlite_workspace, MemberQuery(archived=None, limit=None))
    with_lists = 0
    for row in rows:
        detail = get_member(sqlite_workspace, row.id)
        with_lists += bool(detail.contacts and detail.related_certifications)
        assert check_member(sqlite_workspace, member_input(detail), member_id=row.id) == {}
    assert with_lists > 0
