"""Register an auditor or correct one: name, e-mail and chapter, checked as they are typed.

When typing pauses, the service checks the form (:func:`check_auditor`, which also looks
for an active auditor of the same name in the chapter) and each message is shown under
its field.  OK stays disabled until the form is valid.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.domain.errors import BascError, ValidationError
from basc_desktop.services.access import visible_chapters
from basc_desktop.services.audit_forms import AuditorRow
from basc_desktop.services.auditors import (
    NAME_MAX,
    AuditorInput,
    add_auditor,
    check_auditor,
    update_auditor,
)
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.text import error_text

CHECK_DELAY_MS = 150
ERROR_STYLE = "color: #c62828;"
FIELDS = ("name", "email", "chapter_code")


class AuditorForm(QDialog):
    """A new auditor (``auditor`` None, of ``chapter`` if given) or a correction of one."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        auditor: AuditorRow | None = None,
        chapter: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("auditorForm")
        self.context = context
        self.auditor = auditor
        self.saved: AuditorRow | None = None
        self.errors: dict[str, str] = {}
        self._touched: set[str] = set()
        self.setMinimumWidth(440)

        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setMaxLength(NAME_MAX + 50)
        self.email = QLineEdit()
        self.email.setObjectName("email")
        self.email.setPlaceholderText("name@company.com")
        self.chapter = QComboBox()
        self.chapter.setObjectName("chapter")
        for item in visible_chapters(context.workspace):
            self.chapter.addItem(f"{item.code} — {item.name}", item.code)

        self.error_labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Name:"), self._with_error("name", self.name))
        form.addRow(self.tr("&E-mail:"), self._with_error("email", self.email))
        form.addRow(self.tr("&Chapter:"), self._with_error("chapter_code", self.chapter))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        if auditor is None:
            self.setWindowTitle(self.tr("New auditor"))
            wanted = chapter or context.settings.preferences.chapter
            self.chapter.setCurrentIndex(max(self.chapter.findData(wanted), 0))
        else:
            self.setWindowTitle(self.tr("Edit {name}").format(name=auditor.name))
            self.name.setText(auditor.name)
            self.email.setText(auditor.email)
            position = self.chapter.findData(auditor.chapter_code)
            if position < 0:
                self.chapter.insertItem(0, self.tr("Any chapter"), "")
                position = 0
            self.chapter.setCurrentIndex(position)
            self._touched = set(FIELDS)

        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.check)
        self.name.textChanged.connect(lambda _text: self._edited("name"))
        self.email.textChanged.connect(lambda _text: self._edited("email"))
        self.chapter.currentIndexChanged.connect(lambda _index: self._edited("chapter_code"))
        self.ok_button.setEnabled(False)
        self.check()

    def _with_error(self, field: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        label = QLabel()
        label.setObjectName(f"{field}Error")
        label.setWordWrap(True)
        label.setStyleSheet(ERROR_STYLE)
        label.hide()
        column.addWidget(label)
        self.error_labels[field] = label
        return box

    def auditor_input(self) -> AuditorInput:
        return AuditorInput(
            name=self.name.text(),
            email=self.email.text(),
            chapter_code=str(self.chapter.currentData() or "") or None,
        )

    def _edited(self, field: str) -> None:
        self._touched.add(field)
        self.ok_button.setEnabled(False)
        self.check_timer.start()

    def check(self) -> bool:
        """Check the whole form now; show the messages of the fields already typed in."""
        self.check_timer.stop()
        auditor_id = self.auditor.id if self.auditor is not None else None
        found = check_auditor(self.context.workspace, self.auditor_input(), auditor_id)
        self.errors = {field: error_text(error) for field, error in found.items()}
        self._show_errors()
        valid = not self.errors
        self.ok_button.setEnabled(valid)
        return valid

    def _show_errors(self) -> None:
        for field, label in self.error_labels.items():
            text = self.errors.get(field, "") if field in self._touched else ""
            label.setText(text)
            label.setVisible(bool(text))
        layout = self.layout()
        if layout is not None:
            layout.activate()
        wanted = self.sizeHint().height()
        if self.isVisible() and self.height() < wanted:
            self.resize(self.width(), wanted)  # room for the messages just shown

    def accept(self) -> None:
        if not self.check():
            self._touched.update(FIELDS)
            self._show_errors()
            return
        data = self.auditor_input()
        ws = self.context.workspace
        try:
            if self.auditor is None:
                self.saved = add_auditor(ws, data.name, data.email, data.chapter_code)
            else:
                self.saved = update_auditor(
                    ws,
                    self.auditor.id,
                    name=data.name,
                    email=data.email,
                    chapter_code=data.chapter_code,
                )
        except ValidationError as error:
            self._touched.add(error.field)
            self.errors[error.field] = error_text(error)
            self._show_errors()
            self.ok_button.setEnabled(False)
            return
        except BascError as error:
            show_error(self, error, self.tr("Not saved"))
            return
        super().accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter right after typing: check what was typed before OK decides.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.check_timer.isActive():
            self.check()
        super().keyPressEvent(event)
