"""The words of Excel exports, in the export's language (Spanish, English, French).

An exported list is a document for the board, customs or the world organisation, so,
like a printed report, it speaks its chapter's language rather than the window's: its
words are data here (as in :mod:`basc_desktop.reports.report_words`), not Qt
translations.  Business types, audit kinds and states, action states and verdicts come
from ``report_words``; member statuses and certificate states are here.
"""

from __future__ import annotations

from basc_desktop.domain.vocabulary import (
    ActionState,
    AuditKind,
    AuditState,
    BusinessType,
    CertificateState,
    MemberStatus,
    Verdict,
)
from basc_desktop.reports import report_words

__all__ = ["ExportWords", "export_words"]

_ES: dict[str, str] = {
    "members": "Miembros",
    "audits": "Plan de auditorías",
    "actions": "Acciones correctivas",
    "certificates": "Registro de certificados",
    "filter": "Filtro: {filter}",
    "labelled": "{label}: {values}",
    "no_filter": "ninguno",
    "date": "Fecha: {date}",
    "summary": "Resumen",
    "total": "Total",
    "yes": "Sí",
    "all_chapters": "Todos los capítulos",
    # headers
    "member_number": "N.º de miembro",
    "legal_name": "Razón social",
    "trade_name": "Nombre comercial",
    "tax_id": "Identificación tributaria",
    "country": "País",
    "chapter": "Capítulo",
    "business_type": "Tipo de empresa",
    "city": "Ciudad",
    "status": "Estado",
    "certificate": "Certificado",
    "expires_on": "Vence",
    "next_audit_on": "Próxima auditoría",
    "archived_on": "Archivado",
    "audit_no": "N.º de auditoría",
    "planned_on": "Fecha planeada",
    "company": "Empresa",
    "kind": "Tipo de auditoría",
    "state": "Estado",
    "standard": "Norma",
    "lead_auditor": "Auditor líder",
    "team": "Equipo auditor",
    "judged": "Evaluados",
    "requirements": "Requisitos",
    "started_on": "Inicio",
    "finished_on": "Informada",
    "action_no": "N.º de acción",
    "requirement": "Requisito",
    "requirement_title": "Título del requisito",
    "severity": "Gravedad",
    "description": "Descripción",
    "owner": "Responsable",
    "due_on": "Fecha límite",
    "overdue": "Vencida",
    "submitted_on": "Presentada",
    "verified_on": "Verificada",
    "closed_on": "Cerrada",
    "code": "Código",
    "scope": "Alcance",
    "site": "Sede",
    "issue": "Emisión",
    "issued_on": "Fecha de emisión",
    # filters
    "search": "búsqueda «{text}»",
    "expires_within": "vence en {days} días o menos",
    "archived_only": "solo archivados",
    "archived_too": "actuales y archivados",
    "selected": "{count} seleccionados",
    "month": "mes {month}",
    "auditor": "auditor n.º {id}",
    "overdue_only": "solo vencidas",
    "due_within": "vence en {days} días o menos",
    "issued_from": "emitidos desde {date}",
    "issued_until": "emitidos hasta {date}",
    "every_state": "todos los estados",
    # member statuses and certificate states
    "status.applicant": "Solicitante",
    "status.in_process": "En proceso",
    "status.certified": "Certificado",
    "status.expiring": "Por vencer",
    "status.expired": "Vencido",
    "status.suspended": "Suspendido",
    "status.withdrawn": "Retirado",
    "status.none": "Sin solicitud",
    "certificate.valid": "Vigente",
    "certificate.suspended": "Suspendido",
    "certificate.withdrawn": "Retirado",
    "certificate.superseded": "Reemplazado",
}

_EN: dict[str, str] = {
    "members": "Members",
    "audits": "Audit plan",
    "actions": "Corrective actions",
    "certificates": "Certificates register",
    "filter": "Filter: {filter}",
    "labelled": "{label}: {values}",
    "no_filter": "none",
    "date": "Date: {date}",
    "summary": "Summary",
    "total": "Total",
    "yes": "Yes",
    "all_chapters": "All chapters",
    "member_number": "Member no.",
    "legal_name": "Legal name",
    "trade_name": "Trade name",
    "tax_id": "Tax ID",
    "country": "Country",
    "chapter": "Chapter",
    "business_type": "Business type",
    "city": "City",
    "status": "Status",
    "certificate": "Certificate",
    "expires_on": "Expires on",
    "next_audit_on": "Next audit",
    "archived_on": "Archived on",
    "audit_no": "Audit no.",
    "planned_on": "Planned date",
    "company": "Company",
    "kind": "Kind of audit",
    "state": "State",
    "standard": "Standard",
    "lead_auditor": "Lead auditor",
    "team": "Audit team",
    "judged": "Judged",
    "requirements": "Requirements",
    "started_on": "Started",
    "finished_on": "Reported",
    "action_no": "Action no.",
    "requirement": "Requirement",
    "requirement_title": "Requirement title",
    "severity": "Severity",
    "description": "Description",
    "owner": "Owner",
    "due_on": "Due date",
    "overdue": "Overdue",
    "submitted_on": "Submitted",
    "verified_on": "Verified",
    "closed_on": "Closed",
    "code": "Code",
    "scope": "Scope",
    "site": "Site",
    "issue": "Issue",
    "issued_on": "Issued on",
    "search": "search “{text}”",
    "expires_within": "expires within {days} days",
    "archived_only": "archived only",
    "archived_too": "current and archived",
    "selected": "{count} selected",
    "month": "month {month}",
    "auditor": "auditor no. {id}",
    "overdue_only": "overdue only",
    "due_within": "due within {days} days",
    "issued_from": "issued from {date}",
    "issued_until": "issued until {date}",
    "every_state": "every state",
    "status.applicant": "Applicant",
    "status.in_process": "In process",
    "status.certified": "Certified",
    "status.expiring": "Expiring",
    "status.expired": "Expired",
    "status.suspended": "Suspended",
    "status.withdrawn": "Withdrawn",
    "status.none": "No application",
    "certificate.valid": "Valid",
    "certificate.suspended": "Suspended",
    "certificate.withdrawn": "Withdrawn",
    "certificate.superseded": "Superseded",
}

