"""Spreadsheets the import tests write: as chapters keep them, messy or clean."""

from __future__ import annotations

import csv
import random
from collections.abc import Iterable, Sequence
from pathlib import Path

import openpyxl

from basc_desktop.domain.tax_id_samples import generate_tax_id
from basc_desktop.domain.tax_ids import check_tax_id, format_tax_id, normalise_tax_id

PNG_BYTES = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + b"\x00" * 64
OLE_BYTES = bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504 + "EncryptionInfo".encode("utf-16-le")


def tax_ids(country: str, count: int, seed: int = 1, *, formatted: bool = True) -> list[str]:
    """``count`` different valid tax IDs of ``country``, written as the country writes them.

    ``formatted=False``: as the sample generator writes them (faster, for big files).
    """
    rng = random.Random(seed)
    found: dict[str, str] = {}
    while len(found) < count:
        written = generate_tax_id(country, rng)
        if formatted:
            compact = check_tax_id(country, written)
            found.setdefault(compact, format_tax_id(country, compact))
        else:
            found.setdefault(normalise_tax_id(country, written), written)
    return list(found.values())


def write_xlsx(path: Path, rows: Iterable[Sequence[object]], merges: Sequence[str] = ()) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    for merged in merges:
        sheet.merge_cells(merged)
    book.save(path)
    return path


def write_big_xlsx(path: Path, rows: Iterable[Sequence[object]]) -> Path:
    """A write-only workbook: fast for tens of thousands of rows."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Afiliados")
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def write_csv(
    path: Path, rows: Iterable[Sequence[object]], *, delimiter: str = ",", encoding: str = "utf-8"
) -> Path:
    with path.open("w", newline="", encoding=encoding) as stream:
        writer = csv.writer(stream, delimiter=delimiter)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
    return path
