"""The PDF preview: pages shown by QtPdf, printed through a printer, saved elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import landscape, letter
from reportlab.pdfgen.canvas import Canvas

from basc_desktop.ui import prompts
from basc_desktop.ui.dialogs.pdf_preview import PdfError, PdfPreviewDialog, open_pdf

PAGES = 3


def three_pages(path: Path) -> Path:
    """A landscape Letter PDF of three numbered pages."""
    canvas = Canvas(str(path), pagesize=landscape(letter))
    for number in range(1, PAGES + 1):
        canvas.setFont("Helvetica-Bold", 48)
        canvas.drawString(100, 300, f"Certificate page {number}")
        canvas.showPage()
    canvas.save()
    return path


@pytest.fixture
def preview(qtbot: QtBot, tmp_path: Path) -> PdfPreviewDialog:
    dialog = PdfPreviewDialog(three_pages(tmp_path / "batch.pdf"), suggested_name="x.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def has_ink(widget: QWidget) -> bool:
    """Whether ``widget`` shows anything dark (QtPdf draws its pages in the background)."""
    image = widget.grab().toImage()
    return any(
        image.pixelColor(x, y).lightness() < 100
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
    )


def test_the_preview_shows_every_page(
    qtbot: QtBot, preview: PdfPreviewDialog, artifacts_dir: Path
) -> None:
    assert preview.page_count == PAGES
    assert preview.page_label.text() == "Page 1 of 3"
    assert preview.view.document() is preview.document
    qtbot.waitUntil(lambda: has_ink(preview.view.viewport()), timeout=10_000)
    preview.grab().save(str(artifacts_dir / "pdf-preview.png"))


def test_print_renders_each_page_on_the_printer(
    qtbot: QtBot, preview: PdfPreviewDialog, tmp_path: Path
) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(100)  # quick: the pages are images either way
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    operation = preview.print_on(printer)
    assert not preview.print_button.isEnabled()  # one printing at a time
    with qtbot.waitSignal(operation.succeeded, timeout=20_000) as done:
        pass
    assert done.args == [PAGES]
    assert preview.print_button.isEnabled()
    pages = PdfReader(printed).pages
    assert len(pages) == PAGES
    box = pages[0].mediabox
    assert box.width > box.height  # landscape, as the certificates are


def test_print_asks_the_system_print_dialog(preview: PdfPreviewDialog) -> None:
    dialog = preview.print_document()
    assert isinstance(dialog, QPrintDialog)
    assert dialog.isVisible()
    assert (dialog.fromPage(), dialog.toPage()) == (1, PAGES)
    dialog.reject()
    assert preview.printing is None  # cancelled: nothing printed


def test_save_as_copies_the_pdf(preview: PdfPreviewDialog, tmp_path: Path) -> None:
    target = tmp_path / "out" / "certificados"
    target.parent.mkdir()
    with prompts.answering(str(target)) as asked:
        saved = preview.save_as()
    assert asked[0].kind == prompts.PromptKind.SAVE_FILE
    assert asked[0].text.endswith("x.pdf")
    assert saved == target.with_name("certificados.pdf")
    assert saved.read_bytes() == preview.path.read_bytes()
    with prompts.answering(None):
        assert preview.save_as() is None


def test_a_temporary_pdf_is_removed_when_the_preview_closes(qtbot: QtBot, tmp_path: Path) -> None:
    path = three_pages(tmp_path / "temporary.pdf")
    dialog = PdfPreviewDialog(path, temporary=True)
    qtbot.addWidget(dialog)
    dialog.reject()
    assert not path.exists()


def test_a_file_that_is_not_a_pdf_is_refused(tmp_path: Path, qtbot: QtBot) -> None:
    bad = tmp_path / "not.pdf"
    bad.write_text("hello")
    with pytest.raises(PdfError, match="could not be opened"):
        open_pdf(bad)