_FR: dict[str, str] = {
    "members": "Membres",
    "audits": "Plan d’audit",
    "actions": "Actions correctives",
    "certificates": "Registre des certificats",
    "filter": "Filtre : {filter}",
    "labelled": "{label} : {values}",
    "no_filter": "aucun",
    "date": "Date : {date}",
    "summary": "Résumé",
    "total": "Total",
    "yes": "Oui",
    "all_chapters": "Tous les chapitres",
    "member_number": "N° de membre",
    "legal_name": "Raison sociale",
    "trade_name": "Nom commercial",
    "tax_id": "Identifiant fiscal",
    "country": "Pays",
    "chapter": "Chapitre",
    "business_type": "Type d’entreprise",
    "city": "Ville",
    "status": "Statut",
    "certificate": "Certificat",
    "expires_on": "Expire le",
    "next_audit_on": "Prochain audit",
    "archived_on": "Archivé le",
    "audit_no": "Audit n°",
    "planned_on": "Date prévue",
    "company": "Entreprise",
    "kind": "Type d’audit",
    "state": "État",
    "standard": "Norme",
    "lead_auditor": "Auditeur principal",
    "team": "Équipe d’audit",
    "judged": "Évaluées",
    "requirements": "Exigences",
    "started_on": "Commencé le",
    "finished_on": "Rapport émis le",
    "action_no": "Action n°",
    "requirement": "Exigence",
    "requirement_title": "Intitulé de l’exigence",
    "severity": "Gravité",
    "description": "Description",
    "owner": "Responsable",
    "due_on": "Échéance",
    "overdue": "En retard",
    "submitted_on": "Soumise le",
    "verified_on": "Vérifiée le",
    "closed_on": "Clôturée le",
    "code": "Code",
    "scope": "Portée",
    "site": "Site",
    "issue": "Émission",
    "issued_on": "Émis le",
    "search": "recherche « {text} »",
    "expires_within": "expire dans {days} jours au plus",
    "archived_only": "archivés seulement",
    "archived_too": "actuels et archivés",
    "selected": "{count} sélectionnés",
    "month": "mois {month}",
    "auditor": "auditeur n° {id}",
    "overdue_only": "en retard seulement",
    "due_within": "échéance dans {days} jours au plus",
    "issued_from": "émis depuis le {date}",
    "issued_until": "émis jusqu’au {date}",
    "every_state": "tous les états",
    "status.applicant": "Candidat",
    "status.in_process": "En cours",
    "status.certified": "Certifié",
    "status.expiring": "Expire bientôt",
    "status.expired": "Expiré",
    "status.suspended": "Suspendu",
    "status.withdrawn": "Retiré",
    "status.none": "Sans candidature",
    "certificate.valid": "Valide",
    "certificate.suspended": "Suspendu",
    "certificate.withdrawn": "Retiré",
    "certificate.superseded": "Remplacé",
}

_WORDS: dict[str, dict[str, str]] = {"es": _ES, "en": _EN, "fr": _FR}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class ExportWords:
    """The words of one export language, with the labels of every coded value."""

    def __init__(self, language: str) -> None:
        self.language = report_words.report_language(language)
        self.words = _WORDS[self.language]
        lang = self.language
        self.statuses: dict[MemberStatus | None, str] = {
            s: self.words[f"status.{s.value}"] for s in MemberStatus
        }
        self.statuses[None] = self.words["status.none"]
        self.business_types = {b: report_words.business_type_word(lang, b) for b in BusinessType}
        self.kinds = {k: report_words.kind_word(lang, k) for k in AuditKind}
        self.audit_states = {s: report_words.audit_state_word(lang, s) for s in AuditState}
        self.action_states = {
            s: _capital(report_words.action_state_word(lang, s)) for s in ActionState
        }
        self.verdicts = {v: report_words.words(lang)[f"verdict.{v.value}"] for v in Verdict}
        self.certificate_states = {
            s: self.words[f"certificate.{s.value}"] for s in CertificateState
        }

    def __getitem__(self, key: str) -> str:
        return self.words[key]


def export_words(language: str) -> ExportWords:
    """The words for an export in ``language`` (Spanish unless English or French)."""
    return ExportWords(language)
