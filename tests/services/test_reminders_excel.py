"""The renewal reminders list in Excel: title rows, dates as dates, the chapter's words."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from openpyxl import load_workbook

from basc_desktop.services.reminders import (
    export_reminders_xlsx,
    mark_reminders_sent,
    renewal_reminders,
)
from basc_desktop.services.workspace import Workspace
from tests.conftest import TODAY
from tests.services.test_reminders import company


def test_the_workbook_holds_the_list_with_real_dates(workspace: Workspace, tmp_path: Path) -> None:
    ws = workspace
    first = company(
        ws, "Alfa Exportaciones S.A.S.", expires_in=10, seed=41,
        contact=("Laura Gómez", "laura@alfa.example"),
    )  # fmt: skip
    company(ws, "=Beta Carga Ltda.", expires_in=50, seed=42)
    mark_reminders_sent(ws, [first], on=TODAY - timedelta(days=2))
    rows = renewal_reminders(ws, chapter="co-bog")
    path = export_reminders_xlsx(ws, rows, tmp_path / "recordatorios.xlsx")
    assert not path.with_name(path.name + ".part").exists()

    sheet = load_workbook(path).active
    assert sheet is not None
    assert sheet.title == "Recordatorios de renovación"
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0][0] == "BASC Bogotá — Recordatorios de renovación"
    assert values[1][0] == "Fecha: 15/06/2026"
    header = values[3]
    assert header[:7] == [
        "N.º de miembro", "Razón social", "Capítulo", "País", "Certificado", "Vence",
        "Días restantes",
    ]  # fmt: skip
    alfa, beta = (dict(zip(header, line, strict=True)) for line in values[4:6])
    assert alfa["Razón social"] == "Alfa Exportaciones S.A.S."
    assert alfa["Vence"] == datetime(2026, 6, 25)  # a date, not text
    assert alfa["Días restantes"] == 10
    assert (alfa["Contacto"], alfa["Correo electrónico"]) == ("Laura Gómez", "laura@alfa.example")
    assert alfa["Último recordatorio"] == datetime(2026, 6, 13)
    assert alfa["Recordatorios enviados"] == 1
    assert beta["Razón social"] == "=Beta Carga Ltda."  # text, never a formula
    assert beta["Último recordatorio"] is None
    assert sheet.cell(row=5, column=6).number_format == "DD/MM/YYYY"
