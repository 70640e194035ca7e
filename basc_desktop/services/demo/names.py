"""Names for the demo: people, companies with their legal suffixes, web domains.

Spanish names everywhere but Haiti, where companies and people get French names.
A few fixed names carry the characters that break careless rendering: "&", accents,
"ñ", quotes, and one name longer than 150 characters.
"""

from __future__ import annotations

import random
import re

from basc_desktop.domain.search import fold
from basc_desktop.domain.vocabulary import BusinessType as B

_FIRST = (
    "Alejandro", "Andrea", "Carlos", "Carolina", "Diana", "Eduardo", "Fernando", "Gabriela",
    "Héctor", "Isabel", "Javier", "Juliana", "Luis", "María José", "Mauricio", "Natalia",
    "Óscar", "Paola", "Ricardo", "Sofía", "Tomás", "Valentina", "Ximena", "Yolanda",
    "Rubén", "Lucía", "Sebastián", "Mónica", "Germán", "Ángela",
)  # fmt: skip
_LAST = (
    "García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez",
    "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Castaño", "Muñoz", "Rojas",
    "Morales", "Ortiz", "Vargas", "Castillo", "Jiménez", "Restrepo", "Quispe", "Peña",
    "Ibáñez", "Zúñiga", "Salazar", "Cárdenas", "Ospina",
)  # fmt: skip
_FIRST_FR = (
    "Jean", "Marie", "Pierre", "Nadège", "Jacques", "Roseline", "Frantz", "Mireille",
    "Wilner", "Guerline", "Ronald", "Stéphanie", "Joël", "Carline", "Réginald", "Fabienne",
)  # fmt: skip
_LAST_FR = (
    "Desrosiers", "Pierre-Louis", "Étienne", "Joseph", "Jean-Baptiste", "Charles", "Dorval",
    "Lafontant", "Baptiste", "Célestin", "Augustin", "Saint-Fleur", "Toussaint", "Brutus",
)  # fmt: skip

_KINDS: dict[B, tuple[str, ...]] = {
    B.EXPORTER_IMPORTER: ("Comercializadora", "Exportadora", "Importadora", "Industrias",
                          "Agroindustrial", "Flores", "Café"),
    B.CUSTOMS_AGENT: ("Agencia de Aduanas", "Agencia Aduanal", "Agentes de Aduana"),
    B.WAREHOUSE: ("Almacenes Generales", "Almacenadora", "Depósitos", "Bodegas"),
    B.ROAD_CARRIER: ("Transportes", "Transportadora", "Carga Terrestre", "Tractocamiones"),
    B.AIR_CARRIER: ("Aerocarga", "Líneas Aéreas", "Aerolínea de Carga"),
    B.SEA_CARRIER: ("Naviera", "Líneas Marítimas", "Transportes Marítimos"),
    B.PORT_OPERATOR: ("Operadora Portuaria", "Estibas y Servicios", "Operaciones Portuarias"),
    B.PORT_TERMINAL: ("Terminal Portuaria", "Sociedad Portuaria", "Terminal de Contenedores"),
    B.LOGISTICS_OPERATOR: ("Logística", "Operador Logístico", "Soluciones Logísticas"),
    B.CARGO_AGENT: ("Agencia de Carga", "Agencia Marítima", "Carga Internacional"),
    B.FREE_ZONE_USER: ("Manufacturas", "Textiles", "Ensambladora", "Zona Franca"),
    B.SECURITY_COMPANY: ("Seguridad", "Vigilancia y Seguridad", "Protección Privada"),
    B.SUPPORT_SERVICES: ("Servicios Aeroportuarios", "Servicios Portuarios", "Handling"),
}  # fmt: skip
_KINDS_FR: dict[B, tuple[str, ...]] = {
    B.EXPORTER_IMPORTER: ("Comptoir", "Exportations", "Importations", "Industries"),
    B.CUSTOMS_AGENT: ("Agence en Douane", "Courtiers en Douane"),
    B.WAREHOUSE: ("Entrepôts", "Magasins Généraux"),
    B.ROAD_CARRIER: ("Transports", "Camionnage"),
    B.AIR_CARRIER: ("Air Fret", "Lignes Aériennes"),
    B.SEA_CARRIER: ("Compagnie Maritime", "Navigation"),
    B.PORT_OPERATOR: ("Manutention Portuaire", "Acconage"),
    B.PORT_TERMINAL: ("Terminal Portuaire", "Terminal à Conteneurs"),
    B.LOGISTICS_OPERATOR: ("Logistique", "Solutions Logistiques"),
    B.CARGO_AGENT: ("Agence Maritime", "Fret International"),
    B.FREE_ZONE_USER: ("Manufactures", "Textiles", "Zone Franche"),
    B.SECURITY_COMPANY: ("Sécurité", "Gardiennage"),
    B.SUPPORT_SERVICES: ("Services Aéroportuaires", "Services Portuaires"),
}  # fmt: skip

_CORES = (
    "Andina", "del Caribe", "del Pacífico", "Continental", "Interamericana", "del Sur",
    "Atlántico", "Cordillera", "Los Andes", "Costa Azul", "Cóndor", "Horizonte", "Ecuatorial",
    "Global", "Integral", "Unidos", "Express", "Aliados", "Mar y Tierra", "Puerto Nuevo",
)  # fmt: skip
_CORES_FR = (
    "du Nord", "des Caraïbes", "de l'Artibonite", "Lumière", "Saint-Marc", "Hispaniola",
    "du Cap", "Étoile", "Océan", "Citadelle",
)  # fmt: skip

