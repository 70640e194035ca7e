"""A table model over rows kept in memory, with a fixed list of translated columns.

Subclasses name their translation ``CONTEXT`` and their ``COLUMNS`` as (key, English
title) pairs; the column count, the header titles and read-only, selectable cells come
from here.  Paged lists over the database use :class:`~.paged.PagedModel` instead.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from basc_desktop.ui.models.paged import AnyIndex


class ColumnsModel(QAbstractTableModel):
    CONTEXT: ClassVar[str]
    COLUMNS: ClassVar[tuple[tuple[str, str], ...]]

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.CONTEXT, self.COLUMNS[section][1])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
