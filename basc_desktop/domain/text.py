"""Messages that the user interface translates.

The domain cannot call Qt, so user-facing text below ``ui/`` is written in English
(the translation source) and marked with :func:`translatable`.  The Qt layer looks
each marked string up in the ``context`` it names, exactly as ``QT_TRANSLATE_NOOP``
would, then fills in the ``{placeholders}``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DOMAIN_CONTEXT = "basc"


def translatable(text: str) -> str:
    """Mark ``text`` for the translation tools; return it unchanged."""
    return text


@dataclass(frozen=True)
class Message:
    """An English template with named values, for the UI to translate and fill in."""

    template: str
    params: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.template.format(**self.params)
