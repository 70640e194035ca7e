"""The Excel writer: typed cells, frozen filtered header, titles, formula injection,
one sheet per country with a summary, and no file left by a cancelled export."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from basc_desktop.reports.excel_writer import (
    DATE_FORMAT,
    Column,
    ExportCancelledError,
    SheetSpec,
    Split,
    safe_sheet_name,
    write_workbook,
)

TITLES = ("BASC Bogotá — Miembros", "Filtro: ninguno", "Fecha: 15/06/2026")
SPEC = SheetSpec(
    "Miembros",
    TITLES,
    (
        Column("N.º", "int", 8),
        Column("Razón social", "text", 40),
        Column("País", "text", 7),
        Column("Estado", "text", 12),
        Column("Vence", "date", 12),
        Column("Cuota", "number", 10),
    ),
)
ROWS: list[list[object]] = [
    [1, "Exportadora Andina S.A.S.", "CO", "Certificado", date(2026, 11, 30), 1250.5],
    [2, "Café Ñandú Ltda.", "CO", "Por vencer", date(2026, 7, 1), None],
    [3, "Logística del Istmo", "PA", "Vencido", None, 80],
    [4, "Transportes Águila", "MX", "Certificado", date(2027, 1, 15), 0],
]
INJECTIONS = ("=1+1", "+57 300 123 4567", "-x", "@SUM(A1)", "\t=cmd", "\rfoo", "=HYPERLINK(1)")


def reopen(path: Path, sheet: str | None = None) -> Worksheet:
    book = openpyxl.load_workbook(path)
    found = book[sheet] if sheet else book.active
    assert isinstance(found, Worksheet)
    return found


def data(sheet: Worksheet, header_row: int = 5) -> list[tuple[object, ...]]:
    return [tuple(row) for row in sheet.iter_rows(min_row=header_row + 1, values_only=True)]


def test_cells_are_typed_with_a_frozen_filtered_bold_header(tmp_path: Path) -> None:
    path = tmp_path / "members.xlsx"
    assert write_workbook(path, SPEC, ROWS) == 4
    sheet = reopen(path)
    assert sheet.title == "Miembros"
    assert [sheet.cell(n, 1).value for n in (1, 2, 3)] == list(TITLES)
    assert sheet.cell(1, 1).font.b
    assert sheet.cell(4, 1).value is None
    header = list(sheet[5])
    assert [c.value for c in header] == [c.header for c in SPEC.columns]
    assert all(c.font.b for c in header)
    assert sheet.freeze_panes == "A6"
    assert sheet.auto_filter.ref == "A5:F9"
    assert sheet.column_dimensions["B"].width == 40

    first = sheet[6]
    assert first[0].value == 1
    assert first[0].data_type == "n"
    assert first[1].value == "Exportadora Andina S.A.S."
    assert first[1].data_type == "s"
    assert first[4].value == datetime(2026, 11, 30)
    assert first[4].data_type == "d"
    assert first[4].number_format == DATE_FORMAT
    assert first[5].value == 1250.5
    assert first[5].data_type == "n"
    assert data(sheet)[1][:2] == (2, "Café Ñandú Ltda.")
    assert data(sheet)[2][4] is None  # no date: an empty cell
    assert sheet.cell(8, 6).value == 80


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "injection.xlsx"
    rows = [[n, text, "CO", "", None, None] for n, text in enumerate(INJECTIONS, 1)]
    rows.append([99, "#N/A", "CO", "", None, None])
    write_workbook(path, SPEC, rows)
    sheet = reopen(path)
    cells = [sheet.cell(6 + n, 2) for n in range(len(rows))]
    # XML reads a carriage return back as a line feed.
    assert [c.value for c in cells] == [*(t.replace("\r", "\n") for t in INJECTIONS), "#N/A"]
    for cell in cells:
        assert cell.data_type == "s", cell.value
        assert cell.quotePrefix, cell.value
    assert sheet.cell(6, 4).value is None  # an empty text is an empty cell
    # Nothing anywhere in the file is a formula.
    assert not any(
        c.data_type == "f" for row in sheet.iter_rows() for c in row if c.value is not None
    )


def test_control_characters_are_dropped_rather_than_failing(tmp_path: Path) -> None:
    path = tmp_path / "control.xlsx"
    write_workbook(path, SPEC, [[1, "Bad\x01Name\x0b S.A.", "C\x02O", "x", None, None]])
    assert data(reopen(path))[0][1:3] == ("BadName S.A.", "CO")


def test_without_titles_the_header_is_the_first_row(tmp_path: Path) -> None:
    path = tmp_path / "plain.xlsx"
    spec = SheetSpec("Datos", (), SPEC.columns)
    write_workbook(path, spec, ROWS[:2])
    sheet = reopen(path)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:F3"
    assert sheet.cell(1, 2).value == "Razón social"


def test_an_empty_list_still_gives_the_titles_and_header(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    assert write_workbook(path, SPEC, []) == 0
    sheet = reopen(path)
    assert sheet.auto_filter.ref == "A5:F5"
    assert sheet.cell(5, 1).value == "N.º"


def split() -> Split:
    names = {"CO": "Colombia", "PA": "Panamá", "MX": "México"}
    return Split(
        by=2,
        counted=3,
        summary_name="Resumen",
        group_header="País",
        total_label="Total",
        counted_order=("Certificado", "Por vencer", "Vencido"),
        sheet_name=lambda code: names[code],
    )


def test_one_sheet_per_country_after_a_summary_of_counts(tmp_path: Path) -> None:
    path = tmp_path / "by-country.xlsx"
    assert write_workbook(path, SPEC, ROWS, split=split()) == 4
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Resumen", "Colombia", "México", "Panamá"]
    colombia = book["Colombia"]
    assert isinstance(colombia, Worksheet)
    assert [row[1] for row in data(colombia)] == ["Exportadora Andina S.A.S.", "Café Ñandú Ltda."]
    assert colombia.freeze_panes == "A6"
    assert colombia.auto_filter.ref == "A5:F7"
    summary = book["Resumen"]
    assert isinstance(summary, Worksheet)
    assert [summary.cell(n, 1).value for n in (1, 2, 3)] == list(TITLES)
    assert [c.value for c in summary[5]] == [
        "País",
        "Certificado",
        "Por vencer",
        "Vencido",
        "Total",
    ]
    assert data(summary) == [
        ("Colombia", 1, 1, 0, 2),
        ("México", 1, 0, 0, 1),
        ("Panamá", 0, 0, 1, 1),
        ("Total", 2, 1, 1, 4),
    ]
    assert summary.cell(7, 2).data_type == "n"


def test_sheet_names_are_made_valid_and_unique() -> None:
    assert safe_sheet_name("A/B: [C]?") == "A-B- -C--"
    assert safe_sheet_name("x" * 40) == "x" * 31
    assert safe_sheet_name("Colombia", ["colombia"]) == "Colombia (2)"


def counted(rows: Sequence[list[object]], stop_after: int) -> Iterator[list[object]]:
    for number, row in enumerate(rows):
        if number == stop_after:
            raise AssertionError("the writer read on after Cancel")
        yield row


def test_cancel_leaves_no_file_and_keeps_an_older_one(tmp_path: Path) -> None:
    path = tmp_path / "members.xlsx"
    path.write_bytes(b"the previous export")
    many = [[n, f"Empresa {n}", "CO", "Certificado", date(2026, 7, 1), n] for n in range(2000)]
    seen: list[tuple[int, int]] = []
    with pytest.raises(ExportCancelledError):
        write_workbook(
            path,
            SPEC,
            counted(many, 1000),
            split=split(),
            total=len(many),
            progress=lambda done, total: seen.append((done, total)),
            cancelled=lambda: bool(seen),
        )
    assert seen == [(500, 2000)]
    assert path.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["members.xlsx"]


def test_progress_is_reported_up_to_the_total(tmp_path: Path) -> None:
    many = [[n, f"Empresa {n}", "CO", "Certificado", None, None] for n in range(1200)]
    seen: list[tuple[int, int]] = []
    write_workbook(
        tmp_path / "p.xlsx",
        SPEC,
        many,
        total=1200,
        progress=lambda d, t: seen.append((d, t)),
    )
    assert seen == [(500, 1200), (1000, 1200), (1200, 1200)]
