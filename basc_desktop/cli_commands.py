"""What each ``basc`` command does: thin calls into the services."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from basc_desktop.chapters import default_chapters_dir, load_chapters
from basc_desktop.settings import load_settings
from basc_desktop.store.engine import display_url, make_engine
from basc_desktop.store.schema import current_revision, head_revision


def gui(args: argparse.Namespace) -> int:
    from basc_desktop.ui.app import run_gui

    return run_gui(data_dir=args.data_dir, database_url=args.database_url, demo=args.demo)


def demo(args: argparse.Namespace) -> int:
    from basc_desktop.services.demo import create_demo_database

    if args.companies < 1:
        print("basc: --companies must be at least 1", file=sys.stderr)
        return 2
    settings = load_settings(args.data_dir)
    chapters = load_chapters(default_chapters_dir())
    url = args.database_url or settings.demo_database_url

    def progress(done: int, total: int) -> None:
        print(f"\r{done:,} of {total:,} companies", end="", file=sys.stderr, flush=True)

    summary = create_demo_database(
        settings,
        chapters,
        companies=args.companies,
        seed=args.seed,
        url=url,
        progress=progress if sys.stderr.isatty() else None,
    )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(
        f"Demo database ready at {display_url(url)}: {summary.companies:,} companies, "
        f"{summary.audits:,} audits, {summary.certificates:,} certificates."
    )
    return 0


def db(args: argparse.Namespace) -> int:
    from basc_desktop.services.opening import open_workspace

    settings = load_settings(args.data_dir)
    url = args.database_url or settings.database_url
    if args.db_command == "status":
        engine = make_engine(url)
        try:
            with engine.connect() as connection:
                revision = current_revision(connection)
        finally:
            engine.dispose()
        state = "up to date" if revision == head_revision() else "needs upgrade"
        print(
            f"{display_url(url)}: schema {revision or 'none'} ({state}; newest {head_revision()})"
        )
        return 0
    if args.db_command == "init":
        _refuse_an_older_schema(url)
    chapters = load_chapters(default_chapters_dir())
    workspace = open_workspace(settings, chapters, url=url)
    workspace.db.close()
    print(f"{display_url(url)}: schema {head_revision()}, {len(chapters)} chapters.")
    return 0


def _refuse_an_older_schema(url: str) -> None:
    """``db init`` makes a schema; it does not upgrade one made by an older version."""
    from basc_desktop.domain.errors import BascError
    from basc_desktop.domain.text import translatable as _
    from basc_desktop.store.schema import known_revisions

    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            revision = current_revision(connection)
    finally:
        engine.dispose()
    if revision is not None and revision != head_revision() and revision in known_revisions():
        raise BascError(
            _(
                "The database {where} already holds BASC tables at schema {revision}: "
                "use “basc db upgrade” to bring it to schema {head}."
            ),
            where=display_url(url),
            revision=revision,
            head=head_revision(),
        )


def chapters(args: argparse.Namespace) -> int:
    registry = load_chapters(default_chapters_dir())
    if args.check:
        print(f"{len(registry)} chapter files are valid.")
        return 0
    for chapter in registry:
        print(f"{chapter.code:8} {chapter.country_code}  {chapter.name} ({chapter.city})")
    return 0


def screenshot(args: argparse.Namespace) -> int:
    """Pictures of every area on the demo database (built first if missing)."""
    import os

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from basc_desktop.services.demo import create_demo_database
    from basc_desktop.services.opening import open_workspace
    from basc_desktop.store.engine import sqlite_path
    from basc_desktop.ui.app import create_application
    from basc_desktop.ui.areas.registry import AREAS
    from basc_desktop.ui.screenshot import screenshot_main_window
    from basc_desktop.ui.translation import install_translations

    settings = load_settings(args.data_dir)
    chapters = load_chapters(default_chapters_dir())
    url = args.database_url or settings.demo_database_url
    demo_file = sqlite_path(url)
    if demo_file is not None and not demo_file.exists():
        create_demo_database(settings, chapters, url=url)
    workspace = open_workspace(settings, chapters, url=url)
    create_application()
    install_translations(args.language)
    prefix = "main-window" if args.language == "en" else f"main-window-{args.language}"
    try:
        written = screenshot_main_window(
            workspace,
            settings,
            Path(args.output),
            areas=[area.key for area in AREAS],
            prefix=prefix,
        )
    finally:
        workspace.db.close()
    for path in written:
        print(path)
    return 0
