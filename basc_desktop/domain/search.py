"""Text folding for search: case and accents do not matter, nor tax-ID punctuation."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lowercase without accents: "Bogotá" → "bogota", "ÑANDÚ" → "nandu".

    Control characters (NUL, ESC…) are dropped: no one searches for them, and
    PostgreSQL refuses a NUL in a text.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(
        ch
        for ch in decomposed
        if not unicodedata.combining(ch) and (ch.isspace() or unicodedata.category(ch) != "Cc")
    )
    return " ".join(stripped.casefold().split())


def search_key(*parts: str) -> str:
    """The text a record is found by: its parts folded, joined by a separator."""
    return " | ".join(fold(p) for p in parts if p)


def search_terms(query: str) -> list[str]:
    """The words of a query, folded; tax-ID punctuation is dropped from numbers."""
    terms = []
    for word in fold(query).split():
        digits = word.replace(".", "").replace("-", "")
        terms.append(digits if digits.isalnum() and any(c.isdigit() for c in digits) else word)
    return [t for t in terms if t]
