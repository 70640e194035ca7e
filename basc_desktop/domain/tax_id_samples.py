"""Valid company tax IDs made up from a seed, for demo data and tests.

Each number passes :func:`basc_desktop.domain.tax_ids.check_tax_id` for its country;
the same seed gives the same number.  A made-up number may well belong to a real
company: these are for demo databases and tests only.
"""

from __future__ import annotations

import datetime
import random
import string
from collections.abc import Callable

from stdnum.co import nit as co_nit
from stdnum.do import rnc as do_rnc
from stdnum.gt import nit as gt_nit
from stdnum.mx import rfc as mx_rfc
from stdnum.pe import ruc as pe_ruc
from stdnum.sv import nit as sv_nit
from stdnum.uy import rut as uy_rut
from stdnum.ve import rif as ve_rif

from basc_desktop.domain.tax_ids import HAITI_NIF_LENGTH


def _digits(rng: random.Random, count: int) -> str:
    return f"{rng.randrange(10**count):0{count}d}"


def _date(rng: random.Random) -> datetime.date:
    first = datetime.date(1950, 1, 1).toordinal()
    last = datetime.date(2023, 12, 31).toordinal()
    return datetime.date.fromordinal(rng.randint(first, last))


def _generate_co(rng: random.Random) -> str:
    base = f"{rng.choice((800, 830, 860, 890, 900, 901))}{_digits(rng, 6)}"
    return base + co_nit.calc_check_digit(base)


def _generate_cr(rng: random.Random) -> str:
    return f"3101{_digits(rng, 6)}"  # 3-101: sociedad anónima


def _generate_ec(rng: random.Random) -> str:
    weights = (4, 3, 2, 7, 6, 5, 4, 3, 2)
    while True:
        base = f"{rng.randint(1, 24):02d}9{_digits(rng, 6)}"  # third digit 9: juridical
        check = -sum(w * int(d) for w, d in zip(weights, base, strict=True)) % 11
        if check < 10:  # a remainder of 10 is never issued
            return f"{base}{check}001"


def _generate_sv(rng: random.Random) -> str:
    municipality = rng.choice(("0614", "0210", "1217", "0511", "0617"))
    base = f"{municipality}{_date(rng):%d%m%y}{rng.randint(101, 999)}"
    return base + sv_nit.calc_check_digit(base)


def _generate_gt(rng: random.Random) -> str:
    base = str(rng.randint(1_000_000, 9_999_999))
    return base + gt_nit.calc_check_digit(base)


def _generate_ht(rng: random.Random) -> str:
    return _digits(rng, HAITI_NIF_LENGTH)


def _generate_mx(rng: random.Random) -> str:
    letters = "".join(rng.choice(string.ascii_uppercase) for _ in range(3))
    homoclave = rng.choice("123456789ABCDEFGHIJKLMNOPQRSTUV") + rng.choice(
        "123456789" + string.ascii_uppercase
    )
    base = f"{letters}{_date(rng):%y%m%d}{homoclave}"
    return base + mx_rfc.calc_check_digit(base)


def _generate_pa(rng: random.Random) -> str:
    return f"155{_digits(rng, 6)}-2-{rng.randint(2008, 2024)}-DV{_digits(rng, 2)}"


def _generate_pe(rng: random.Random) -> str:
    base = f"20{_digits(rng, 8)}"
    return base + pe_ruc.calc_check_digit(base)


def _generate_do(rng: random.Random) -> str:
    base = f"1{rng.choice(('01', '30', '31', '32'))}{_digits(rng, 5)}"
    return base + do_rnc.calc_check_digit(base)


def _generate_uy(rng: random.Random) -> str:
    while True:
        base = f"{rng.randint(1, 22):02d}{rng.randint(1, 999_999):06d}001"
        check = uy_rut.calc_check_digit(base)
        if len(check) == 1:  # stdnum gives "10" when no digit fits
            return base + check


def _generate_ve(rng: random.Random) -> str:
    base = f"J{_digits(rng, 8)}"
    return base + ve_rif.calc_check_digit(base)


def _generate_us(rng: random.Random) -> str:
    prefix = rng.choice(("10", "12", "20", "26", "27", "30", "35", "45", "46", "61", "81", "91"))
    return prefix + _digits(rng, 7)


_GENERATORS: dict[str, Callable[[random.Random], str]] = {
    "CO": _generate_co,
    "CR": _generate_cr,
    "EC": _generate_ec,
    "SV": _generate_sv,
    "GT": _generate_gt,
    "HT": _generate_ht,
    "MX": _generate_mx,
    "PA": _generate_pa,
    "PE": _generate_pe,
    "DO": _generate_do,
    "UY": _generate_uy,
    "VE": _generate_ve,
    "US": _generate_us,
}


def generate_tax_id(country_code: str, rng: random.Random) -> str:
    """A valid compact tax ID of a company (legal entity) of the country, from ``rng``.

    The same seed gives the same number.  For demo data and tests; the number may
    well belong to a real company.
    """
    try:
        generate = _GENERATORS[country_code.strip().upper()]
    except KeyError:
        raise ValueError(f"no tax IDs can be made for the country {country_code!r}") from None
    return generate(rng)
