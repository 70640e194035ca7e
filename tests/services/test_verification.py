"""Verifying a certificate: the signature first, then what the register says today."""

from __future__ import annotations

import stat
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import delete

from basc_desktop.domain.certificate_payload import CertificatePayload, decode_payload
from basc_desktop.domain.vocabulary import CertificateEventKind
from basc_desktop.reports.qr_reading import CertificateFileError
from basc_desktop.services import signing
from basc_desktop.services.certificate_printing import (
    PrintCancelled,
    certificate_pdf,
    export_public_key,
    write_certificates_pdf,
)
from basc_desktop.services.verification import (
    Verification,
    VerificationOutcome,
    verify_payload,
    verify_pdf,
)
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.certificates import Certificate
from basc_desktop.store.events import Event
from basc_desktop.store.members import Company
from basc_desktop.store.signing_keys import ChapterPublicKey
from tests.certificate_pdf_factories import certified, record, renew
from tests.conftest import TODAY
from tests.factories import certify

V = VerificationOutcome


def _printed(ws: Workspace, certificate_id: int, tmp_path: Path) -> str:
    """Print the certificate, then return its payload as the QR code of the PDF holds it."""
    (answer,) = verify_pdf(ws, certificate_pdf(ws, certificate_id, tmp_path / "c.pdf"))
    assert answer.outcome is V.VALID, answer.message()
    with ws.db.reading() as session:
        certificate = session.get_one(Certificate, certificate_id)
        company = session.get_one(Company, certificate.company_id)
        payload = CertificatePayload.of(
            chapter_code=company.chapter_code,
            code=certificate.code,
            tax_id=company.tax_id,
            issued_on=certificate.issued_on,
            expires_on=certificate.expires_on,
            legal_name=company.legal_name,
        )
        return f"{payload.message()}.{certificate.signature}"


def test_a_printed_certificate_is_genuine_and_valid(workspace: Workspace, tmp_path: Path) -> None:
    certificate_id = certified(workspace, name="Exportadora Andina S.A.S.")
    answer = verify_payload(workspace, _printed(workspace, certificate_id, tmp_path))
    assert answer.outcome is V.VALID
    assert answer.valid
    assert answer.outcome.genuine
    assert answer.company_name == "Exportadora Andina S.A.S."
    assert answer.chapter_name == "BASC Bogotá"
    assert answer.message().startswith("Genuine and valid: certificate COLBOG")
    assert answer.expires_on is not None
    assert answer.expires_on.strftime("%d/%m/%Y") in answer.message()


def _changed(text: str, index: int) -> str:
    return text[:index] + ("1" if text[index] != "1" else "2") + text[index + 1 :]


def test_one_changed_character_is_forged(workspace: Workspace, tmp_path: Path) -> None:
    payload = _printed(workspace, certified(workspace), tmp_path)
    fields = payload.split(".")
    starts = [sum(len(f) + 1 for f in fields[:n]) for n in range(len(fields))]
    for index, char in enumerate(payload):
        if char == ".":
            continue
        field = max(n for n, start in enumerate(starts) if start <= index)
        answer = verify_payload(workspace, _changed(payload, index))
        if field in (4, 5):  # a date: a changed digit may make it no date at all
            assert answer.outcome in (V.FORGED, V.UNREADABLE), (index, answer)
        elif field in (0, 1):  # the format, or a chapter whose key this PC lacks
            assert answer.outcome in (V.UNREADABLE, V.UNKNOWN), (index, answer)
        else:  # the code, the tax ID, the name hash, the signature
            assert answer.outcome is V.FORGED, (index, answer)
    fields[3] = fields[3][:-1] + ("0" if fields[3][-1] != "0" else "1")
    answer = verify_payload(workspace, ".".join(fields))
    assert answer.outcome is V.FORGED
    assert answer.message().startswith("Forged: the signature does not match")
    assert answer.code == fields[2]


