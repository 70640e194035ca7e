"""The look every list of the program shares: read-only rows, selected whole."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

from basc_desktop.ui.models.paged import PagedModel


def read_only_table(model: QAbstractItemModel, *, single_selection: bool = True) -> QTableView:
    """A table over ``model`` whose rows are selected whole and never edited in place."""
    table = QTableView()
    table.setModel(model)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single_selection:
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    return table


def select_record(table: QTableView, model: PagedModel, record_id: int) -> bool:
    """Select and show the row of ``record_id``, loading further pages to find it.

    False when the list (with its filters) does not hold it.
    """
    row = model.row_of(record_id)
    while row is None and model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        row = model.row_of(record_id)
    if row is None:
        return False
    table.selectionModel().setCurrentIndex(
        model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    table.scrollTo(model.index(row, 0))
    return True
