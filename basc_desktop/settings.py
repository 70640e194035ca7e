"""Where the program keeps its data, and the coordinator's preferences.

One place for paths: the per-user data dir (overridable by ``--data-dir`` or the
``BASC_DATA_DIR`` environment variable), the database URL (``BASC_DATABASE_URL``
overrides the saved one), the logs, backups and attachments folders, the language
and the current chapter.  Tests point all of it at a temporary folder.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from basc_desktop.domain.errors import BascError
from basc_desktop.domain.text import translatable as _
from basc_desktop.store.engine import sqlite_url

APP_NAME = "basc-desktop"
APP_AUTHOR = "BASC"
SETTINGS_FILE = "settings.json"
DATABASE_FILE = "basc.sqlite"
DEMO_DATABASE_FILE = "demo.sqlite"
LANGUAGES = ("es", "en", "fr")
BACKUP_COUNTS = ("backups_keep_last", "backups_keep_daily", "backups_keep_weekly")


class SettingsError(BascError):
    """The data dir or the settings file cannot be used."""


@dataclass
class Preferences:
    """What the coordinator chooses in Preferences; saved as JSON in the data dir."""

    database_url: str = ""
    """Empty: the SQLite file in the data dir."""
    language: str = ""
    """Empty: follow the system locale."""
    chapter: str = ""
    """The chapter this coordinator works for; empty until chosen."""
    recent_databases: list[str] = field(default_factory=list)
    member_filters: dict[str, Any] = field(default_factory=dict)
    """The Members area's filters and order as last left (read back leniently)."""
    backups_keep_last: int = 10
    """Automatic backups kept: the newest this many, plus the daily and weekly ones."""
    backups_keep_daily: int = 7
    backups_keep_weekly: int = 4


@dataclass
class Settings:
    data_dir: Path
    preferences: Preferences
    database_url_override: str = ""

    @property
    def database_url(self) -> str:
        return (
            self.database_url_override
            or self.preferences.database_url
            or sqlite_url(self.data_dir / DATABASE_FILE)
        )

    @property
    def demo_database_url(self) -> str:
        return sqlite_url(self.data_dir / DEMO_DATABASE_FILE)

    @property
    def logs_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def log_file(self) -> Path:
        return self.logs_dir / "basc-desktop.log"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    @property
    def keys_dir(self) -> Path:
        return self.data_dir / "keys"

    @property
    def settings_file(self) -> Path:
        return self.data_dir / SETTINGS_FILE

    def save(self) -> None:
        """Write the preferences atomically: a crash leaves the old file or the new one."""
        text = json.dumps(asdict(self.preferences), indent=2, ensure_ascii=False)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=self.data_dir, delete=False, suffix=".tmp"
        ) as handle:
            handle.write(text)
        os.replace(handle.name, self.settings_file)


def default_data_dir() -> Path:
    return Path(user_data_dir(APP_NAME, APP_AUTHOR))


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir`` first, then ``BASC_DATA_DIR``, then the per-user data dir."""
    chosen = cli_value or os.environ.get("BASC_DATA_DIR") or default_data_dir()
    return Path(chosen).expanduser().resolve()


def load_settings(
    data_dir: str | os.PathLike[str] | None = None, *, database_url: str | None = None
) -> Settings:
    """Settings for ``data_dir`` (made if missing and checked writable)."""
    folder = resolve_data_dir(data_dir)
    ensure_writable_dir(folder)
    for sub in ("logs", "backups", "attachments", "keys"):
        ensure_writable_dir(folder / sub)
    override = database_url or os.environ.get("BASC_DATABASE_URL", "")
    return Settings(folder, _read_preferences(folder / SETTINGS_FILE), override)


def ensure_writable_dir(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SettingsError(
            _("The data folder {folder} cannot be created: {reason}."),
            folder=folder,
            reason=exc.strerror or exc,
        ) from exc
    if not os.access(folder, os.W_OK | os.X_OK):
        raise SettingsError(
            _("The data folder {folder} cannot be written. Choose another with --data-dir."),
            folder=folder,
        )


def _read_preferences(path: Path) -> Preferences:
    if not path.exists():
        return Preferences()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SettingsError(
            _("The settings file {path} cannot be read: {reason}. Fix or delete it."),
            path=path,
            reason=exc,
        ) from exc
    if not isinstance(raw, dict):
        raise SettingsError(
            _("The settings file {path} cannot be read: {reason}. Fix or delete it."),
            path=path,
            reason="not a JSON object",
        )
    known = {k: v for k, v in raw.items() if k in Preferences.__dataclass_fields__}
    prefs = Preferences(**known)
    if not isinstance(prefs.member_filters, dict):
        prefs.member_filters = {}
    for name in BACKUP_COUNTS:
        value = getattr(prefs, name)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1000:
            setattr(prefs, name, Preferences.__dataclass_fields__[name].default)
    if prefs.language and prefs.language not in LANGUAGES:
        prefs.language = ""
    return prefs
