"""Importing a chapter's member list: every problem by row and column, and all or nothing."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from basc_desktop.domain.errors import ValidationError
from basc_desktop.domain.vocabulary import BusinessType
from basc_desktop.reports.sheet_reading import (
    NotASpreadsheetError,
    PasswordProtectedError,
    UnreadableFileError,
)
from basc_desktop.services.imports import check_import, read_import, run_import
from basc_desktop.services.member_forms import MemberInput, MemberQuery
from basc_desktop.services.members import (
    count_members,
    create_member,
    find_member_by_tax_id,
    member_history,
)
from basc_desktop.services.workspace import Workspace
from tests.import_files import OLE_BYTES, PNG_BYTES, tax_ids, write_csv, write_xlsx

ALL = MemberQuery(archived=None, limit=None)
NITS = tax_ids("CO", 8, seed=11)
RUCS = tax_ids("PE", 2, seed=12)


def _wrong_check_digit(nit: str) -> str:
    last = int(nit[-1])
    return nit[:-1] + str((last + 1) % 10)


def _existing(ws: Workspace) -> None:
    create_member(
        ws,
        MemberInput(
            legal_name="Almacenes del Norte S.A.",
            tax_id=NITS[7],
            chapter_code="co-bog",
            business_type=BusinessType.WAREHOUSE,
            city="Bogotá",
            phone="+57 601 555 0000",
        ),
    )


def _messy(path: Path) -> Path:
    """A sheet as a chapter keeps it: titles, shuffled Spanish headers, merges, bad rows."""
    header = [
        "Nº", "N.I.T.", "RAZÓN SOCIAL", "Ciudad", "Capítulo", "Tipo de Empresa",
        "Correo electrónico", "Fecha de afiliación", "Teléfono",
    ]  # fmt: skip
    return write_xlsx(
        path,
        [
            ["Afiliados BASC Colombia — corte 2025"],
            ["Generado por la oficina de Bogotá"],
            [],
            header,
            [1, NITS[0], "Transportes Andinos S.A.S.", "Bogotá", "co-bog",
             "Transportista terrestre", "info@andinos.com.co", "15/03/2021", "+57 601 555 0101"],
            [2, NITS[1].replace(".", " "), "Café Ñandú Ltda.", "Bogotá", None,
             "exportador", None, "2/1/22", None],
            [3, _wrong_check_digit(NITS[2]), "Depósitos Unidos", "Bogotá", None,
             "Depósito", None, None, None],
            [],
            [4, NITS[0].replace(".", ""), "Andinos otra vez", "Bogotá", "BASC Bogotá",
             "Agente de aduanas", None, None, None],
            [5, NITS[3], "Aduanas del Sur", "Cali", "co-xyz", "customs_agent", None, None, None],
            [6, NITS[4], "Logística Caribe", "Barranquilla", "co-bog", "Operador logístico",
             "ventas@", "31/02/2024", None],
            [7, NITS[5], "  ", "Bogotá", "co-bog", "Panadería", None, None, None],
            [8, NITS[6], "Minera Inca", "Lima", "BASC Perú", "Exportador", None, None, None],
            [9, NITS[7], "Almacenes del Norte", "Bogotá", "co-bog", "Depósito", None, None, None],
        ],
        merges=["A1:I1", "E5:E7"],
    )  # fmt: skip


def _label(nit: str) -> str:
    return nit.replace(".", "").replace("-", "")


def test_a_messy_sheet_gives_exactly_its_problems_and_writes_nothing(
    workspace: Workspace, tmp_path: Path
) -> None:
    _existing(workspace)
    path = _messy(tmp_path / "afiliados.xlsx")
    preview = read_import(path)
    assert preview.header_row == 4
    assert preview.mapping == {
        1: "tax_id", 2: "legal_name", 3: "city", 4: "chapter_code", 5: "business_type",
        6: "email", 7: "membership_start", 8: "phone",
    }  # fmt: skip
    assert [row.number for row in preview.rows] == [5, 6, 7, 9, 10, 11, 12, 13, 14]

    report = run_import(workspace, path, preview.mapping)

    assert [str(p) for p in report.problems] == [
        "row 7, B (N.I.T.): The check digit of this NIT is wrong.",
        f"row 9, B (N.I.T.): The same NIT {NITS[0]} is on row 5.",
        "row 10, E (Capítulo): There is no chapter “co-xyz”.",
        "row 11, G (Correo electrónico): E-mail must look like name@company.com; got “ventas@”.",
        "row 11, H (Fecha de afiliación): “31/02/2024” is not a date: write it day first,"
        " like 31/12/2025.",
        "row 12, C (RAZÓN SOCIAL): Legal name is required.",
        "row 12, F (Tipo de Empresa): “Panadería” is not a business type.",
        f"row 13, B (N.I.T.): The RUC must have 11 digits; this one has {len(_label(NITS[6]))}.",
        "row 14, B (N.I.T.): Almacenes del Norte S.A. is already a member with this NIT:"
        " the row is skipped.",
    ]
    assert [p.blocking for p in report.problems] == [True] * 8 + [False]
    assert (report.rows, report.error_count, report.note_count) == (9, 8, 1)
    assert (report.to_add, report.to_update, report.to_skip) == (2, 0, 1)
    assert not report.written
    assert count_members(workspace, ALL) == 1


def _clean_rows() -> list[list[object]]:
    return [
        ["Empresa", "NIT / RUC", "País", "Capítulo", "Actividad", "Dirección", "Ciudad",
         "Teléfono", "E-mail", "Web", "Miembro desde", "Notas", "Nombre comercial"],
        ["Transportes Andinos S.A.S.", NITS[0], "Colombia", "co-bog", "Transportista terrestre",
         "Calle 100 # 10-20", "Bogotá", "+57 601 555 0101", "Info@Andinos.com.co",
         "www.andinos.com.co", date(2021, 3, 15), "Cliente desde 2019", "Andinos"],
        ["Café Ñandú Ltda.", NITS[1], "CO", "co-ant", "Exportador / importador", "", "Medellín",
         "", "", "", "02/01/2022", "", ""],
        ["Minera Inca S.A.C.", RUCS[0], "Perú", "", "exporter_importer", "Av. Arequipa 123",
         "Lima", "", "", "", "", "", ""],
        ["Agencia Aduanera Limeña", RUCS[1], "PE", "pe", "Agente de aduanas", "", "Callao",
         "", "", "", "2020-07-01", "", ""],
    ]  # fmt: skip


def test_a_clean_sheet_imports_fully(workspace: Workspace, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "limpia.xlsx", _clean_rows())
    preview = read_import(path)
    assert len(preview.mapping) == 13

    report = run_import(workspace, path, preview.mapping)

    assert report.problems == ()
    assert report.written
    assert (report.to_add, report.to_update, report.to_skip) == (4, 0, 0)
    assert count_members(workspace, ALL) == 4
    andinos = find_member_by_tax_id(workspace, "CO", NITS[0])
    assert andinos.row.legal_name == "Transportes Andinos S.A.S."
    assert andinos.row.trade_name == "Andinos"
    assert andinos.row.chapter_code == "co-bog"
    assert andinos.row.business_type == BusinessType.ROAD_CARRIER
    assert andinos.email == "info@andinos.com.co"
    assert andinos.membership_start == date(2021, 3, 15)
    assert andinos.notes == "Cliente desde 2019"
    assert andinos.row.member_number == 1
    nandu = find_member_by_tax_id(workspace, "CO", NITS[1])
    assert (nandu.row.chapter_code, nandu.membership_start) == ("co-ant", date(2022, 1, 2))
    inca = find_member_by_tax_id(workspace, "PE", RUCS[0])
    assert inca.row.chapter_code == "pe"  # Peru has one chapter
    limena = find_member_by_tax_id(workspace, "PE", RUCS[1])
    assert (limena.row.member_number, limena.membership_start) == (2, date(2020, 7, 1))
    history = member_history(workspace, andinos.row.id)
    assert [entry.action for entry in history] == ["create"]
    assert history[0].user == "tester"


def test_members_are_numbered_after_the_chapter_s_last(
    workspace: Workspace, tmp_path: Path
) -> None:
    _existing(workspace)
    rows = _clean_rows()[:3]
    path = write_csv(tmp_path / "limpia.csv", rows, delimiter=";", encoding="cp1252")
    report = run_import(workspace, path, read_import(path).mapping)
    assert report.written
    assert find_member_by_tax_id(workspace, "CO", NITS[0]).row.member_number == 2


def test_existing_members_are_updated_on_request_with_their_history(
    workspace: Workspace, tmp_path: Path
) -> None:
    _existing(workspace)
    rows = [
        ["Razón social", "NIT", "Capítulo", "Tipo de empresa", "Teléfono", "Ciudad"],
        ["Almacenes del Norte S.A.", NITS[7], "co-bog", "Depósito", "+57 601 555 9999", ""],
        ["Nueva S.A.S.", NITS[0], "co-bog", "Depósito", "", ""],
    ]
    path = write_xlsx(tmp_path / "cambios.xlsx", rows)
    mapping = read_import(path).mapping

    skipped = run_import(workspace, path, mapping)
    assert (skipped.to_add, skipped.to_update, skipped.to_skip) == (1, 0, 1)
    member = find_member_by_tax_id(workspace, "CO", NITS[7])
    assert member.phone == "+57 601 555 0000"

    checked = check_import(workspace, path, mapping, update_existing=True)
    assert (checked.to_add, checked.to_update, checked.to_skip) == (0, 1, 1)
    assert [str(p) for p in checked.problems] == [
        "row 2, B (NIT): Almacenes del Norte S.A. is already a member with this NIT:"
        " 1 fields will be updated.",
        "row 3, B (NIT): Nueva S.A.S. is already a member with the same data: nothing to change.",
    ]
    updated = run_import(workspace, path, mapping, update_existing=True)
    assert updated.written
    member = find_member_by_tax_id(workspace, "CO", NITS[7])
    assert member.phone == "+57 601 555 9999"
    assert member.row.city == "Bogotá"  # an empty cell keeps what was saved
    assert member.row.version == 2
    latest = member_history(workspace, member.row.id)[0]
    assert latest.action == "update"
    assert [(c.field, c.old, c.new) for c in latest.changes] == [
        ("phone", "+57 601 555 0000", "+57 601 555 9999")
    ]


def test_default_chapter_for_rows_without_one(workspace: Workspace, tmp_path: Path) -> None:
    rows = [["Razón social", "NIT", "Tipo de empresa"], ["Acme", NITS[0], "Depósito"]]
    path = write_xlsx(tmp_path / "sin-capitulo.xlsx", rows)
    mapping = read_import(path).mapping
    with pytest.raises(ValidationError, match="default chapter"):
        check_import(workspace, path, mapping)
    report = run_import(workspace, path, mapping, default_chapter="co-ant")
    assert report.written
    assert find_member_by_tax_id(workspace, "CO", NITS[0]).row.chapter_code == "co-ant"


def test_a_country_with_several_chapters_needs_the_chapter(
    workspace: Workspace, tmp_path: Path
) -> None:
    rows = [
        ["Razón social", "NIT", "País", "Capítulo", "Tipo de empresa"],
        ["Acme", NITS[0], "Colombia", "", "Depósito"],
        ["Beta", NITS[1], "Perú", "co-bog", "Depósito"],
        ["Gamma", NITS[2], "Atlántida", "co-bog", "Depósito"],
    ]
    path = write_xlsx(tmp_path / "paises.xlsx", rows)
    report = check_import(workspace, path, read_import(path).mapping)
    assert [str(p) for p in report.problems] == [
        "row 2, D (Capítulo): Colombia has several chapters"
        " (co-ant, co-baq, co-bog, co-ctg, co-pac, co-smr): fill in the chapter.",
        "row 3, C (País): The chapter BASC Bogotá is in Colombia, not in Peru.",
        "row 4, C (País): “Atlántida” is not a country BASC Desktop knows.",
    ]


def test_a_mapping_without_a_required_field_is_refused(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", _clean_rows())
    mapping = dict(read_import(path).mapping)
    del mapping[1]
    with pytest.raises(ValidationError, match="No column is read as Tax ID"):
        check_import(workspace, path, mapping)
    mapping[1] = "legal_name"
    with pytest.raises(ValidationError, match="Two columns are read as Legal name: A and B"):
        check_import(workspace, path, mapping)


def _truncated(tmp_path: Path) -> bytes:
    return write_xlsx(tmp_path / "whole.xlsx", _clean_rows()).read_bytes()[:900]


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (OLE_BYTES, PasswordProtectedError),
        (PNG_BYTES, NotASpreadsheetError),
        (None, UnreadableFileError),
    ],
)
def test_unreadable_files_write_nothing(
    workspace: Workspace, tmp_path: Path, content: bytes | None, error: type[Exception]
) -> None:
    path = tmp_path / "afiliados.xlsx"
    path.write_bytes(content if content is not None else _truncated(tmp_path))
    with pytest.raises(error, match=r"afiliados\.xlsx"):
        run_import(workspace, path, {0: "legal_name", 1: "tax_id", 2: "business_type"})
    assert count_members(workspace, ALL) == 0


def test_cancelling_writes_nothing(workspace: Workspace, tmp_path: Path) -> None:
    from basc_desktop.services.imports import ImportCancelledError

    path = write_xlsx(tmp_path / "limpia.xlsx", _clean_rows())
    with pytest.raises(ImportCancelledError):
        run_import(workspace, path, read_import(path).mapping, cancelled=lambda: True)
    assert count_members(workspace, ALL) == 0


def test_100000_rows_with_3_bad_ones_are_reported_quickly_and_nothing_written(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    count = 100_000
    nits = tax_ids("CO", count, seed=5, formatted=False)
    bad = {10: "mal@", 50_000: "", 99_990: "x"}
    rows: list[list[object]] = [["Razón social", "NIT", "Capítulo", "Tipo de empresa", "Correo"]]
    for number, nit in enumerate(nits):
        email = bad.get(number, f"info{number}@empresa.co")
        name = "" if number == 50_000 else f"Empresa {number}"
        kind = "Panadería" if number == 99_990 else "Depósito"
        rows.append([name, nit, "co-bog", kind, "" if email == "x" else email])
    path = write_csv(tmp_path / "grande.csv", rows)
    started = time.perf_counter()
    report = run_import(sqlite_workspace, path, read_import(path).mapping)
    elapsed = time.perf_counter() - started
    assert [str(p) for p in report.problems] == [
        "row 12, E (Correo): E-mail must look like name@company.com; got “mal@”.",
        "row 50002, A (Razón social): Legal name is required.",
        "row 99992, D (Tipo de empresa): “Panadería” is not a business type.",
    ]
    assert report.rows == count
    assert not report.written
    assert count_members(sqlite_workspace, ALL) == 0
    assert elapsed < 30
