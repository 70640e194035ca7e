"""The words of the dashboard report and workbook, in the document's language.

Like every printed report (:mod:`basc_desktop.reports.report_words`), the dashboard
exported for the board or the world organisation speaks its chapter's language, not
the window's: its words are data here (Spanish, English, French), keyed by the
dashboard figure's value.  No Qt, no SQL.
"""

from __future__ import annotations

from basc_desktop.reports.report_words import report_language

__all__ = ["dashboard_words"]

_ES: dict[str, str] = {
    "title": "Estado de la certificación por país y capítulo",
    "as_of": "Situación al {date}",
    "printed": "Emitido el {date}",
    "country": "País",
    "chapter": "Capítulo",
    "total": "Total",
    "all_countries": "Todos los países",
    "expiries": "Certificados vigentes que vencen en los próximos 12 meses",
    "month": "Mes",
    "figures_sheet": "Cifras",
    "expiries_sheet": "Vencimientos",
    "page": "Página",
    "members": "Miembros",
    "certified": "Certificados",
    "expiring_30": "Vencen en 30 días",
    "expiring_60": "Vencen en 60 días",
    "expiring_90": "Vencen en 90 días",
    "expired": "Vencidos",
    "suspended": "Suspendidos",
    "withdrawn": "Retirados",
    "open_actions": "Acciones correctivas abiertas",
    "overdue_actions": "Acciones correctivas atrasadas",
    "audits_this_month": "Auditorías planeadas en el mes",
}

_EN: dict[str, str] = {
    "title": "Certification status by country and chapter",
    "as_of": "As of {date}",
    "printed": "Printed on {date}",
    "country": "Country",
    "chapter": "Chapter",
    "total": "Total",
    "all_countries": "All countries",
    "expiries": "Certificates in force expiring in the next 12 months",
    "month": "Month",
    "figures_sheet": "Figures",
    "expiries_sheet": "Expiries",
    "page": "Page",
    "members": "Members",
    "certified": "Certified",
    "expiring_30": "Expiring in 30 days",
    "expiring_60": "Expiring in 60 days",
    "expiring_90": "Expiring in 90 days",
    "expired": "Expired",
    "suspended": "Suspended",
    "withdrawn": "Withdrawn",
    "open_actions": "Open corrective actions",
    "overdue_actions": "Overdue corrective actions",
    "audits_this_month": "Audits planned this month",
}

_FR: dict[str, str] = {
    "title": "État de la certification par pays et par chapitre",
    "as_of": "Situation au {date}",
    "printed": "Émis le {date}",
    "country": "Pays",
    "chapter": "Chapitre",
    "total": "Total",
    "all_countries": "Tous les pays",
    "expiries": "Certificats en vigueur expirant dans les 12 prochains mois",
    "month": "Mois",
    "figures_sheet": "Chiffres",
    "expiries_sheet": "Échéances",
    "page": "Page",
    "members": "Membres",
    "certified": "Certifiés",
    "expiring_30": "Expirent dans 30 jours",
    "expiring_60": "Expirent dans 60 jours",
    "expiring_90": "Expirent dans 90 jours",
    "expired": "Expirés",
    "suspended": "Suspendus",
    "withdrawn": "Retirés",
    "open_actions": "Actions correctives ouvertes",
    "overdue_actions": "Actions correctives en retard",
    "audits_this_month": "Audits planifiés ce mois-ci",
}

_WORDS = {"es": _ES, "en": _EN, "fr": _FR}


def dashboard_words(language: str) -> dict[str, str]:
    """The dashboard's document words in ``language`` (Spanish unless English or French)."""
    return _WORDS[report_language(language)]
