"""Shared fixtures: real databases (SQLite, and PostgreSQL when CI names one), chapters, settings.

The Qt platform is set here, by the test configuration, so GUI tests run without a screen.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import text

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("BASC_LANGUAGE", "en")

from basc_desktop.chapters import ChapterRegistry, default_chapters_dir, load_chapters
from basc_desktop.services.opening import open_workspace
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import Settings, load_settings
from basc_desktop.store.engine import make_engine, sqlite_url
from basc_desktop.store.models import Base
from basc_desktop.store.schema import upgrade

# Property tests judge correctness, not speed: a slow CI machine must not fail them.
hypothesis_settings.register_profile("basc", deadline=None, print_blob=True)
hypothesis_settings.load_profile("basc")

TODAY = date(2026, 6, 15)
"""The date the services see in tests: fixed, so statuses and deadlines do not drift."""

POSTGRES_URL = os.environ.get("BASC_TEST_DATABASE_URL", "")

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
"""PNG renderings of screens and certificates, for people to look at."""


@pytest.fixture(scope="session")
def chapters() -> ChapterRegistry:
    return load_chapters(default_chapters_dir())


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file migrated to the newest schema once; each test gets a copy."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    engine = make_engine(sqlite_url(path))
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(tmp_path / "data")


def _clean_postgres(url: str) -> None:
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
            conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def postgres_url() -> str:
    if not POSTGRES_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must run the store tests on PostgreSQL: set BASC_TEST_DATABASE_URL")
        pytest.skip("BASC_TEST_DATABASE_URL is not set (CI always sets it)")
    engine = make_engine(POSTGRES_URL)
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        upgrade(engine)
    finally:
        engine.dispose()
    return POSTGRES_URL


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def database_url(request: pytest.FixtureRequest, sqlite_template: Path, tmp_path: Path) -> str:
    """A fresh, migrated, empty database: an SQLite copy, or the cleaned PostgreSQL one."""
    if request.param == "sqlite":
        path = tmp_path / "basc.sqlite"
        shutil.copyfile(sqlite_template, path)
        return sqlite_url(path)
    url: str = request.getfixturevalue("postgres_url")
    _clean_postgres(url)
    return url


def _workspace(settings: Settings, chapters: ChapterRegistry, url: str) -> Iterator[Workspace]:
    ws = open_workspace(settings, chapters, url=url)
    ws.user = "tester"
    ws.clock = lambda: TODAY
    try:
        yield ws
    finally:
        ws.db.close()


@pytest.fixture
def workspace(
    settings: Settings, chapters: ChapterRegistry, database_url: str
) -> Iterator[Workspace]:
    """Services over a fresh database, on SQLite and (in CI) on PostgreSQL."""
    yield from _workspace(settings, chapters, database_url)


@pytest.fixture
def sqlite_workspace(
    settings: Settings, chapters: ChapterRegistry, sqlite_template: Path, tmp_path: Path
) -> Iterator[Workspace]:
    """Services over a fresh SQLite database only (GUI tests, file-level tests)."""
    path = tmp_path / "basc.sqlite"
    shutil.copyfile(sqlite_template, path)
    yield from _workspace(settings, chapters, sqlite_url(path))


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
