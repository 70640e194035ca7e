"""Reading the words of a chapter's spreadsheet: its headers, business types and countries.

Chapters keep their member lists in Spanish, English or French, with the headers their
office always used ("Razón social", "NIT", "Empresa", "Company", "Raison sociale"…).
Every header and value is compared *folded*: case, accents, punctuation and runs of
spaces never change what it means ("RAZON  SOCIAL:" is "Razón social").

A header matches a field when it is one of the field's words exactly; failing that,
when it *contains* one of them as whole words ("NIT de la empresa" is the tax ID).  The
longest word wins; a tie between two fields is no match, so the coordinator chooses.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from basc_desktop.domain.countries import COUNTRIES
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import BusinessType

__all__ = [
    "IMPORT_FIELDS",
    "REQUIRED_FIELDS",
    "ImportField",
    "fold_header",
    "guess_mapping",
    "header_score",
    "match_business_type",
    "match_country",
    "match_header",
]


@dataclass(frozen=True)
class ImportField:
    """A member field a spreadsheet column can be read into."""

    key: str
    label: str


IMPORT_FIELDS: tuple[ImportField, ...] = (
    ImportField("legal_name", _("Legal name")),
    ImportField("trade_name", _("Trade name")),
    ImportField("tax_id", _("Tax ID")),
    ImportField("country", _("Country")),
    ImportField("chapter_code", _("Chapter")),
    ImportField("business_type", _("Business type")),
    ImportField("address", _("Address")),
    ImportField("city", _("City")),
    ImportField("phone", _("Phone")),
    ImportField("email", _("E-mail")),
    ImportField("website", _("Website")),
    ImportField("membership_start", _("Member since")),
    ImportField("notes", _("Notes")),
)
FIELD_KEYS: tuple[str, ...] = tuple(f.key for f in IMPORT_FIELDS)
FIELD_LABELS: dict[str, str] = {f.key: f.label for f in IMPORT_FIELDS}
REQUIRED_FIELDS: tuple[str, ...] = ("legal_name", "tax_id", "business_type")
"""Without a column for each of these, no row can be imported."""

_NON_WORD = re.compile(r"[^0-9a-z]+")
_DOTS = re.compile(r"\.")


def fold_header(text: object) -> str:
    """Lowercase words without accents or punctuation: "Razón  Social:" → "razon social".

    Dots join ("N.I.T." is "nit"); any other punctuation separates words.
    """
    decomposed = unicodedata.normalize("NFKD", _DOTS.sub("", str(text or "")))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.split(stripped.casefold())).strip()


_SYNONYMS: dict[str, tuple[str, ...]] = {
    "legal_name": (
        "razon social", "empresa", "nombre de la empresa", "nombre empresa", "company",
        "company name", "legal name", "raison sociale", "nom de l entreprise", "entreprise",
        "denominacion social", "nombre o razon social", "nombre legal", "socio", "miembro",
        "member", "nombre", "name", "nom",
    ),
    "trade_name": (
        "nombre comercial", "trade name", "nom commercial", "marca", "dba", "enseigne",
    ),
    "tax_id": (
        "nit", "ruc", "rfc", "rnc", "rut", "rif", "nif", "ein", "cedula juridica",
        "tax id", "tax number", "taxpayer id", "identificacion tributaria",
        "identificacion fiscal", "numero de identificacion tributaria", "id fiscal",
        "identifiant fiscal", "numero fiscal", "matricule fiscal", "documento",
    ),
    "country": ("pais", "country", "pays"),
    "chapter_code": ("capitulo", "chapter", "chapitre", "seccional", "capitulo basc"),
    "business_type": (
        "tipo de empresa", "actividad", "business type", "type d entreprise", "activite",
        "tipo de negocio", "tipo", "sector", "alcance", "scope", "giro", "type", "activity",
    ),
    "address": ("direccion", "address", "adresse", "domicilio"),
    "city": ("ciudad", "city", "ville", "municipio", "localidad"),
    "phone": ("telefono", "phone", "telephone", "tel", "tel fijo", "celular", "movil"),
    "email": (
        "correo", "correo electronico", "email", "e mail", "mail", "courriel",
        "adresse electronique",
    ),
    "website": ("sitio web", "pagina web", "web", "website", "site web", "site internet", "url"),
    "membership_start": (
        "fecha de afiliacion", "miembro desde", "member since", "membership start",
        "fecha de ingreso", "afiliacion", "fecha afiliacion", "date d adhesion",
        "membre depuis", "adhesion", "joined",
    ),
    "notes": (
        "notas", "notes", "observaciones", "comentarios", "remarques", "commentaires",
        "observations", "comments",
    ),
}  # fmt: skip
_EXACT_ONLY = frozenset(
    {
        "nombre",
        "name",
        "nom",
        "tipo",
        "type",
        "documento",
        "mail",
        "web",
        "socio",
        "miembro",
        "member",
        "url",
        "giro",
    }
)
"""Words too common to be matched inside a longer header ("Nombre del contacto")."""

_BY_WORDS: dict[str, str] = {word: key for key, words in _SYNONYMS.items() for word in words}


def _position(words: str, phrase: str) -> int:
    """Where ``phrase`` starts in ``words`` as whole words, or -1."""
    return f" {words} ".find(f" {phrase} ")


def _header_match(text: object) -> tuple[str, int, int] | None:
    """The field a header names, how sure (2 exact, 1 contained) and how early it is named."""
    words = fold_header(text)
    if not words:
        return None
    exact = _BY_WORDS.get(words)
    if exact is not None:
        return exact, 2, 0
    best: tuple[int, int, str] | None = None
    for phrase, key in _BY_WORDS.items():
        if phrase in _EXACT_ONLY:
            continue
        start = _position(words, phrase)
        if start < 0:
            continue
        rank = (start, -len(phrase), key)
        if best is None or rank < best:
            best = rank
    if best is None:
        return None
    return best[2], 1, best[0]


def match_header(text: object) -> str | None:
    """The member field a column header names (``"tax_id"`` for "N.I.T."), or None."""
    found = _header_match(text)
    return None if found is None else found[0]


def guess_mapping(headers: Sequence[object]) -> dict[int, str]:
    """Column index (0-based) → field, for the columns whose header names a field.

    Each field goes to one column only: the surest match, then the leftmost.
    """
    best: dict[str, tuple[int, int, int]] = {}
    for index, header in enumerate(headers):
        found = _header_match(header)
        if found is None:
            continue
        key, sureness, start = found
        rank = (sureness, -start, -index)
        if key not in best or rank > best[key]:
            best[key] = rank
    return dict(sorted((-rank[2], key) for key, rank in best.items()))


def header_score(cells: Iterable[object]) -> int:
    """How many different fields a row's cells name: the header row names the most."""
    return len({key for key in (match_header(c) for c in cells if isinstance(c, str)) if key})


