"""Consistent copies of an SQLite database file, made with SQLite's online backup API."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path


def copy_database(source: Path, destination: Path) -> Path:
    """Copy ``source`` to ``destination`` page by page, consistent even while in use."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(destination)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return destination


def backup_name(source: Path, label: str, now: datetime | None = None) -> str:
    """``basc.2026-11-29T101500.before-upgrade.sqlite`` for ``basc.sqlite``."""
    stamp = (now or datetime.now()).strftime("%Y-%m-%dT%H%M%S")
    return f"{source.stem}.{stamp}.{label}{source.suffix or '.sqlite'}"
