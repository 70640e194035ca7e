"""What every service needs: the open database, the chapters, who is working, and today."""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

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

    def today(self) -> date:
        return self.clock()
