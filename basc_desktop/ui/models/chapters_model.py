"""The loaded chapters, one line each, with the settings that shape their work."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.domain.chapter import Chapter
from basc_desktop.ui.text import country_name

AnyIndex = QModelIndex | QPersistentModelIndex
CHAPTER_ROLE = Qt.ItemDataRole.UserRole + 1

COLUMNS: tuple[tuple[str, str], ...] = (
    ("code", str(QT_TRANSLATE_NOOP("ChaptersModel", "Code"))),
    ("name", str(QT_TRANSLATE_NOOP("ChaptersModel", "Name"))),
    ("country", str(QT_TRANSLATE_NOOP("ChaptersModel", "Country"))),
    ("city", str(QT_TRANSLATE_NOOP("ChaptersModel", "City"))),
    ("paper", str(QT_TRANSLATE_NOOP("ChaptersModel", "Paper"))),
    ("languages", str(QT_TRANSLATE_NOOP("ChaptersModel", "Languages"))),
    ("certificate_code", str(QT_TRANSLATE_NOOP("ChaptersModel", "Certificate code"))),
    ("validity", str(QT_TRANSLATE_NOOP("ChaptersModel", "Validity"))),
    ("deadlines", str(QT_TRANSLATE_NOOP("ChaptersModel", "Corrective actions"))),
)


def example_certificate_code(chapter: Chapter) -> str:
    """The chapter's certificate code pattern, filled in for member 42, site 1, issue 1."""
    return chapter.certificate_code.format(
        country3=chapter.country.alpha3,
        country2=chapter.country.alpha2,
        city_code=chapter.city_code,
        company=42,
        site=1,
        issue=1,
    )


def cell(chapter: Chapter, key: str) -> str:
    match key:
        case "code":
            return chapter.code
        case "name":
            return chapter.name
        case "country":
            return country_name(chapter.country_code)
        case "city":
            return chapter.city
        case "paper":
            return (
                QCoreApplication.translate("ChaptersModel", "Letter")
                if (chapter.paper == "letter")
                else "A4"
            )
        case "languages":
            return ", ".join(chapter.languages)
        case "certificate_code":
            return example_certificate_code(chapter)
        case "validity":
            return QCoreApplication.translate("ChaptersModel", "{months} months").format(
                months=chapter.validity_months
            )
        case "deadlines":
            return QCoreApplication.translate(
                "ChaptersModel", "major {major} d, minor {minor} d"
            ).format(major=chapter.deadlines.major, minor=chapter.deadlines.minor)
    raise KeyError(key)


class ChaptersModel(QAbstractTableModel):
    def __init__(self, chapters: ChapterRegistry) -> None:
        super().__init__()
        self._chapters = list(chapters)

    def set_chapters(self, chapters: ChapterRegistry) -> None:
        self.beginResetModel()
        self._chapters = list(chapters)
        self.endResetModel()

    def chapter_at(self, index: AnyIndex) -> Chapter | None:
        if not index.isValid() or not 0 <= index.row() < len(self._chapters):
            return None
        return self._chapters[index.row()]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._chapters)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        chapter = self.chapter_at(index)
        if chapter is None or not 0 <= index.column() < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell(chapter, COLUMNS[index.column()][0])
        if role == Qt.ItemDataRole.ToolTipRole:
            if COLUMNS[index.column()][0] == "certificate_code":
                return QCoreApplication.translate("ChaptersModel", "Pattern: {pattern}").format(
                    pattern=chapter.certificate_code
                )
            return str(chapter.source) if chapter.source else None
        if role == CHAPTER_ROLE:
            return chapter
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return QCoreApplication.translate("ChaptersModel", COLUMNS[section][1])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
