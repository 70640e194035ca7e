"""Every mapped model, imported in one place so the metadata is complete."""

from basc_desktop.store.admissions import Application, ApplicationDocument, CommitteeSession
from basc_desktop.store.audits import Audit, Auditor, CorrectiveAction, Finding, audit_team
from basc_desktop.store.base import Base
from basc_desktop.store.certificates import Certificate, CertificateEvent
from basc_desktop.store.events import Event
from basc_desktop.store.members import ChapterRow, Company, Contact, RelatedCertification
from basc_desktop.store.signing_keys import ChapterPublicKey
from basc_desktop.store.standards import Requirement, Standard
from basc_desktop.store.users import User, UserChapter

__all__ = [
    "Application",
    "ApplicationDocument",
    "Audit",
    "Auditor",
    "Base",
    "Certificate",
    "CertificateEvent",
    "ChapterPublicKey",
    "ChapterRow",
    "CommitteeSession",
    "Company",
    "Contact",
    "CorrectiveAction",
    "Event",
    "Finding",
    "RelatedCertification",
    "Requirement",
    "Standard",
    "User",
    "UserChapter",
    "audit_team",
]
