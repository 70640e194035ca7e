"""Aligned plain-text tables for the command line (``--format table``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TextIO, TypeVar

Row = TypeVar("Row")

Column = tuple[str, Callable[[Row], str], int]
"""A column: its header, how to write a row's cell, and the widest a cell may be."""


def cut(text: str, width: int) -> str:
    """``text`` shortened to ``width`` characters, with an ellipsis when it was longer."""
    return text if len(text) <= width else text[: width - 1] + "…"


def write_table(rows: Sequence[Row], columns: Sequence[Column[Row]], out: TextIO) -> None:
    """The rows as aligned columns, each as wide as its widest cell (up to its limit)."""
    cells = [[cut(cell(row), width) for _header, cell, width in columns] for row in rows]
    widths = [
        max([len(header), *(len(line[n]) for line in cells)])
        for n, (header, _cell, _width) in enumerate(columns)
    ]
    for line in ([header for header, _cell, _width in columns], *cells):
        print(
            "  ".join(text.ljust(w) for text, w in zip(line, widths, strict=True)).rstrip(),
            file=out,
        )
