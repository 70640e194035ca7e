"""What every service needs: the open database, the chapters, who is working, and today."""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.store.engine import Database


def login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # pragma: no cover - no user name on some systems
        return "unknown"


@dataclass
class Workspace:
    db: Database
    chapters: ChapterRegistry
    user: str = field(default_factory=login_name)
    clock: Callable[[], date] = date.today
    """Today's date; tests freeze it."""
    data_dir: Path | None = None
    """This PC's data folder (settings, keys, attachments); None only in bare tests."""
    scope: frozenset[str] | None = None
    """The chapter codes this user may see and change; None: every chapter (one PC,
    an administrator, or a database without users).  See ``services/access.py``."""

    def today(self) -> date:
        return self.clock()

    def data_folder(self, name: str) -> Path:
        """A folder of the data dir (``keys``, ``attachments``…), made if missing."""
        if self.data_dir is None:
            raise RuntimeError("this workspace was opened without a data folder")
        folder = self.data_dir / name
        folder.mkdir(parents=True, exist_ok=True)
        return folder
