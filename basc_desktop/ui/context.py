"""What every screen of the main window shares: the open workspace, settings and changes."""

from __future__ import annotations

from dataclasses import dataclass

from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import Settings
from basc_desktop.ui.changes import ChangeHub


@dataclass
class AppContext:
    workspace: Workspace
    """Replaced when another database is opened; ``changes`` then announces WORKSPACE."""
    settings: Settings
    changes: ChangeHub
