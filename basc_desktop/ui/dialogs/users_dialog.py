"""Tools ▸ Users…: who may work in this database, and for which chapters.

While nobody is set up, everyone who opens the database sees every chapter; the first
person added must be an administrator.  Afterwards only administrators change users:
for anyone else the dialog only shows them.  The services refuse what is not allowed,
the dialog only keeps the buttons honest.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.domain.errors import BascError
from basc_desktop.services.users import (
    UserRow,
    add_user,
    can_manage_users,
    deactivate,
    list_users,
    set_chapters,
)
from basc_desktop.ui import prompts
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.models.users_model import UsersModel
from basc_desktop.ui.tables import read_only_table

COLUMN_WIDTHS = (120, 180, 220, 80)


class UsersDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersDialog")
        self.context = context
        self.setWindowTitle(self.tr("Users"))
        self.resize(780, 480)

        self.note = QLabel()
        self.note.setObjectName("usersNote")
        self.note.setWordWrap(True)
        self.model = UsersModel()
        self.table = read_only_table(self.model)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

        self.login = QLineEdit()
        self.login.setObjectName("login")
        self.login.setPlaceholderText(self.tr("the login name of the person's PC account"))
        self.display_name = QLineEdit()
        self.display_name.setObjectName("displayName")
        self.admin = QCheckBox(self.tr("A&dministrator: sees every chapter, sets up users"))
        self.admin.setObjectName("admin")
        self.chapters = QListWidget()
        self.chapters.setObjectName("chapters")
        for chapter in context.workspace.chapters:
            item = QListWidgetItem(f"{chapter.code} — {chapter.name}")
            item.setData(Qt.ItemDataRole.UserRole, chapter.code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.chapters.addItem(item)

        self.add_button = QPushButton(self.tr("&Add"))
        self.save_button = QPushButton(self.tr("&Save chapters"))
        self.remove_button = QPushButton(self.tr("&Remove…"))
        for button in (self.add_button, self.save_button, self.remove_button):
            button.setAutoDefault(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Login:"), self.login)
        form.addRow(self.tr("&Name:"), self.display_name)
        form.addRow("", self.admin)
        form.addRow(self.tr("&Chapters:"), self.chapters)
        side = QVBoxLayout()
        side.addLayout(form, 1)
        commands = QHBoxLayout()
        for button in (self.add_button, self.save_button, self.remove_button):
            commands.addWidget(button)
        side.addLayout(commands)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)

        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save_chapters)
        self.remove_button.clicked.connect(self.remove)
        self.admin.toggled.connect(lambda _on: self._update_buttons())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.reload()

    # --- the list -------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        ws = self.context.workspace
        rows = list_users(ws)
        self.model.set_rows(rows)
        self.may_change = can_manage_users(ws)
        if not rows:
            self.note.setText(
                self.tr(
                    "Nobody is set up yet: everyone who opens this database sees every "
                    "chapter. The first person you add must be an administrator."
                )
            )
        elif self.may_change:
            self.note.setText(
                self.tr(
                    "Only the people below open this database, each for their chapters. "
                    "Administrators see every chapter."
                )
            )
        else:
            self.note.setText(
                self.tr("You ({login}) are not an administrator: you can only look.").format(
                    login=ws.user
                )
            )
        for widget in (self.login, self.display_name, self.admin, self.chapters):
            widget.setEnabled(self.may_change)
        row = self.model.row_of(select) if select is not None else None
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._update_buttons()

    def current_user(self) -> UserRow | None:
        return self.model.user_at(self.table.currentIndex())

    def select_user(self, login: str) -> bool:
        row = self.model.row_of(login)
        if row is None:
            return False
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def checked_chapters(self) -> list[str]:
        return [
            str(self.chapters.item(n).data(Qt.ItemDataRole.UserRole))
            for n in range(self.chapters.count())
            if self.chapters.item(n).checkState() == Qt.CheckState.Checked
        ]

    def check_chapters(self, codes: list[str] | tuple[str, ...]) -> None:
        for n in range(self.chapters.count()):
            item = self.chapters.item(n)
            wanted = item.data(Qt.ItemDataRole.UserRole) in codes
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        user = self.current_user()
        if user is not None:
            self.login.setText(user.login)
            self.display_name.setText(user.display_name)
            self.admin.setChecked(user.is_admin)
            self.check_chapters(user.chapters)
        self._update_buttons()

    def _update_buttons(self) -> None:
        user = self.current_user()
        self.add_button.setEnabled(self.may_change)
        self.save_button.setEnabled(self.may_change and user is not None and not user.is_admin)
        self.remove_button.setEnabled(self.may_change and user is not None and user.active)

    # --- commands -------------------------------------------------------------------

    def add(self) -> bool:
        try:
            row = add_user(
                self.context.workspace,
                self.login.text(),
                self.checked_chapters(),
                admin=self.admin.isChecked(),
                display_name=self.display_name.text(),
            )
        except BascError as error:
            show_error(self, error, self.tr("Users"))
            return False
        self.reload(select=row.login)
        return True

    def save_chapters(self) -> bool:
        user = self.current_user()
        if user is None:
            return False
        try:
            row = set_chapters(self.context.workspace, user.login, self.checked_chapters())
        except BascError as error:
            show_error(self, error, self.tr("Users"))
            return False
        self.reload(select=row.login)
        return True

    def remove(self) -> bool:
        user = self.current_user()
        if user is None or not user.active:
            return False
        question = self.tr(
            "Remove {login}? They will no longer open this database; what they did stays "
            "in the history."
        ).format(login=user.login)
        if not prompts.ask(self, self.tr("Remove user"), question):
            return False
        try:
            row = deactivate(self.context.workspace, user.login)
        except BascError as error:
            show_error(self, error, self.tr("Users"))
            return False
        self.reload(select=row.login)
        return True
