"""One application beside the list: its heading, its checklist of documents and their files.

Each document's state is changed in place (double-click or F2 on its state opens a list
of the three states) or with the buttons under the list: Received (on the date beside
it), Missing, Not applicable.  "Attach file…" keeps a copy of a file the coordinator
chooses (and marks the document received); "Open" shows the kept copy.  Every change is
saved at once through the service; a refusal is shown as it is and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.domain.admissions import OPEN_STATES
from basc_desktop.domain.vocabulary import DocumentState
from basc_desktop.services.admission_forms import ApplicationDetail, DocumentLine
from basc_desktop.services.admissions import (
    attach_document,
    get_application,
    mark_document,
    open_attachment_path,
)
from basc_desktop.ui import prompts
from basc_desktop.ui.areas.admission_parts import (
    DocumentStateDelegate,
    application_heading,
    open_with_the_desktop,
)
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.dialogs.plan_audit import to_date, to_qdate
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.models.admission_checklist_model import (
    COLUMN_INDEX,
    STATE_COLUMN,
    AdmissionChecklistModel,
    progress_text,
)
from basc_desktop.ui.models.applications_model import document_state_icon
from basc_desktop.ui.tables import read_only_table
from basc_desktop.ui.text import DATE_FORMAT, current_language

GREY = "#5f6b7a"


class AdmissionDetailPanel(QWidget):
    saved = Signal(int)
    """An application's documents were saved (its id): the lists should follow."""

    open_path: Callable[[Path], None] = staticmethod(open_with_the_desktop)
    """How an attached copy is shown (tests put a recorder here)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.detail: ApplicationDetail | None = None
        self.heading = QLabel()
        self.heading.setObjectName("applicationHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.progress = QLabel()
        self.progress.setObjectName("admissionProgress")
        font = self.progress.font()
        font.setBold(True)
        self.progress.setFont(font)

        self.model = AdmissionChecklistModel()
        self.table = read_only_table(self.model)
        self.table.setObjectName("admissionChecklist")
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.delegate = DocumentStateDelegate(self.table)
        self.table.setItemDelegateForColumn(STATE_COLUMN, self.delegate)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COLUMN_INDEX["title"], 300)
        header.resizeSection(COLUMN_INDEX["state"], 170)
        header.setStretchLastSection(True)

        self.received_on = QDateEdit(to_qdate(context.workspace.today()))
        self.received_on.setObjectName("receivedOn")
        self.received_on.setDisplayFormat(DATE_FORMAT)
        self.received_on.setCalendarPopup(True)
        self.received_button = QPushButton(self.tr("&Received"))
        self.missing_button = QPushButton(self.tr("&Missing"))
        self.not_applicable_button = QPushButton(self.tr("&Not applicable"))
        self.attach_button = QPushButton(self.tr("A&ttach file…"))
        self.open_button = QPushButton(self.tr("&Open"))
        for button, state in (
            (self.received_button, DocumentState.RECEIVED),
            (self.missing_button, DocumentState.MISSING),
            (self.not_applicable_button, DocumentState.NOT_APPLICABLE),
        ):
            button.setIcon(document_state_icon(state))
            button.clicked.connect(lambda _=False, s=state: self.mark(s, advance=True))
        self.attach_button.clicked.connect(self.attach)
        self.open_button.clicked.connect(self.open_attachment)
        buttons = QHBoxLayout()
        buttons.addWidget(self.received_button)
        buttons.addWidget(QLabel(self.tr("on")))
        buttons.addWidget(self.received_on)
        buttons.addWidget(self.missing_button)
        buttons.addWidget(self.not_applicable_button)
        buttons.addStretch(1)
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.open_button)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.model.progress_changed.connect(
            lambda received, required: self.progress.setText(progress_text(received, required))
        )
        # Saved once the in-place editor has closed: saving reloads the lines under it.
        self.model.state_requested.connect(
            lambda document_id, state: self._save_state(document_id, DocumentState(state)),
            Qt.ConnectionType.QueuedConnection,
        )
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.show_nothing()

    # --- what is shown --------------------------------------------------------------

    @property
    def application_id(self) -> int | None:
        return self.detail.row.id if self.detail is not None else None

    def show_nothing(self) -> None:
        self.detail = None
        self.heading.setText(
            f"<span style='color:{GREY}'>"
            + escape(self.tr("Select an application to see its documents."))
            + "</span>"
        )
        self.model.set_editable(False)
        self.model.set_lines([])
        self.progress.clear()
        self._update_buttons()

    def show_application(self, application_id: int) -> None:
        """Read the application again and show it (the selected document stays selected)."""
        detail = get_application(
            self.context.workspace, application_id, language=current_language()
        )
        self._show(detail)

    def _show(self, detail: ApplicationDetail) -> None:
        same = self.detail is not None and self.detail.row.id == detail.row.id
        current = self.current_line() if same else None
        row = max(self.table.currentIndex().row(), 0) if same else 0
        self.detail = detail
        self.heading.setText(application_heading(detail))
        self.model.set_editable(detail.row.state in OPEN_STATES)
        self.model.set_lines(detail.documents)
        if current is not None:
            row = self.model.row_of(current.document_id) or 0
        self.select_row(row)
        self._update_buttons()

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, COLUMN_INDEX["title"]))

    def select_document(self, document_id: str) -> bool:
        row = self.model.row_of(document_id)
        if row is None:
            return False
        self.select_row(row)
        return True

    def current_line(self) -> DocumentLine | None:
        return self.model.line_at(self.table.currentIndex())

    def _update_buttons(self) -> None:
        line = self.current_line()
        editable = self.model.editable and line is not None
        for button in (
            self.received_button,
            self.missing_button,
            self.not_applicable_button,
            self.attach_button,
        ):
            button.setEnabled(editable)
        self.received_on.setEnabled(editable)
        self.open_button.setEnabled(line is not None and line.has_attachment)

    # --- saving ---------------------------------------------------------------------

    def mark(self, state: DocumentState, *, advance: bool = False) -> bool:
        """Save ``state`` for the selected document; then select the next one if ``advance``."""
        line = self.current_line()
        if line is None or not self.model.editable:
            return False
        row = self.table.currentIndex().row()
        if not self._save_state(line.document_id, state):
            return False
        if advance and row + 1 < self.model.rowCount():
            self.select_row(row + 1)
        return True

    def _save_state(self, document_id: str, state: DocumentState) -> bool:
        detail = self.detail
        if detail is None:
            return False
        received_on = to_date(self.received_on.date()) if state == DocumentState.RECEIVED else None
        return self._write(
            lambda: mark_document(
                self.context.workspace,
                detail.row.id,
                document_id,
                state,
                received_on=received_on,
                expected_version=detail.row.version,
            )
        )

    def attach(self) -> bool:
        """Keep a copy of a file for the selected document (it is then received)."""
        line, detail = self.current_line(), self.detail
        if line is None or detail is None or not self.model.editable:
            return False
        chosen = prompts.choose_file(
            self,
            self.tr("Attach a file to “{document}”").format(document=line.title),
            str(Path.home()),
            self.tr(
                "Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx);;All files (*)"
            ),
        )
        if chosen is None:
            return False
        return self._write(
            lambda: attach_document(
                self.context.workspace,
                detail.row.id,
                line.document_id,
                Path(chosen),
                received_on=to_date(self.received_on.date()),
                expected_version=detail.row.version,
            )
        )

    def _write(self, call: Callable[[], ApplicationDetail]) -> bool:
        try:
            saved = call()
        except Exception as error:
            show_error(self, error, self.tr("Admission documents"))
            return False
        self._show(saved)
        self.saved.emit(saved.row.id)
        return True

    def open_attachment(self) -> Path | None:
        """Show the kept copy of the selected document's file; None if there is none."""
        line, detail = self.current_line(), self.detail
        if line is None or detail is None:
            return None
        try:
            path = open_attachment_path(self.context.workspace, detail.row.id, line.document_id)
        except Exception as error:
            show_error(self, error, self.tr("Admission documents"))
            return None
        type(self).open_path(path)
        return path
