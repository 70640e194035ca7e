"""A thousand certificates into one PDF: time, the cost of the QR codes, and memory.

Run on demand (pytest ignores tests/benchmarks)::

    .venv/bin/python tests/benchmarks/bench_certificates_pdf.py [--certificates 1000] [--url URL]

Writes N companies of several chapters (Letter and A4, Spanish and French) with a
certificate each straight into a fresh SQLite database (or the PostgreSQL one named by
``--url``), then prints, with ``write_certificates_pdf`` (the service the window and
``basc certificates pdf`` use: read in slices, sign, store the signature, draw):

- N certificates with their QR codes (target ≤ 10 s);
- the same pages without QR codes, in the same run, and the ratio (target ≤ 2×);
- the peak of Python's allocations (tracemalloc) while writing N/10 and N pages, and
  their ratio: flat means the peak does not grow with the batch (target ≤ 200 MB);
- the process's peak resident memory (ru_maxrss) at the end.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from basc_desktop.chapters import default_chapters_dir, load_chapters
from basc_desktop.domain.tax_id_samples import generate_tax_id
from basc_desktop.domain.vocabulary import BusinessType, CertificateEventKind
from basc_desktop.services.certificate_printing import write_certificates_pdf
from basc_desktop.services.opening import open_workspace
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import load_settings
from basc_desktop.store.certificates import Certificate, CertificateEvent
from basc_desktop.store.engine import sqlite_url
from basc_desktop.store.members import Company

TODAY = date(2026, 6, 15)
REPEATS = 3
CHAPTERS = ("co-bog", "ht", "pe", "pa", "mx")
WORDS = (
    "Exportadora", "Logística", "Transportes", "Agencia", "Comercializadora", "Société",
    "Andina", "del Caribe", "& Hijos", "Internacional", "Ñandú", "S.A.S.", "Cía.", "Ltda.",
)  # fmt: skip


def build(ws: Workspace, count: int) -> list[int]:
    """``count`` companies with one certificate each, written in one transaction."""
    rng = random.Random(7)
    seen: set[tuple[str, str]] = set()
    ids: list[int] = []
    with ws.db.transaction() as session:
        for number in range(1, count + 1):
            chapter = ws.chapters.get(CHAPTERS[number % len(CHAPTERS)])
            country = chapter.country_code
            tax_id = generate_tax_id(country, rng)
            while (country, tax_id) in seen:
                tax_id = generate_tax_id(country, rng)
            seen.add((country, tax_id))
            name = " ".join(rng.sample(WORDS, rng.randint(2, 6))) + f" {number}"
            if number % 50 == 0:
                name = (name + " Corporación de Servicios Logísticos Integrados ") * 4
            business = list(BusinessType)[number % len(BusinessType)]
            company = Company(
                chapter_code=chapter.code, member_number=number, legal_name=name[:300],
                tax_id=tax_id, country=country, business_type=business,
                address=f"Calle {number} # 10-20", city=chapter.city, sort_name=name.lower(),
            )  # fmt: skip
            session.add(company)
            session.flush()
            issued = TODAY - timedelta(days=rng.randint(0, 300))
            certificate = Certificate(
                code=f"{chapter.country.alpha3}{chapter.city_code}{number:05d}-1-1",
                company_id=company.id, standard_version="6", scope=business, issue_number=1,
                issued_on=issued, expires_on=issued.replace(year=issued.year + 1),
            )  # fmt: skip
            certificate.events.append(
                CertificateEvent(occurred_on=issued, kind=CertificateEventKind.ISSUED)
            )
            session.add(certificate)
            session.flush()
            ids.append(certificate.id)
    return ids


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def traced_peak(action: Callable[[], object]) -> float:
    """The peak of Python allocations during ``action``, in MB above where it started."""
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    action()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return (peak - before) / 1e6


def measure(folder: Path, count: int, url: str | None) -> dict[str, float]:
    settings = load_settings(folder / "data")
    ws = open_workspace(
        settings, load_chapters(default_chapters_dir()), url=url or sqlite_url(folder / "b.sqlite")
    )
    ws.clock = lambda: TODAY
    try:
        started = time.perf_counter()
        ids = build(ws, count)
        print(f"built {count:,} certificates in {time.perf_counter() - started:.1f} s")
        write_certificates_pdf(ws, ids[:20], folder / "warm.pdf")  # fonts, keys, signatures
        write_certificates_pdf(ws, ids, folder / "first.pdf", qr=False)  # stores signatures
        with_qr, without = float("inf"), float("inf")
        for _ in range(REPEATS):  # alternated, best of each: a busy machine hurts both alike
            with_qr = min(with_qr, timed(lambda: write_certificates_pdf(ws, ids, folder / "q.pdf")))
            without = min(
                without, timed(lambda: write_certificates_pdf(ws, ids, folder / "p.pdf", qr=False))
            )
        tenth = ids[: max(1, count // 10)]
        small_peak = traced_peak(lambda: write_certificates_pdf(ws, tenth, folder / "s.pdf"))
        big_peak = traced_peak(lambda: write_certificates_pdf(ws, ids, folder / "b.pdf"))
        return {
            "with_qr": with_qr,
            "without_qr": without,
            "small_peak": small_peak,
            "big_peak": big_peak,
            "size_mb": (folder / "q.pdf").stat().st_size / 1e6,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
    finally:
        ws.db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--certificates", type=int, default=1000)
    parser.add_argument("--url", help="an empty, migrated PostgreSQL database (default SQLite)")
    args = parser.parse_args()
    n = args.certificates
    with tempfile.TemporaryDirectory() as folder:
        r = measure(Path(folder), n, args.url)
    ratio = r["with_qr"] / r["without_qr"]
    growth = r["big_peak"] / r["small_peak"] if r["small_peak"] else float("inf")
    print(f"{n:,} certificates with QR codes:    {r['with_qr']:6.2f} s "
          f"({r['with_qr'] / n * 1000:.1f} ms a page; target ≤ 10 s)")  # fmt: skip
    print(f"the same pages without QR codes: {r['without_qr']:6.2f} s")
    print(f"QR / no QR:                      {ratio:6.2f}× (target ≤ 2×)")
    print(f"Python allocations, peak: {r['small_peak']:.1f} MB for {max(1, n // 10):,} pages, "
          f"{r['big_peak']:.1f} MB for {n:,} pages: {growth:.2f}× (target ≤ 200 MB)")  # fmt: skip
    print(f"process peak resident memory:    {r['rss_mb']:6.0f} MB; PDF {r['size_mb']:.1f} MB")
    ok = r["with_qr"] <= 10 and ratio <= 2 and r["big_peak"] <= 200 and r["rss_mb"] <= 400
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
