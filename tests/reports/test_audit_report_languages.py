"""The audit report in its chapter's language: French for Haiti, Spanish for Colombia."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from basc_desktop.cli import main
from basc_desktop.domain.vocabulary import ActionState, AuditKind, AuditState, BusinessType, Verdict
from basc_desktop.reports.audit_sections import section_counts, section_label
from basc_desktop.reports.report_words import REPORT_LANGUAGES, VERDICT_ORDER, words
from basc_desktop.services.audit_forms import ActionQuery
from basc_desktop.services.audit_report import audit_report, audit_report_pdf
from basc_desktop.services.corrective_actions import find_actions
from basc_desktop.services.workspace import Workspace
from tests.audit_factories import auditor, member, reported
from tests.conftest import TODAY

# Norma clause 4 and section 4 of 6.0.1 both start "4.": both are judged here.
FINDINGS = {
    "N-4.1": Verdict.MINOR,
    "N-5.2": Verdict.MAJOR,
    "6.0.1-4.4": Verdict.MINOR,
    "N-9.2": Verdict.OBSERVATION,
}
AUDITED_ON = TODAY - timedelta(days=3)


def _audit(ws: Workspace, chapter: str, name: str) -> int:
    company = member(ws, chapter=chapter, name=name)
    lead = auditor(ws, "Jean-Baptiste Pierre", chapter=chapter)
    return reported(ws, company, FINDINGS, on=AUDITED_ON, lead=lead).id


def _text(path: Path) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(text.split())


def test_haitian_report_is_in_french_by_default(workspace: Workspace, tmp_path: Path) -> None:
    audit_id = _audit(workspace, "ht", "Caribbean Export Haïti S.A.")
    text = _text(audit_report_pdf(workspace, audit_id, tmp_path / "rapport.pdf"))
    for french in (
        "Rapport d’audit",
        "Non-conformité majeure",
        "Non-conformité mineure",
        "Non-conformités et actions correctives",
        "Auditeur principal",
        "Équipe d’audit",
        "Exportateur / importateur",
        "Rapport émis",
        "Échéance",
        "BASC Haïti",
        "Jean-Robert Desrosiers",  # the chapter's first signatory, with the French title
        "Président du Conseil d'administration",
    ):
        assert french in text, french
    assert "Informe de auditoría" not in text
    assert "No conformidad" not in text
    # Dates day-first: the audit's dates and the major's due date.
    assert AUDITED_ON.strftime("%d/%m/%Y") in text
    due = {a.requirement_code: a.due_on for a in find_actions(workspace, ActionQuery())}
    assert due["N-5.2"].strftime("%d/%m/%Y") in text
    assert AUDITED_ON.isoformat() not in text
    # The catalogue has no French: requirement titles come in English.
    assert "Control and security policy" in text
    assert audit_report(workspace, audit_id).language == "fr"


def test_colombian_report_is_in_spanish_and_a_language_can_be_asked(
    workspace: Workspace, tmp_path: Path
) -> None:
    audit_id = _audit(workspace, "co-bog", "Exportadora Andina S.A.S.")
    spanish = _text(audit_report_pdf(workspace, audit_id, tmp_path / "informe.pdf"))
    assert "Informe de auditoría" in spanish
    assert "No conformidad mayor" in spanish
    assert AUDITED_ON.strftime("%d/%m/%Y") in spanish
    english = _text(audit_report_pdf(workspace, audit_id, tmp_path / "en.pdf", language="en"))
    assert "Audit report" in english
    assert "Major nonconformity" in english
    assert AUDITED_ON.strftime("%d/%m/%Y") in english  # day-first in English too
    french = _text(audit_report_pdf(workspace, audit_id, tmp_path / "fr.pdf", language="fr"))
    assert "Rapport d’audit" in french


def test_haitian_report_in_english_when_asked(workspace: Workspace) -> None:
    audit_id = _audit(workspace, "ht", "Caribbean Export Haïti S.A.")
    report = audit_report(workspace, audit_id, language="en")
    assert report.language == "en"
    assert report.kind == "Certification"
    assert report.signatory_title == "Chair of the Board"


def test_section_rows_never_read_the_same(workspace: Workspace) -> None:
    audit_id = _audit(workspace, "co-bog", "Exportadora Andina S.A.S.")
    for language in REPORT_LANGUAGES:
        labels = [
            row.section for row in audit_report(workspace, audit_id, language=language).sections
        ]
        assert len(labels) == len(set(labels)), labels
        assert sum(label.startswith("4.") for label in labels) == 1, labels
    labels = [row.section for row in audit_report(workspace, audit_id, language="es").sections]
    assert "4. Contexto de la organización" in labels
    assert "6.0.1 · 4. Control de acceso y seguridad física" in labels


def test_section_labels_tell_standards_apart() -> None:
    assert section_label("6.0.2-1.1", "1. Asociados") == "6.0.2 · 1. Asociados"
    assert section_label("N-4.1", "4. Contexto") == "4. Contexto"
    assert section_label("X1", "Otro") == "Otro"
    rows = section_counts(
        [
            ("6.0.1-1.1", "1. Asociados", Verdict.MINOR),
            ("6.0.2-1.1", "1. Asociados", Verdict.MAJOR),
            ("6.0.2-1.2", "1. Asociados", None),
        ]
    )
    assert [(r.section, r.counts) for r in rows] == [
        ("6.0.1 · 1. Asociados", {Verdict.MINOR: 1}),
        ("6.0.2 · 1. Asociados", {Verdict.MAJOR: 1}),
    ]


def test_every_word_exists_in_every_language() -> None:
    keys = set(words("es"))
    for language in REPORT_LANGUAGES:
        assert set(words(language)) == keys, language
        assert all(words(language).values()), language
    needed = (
        [f"verdict.{v.value}" for v in VERDICT_ORDER]
        + [f"short.{v.value}" for v in VERDICT_ORDER]
        + [f"kind.{k.value}" for k in AuditKind]
        + [f"audit_state.{s.value}" for s in AuditState]
        + [f"action_state.{s.value}" for s in ActionState]
        + [f"business.{b.value}" for b in BusinessType]
    )
    assert not set(needed) - keys
    assert words("pt") is words("es")  # any other language: Spanish
    assert "'" not in "".join(words("fr").values())  # typographic apostrophes


def test_cli_report_defaults_to_the_chapters_language(
    sqlite_workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = sqlite_workspace
    audit_id = _audit(ws, "ht", "Caribbean Export Haïti S.A.")
    common = ["--data-dir", str(tmp_path / "data"), "--database-url", ws.db.url]
    french, english = tmp_path / "fr.pdf", tmp_path / "en.pdf"
    assert main(["audits", "report", str(audit_id), str(french), *common]) == 0
    assert main(["audits", "report", str(audit_id), str(english), "--language", "en", *common]) == 0
    assert capsys.readouterr().out.split() == [str(french), str(english)]
    assert "Rapport d’audit" in _text(french)
    assert "Audit report" in _text(english)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm is not installed")
def test_french_report_renders_to_png(
    sqlite_workspace: Workspace, tmp_path: Path, artifacts_dir: Path
) -> None:
    audit_id = _audit(sqlite_workspace, "ht", "Caribbean Export Haïti S.A.")
    path = audit_report_pdf(sqlite_workspace, audit_id, tmp_path / "rapport.pdf")
    prefix = artifacts_dir / "audit-report-fr"
    subprocess.run(["pdftoppm", "-png", "-r", "70", str(path), str(prefix)], check=True, timeout=60)
    pages = sorted(artifacts_dir.glob("audit-report-fr-*.png"))
    assert pages
    assert all(page.stat().st_size > 10_000 for page in pages)
