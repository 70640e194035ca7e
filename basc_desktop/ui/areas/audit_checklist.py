"""The checklist of one audit: judge each requirement from the keyboard, saved at once.

Keys 1 to 5 set the selected requirement's verdict (1 conforming, 2 minor, 3 major,
4 observation, 5 not applicable) and move to the next one; Ctrl+1 to Ctrl+5 do the same
while the evidence note is being written.  Each verdict is saved the
moment it is entered; if the save fails, the old verdict stays and the reason is shown.
An evidence note typed for a requirement is saved with its next verdict, when another
requirement is selected, or with Ctrl+S.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.domain.vocabulary import AuditState, Verdict
from basc_desktop.services.audit_forms import AuditRow, ChecklistLine
from basc_desktop.services.audits import get_audit
from basc_desktop.services.checklist import checklist, record_verdict
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.models.audit_looks import VERDICT_KEYS, verdict_icon
from basc_desktop.ui.models.audits_model import progress_text
from basc_desktop.ui.models.checklist_model import COLUMN_INDEX, ChecklistModel
from basc_desktop.ui.tables import read_only_table
from basc_desktop.ui.text import (
    audit_kind_label,
    audit_state_label,
    current_language,
    format_date,
    verdict_label,
)

_NUMBER_KEYS = {Qt.Key.Key_1 + n: verdict for n, verdict in enumerate(VERDICT_KEYS)}


def catalogue_language() -> str:
    """The catalogues are written in Spanish and English: English for English, else Spanish."""
    return "en" if current_language() == "en" else "es"


class ChecklistDialog(QDialog):
    def __init__(self, context: AppContext, audit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.audit_id = audit_id
        self.saved = 0
        """How many lines were saved while the dialog was open."""
        self.setWindowTitle(self.tr("Audit checklist"))
        self.resize(1100, 700)
        self.model = ChecklistModel()
        self.heading = QLabel()
        self.heading.setObjectName("checklistHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.progress = QLabel()
        self.progress.setObjectName("checklistProgress")
        font = self.progress.font()
        font.setBold(True)
        self.progress.setFont(font)
        self.only_unjudged = QCheckBox(self.tr("Only &unjudged"))

        self.table = read_only_table(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for key, width in (("section", 140), ("code", 80), ("title", 260), ("verdict", 180)):
            header.resizeSection(COLUMN_INDEX[key], width)
        header.setStretchLastSection(True)
        self.table.installEventFilter(self)

        self.text = QTextBrowser()
        self.text.setObjectName("requirementText")
        self.verdict_buttons: dict[Verdict, QPushButton] = {}
        buttons = QGridLayout()
        for number, verdict in enumerate(VERDICT_KEYS, start=1):
            button = QPushButton(verdict_icon(verdict), f"{number} {verdict_label(verdict)}")
            button.setToolTip(
                self.tr("Key {key}, or Ctrl+{key} while writing the note").format(key=number)
            )
            QShortcut(
                QKeySequence(f"Ctrl+{number}"),
                self,
                lambda v=verdict: self.judge(v, advance=True),
            )
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, v=verdict: self.judge(v, advance=False))
            self.verdict_buttons[verdict] = button
            buttons.addWidget(button, (number - 1) // 2, (number - 1) % 2)
        self.evidence = QPlainTextEdit()
        self.evidence.setObjectName("evidenceEditor")
        self.evidence.setPlaceholderText(self.tr("Evidence seen, documents, people interviewed…"))
        evidence_label = QLabel(self.tr("&Evidence note:"))
        evidence_label.setBuddy(self.evidence)
        self.save_evidence_button = QPushButton(self.tr("&Save note"))
        self.save_evidence_button.clicked.connect(self.save_evidence)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_evidence)

        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.text, 3)
        side.addLayout(buttons)
        side.addWidget(evidence_label)
        side.addWidget(self.evidence, 1)
        side.addWidget(self.save_evidence_button, 0, Qt.AlignmentFlag.AlignRight)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([740, 360])
        splitter.setChildrenCollapsible(False)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.only_unjudged)
        top.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)

        self.model.progress_changed.connect(self._progress_changed)
        self.only_unjudged.toggled.connect(self._filter_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self._shown_line: ChecklistLine | None = None
        self.editable = False
        self.reload()

    # --- loading --------------------------------------------------------------------

    def reload(self) -> None:
        ws = self.context.workspace
        audit = get_audit(ws, self.audit_id)
        self._show_heading(audit)
        self.editable = audit.state == AuditState.IN_PROGRESS
        for button in self.verdict_buttons.values():
            button.setEnabled(self.editable)
        self.evidence.setReadOnly(not self.editable)
        self.save_evidence_button.setEnabled(self.editable)
        self.model.set_lines(checklist(ws, self.audit_id, language=catalogue_language()))
        self.select_row(0)

    def _show_heading(self, audit: AuditRow) -> None:
        details = " · ".join(
            (
                audit_kind_label(audit.kind),
                self.tr("standard {version}").format(version=audit.standard_version),
                format_date(audit.planned_on),
                audit_state_label(audit.state),
            )
        )
        self.heading.setText(f"<b>{escape(audit.company_name)}</b><br>{escape(details)}")
        self.setWindowTitle(self.tr("Checklist — {company}").format(company=audit.company_name))

    # --- the keyboard ---------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            verdict = _NUMBER_KEYS.get(event.key())
            if verdict is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                self.judge(verdict, advance=True)
                return True
        return super().eventFilter(watched, event)

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, COLUMN_INDEX["code"]))
        else:
            self._show_line(None)

    def current_line(self) -> ChecklistLine | None:
        return self.model.line_at(self.table.currentIndex())

    # --- saving ---------------------------------------------------------------------

    def judge(self, verdict: Verdict, *, advance: bool) -> bool:
        """Save ``verdict`` for the selected requirement; then move on if ``advance``."""
        line = self.current_line()
        if line is None or not self.editable:
            return False
        row = self.table.currentIndex().row()
        if not self._save(line, verdict, self._typed_evidence(line)):
            return False
        if advance and row + 1 < self.model.rowCount():
            self.select_row(row + 1)
        return True

    def save_evidence(self) -> bool:
        line = self.current_line()
        if line is None or not self.editable:
            return False
        evidence = self._typed_evidence(line)
        return evidence is None or self._save(line, line.verdict, evidence)

    def _typed_evidence(self, line: ChecklistLine) -> str | None:
        """The note in the editor, if it was typed for ``line`` and differs from the saved one."""
        if self._shown_line is None or self._shown_line.finding_id != line.finding_id:
            return None
        typed = self.evidence.toPlainText().strip()
        return typed if typed != line.evidence else None

    def _save(self, line: ChecklistLine, verdict: Verdict | None, evidence: str | None) -> bool:
        try:
            saved = record_verdict(
                self.context.workspace,
                line.finding_id,
                verdict,
                evidence,
                language=catalogue_language(),
            )
        except Exception as error:
            show_error(self, error)
            return False
        self.saved += 1
        self.model.replace_line(saved)
        if self._shown_line is not None and self._shown_line.finding_id == saved.finding_id:
            self._shown_line = saved
        return True

    # --- what is shown --------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        before = self.model.line_at(previous)
        if before is not None and self.editable:
            evidence = self._typed_evidence(before)
            if evidence is not None:
                self._save(before, before.verdict, evidence)
        self._show_line(self.model.line_at(current))

    def _show_line(self, line: ChecklistLine | None) -> None:
        self._shown_line = line
        if line is None:
            self.text.setHtml("")
            self.evidence.setPlainText("")
            return
        verdict = verdict_label(line.verdict) if line.verdict else self.tr("Not judged yet")
        self.text.setHtml(
            f"<h3 style='margin-bottom:2px'>{escape(line.requirement_code)} — "
            f"{escape(line.title)}</h3>"
            f"<p style='color:#5f6b7a; margin-top:0'>{escape(line.section)}</p>"
            f"<p>{escape(line.text)}</p>"
            f"<p><b>{escape(self.tr('Verdict'))}:</b> {escape(verdict)}</p>"
        )
        self.evidence.setPlainText(line.evidence)

    def _progress_changed(self, judged: int, total: int) -> None:
        self.progress.setText(progress_text(judged, total))

    def _filter_changed(self, only: bool) -> None:
        self.model.set_only_unjudged(only)
        self.select_row(0)
