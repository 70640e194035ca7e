"""The member editor, for a new member and to edit one: every field checked as it is typed.

Three tabs: the company's own fields, its contacts, and its other programs (C-TPAT,
AEO/OEA, ISO 28000), the last two as small tables edited in place.

Each change starts a short timer; when typing pauses, the whole form is checked by the
service (:func:`check_member`, which also looks for the tax ID in the register) and each
message is shown under its field, in the coordinator's language.  OK stays disabled
until the form is valid.  A tax ID already registered names the company that has it and
offers to open it (``open_member_requested``).  Saving an edit sends the version that
was read, so a change made meanwhile by someone else is refused with a clear message.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.domain.errors import BascError, StaleRecordError, ValidationError
from basc_desktop.domain.tax_ids import tax_id_label
from basc_desktop.domain.vocabulary import BusinessType
from basc_desktop.services.access import visible_chapters
from basc_desktop.services.member_forms import MemberInput, MemberRow
from basc_desktop.services.members import (
    check_member,
    create_member,
    get_member,
    member_input,
    update_member,
)
from basc_desktop.ui import changes, prompts
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.dialogs.optional_date import OptionalDate
from basc_desktop.ui.dialogs.rows_editor import ProgramsDelegate, RowsEditor
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.models.member_lists import ContactsModel, ProgramsModel
from basc_desktop.ui.text import business_type_label, error_text, message_text, translate

CHECK_DELAY_MS = 150
"""Typing pauses this long before the form is checked again."""
ERROR_STYLE = "color: #c62828;"
TEXT_FIELDS = ("legal_name", "trade_name", "tax_id", "address", "city", "phone", "email", "website")


@dataclass(frozen=True)
class Duplicate:
    """The member that already has the typed tax ID."""

    member_id: int
    company: str


class MemberEditor(QDialog):
    open_member_requested = Signal(int)
    """The coordinator asked to open the member that already has the typed tax ID."""
    saved = Signal(object)
    """The :class:`MemberRow` as saved."""

    def __init__(
        self, context: AppContext, member_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("memberEditor")
        self.context = context
        self.member_id = member_id
        self.version: int | None = None
        self.errors: dict[str, str] = {}
        self.duplicate: Duplicate | None = None
        self.saved_row: MemberRow | None = None
        self._touched: set[str] = set()
        self._loading = False
        self.setMinimumWidth(560)

        self.banner = QLabel()
        self.banner.setObjectName("editorBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(ERROR_STYLE + "font-weight: bold;")
        self.banner.hide()
        self.reload_button = QPushButton(self.tr("&Reload the member"))
        self.reload_button.setObjectName("reloadMember")
        self.reload_button.hide()
        self.reload_button.clicked.connect(self._reload)

        self.chapter = QComboBox()
        for chapter in visible_chapters(context.workspace):
            self.chapter.addItem(f"{chapter.code} — {chapter.name}", chapter.code)
        self.business_type = QComboBox()
        self.business_type.addItem(self.tr("Choose a business type…"), "")
        for kind in BusinessType:
            self.business_type.addItem(business_type_label(kind), kind.value)
        self.fields: dict[str, QLineEdit] = {}
        for name in TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(name)
            self.fields[name] = edit
        self.fields["phone"].setPlaceholderText("+57 601 555 0101")
        self.fields["email"].setPlaceholderText("name@company.com")
        self.fields["website"].setPlaceholderText("www.company.com")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        self.membership_start = OptionalDate("membership_start", context.workspace.today())
        self.contacts = RowsEditor(ContactsModel(), self.tr("&Add a contact"))
        self.programs = RowsEditor(ProgramsModel(), self.tr("&Add a program"))
        self.programs.table.setItemDelegate(ProgramsDelegate(context.workspace.today(), self))

        self.error_labels: dict[str, QLabel] = {}
        self.tax_id_label = QLabel()
        self.open_existing = QPushButton()
        self.open_existing.setObjectName("openExisting")
        self.open_existing.setFlat(True)
        self.open_existing.setStyleSheet("text-align: left; color: #1565c0;")
        self.open_existing.hide()
        self.open_existing.clicked.connect(self._open_existing)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Chapter:"), self._with_error("chapter_code", self.chapter))
        form.addRow(self.tr("&Legal name:"), self._with_error("legal_name"))
        form.addRow(self.tr("&Trade name:"), self._with_error("trade_name"))
        tax_box = self._with_error("tax_id", extra=self.open_existing)
        form.addRow(self.tax_id_label, tax_box)
        self.tax_id_label.setBuddy(self.fields["tax_id"])
        form.addRow(
            self.tr("&Business type:"), self._with_error("business_type", self.business_type)
        )
        form.addRow(self.tr("&Address:"), self._with_error("address"))
        form.addRow(self.tr("C&ity:"), self._with_error("city"))
        form.addRow(self.tr("&Phone:"), self._with_error("phone"))
        form.addRow(self.tr("&E-mail:"), self._with_error("email"))
        form.addRow(self.tr("&Website:"), self._with_error("website"))
        form.addRow(
            self.tr("&Member since:"), self._with_error("membership_start", self.membership_start)
        )
        form.addRow(self.tr("&Notes:"), self._with_error("notes", self.notes))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.reload_button, 0, Qt.AlignmentFlag.AlignLeft)
        company = QWidget()
        company.setLayout(form)
        self.tabs = QTabWidget()
        self.tabs.addTab(company, self.tr("C&ompany"))
        self.tabs.addTab(self.contacts, self.tr("Contact&s"))
        self.tabs.addTab(self.programs, self.tr("Other pro&grams"))
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)

        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.check)
        for name, edit in self.fields.items():
            edit.textChanged.connect(lambda _text, field=name: self._edited(field))
        self.notes.textChanged.connect(lambda: self._edited("notes"))
        self.membership_start.changed.connect(lambda: self._edited("membership_start"))
        self.contacts.edited.connect(lambda: self._edited("contacts"))
        self.programs.edited.connect(lambda: self._edited("programs"))
        self.business_type.currentIndexChanged.connect(lambda: self._edited("business_type"))
        self.chapter.currentIndexChanged.connect(self._chapter_changed)

        if member_id is None:
            self.setWindowTitle(self.tr("New member"))
            preferred = self.chapter.findData(context.settings.preferences.chapter)
            self.chapter.setCurrentIndex(max(preferred, 0))
        else:
            self._load(member_id)
        self._show_tax_id_label()
        self.ok_button.setEnabled(False)
        self.check()

    # --- building -------------------------------------------------------------------

    def _with_error(
        self, field: str, widget: QWidget | None = None, *, extra: QWidget | None = None
    ) -> QWidget:
        """``widget`` (the field's line edit if None) with its message label under it."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget if widget is not None else self.fields[field])
        label = QLabel()
        label.setObjectName(f"{field}Error")
        label.setWordWrap(True)
        label.setStyleSheet(ERROR_STYLE)
        label.hide()
        column.addWidget(label)
        if extra is not None:
            column.addWidget(extra)
        self.error_labels[field] = label
        return box

    def _load(self, member_id: int) -> None:
        detail = get_member(self.context.workspace, member_id)
        data = member_input(detail)
        self.version = detail.row.version
        self.setWindowTitle(self.tr("Edit {company}").format(company=data.legal_name))
        self._loading = True
        try:
            self.chapter.setCurrentIndex(max(self.chapter.findData(data.chapter_code), 0))
            self.business_type.setCurrentIndex(
                max(self.business_type.findData(str(data.business_type)), 0)
            )
            for name, edit in self.fields.items():
                edit.setText(str(getattr(data, name)))
            self.notes.setPlainText(data.notes)
            self.membership_start.set_value(data.membership_start)
            self.contacts.model.set_rows(data.contacts or ())
            self.programs.model.set_rows(data.programs or ())
        finally:
            self._loading = False
        self._touched = {*self.fields, "notes", "business_type", "chapter_code", "membership_start"}

    # --- what was typed -------------------------------------------------------------

    def member_input(self) -> MemberInput:
        return MemberInput(
            legal_name=self.fields["legal_name"].text(),
            tax_id=self.fields["tax_id"].text(),
            chapter_code=str(self.chapter.currentData() or ""),
            business_type=str(self.business_type.currentData() or ""),
            trade_name=self.fields["trade_name"].text(),
            address=self.fields["address"].text(),
            city=self.fields["city"].text(),
            phone=self.fields["phone"].text(),
            email=self.fields["email"].text(),
            website=self.fields["website"].text(),
            membership_start=self.membership_start.value(),
            notes=self.notes.toPlainText(),
            contacts=self.contacts.model.rows(),
            programs=self.programs.model.rows(),
        )

    def _country(self) -> str:
        code = str(self.chapter.currentData() or "")
        chapters = self.context.workspace.chapters
        return chapters.get(code).country_code if code in chapters else ""

    def _show_tax_id_label(self) -> None:
        try:
            name = translate(tax_id_label(self._country()))
        except ValidationError:
            name = self.tr("Tax ID")
        self.tax_id_label.setText(self.tr("{tax_id_name}:").format(tax_id_name=name))

    def _edited(self, field: str) -> None:
        if self._loading:
            return
        self._touched.add(field)
        self.ok_button.setEnabled(False)
        self.check_timer.start()

    def _chapter_changed(self) -> None:
        self._show_tax_id_label()
        if self.fields["tax_id"].text():
            self._touched.add("tax_id")  # checked again for the new country
        self._edited("chapter_code")

    # --- checking -------------------------------------------------------------------

    def check(self) -> bool:
        """Check the whole form now; show the messages of the fields already typed in."""
        self.check_timer.stop()
        data = self.member_input()
        errors: dict[str, str] = {}
        self.duplicate = None
        if not data.business_type:
            errors["business_type"] = self.tr("Choose the business type.")
        found = check_member(self.context.workspace, data, member_id=self.member_id)
        for field, error in found.items():
            if field == "business_type" and not data.business_type:
                continue
            errors[field] = message_text(error.message)
            if "existing_id" in error.message.params:
                self.duplicate = Duplicate(
                    int(error.message.params["existing_id"]),
                    str(error.message.params.get("company", "")),
                )
        self.errors = errors
        self._show_errors()
        valid = not errors
        self.ok_button.setEnabled(valid)
        return valid

    def _show_errors(self) -> None:
        for field, label in self.error_labels.items():
            text = self.errors.get(field, "") if field in self._touched else ""
            label.setText(text)
            label.setVisible(bool(text))
        # The lists' rows were all typed (or loaded) on purpose: their problems always show.
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for position, rows in ((1, self.contacts), (2, self.programs)):
            self.tabs.setTabIcon(position, warning if rows.show_errors(self.errors) else QIcon())
        self._grow()
        duplicate = self.duplicate is not None and "tax_id" in self._touched
        if self.duplicate is not None:
            self.open_existing.setText(
                self.tr("Open {company}").format(company=self.duplicate.company)
            )
        self.open_existing.setVisible(duplicate)

    def _grow(self) -> None:
        """Make room for the messages just shown (the tabs do not grow the dialog alone)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        wanted = self.sizeHint().height()
        if self.isVisible() and self.height() < wanted:
            self.resize(self.width(), wanted)

    def _open_existing(self) -> None:
        if self.duplicate is None:
            return
        member_id = self.duplicate.member_id
        self.reject()
        self.open_member_requested.emit(member_id)

    # --- saving ---------------------------------------------------------------------

    def accept(self) -> None:
        if not self.check():
            self._touched.update(self.error_labels)
            self._show_errors()
            return
        ws = self.context.workspace
        try:
            if self.member_id is None:
                row = create_member(ws, self.member_input())
            else:
                assert self.version is not None
                row = update_member(
                    ws, self.member_id, self.member_input(), expected_version=self.version
                )
        except ValidationError as error:
            self._touched.add(error.field)
            self.errors[error.field] = error_text(error)
            self._show_errors()
            self.ok_button.setEnabled(False)
            return
        except StaleRecordError as error:
            self.banner.setText(error_text(error))
            self.banner.show()
            self.reload_button.show()
            self.ok_button.setEnabled(False)
            prompts.warn(self, self.tr("Not saved"), error_text(error))
            return
        except BascError as error:
            show_error(self, error, self.tr("Not saved"))
            return
        self.saved_row = row
        self.context.changes.announce(changes.MEMBERS)
        self.saved.emit(row)
        super().accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter right after typing: check what was typed before OK decides.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.check_timer.isActive():
            self.check()
        super().keyPressEvent(event)

    def _reload(self) -> None:
        """Read the member again (someone else saved it) and start over from it."""
        if self.member_id is None:
            return
        self._load(self.member_id)
        self.banner.hide()
        self.reload_button.hide()
        self.check()