def test_expired_suspended_withdrawn_and_superseded(workspace: Workspace, tmp_path: Path) -> None:
    ws = workspace
    first = certified(ws, name="Primera S.A.S.", seed=1)
    payload = _printed(ws, first, tmp_path)

    ws.clock = lambda: TODAY + timedelta(days=400)
    expired = verify_payload(ws, payload)
    assert expired.outcome is V.EXPIRED
    assert expired.message().startswith("Genuine, but expired on ")
    ws.clock = lambda: TODAY

    suspended_on = TODAY - timedelta(days=3)
    record(ws, first, CertificateEventKind.SUSPENDED, suspended_on, "unpaid fees")
    answer = verify_payload(ws, payload)
    assert (answer.outcome, answer.event_on, answer.reason) == (
        V.SUSPENDED,
        suspended_on,
        "unpaid fees",
    )
    assert answer.message() == (
        f"Genuine, but suspended since {suspended_on:%d/%m/%Y}: unpaid fees"
    )
    record(ws, first, CertificateEventKind.REINSTATED, TODAY - timedelta(days=1), "paid")
    assert verify_payload(ws, payload).outcome is V.VALID

    record(ws, first, CertificateEventKind.WITHDRAWN, TODAY, "security incident")
    answer = verify_payload(ws, payload)
    assert (answer.outcome, answer.event_on) == (V.WITHDRAWN, TODAY)
    assert answer.message() == f"Genuine, but withdrawn on {TODAY:%d/%m/%Y}: security incident"

    second = certified(ws, name="Segunda S.A.S.", seed=2)
    old_payload = _printed(ws, second, tmp_path)
    newer = renew(ws, second, TODAY)
    answer = verify_payload(ws, old_payload)
    with ws.db.reading() as session:
        newer_code = session.get_one(Certificate, newer).code
    assert (answer.outcome, answer.superseded_by, answer.event_on) == (
        V.SUPERSEDED,
        newer_code,
        TODAY,
    )
    assert newer_code in answer.message()


def test_genuine_but_unknown_to_the_register(workspace: Workspace, tmp_path: Path) -> None:
    ws = workspace
    payload = CertificatePayload.of(
        chapter_code="co-bog",
        code="COLBOG99999-1-1",
        tax_id="9001234567",
        issued_on=TODAY,
        expires_on=TODAY + timedelta(days=365),
        legal_name="Nadie S.A.S.",
    )
    text = payload.signed(signing.sign(ws, "co-bog", payload.message().encode()))
    answer = verify_payload(ws, text)
    assert answer.outcome is V.UNKNOWN
    assert "is not in this register" in answer.message()

    # Signed by us, but the register now names another company: not valid either.
    certificate_id = certified(ws, name="Original S.A.S.")
    printed = _printed(ws, certificate_id, tmp_path)
    with ws.db.transaction() as session:
        certificate = session.get_one(Certificate, certificate_id)
        session.get_one(Company, certificate.company_id).legal_name = "Otra Razón Social S.A.S."
    answer = verify_payload(ws, printed)
    assert answer.outcome is V.UNKNOWN
    assert "another company name" in answer.message()


def test_another_pc_checks_with_the_exported_public_key(
    workspace: Workspace, tmp_path: Path
) -> None:
    ws = workspace
    payload = _printed(ws, certified(ws), tmp_path)
    pem = export_public_key(ws, "co-bog", tmp_path / "basc-bogota.pem")
    key = serialization.load_pem_public_key(pem.read_bytes())
    assert isinstance(key, Ed25519PublicKey)
    key.verify(decode_payload(payload).signature, decode_payload(payload).message.encode())

    customs = Workspace(db=ws.db, chapters=ws.chapters, clock=ws.clock, data_dir=tmp_path / "pc2")
    with ws.db.transaction() as session:  # a register that does not share its keys
        session.execute(delete(ChapterPublicKey))
    no_key = verify_payload(customs, payload)
    assert no_key.outcome is V.UNKNOWN
    assert "holds no key of chapter BASC Bogotá" in no_key.message()
    assert not signing.has_key(customs, "co-bog")  # verifying makes no key

    (customs.data_folder("keys") / "co-bog.pub.pem").write_bytes(pem.read_bytes())
    assert verify_payload(customs, payload).outcome is V.VALID
    # Another PC printing for the same chapter: its public key dropped in beside ours.
    other = Workspace(db=ws.db, chapters=ws.chapters, clock=ws.clock, data_dir=tmp_path / "pc3")
    (other.data_folder("keys") / "co-bog.office-2.pub.pem").write_bytes(pem.read_bytes())
    signing.private_key(other, "co-bog")  # pc3 has its own key too
    assert verify_payload(other, payload).outcome is V.VALID