# --- values ----------------------------------------------------------------------------

_BUSINESS_TYPE_WORDS: dict[BusinessType, tuple[str, ...]] = {
    BusinessType.EXPORTER_IMPORTER: (
        "Exportador / importador", "Exportador", "Importador", "Exportador importador",
        "Importador exportador", "Exporter", "Importer", "Importer / exporter",
        "Exportateur / importateur", "Exportateur", "Importateur",
    ),
    BusinessType.CUSTOMS_AGENT: (
        "Agente de aduanas", "Agencia de aduanas", "Agente aduanal", "Agente aduanero",
        "Agent en douane", "Commissionnaire en douane", "Customs broker",
    ),
    BusinessType.WAREHOUSE: (
        "Terminal de almacenamiento o depósito", "Depósito", "Almacén", "Almacenamiento",
        "Bodega", "Warehouse", "Storage terminal", "Terminal de stockage ou entrepôt",
        "Entrepôt ou terminal de stockage", "Entrepôt",
    ),
    BusinessType.ROAD_CARRIER: (
        "Transportista terrestre", "Transporte terrestre", "Transporte de carga terrestre",
        "Transporteur routier", "Trucking",
    ),
    BusinessType.AIR_CARRIER: (
        "Transportista aéreo", "Transporte aéreo", "Aerolínea", "Transporteur aérien", "Airline",
    ),
    BusinessType.SEA_CARRIER: (
        "Transportista marítimo", "Transporte marítimo", "Naviera", "Transporteur maritime",
        "Shipping line",
    ),
    BusinessType.PORT_OPERATOR: (
        "Operador portuario o estibador", "Operador portuario", "Estibador", "Port operator",
        "Stevedore", "Opérateur portuaire ou manutentionnaire", "Opérateur portuaire",
    ),
    BusinessType.PORT_TERMINAL: ("Terminal portuaria", "Terminal portuario", "Terminal portuaire"),
    BusinessType.LOGISTICS_OPERATOR: (
        "Operador logístico", "Opérateur logistique", "Logistics provider", "3PL",
    ),
    BusinessType.CARGO_AGENT: (
        "Agente de carga o marítimo", "Agente de carga", "Agente marítimo", "Agente de carga",
        "Agent de fret ou maritime", "Agent de fret ou agent maritime", "Agent de fret",
        "Agent maritime", "Freight forwarder",
        "Cargo agent", "Maritime agent",
    ),
    BusinessType.FREE_ZONE_USER: (
        "Usuario de zona franca", "Zona franca", "Usager de zone franche", "Zone franche",
        "Free zone user", "Free trade zone user",
    ),
    BusinessType.SECURITY_COMPANY: (
        "Empresa de seguridad privada", "Seguridad privada", "Empresa de seguridad",
        "Entreprise de sécurité privée", "Security company",
    ),
    BusinessType.SUPPORT_SERVICES: (
        "Servicios de apoyo aeroportuario y portuario", "Servicios de apoyo",
        "Services d'appui aéroportuaires et portuaires", "Support services",
    ),
}  # fmt: skip


def _business_type_table() -> dict[str, BusinessType]:
    table: dict[str, BusinessType] = {}
    for kind in BusinessType:
        for word in (kind.value, kind.label, *_BUSINESS_TYPE_WORDS[kind]):
            table.setdefault(fold_header(word), kind)
    return table


_BUSINESS_TYPES = _business_type_table()


def match_business_type(text: object) -> BusinessType | None:
    """The business type a cell names: its code, or its label in Spanish, English or French."""
    return _BUSINESS_TYPES.get(fold_header(text))


def _country_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for code, country in COUNTRIES.items():
        for word in (code, country.alpha3, country.name_es, country.name_en, country.name_fr):
            table[fold_header(word)] = code
    extras = {
        "rep dominicana": "DO", "republica dominicana": "DO", "dominicana": "DO",
        "mejico": "MX", "estados unidos de america": "US", "usa": "US", "eeuu": "US",
        "ee uu": "US", "united states of america": "US", "haiti": "HT", "panama": "PA",
    }  # fmt: skip
    table.update(extras)
    return table


_COUNTRIES = _country_table()


def match_country(text: object) -> str | None:
    """The ISO alpha-2 code of a country named in any of our languages or by ISO code."""
    return _COUNTRIES.get(fold_header(text))
