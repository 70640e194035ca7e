"""Reading the QR codes of a PDF: each page rendered (PDFium) and scanned (ZXing).

Used to verify a certificate from its PDF file.  Pages are rendered in grey at about
200 dpi, enough for a 40 mm code of 53 modules (more than 7 pixels a module).  No Qt,
no SQL.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import zxingcpp

from basc_desktop.domain.errors import BascError
from basc_desktop.domain.text import translatable as _

__all__ = ["CertificateFileError", "read_qr_codes"]

DPI = 200
_PDF_MAGIC = b"%PDF-"


class CertificateFileError(BascError):
    """A file that cannot be read as a certificate PDF."""


def _check_file(path: Path) -> None:
    if not path.exists():
        raise CertificateFileError(_("The file {path} does not exist."), path=str(path))
    if not path.is_file():
        raise CertificateFileError(_("{path} is a folder, not a PDF file."), path=str(path))
    try:
        with path.open("rb") as file:
            head = file.read(1024)
    except OSError as exc:
        raise CertificateFileError(
            _("The file {path} cannot be read: {reason}"),
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from exc
    if _PDF_MAGIC not in head:
        raise CertificateFileError(_("The file {path} is not a PDF."), path=str(path))


def read_qr_codes(pdf_path: Path, *, dpi: int = DPI) -> list[str]:
    """The text of every QR code in the PDF, page by page (top to bottom as ZXing finds them).

    :class:`CertificateFileError` for a missing, unreadable, damaged or non-PDF file.
    """
    path = Path(pdf_path)
    _check_file(path)
    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        raise CertificateFileError(
            _("The file {path} is damaged or is not a PDF."), path=str(path)
        ) from exc
    found: list[str] = []
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                bitmap = page.render(scale=dpi / 72, grayscale=True)
                image = bitmap.to_pil()
                results = zxingcpp.read_barcodes(
                    image,
                    formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode),
                    try_rotate=True,
                )
                found.extend(result.text for result in results if result.text)
            except pdfium.PdfiumError as exc:
                raise CertificateFileError(
                    _("Page {page} of {path} cannot be read."), page=index + 1, path=str(path)
                ) from exc
            finally:
                page.close()
    finally:
        document.close()
    return found
