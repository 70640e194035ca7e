"""Text on a certificate fits its box, and QR rows become runs: no PDF needed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth

from basc_desktop.reports.certificate_layout import LEADING, fit_text, wrap_text
from basc_desktop.reports.fonts import BOLD, register_fonts
from basc_desktop.reports.qr_drawing import QUIET_ZONE, encode_qr, row_runs

register_fonts()

NAME_BOX = {"width": 540.0, "height": 72.0, "max_size": 26.0, "min_size": 8.0, "max_lines": 3}

ODD_NAMES = [
    "Acme & Hijos <Logística> \"El Cóndor\" S.A.S.",
    "Société d’Exportation « Les Frères » & Cie, S.A.",
    "Ñandú Comercializadora Internacional Ltda. — Zona Franca de Bogotá",
    ("Corporación Multinacional de Transporte Terrestre, Marítimo y Aéreo de Carga "
     "Internacional & Servicios Logísticos Integrados del Caribe, Centroamérica y "
     "los Andes S.A.S. (Sucursal Colombia), Oficina Principal de Bogotá")[:200],
    "X" * 200,
    "Supercalifragilisticoexpialidosamente" * 5,
]  # fmt: skip


def _fits(text: str, *, width: float, height: float, **sizes: float) -> None:
    fitted = fit_text(text, BOLD, width=width, height=height, **sizes)  # type: ignore[arg-type]
    assert fitted.lines
    for line in fitted.lines:
        assert stringWidth(line, BOLD, fitted.size) <= width + 1e-6, line
    assert fitted.height <= height + 1e-6
    assert fitted.size >= sizes["min_size"]


def test_odd_and_long_names_fit_the_name_box() -> None:
    for name in ODD_NAMES:
        _fits(name, **NAME_BOX)
    assert len(ODD_NAMES[3]) == 200


def test_a_short_name_keeps_the_largest_size_and_every_character() -> None:
    fitted = fit_text("Acme & <Hijos>", BOLD, **NAME_BOX)  # type: ignore[arg-type]
    assert fitted.size == 26
    assert fitted.lines == ("Acme & <Hijos>",)


def test_a_200_character_name_wraps_then_shrinks_without_losing_text() -> None:
    name = ODD_NAMES[3]
    fitted = fit_text(name, BOLD, **NAME_BOX)  # type: ignore[arg-type]
    assert 1 < len(fitted.lines) <= 3
    assert fitted.size < 26
    assert " ".join(fitted.lines) == " ".join(name.split())


def test_text_too_long_for_the_smallest_size_is_cut_with_an_ellipsis() -> None:
    fitted = fit_text("word " * 400, BOLD, width=100, height=20, max_size=10, min_size=8)
    assert fitted.size == 8
    assert len(fitted.lines) == int(20 // (8 * LEADING))
    assert fitted.lines[-1].endswith("…")
    assert all(stringWidth(line, BOLD, 8) <= 100 for line in fitted.lines)


def test_a_word_wider_than_the_line_is_broken() -> None:
    lines = wrap_text("A" * 80, BOLD, 12, 100)
    assert len(lines) > 1
    assert "".join(lines) == "A" * 80
    assert all(stringWidth(line, BOLD, 12) <= 100 for line in lines)


@given(st.text(min_size=1, max_size=300).filter(lambda t: t.strip()))
def test_any_name_fits_the_name_box(name: str) -> None:
    _fits(name, **NAME_BOX)


@given(st.lists(st.integers(0, 1), max_size=60))
def test_runs_cover_exactly_the_dark_modules(row: list[int]) -> None:
    rebuilt = [0] * len(row)
    previous_end = -1
    for start, length in row_runs(row):
        assert length > 0
        assert start > previous_end  # runs are separate: a light module between them
        for column in range(start, start + length):
            rebuilt[column] = 1
        previous_end = start + length
    assert rebuilt == row


def test_a_payload_encodes_to_a_small_qr_code() -> None:
    symbol = encode_qr(
        "BASC1.co-bog.COLBOG00074-1-2.9001234567.20241122.20251122.Xq3v_8aB." + "A" * 86
    )
    assert symbol.size <= 53  # version 9 at most
    assert symbol.size_with_quiet_zone == symbol.size + 2 * QUIET_ZONE
    assert len(symbol.runs) == symbol.size
    # The finder pattern: the first row starts with a run of seven dark modules.
    assert symbol.runs[0][0] == (0, 7)
