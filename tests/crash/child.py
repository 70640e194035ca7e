"""A BASC program doing one long job, run by the crash and parallel tests.

    python -m tests.crash.child '{"task": "import", "url": …, "data_dir": …, …}'

Tasks: ``import`` (``file``), ``issue`` (``audit_ids``, one transaction each), ``print``
(``certificate_ids`` to ``out``).  It prints ``ready`` once the register is open, then
one line per step (``progress DONE TOTAL``, ``issued CODE``, ``done``).  ``stop_at``
makes it stop at an exact point and wait there to be killed: ``{"progress": N}`` (the
first progress step at or after N), ``{"written": N}`` (the import's first step
of writing at or after N members) or ``{"commit": N}`` (just before the Nth commit),
printing ``stopped``.  ``barrier``: a file to wait for before starting the job, so that
several children start at the same moment.
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, event

from basc_desktop.chapters import default_chapters_dir, load_chapters
from basc_desktop.services.certificate_issue import issue_certificate
from basc_desktop.services.certificate_printing import write_certificates_pdf
from basc_desktop.services.imports import read_import, run_import
from basc_desktop.services.opening import open_workspace
from basc_desktop.settings import load_settings


def say(line: str) -> None:
    print(line, flush=True)


def stop_here() -> None:
    """Wait to be killed (if the test itself dies, stdin closes: leave without a trace)."""
    say("stopped")
    sys.stdin.readline()
    os._exit(3)


def main(task: dict[str, Any]) -> int:
    ws = open_workspace(
        load_settings(Path(task["data_dir"])),
        load_chapters(default_chapters_dir()),
        url=task["url"],
    )
    today = date.fromisoformat(task["today"])
    ws.user, ws.clock = task.get("user", "child"), lambda: today
    stop_at: dict[str, int] = task.get("stop_at") or {}

    if "commit" in stop_at:
        commits = 0

        def before_commit(_connection: Connection) -> None:
            nonlocal commits
            commits += 1
            if commits == stop_at["commit"]:
                stop_here()

        event.listen(Engine, "commit", before_commit)  # just before COMMIT is sent

    checked = False

    def progress(done: int, total: int) -> None:
        nonlocal checked
        say(f"progress {done} {total}")
        if "progress" in stop_at and done >= stop_at["progress"]:
            stop_here()
        # The import reports its check, ends it with (1, 1), then reports the writing.
        checked = checked or (done, total) == (1, 1)
        if "written" in stop_at and checked and total > 1 and done >= stop_at["written"]:
            stop_here()

    say("ready")
    if task.get("barrier"):
        barrier = Path(task["barrier"])
        while not barrier.exists():
            time.sleep(0.001)
    if task["task"] == "import":
        path = Path(task["file"])
        report = run_import(ws, path, read_import(path).mapping, progress=progress)
        say(f"written {report.written}")
    elif task["task"] == "issue":
        for audit_id in task["audit_ids"]:
            say(f"issued {issue_certificate(ws, audit_id).code}")
    elif task["task"] == "print":
        write_certificates_pdf(ws, task["certificate_ids"], Path(task["out"]), progress=progress)
    ws.db.close()
    say("done")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(json.loads(sys.argv[1])))
    except Exception:
        say("error " + traceback.format_exc().replace("\n", " | "))
        sys.exit(1)
