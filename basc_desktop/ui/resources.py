"""The program's resources (icons, translations, fonts), from the source tree or a frozen build."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from basc_desktop.paths import resources_dir

__all__ = ["icon", "resources_dir"]


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``; an empty icon if the file is missing."""
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()
