"""Developer tool: write a new Alembic revision for what changed in the models.

Usage: ``python -m basc_desktop.store.new_revision "what changed"``.  It upgrades a
scratch SQLite file to the current head and lets Alembic compare it with the models.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from basc_desktop.store.engine import make_engine, sqlite_url
from basc_desktop.store.schema import alembic_config, head_revision, upgrade


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not argv[0].strip():
        print('usage: python -m basc_desktop.store.new_revision "what changed"', file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        url = sqlite_url(Path(scratch) / "scratch.sqlite")
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        number = int(head_revision()) + 1
        command.revision(
            alembic_config(url), message=argv[0], autogenerate=True, rev_id=f"{number:04d}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
