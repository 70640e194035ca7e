"""The certificate PDF: read back with pypdf, rendered with pdftoppm, its QR read by zbarimg."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, LETTER, landscape

from basc_desktop.reports.certificate_pdf import CertificatePage, SignatureLine
from basc_desktop.services.certificate_printing import certificate_pdf, write_certificates_pdf
from basc_desktop.services.verification import VerificationOutcome, verify_payload
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.certificates import Certificate
from tests.certificate_pdf_factories import certified, render_png, zbar

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None or shutil.which("zbarimg") is None,
    reason="pdftoppm and zbarimg (poppler-utils, zbar-tools) are not installed",
)

ODD_NAME = (
    'Acme & Hijos <Logística> "El Cóndor" Corporación Multinacional de Transporte '
    "Terrestre, Marítimo y Aéreo de Carga Internacional & Servicios Logísticos del "
    "Caribe, Centroamérica y los Andes S.A.S. (Sucursal Colombia) Ñandú"
)


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def _fonts(path: Path) -> set[str]:
    return {
        str(font["/BaseFont"])
        for page in PdfReader(path).pages
        for font in page["/Resources"]["/Font"].values()  # type: ignore[index, union-attr]
    }


def test_one_page_with_fonts_embedded_and_the_certificate_facts(
    workspace: Workspace, tmp_path: Path
) -> None:
    certificate_id = certified(workspace, name="Exportadora Andina & Cía. S.A.S.")
    path = certificate_pdf(workspace, certificate_id, tmp_path / "certificado.pdf")
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(landscape(LETTER))
    fonts = _fonts(path)
    assert fonts
    assert all("DejaVuSans" in name for name in fonts)  # subsets: embedded
    text = _text(path)
    with workspace.db.reading() as session:
        certificate = session.get_one(Certificate, certificate_id)
        code, issued, expires = certificate.code, certificate.issued_on, certificate.expires_on
    for expected in (
        "Exportadora Andina & Cía. S.A.S.",
        code,
        issued.strftime("%d/%m/%Y"),
        expires.strftime("%d/%m/%Y"),
        "CERTIFICADO",
        "CERTIFICATE",
        "BASC Bogotá certifica que",
        "Norma y Estándares Internacionales BASC, versión 6-2022",
        "BASC International Standard and Security Standards, version 6-2022",
        "Alcance: Exportador / importador",
        "Scope: Exporter / importer",
        "Andrés Felipe Rojas Medina",
        "Directora Ejecutiva",
        "Executive Director",
        "NIT ",
    ):
        assert expected in text, expected
    assert not list(tmp_path.glob("*.part"))


def test_an_a4_chapter_prints_on_a4(sqlite_workspace: Workspace, tmp_path: Path) -> None:
    certificate_id = certified(sqlite_workspace, chapter="pe", name="Agencia Andina S.A.C.")
    path = certificate_pdf(sqlite_workspace, certificate_id, tmp_path / "pe.pdf")
    box = PdfReader(path).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(landscape(A4))


def test_a_long_odd_name_is_printed_whole(sqlite_workspace: Workspace, tmp_path: Path) -> None:
    certificate_id = certified(sqlite_workspace, name=ODD_NAME[:200])
    text = _text(certificate_pdf(sqlite_workspace, certificate_id, tmp_path / "odd.pdf"))
    assert " ".join(ODD_NAME[:200].split()) in text


@needs_poppler
def test_the_printed_qr_code_reads_back_and_verifies(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    ws = sqlite_workspace
    certificate_id = certified(ws, name='Acme & Hijos <Logística> "El Cóndor" S.A.S.')
    path = certificate_pdf(ws, certificate_id, tmp_path / "qr.pdf")
    (image,) = render_png(path, tmp_path / "qr", dpi=110)
    (payload,) = zbar(image)
    with ws.db.reading() as session:
        certificate = session.get_one(Certificate, certificate_id)
        code, signature = certificate.code, certificate.signature
    assert payload.startswith(f"BASC1.co-bog.{code}.")
    assert signature
    assert payload.endswith(signature)
    answer = verify_payload(ws, payload)
    assert answer.outcome is VerificationOutcome.VALID, answer.message()
    assert answer.company_name == 'Acme & Hijos <Logística> "El Cóndor" S.A.S.'


@needs_poppler
def test_colombian_and_haitian_certificates_render_to_png(
    sqlite_workspace: Workspace, tmp_path: Path, artifacts_dir: Path
) -> None:
    ws = sqlite_workspace
    colombian = certified(ws, name="Exportadora Andina & Cía. S.A.S.", city="Bogotá")
    haitian = certified(
        ws,
        chapter="ht",
        name="Société Haïtienne d’Exportation & Fils S.A.",
        seed=2,
        address="Route de Delmas 45",
        city="Port-au-Prince",
    )
    for name, certificate_id in (("co-bog", colombian), ("ht", haitian)):
        path = certificate_pdf(ws, certificate_id, tmp_path / f"{name}.pdf")
        for old in artifacts_dir.glob(f"certificate-{name}-*.png"):
            old.unlink()
        (image,) = render_png(path, artifacts_dir / f"certificate-{name}", dpi=90)
        assert image.stat().st_size > 20_000
        assert [verify_payload(ws, text).outcome for text in zbar(image)] == [
            VerificationOutcome.VALID
        ]
    text = _text(tmp_path / "ht.pdf")
    for expected in (
        "CERTIFICAT",
        "BASC Haïti certifie que",
        "Norme et standards",
        "NIF ",
        "Champ d’application : Exportateur / importateur",
        "Directrice exécutive",
    ):
        assert expected in text, expected  # fmt: skip


def test_a_batch_is_one_pdf_with_a_page_each_and_reports_progress(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    ws = sqlite_workspace
    ids = [certified(ws, name=f"Empresa {n} S.A.S.", seed=n) for n in range(1, 5)]
    seen: list[tuple[int, int]] = []
    pages = write_certificates_pdf(
        ws, ids, tmp_path / "lote.pdf", progress=lambda done, total: seen.append((done, total))
    )
    assert pages == 4
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    reader = PdfReader(tmp_path / "lote.pdf")
    assert len(reader.pages) == 4
    assert "Empresa 3 S.A.S." in reader.pages[2].extract_text()


def test_page_values_are_plain_data() -> None:
    line = SignatureLine("Ana", "Presidenta", "Chair")
    assert CertificatePage.__dataclass_params__.frozen  # type: ignore[attr-defined]
    assert line.title_second == "Chair"


def test_the_chapters_logo_is_drawn_once_for_a_batch(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    import dataclasses

    from PIL import Image

    from basc_desktop.chapters import ChapterRegistry

    ws = sqlite_workspace
    logo = tmp_path / "logo.png"
    Image.new("RGB", (240, 120), (13, 59, 102)).save(logo)
    ws.chapters = ChapterRegistry(
        dataclasses.replace(c, logo=logo) if c.code == "co-bog" else c for c in ws.chapters
    )
    ids = [certified(ws, name=f"Empresa {n}", seed=n) for n in (1, 2)]
    assert write_certificates_pdf(ws, ids, tmp_path / "logo.pdf") == 2
    reader = PdfReader(tmp_path / "logo.pdf")
    images = [
        {str(name) for name in page["/Resources"]["/XObject"]}  # type: ignore[index]
        for page in reader.pages
    ]
    assert len(images[0]) == 1
    assert images[0] == images[1]  # the same image object on every page
