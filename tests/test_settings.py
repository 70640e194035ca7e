"""One place for paths: the data folder, its overrides, and the saved preferences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from basc_desktop.settings import SettingsError, load_settings, resolve_data_dir
from basc_desktop.store.engine import sqlite_path


def test_data_dir_comes_from_the_option_then_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BASC_DATA_DIR", str(tmp_path / "from-env"))
    assert resolve_data_dir(tmp_path / "from-option") == tmp_path / "from-option"
    assert resolve_data_dir(None) == tmp_path / "from-env"
    monkeypatch.delenv("BASC_DATA_DIR")
    assert resolve_data_dir(None).name == "basc-desktop"


def test_new_data_dir_gets_its_folders_and_a_sqlite_database_inside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BASC_DATABASE_URL", raising=False)
    settings = load_settings(tmp_path / "data")
    for folder in ("logs", "backups", "attachments", "keys"):
        assert (tmp_path / "data" / folder).is_dir()
    assert sqlite_path(settings.database_url) == tmp_path / "data" / "basc.sqlite"
    assert settings.log_file.parent == tmp_path / "data" / "logs"


def test_database_url_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BASC_DATABASE_URL", raising=False)
    settings = load_settings(tmp_path)
    settings.preferences.database_url = "postgresql+psycopg://ana@server/basc"
    settings.save()
    assert load_settings(tmp_path).database_url == "postgresql+psycopg://ana@server/basc"
    monkeypatch.setenv("BASC_DATABASE_URL", "sqlite:////tmp/other.sqlite")
    assert load_settings(tmp_path).database_url == "sqlite:////tmp/other.sqlite"
    assert (
        load_settings(tmp_path, database_url="sqlite:////tmp/cli.sqlite").database_url
        == "sqlite:////tmp/cli.sqlite"
    )


def test_preferences_survive_a_restart(tmp_path: Path) -> None:
    settings = load_settings(tmp_path)
    settings.preferences.language = "fr"
    settings.preferences.chapter = "ht"
    settings.save()
    again = load_settings(tmp_path)
    assert (again.preferences.language, again.preferences.chapter) == ("fr", "ht")
    assert json.loads((tmp_path / "settings.json").read_text())["chapter"] == "ht"
    assert not list(tmp_path.glob("*.tmp"))


def test_unknown_language_falls_back_to_the_system(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text('{"language": "klingon", "extra": 1}')
    assert load_settings(tmp_path).preferences.language == ""


def test_damaged_settings_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text("{not json")
    with pytest.raises(SettingsError) as caught:
        load_settings(tmp_path)
    assert str(tmp_path / "settings.json") in str(caught.value)


def test_data_dir_that_cannot_be_made_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(SettingsError) as caught:
        load_settings(blocker / "data")
    assert str(blocker / "data") in str(caught.value)
