"""``basc db init|upgrade|status --url``: an administrator prepares a shared database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from basc_desktop.cli import main
from basc_desktop.store.engine import make_engine, sqlite_url
from basc_desktop.store.schema import current_revision, head_revision, upgrade


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database without any table; PostgreSQL is put back at head afterwards."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "shared.sqlite")
        return
    url: str = request.getfixturevalue("postgres_url")
    engine = make_engine(url)

    def wipe() -> None:
        with engine.begin() as conn:  # tables, triggers and events_refuse_change() go too
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))

    try:
        wipe()
        yield url
    finally:
        wipe()
        upgrade(engine)
        engine.dispose()


def _db(action: str, url: str, data: Path) -> int:
    return main(["db", action, "--data-dir", str(data), "--url", url])


def _revision(url: str) -> str | None:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return current_revision(connection)
    finally:
        engine.dispose()


def test_init_makes_the_schema_of_an_empty_database(
    empty_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _db("status", empty_url, tmp_path) == 0
    assert "schema none (needs upgrade" in capsys.readouterr().out
    assert _db("init", empty_url, tmp_path) == 0
    assert f"schema {head_revision()}" in capsys.readouterr().out
    assert _db("status", empty_url, tmp_path) == 0
    assert f"schema {head_revision()} (up to date" in capsys.readouterr().out
    assert _db("init", empty_url, tmp_path) == 0  # again: nothing to do, no harm


def test_upgrade_brings_an_0004_database_to_head_and_init_refuses_it(
    empty_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = make_engine(empty_url)
    try:
        upgrade(engine, "0004")
        with engine.begin() as conn:
            conn.execute(
                text("INSERT INTO chapters (code, name, country) VALUES ('sv', 'BASC SV', 'SV')")
            )
    finally:
        engine.dispose()

    assert _db("init", empty_url, tmp_path) == 2
    err = capsys.readouterr().err
    assert "already holds BASC tables at schema 0004" in err
    assert "use “basc db upgrade”" in err
    assert _revision(empty_url) == "0004"  # refused: nothing changed

    assert _db("upgrade", empty_url, tmp_path) == 0
    assert _db("status", empty_url, tmp_path) == 0
    assert f"schema {head_revision()} (up to date" in capsys.readouterr().out
    engine = make_engine(empty_url)
    try:
        with engine.connect() as conn:
            names = conn.execute(text("SELECT code FROM chapters ORDER BY code")).scalars().all()
    finally:
        engine.dispose()
    assert "sv" in names  # the old chapter is kept beside the synced ones
