"""Two PCs on one database: each signs with its own key, and each verifies the other's."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import func, select

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.domain.certificate_payload import decode_payload
from basc_desktop.services import signing
from basc_desktop.services.certificate_printing import export_public_key, write_certificates_pdf
from basc_desktop.services.opening import open_workspace
from basc_desktop.services.verification import VerificationOutcome as V
from basc_desktop.services.verification import verify_payload, verify_pdf
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import load_settings
from basc_desktop.store.events import Event
from basc_desktop.store.signing_keys import ChapterPublicKey
from tests.certificate_pdf_factories import certified
from tests.conftest import TODAY


def _pc(chapters: ChapterRegistry, url: str, folder: Path, user: str) -> Workspace:
    ws = open_workspace(load_settings(folder), chapters, url=url)
    ws.user, ws.clock = user, lambda: TODAY
    return ws


@pytest.fixture
def pc_b(workspace: Workspace, chapters: ChapterRegistry, tmp_path: Path) -> Iterator[Workspace]:
    """A second PC with its own data folder, on the same database as ``workspace``."""
    ws = _pc(chapters, workspace.db.url, tmp_path / "pc-b", "luis")
    yield ws
    ws.db.close()


def _keys(ws: Workspace, chapter: str = "co-bog") -> list[tuple[str, str]]:
    with ws.db.reading() as session:
        return [
            (row.fingerprint, row.created_by)
            for row in session.scalars(
                select(ChapterPublicKey).where(ChapterPublicKey.chapter_code == chapter)
            )
        ]


def test_a_certificate_printed_on_one_pc_verifies_on_another(
    workspace: Workspace, pc_b: Workspace, tmp_path: Path
) -> None:
    pc_a = workspace
    certificate_id = certified(pc_a)
    pdf = tmp_path / "out" / "certificado.pdf"
    write_certificates_pdf(pc_a, [certificate_id], pdf)

    assert not signing.has_key(pc_b, "co-bog")
    answers = verify_pdf(pc_b, pdf)
    assert [a.outcome for a in answers] == [V.VALID]
    fingerprint = signing.fingerprint(signing.private_key(pc_a, "co-bog").public_key())
    assert _keys(pc_b) == [(fingerprint, "tester")]

    # B prints for the same chapter with its own key: both keys registered, both verify.
    other = certified(pc_b, name="Logística del Caribe S.A.S.", seed=2)
    pdf_b = tmp_path / "out" / "b.pdf"
    write_certificates_pdf(pc_b, [other], pdf_b)
    assert len(_keys(pc_a)) == 2
    assert [a.outcome for a in verify_pdf(pc_a, pdf_b)] == [V.VALID]
    assert [a.outcome for a in verify_pdf(pc_b, pdf)] == [V.VALID]
    with pc_a.db.reading() as session:
        registered = session.scalar(
            select(func.count()).where(
                Event.record_type == "chapter_public_key", Event.action == "register"
            )
        )
    assert registered == 2

    # Printing again registers nothing new; the export holds both keys.
    write_certificates_pdf(pc_a, [certificate_id, other], tmp_path / "out" / "both.pdf")
    assert len(_keys(pc_a)) == 2
    exported = export_public_key(pc_a, "co-bog", tmp_path / "co-bog.pem").read_bytes()
    assert exported.count(b"-----BEGIN PUBLIC KEY-----") == 2


def test_a_key_nobody_registered_is_a_forgery(
    workspace: Workspace, pc_b: Workspace, tmp_path: Path
) -> None:
    certificate_id = certified(workspace)
    pdf = tmp_path / "certificado.pdf"
    write_certificates_pdf(workspace, [certificate_id], pdf)
    from basc_desktop.reports.qr_reading import read_qr_codes

    genuine = decode_payload(read_qr_codes(pdf)[0])
    intruder = Ed25519PrivateKey.generate()  # a key on no PC of this register
    forged = genuine.payload.signed(intruder.sign(genuine.message.encode("utf-8")))
    assert verify_payload(pc_b, forged).outcome is V.FORGED
    # Dropping the intruder's key in a folder nobody shares trusts it there only.
    (tmp_path / "pc-c" / "keys").mkdir(parents=True)
    pem = intruder.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    (tmp_path / "pc-c" / "keys" / "co-bog.intruder.pub.pem").write_bytes(pem)
    assert verify_payload(pc_b, forged).outcome is V.FORGED


def test_two_pcs_registering_the_same_key_at_once_keep_one_row(
    workspace: Workspace, chapters: ChapterRegistry, tmp_path: Path
) -> None:
    """The same key registered by two connections at the same moment: one row, no error."""
    folder = tmp_path / "shared-folder"
    first = _pc(chapters, workspace.db.url, folder, "ana")
    second = _pc(chapters, workspace.db.url, folder, "ana")
    key = Ed25519PrivateKey.generate().public_key()
    with ThreadPoolExecutor(2) as pool:
        done = list(
            pool.map(
                lambda ws: _register(ws, key),
                [first, second],
            )
        )
    first.db.close()
    second.db.close()
    assert sorted(done) == [False, True]
    assert len(_keys(workspace, "ht")) == 1


def _register(ws: Workspace, key: object) -> bool:
    assert isinstance(key, Ed25519PublicKey)
    with ws.db.transaction() as session:
        return signing.register_public_key(session, ws.user, "ht", key)


def test_the_command_line_exports_every_key_of_the_chapter(
    workspace: Workspace, pc_b: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from basc_desktop.cli import main

    write_certificates_pdf(workspace, [certified(workspace)], tmp_path / "a.pdf")
    pem = tmp_path / "co-bog.pem"
    assert pc_b.data_dir is not None
    words = ["--data-dir", str(pc_b.data_dir), "--database-url", pc_b.db.url]
    assert main(["certificates", "public-key", "co-bog", "-o", str(pem), *words]) == 0
    assert capsys.readouterr().out.strip() == str(pem)
    exported = signing.public_keys_in(pem.read_bytes())
    own = signing.private_key(pc_b, "co-bog").public_key()  # made by the export
    theirs = signing.private_key(workspace, "co-bog").public_key()
    assert [signing.fingerprint(k) for k in exported] == [
        signing.fingerprint(own),
        signing.fingerprint(theirs),
    ]
