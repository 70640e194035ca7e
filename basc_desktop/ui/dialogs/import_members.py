"""Import members from an Excel workbook or a CSV file, in three steps.

1. **Mapping**: each column of the file with the field it is read into (guessed from
   its header, changeable), the first rows as they will be read, the chapter of rows
   that name none, and what to do with members already registered (skip or update).
2. **Report**: every row is checked off the GUI thread (progress and Cancel); every
   problem is listed by row and column, and the list can be saved as .xlsx.
3. **Import**: only when no row has an error; every row is written in one transaction
   (all or nothing), then a message says how many were added, updated and skipped.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.domain.errors import BascError, ValidationError
from basc_desktop.domain.import_headers import IMPORT_FIELDS
from basc_desktop.reports.sheet_cells import column_letter
from basc_desktop.services.access import visible_chapters
from basc_desktop.services.import_checks import check_mapping
from basc_desktop.services.import_forms import ImportPreview, ImportReport
from basc_desktop.services.import_report import report_summary, save_report_xlsx
from basc_desktop.services.imports import check_import, read_import, run_import
from basc_desktop.ui import changes, prompts
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.models.import_preview_model import ImportPreviewModel
from basc_desktop.ui.models.import_report_model import COLUMN_INDEX, ImportReportModel
from basc_desktop.ui.operations import Operation
from basc_desktop.ui.tables import read_only_table
from basc_desktop.ui.text import error_text, format_count, message_text, translate

CONTEXT = "ImportMembersDialog"
MAPPING_PAGE, REPORT_PAGE = 0, 1


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class ImportMembersDialog(QDialog):
    def __init__(
        self, context: AppContext, preview: ImportPreview, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importMembersDialog")
        self.context = context
        self.preview = preview
        self.report: ImportReport | None = None
        """The last check of the file with the current mapping; None once it changes."""
        self.operation: Operation | None = None
        self.setWindowTitle(self.tr("Import members"))
        self.resize(980, 640)

        self.file_label = QLabel(
            self.tr("{file}: sheet “{sheet}”, header on row {row}.").format(
                file=preview.path.name, sheet=preview.sheet_name, row=preview.header_row
            )
        )
        self.pages = QStackedWidget()
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._report_page())

        self.back_button = QPushButton(self.tr("&Back to the columns"))
        self.check_button = QPushButton(self.tr("&Check the file"))
        self.import_button = QPushButton(self.tr("&Import"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self.back_button, self.check_button, self.import_button):
            button.setAutoDefault(False)
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.back_button.clicked.connect(self.show_mapping)
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.run)

        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self._mapping_changed()
        self.show_mapping()

    # --- the mapping page ----------------------------------------------------------------

    def _mapping_page(self) -> QWidget:
        headers = self.preview.headers
        self.columns = QTableWidget(len(headers), 3)
        self.columns.setObjectName("importColumns")
        self.columns.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Header in the file"), self.tr("Read as")]
        )
        self.columns.verticalHeader().setVisible(False)
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.combos: list[QComboBox] = []
        for column, header in enumerate(headers):
            self.columns.setItem(column, 0, QTableWidgetItem(column_letter(column)))
            self.columns.setItem(column, 1, QTableWidgetItem(header))
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), "")
            for field in IMPORT_FIELDS:
                combo.addItem(translate(field.label), field.key)
            combo.setCurrentIndex(max(0, combo.findData(self.preview.mapping.get(column, ""))))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.columns.setCellWidget(column, 2, combo)
            self.combos.append(combo)
        header_view = self.columns.horizontalHeader()
        header_view.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header_view.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header_view.resizeSection(2, 220)

        self.preview_model = ImportPreviewModel(self.preview)
        self.preview_table = read_only_table(self.preview_model)
        self.preview_table.setObjectName("importPreview")
        self.preview_table.verticalHeader().setVisible(True)

        self.default_chapter = QComboBox()
        self.default_chapter.setObjectName("defaultChapter")
        self.default_chapter.addItem(self.tr("None: every row names its chapter"), "")
        for chapter in visible_chapters(self.context.workspace):
            self.default_chapter.addItem(f"{chapter.code} — {chapter.name}", chapter.code)
        self.default_chapter.currentIndexChanged.connect(self._mapping_changed)
        self.skip_existing = QRadioButton(self.tr("&Skip them"))
        self.update_existing = QRadioButton(self.tr("&Update them with the file's data"))
        self.skip_existing.setChecked(True)
        self.policy = QButtonGroup(self)
        for button in (self.skip_existing, self.update_existing):
            self.policy.addButton(button)
        self.policy.buttonToggled.connect(lambda _button, _on: self._forget_report())
        policy = QHBoxLayout()
        policy.addWidget(self.skip_existing)
        policy.addWidget(self.update_existing)
        policy.addStretch(1)
        options = QFormLayout()
        options.addRow(self.tr("Chapter of rows without one:"), self.default_chapter)
        options.addRow(self.tr("Members already registered:"), policy)

        self.mapping_problem = QLabel()
        self.mapping_problem.setObjectName("mappingProblem")
        self.mapping_problem.setStyleSheet("color: #a4262c;")
        self.mapping_problem.setWordWrap(True)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Which field each column of the file is read into:")))
        layout.addWidget(self.columns, 2)
        layout.addWidget(QLabel(self.tr("The first rows, as they will be read:")))
        layout.addWidget(self.preview_table, 3)
        layout.addLayout(options)
        layout.addWidget(self.mapping_problem)
        return page

    def mapping(self) -> dict[int, str]:
        """Column → field, as chosen now (columns not imported left out)."""
        return {
            column: combo.currentData()
            for column, combo in enumerate(self.combos)
            if combo.currentData()
        }

    def chosen_default_chapter(self) -> str | None:
        return self.default_chapter.currentData() or None

    def set_field(self, column: int, key: str) -> None:
        """Read ``column`` into the field ``key`` ("" leaves the column out)."""
        combo = self.combos[column]
        combo.setCurrentIndex(combo.findData(key))

    def _mapping_changed(self) -> None:
        self.preview_model.set_mapping(self.mapping())
        try:
            check_mapping(
                self.context.workspace.chapters, self.mapping(), self.chosen_default_chapter()
            )
        except ValidationError as error:
            self.mapping_problem.setText(error_text(error))
        else:
            self.mapping_problem.clear()
        self._forget_report()

    def _forget_report(self) -> None:
        self.report = None
        self._update_buttons()

    # --- the report page -----------------------------------------------------------------

    def _report_page(self) -> QWidget:
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.report_model = ImportReportModel()
        self.report_table = read_only_table(self.report_model)
        self.report_table.setObjectName("importReport")
        header = self.report_table.horizontalHeader()
        for key, width in (("row", 60), ("column", 60), ("header", 180), ("kind", 70)):
            header.resizeSection(COLUMN_INDEX[key], width)
        header.setStretchLastSection(True)
        self.save_button = QPushButton(self.tr("&Save report as .xlsx…"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save_report)
        saving = QHBoxLayout()
        saving.addStretch(1)
        saving.addWidget(self.save_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.report_table, 1)
        layout.addLayout(saving)
        return page

    def show_mapping(self) -> None:
        self.pages.setCurrentIndex(MAPPING_PAGE)
        self._update_buttons()

    def show_report(self, report: ImportReport) -> None:
        self.report = report
        self.report_model.set_report(report)
        text = report_summary(report, message_text)
        if report.problems_left_off:
            text += " " + self.tr("Only the first {shown} problems are listed.").format(
                shown=format_count(len(report.problems))
            )
        if not report.ok:
            text += " " + self.tr(
                "Correct the file and check it again:"
                " nothing can be imported while a row has an error."
            )
        elif report.to_add + report.to_update == 0:
            text += " " + self.tr("There is nothing to import.")
        self.summary.setText(text)
        self.pages.setCurrentIndex(REPORT_PAGE)
        self._update_buttons()

    def _update_buttons(self) -> None:
        on_report = self.pages.currentIndex() == REPORT_PAGE
        busy = self.operation is not None and self.operation.running
        valid = not self.mapping_problem.text()
        self.back_button.setVisible(on_report)
        self.check_button.setVisible(not on_report)
        self.check_button.setEnabled(valid and not busy)
        report = self.report
        ready = report is not None and report.ok and report.to_add + report.to_update > 0
        self.import_button.setVisible(on_report)
        self.import_button.setEnabled(on_report and ready and not busy)
        self.save_button.setEnabled(report is not None and bool(report.problems))

    # --- the work ------------------------------------------------------------------------

    def _start(self, operation: Operation) -> Operation:
        self.operation = operation
        operation.finished.connect(self._update_buttons)
        operation.start()
        self._update_buttons()
        return operation

    def check(self) -> Operation:
        """Check every row off the GUI thread, then show the report."""
        ws, path, mapping = self.context.workspace, self.preview.path, self.mapping()
        update, default = self.update_existing.isChecked(), self.chosen_default_chapter()
        operation = Operation(
            lambda r: check_import(
                ws, path, mapping, update_existing=update, default_chapter=default,
                progress=r.progress, cancelled=r.cancelled,
            ),
            parent=self,
            title=self.tr("Import members"),
            label=self.tr("Checking {file}…").format(file=path.name),
        )  # fmt: skip
        return self._start(operation.on_success(self.show_report))

    def run(self) -> Operation | None:
        """Write every row in one transaction (it checks the file again first)."""
        if self.report is None or not self.report.ok:
            return None
        ws, path, mapping = self.context.workspace, self.preview.path, self.mapping()
        update, default = self.report.update_existing, self.chosen_default_chapter()
        operation = Operation(
            lambda r: run_import(
                ws, path, mapping, update_existing=update, default_chapter=default,
                progress=r.progress, cancelled=r.cancelled,
            ),
            parent=self,
            title=self.tr("Import members"),
            label=self.tr("Importing {file}…").format(file=path.name),
        )  # fmt: skip
        return self._start(operation.on_success(self._imported))

    def _imported(self, report: ImportReport) -> None:
        if not report.written:
            self.show_report(report)  # the members changed since the check
            return
        self.context.changes.announce(changes.MEMBERS)
        prompts.inform(
            self,
            self.tr("Import members"),
            self.tr(
                "{added} members added, {updated} updated and {skipped} skipped from {file}."
            ).format(
                added=format_count(report.to_add),
                updated=format_count(report.to_update),
                skipped=format_count(report.to_skip),
                file=report.path.name,
            ),
        )
        self.accept()

    def save_report(self) -> Path | None:
        report = self.report
        if report is None:
            return None
        suggested = report.path.with_name(f"{report.path.stem}-report.xlsx")
        chosen = prompts.choose_save_file(
            self,
            self.tr("Save the import report"),
            str(suggested),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if chosen is None:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            save_report_xlsx(report, path, message_text)
        except BascError as error:
            show_error(self, error)
            return None
        except OSError as error:
            prompts.warn(
                self,
                self.tr("Save the import report"),
                self.tr("The report cannot be saved to {path}: {reason}").format(
                    path=path, reason=error.strerror or error
                ),
            )
            return None
        return path


def open_import_dialog(
    parent: QWidget | None, context: AppContext, preview: ImportPreview
) -> ImportMembersDialog:
    dialog = ImportMembersDialog(context, preview, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def import_members_from_file(parent: QWidget, context: AppContext) -> Operation | None:
    """Ask for the file, read its first rows off the GUI thread, then open the import.

    None if the coordinator chose no file; a file that cannot be read is refused with a
    message that names it.
    """
    chosen = prompts.choose_file(
        parent,
        _tr("Import members"),
        str(Path.home()),
        _tr("Spreadsheets (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CSV files (*.csv)"),
    )
    if chosen is None:
        return None
    path = Path(chosen)
    operation = Operation(
        lambda _reporter: read_import(path),
        parent=parent,
        title=_tr("Import members"),
        label=_tr("Reading {file}…").format(file=path.name),
        cancellable=False,
    )
    operation.on_success(lambda preview: open_import_dialog(parent, context, preview))
    operation.on_failure(lambda error: show_error(parent, error, _tr("Import members")))
    return operation.start()
