"""The welcome letter and the committee minutes, read back from the PDF."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PIL import Image as PilImage
from pypdf import PdfReader
from sqlalchemy import select

from basc_desktop.domain.errors import LifecycleError
from basc_desktop.domain.vocabulary import ApplicationDecision, BusinessType
from basc_desktop.reports.letterhead import Letterhead, date_in_words
from basc_desktop.reports.welcome_letter import WelcomeLetter, write_welcome_letter
from basc_desktop.services.admissions import (
    decide_application,
    find_committee_session,
    get_application,
    plan_committee_session,
    write_minutes_pdf,
    write_welcome_letter_pdf,
)
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.events import Event
from tests.admission_factories import SESSION_DAY, admitted, applicant, receive_all
from tests.conftest import TODAY


def _text(path: Path) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("language", "day", "words"),
    [
        ("es", date(2026, 6, 15), "15 de junio de 2026"),
        ("fr", date(2026, 6, 15), "15 juin 2026"),
        ("fr", date(2027, 3, 1), "1er mars 2027"),
        ("en", date(2027, 3, 10), "10 March 2027"),
        ("pt", date(2026, 12, 31), "31 de diciembre de 2026"),
    ],
)
def test_dates_are_written_day_first_in_words(language: str, day: date, words: str) -> None:
    assert date_in_words(day, language) == words


def test_the_welcome_letter_states_the_deadline(workspace: Workspace, tmp_path: Path) -> None:
    row = admitted(workspace)
    assert row.welcome_letter_on is None
    path = write_welcome_letter_pdf(workspace, row.id, tmp_path / "bienvenida.pdf")
    text = _text(path)
    for expected in (
        "BASC El Salvador",
        "Avenida Ejemplo 123",
        "info@basc-elsalvador.example",
        "San Salvador, 15 de junio de 2026",
        "Seguridad Cuscatlán S.A. de C.V.",
        row.tax_id,
        "10 de junio de 2026",  # the committee's session
        "9 meses",
        "10 de marzo de 2027",  # the deadline for the certification audit
        "empresa de seguridad privada",
        "Karla Beatriz Alvarado Flores",
        "Directora Ejecutiva",
    ):
        assert expected in text, expected
    assert get_application(workspace, row.id).row.welcome_letter_on == TODAY
    # a later print keeps the first date and records nothing more
    workspace.clock = lambda: date(2026, 6, 30)
    text = _text(write_welcome_letter_pdf(workspace, row.id, tmp_path / "again.pdf"))
    assert "15 de junio de 2026" in text
    with workspace.db.reading() as session:
        letters = session.scalars(
            select(Event.id).where(Event.action == "welcome_letter", Event.record_id == row.id)
        ).all()
    assert len(letters) == 1


def test_a_welcome_letter_needs_an_admission(workspace: Workspace, tmp_path: Path) -> None:
    row = applicant(workspace)
    with pytest.raises(LifecycleError, match="Only an admitted company"):
        write_welcome_letter_pdf(workspace, row.id, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_haiti_writes_in_french(sqlite_workspace: Workspace, tmp_path: Path) -> None:
    row = admitted(
        sqlite_workspace, chapter="ht", business_type=BusinessType.EXPORTER_IMPORTER, name="Kafe"
    )
    text = _text(write_welcome_letter_pdf(sqlite_workspace, row.id, tmp_path / "lettre.pdf"))
    assert "Bienvenue dans le processus de certification BASC" in text
    assert "15 juin 2026" in text
    assert date_in_words(row.audit_deadline or TODAY, "fr") in text


def test_the_minutes_list_every_application_and_decision(
    workspace: Workspace, tmp_path: Path
) -> None:
    names = ("Alfa Vigilancia", "Beta Seguridad", "Gamma Custodia")
    rows = [applicant(workspace, name=n, seed=i) for i, n in enumerate(names, start=1)]
    for row in rows:
        receive_all(workspace, row.id)
    plan_committee_session(
        workspace, "sv", SESSION_DAY, "Roberto Menjívar, Karla Alvarado", [r.id for r in rows]
    )
    decide_application(workspace, rows[0].id, ApplicationDecision.ADMITTED)
    decide_application(
        workspace, rows[1].id, ApplicationDecision.REJECTED, reason="Antecedentes penales"
    )
    session = find_committee_session(workspace, "sv", SESSION_DAY)
    assert (session.applications, session.decided) == (3, 2)
    text = _text(write_minutes_pdf(workspace, session.id, tmp_path / "acta.pdf"))
    for expected in (
        "Acta del Comité de Certificación",
        "10 de junio de 2026",
        "Roberto Menjívar, Karla Alvarado",
        *names,
        *(r.tax_id for r in rows),
        "Admitida",
        "Rechazada",
        "Antecedentes penales",
        "Pendiente",
        "Admitidas: 1 · Rechazadas: 1 · Aplazadas: 0",
        "Roberto Antonio Menjívar Castro",
        "Presidente de la Junta Directiva",
    ):
        assert expected in text, expected
    assert text.index("Alfa Vigilancia") < text.index("Beta Seguridad")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm is not installed")
def test_the_letters_render_to_png(
    sqlite_workspace: Workspace, tmp_path: Path, artifacts_dir: Path
) -> None:
    row = admitted(sqlite_workspace)
    letter = write_welcome_letter_pdf(sqlite_workspace, row.id, tmp_path / "letter.pdf")
    minutes = write_minutes_pdf(
        sqlite_workspace, row.committee_session_id or 0, tmp_path / "minutes.pdf"
    )
    for name, pdf in (("welcome-letter-es", letter), ("committee-minutes-es", minutes)):
        prefix = artifacts_dir / name
        subprocess.run(
            ["pdftoppm", "-png", "-r", "70", "-singlefile", str(pdf), str(prefix)],
            check=True,
            timeout=60,
        )
        assert (artifacts_dir / f"{name}.png").stat().st_size > 10_000


def test_the_letterhead_shows_the_chapter_logo(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    PilImage.new("RGB", (120, 60), (13, 59, 102)).save(logo)
    letter = WelcomeLetter(
        language="fr",
        paper="a4",
        letterhead=Letterhead("BASC Haïti", "Rue Exemple 5", "Port-au-Prince", logo=logo),
        city="Port-au-Prince",
        dated_on=TODAY,
        company_name="Kafe Lakay S.A.",
        company_address="",
        company_city="",
        tax_id_label="NIF",
        tax_id="000-123-456-7",
        business_type="Exportateur / importateur",
        decided_on=SESSION_DAY,
        months_in_process=9,
        audit_deadline=date(2027, 3, 10),
    )
    path = write_welcome_letter(letter, tmp_path / "lettre.pdf")
    page = PdfReader(path).pages[0]
    assert len(page.images) == 1
    text = _text(path)
    assert "Port-au-Prince, 15 juin 2026" in text
    assert "10 mars 2027" in text
