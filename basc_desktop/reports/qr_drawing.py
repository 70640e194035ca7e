"""Drawing a QR code on a PDF page fast: one filled path of the dark modules.

ReportLab's QR widget draws every module as its own shape (about 20 ms a page).  Here
ZXing's C++ encoder (``zxingcpp.create_barcode``, 0.3 ms) encodes the text; where the
installed zxing-cpp is too old to write, ``segno`` does, with a fixed mask (choosing the
best of eight masks in Python costs five times the rest, and any mask decodes).  Each
row's runs of dark modules become one rectangle, and all rectangles go into a single
path filled once, in a coordinate system where a module is one unit.  The quiet zone
(four modules of white around the symbol) is kept clear and counted in the size.
No Qt, no SQL.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import segno
import zxingcpp
from reportlab.pdfgen.canvas import Canvas

__all__ = ["QUIET_ZONE", "QrSymbol", "draw_qr", "encode_qr", "row_runs"]

QUIET_ZONE = 4
"""White modules around the symbol, as the QR standard asks."""


_DARK_RUN = re.compile(rb"\x01+")
_ZXING_TO_DARK = bytes([1] + [0] * 255)
"""ZXing's image has 0 for a dark module and 255 for a light one: make dark 1."""


@dataclass(frozen=True)
class QrSymbol:
    """A QR code as its rows of modules (1 dark, 0 light), top row first."""

    rows: tuple[bytes, ...]

    @property
    def size(self) -> int:
        """Modules per side, without the quiet zone."""
        return len(self.rows)

    @property
    def size_with_quiet_zone(self) -> int:
        return self.size + 2 * QUIET_ZONE

    @property
    def runs(self) -> tuple[tuple[tuple[int, int], ...], ...]:
        """Each row's runs of dark modules: (start column, length)."""
        return tuple(tuple(row_runs(row)) for row in self.rows)


def row_runs(row: Sequence[int]) -> Iterator[tuple[int, int]]:
    """(start, length) of each run of dark modules (non-zero values) in ``row``."""
    if isinstance(row, bytes | bytearray) and max(row, default=0) <= 1:
        for match in _DARK_RUN.finditer(row):
            yield match.start(), match.end() - match.start()
        return
    start = -1
    for column, dark in enumerate(row):
        if dark and start < 0:
            start = column
        elif not dark and start >= 0:
            yield start, column - start
            start = -1
    if start >= 0:
        yield start, len(row) - start


def _zxing_rows(text: str, error: str) -> list[bytes] | None:
    """The rows of the symbol (1 = dark) made by ZXing, or None if it cannot write."""
    create = getattr(zxingcpp, "create_barcode", None)
    if create is None:  # zxing-cpp before 2.3 only reads
        return None
    barcode = create(text, zxingcpp.BarcodeFormat.QRCode, ec_level=error.upper())
    image = memoryview(barcode.to_image(scale=1, add_quiet_zones=False))
    size = image.shape[0] if image.shape else 0
    data = image.tobytes().translate(_ZXING_TO_DARK)
    return [data[row * size : (row + 1) * size] for row in range(size)]


def _segno_rows(text: str, error: str) -> list[bytes]:
    code = segno.make(text, error=error, micro=False, mask=0, boost_error=False)
    return [bytes(row) for row in code.matrix]


def encode_qr(text: str, *, error: str = "m", encoder: str = "zxing") -> QrSymbol:
    """Encode ``text`` at error-correction level ``error`` (l, m, q, h: m recovers 15%).

    ``encoder`` "zxing" (the default, falling back to segno) or "segno".
    """
    rows = _zxing_rows(text, error) if encoder == "zxing" else None
    if rows is None:
        rows = _segno_rows(text, error)
    return QrSymbol(tuple(rows))


def _path_operators(symbol: QrSymbol) -> str:
    """PDF operators painting the dark runs, one module = one unit, origin bottom left."""
    parts: list[str] = []
    top = symbol.size - 1
    for index, row in enumerate(symbol.rows):
        y = top - index
        parts.extend(f"{m.start()} {y} {m.end() - m.start()} 1 re" for m in _DARK_RUN.finditer(row))
    parts.append("f")
    return "\n".join(parts)


def draw_qr(canvas: Canvas, symbol: QrSymbol, x: float, y: float, size: float) -> None:
    """Draw ``symbol`` in the square of side ``size`` whose bottom-left corner is (x, y).

    The square includes the quiet zone, painted white so a frame or a tint behind the
    code cannot touch it.
    """
    module = size / symbol.size_with_quiet_zone
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.translate(x + QUIET_ZONE * module, y + QUIET_ZONE * module)
    canvas.scale(module, module)
    canvas.addLiteral(_path_operators(symbol))
    canvas.restoreState()
