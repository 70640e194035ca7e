"""``basc verify`` and ``basc certificates pdf|public-key`` from a terminal."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from basc_desktop.cli import main
from basc_desktop.domain.vocabulary import CertificateEventKind
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.certificates import Certificate
from tests.certificate_pdf_factories import certified, record
from tests.conftest import TODAY


def _args(ws: Workspace, *words: str) -> list[str]:
    assert ws.data_dir is not None
    return [*words, "--data-dir", str(ws.data_dir), "--database-url", ws.db.url]


def _code(ws: Workspace, certificate_id: int) -> str:
    with ws.db.reading() as session:
        return session.get_one(Certificate, certificate_id).code


def test_print_then_verify_the_pdf_and_its_payload(
    sqlite_workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = sqlite_workspace
    first = certified(ws, name="Exportadora Andina S.A.S.", seed=1)
    second = certified(ws, name="Transportes del Valle S.A.S.", seed=2)
    out = tmp_path / "lote.pdf"
    codes = [_code(ws, first), _code(ws, second).lower()]
    assert main(_args(ws, "certificates", "pdf", *codes, "-o", str(out))) == 0
    assert capsys.readouterr().out.strip() == f"{out}: 2 pages"
    assert len(PdfReader(out).pages) == 2

    assert main(_args(ws, "verify", str(out))) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{codes[0]}: GENUINE AND VALID — Genuine and valid: certificate")

    record(ws, second, CertificateEventKind.SUSPENDED, TODAY, "unpaid fees")
    assert main(_args(ws, "verify", str(out))) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == (
        f"{codes[1].upper()}: GENUINE BUT SUSPENDED — Genuine, but suspended since "
        f"{TODAY:%d/%m/%Y}: unpaid fees"
    )


def test_verify_a_pasted_payload_and_a_forged_one(
    sqlite_workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = sqlite_workspace
    certificate_id = certified(ws)
    out = tmp_path / "c.pdf"
    assert main(_args(ws, "certificates", "pdf", _code(ws, certificate_id), "-o", str(out))) == 0
    capsys.readouterr()
    from basc_desktop.reports.qr_reading import read_qr_codes

    (payload,) = read_qr_codes(out)
    assert main(_args(ws, "verify", payload)) == 0
    assert "GENUINE AND VALID" in capsys.readouterr().out
    forged = payload.replace(".2026", ".2025", 1) if ".2026" in payload else payload[:-2] + "AA"
    assert main(_args(ws, "verify", forged)) == 1
    assert "FORGED — Forged: the signature does not match" in capsys.readouterr().out
    assert main(_args(ws, "verify", "hello")) == 1
    assert "UNREADABLE — This is not a BASC certificate payload." in capsys.readouterr().out


def test_month_batch_public_key_and_user_errors(
    sqlite_workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = sqlite_workspace
    certified(ws, seed=1)
    issued = certified(ws, seed=2, name="Otra S.A.S.")
    with ws.db.reading() as session:
        issued_month = session.get_one(Certificate, issued).issued_on.strftime("%Y-%m")
    out = tmp_path / "mes.pdf"
    assert main(_args(ws, "certificates", "pdf", "--month", issued_month, "-o", str(out))) == 0
    assert capsys.readouterr().out.strip() == f"{out}: 2 pages"

    pem = tmp_path / "basc-bogota.pem"
    assert main(_args(ws, "certificates", "public-key", "co-bog", "-o", str(pem))) == 0
    assert pem.read_text().startswith("-----BEGIN PUBLIC KEY-----")

    assert main(_args(ws, "certificates", "pdf", "NOPE00000-1-1", "-o", str(out))) == 2
    assert "There is no certificate NOPE00000-1-1." in capsys.readouterr().err
    assert main(_args(ws, "certificates", "pdf", "--month", "2026-13", "-o", str(out))) == 2
    assert "A month is written YYYY-MM" in capsys.readouterr().err
    assert main(_args(ws, "certificates", "pdf", "--month", "1999-01", "-o", str(out))) == 2
    assert "No certificate was issued in 1999-01." in capsys.readouterr().err
    assert main(_args(ws, "certificates", "public-key", "zz", "-o", str(pem))) == 2
    assert "There is no chapter zz." in capsys.readouterr().err
    assert main(_args(ws, "verify", str(tmp_path / "missing.pdf"))) == 2
    assert "does not exist" in capsys.readouterr().err
