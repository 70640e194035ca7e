"""Excel exports of the members, the audit plan, the corrective actions and the
certificates register, reopened with openpyxl and checked against our own SQL."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import text

from basc_desktop.domain.tax_id_samples import generate_tax_id
from basc_desktop.domain.vocabulary import Verdict
from basc_desktop.reports import excel_writer
from basc_desktop.reports.excel_writer import DATE_FORMAT, ExportCancelledError
from basc_desktop.services.audit_forms import ActionQuery, AuditQuery
from basc_desktop.services.audits import report_audit, start_audit
from basc_desktop.services.certificate_forms import CertificateQuery
from basc_desktop.services.checklist import checklist
from basc_desktop.services.export_words import export_words
from basc_desktop.services.exports import (
    export_actions,
    export_audits,
    export_certificates,
    export_language,
    export_members,
)
from basc_desktop.services.member_forms import MemberInput, MemberQuery
from basc_desktop.services.members import archive_members, create_member, find_members
from basc_desktop.services.status import status_facts
from basc_desktop.services.workspace import Workspace
from tests.audit_factories import auditor, judge_all, member, planned
from tests.conftest import TODAY
from tests.factories import certify

ES = export_words("es")
HEADER = 5
"""The header row: three title rows, then a blank one."""


def register(ws: Workspace) -> dict[str, int]:
    """Members of four countries in every status, one archived; ids by short name."""
    ids = {
        "andina": member(ws, chapter="co-bog", name="Exportadora Andina S.A.S.", seed=1),
        "nandu": member(ws, chapter="co-bog", name="Café Ñandú Ltda.", seed=2),
        "aguila": member(ws, chapter="mx", name="Transportes Águila S.A. de C.V.", seed=3),
        "istmo": member(ws, chapter="pa", name="Logística del Istmo S.A.", seed=4),
        "haiti": member(ws, chapter="ht", name="Entreprise Haïtienne S.A.", seed=5),
        "old": member(ws, chapter="co-bog", name="Antigua Comercializadora", seed=6),
    }
    certify(ws, ids["andina"], TODAY - timedelta(days=100), TODAY + timedelta(days=265))
    certify(ws, ids["nandu"], TODAY - timedelta(days=335), TODAY + timedelta(days=30))
    certify(ws, ids["aguila"], TODAY - timedelta(days=375), TODAY - timedelta(days=10))
    certify(ws, ids["haiti"], TODAY - timedelta(days=30), TODAY + timedelta(days=335))
    archive_members(ws, [ids["old"]])
    return ids


def reopen(path: Path, sheet: str | None = None) -> Worksheet:
    book = openpyxl.load_workbook(path)
    found = book[sheet] if sheet else book.active
    assert isinstance(found, Worksheet)
    return found


def rows(sheet: Worksheet) -> list[tuple[object, ...]]:
    return [tuple(r) for r in sheet.iter_rows(min_row=HEADER + 1, values_only=True)]


def header(sheet: Worksheet) -> list[object]:
    return [c.value for c in sheet[HEADER]]


def as_date(value: object) -> date | None:
    return value.date() if isinstance(value, datetime) else None


def test_members_export_is_the_filtered_list(workspace: Workspace, tmp_path: Path) -> None:
    register(workspace)
    query = MemberQuery(countries=("CO", "MX"), order_by="expires_on")
    path = tmp_path / "members.xlsx"
    assert export_members(workspace, query, path) == 3
    sheet = reopen(path)
    assert sheet.title == "Miembros"
    assert sheet.cell(1, 1).value == "BASC — Miembros"
    assert sheet.cell(2, 1).value == "Filtro: País: CO, MX"
    assert sheet.cell(3, 1).value == "Fecha: 15/06/2026"
    assert header(sheet)[:4] == [
        "N.º de miembro",
        "Razón social",
        "Nombre comercial",
        "Identificación tributaria",
    ]
    assert sheet.freeze_panes == "A6"
    assert sheet.auto_filter.ref == "A5:M8"
    assert all(c.font.b for c in sheet[HEADER])

    expected = find_members(
        workspace, MemberQuery(countries=("CO", "MX"), order_by="expires_on", limit=None)
    )
    found = rows(sheet)
    assert [r[1] for r in found] == [m.legal_name for m in expected]
    assert [r[3] for r in found] == [m.tax_id for m in expected]
    assert [r[0] for r in found] == [m.member_number for m in expected]
    assert [r[8] for r in found] == [ES.statuses[m.status] for m in expected]
    assert [as_date(r[10]) for r in found] == [m.expires_on for m in expected]
    assert [r[6] for r in found] == ["Exportador / importador"] * 3
    expires = sheet.cell(HEADER + 1, 11)
    assert expires.data_type == "d"
    assert expires.number_format == DATE_FORMAT
    assert sheet.cell(HEADER + 1, 1).data_type == "n"


def test_one_sheet_per_country_and_the_summary_match_our_counts(
    workspace: Workspace, tmp_path: Path
) -> None:
    register(workspace)
    path = tmp_path / "by-country.xlsx"
    assert export_members(workspace, MemberQuery(), path, per_country=True) == 5
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Resumen", "Colombia", "Haití", "México", "Panamá"]

    with workspace.db.reading() as session:
        by_country = dict(
            session.execute(
                text(
                    "SELECT country, count(*) FROM companies WHERE archived_on IS NULL"
                    " GROUP BY country"
                )
            ).all()
        )
        current = session.execute(
            text("SELECT id, country, chapter_code FROM companies WHERE archived_on IS NULL")
        ).all()
        warning = {i: workspace.chapters.get(ch).expiry_warning_days for i, _c, ch in current}
        facts = status_facts(session, [i for i, _c, _ch in current], TODAY, warning)
    statuses = Counter((country, facts[i].status) for i, country, _ch in current)

    names = {"CO": "Colombia", "HT": "Haití", "MX": "México", "PA": "Panamá"}
    for code, name in names.items():
        sheet = book[name]
        assert isinstance(sheet, Worksheet)
        assert len(rows(sheet)) == by_country[code]
        assert {r[4] for r in rows(sheet)} == {code}
        assert sheet.freeze_panes == "A6"

    summary = book["Resumen"]
    assert isinstance(summary, Worksheet)
    heads = header(summary)
    assert heads[0] == "País"
    assert heads[-1] == "Total"
    lines = {r[0]: r for r in rows(summary)}
    for code, name in names.items():
        line = lines[name]
        assert line[-1] == by_country[code]
        for column, label in enumerate(heads[1:-1], 1):
            status = next(s for s, word in ES.statuses.items() if word == label)
            assert line[column] == statuses[code, status], (name, label)
    assert lines["Total"][-1] == sum(by_country.values())
    assert set(heads[1:-1]) == {ES.statuses[s] for _c, s in statuses}


def test_formula_like_text_is_written_as_text(workspace: Workspace, tmp_path: Path) -> None:
    created = create_member(
        workspace,
        MemberInput(
            legal_name='=HYPERLINK("http://x","clic")',
            trade_name="+57 300 123 4567",
            tax_id=generate_tax_id("CO", random.Random(7)),
            chapter_code="co-bog",
            business_type="customs_agent",
            city="@SUM(A1)",
        ),
    )
    path = tmp_path / "injection.xlsx"
    export_members(workspace, MemberQuery(ids=(created.id,)), path, language="en")
    sheet = reopen(path)
    line = sheet[HEADER + 1]
    for cell, value in (
        (line[1], created.legal_name),
        (line[2], "+57 300 123 4567"),
        (line[7], "@SUM(A1)"),
    ):
        assert cell.value == value
        assert cell.data_type == "s"
        assert cell.quotePrefix
    assert line[6].value == "Customs agent"
    assert sheet.cell(2, 1).value == "Filter: 1 selected"


@pytest.mark.parametrize(
    ("chosen", "language", "expected"),
    [
        ((), None, "es"),
        (("ht",), None, "fr"),
        (("co-bog",), "en", "en"),
        (("co-bog", "ht"), None, "es"),
    ],
)
def test_the_language_is_the_chapters_unless_asked(
    workspace: Workspace, chosen: tuple[str, ...], language: str | None, expected: str
) -> None:
    assert export_language(workspace, chosen, language) == expected
    assert export_language(workspace, (), None, chapter="ht") == "fr"


def test_a_haitian_export_speaks_french(workspace: Workspace, tmp_path: Path) -> None:
    register(workspace)
    path = tmp_path / "ht.xlsx"
    export_members(workspace, MemberQuery(chapters=("ht",)), path)
    sheet = reopen(path)
    assert sheet.title == "Membres"
    assert sheet.cell(1, 1).value == f"{workspace.chapters.get('ht').name} — Membres"
    assert sheet.cell(2, 1).value == "Filtre : Chapitre : ht"
    assert header(sheet)[1] == "Raison sociale"
    assert rows(sheet)[0][8] == "Certifié"


def audit_with_a_nonconformity(ws: Workspace, company_id: int, lead: int) -> int:
    audit = planned(ws, company_id, on=TODAY - timedelta(days=5), lead=lead)
    start_audit(ws, audit.id, on=TODAY - timedelta(days=5))
    first = checklist(ws, audit.id)[0].requirement_code
    judge_all(ws, audit.id, {first: Verdict.MINOR})
    report_audit(ws, audit.id, on=TODAY - timedelta(days=2))
    return audit.id


def test_audit_plan_and_open_actions(workspace: Workspace, tmp_path: Path) -> None:
    ids = register(workspace)
    lead = auditor(workspace, "Ana Gómez")
    reported_id = audit_with_a_nonconformity(workspace, ids["andina"], lead)
    later = planned(workspace, ids["istmo"], on=TODAY + timedelta(days=20), lead=lead)

    path = tmp_path / "audits.xlsx"
    assert export_audits(workspace, AuditQuery(), path) == 2
    sheet = reopen(path)
    assert sheet.title == "Plan de auditorías"
    found = rows(sheet)
    assert [r[0] for r in found] == [reported_id, later.id]
    assert as_date(found[1][1]) == TODAY + timedelta(days=20)
    assert found[0][6] == "Certificación"
    assert found[0][7] == "Informada"
    assert found[1][7] == "Planeada"
    assert found[1][9] == "Ana Gómez"
    assert found[0][11] == found[0][12]
    assert isinstance(found[0][12], int)
    assert found[0][12] > 0

    path = tmp_path / "actions.xlsx"
    assert export_actions(workspace, ActionQuery(), path, per_country=True) == 1
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Resumen", "Colombia"]
    colombia = book["Colombia"]
    assert isinstance(colombia, Worksheet)
    (action,) = rows(colombia)
    assert action[1] == reported_id
    assert action[3] == "CO"
    assert action[7] == "No conformidad menor"
    assert action[11] == "Abierta"
    assert as_date(action[10]) == TODAY - timedelta(days=2) + timedelta(days=90)
    assert str(colombia.cell(2, 1).value).startswith("Filtro: Estado: Abierta, Presentada")


def test_certificates_register(workspace: Workspace, tmp_path: Path) -> None:
    ids = register(workspace)
    path = tmp_path / "certificates.xlsx"
    assert export_certificates(workspace, CertificateQuery(countries=("CO",)), path) == 2
    sheet = reopen(path)
    assert sheet.title == "Registro de certificados"
    found = rows(sheet)
    assert [r[0] for r in found] == [f"TEST{ids['andina']:05d}-1-1", f"TEST{ids['nandu']:05d}-1-1"]
    assert [as_date(r[9]) for r in found] == [
        TODAY - timedelta(days=100),
        TODAY - timedelta(days=335),
    ]
    assert {r[11] for r in found} == {"Vigente"}
    assert sheet.cell(HEADER + 1, 10).number_format == DATE_FORMAT


def test_a_cancelled_export_leaves_no_file_and_the_database_free(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = register(workspace)
    monkeypatch.setattr(excel_writer, "STEP", 2)  # look at Cancel every two rows
    seen: list[int] = []
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / "members.xlsx"
    with pytest.raises(ExportCancelledError):
        export_members(
            workspace,
            MemberQuery(archived=None),
            path,
            per_country=True,
            progress=lambda done, _total: seen.append(done),
            cancelled=lambda: bool(seen),
        )
    assert seen == [2]
    assert list(folder.iterdir()) == []
    archive_members(workspace, [ids["andina"]])  # the read was ended: writing goes on
    assert export_members(workspace, MemberQuery(archived=True), path) == 2
