"""A PDF shown in the program (QtPdf), with Print… and Save as….

Printing goes through the system's print dialog; each page is rendered by
:class:`QPdfDocument` to an image at the printer's resolution (300 dpi at most) and
painted on the printer's page.  It runs as an :class:`Operation` with progress and
Cancel: a batch of a thousand certificates takes a while.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.ui import prompts
from basc_desktop.ui.operations import Operation, Reporter

CONTEXT = "PdfPreviewDialog"
MAX_PRINT_DPI = 300
POINTS_PER_INCH = 72


class PdfError(Exception):
    """The PDF could not be opened for showing or printing."""


def open_pdf(path: Path, parent: QWidget | None = None) -> QPdfDocument:
    """``path`` loaded by QtPdf; PdfError if it is not a readable PDF."""
    document = QPdfDocument(parent) if parent is not None else QPdfDocument()
    error = document.load(str(path))
    if error != QPdfDocument.Error.None_ or document.pageCount() < 1:
        document.close()
        raise PdfError(
            QCoreApplication.translate(CONTEXT, "{file} could not be opened as a PDF.").format(
                file=path.name
            )
        )
    return document


def print_pdf(path: Path, printer: QPrinter, reporter: Reporter | None = None) -> int:
    """Print the pages of ``path`` on ``printer`` (the range it asks for); pages printed.

    Safe off the GUI thread: the document is opened here, and pages are painted as images.
    """
    document = open_pdf(path)
    try:
        count = document.pageCount()
        first, last = 1, count
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = max(1, printer.fromPage()), min(count, printer.toPage() or count)
        pages = list(range(first - 1, last))
        size = document.pagePointSize(pages[0]) if pages else None
        if size is not None and size.width() > size.height():
            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise PdfError(QCoreApplication.translate(CONTEXT, "The printer could not be started."))
        printed = 0
        try:
            for number, page in enumerate(pages):
                if reporter is not None:
                    reporter.check()
                if number:
                    printer.newPage()
                _paint_page(painter, document, page, dpi)
                printed += 1
                if reporter is not None:
                    reporter.progress(printed, len(pages))
        finally:
            painter.end()
        return printed
    finally:
        document.close()


def _paint_page(painter: QPainter, document: QPdfDocument, page: int, dpi: int) -> None:
    points = document.pagePointSize(page)
    image = document.render(
        page,
        QSize(
            round(points.width() * dpi / POINTS_PER_INCH),
            round(points.height() * dpi / POINTS_PER_INCH),
        ),
    )
    area = QRectF(painter.viewport())
    scale = min(area.width() / image.width(), area.height() / image.height())
    width, height = image.width() * scale, image.height() * scale
    target = QRectF(
        QPointF(area.x() + (area.width() - width) / 2, area.y() + (area.height() - height) / 2),
        QSize(round(width), round(height)),
    )
    painter.drawImage(target, image)


class PdfPreviewDialog(QDialog):
    """Shows ``path``; Print… and Save as… work on it.  A ``temporary`` file is removed
    when the dialog closes."""

    def __init__(
        self,
        path: Path,
        parent: QWidget | None = None,
        *,
        title: str = "",
        suggested_name: str = "",
        temporary: bool = False,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.temporary = temporary
        self.suggested_name = suggested_name or path.name
        self.printing: Operation | None = None
        self.print_dialog: QPrintDialog | None = None
        self.printer: QPrinter | None = None
        self.setWindowTitle(title or self.tr("Preview — {file}").format(file=path.name))
        self.resize(900, 760)
        self.document = open_pdf(path, self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)

        self.page_label = QLabel()
        self.page_label.setObjectName("pdfPageLabel")
        self.fit_width_button = QPushButton(self.tr("Fit &width"))
        self.fit_width_button.setCheckable(True)
        self.fit_width_button.toggled.connect(self._fit_width)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("&Save as…"))
        self.save_button.setObjectName("saveAsButton")
        self.save_button.clicked.connect(self.save_as)
        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.clicked.connect(self.reject)
        for button in (self.fit_width_button, self.print_button, self.save_button):
            button.setAutoDefault(False)  # Enter closes the preview, it does not print
        self.close_button.setDefault(True)
        bar = QHBoxLayout()
        bar.addWidget(self.page_label, 1)
        for button in (self.fit_width_button, self.print_button, self.save_button):
            bar.addWidget(button)
        bar.addSpacing(12)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        self._page_changed(0)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def _page_changed(self, page: int) -> None:
        self.page_label.setText(
            self.tr("Page {page} of {count}").format(page=page + 1, count=self.page_count)
        )

    def _fit_width(self, on: bool) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth if on else QPdfView.ZoomMode.FitInView)

    # --- printing -------------------------------------------------------------------

    def print_document(self) -> QPrintDialog:
        """Ask the system's print dialog; on OK the pages are printed in the background."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        printer.setFromTo(1, self.page_count)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.page_count)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.print_on(printer))
        self.printer = printer
        self.print_dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        return dialog

    def print_on(self, printer: QPrinter) -> Operation:
        """Print the document on ``printer`` in the background, with progress and Cancel."""
        self.printer = printer
        self.print_button.setEnabled(False)
        operation = Operation(
            lambda reporter: print_pdf(self.path, printer, reporter),
            parent=self,
            title=self.tr("Print"),
            label=self.tr("Printing {count} pages…").format(count=self.page_count),
        )
        operation.finished.connect(lambda: self.print_button.setEnabled(True))
        self.printing = operation
        return operation.start()

    # --- saving ---------------------------------------------------------------------

    def save_as(self) -> Path | None:
        """Copy the PDF where the coordinator chooses; None if cancelled."""
        folder = Path.home()
        chosen = prompts.choose_save_file(
            self,
            self.tr("Save PDF"),
            str(folder / self.suggested_name),
            self.tr("PDF files (*.pdf)"),
        )
        if chosen is None:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            shutil.copyfile(self.path, target)
        except OSError as error:
            prompts.warn(
                self,
                self.tr("Save PDF"),
                self.tr("The PDF could not be saved to {path}: {reason}").format(
                    path=str(target), reason=error.strerror or str(error)
                ),
            )
            return None
        return target

    def done(self, result: int) -> None:
        if self.printing is not None and self.printing.running:
            # The dialog stays until the printing stops, then closes.
            self.printing.finished.connect(lambda: self.done(result))
            self.printing.cancel()
            return
        self.document.close()  # lets go of the file
        if self.temporary:
            self.path.unlink(missing_ok=True)
        super().done(result)