SUFFIXES: dict[str, tuple[str, ...]] = {
    "CO": ("S.A.S.", "S.A.S.", "S.A.S.", "S.A.", "Ltda."),
    "MX": ("S.A. de C.V.", "S.A. de C.V.", "S. de R.L. de C.V.", "S.A.P.I. de C.V."),
    "EC": ("S.A.", "S.A.", "Cía. Ltda."),
    "PE": ("S.A.C.", "S.A.C.", "S.A.", "S.R.L.", "E.I.R.L."),
    "VE": ("C.A.", "C.A.", "S.A."),
    "PA": ("S.A.", "S.A.", "Inc."),
    "CR": ("S.A.", "S.R.L."),
    "DO": ("S.R.L.", "S.A.", "S.A.S."),
    "GT": ("S.A.", "Sociedad Anónima"),
    "SV": ("S.A. de C.V.",),
    "HT": ("S.A.",),
    "UY": ("S.A.", "S.R.L.", "S.A.S."),
    "US": ("Inc.", "LLC"),
}

ROLES = (
    "Gerente General",
    "Oficial de Cumplimiento",
    "Jefe de Seguridad",
    "Coordinador SGCS BASC",
    "Directora de Operaciones",
    "Jefe de Comercio Exterior",
)
ROLES_FR = (
    "Directeur général",
    "Responsable sécurité",
    "Responsable conformité",
    "Directrice des opérations",
)

SPECIAL_NAMES: tuple[tuple[str, str], ...] = (
    ("Gómez & Asociados Logística", "Gómez & Fils Logistique"),
    ("Compañía Peñalosa, Muñoz & Ibáñez", "Société Pétion, Lafontant & Célestin"),
    ('Transportes "El Cóndor"', 'Transports "L\'Étoile du Nord"'),
    ("Comercializadora O'Higgins & Hermanos", "Comptoir d'Haïti & Frères"),
    (
        "Corporación Internacional de Servicios Logísticos, Almacenamiento, Transporte "
        "Multimodal, Agenciamiento Aduanero y Seguridad de la Cadena de Suministro del "
        "Caribe y la Región Andina",
        "Société Internationale de Services Logistiques, d'Entreposage, de Transport "
        "Multimodal, de Dédouanement et de Sécurité de la Chaîne d'Approvisionnement "
        "des Caraïbes et d'Haïti",
    ),
)
"""(Spanish, French) names that test rendering: "&", accents, "ñ", quotes, > 150 chars."""


def person(rng: random.Random, language: str) -> str:
    if language == "fr":
        return f"{rng.choice(_FIRST_FR)} {rng.choice(_LAST_FR)}"
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)} {rng.choice(_LAST)}"


def company_name(
    rng: random.Random,
    country: str,
    business_type: B,
    language: str,
    special: int | None = None,
) -> tuple[str, str]:
    """(legal name, trade name) of a company; ``special`` picks one of SPECIAL_NAMES."""
    suffix = rng.choice(SUFFIXES.get(country, ("S.A.",)))
    french = language == "fr"
    if special is not None:
        base = SPECIAL_NAMES[special % len(SPECIAL_NAMES)][1 if french else 0]
        return f"{base} {suffix}", _trade_name(base)
    kind = rng.choice((_KINDS_FR if french else _KINDS)[business_type])
    roll = rng.random()
    if roll < 0.55:
        core = rng.choice(_CORES_FR if french else _CORES)
        base = f"{kind} {core}"
    elif roll < 0.85:
        family = rng.choice(_LAST_FR if french else _LAST)
        base = f"{kind} {family}"
    else:
        first, second = rng.sample(_LAST_FR if french else _LAST, 2)
        joiner = "et" if french else "y"
        base = f"{kind} {first} {joiner} {second}"
    if french and 0.55 <= roll < 0.85 and rng.random() < 0.3:
        base += " & Fils"
    return f"{base} {suffix}", _trade_name(base)


_WORD = re.compile(r"[A-Za-z]+")
_SMALL = {"de", "del", "la", "las", "los", "y", "et", "du", "des", "l", "d", "cia", "e"}


def _trade_name(base: str) -> str:
    """A short brand from the legal name: "Transportes Andina" → "Transandina"."""
    words: list[str] = [w for w in _WORD.findall(fold(base)) if w not in _SMALL]
    if len(words) >= 3:
        return "".join(w[0] for w in words[:4]).upper()
    if len(words) == 2:
        return (words[0][:5] + words[1]).capitalize()
    return base


def slug(text: str) -> str:
    """A web-domain label from a name: "Gómez & Asociados" → "gomez-asociados"."""
    words: list[str] = _WORD.findall(fold(text))
    return "-".join(words[:3])[:40] or "empresa"


def email_user(name: str) -> str:
    """The part before @ of a person's address: "María José Peña" → "maria.pena"."""
    words: list[str] = _WORD.findall(fold(name))
    return f"{words[0]}.{words[-1]}" if len(words) > 1 else (words[0] if words else "contacto")
