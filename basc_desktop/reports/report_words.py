"""The fixed words of printed documents, in the document's language (Spanish, English, French).

A printed report speaks the language it is printed in (by default its chapter's first
language); it is not the window's language, so these words are data here rather than
Qt translations.  Any language other than English or French gets Spanish, the
language the catalogue texts are written in first.  The French follows French
typography: typographic apostrophe (’), "n°", capital accents (État, Équipe).
No Qt, no SQL.
"""

from __future__ import annotations

from basc_desktop.domain.vocabulary import ActionState, AuditKind, AuditState, BusinessType, Verdict

__all__ = [
    "REPORT_LANGUAGES",
    "VERDICT_ORDER",
    "action_state_word",
    "audit_state_word",
    "business_type_word",
    "kind_word",
    "report_language",
    "words",
]

VERDICT_ORDER: tuple[Verdict, ...] = (
    Verdict.CONFORMING,
    Verdict.MINOR,
    Verdict.MAJOR,
    Verdict.OBSERVATION,
    Verdict.NOT_APPLICABLE,
)

_ES: dict[str, str] = {
    "title": "Informe de auditoría",
    "audit_no": "Auditoría n.º",
    "company": "Empresa",
    "trade_name": "Nombre comercial",
    "business_type": "Tipo de negocio",
    "address": "Dirección",
    "chapter": "Capítulo",
    "kind": "Tipo de auditoría",
    "standard": "Norma",
    "state": "Estado",
    "planned_on": "Fecha planeada",
    "dates": "Ejecución",
    "lead_auditor": "Auditor líder",
    "team": "Equipo auditor",
    "summary": "Resumen",
    "by_verdict": "Resultados por veredicto",
    "by_section": "Resultados por sección",
    "verdict": "Veredicto",
    "count": "Requisitos",
    "unjudged": "Sin evaluar",
    "total": "Total",
    "section": "Sección",
    "nonconformities": "No conformidades y acciones correctivas",
    "observations": "Observaciones",
    "none": "No se encontraron no conformidades.",
    "evidence": "Evidencia",
    "action": "Acción correctiva",
    "owner": "Responsable",
    "due_on": "Fecha límite",
    "signatures": "Firmas",
    "page": "Página",
    "verdict.conforming": "Conforme",
    "verdict.minor": "No conformidad menor",
    "verdict.major": "No conformidad mayor",
    "verdict.observation": "Observación",
    "verdict.not_applicable": "No aplica",
    "short.conforming": "C",
    "short.minor": "NC men.",
    "short.major": "NC may.",
    "short.observation": "Obs.",
    "short.not_applicable": "N/A",
    "kind.diagnostic": "Diagnóstico",
    "kind.certification": "Certificación",
    "kind.recertification": "Recertificación",
    "kind.follow_up": "Seguimiento",
    "kind.extraordinary": "Extraordinaria",
    "audit_state.planned": "Planeada",
    "audit_state.in_progress": "En curso",
    "audit_state.reported": "Informada",
    "audit_state.closed": "Cerrada",
    "action_state.open": "abierta",
    "action_state.submitted": "presentada",
    "action_state.verified": "verificada",
    "action_state.closed": "cerrada",
    "business.exporter_importer": "Exportador / importador",
    "business.customs_agent": "Agente de aduanas",
    "business.warehouse": "Terminal de almacenamiento o depósito",
    "business.road_carrier": "Transportista terrestre",
    "business.air_carrier": "Transportista aéreo",
    "business.sea_carrier": "Transportista marítimo",
    "business.port_operator": "Operador portuario o estibador",
    "business.port_terminal": "Terminal portuaria",
    "business.logistics_operator": "Operador logístico",
    "business.cargo_agent": "Agente de carga o marítimo",
    "business.free_zone_user": "Usuario de zona franca",
    "business.security_company": "Empresa de seguridad privada",
    "business.support_services": "Servicios de apoyo aeroportuario y portuario",
}

