"""What a coordinator does to members from the list: the toolbar, the keys and the menu.

New (Ctrl+N), open to edit (Enter, double-click), archive (Del), restore, delete for
good (only a member with no audits and no certificates), and export to Excel or CSV
(the selected members, or the whole list as filtered).  The same actions sit in the toolbar
and in the table's context menu; each one is enabled only when it applies to the
selected rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from basc_desktop.domain.errors import BascError
from basc_desktop.services.member_forms import MemberRow
from basc_desktop.services.members import (
    archive_members,
    delete_member,
    member_audits,
    member_certificates,
    restore_members,
)
from basc_desktop.ui import changes, prompts
from basc_desktop.ui.dialogs.import_members import import_members_from_file
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.member_export import export_members
from basc_desktop.ui.resources import icon
from basc_desktop.ui.text import format_count

if TYPE_CHECKING:
    from basc_desktop.ui.areas.members import MembersArea


class MemberActions(QObject):
    def __init__(self, area: MembersArea) -> None:
        super().__init__(area)
        self.area = area
        table = area.table
        # Ctrl+N works wherever the keyboard is in the window while the area shows.
        window_wide = Qt.ShortcutContext.WindowShortcut

        self.new_action = self._make(self.tr("&New member…"), "Ctrl+N", area.new_member)
        self.new_action.setShortcutContext(window_wide)
        area.addAction(self.new_action)
        self.new_action.setIcon(icon("members"))
        self.open_action = self._make(self.tr("&Open…"), None, area.edit_current)
        self.open_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
        )
        self.archive_action = self._make(
            self.tr("&Archive…"), QKeySequence(Qt.Key.Key_Delete), self.archive
        )
        self.restore_action = self._make(self.tr("&Restore"), None, self.restore)
        self.delete_action = self._make(self.tr("&Delete permanently…"), None, self.delete)
        self.export_selected_action = self._make(
            self.tr("Export &selected…"), None, self.export_selected
        )
        self.export_list_action = self._make(self.tr("E&xport the list…"), None, self.export_list)
        for action in (self.open_action, self.archive_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            table.addAction(action)

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("memberActions")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in self.actions():
            self.toolbar.addAction(action)
        self.import_action = self._make(self.tr("&Import from Excel…"), None, self.import_file)
        self.toolbar.addAction(self.import_action)

        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self.show_menu)
        table.doubleClicked.connect(lambda _index: area.edit_current())
        self.menu: QMenu | None = None
        self.update_enabled()

    def _make(
        self,
        text: str,
        shortcut: QKeySequence | str | None,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def actions(self) -> list[QAction]:
        return [
            self.new_action,
            self.open_action,
            self.archive_action,
            self.restore_action,
            self.delete_action,
            self.export_selected_action,
            self.export_list_action,
        ]

    # --- what applies to the selection ----------------------------------------------

    def update_enabled(self) -> None:
        chosen = self.area.selected_members()
        self.open_action.setEnabled(len(chosen) == 1)
        self.archive_action.setEnabled(any(row.archived_on is None for row in chosen))
        self.restore_action.setEnabled(any(row.archived_on is not None for row in chosen))
        self.delete_action.setEnabled(len(chosen) == 1 and self.can_delete(chosen[0]))
        self.export_selected_action.setEnabled(bool(chosen))
        self.export_list_action.setEnabled(self.area.model.total > 0)

    def can_delete(self, row: MemberRow) -> bool:
        """Only a member with no audits and no certificates may be deleted for good."""
        ws = self.area.context.workspace
        try:
            return not member_certificates(ws, row.id) and not member_audits(ws, row.id)
        except BascError:
            return False

    def build_menu(self) -> QMenu:
        """The context menu: the same actions as the toolbar, grouped."""
        menu = QMenu(self.area.table)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for number, action in enumerate(self.actions()):
            if number in (2, 5):
                menu.addSeparator()
            menu.addAction(action)
        return menu

    def show_menu(self, position: QPoint) -> QMenu:
        """Pop the context menu up at ``position`` (in the table's viewport)."""
        self.update_enabled()
        self.menu = self.build_menu()
        self.menu.popup(self.area.table.viewport().mapToGlobal(position))
        return self.menu

    # --- the actions ----------------------------------------------------------------

    def archive(self) -> None:
        rows = [row for row in self.area.selected_members() if row.archived_on is None]
        if not rows:
            return
        if len(rows) == 1:
            question = self.tr(
                "Archive {company}? An archived member is hidden from the list; "
                "its history is kept and it can be restored."
            ).format(company=rows[0].legal_name)
        else:
            question = self.tr(
                "Archive {count} members? Archived members are hidden from the list; "
                "their history is kept and they can be restored."
            ).format(count=format_count(len(rows)))
        if not prompts.ask(self.area, self.tr("Archive"), question):
            return
        self._write(lambda: archive_members(self.area.context.workspace, [r.id for r in rows]))

    def restore(self) -> None:
        rows = [row for row in self.area.selected_members() if row.archived_on is not None]
        if rows:
            ids = [r.id for r in rows]
            self._write(lambda: restore_members(self.area.context.workspace, ids), ids)

    def delete(self) -> None:
        rows = self.area.selected_members()
        if len(rows) != 1:
            return
        row = rows[0]
        if not self.can_delete(row):
            prompts.warn(
                self.area,
                self.tr("Delete permanently"),
                self.tr(
                    "{company} has audits or certificates, so it cannot be deleted. "
                    "Archive it instead."
                ).format(company=row.legal_name),
            )
            return
        question = self.tr(
            "Delete {company} permanently? This cannot be undone. "
            "(A member who leaves is usually archived instead.)"
        ).format(company=row.legal_name)
        if prompts.ask(self.area, self.tr("Delete permanently"), question):
            self._write(lambda: delete_member(self.area.context.workspace, row.id))

    def _write(self, work: Callable[[], object], select: list[int] | None = None) -> None:
        try:
            work()
        except BascError as error:
            show_error(self.area, error)
            return
        self.area.context.changes.announce(changes.MEMBERS)
        if select:
            self.area.select_member(select[0])

    def export_selected(self) -> None:
        rows = self.area.selected_members()
        if rows:
            query = self.area.model.query
            export_members(self.area, self.area.context, query, ids=[r.id for r in rows])

    def import_file(self) -> None:
        import_members_from_file(self.area, self.area.context)

    def export_list(self) -> None:
        export_members(self.area, self.area.context, self.area.model.query)
