"""SIGKILL in the middle of a large import: the members are all there or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.services.workspace import Workspace
from tests.crash.scenario import (
    counts,
    imported_members,
    integrity_ok,
    kill_at,
    members_file,
    reopened,
)

pytestmark = pytest.mark.crash

ROWS = 2_000


@pytest.mark.parametrize(
    ("stop_at", "marker"),
    [
        ({"written": 1_000}, "stopped"),  # a third of the members written, not committed
        ({"commit": 1}, "stopped"),  # every member written, the commit not yet sent
    ],
    ids=["mid-write", "before-commit"],
)
def test_a_killed_import_leaves_nothing_half_written(
    workspace: Workspace,
    database_url: str,
    chapters: ChapterRegistry,
    tmp_path: Path,
    stop_at: dict[str, int],
    marker: str,
) -> None:
    imported_members(workspace, tmp_path, 20, seed=7)
    before = counts(workspace)
    assert before == (20, 20)
    task = {
        "task": "import",
        "url": database_url,
        "data_dir": str(tmp_path / "child"),
        "file": str(members_file(tmp_path / "grande.csv", ROWS, seed=8)),
        "stop_at": stop_at,
    }
    lines = kill_at(task, marker)
    assert lines[-1] == "stopped"
    if "written" in stop_at:
        assert lines[-2] == f"progress 1000 {ROWS}"  # killed while writing, really

    integrity_ok(database_url)
    ws = reopened(chapters, database_url, tmp_path / "after")
    try:
        assert counts(ws) == before
    finally:
        ws.db.close()
