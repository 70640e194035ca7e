"""The audit report PDF: read back with pypdf, and rendered to PNG for people to look at."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from basc_desktop.domain.vocabulary import AuditKind, Verdict
from basc_desktop.reports.fonts import fonts_dir
from basc_desktop.services.audit_forms import ActionQuery
from basc_desktop.services.audit_report import audit_report, audit_report_pdf
from basc_desktop.services.audits import plan_audit
from basc_desktop.services.corrective_actions import find_actions, update_action_plan
from basc_desktop.services.workspace import Workspace
from tests.audit_factories import auditor, member, reported
from tests.conftest import TODAY

FINDINGS = {
    "N-5.2": Verdict.MAJOR,
    "6.0.1-2.4": Verdict.MINOR,
    "6.0.1-4.4": Verdict.MINOR,
    "N-9.2": Verdict.OBSERVATION,
    "6.0.1-2.7": Verdict.NOT_APPLICABLE,
}
EVIDENCE = {
    "N-5.2": "La política de seguridad no está firmada ni divulgada al personal.",
    "6.0.1-2.4": "El inventario de sellos no coincide: faltan 3 sellos (ñandú, acción).",
    "N-9.2": "El programa de auditoría interna no incluye la sede de Cali.",
}


def _audit(ws: Workspace) -> int:
    company = member(ws, name="Exportadora Andina S.A.S.")
    lead = auditor(ws, "Ana María Gómez")
    row = reported(
        ws,
        company,
        FINDINGS,
        evidence=EVIDENCE,
        on=TODAY - timedelta(days=2),
        lead=lead,
    )
    with ws.db.transaction() as session:
        from basc_desktop.store.audits import Audit, Auditor

        audit = session.get_one(Audit, row.id)
        audit.team.append(Auditor(name="Carlos Ruiz Peña", email="", chapter_code="co-bog"))
        audit.summary = "Auditoría de certificación en la sede principal de Bogotá."
    major = next(
        a for a in find_actions(ws, ActionQuery(company_id=company)) if a.severity == Verdict.MAJOR
    )
    update_action_plan(
        ws,
        major.id,
        description="Firmar la política y divulgarla en la inducción.",
        owner="María López (Gerente)",
        due_on=major.due_on,
        expected_version=major.version,
    )
    return row.id


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_report_lists_every_nonconformity_with_its_action(
    workspace: Workspace, tmp_path: Path
) -> None:
    audit_id = _audit(workspace)
    path = audit_report_pdf(workspace, audit_id, tmp_path / "informe.pdf")
    text = " ".join(_text(path).split())
    assert "Informe de auditoría" in text
    assert "Exportadora Andina S.A.S." in text
    assert "Ana María Gómez" in text
    assert "Carlos Ruiz Peña" in text
    for code in ("N-5.2", "6.0.1-2.4", "6.0.1-4.4"):
        assert code in text
    assert "No conformidad mayor" in text
    assert "Firmar la política y divulgarla en la inducción." in text
    assert "María López (Gerente)" in text
    assert "faltan 3 sellos (ñandú, acción)" in text
    due = {a.requirement_code: a.due_on for a in find_actions(workspace, ActionQuery())}
    assert due["N-5.2"].strftime("%d/%m/%Y") in text
    # Signature block: the lead auditor and the chapter's first signatory.
    signatory = workspace.chapters.get("co-bog").signatories[0]
    assert signatory.name in text
    report = audit_report(workspace, audit_id)
    assert report.verdict_counts[Verdict.MINOR] == 2
    assert report.verdict_counts[Verdict.MAJOR] == 1
    assert sum(report.verdict_counts.values()) == sum(
        sum(s.counts.values()) for s in report.sections
    )
    assert report.nonconformities[0].code == "N-5.2"  # majors first


def test_report_in_english_and_fonts_embedded(workspace: Workspace, tmp_path: Path) -> None:
    audit_id = _audit(workspace)
    path = audit_report_pdf(workspace, audit_id, tmp_path / "report.pdf", language="en")
    text = " ".join(_text(path).split())
    assert "Audit report" in text
    assert "Major nonconformity" in text
    assert "Control and security policy" in text
    reader = PdfReader(path)
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()  # type: ignore[index, union-attr]
    }
    assert fonts
    assert all("DejaVuSans" in name for name in fonts)  # embedded (subset), no base-14 font
    assert (fonts_dir() / "LICENSE-DejaVu.txt").is_file()


def test_planned_audit_report_has_no_findings(workspace: Workspace, tmp_path: Path) -> None:
    from basc_desktop.services.audit_forms import AuditPlanInput

    company = member(workspace)
    row = plan_audit(workspace, AuditPlanInput(company, AuditKind.DIAGNOSTIC, "6", TODAY, None))
    text = _text(audit_report_pdf(workspace, row.id, tmp_path / "plan.pdf"))
    assert "No se encontraron no conformidades." in " ".join(text.split())


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm is not installed")
def test_report_renders_to_png(
    sqlite_workspace: Workspace, tmp_path: Path, artifacts_dir: Path
) -> None:
    audit_id = _audit(sqlite_workspace)
    path = audit_report_pdf(sqlite_workspace, audit_id, tmp_path / "informe.pdf")
    prefix = artifacts_dir / "audit-report-es"
    subprocess.run(["pdftoppm", "-png", "-r", "70", str(path), str(prefix)], check=True, timeout=60)
    pages = sorted(artifacts_dir.glob("audit-report-es-*.png"))
    assert pages
    assert all(page.stat().st_size > 10_000 for page in pages)
