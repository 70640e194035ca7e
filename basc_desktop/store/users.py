"""Who may work in a shared database, and for which chapters."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from basc_desktop.store.base import Base, UtcDateTime, utc_now


class User(Base):
    """A coordinator known by the login name of their PC account.

    While the table is empty (one PC, one coordinator) everyone sees every chapter.
    """

    __tablename__ = "users"

    login: Mapped[str] = mapped_column(String(120), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    """Sees every chapter and may set up users."""
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)

    chapters: Mapped[list[UserChapter]] = relationship(
        back_populates="user", cascade="all, delete-orphan", order_by="UserChapter.chapter_code"
    )


class UserChapter(Base):
    """One chapter a user works for."""

    __tablename__ = "user_chapters"

    login: Mapped[str] = mapped_column(
        ForeignKey("users.login", ondelete="CASCADE"), primary_key=True
    )
    chapter_code: Mapped[str] = mapped_column(ForeignKey("chapters.code"), primary_key=True)

    user: Mapped[User] = relationship(back_populates="chapters")
