"""Which language the program speaks, and loading its Qt translations.

The preference first, then ``BASC_LANGUAGE``, then the system's language; English (the
source language) when none of them is one we translate to.  Missing ``.qm`` files are
fine: the program then shows the English source text.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from basc_desktop.ui.resources import resources_dir
from basc_desktop.ui.text import SUPPORTED_LANGUAGES, set_language

log = logging.getLogger(__name__)

LANGUAGE_VARIABLE = "BASC_LANGUAGE"

_installed: list[QTranslator] = []


def choose_language(preference: str = "") -> str:
    system = QLocale.system().name().split("_")[0]
    for candidate in (preference, os.environ.get(LANGUAGE_VARIABLE, ""), system):
        code = candidate.strip().lower()[:2]
        if code in SUPPORTED_LANGUAGES:
            return code
    return "en"


def install_translations(language: str) -> list[str]:
    """Speak ``language`` from now on; returns the translation files that were loaded."""
    app = QCoreApplication.instance()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    set_language(language)
    loaded: list[str] = []
    sources = (
        (f"basc_{language}", str(resources_dir() / "translations")),
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    )
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(name, folder):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
            loaded.append(translator.filePath())
    log.info("language %s; translations loaded: %s", language, loaded or "none")
    return loaded
