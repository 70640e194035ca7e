"""The fixed words of BASC certification: business types, states and verdicts.

Each value is stored as its lowercase code; each has an English label marked for
translation (the UI shows it in the coordinator's language).
"""

from __future__ import annotations

from enum import StrEnum

from basc_desktop.domain.text import translatable as _


class BusinessType(StrEnum):
    EXPORTER_IMPORTER = "exporter_importer"
    CUSTOMS_AGENT = "customs_agent"
    WAREHOUSE = "warehouse"
    ROAD_CARRIER = "road_carrier"
    AIR_CARRIER = "air_carrier"
    SEA_CARRIER = "sea_carrier"
    PORT_OPERATOR = "port_operator"
    PORT_TERMINAL = "port_terminal"
    LOGISTICS_OPERATOR = "logistics_operator"
    CARGO_AGENT = "cargo_agent"
    FREE_ZONE_USER = "free_zone_user"
    SECURITY_COMPANY = "security_company"
    SUPPORT_SERVICES = "support_services"

    @property
    def label(self) -> str:
        return _BUSINESS_TYPE_LABELS[self]


_BUSINESS_TYPE_LABELS: dict[BusinessType, str] = {
    BusinessType.EXPORTER_IMPORTER: _("Exporter / importer"),
    BusinessType.CUSTOMS_AGENT: _("Customs agent"),
    BusinessType.WAREHOUSE: _("Storage terminal or warehouse"),
    BusinessType.ROAD_CARRIER: _("Road carrier"),
    BusinessType.AIR_CARRIER: _("Air carrier"),
    BusinessType.SEA_CARRIER: _("Sea carrier"),
    BusinessType.PORT_OPERATOR: _("Port operator or stevedore"),
    BusinessType.PORT_TERMINAL: _("Port terminal"),
    BusinessType.LOGISTICS_OPERATOR: _("Logistics operator"),
    BusinessType.CARGO_AGENT: _("Cargo or maritime agent"),
    BusinessType.FREE_ZONE_USER: _("Free-trade-zone user"),
    BusinessType.SECURITY_COMPANY: _("Private security company"),
    BusinessType.SUPPORT_SERVICES: _("Airport and port support services"),
}


class MemberStatus(StrEnum):
    """A company's certification status at a date; always computed, never typed."""

    APPLICANT = "applicant"
    IN_PROCESS = "in_process"
    CERTIFIED = "certified"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    SUSPENDED = "suspended"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return _MEMBER_STATUS_LABELS[self]


_MEMBER_STATUS_LABELS: dict[MemberStatus, str] = {
    MemberStatus.APPLICANT: _("Applicant"),
    MemberStatus.IN_PROCESS: _("In process"),
    MemberStatus.CERTIFIED: _("Certified"),
    MemberStatus.EXPIRING: _("Expiring"),
    MemberStatus.EXPIRED: _("Expired"),
    MemberStatus.SUSPENDED: _("Suspended"),
    MemberStatus.WITHDRAWN: _("Withdrawn"),
}


class ApplicationDecision(StrEnum):
    ADMITTED = "admitted"
    REJECTED = "rejected"
    POSTPONED = "postponed"


class DocumentState(StrEnum):
    RECEIVED = "received"
    MISSING = "missing"
    NOT_APPLICABLE = "not_applicable"


class AuditKind(StrEnum):
    DIAGNOSTIC = "diagnostic"
    CERTIFICATION = "certification"
    RECERTIFICATION = "recertification"
    FOLLOW_UP = "follow_up"
    EXTRAORDINARY = "extraordinary"

    @property
    def label(self) -> str:
        return _AUDIT_KIND_LABELS[self]


_AUDIT_KIND_LABELS: dict[AuditKind, str] = {
    AuditKind.DIAGNOSTIC: _("Diagnostic"),
    AuditKind.CERTIFICATION: _("Certification"),
    AuditKind.RECERTIFICATION: _("Recertification"),
    AuditKind.FOLLOW_UP: _("Follow-up"),
    AuditKind.EXTRAORDINARY: _("Extraordinary"),
}


class AuditState(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    REPORTED = "reported"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return _AUDIT_STATE_LABELS[self]


_AUDIT_STATE_LABELS: dict[AuditState, str] = {
    AuditState.PLANNED: _("Planned"),
    AuditState.IN_PROGRESS: _("In progress"),
    AuditState.REPORTED: _("Reported"),
    AuditState.CLOSED: _("Closed"),
}


class Verdict(StrEnum):
    CONFORMING = "conforming"
    MINOR = "minor"
    MAJOR = "major"
    OBSERVATION = "observation"
    NOT_APPLICABLE = "not_applicable"

    @property
    def label(self) -> str:
        return _VERDICT_LABELS[self]


_VERDICT_LABELS: dict[Verdict, str] = {
    Verdict.CONFORMING: _("Conforming"),
    Verdict.MINOR: _("Minor nonconformity"),
    Verdict.MAJOR: _("Major nonconformity"),
    Verdict.OBSERVATION: _("Observation"),
    Verdict.NOT_APPLICABLE: _("Not applicable"),
}


class ActionState(StrEnum):
    OPEN = "open"
    SUBMITTED = "submitted"
    VERIFIED = "verified"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return _ACTION_STATE_LABELS[self]


_ACTION_STATE_LABELS: dict[ActionState, str] = {
    ActionState.OPEN: _("Open"),
    ActionState.SUBMITTED: _("Submitted"),
    ActionState.VERIFIED: _("Verified"),
    ActionState.CLOSED: _("Closed"),
}


class CertificateState(StrEnum):
    VALID = "valid"
    SUSPENDED = "suspended"
    WITHDRAWN = "withdrawn"
    SUPERSEDED = "superseded"


class CertificateEventKind(StrEnum):
    ISSUED = "issued"
    SUSPENDED = "suspended"
    REINSTATED = "reinstated"
    WITHDRAWN = "withdrawn"
    SUPERSEDED = "superseded"


class RelatedProgram(StrEnum):
    CTPAT = "ctpat"
    AEO = "aeo"
    ISO28000 = "iso28000"

    @property
    def label(self) -> str:
        return {"ctpat": "C-TPAT", "aeo": "AEO/OEA", "iso28000": "ISO 28000"}[self.value]
