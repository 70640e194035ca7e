"""Renewal reminder letters: one page per company, in its chapter's language."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from basc_desktop.domain.errors import LifecycleError
from basc_desktop.services.certificate_printing import PrintCancelled
from basc_desktop.services.reminders import write_reminder_letters_pdf
from basc_desktop.services.workspace import Workspace
from tests.audit_factories import member
from tests.conftest import TODAY
from tests.services.test_reminders import company

LONG_NAME = "Compañía Logística «Ñandú» & Asociados de Transporte Internacional " * 3


def page_texts(pdf: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages]


def test_one_letter_a_page_in_each_chapters_language(
    workspace: Workspace, tmp_path: Path, artifacts_dir: Path
) -> None:
    ws = workspace
    bogota = company(
        ws, "Alfa Exportaciones S.A.S.", expires_in=45, seed=31,
        contact=("Laura Gómez", "laura@alfa.example"),
    )  # fmt: skip
    haiti = company(ws, "Zêta Transport Haïti S.A.", chapter="ht", expires_in=20, seed=32)
    long_one = company(ws, LONG_NAME.strip(), chapter="uy", expires_in=70, seed=33)
    steps: list[tuple[int, int]] = []
    path = tmp_path / "out" / "recordatorios.pdf"
    written = write_reminder_letters_pdf(
        ws, [bogota, haiti, long_one], path, progress=lambda d, t: steps.append((d, t))
    )
    assert written == path
    assert not path.with_name(path.name + ".part").exists()
    assert steps[-1] == (3, 3)
    spanish, french, long_text = page_texts(path)  # one page per company, in the given order

    expires = TODAY + timedelta(days=45)
    assert "Alfa Exportaciones S.A.S." in spanish
    assert "R031-1-1" in spanish
    assert expires.strftime("%d/%m/%Y") in spanish
    assert "30 de julio de 2026" in spanish  # the expiry, in words
    assert "Bogotá, 15 de junio de 2026" in spanish  # the letter's date, in words
    assert "Renovación de la certificación BASC" in spanish
    assert "auditoría de recertificación antes de esa fecha" in spanish
    assert "Atención: Laura Gómez" in spanish
    assert "BASC Bogotá" in spanish
    assert "Andrés Felipe Rojas Medina" in spanish  # a signatory from the chapter file

    assert "Zêta Transport Haïti S.A." in french
    assert "R032-1-1" in french
    assert (TODAY + timedelta(days=20)).strftime("%d/%m/%Y") in french
    assert "5 juillet 2026" in french
    assert "Renouvellement de la certification BASC" in french
    assert "audit de recertification avant cette date" in french
    assert "Jean-Robert Desrosiers" in french
    assert "Renovación" not in french

    assert "R033-1-1" in long_text
    assert "BASC Uruguay" in long_text

    document = pdfium.PdfDocument(str(path))
    try:
        image = document[0].render(scale=100 / 72).to_pil()
        image.save(artifacts_dir / "reminder-letter-es.png")
        document[1].render(scale=100 / 72).to_pil().save(artifacts_dir / "reminder-letter-fr.png")
    finally:
        document.close()


def test_a_cancelled_or_refused_batch_leaves_no_file(workspace: Workspace, tmp_path: Path) -> None:
    ws = workspace
    ready = company(ws, "Beta Carga Ltda.", expires_in=30, seed=34)
    no_certificate = member(ws, name="Gamma Sin Certificado S.A.", seed=35)
    folder = tmp_path / "letters"
    folder.mkdir()
    path = folder / "letters.pdf"
    with pytest.raises(PrintCancelled):
        write_reminder_letters_pdf(ws, [ready], path, cancelled=lambda: True)
    with pytest.raises(LifecycleError, match="Gamma Sin Certificado"):
        write_reminder_letters_pdf(ws, [ready, no_certificate], path)
    assert list(folder.iterdir()) == []
