"""Drawing one certificate page: frame, mark, title, company, standard, dates, signatures, QR.

Every text that comes from the register or a chapter file is fitted into its box
(see :mod:`~basc_desktop.reports.certificate_layout`): wrapped, then shrunk, never
overflowing.  The main language is the chapter's first, with English beside it in a
lighter, smaller type.  No Qt, no SQL.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from basc_desktop.reports.certificate_layout import FittedText, draw_fitted, fit_text
from basc_desktop.reports.certificate_page import CertificatePage, day, page_size
from basc_desktop.reports.certificate_words import certificate_word
from basc_desktop.reports.fonts import BOLD, REGULAR
from basc_desktop.reports.qr_drawing import draw_qr, encode_qr

__all__ = ["QR_SIDE", "paint_certificate"]

NAVY = (0x0D / 255, 0x3B / 255, 0x66 / 255)
GOLD = (0xB8 / 255, 0x8A / 255, 0x1E / 255)
GREY = (0x57 / 255, 0x60 / 255, 0x6A / 255)
INK = (0.1, 0.1, 0.12)

QR_SIDE = 112.0
"""Side of the QR code with its quiet zone, in points (about 40 mm)."""
FRAME = 18.0
INNER = 26.0
"""Where the text area starts: inside the frames."""


def _both(page: CertificatePage, key: str, **values: str) -> tuple[str, str]:
    first = certificate_word(page.language, key, **values)
    second = certificate_word(page.second_language, key, **values) if page.second_language else ""
    return first, second


class _Painter:
    """Draws one page; keeps the canvas and the page's measures together."""

    def __init__(self, canvas: Canvas, page: CertificatePage) -> None:
        self.c = canvas
        self.page = page
        self.width, self.height = page_size(page.paper)
        self.left = INNER + 22
        self.right = self.width - INNER - 22
        self.centre = self.width / 2

    def fill(self, colour: tuple[float, float, float]) -> None:
        self.c.setFillColorRGB(*colour)

    def fitted(
        self,
        text: str,
        font: str,
        top: float,
        *,
        width: float,
        height: float,
        size: float,
        min_size: float,
        colour: tuple[float, float, float] = INK,
        max_lines: int | None = None,
    ) -> float:
        fitted: FittedText = fit_text(
            text,
            font,
            width=width,
            height=height,
            max_size=size,
            min_size=min_size,
            max_lines=max_lines,
        )
        self.fill(colour)
        return draw_fitted(self.c, fitted, self.centre, top)

    def pair(
        self, first: str, second: str, top: float, *, size: float, bold: bool = False
    ) -> float:
        """A text in the main language, then its English beside it in grey, one line each."""
        width = self.right - self.left
        font = BOLD if bold else REGULAR
        y = self.fitted(first, font, top, width=width, height=size * 1.25, size=size, min_size=6)
        if second and second != first:
            small = size * 0.8
            y = self.fitted(
                second,
                REGULAR,
                y,
                width=width,
                height=small * 1.25,
                size=small,
                min_size=5,
                colour=GREY,
            )
        return y

    # --- parts of the page ---------------------------------------------------------

    def frame(self) -> None:
        c = self.c
        c.setStrokeColorRGB(*NAVY)
        c.setLineWidth(3)
        c.rect(FRAME, FRAME, self.width - 2 * FRAME, self.height - 2 * FRAME)
        c.setStrokeColorRGB(*GOLD)
        c.setLineWidth(0.8)
        c.rect(FRAME + 5, FRAME + 5, self.width - 2 * FRAME - 10, self.height - 2 * FRAME - 10)

    def mark(self) -> None:
        """The chapter's logo, or a text mark: "BASC" in a navy disc and the chapter's name."""
        page, c = self.page, self.c
        top = self.height - INNER - 14
        if page.logo is not None and page.logo.is_file():
            c.drawImage(
                str(page.logo),
                self.left,
                top - 58,
                width=120,
                height=58,
                preserveAspectRatio=True,
                anchor="sw",
                mask="auto",
            )
            return
        radius = 26
        cx, cy = self.left + radius, top - radius - 2
        self.fill(NAVY)
        c.circle(cx, cy, radius, stroke=0, fill=1)
        c.setStrokeColorRGB(*GOLD)
        c.setLineWidth(1.2)
        c.circle(cx, cy, radius - 4, stroke=1, fill=0)
        self.fill((1, 1, 1))
        c.setFont(BOLD, 13)
        c.drawCentredString(cx, cy - 4.5, "BASC")
        text = fit_text(page.chapter_name, BOLD, width=150, height=14, max_size=11, min_size=6)
        self.fill(NAVY)
        draw_fitted(c, text, cx + radius + 8, cy + 9, align="left")
        mark = fit_text(
            certificate_word(page.language, "mark"),
            REGULAR,
            width=150,
            height=20,
            max_size=7,
            min_size=5,
        )
        self.fill(GREY)
        draw_fitted(c, mark, cx + radius + 8, cy - 5, align="left")

    def code(self) -> None:
        first, second = _both(self.page, "code")
        label = f"{first} / {second}" if second else first
        c, top = self.c, self.height - INNER - 22
        self.fill(GREY)
        c.setFont(REGULAR, 7.5)
        c.drawRightString(self.right, top, label)
        self.fill(NAVY)
        fitted = fit_text(self.page.code, BOLD, width=200, height=16, max_size=13, min_size=7)
        c.setFont(BOLD, fitted.size)
        c.drawRightString(self.right, top - 16, fitted.lines[0] if fitted.lines else "")

    def body(self) -> None:
        page = self.page
        top = self.height - INNER - 48
        self.fill(NAVY)
        self.c.setFont(BOLD, 30)
        title, title_second = _both(page, "title")
        self.c.drawCentredString(self.centre, top - 30, title.upper())
        y = top - 38
        if title_second:
            self.fill(GREY)
            self.c.setFont(REGULAR, 13)
            self.c.drawCentredString(self.centre, y - 13, title_second.upper())
            y -= 18
        y -= 22
        y = self.pair(*_both(page, "certifies", chapter=page.chapter_name), y, size=11)
        y -= 12
        name_width = self.width - 2 * (INNER + 60)
        y = self.fitted(
            page.company_name,
            BOLD,
            y,
            width=name_width,
            height=72,
            size=26,
            min_size=8,
            colour=NAVY,
            max_lines=3,
        )
        y -= 6
        tax = f"{page.tax_id_label} {page.tax_id}"
        y = self.fitted(tax, REGULAR, y, width=name_width, height=15, size=12, min_size=7)
        if page.address:
            y = self.fitted(
                page.address,
                REGULAR,
                y - 2,
                width=name_width,
                height=22,
                size=9,
                min_size=6,
                colour=GREY,
                max_lines=2,
            )
        y -= 18
        y = self.pair(*_both(page, "complies"), y, size=10)
        y -= 8
        y = self.pair(page.standard, page.standard_second, y, size=13, bold=True)
        y -= 16
        scope, scope_second = _both(page, "scope")
        colon = "\u00a0: " if page.language == "fr" else ": "  # French typography
        first = f"{scope}{colon}{page.scope}"
        second = f"{scope_second}: {page.scope_second}" if scope_second else ""
        y = self.pair(first, second, y, size=10.5)
        self.dates(y - 22)

    def dates(self, top: float) -> None:
        page, c = self.page, self.c
        for offset, key, value in (
            (-110, "issued_on", page.issued_on),
            (110, "expires_on", page.expires_on),
        ):
            first, second = _both(page, key)
            x = self.centre + offset
            self.fill(GREY)
            c.setFont(REGULAR, 8)
            c.drawCentredString(x, top - 8, f"{first} / {second}" if second else first)
            self.fill(NAVY)
            c.setFont(BOLD, 14)
            c.drawCentredString(x, top - 26, day(value))

    def signatures(self) -> None:
        page, c = self.page, self.c
        people = page.signatories[:3]
        if not people:
            return
        area = self.right - QR_SIDE - 24 - self.left
        column = area / len(people)
        line_y = INNER + 74
        for index, person in enumerate(people):
            x = self.left + column * index + column / 2
            span = min(170.0, column - 16)
            c.setStrokeColorRGB(*INK)
            c.setLineWidth(0.6)
            c.line(x - span / 2, line_y, x + span / 2, line_y)
            self.fill(INK)
            name = fit_text(person.name, BOLD, width=span, height=12, max_size=9.5, min_size=6)
            y = draw_fitted(c, name, x, line_y - 3)
            title = fit_text(
                person.title, REGULAR, width=span, height=20, max_size=8, min_size=5.5, max_lines=2
            )
            y = draw_fitted(c, title, x, y)
            if person.title_second and person.title_second != person.title:
                self.fill(GREY)
                second = fit_text(
                    person.title_second,
                    REGULAR,
                    width=span,
                    height=18,
                    max_size=7,
                    min_size=5,
                    max_lines=2,
                )
                draw_fitted(c, second, x, y)

    def qr(self) -> None:
        page, c = self.page, self.c
        if page.payload is None:
            return
        x, y = self.right - QR_SIDE + 6, INNER + 18
        draw_qr(c, encode_qr(page.payload), x, y, QR_SIDE)
        first, _second = _both(page, "verify")
        caption = fit_text(
            first, REGULAR, width=QR_SIDE + 30, height=16, max_size=6, min_size=4.5, max_lines=2
        )
        self.fill(GREY)
        draw_fitted(c, caption, x + QR_SIDE / 2, y + 1)

    def footer(self) -> None:
        if not self.page.chapter_footer:
            return
        footer = fit_text(
            self.page.chapter_footer,
            REGULAR,
            width=self.right - self.left - QR_SIDE - 24,
            height=10,
            max_size=7,
            min_size=5,
        )
        self.fill(GREY)
        draw_fitted(self.c, footer, self.left, INNER + 14, align="left")


def paint_certificate(canvas: Canvas, page: CertificatePage) -> None:
    """Draw ``page`` on the canvas's current page (its size already set)."""
    painter = _Painter(canvas, page)
    painter.frame()
    painter.mark()
    painter.code()
    painter.body()
    painter.signatures()
    painter.qr()
    painter.footer()
