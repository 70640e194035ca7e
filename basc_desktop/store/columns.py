"""Column helpers: enums stored as their lowercase codes, with a CHECK constraint."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum


def code_enum(enum_type: type[StrEnum], name: str) -> Enum:
    """A VARCHAR column that only accepts the codes of ``enum_type``."""
    return Enum(
        enum_type,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(m.value) for m in enum_type) + 8,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )
