"""Finding the member table in a file as chapters keep it, and refusing what is not one."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from basc_desktop.reports.sheet_cells import cell_text, column_letter, parse_date
from basc_desktop.reports.sheet_reading import (
    EmptySheetError,
    NoHeaderError,
    NotASpreadsheetError,
    PasswordProtectedError,
    SheetTable,
    SpreadsheetError,
    UnreadableFileError,
    open_sheet,
)
from tests.import_files import OLE_BYTES, PNG_BYTES, write_csv, write_xlsx

HEADER = ["Razón social", "NIT", "Capítulo", "Fecha de afiliación"]


def _rows(table: SheetTable) -> list[tuple[int, tuple[object, ...]]]:
    return [(row.number, row.cells) for row in table.rows()]


def test_header_below_title_rows_blank_rows_skipped(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "afiliados.xlsx",
        [
            ["Afiliados BASC Bogotá 2025"],
            ["Oficina de Bogotá", None, None, "Corte: 31/12/2025"],
            [],
            HEADER,
            ["Acme", "900.123.456-7", "co-bog", datetime(2024, 1, 31)],
            [None, None, None, None],
            ["  ", None],
            ["Beta", 8001972684, "co-bog", "31/12/2023"],
        ],
        merges=["A1:D1"],
    )
    with open_sheet(path) as table:
        assert (table.sheet_name, table.header_row) == ("Sheet", 4)
        assert table.headers == tuple(HEADER)
        assert _rows(table) == [
            (5, ("Acme", "900.123.456-7", "co-bog", datetime(2024, 1, 31))),
            (8, ("Beta", 8001972684, "co-bog", "31/12/2023")),
        ]


def test_a_cell_merged_down_counts_for_each_of_its_rows(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "merged.xlsx",
        [HEADER, ["A", "1", "co-bog", None], ["B", "2", None, None], ["C", "3", None, None]],
        merges=["C2:C3"],
    )
    with open_sheet(path) as table:
        assert [row.cells[2] for row in table.rows()] == ["co-bog", "co-bog", None]


def test_the_sheet_with_the_header_is_found(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Portada"
    book.active.append(["Lista de afiliados"])
    data = book.create_sheet("Datos")
    data.append(HEADER)
    data.append(["Acme", "1", "co-bog", None])
    book.save(tmp_path / "two.xlsx")
    with open_sheet(tmp_path / "two.xlsx") as table:
        assert table.sheet_name == "Datos"
        assert [row.number for row in table.rows()] == [2]


@pytest.mark.parametrize(
    ("delimiter", "encoding"), [(";", "cp1252"), (",", "utf-8-sig"), ("\t", "utf-8")]
)
def test_csv_in_any_usual_delimiter_and_encoding(
    tmp_path: Path, delimiter: str, encoding: str
) -> None:
    path = write_csv(
        tmp_path / "afiliados.csv",
        [["Afiliados"], [], HEADER, ["Compañía Ñandú, S.A.", "900.123.456-7", "co-bog", "1/2/24"]],
        delimiter=delimiter,
        encoding=encoding,
    )
    with open_sheet(path) as table:
        assert table.header_row == 3
        assert table.headers == tuple(HEADER)
        assert _rows(table) == [(4, ("Compañía Ñandú, S.A.", "900.123.456-7", "co-bog", "1/2/24"))]


@pytest.mark.parametrize(
    ("value", "day"),
    [
        (datetime(2024, 3, 15, 0, 0), date(2024, 3, 15)),
        (date(2024, 3, 15), date(2024, 3, 15)),
        ("15/03/2024", date(2024, 3, 15)),
        ("15-03-2024", date(2024, 3, 15)),
        ("15.03.2024", date(2024, 3, 15)),
        ("5/3/24", date(2024, 3, 5)),
        ("5/3/99", date(1999, 3, 5)),
        ("2024-03-15", date(2024, 3, 15)),
        ("2024-03-15 00:00:00", date(2024, 3, 15)),
        (45366, date(2024, 3, 15)),
        (45366.0, date(2024, 3, 15)),
    ],
)
def test_dates_as_excel_dates_or_day_first_text(value: object, day: date) -> None:
    assert parse_date(value) == day


@pytest.mark.parametrize("value", ["31/02/2024", "13/13/2024", "mañana", "2024", -5, True, ""])
def test_what_is_not_a_date(value: object) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the service words the message
        parse_date(value)


def test_cells_as_text() -> None:
    assert cell_text(900123456.0) == "900123456"
    assert cell_text(12) == "12"
    assert cell_text(None) == ""
    assert cell_text(datetime(2024, 1, 2)) == "2024-01-02"
    assert [column_letter(n) for n in (0, 25, 26)] == ["A", "Z", "AA"]


# --- files that are not a member list -------------------------------------------------------


def _refused(path: Path, kind: type[SpreadsheetError]) -> str:
    with pytest.raises(kind) as caught:
        open_sheet(path)
    text = str(caught.value)
    assert path.name in text
    return text


def test_password_protected_workbook(tmp_path: Path) -> None:
    path = tmp_path / "protegido.xlsx"
    path.write_bytes(OLE_BYTES)
    assert "password" in _refused(path, PasswordProtectedError)


def test_bare_ole_signature_is_taken_for_a_password(tmp_path: Path) -> None:
    path = tmp_path / "protegido.xlsx"
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 100)
    assert "without a password" in _refused(path, PasswordProtectedError)


def test_old_excel_workbook(tmp_path: Path) -> None:
    path = tmp_path / "viejo.xls"
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + "Workbook".encode("utf-16-le"))
    assert ".xlsx" in _refused(path, NotASpreadsheetError)


def test_a_picture_renamed_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "foto.xlsx"
    path.write_bytes(PNG_BYTES)
    assert "not a spreadsheet" in _refused(path, NotASpreadsheetError)


def test_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "archivo.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    _refused(path, NotASpreadsheetError)


def test_a_truncated_workbook(tmp_path: Path) -> None:
    whole = write_xlsx(tmp_path / "whole.xlsx", [HEADER, ["Acme", "1", "co-bog", None]])
    path = tmp_path / "cortado.xlsx"
    path.write_bytes(whole.read_bytes()[:700])
    assert "damaged" in _refused(path, UnreadableFileError)


def test_a_workbook_with_a_broken_sheet(tmp_path: Path) -> None:
    import zipfile

    whole = write_xlsx(tmp_path / "whole.xlsx", [HEADER, ["Acme", "1", "co-bog", None]])
    path = tmp_path / "roto.xlsx"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    assert "damaged" in _refused(path, UnreadableFileError)


def test_an_empty_file_and_an_empty_sheet(tmp_path: Path) -> None:
    empty = tmp_path / "vacio.csv"
    empty.write_bytes(b"")
    _refused(empty, EmptySheetError)
    sheet = write_xlsx(tmp_path / "vacia.xlsx", [])
    _refused(sheet, EmptySheetError)


def test_no_recognisable_header(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "otra.xlsx", [["Producto", "Precio"], ["Café", 12]])
    assert "header" in _refused(path, NoHeaderError)


def test_a_missing_file(tmp_path: Path) -> None:
    _refused(tmp_path / "no-existe.xlsx", UnreadableFileError)