_EN: dict[str, str] = {
    "title": "Audit report",
    "audit_no": "Audit no.",
    "company": "Company",
    "trade_name": "Trade name",
    "business_type": "Business type",
    "address": "Address",
    "chapter": "Chapter",
    "kind": "Kind of audit",
    "standard": "Standard",
    "state": "State",
    "planned_on": "Planned date",
    "dates": "Carried out",
    "lead_auditor": "Lead auditor",
    "team": "Audit team",
    "summary": "Summary",
    "by_verdict": "Results by verdict",
    "by_section": "Results by section",
    "verdict": "Verdict",
    "count": "Requirements",
    "unjudged": "Not judged",
    "total": "Total",
    "section": "Section",
    "nonconformities": "Nonconformities and corrective actions",
    "observations": "Observations",
    "none": "No nonconformities were found.",
    "evidence": "Evidence",
    "action": "Corrective action",
    "owner": "Owner",
    "due_on": "Due date",
    "signatures": "Signatures",
    "page": "Page",
    "verdict.conforming": "Conforming",
    "verdict.minor": "Minor nonconformity",
    "verdict.major": "Major nonconformity",
    "verdict.observation": "Observation",
    "verdict.not_applicable": "Not applicable",
    "short.conforming": "C",
    "short.minor": "Minor",
    "short.major": "Major",
    "short.observation": "Obs.",
    "short.not_applicable": "N/A",
    "kind.diagnostic": "Diagnostic",
    "kind.certification": "Certification",
    "kind.recertification": "Recertification",
    "kind.follow_up": "Follow-up",
    "kind.extraordinary": "Extraordinary",
    "audit_state.planned": "Planned",
    "audit_state.in_progress": "In progress",
    "audit_state.reported": "Reported",
    "audit_state.closed": "Closed",
    "action_state.open": "open",
    "action_state.submitted": "submitted",
    "action_state.verified": "verified",
    "action_state.closed": "closed",
}
_EN.update({f"business.{kind.value}": kind.label for kind in BusinessType})


_FR: dict[str, str] = {
    "title": "Rapport d’audit",
    "audit_no": "Audit n°",
    "company": "Entreprise",
    "trade_name": "Nom commercial",
    "business_type": "Type d’activité",
    "address": "Adresse",
    "chapter": "Chapitre",
    "kind": "Type d’audit",
    "standard": "Norme",
    "state": "État",
    "planned_on": "Date prévue",
    "dates": "Réalisation",
    "lead_auditor": "Auditeur principal",
    "team": "Équipe d’audit",
    "summary": "Résumé",
    "by_verdict": "Résultats par verdict",
    "by_section": "Résultats par section",
    "verdict": "Verdict",
    "count": "Exigences",
    "unjudged": "Non évaluées",
    "total": "Total",
    "section": "Section",
    "nonconformities": "Non-conformités et actions correctives",
    "observations": "Observations",
    "none": "Aucune non-conformité n’a été relevée.",
    "evidence": "Preuves",
    "action": "Action corrective",
    "owner": "Responsable",
    "due_on": "Échéance",
    "signatures": "Signatures",
    "page": "Page",
    "verdict.conforming": "Conforme",
    "verdict.minor": "Non-conformité mineure",
    "verdict.major": "Non-conformité majeure",
    "verdict.observation": "Observation",
    "verdict.not_applicable": "Sans objet",
    "short.conforming": "C",
    "short.minor": "NC min.",
    "short.major": "NC maj.",
    "short.observation": "Obs.",
    "short.not_applicable": "S.O.",
    "kind.diagnostic": "Diagnostic",
    "kind.certification": "Certification",
    "kind.recertification": "Recertification",
    "kind.follow_up": "Suivi",
    "kind.extraordinary": "Extraordinaire",
    "audit_state.planned": "Planifié",
    "audit_state.in_progress": "En cours",
    "audit_state.reported": "Rapport émis",
    "audit_state.closed": "Clôturé",
    "action_state.open": "ouverte",
    "action_state.submitted": "soumise",
    "action_state.verified": "vérifiée",
    "action_state.closed": "clôturée",
    "business.exporter_importer": "Exportateur / importateur",
    "business.customs_agent": "Commissionnaire en douane",
    "business.warehouse": "Entrepôt ou terminal de stockage",
    "business.road_carrier": "Transporteur routier",
    "business.air_carrier": "Transporteur aérien",
    "business.sea_carrier": "Transporteur maritime",
    "business.port_operator": "Opérateur portuaire ou manutentionnaire",
    "business.port_terminal": "Terminal portuaire",
    "business.logistics_operator": "Opérateur logistique",
    "business.cargo_agent": "Agent de fret ou agent maritime",
    "business.free_zone_user": "Usager de zone franche",
    "business.security_company": "Entreprise de sécurité privée",
    "business.support_services": "Services d’appui aéroportuaires et portuaires",
}

_WORDS: dict[str, dict[str, str]] = {"es": _ES, "en": _EN, "fr": _FR}
REPORT_LANGUAGES: tuple[str, ...] = tuple(_WORDS)
"""The languages a report can be printed in."""


def report_language(language: str) -> str:
    """``language`` when reports can be printed in it ("es", "en", "fr"), else "es"."""
    return language if language in _WORDS else "es"


def words(language: str) -> dict[str, str]:
    """The document words in ``language`` (Spanish unless it is English or French)."""
    return _WORDS[report_language(language)]


def kind_word(language: str, kind: AuditKind) -> str:
    return words(language)[f"kind.{kind.value}"]


def audit_state_word(language: str, state: AuditState) -> str:
    return words(language)[f"audit_state.{state.value}"]


def business_type_word(language: str, kind: BusinessType) -> str:
    return words(language)[f"business.{kind.value}"]


def action_state_word(language: str, state: ActionState) -> str:
    return words(language)[f"action_state.{state.value}"]
