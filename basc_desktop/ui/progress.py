"""The progress dialog of a long operation: a label, a bar and Cancel.

A plain dialog rather than ``QProgressDialog``: the latter calls ``processEvents()``
inside ``setValue()`` when it is modal, which re-enters the event loop on every step.
This one only shows what the operation reports and says when Cancel was pressed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

SHOW_AFTER_MS = 400
"""Work that ends sooner does not flash a dialog."""


class ProgressDialog(QDialog):
    cancel_requested = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        label: str,
        *,
        cancellable: bool = True,
        show_after_ms: int = SHOW_AFTER_MS,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(
            Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal
        )
        self.setMinimumWidth(420)
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.buttons.setVisible(cancellable)
        self._cancellable = cancellable
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.open)
        self._timer.start(max(0, show_after_ms))

    def set_progress(self, done: int, total: int) -> None:
        """``total`` 0 or less: the amount of work is not known (a moving bar)."""
        if total <= 0:
            self.bar.setRange(0, 0)
            return
        if self.bar.maximum() != total:
            self.bar.setRange(0, total)
        self.bar.setValue(max(0, min(done, total)))

    def reject(self) -> None:
        """Cancel, Esc or the close button: ask the work to stop; the dialog stays until it does."""
        if not self._cancellable or not self.cancel_button.isEnabled():
            return
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Cancelling…"))
        self.cancel_requested.emit()

    def finish(self) -> None:
        self._timer.stop()
        self.done(QDialog.DialogCode.Accepted)
        self.deleteLater()
