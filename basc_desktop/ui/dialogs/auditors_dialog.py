"""The program's auditors: register, correct, retire and reactivate them.

Opened from the Audits area (Auditors…, Ctrl+Shift+A).  The list can be narrowed to a
chapter and shows the retired auditors on demand.  Every change is announced on the
AUDITS topic, so the plan form and the audits list's auditor filter offer it at once.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.domain.errors import BascError
from basc_desktop.services.access import visible_chapters
from basc_desktop.services.audit_forms import AuditorRow
from basc_desktop.services.auditors import auditors, set_auditor_active
from basc_desktop.ui import changes, prompts
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.dialogs.auditor_form import AuditorForm
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.models.auditors_model import COLUMN_INDEX, AuditorsModel
from basc_desktop.ui.tables import read_only_table
from basc_desktop.ui.text import format_count

COLUMN_WIDTHS = {"name": 200, "email": 210, "chapter": 80, "active": 80, "audits": 60}


class AuditorsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditorsDialog")
        self.context = context
        self.form: AuditorForm | None = None
        """The add/edit form while it is open (tests drive it)."""
        self.setWindowTitle(self.tr("Auditors"))
        self.resize(720, 420)

        self.chapter = QComboBox()
        self.chapter.setObjectName("chapterFilter")
        self.chapter.addItem(self.tr("All chapters"), "")
        for chapter in visible_chapters(context.workspace):
            self.chapter.addItem(f"{chapter.code} — {chapter.name}", chapter.code)
        self.show_retired = QCheckBox(self.tr("Show &retired"))
        self.show_retired.setObjectName("showRetired")
        self.count_label = QLabel()
        self.count_label.setObjectName("auditorCount")
        self.model = AuditorsModel()
        self.table = read_only_table(self.model)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for key, width in COLUMN_WIDTHS.items():
            header.resizeSection(COLUMN_INDEX[key], width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

        self.add_button = QPushButton(self.tr("&Add…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.retire_button = QPushButton(self.tr("Re&tire"))
        self.reactivate_button = QPushButton(self.tr("Reacti&vate"))
        for button in (
            self.add_button,
            self.edit_button,
            self.retire_button,
            self.reactivate_button,
        ):
            button.setAutoDefault(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        filters = QHBoxLayout()
        chapter_label = QLabel(self.tr("C&hapter:"))
        chapter_label.setBuddy(self.chapter)
        filters.addWidget(chapter_label)
        filters.addWidget(self.chapter)
        filters.addWidget(self.show_retired)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        commands = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.retire_button,
            self.reactivate_button,
        ):
            commands.addWidget(button)
        commands.addStretch(1)
        commands.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(commands)

        self.chapter.currentIndexChanged.connect(lambda _index: self.reload())
        self.show_retired.toggled.connect(lambda _on: self.reload())
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.retire_button.clicked.connect(self.retire)
        self.reactivate_button.clicked.connect(self.reactivate)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.reload()

    # --- the list -------------------------------------------------------------------

    def chosen_chapter(self) -> str | None:
        return str(self.chapter.currentData() or "") or None

    def reload(self, select: int | None = None) -> None:
        """Read the auditors again; keep (or move to ``select``) the current one."""
        current = self.current_auditor()
        wanted = select if select is not None else (current.id if current else None)
        rows = auditors(
            self.context.workspace,
            self.chosen_chapter(),
            include_retired=self.show_retired.isChecked(),
        )
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("{count} auditors").format(count=format_count(len(rows))))
        row = self.model.row_of(wanted) if wanted is not None else None
        if row is None and rows:
            row = 0
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._update_buttons()

    def current_auditor(self) -> AuditorRow | None:
        return self.model.auditor_at(self.table.currentIndex())

    def select_auditor(self, name: str) -> bool:
        for row in range(self.model.rowCount()):
            found = self.model.auditor_at(self.model.index(row, 0))
            if found is not None and found.name == name:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                return True
        return False

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        current = self.current_auditor()
        self.edit_button.setEnabled(current is not None)
        self.retire_button.setEnabled(current is not None and current.active)
        self.reactivate_button.setEnabled(current is not None and not current.active)

    # --- commands -------------------------------------------------------------------

    def add(self) -> AuditorForm:
        return self._open_form(AuditorForm(self.context, self, chapter=self.chosen_chapter()))

    def edit(self) -> AuditorForm | None:
        current = self.current_auditor()
        if current is None:
            return None
        return self._open_form(AuditorForm(self.context, self, auditor=current))

    def _open_form(self, form: AuditorForm) -> AuditorForm:
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.accepted.connect(lambda: self._saved(form.saved))
        form.finished.connect(lambda _result: self._form_closed())
        self.form = form
        form.open()
        return form

    def _form_closed(self) -> None:
        self.form = None

    def _saved(self, row: AuditorRow | None) -> None:
        if row is None:
            return
        self.context.changes.announce(changes.AUDITS)
        self.reload(select=row.id)

    def retire(self) -> bool:
        current = self.current_auditor()
        if current is None or not current.active:
            return False
        question = self.tr(
            "Retire {name}? They stay on the audits they took part in, "
            "but are no longer offered for new plans."
        ).format(name=current.name)
        if not prompts.ask(self, self.tr("Retire auditor"), question):
            return False
        return self._set_active(current, False)

    def reactivate(self) -> bool:
        current = self.current_auditor()
        if current is None or current.active:
            return False
        return self._set_active(current, True)

    def _set_active(self, auditor: AuditorRow, active: bool) -> bool:
        try:
            row = set_auditor_active(self.context.workspace, auditor.id, active)
        except BascError as error:
            show_error(self, error, self.tr("Auditors"))
            return False
        self._saved(row)
        return True
