"""The fixed words of a certificate, in the languages it is printed in.

A certificate speaks two languages: the chapter's first one (Spanish, or French for
Haiti) with English beside it.  As with the audit report, these are document words
(data), not the window's translations.  The standard's title is kept in the catalogue
in Spanish and English; a French certificate writes it in French from its version.
No Qt, no SQL.
"""

from __future__ import annotations

import re

from basc_desktop.domain.vocabulary import BusinessType
from basc_desktop.reports.report_words import business_type_word, report_language

__all__ = ["certificate_languages", "certificate_word", "scope_word", "standard_title"]

_WORDS: dict[str, dict[str, str]] = {
    "es": {
        "title": "Certificado",
        "certifies": "{chapter} certifica que",
        "complies": "ha implementado un Sistema de Gestión en Control y Seguridad que cumple con",
        "scope": "Alcance",
        "address": "Dirección",
        "issued_on": "Fecha de emisión",
        "expires_on": "Fecha de vencimiento",
        "code": "Certificado n.º",
        "verify": "Verifique la autenticidad de este certificado con su código QR.",
        "mark": "Alianza Empresarial para un Comercio Seguro",
    },
    "en": {
        "title": "Certificate",
        "certifies": "{chapter} certifies that",
        "complies": "has implemented a Control and Security Management System that complies with",
        "scope": "Scope",
        "address": "Address",
        "issued_on": "Issue date",
        "expires_on": "Expiry date",
        "code": "Certificate no.",
        "verify": "Check that this certificate is genuine with its QR code.",
        "mark": "Business Alliance for Secure Commerce",
    },
    "fr": {
        "title": "Certificat",
        "certifies": "{chapter} certifie que",
        "complies": "a mis en œuvre un Système de gestion du contrôle et de la sécurité "
        "conforme à la",
        "scope": "Champ d’application",
        "address": "Adresse",
        "issued_on": "Date d’émission",
        "expires_on": "Date d’expiration",
        "code": "Certificat n°",
        "verify": "Vérifiez l’authenticité de ce certificat avec son code QR.",
        "mark": "Alliance commerciale pour un commerce sûr",
    },
}

_VERSION = re.compile(r"(?:versión|version)\s+(\S+)\s*$", re.IGNORECASE)


def certificate_languages(languages: tuple[str, ...]) -> tuple[str, str | None]:
    """The certificate's main language and the one beside it (English), or None.

    ``("es", "en")`` → ("es", "en"); ``("fr", "en")`` → ("fr", "en"); an English-only
    chapter prints English alone.
    """
    main = report_language(languages[0] if languages else "es")
    return main, (None if main == "en" else "en")


def certificate_word(language: str, key: str, **values: str) -> str:
    return _WORDS[report_language(language)][key].format(**values)


def scope_word(language: str, business_type: BusinessType) -> str:
    return business_type_word(language, business_type)


def standard_title(language: str, title_es: str, title_en: str) -> str:
    """The standard's full name in ``language`` ("Norma y Estándares Internacionales…")."""
    language = report_language(language)
    if language == "es":
        return title_es or title_en
    if language == "en":
        return title_en or title_es
    match = _VERSION.search(title_es) or _VERSION.search(title_en)
    if match:
        return f"Norme et standards internationaux BASC, version {match.group(1)}"
    return title_en or title_es
