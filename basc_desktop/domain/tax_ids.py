"""Company tax IDs of the countries where BASC works: clean, check, show and invent.

Every member company is identified by its country's tax ID (NIT, RUC, RFC…).  This
module turns what a coordinator types into the *compact* form stored in the
database (:func:`normalise_tax_id`), says in plain words why a number is wrong
(:func:`check_tax_id`), shows it the way the country writes it
(:func:`format_tax_id`).  Valid made-up numbers for demo data and tests come from
:mod:`basc_desktop.domain.tax_id_samples`.

The checks are python-stdnum's, offline only (the Dominican RNC module can also
ask the DGII web service; that is never called here).  Two countries have no
stdnum module, so only the shape of their number is checked:

Haiti, NIF
    Ten digits, written ``000-000-000-0``.  Compact form: the ten digits.

Panama, RUC with its DV (check digit)
    Three groups of digits separated by dashes, optionally followed by the
    two-digit DV written ``DV NN``::

        155596713-2-2015 DV 45     company, current "folio" style
        1556789-1-123456 DV 18     company, older "ficha-rollo-imagen" style
        8-123-456                  person (cédula)
        E-8-123456, PE-10-1234     foreigner, Panamanian born abroad
        2AV-123-456, 4PI-12-3456   cédula with AV / PI suffix on the province

    The first group is 1 to 10 digits, or a cédula prefix (``E``, ``N``, ``PE``, a
    province 1–13 followed by ``AV`` or ``PI``); the second 1 to 4 digits; the third
    1 to 7 digits.  Spaces, dots and dashes between the parts are all accepted as
    separators.  The compact form keeps the parts joined by single dashes and the DV
    as a last part ``DVNN``: ``155596713-2-2015-DV45``.  The DV cannot be verified
    (the DGI does not publish its algorithm), only its shape.

Messages are English templates marked for translation; each names the ID by the
country's own name (``{label}``, e.g. "The NIT is empty.").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from stdnum import exceptions as stdnum_errors
from stdnum.co import nit as co_nit
from stdnum.cr import cpj as cr_cpj
from stdnum.do import rnc as do_rnc
from stdnum.ec import ruc as ec_ruc
from stdnum.gt import nit as gt_nit
from stdnum.mx import rfc as mx_rfc
from stdnum.pe import ruc as pe_ruc
from stdnum.sv import nit as sv_nit
from stdnum.us import ein as us_ein
from stdnum.uy import rut as uy_rut
from stdnum.ve import rif as ve_rif

from basc_desktop.domain.countries import country
from basc_desktop.domain.errors import ValidationError
from basc_desktop.domain.text import translatable as _

__all__ = [
    "SUPPORTED_COUNTRIES",
    "check_tax_id",
    "format_tax_id",
    "normalise_tax_id",
    "tax_id_label",
]

FIELD = "tax_id"
"""The field named by every :class:`ValidationError` about the number itself."""

# Whitespace, dots, commas, underscores, ASCII and Unicode dashes, soft hyphen.
_SEPARATORS = re.compile(r"[\s.,_\-\u00ad\u2010-\u2015\u2212]+")
_DIGITS = re.compile(r"[0-9]+")

# --- messages ----------------------------------------------------------------------

_EMPTY = _("The {label} is empty.")
_WRONG_CHECK_DIGIT = _("The check digit of this {label} is wrong.")
_INVALID_FORMAT = _("The {label} has an invalid format.")
_DIGITS_ONLY = _("The {label} may contain only digits.")
_PART_INVALID = _("Part of this {label} is not valid.")
_LENGTH_EXACT = _("The {label} must have {minimum} digits; this one has {actual}.")
_LENGTH_RANGE = _("The {label} must have {minimum} to {maximum} digits; this one has {actual}.")
_UNKNOWN_COUNTRY = _("Tax IDs of the country “{country}” cannot be checked.")


# --- Haiti and Panama: format only -------------------------------------------------

HAITI_NIF_LENGTH = 10

_PA_BODY = r"(?:[0-9]{1,10}|(?:[1-9]|1[0-3])(?:AV|PI)|E|N|PE)-[0-9]{1,4}-[0-9]{1,7}"
_PA_RUC = re.compile(rf"(?P<body>{_PA_BODY})(?:-DV(?P<dv>[0-9]{{2}}))?")
_PA_RUC_BAD_DV = re.compile(rf"{_PA_BODY}-DV[0-9]*")
_PA_DV_AFTER_DIGIT = re.compile(r"(?<=[0-9])(?=DV)")
_PA_D_V = re.compile(r"(?<![^-])D-V(?![^-])")
_PA_DV_DIGITS = re.compile(r"(?<![^-])DV-([0-9]+)(?![^-])")


def _normalise_panama(text: str) -> str:
    """Parts joined by single dashes; "DV 45", "D.V. 45", "DV45" all become "DV45"."""
    text = _PA_DV_AFTER_DIGIT.sub("-", text.upper())
    joined = "-".join(part for part in _SEPARATORS.split(text) if part)
    joined = _PA_D_V.sub("DV", joined)
    return _PA_DV_DIGITS.sub(r"DV\1", joined)


def _validate_panama(number: str) -> None:
    if _PA_RUC.fullmatch(number):
        return
    if _PA_RUC_BAD_DV.fullmatch(number):
        raise stdnum_errors.InvalidComponent()
    raise stdnum_errors.InvalidFormat()


def _format_panama(number: str) -> str:
    match = _PA_RUC.fullmatch(number)
    if match is None:
        return number
    dv = match.group("dv")
    return match.group("body") + (f" DV {dv}" if dv else "")


def _validate_haiti(number: str) -> None:
    if len(number) != HAITI_NIF_LENGTH:
        raise stdnum_errors.InvalidLength()


def _format_haiti(number: str) -> str:
    return f"{number[:3]}-{number[3:6]}-{number[6:9]}-{number[9:]}"


# --- the others: stdnum, with a little help --------------------------------------


def _validate_us(number: str) -> None:
    # stdnum's EIN check reports a wrong length as a wrong format; say it plainly.
    if len(number) != 9:
        raise stdnum_errors.InvalidLength()
    us_ein.validate(number)


def _format_venezuela(number: str) -> str:
    return f"{number[0]}-{number[1:-1]}-{number[-1]}"


def _compact(raw: str) -> str:
    """Uppercase, without separators: the compact form of most countries."""
    return _SEPARATORS.sub("", raw.upper())


def _compact_without_prefix(prefix: str) -> Callable[[str], str]:
    """Compact, dropping a country prefix ("SV", "UY") written before the digits."""

    def compact(raw: str) -> str:
        number = _compact(raw)
        rest = number.removeprefix(prefix)
        return rest if rest != number and _DIGITS.fullmatch(rest) else number

    return compact


def _compact_without_leading_zeros(raw: str) -> str:
    # As stdnum's gt.nit.compact does: "0576937-K" and "576937-K" are the same NIT.
    return _compact(raw).lstrip("0")


# --- the table -------------------------------------------------------------------


@dataclass(frozen=True)
class _Rules:
    validate: Callable[[str], object]
    """Raises a stdnum ``InvalidLength``/``InvalidFormat``/… for a bad compact number."""
    charset: re.Pattern[str] | None = _DIGITS
    """Checked before ``validate``; a mismatch is reported with ``format_message``."""
    lengths: tuple[int, int] | None = None
    length_message: str | None = None
    format_message: str = _DIGITS_ONLY
    component_message: str = _PART_INVALID
    display: Callable[[str], str] | None = None
    normalise: Callable[[str], str] = _compact
    """Raw text to compact form; must never raise and must be idempotent."""


_RULES: dict[str, _Rules] = {
    "CO": _Rules(co_nit.validate, lengths=(8, 16), display=co_nit.format),
    "CR": _Rules(
        cr_cpj.validate,
        lengths=(10, 10),
        component_message=_(
            "The {label} must start with a known type, such as 3-101 for a corporation."
        ),
        display=cr_cpj.format,
    ),
    "EC": _Rules(
        ec_ruc.validate,
        lengths=(13, 13),
        component_message=_(
            "The {label} has an unknown province or type (third digit),"
            " or establishment number 000."
        ),
    ),
    "SV": _Rules(
        sv_nit.validate,
        lengths=(14, 14),
        component_message=_("The {label} must start with 0, 1 or 9."),
        display=sv_nit.format,
        normalise=_compact_without_prefix("SV"),
    ),
    "GT": _Rules(
        gt_nit.validate,
        charset=re.compile(r"[0-9]*[0-9K]"),
        lengths=(2, 12),
        format_message=_("The {label} may contain only digits, and K as the last character."),
        display=gt_nit.format,
        normalise=_compact_without_leading_zeros,
    ),
    "HT": _Rules(_validate_haiti, lengths=(10, 10), display=_format_haiti),
    "MX": _Rules(
        lambda number: mx_rfc.validate(number, validate_check_digits=True),
        charset=None,
        length_message=_(
            "The {label} must have 12 characters (13 for a person); this one has {actual}."
        ),
        format_message=_(
            "The {label} has an invalid format; it must be 3 letters (4 for a person),"
            " a date as YYMMDD and a 3-character homoclave."
        ),
        component_message=_("The {label} has an impossible date or an invalid homoclave."),
        display=mx_rfc.format,
    ),
    "PA": _Rules(
        _validate_panama,
        charset=None,
        format_message=_(
            "The {label} has an invalid format; write it like 155596713-2-2015 DV 45"
            " (a company) or 8-123-456 (a person)."
        ),
        component_message=_("The DV of this {label} must have 2 digits."),
        display=_format_panama,
        normalise=_normalise_panama,
    ),
    "PE": _Rules(
        pe_ruc.validate,
        lengths=(11, 11),
        component_message=_("The {label} must start with 10, 15, 17 or 20."),
    ),
    "DO": _Rules(do_rnc.validate, lengths=(9, 9), display=do_rnc.format),
    "UY": _Rules(
        uy_rut.validate,
        lengths=(12, 12),
        component_message=_(
            "The {label} must start with 01 to 22 and end with 001 and the check digit."
        ),
        display=uy_rut.format,
        normalise=_compact_without_prefix("UY"),
    ),
    "VE": _Rules(
        ve_rif.validate,
        charset=None,
        lengths=(10, 10),
        length_message=_(
            "The {label} must have 10 characters, a letter and 9 digits; this one has {actual}."
        ),
        format_message=_("The {label} must be a letter followed by 9 digits."),
        component_message=_("The {label} must start with V, E, J, P or G."),
        display=_format_venezuela,
    ),
    "US": _Rules(
        _validate_us,
        lengths=(9, 9),
        component_message=_("The {label} starts with a prefix that the IRS does not assign."),
        display=us_ein.format,
    ),
}

SUPPORTED_COUNTRIES: frozenset[str] = frozenset(_RULES)
"""ISO alpha-2 codes of the countries whose tax IDs this module handles."""


# --- public API --------------------------------------------------------------------


def _supported(country_code: str) -> str:
    code = country_code.strip().upper()
    if code not in SUPPORTED_COUNTRIES:
        raise ValidationError("country", _UNKNOWN_COUNTRY, label=_("Country"), country=country_code)
    return code


def tax_id_label(country_code: str) -> str:
    """What the country calls a company's tax ID: "NIT", "RUC", "cédula jurídica"…

    Raises :class:`ValidationError` on field ``country`` for an unsupported country.
    """
    return country(_supported(country_code)).tax_id_name


def normalise_tax_id(country_code: str, raw: str) -> str:
    """The compact form of ``raw`` that is stored in the database.

    Letters are uppercased and spaces, dots, commas, underscores and dashes removed
    (Panama keeps its parts joined by single dashes, see the module docstring); a
    country prefix such as "SV" or "UY" and the leading zeros of a Guatemalan NIT are
    dropped, as stdnum does.  Never raises: junk comes back cleaned but still junk
    (an unknown country gets the generic cleaning only).  Idempotent.
    """
    rules = _RULES.get(country_code.strip().upper())
    return _compact(raw) if rules is None else rules.normalise(raw)


def check_tax_id(country_code: str, raw: str) -> str:
    """The compact form of ``raw`` if it is a valid tax ID of the country.

    Otherwise raises :class:`ValidationError` on field ``tax_id``, labelled with the
    country's name for the ID and saying why (empty, length, characters, check digit
    or an impossible part).  An unsupported country raises it on field ``country``.
    """
    code = _supported(country_code)
    rules = _RULES[code]
    label = country(code).tax_id_name
    compact = normalise_tax_id(code, raw)
    if not compact:
        raise ValidationError(FIELD, _EMPTY, label=label, country=code)
    minimum, maximum = rules.lengths or (0, 0)
    try:
        if rules.charset is not None and not rules.charset.fullmatch(compact):
            raise stdnum_errors.InvalidFormat()
        rules.validate(compact)
    except stdnum_errors.InvalidLength as exc:  # before InvalidFormat: it is a subclass
        if rules.length_message is not None:
            template = rules.length_message
        elif minimum == maximum:
            template = _LENGTH_EXACT
        else:
            template = _LENGTH_RANGE
        raise ValidationError(
            FIELD,
            template,
            label=label,
            country=code,
            minimum=minimum,
            maximum=maximum,
            actual=len(compact),
        ) from exc
    except stdnum_errors.InvalidFormat as exc:
        raise ValidationError(FIELD, rules.format_message, label=label, country=code) from exc
    except stdnum_errors.InvalidChecksum as exc:
        raise ValidationError(FIELD, _WRONG_CHECK_DIGIT, label=label, country=code) from exc
    except stdnum_errors.InvalidComponent as exc:
        raise ValidationError(FIELD, rules.component_message, label=label, country=code) from exc
    except stdnum_errors.ValidationError as exc:  # any other stdnum complaint
        raise ValidationError(FIELD, _INVALID_FORMAT, label=label, country=code) from exc
    return compact


def format_tax_id(country_code: str, compact: str) -> str:
    """The number as the country writes it, e.g. Colombia "900.123.456-7".

    Countries without a display convention (Ecuador, Peru) show the compact form; a
    number that is not valid, or of an unsupported country, is returned unchanged.
    """
    rules = _RULES.get(country_code.strip().upper())
    if rules is None or rules.display is None:
        return compact
    try:
        number = check_tax_id(country_code, compact)
    except ValidationError:
        return compact
    return rules.display(number)
