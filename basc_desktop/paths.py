"""Where the program's shipped files are: ``resources/`` and ``chapters/``.

From a source checkout they sit beside the package; in a frozen build (PyInstaller)
inside the bundle.  The per-user data folder is :mod:`basc_desktop.settings`' job.
"""

from __future__ import annotations

import sys
from pathlib import Path


def install_root() -> Path:
    """The folder that holds ``resources/`` and ``chapters/``."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return install_root() / "resources"


def shipped_chapters_dir() -> Path:
    return install_root() / "chapters"
