"""Two programs issuing 500 certificates each at the same moment, on one database.

Run on demand (pytest ignores tests/benchmarks)::

    .venv/bin/python tests/benchmarks/bench_parallel_certificates.py [--url URL]

On a fresh SQLite file, and on PostgreSQL when ``--url`` or BASC_TEST_DATABASE_URL
names one (its schema is WIPED), it imports 500 members with two closed certification
audits each, then:

- baseline: ONE child process issues the 1,000 certificates alone;
- two child processes issue 500 each at the same moment (started by a barrier file;
  child 1 has every member's first audit, child 2 the second, so they compete for the
  same members' issue numbers).

It prints the time of each (from the barrier until the last child ends; the children
open the register before it), the ratio parallel / baseline, and checks the target:
all 1,000 codes unique, no child saw an error, ≤ 30 s.  Each child issues through
``issue_certificate``, one transaction per certificate, as the window does.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import text

from basc_desktop.chapters import default_chapters_dir, load_chapters
from basc_desktop.services.opening import open_workspace
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import load_settings
from basc_desktop.store.engine import display_url, make_engine, sqlite_url
from basc_desktop.store.schema import upgrade
from tests.conftest import TODAY
from tests.crash.scenario import (
    check_certificates,
    closed_audits,
    finish,
    imported_members,
    read_until,
    start_child,
)

MEMBERS = 500
TARGET_S = 30.0


def fresh(url: str, folder: Path) -> Workspace:
    """The database at ``url`` emptied and migrated, opened as the program opens it."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(folder / "parallel.sqlite") + suffix).unlink(missing_ok=True)
    if url.startswith("postgresql"):
        engine = make_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        upgrade(engine)
        engine.dispose()
    ws = open_workspace(
        load_settings(folder / "setup"), load_chapters(default_chapters_dir()), url=url
    )
    ws.user, ws.clock = "setup", lambda: TODAY
    return ws


def issue(url: str, folder: Path, shares: list[list[int]]) -> tuple[float, list[list[str]]]:
    """Seconds from the barrier until every child ended, and each child's lines."""
    barrier = folder / f"go-{len(shares)}"
    children = [
        start_child(
            {
                "task": "issue",
                "url": url,
                "data_dir": str(folder / f"pc-{n}"),
                "user": f"pc-{n}",
                "audit_ids": share,
                "barrier": str(barrier),
            }
        )
        for n, share in enumerate(shares)
    ]
    try:
        for child in children:
            read_until(child, "ready")
        started = time.perf_counter()
        barrier.touch()
        outputs = [read_until(child, None, timeout=600) for child in children]
        elapsed = time.perf_counter() - started
    finally:
        for child in children:
            finish(child)
    errors = [line for lines in outputs for line in lines if line.startswith("error")]
    codes = [child.returncode for child in children]
    if errors or codes != [0] * len(children):
        raise SystemExit(f"a child failed ({codes}): {errors[:3]}")
    return elapsed, outputs


def run(url: str, folder: Path) -> bool:
    results: dict[int, float] = {}
    for processes in (1, 2):
        ws = fresh(url, folder)
        companies = imported_members(ws, folder, MEMBERS, seed=processes)
        audits = closed_audits(ws, companies, per_company=2)
        shares = [audits] if processes == 1 else [audits[:MEMBERS], audits[MEMBERS:]]
        elapsed, outputs = issue(url, folder, shares)
        issued = [
            line.split()[1] for lines in outputs for line in lines if line.startswith("issued ")
        ]
        codes = check_certificates(ws)
        ws.db.close()
        assert len(codes) == len(set(codes)) == len(issued) == 2 * MEMBERS, len(codes)
        results[processes] = elapsed
        print(f"  {processes} process(es): {elapsed:.2f} s", flush=True)
    base, both = results[1], results[2]
    ok = both <= TARGET_S
    print(f"{display_url(url)}")
    print(f"  baseline, 1 process × {2 * MEMBERS} certificates: {base:6.2f} s")
    verdict = "OK" if ok else "MISSED"
    print(
        f"  2 processes × {MEMBERS} certificates at once:   {both:6.2f} s"
        f"  ({both / base:.2f}× the baseline; target ≤ {TARGET_S:.0f} s: {verdict})"
    )
    print(f"  {2 * MEMBERS} codes, all unique, issue numbers 1, 2 per member, no error")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("BASC_TEST_DATABASE_URL", ""))
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "sqlite").mkdir()
        ok &= run(sqlite_url(folder / "sqlite" / "parallel.sqlite"), folder / "sqlite")
        if args.url:
            ok &= run(args.url, folder / "postgresql")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
