"""The Verify screen: is this certificate genuine, and does it hold today?

Open a certificate PDF, or drop one on the screen (its QR code is read in the
background: that takes a second), or paste the payload a QR reader gave.  The answer
is shown big and in colour, always with its words: green for genuine and valid;
amber for genuine but expired, suspended, withdrawn or superseded; red for forged or
unknown to this register; grey when no code could be read.  A PDF with several
certificates gets one answer for each.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.services.verification import (
    Verification,
    VerificationOutcome,
    verify_payload,
    verify_pdf,
)
from basc_desktop.ui import prompts
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.operations import Operation, Reporter
from basc_desktop.ui.text import format_date, message_text, translate

GREEN, AMBER, RED, GREY = "#2e7d32", "#b26a00", "#c62828", "#616161"
_COLOURS: dict[VerificationOutcome, str] = {
    VerificationOutcome.VALID: GREEN,
    VerificationOutcome.EXPIRED: AMBER,
    VerificationOutcome.SUSPENDED: AMBER,
    VerificationOutcome.WITHDRAWN: AMBER,
    VerificationOutcome.SUPERSEDED: AMBER,
    VerificationOutcome.UNKNOWN: RED,
    VerificationOutcome.FORGED: RED,
    VerificationOutcome.UNREADABLE: GREY,
}
_SYMBOLS: dict[str, str] = {GREEN: "\u2714", AMBER: "\u26a0", RED: "\u2716", GREY: "?"}


def outcome_colour(outcome: VerificationOutcome) -> str:
    """The colour of an answer, as ``#rrggbb``."""
    return _COLOURS[outcome]


def dropped_pdf(data: QMimeData) -> Path | None:
    """The first local PDF file among what is dragged, if any."""
    for url in data.urls():
        if url.isLocalFile() and url.toLocalFile().lower().endswith(".pdf"):
            return Path(url.toLocalFile())
    return None


class VerificationCard(QFrame):
    """One answer: the outcome in large coloured type, the sentence, then the facts."""

    def __init__(self, verification: Verification, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.verification = verification
        colour = outcome_colour(verification.outcome)
        tint = QColor(colour)
        self.setObjectName("verificationCard")
        self.setStyleSheet(
            f"#verificationCard {{ border: 3px solid {colour}; border-radius: 8px;"
            f" background: rgba({tint.red()}, {tint.green()}, {tint.blue()}, 24); }}"
        )
        self.headline = QLabel(f"{_SYMBOLS[colour]}  {translate(verification.outcome.label)}")
        self.headline.setObjectName("verificationOutcome")
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setStyleSheet(f"color: {colour};")
        self.message = QLabel(message_text(verification.explanation()))
        self.message.setObjectName("verificationMessage")
        self.message.setWordWrap(True)
        font = self.message.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.message.setFont(font)
        self.facts = QLabel(self._facts())
        self.facts.setObjectName("verificationFacts")
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.headline)
        layout.addWidget(self.message)
        layout.addWidget(self.facts)

    def _facts(self) -> str:
        v = self.verification
        pairs = [
            (self.tr("Code"), v.code),
            (self.tr("Company"), v.company_name),
            (self.tr("Tax ID"), v.tax_id),
            (self.tr("Chapter"), v.chapter_name),
            (self.tr("Issued"), format_date(v.issued_on)),
            (self.tr("Expires"), format_date(v.expires_on)),
            (self.tr("Superseded by"), v.superseded_by or ""),
        ]
        cells = "".join(
            f"<tr><td style='color:#5f6b7a; padding:1px 12px 1px 0'>{escape(label)}</td>"
            f"<td><b>{escape(value)}</b></td></tr>"
            for label, value in pairs
            if value
        )
        return f"<table cellspacing='0'>{cells}</table>"


class VerifyDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.results: list[Verification] = []
        self.reading: Operation | None = None
        self.setWindowTitle(self.tr("Verify a certificate"))
        self.resize(640, 560)
        self.setAcceptDrops(True)  # a PDF dropped on the screen is checked too

        intro = QLabel(
            self.tr(
                "Open a certificate PDF, or paste the text of its QR code, to check that it "
                "is genuine and what this register says about it today."
            )
        )
        intro.setWordWrap(True)
        self.open_button = QPushButton(self.tr("&Open PDF…"))
        self.open_button.setObjectName("openPdfButton")
        self.open_button.clicked.connect(self.open_pdf)
        self.payload = QLineEdit()
        self.payload.setObjectName("payloadInput")
        self.payload.setPlaceholderText(self.tr("BASC1.… (paste the QR code's text)"))
        self.payload.setClearButtonEnabled(True)
        self.check_button = QPushButton(self.tr("&Check"))
        self.check_button.setObjectName("checkPayloadButton")
        self.check_button.setEnabled(False)
        self.check_button.clicked.connect(self.check_payload)
        # Enter in the payload box checks it (the dialog's default button), never opens
        # a file or closes the dialog.
        self.check_button.setDefault(True)
        self.open_button.setAutoDefault(False)
        self.payload.textChanged.connect(
            lambda text: self.check_button.setEnabled(bool(text.strip()))
        )
        self.source = QLabel()
        self.source.setObjectName("verificationSource")
        self.source.setStyleSheet("color: #5f6b7a;")

        self.cards = QWidget()
        self.cards_layout = QVBoxLayout(self.cards)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.cards)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        paste_row = QHBoxLayout()
        paste_row.addWidget(self.payload, 1)
        paste_row.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(paste_row)
        layout.addWidget(self.source)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    # --- asking ---------------------------------------------------------------------

    def open_pdf(self) -> Operation | None:
        chosen = prompts.choose_file(
            self,
            self.tr("Open certificate PDF"),
            str(Path.home()),
            self.tr("PDF files (*.pdf)"),
        )
        return self.verify_file(Path(chosen)) if chosen else None

    def verify_file(self, path: Path) -> Operation:
        """Read the QR codes of ``path`` in the background, then show the answers."""
        ws = self.context.workspace

        def read(_reporter: Reporter) -> list[Verification]:
            return verify_pdf(ws, path)

        self.open_button.setEnabled(False)
        self.source.setText(self.tr("Reading {file}…").format(file=path.name))
        operation = Operation(
            read,
            parent=self,
            title=self.tr("Verify a certificate"),
            label=self.tr("Reading the QR code of {file}…").format(file=path.name),
            cancellable=False,
        )
        operation.on_success(lambda found: self._show_file(path, found))
        operation.on_failure(lambda error: self._failed(path, error))
        operation.finished.connect(lambda: self.open_button.setEnabled(True))
        self.reading = operation
        return operation.start()

    def check_payload(self) -> Verification | None:
        text = self.payload.text().strip()
        if not text:
            return None
        try:
            found = verify_payload(self.context.workspace, text)
        except Exception as error:
            show_error(self, error, self.windowTitle())
            return None
        self.source.setText(self.tr("Pasted code"))
        self.show_results([found])
        return found

    def _show_file(self, path: Path, found: list[Verification]) -> None:
        self.source.setText(
            self.tr("{file}: {count} certificates").format(file=path.name, count=len(found))
            if len(found) > 1
            else path.name
        )
        self.show_results(found)

    def _failed(self, path: Path, error: BaseException) -> None:
        self.source.setText(path.name)
        self.show_results([])
        show_error(self, error, self.windowTitle())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_pdf(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_pdf(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.verify_file(path)

    # --- showing --------------------------------------------------------------------

    def show_results(self, found: list[Verification]) -> None:
        self.results = list(found)
        while self.cards_layout.count() > 1:
            item = self.cards_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for number, verification in enumerate(found):
            self.cards_layout.insertWidget(number, VerificationCard(verification, self.cards))

    def cards_shown(self) -> list[VerificationCard]:
        items = (self.cards_layout.itemAt(index) for index in range(self.cards_layout.count()))
        return [
            widget
            for item in items
            if item is not None and isinstance(widget := item.widget(), VerificationCard)
        ]