def test_the_key_is_made_once_private_to_its_owner(workspace: Workspace) -> None:
    assert not signing.has_key(workspace, "ht")
    first = signing.public_key_pem(workspace, "ht")
    assert signing.public_key_pem(workspace, "ht") == first
    private = workspace.data_folder("keys") / "ht.key.pem"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert (workspace.data_folder("keys") / "ht.pub.pem").read_bytes() == first


def test_printing_keeps_the_signature_without_touching_the_version(
    workspace: Workspace, tmp_path: Path
) -> None:
    ws = workspace
    certificate_id = certified(ws)
    with ws.db.reading() as session:
        version = session.get_one(Certificate, certificate_id).version
    certificate_pdf(ws, certificate_id, tmp_path / "a.pdf")
    certificate_pdf(ws, certificate_id, tmp_path / "b.pdf")
    with ws.db.reading() as session:
        certificate = session.get_one(Certificate, certificate_id)
        assert certificate.version == version
        assert len(certificate.signature) == 86
        signs = [
            e.user_name
            for e in session.query(Event).filter_by(record_type="certificate", action="sign")
        ]
    assert signs == ["tester"]  # printed twice, signed once: Ed25519 gives the same signature


def test_a_cancelled_batch_leaves_no_file(sqlite_workspace: Workspace, tmp_path: Path) -> None:
    ws = sqlite_workspace
    ids = [certified(ws, name=f"Empresa {n}", seed=n) for n in range(1, 4)]
    done: list[int] = []
    with pytest.raises(PrintCancelled):
        write_certificates_pdf(
            ws,
            ids,
            tmp_path / "out" / "lote.pdf",
            progress=lambda n, total: done.append(n),
            cancelled=lambda: len(done) >= 2,
        )
    assert done == [1, 2]
    assert list((tmp_path / "out").iterdir()) == []


def test_a_pdf_without_a_qr_code_and_files_that_are_not_pdfs(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    blank = tmp_path / "blank.pdf"
    canvas = Canvas(str(blank))
    canvas.drawString(100, 700, "Not a certificate")
    canvas.save()
    (answer,) = verify_pdf(sqlite_workspace, blank)
    assert answer.outcome is V.UNREADABLE
    assert answer.message() == "No QR code could be read in blank.pdf: is it a BASC certificate?"

    text = tmp_path / "notes.pdf"
    text.write_text("hello")
    with pytest.raises(CertificateFileError, match="is not a PDF"):
        verify_pdf(sqlite_workspace, text)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(blank.read_bytes()[:200])
    with pytest.raises(CertificateFileError, match="damaged"):
        verify_pdf(sqlite_workspace, broken)
    with pytest.raises(CertificateFileError, match="does not exist"):
        verify_pdf(sqlite_workspace, tmp_path / "missing.pdf")


def test_text_that_is_not_a_payload_is_unreadable(sqlite_workspace: Workspace) -> None:
    answer = verify_payload(sqlite_workspace, "https://example.com")
    assert answer.outcome is V.UNREADABLE
    assert answer.message() == "This is not a BASC certificate payload."
    assert answer.outcome.label == "Unreadable"


def test_every_outcome_has_a_label_and_a_sentence() -> None:
    for outcome in VerificationOutcome:
        assert outcome.label
        assert Verification(outcome, code="X").message()


def test_a_certificate_without_a_chapter_file_cannot_be_printed(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    from tests.audit_factories import member

    ws = sqlite_workspace
    company = member(ws)
    certify(ws, company, TODAY, TODAY + timedelta(days=365), code="COLBOG00001-1-1")
    with ws.db.transaction() as session:
        session.get_one(Company, company).chapter_code = "co-ant"
    chapters = ws.chapters
    ws.chapters = type(chapters)(c for c in chapters if c.code != "co-ant")
    with ws.db.reading() as session:
        certificate_id = session.query(Certificate.id).scalar()
    from basc_desktop.domain.errors import BascError

    with pytest.raises(BascError, match="whose file is missing"):
        certificate_pdf(ws, certificate_id, tmp_path / "out" / "x.pdf")
    assert list((tmp_path / "out").iterdir()) == []
