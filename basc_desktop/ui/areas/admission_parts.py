"""Pieces of an application's detail: its heading, the in-place editor of a document's
state, and how an attached copy is opened."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from basc_desktop.domain.vocabulary import DocumentState
from basc_desktop.services.admission_forms import ApplicationDetail
from basc_desktop.ui.models.applications_model import (
    application_state_label,
    decision_text,
    document_state_icon,
    document_state_text,
)
from basc_desktop.ui.text import business_type_label, format_date

AnyIndex = QModelIndex | QPersistentModelIndex
CONTEXT = "AdmissionDetailPanel"


def open_with_the_desktop(path: Path) -> None:
    """Show ``path`` in the program the desktop opens such files with."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def application_heading(detail: ApplicationDetail) -> str:
    """The company, its chapter, type and state, what each committee said, the deadline."""
    row = detail.row
    facts = " · ".join(
        (
            row.chapter_code,
            business_type_label(row.business_type),
            QCoreApplication.translate(CONTEXT, "opened {date}").format(
                date=format_date(row.opened_on)
            ),
            application_state_label(row.state),
        )
    )
    lines = [f"<b>{escape(row.company_name)}</b> · {escape(row.tax_id)}", escape(facts)]
    for held_on, decision, reason in detail.history:
        said = (
            decision_text(decision)
            if decision is not None
            else QCoreApplication.translate(CONTEXT, "no decision yet")
        )
        text = QCoreApplication.translate(CONTEXT, "Committee of {date}: {decision}").format(
            date=format_date(held_on), decision=said
        )
        lines.append(escape(text + (f" — {reason}" if reason else "")))
    if row.audit_deadline is not None:
        text = QCoreApplication.translate(CONTEXT, "Certification audit to be asked for by {date}")
        lines.append(escape(text.format(date=format_date(row.audit_deadline))))
    if row.welcome_letter_on is not None:
        text = QCoreApplication.translate(CONTEXT, "Welcome letter of {date}")
        lines.append(escape(text.format(date=format_date(row.welcome_letter_on))))
    return "<br>".join(lines)


class DocumentStateDelegate(QStyledItemDelegate):
    """Edits a document's state in place with a list of the three states."""

    def createEditor(
        self, parent: QWidget, _option: QStyleOptionViewItem, _index: AnyIndex
    ) -> QWidget:
        editor = QComboBox(parent)
        editor.setObjectName("documentStateEditor")
        for state in DocumentState:
            editor.addItem(document_state_icon(state), document_state_text(state), state.value)
        editor.activated.connect(lambda _row: self._chosen(editor))
        return editor

    def _chosen(self, editor: QComboBox) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
