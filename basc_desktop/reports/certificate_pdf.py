"""The BASC certificate as a PDF page: bilingual, on the chapter's paper, with its QR code.

:class:`CertificateDocument` draws :class:`CertificatePage` values (plain, gathered by
:mod:`basc_desktop.services.certificate_printing`) one page each with ReportLab and
the embedded DejaVu font, landscape Letter or A4 as the chapter's file says.  The
main language is the chapter's first (Spanish, or French for Haiti), with English
beside it in a lighter, smaller type (see
:mod:`~basc_desktop.reports.certificate_painter`).  No Qt, no SQL.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from types import TracebackType

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas

from basc_desktop.reports.certificate_page import CertificatePage, SignatureLine, page_size
from basc_desktop.reports.certificate_painter import paint_certificate
from basc_desktop.reports.fonts import REGULAR, register_fonts

__all__ = ["CertificateDocument", "CertificatePage", "SignatureLine", "page_size"]


class CertificateDocument:
    """A PDF of certificate pages, written page by page: ``add`` each, then ``close``."""

    def __init__(self, path: Path, *, title: str, author: str) -> None:
        register_fonts()
        self.path = path
        self.pages = 0
        self._canvas = Canvas(
            str(path),
            pagesize=page_size("letter"),
            pageCompression=1,
            initialFontName=REGULAR,
            invariant=0,
        )
        self._canvas.setTitle(title)
        self._canvas.setAuthor(author)
        self._canvas.setCreator("BASC Desktop")

    def add(self, page: CertificatePage) -> None:
        canvas = self._canvas
        canvas.setPageSize(page_size(page.paper))
        paint_certificate(canvas, page)
        canvas.showPage()
        self._compress_last_page()
        self.pages += 1

    def _compress_last_page(self) -> None:
        """Deflate the page just finished now, not when the file is saved.

        ReportLab keeps every page's drawing operators as text until ``save``; a page
        with its QR code is about 20 kB of text but 4 kB deflated, so compressing it
        at once keeps a thousand-page batch small in memory.  The page keeps the
        stream as its ``Contents``, which ReportLab then writes as it is.
        """
        page = self._canvas._doc.Pages.pages[-1]
        text = page.stream
        data = text.encode("utf-8") if isinstance(text, str) else text
        stream = PDFStream(
            dictionary=PDFDictionary({"Filter": PDFName("FlateDecode")}),
            content=zlib.compress(data, 6),
            filters=[],
        )
        stream.__Comment__ = "page stream"
        page.Contents = stream
        page.stream = None

    def close(self) -> None:
        """Write the file (at least one page must have been added)."""
        self._canvas.save()

    def __enter__(self) -> CertificateDocument:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is None:
            self.close()
