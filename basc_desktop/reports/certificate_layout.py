"""Fitting text into a box on a certificate: wrap, then shrink, never overflow.

A company's legal name may be three words or two hundred characters with ``&``,
quotes and accents.  :func:`fit_text` wraps it at spaces (and inside a word too long
for a line), and lowers the font size step by step until the lines fit the box's
width and height.  At the smallest size, text that still does not fit is cut with an
ellipsis: the box is never overflowed.  Text is drawn as plain strings (no markup),
so ``&`` and ``<`` need no escaping.  No Qt, no SQL.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

__all__ = ["FittedText", "draw_fitted", "fit_text", "wrap_text"]

LEADING = 1.18
"""Line height as a multiple of the font size."""
_STEP = 0.5
_ELLIPSIS = "…"


@dataclass(frozen=True)
class FittedText:
    font: str
    size: float
    lines: tuple[str, ...]

    @property
    def leading(self) -> float:
        return self.size * LEADING

    @property
    def height(self) -> float:
        return self.leading * len(self.lines)

    def width(self) -> float:
        return max((stringWidth(line, self.font, self.size) for line in self.lines), default=0.0)


def _split_word(word: str, font: str, size: float, width: float) -> list[str]:
    """Cut a word wider than ``width`` into pieces that each fit (at least one character)."""
    pieces: list[str] = []
    rest = word
    while rest and stringWidth(rest, font, size) > width:
        cut = len(rest) - 1
        while cut > 1 and stringWidth(rest[:cut], font, size) > width:
            cut -= 1
        pieces.append(rest[:cut])
        rest = rest[cut:]
    if rest:
        pieces.append(rest)
    return pieces


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (spaces folded)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        for piece in _split_word(word, font, size, width):
            candidate = f"{current} {piece}" if current else piece
            if current and stringWidth(candidate, font, size) > width:
                lines.append(current)
                current = piece
            else:
                current = candidate
    if current:
        lines.append(current)
    return lines


def _cut(line: str, font: str, size: float, width: float) -> str:
    """``line`` shortened with an ellipsis until it fits ``width``."""
    while line and stringWidth(line + _ELLIPSIS, font, size) > width:
        line = line[:-1].rstrip()
    return line + _ELLIPSIS


def fit_text(
    text: str,
    font: str,
    *,
    width: float,
    height: float,
    max_size: float,
    min_size: float,
    max_lines: int | None = None,
) -> FittedText:
    """The largest size from ``max_size`` down to ``min_size`` at which ``text`` fits.

    Fits means: every line at most ``width`` wide, the lines at most ``height`` tall
    (``LEADING`` × size each) and, if given, at most ``max_lines`` lines.  At
    ``min_size`` what does not fit is cut, the last line ending with "…".
    """

    def allowed(size: float) -> int:
        lines = max(1, int(height // (size * LEADING)))
        return lines if max_lines is None else min(lines, max_lines)

    size = max_size
    while True:
        lines = wrap_text(text, font, size, width)
        if len(lines) <= allowed(size):
            return FittedText(font, size, tuple(lines))
        if size - _STEP < min_size:
            break
        size -= _STEP
    kept = lines[: allowed(size)]
    kept[-1] = _cut(kept[-1], font, size, width)
    return FittedText(font, size, tuple(kept))


def draw_fitted(
    canvas: Canvas,
    fitted: FittedText,
    x: float,
    top: float,
    *,
    align: str = "center",
) -> float:
    """Draw the lines with their first baseline under ``top``; returns the y below them.

    ``x`` is the centre for ``align="center"``, else the left edge.
    """
    canvas.setFont(fitted.font, fitted.size)
    y = top - fitted.size
    for line in fitted.lines:
        if align == "center":
            canvas.drawCentredString(x, y, line)
        else:
            canvas.drawString(x, y, line)
        y -= fitted.leading
    return top - fitted.height
