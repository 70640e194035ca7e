"""Certificates written straight into the store, for the PDF and verification tests."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from basc_desktop.domain.vocabulary import BusinessType, CertificateEventKind, CertificateState
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.certificates import Certificate, CertificateEvent
from basc_desktop.store.members import Company
from basc_desktop.store.standing import refresh_standing
from tests.audit_factories import member
from tests.conftest import TODAY
from tests.factories import certify

_STATES = {
    CertificateEventKind.SUSPENDED: CertificateState.SUSPENDED,
    CertificateEventKind.REINSTATED: CertificateState.VALID,
    CertificateEventKind.WITHDRAWN: CertificateState.WITHDRAWN,
    CertificateEventKind.SUPERSEDED: CertificateState.SUPERSEDED,
}


def certified(
    ws: Workspace,
    *,
    chapter: str = "co-bog",
    name: str = "Exportadora Andina S.A.S.",
    seed: int = 1,
    issued: date = TODAY - timedelta(days=30),
    business_type: BusinessType = BusinessType.EXPORTER_IMPORTER,
    address: str = "Calle 100 # 19-54, Oficina 701",
    city: str | None = None,
) -> int:
    """A member of ``chapter`` with a one-year certificate; returns the certificate's id."""
    company_id = member(ws, chapter=chapter, name=name, seed=seed, business_type=business_type)
    chapter_file = ws.chapters.get(chapter)
    with ws.db.transaction() as session:
        company = session.get_one(Company, company_id)
        number = company.member_number
        company.address = address
        company.city = city if city is not None else chapter_file.city
    code = f"{chapter_file.country.alpha3}{chapter_file.city_code}{number:05d}-1-1"
    certify(ws, company_id, issued, issued.replace(year=issued.year + 1), code=code)
    with ws.db.transaction() as session:
        certificate = session.scalars(select(Certificate).where(Certificate.code == code)).one()
        certificate.scope = business_type
        return certificate.id


def record(
    ws: Workspace, certificate_id: int, kind: CertificateEventKind, on: date, reason: str = ""
) -> None:
    """Record a suspension, reinstatement, withdrawal or supersession, as the services will."""
    with ws.db.transaction() as session:
        certificate = session.get_one(Certificate, certificate_id)
        certificate.events.append(CertificateEvent(occurred_on=on, kind=kind, reason=reason))
        certificate.state = _STATES[kind]
        refresh_standing(session, [certificate.company_id])


def renew(ws: Workspace, certificate_id: int, on: date) -> int:
    """Issue the next certificate of the same company and supersede the old one."""
    with ws.db.transaction() as session:
        old = session.get_one(Certificate, certificate_id)
        code = old.code.rsplit("-", 1)[0] + f"-{old.issue_number + 1}"
        new = Certificate(
            code=code,
            company_id=old.company_id,
            standard_version=old.standard_version,
            scope=old.scope,
            issue_number=old.issue_number + 1,
            issued_on=on,
            expires_on=on.replace(year=on.year + 1),
        )
        new.events.append(CertificateEvent(occurred_on=on, kind=CertificateEventKind.ISSUED))
        session.add(new)
        old.events.append(
            CertificateEvent(occurred_on=on, kind=CertificateEventKind.SUPERSEDED, reason=code)
        )
        old.state = CertificateState.SUPERSEDED
        session.flush()
        refresh_standing(session, [old.company_id])
        return new.id


def render_png(pdf: Path, prefix: Path, dpi: int = 100) -> list[Path]:
    """The PDF's pages as PNG files ``prefix-1.png``…, drawn by pdftoppm."""
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(prefix)], check=True, timeout=60
    )
    return sorted(prefix.parent.glob(f"{prefix.name}-*.png"))


def zbar(image: Path) -> list[str]:
    """The QR payloads zbarimg finds in ``image``."""
    done = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return [line for line in done.stdout.splitlines() if line]
