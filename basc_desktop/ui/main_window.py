"""The main window: a sidebar of areas, their pages, the menus and the status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from basc_desktop.domain.access import describe_scope
from basc_desktop.services.users import can_manage_users
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.engine import display_url, sqlite_path
from basc_desktop.ui import changes
from basc_desktop.ui.about import AboutDialog
from basc_desktop.ui.areas.base import Area
from basc_desktop.ui.areas.dashboard import DashboardArea
from basc_desktop.ui.areas.dashboard_banner import ShowsRecords
from basc_desktop.ui.areas.registry import AREA_KEYS, AREAS
from basc_desktop.ui.backup_actions import BackupActions
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.database_actions import DatabaseActions
from basc_desktop.ui.dialogs.import_members import import_members_from_file
from basc_desktop.ui.dialogs.users_dialog import UsersDialog
from basc_desktop.ui.dialogs.verify_dialog import VerifyDialog
from basc_desktop.ui.operations import cancel_operations, wait_for_operations
from basc_desktop.ui.preferences import PreferencesDialog
from basc_desktop.ui.resources import icon

WINDOW_STATE_FILE = "window.ini"
DEFAULT_SIZE = QSize(1280, 800)


def database_name(url: str) -> str:
    """What the title bar calls a database: the file's name, or the server URL."""
    path = sqlite_path(url)
    return path.name if path is not None else display_url(url)


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowIcon(icon("basc-desktop"))
        self.setObjectName("mainWindow")

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(22, 22))
        self.sidebar.setSpacing(2)
        self.sidebar.setMinimumWidth(170)
        # Long area names (Spanish "Acciones correctivas") widen the sidebar, never scroll it.
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setMaximumWidth(260)
        self.sidebar.setStyleSheet(
            "#sidebar { border: none; outline: 0; background: palette(window);"
            " padding-top: 8px; }"
            "#sidebar::item { padding: 8px 10px; border-radius: 4px; }"
            "#sidebar::item:selected { background: #dbe6f3; color: #13314f; }"
        )
        self.stack = QStackedWidget()
        self.areas: dict[str, Area] = {}
        for spec in AREAS:
            area = spec.build(context)
            area.setObjectName(f"area-{spec.key}")
            area.status_changed.connect(self._area_status_changed)
            self.areas[spec.key] = area
            self.stack.addWidget(area)
            QListWidgetItem(icon(spec.icon), spec.label(), self.sidebar)
        self.sidebar.currentRowChanged.connect(self._row_changed)
        dashboard = self.areas["dashboard"]
        if isinstance(dashboard, DashboardArea):
            dashboard.open_records.connect(self.show_records)
        self.sidebar.setMinimumWidth(
            min(
                260, max(170, self.sidebar.sizeHintForColumn(0) + 2 * self.sidebar.frameWidth() + 8)
            )
        )
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([180, 1100])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)

        self.area_status = QLabel()
        self.database_status = QLabel()
        self.user_status = QLabel()
        self.statusBar().addWidget(self.area_status, 1)
        self.statusBar().addPermanentWidget(self.database_status)
        self.statusBar().addPermanentWidget(self.user_status)

        self.database_actions = DatabaseActions(self, context)
        self._build_menus()
        context.changes.subscribe(self, changes.WORKSPACE, self._workspace_changed)
        self._workspace_changed()
        self.resize(DEFAULT_SIZE)
        self._restore_geometry()
        self.show_area("dashboard")

    # --- areas ----------------------------------------------------------------------

    def show_area(self, key: str) -> Area:
        self.sidebar.setCurrentRow(AREA_KEYS.index(key))
        return self.areas[key]

    def show_records(self, key: str, ids: list[int], caption: str) -> Area:
        """Switch to the area ``key`` listing exactly the records ``ids`` (from the dashboard)."""
        area = self.areas[key]
        if isinstance(area, ShowsRecords):
            area.show_records(ids, caption)
        return self.show_area(key)

    def current_area(self) -> Area:
        return self.areas[AREA_KEYS[self.stack.currentIndex()]]

    def current_key(self) -> str:
        return AREA_KEYS[self.stack.currentIndex()]

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        area = self.current_area()
        area.activate()
        self.area_status.setText(area.status_text())

    def _area_status_changed(self, text: str) -> None:
        if self.sender() is self.current_area():
            self.area_status.setText(text)

    def refresh_area(self) -> None:
        """Read the current area again (F5), so what others wrote meanwhile shows."""
        area = self.current_area()
        area.refresh()
        self.area_status.setText(area.status_text())

    def focus_search(self) -> None:
        if not self.current_area().focus_search():
            self.show_area("members").focus_search()

    # --- menus ----------------------------------------------------------------------

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[..., object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = menu.addAction(text)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        db = self.database_actions
        self.open_action = self._action(
            file, self.tr("&Open database…"), db.open_file, QKeySequence.StandardKey.Open
        )
        self.recent_menu = file.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.demo_action = self._action(file, self.tr("Open &demo database"), db.open_demo)
        file.addSeparator()
        self.import_action = self._action(
            file,
            self.tr("&Import members from Excel…"),
            lambda: import_members_from_file(self, self.context),
        )
        self.backup_actions = BackupActions(self, self.context, db)
        self.backup_action = self._action(
            file, self.tr("&Back up now…"), self.backup_actions.back_up_now
        )
        self.restore_action = self._action(
            file, self.tr("Res&tore a backup…"), self.backup_actions.restore
        )
        file.addSeparator()
        self.preferences_action = self._action(
            file, self.tr("&Preferences…"), self.show_preferences, "Ctrl+,"
        )
        file.addSeparator()
        self.quit_action = self._action(file, self.tr("&Quit"), self.close, "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        go = bar.addMenu(self.tr("&Go"))
        self.area_actions: dict[str, QAction] = {}
        for number, spec in enumerate(AREAS, start=1):
            action = self._action(
                go, spec.label(), lambda _=False, key=spec.key: self.show_area(key),
                f"Ctrl+{number}" if number <= 9 else None,  # Ctrl+1 … Ctrl+9
            )  # fmt: skip
            action.setIcon(icon(spec.icon))
            self.area_actions[spec.key] = action
        go.addSeparator()
        self.search_action = self._action(
            go, self.tr("&Search members"), self.focus_search, QKeySequence.StandardKey.Find
        )

        view = bar.addMenu(self.tr("&View"))
        self.refresh_action = self._action(
            view, self.tr("&Refresh"), self.refresh_area, QKeySequence.StandardKey.Refresh
        )

        tools = bar.addMenu(self.tr("&Tools"))
        self.verify_action = self._action(
            tools, self.tr("&Verify a certificate…"), self.show_verify, "Ctrl+Shift+V"
        )
        self.users_action = self._action(tools, self.tr("&Users…"), self.show_users)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.about_action = self._action(help_menu, self.tr("&About BASC Desktop"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.context.settings.preferences.recent_databases
        for url in recent:
            action = self.recent_menu.addAction(display_url(url))
            action.triggered.connect(lambda _=False, u=url: self.database_actions.open_url(u))
        if not recent:
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)

    # --- dialogs --------------------------------------------------------------------

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_verify(self) -> VerifyDialog:
        dialog = VerifyDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_users(self) -> UsersDialog:
        dialog = UsersDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- the workspace --------------------------------------------------------------

    def _workspace_changed(self) -> None:
        ws: Workspace = self.context.workspace
        url = ws.db.url
        self.setWindowTitle(self.tr("BASC Desktop — {database}").format(
            database=database_name(url)
        ))  # fmt: skip
        path = sqlite_path(url)
        self.database_status.setText(
            self.tr("Database: {where}").format(where=path or display_url(url))
        )
        self.database_status.setToolTip(display_url(url))
        self.user_status.setText(self.tr("User: {user}").format(user=ws.user))
        if ws.scope is not None:  # set up for some chapters only
            self.user_status.setText(f"{self.user_status.text()} ({describe_scope(ws.scope)})")
        self.users_action.setEnabled(can_manage_users(ws))

    # --- window state ---------------------------------------------------------------

    def _window_state(self) -> QSettings:
        path = Path(self.context.settings.data_dir) / WINDOW_STATE_FILE
        return QSettings(str(path), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        geometry = self._window_state().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        state = self._window_state()
        state.setValue("main_window/geometry", self.saveGeometry())
        state.sync()
        cancel_operations()
        wait_for_operations(10_000)
        super().closeEvent(event)
