"""The font every PDF embeds: DejaVu Sans from ``resources/fonts/``, registered once.

ReportLab's built-in fonts cannot be embedded and lack some characters; DejaVu Sans
covers every letter Spanish and French need.  Call :func:`register_fonts` before
drawing and use :data:`REGULAR` and :data:`BOLD` as font names (``<b>`` in a
paragraph picks the bold one).  No Qt, no SQL.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from basc_desktop.paths import resources_dir

__all__ = ["BOLD", "REGULAR", "fonts_dir", "register_fonts"]

REGULAR = "BascSans"
BOLD = "BascSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


@cache
def register_fonts() -> tuple[str, str]:
    """Register the embedded fonts with ReportLab (once per run); returns (regular, bold)."""
    for name, file_name in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(fonts_dir() / file_name)))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR, BOLD
