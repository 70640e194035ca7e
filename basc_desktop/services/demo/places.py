"""Where demo companies are: cities of each chapter's region, street addresses, phones."""

from __future__ import annotations

import random

from basc_desktop.domain.chapter import Chapter
from basc_desktop.domain.countries import COUNTRIES

CITIES_BY_CHAPTER: dict[str, tuple[str, ...]] = {
    "co-ant": ("Medellín", "Envigado", "Itagüí", "Rionegro", "Bello", "Sabaneta"),
    "co-baq": ("Barranquilla", "Soledad", "Malambo", "Puerto Colombia", "Galapa"),
    "co-bog": ("Bogotá", "Funza", "Mosquera", "Cota", "Tocancipá", "Chía", "Soacha"),
    "co-ctg": ("Cartagena", "Turbaco", "Arjona", "Turbana"),
    "co-pac": ("Cali", "Buenaventura", "Yumbo", "Palmira", "Jamundí"),
    "co-smr": ("Santa Marta", "Ciénaga", "Zona Bananera", "Riohacha"),
    "mx": ("Ciudad de México", "Tlalnepantla", "Naucalpan", "Cuautitlán Izcalli", "Toluca",
           "Veracruz", "Nuevo Laredo"),
    "mx-occ": ("Guadalajara", "Zapopan", "Tlaquepaque", "El Salto", "Manzanillo", "Tepic"),
    "ec-gye": ("Guayaquil", "Durán", "Daule", "Samborondón", "Machala"),
    "ec-pic": ("Quito", "Sangolquí", "Tababela", "Cayambe", "Latacunga"),
}  # fmt: skip

CITIES_BY_COUNTRY: dict[str, tuple[str, ...]] = {
    "CR": ("San José", "Alajuela", "Heredia", "Cartago", "Limón", "Puntarenas"),
    "DO": ("Santo Domingo", "Santiago de los Caballeros", "San Pedro de Macorís",
           "Bajos de Haina", "Puerto Plata"),
    "GT": ("Ciudad de Guatemala", "Mixco", "Villa Nueva", "Escuintla", "Puerto Barrios"),
    "HT": ("Port-au-Prince", "Pétion-Ville", "Delmas", "Cap-Haïtien", "Carrefour",
           "Saint-Marc"),
    "PA": ("Panamá", "Colón", "Balboa", "La Chorrera", "David"),
    "PE": ("Lima", "Callao", "Arequipa", "Trujillo", "Paita", "Chiclayo"),
    "SV": ("San Salvador", "Santa Tecla", "Antiguo Cuscatlán", "Soyapango", "Acajutla"),
    "UY": ("Montevideo", "Canelones", "Colonia del Sacramento", "Nueva Palmira", "Paysandú"),
    "VE": ("Caracas", "Valencia", "Puerto Cabello", "La Guaira", "Maracaibo"),
    "US": ("El Paso", "Laredo", "Miami", "Houston"),
}  # fmt: skip

_STREET_NAMES = (
    "Bolívar", "Sucre", "Santander", "Libertador", "Las Américas", "Colón", "Juárez",
    "Reforma", "Los Próceres", "El Dorado", "San Martín", "Independencia", "Industrial",
    "La Marina", "Del Puerto", "Costanera", "Circunvalación", "Los Almendros",
)  # fmt: skip

_HT_STREETS = (
    "Rue Capois", "Rue Pavée", "Route de Delmas", "Route de l'Aéroport", "Rue Lamarre",
    "Boulevard Harry Truman", "Rue Geffrard", "Route Nationale 1", "Rue du Quai",
)  # fmt: skip

_MX_COLONIAS = (
    "Col. Industrial Vallejo", "Col. Centro", "Col. Del Valle", "Parque Industrial El Salto",
    "Col. Americana", "Col. San Rafael", "Zona Industrial",
)  # fmt: skip

_UNITS = ("Bodega", "Oficina", "Local", "Nave", "Piso")

_AREA_CODES: dict[str, tuple[str, ...]] = {
    "CO": ("601", "604", "605", "602"),
    "MX": ("55", "33", "81", "229"),
    "EC": ("2", "4"),
    "PE": ("1",),
    "VE": ("212", "241", "242"),
    "DO": ("809", "829", "849"),
    "US": ("915", "956", "305"),
}


def cities_for(chapter: Chapter) -> tuple[str, ...]:
    """Cities of the chapter's region; its own city first if nothing better is known."""
    return (
        CITIES_BY_CHAPTER.get(chapter.code)
        or CITIES_BY_COUNTRY.get(chapter.country_code)
        or (chapter.city,)
    )


def address(rng: random.Random, country: str) -> str:
    """A street address in the country's usual way of writing it."""
    number = rng.randint(1, 199)
    if country == "CO":
        street = rng.choice(("Calle", "Carrera", "Avenida Calle", "Transversal", "Diagonal"))
        text = f"{street} {rng.randint(1, 150)} # {rng.randint(1, 99)}-{rng.randint(1, 99)}"
    elif country == "MX":
        text = f"Av. {rng.choice(_STREET_NAMES)} {number * 7}, {rng.choice(_MX_COLONIAS)}"
    elif country == "HT":
        return f"{rng.choice(_HT_STREETS)} #{number}"
    elif country == "US":
        return f"{number * 31} {rng.choice(('Airway Blvd', 'Mesa St', 'Commerce Dr'))}"
    elif country == "CR":
        text = f"De la {rng.choice(('iglesia', 'plaza', 'aduana'))}, {number * 10} m al norte"
    else:
        kind = rng.choice(("Avenida", "Calle", "Boulevard", "Carretera"))
        text = f"{kind} {rng.choice(_STREET_NAMES)} {number}"
    if rng.random() < 0.4:
        text += f", {rng.choice(_UNITS)} {rng.randint(1, 40)}"
    return text


def phone(rng: random.Random, country: str) -> str:
    """A phone number with the country's code, as people write it: "+57 601 742 1187"."""
    code = COUNTRIES[country].phone_code if country in COUNTRIES else "1"
    areas = _AREA_CODES.get(country)
    if areas is not None:
        area = rng.choice(areas)
        return f"+{code} {area} {rng.randint(200, 999)} {rng.randint(0, 9999):04d}"
    return f"+{code} {rng.randint(2000, 9999)} {rng.randint(0, 9999):04d}"
