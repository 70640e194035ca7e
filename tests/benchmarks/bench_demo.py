"""Demo build speed and memory: 1,000 companies, then 100,000, in one process.

Run on demand (pytest ignores tests/benchmarks)::

    .venv/bin/python tests/benchmarks/bench_demo.py [--big 100000] [--small 1000]

Prints the time per 1,000 companies of the big run as a ratio to the small run, and
the process's peak resident memory after each run: a build that keeps memory
bounded peaks at about the same size for 100 times the companies.  Targets: 300
companies under 3 s, 100,000 under about 3 minutes on SQLite on 2 cores.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from basc_desktop.chapters import default_chapters_dir, load_chapters
from basc_desktop.services.demo import DemoSummary, create_demo_database
from basc_desktop.settings import load_settings
from basc_desktop.store.engine import sqlite_url

TODAY = date(2026, 6, 15)
BIG_TARGET_SECONDS = 180.0


def peak_mib() -> float:
    """The process's peak resident memory so far (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run(folder: Path, companies: int) -> tuple[float, float, DemoSummary]:
    settings = load_settings(folder / "data")
    chapters = load_chapters(default_chapters_dir())
    url = sqlite_url(folder / f"demo-{companies}.sqlite")
    started = time.perf_counter()
    summary = create_demo_database(
        settings, chapters, companies=companies, seed=1, today=TODAY, url=url
    )
    seconds = time.perf_counter() - started
    size = (folder / f"demo-{companies}.sqlite").stat().st_size / 2**20
    print(
        f"{companies:>7,} companies: {seconds:7.1f} s "
        f"({seconds / companies * 1000:.2f} s per 1,000), peak RSS {peak_mib():6.0f} MiB, "
        f"file {size:,.0f} MiB; {summary.audits:,} audits, {summary.findings:,} findings, "
        f"{summary.certificates:,} certificates",
        flush=True,
    )
    return seconds, peak_mib(), summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--big", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-demo-") as temp:
        folder = Path(temp)
        small_seconds, small_peak, _ = run(folder, args.small)
        big_seconds, big_peak, _ = run(folder, args.big)
    ratio = (big_seconds / args.big) / (small_seconds / args.small)
    label = f"{args.big // 1000}k vs {args.small // 1000}k"
    print(f"{label}: {ratio:.2f}× time per company")
    print(
        f"{label}: {big_peak / small_peak:.2f}× peak memory ({small_peak:.0f} → {big_peak:.0f} MiB)"
    )
    if args.big >= 100_000:
        verdict = "within" if big_seconds <= BIG_TARGET_SECONDS else "OVER"
        print(f"{args.big:,} companies in {big_seconds:.0f} s: {verdict} the 3-minute target")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
