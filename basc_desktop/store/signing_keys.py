"""The public keys that sign a chapter's certificates, shared through the database.

Each PC signs with its own private key (kept in its data folder); its public key is
registered here so that any PC on a shared database can verify any coordinator's
certificates.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from basc_desktop.store.base import Base, UtcDateTime, utc_now


class ChapterPublicKey(Base):
    __tablename__ = "chapter_public_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    chapter_code: Mapped[str] = mapped_column(ForeignKey("chapters.code"), index=True)
    public_key: Mapped[str] = mapped_column(Text)
    """PEM (SubjectPublicKeyInfo) of an Ed25519 key."""
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    """SHA-256 of the raw public key, hexadecimal."""
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    created_by: Mapped[str] = mapped_column(String(120), default="")
