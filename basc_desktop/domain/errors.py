"""Errors the coordinator can fix, as opposed to bugs."""

from __future__ import annotations

from typing import Any

from basc_desktop.domain.text import Message


class BascError(Exception):
    """Something the coordinator can understand and fix; never a bug."""

    def __init__(self, template: str, **params: Any) -> None:
        self.message = Message(template, params)
        super().__init__(str(self.message))


class ValidationError(BascError):
    """Bad input for one field (and, for imports, one row).

    ``field`` is the attribute name (``tax_id``), ``label`` the human name of the
    field (``NIT``), and the message says the reason.
    """

    def __init__(
        self,
        field: str,
        template: str,
        *,
        label: str | None = None,
        row: int | None = None,
        **params: Any,
    ) -> None:
        self.field = field
        self.label = label or field
        self.row = row
        params.setdefault("label", self.label)
        super().__init__(template, **params)

    def __str__(self) -> str:
        where = f"row {self.row}, " if self.row is not None else ""
        return f"{where}{self.label}: {self.message}"


class NotFoundError(BascError):
    """A record asked for by the user does not exist."""


class StaleRecordError(BascError):
    """Someone else saved the record after it was read: reload before saving."""


class LifecycleError(BascError):
    """A move that the lifecycle of a record does not allow."""


class AccessDeniedError(BascError):
    """The user is not set up for the chapter of the record, or not for this database."""
