"""Users per chapter, the chapters' public signing keys, and an event log nobody can change.

``users`` and ``user_chapters`` say who may work in a shared database and for which
chapters (an empty ``users`` table: one PC, everyone sees everything).
``chapter_public_keys`` lets every PC of a shared database verify the certificates
signed on the others.  Triggers refuse any UPDATE or DELETE of ``events``: the audit
trail can only grow.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REFUSAL = "the event log cannot be changed or deleted"

SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER events_never_updated BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END""",
    f"""CREATE TRIGGER events_never_deleted BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END""",
]

POSTGRES_TRIGGERS = [
    f"""CREATE OR REPLACE FUNCTION events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '{REFUSAL}'; END $$""",
    """CREATE TRIGGER events_never_changed BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION events_refuse_change()""",
]


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("login", sa.String(length=120), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("is_admin", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("login", name=op.f("pk_users")),
    )
    op.create_table(
        "chapter_public_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chapter_code", sa.String(length=16), nullable=False),
        sa.Column("public_key", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["chapter_code"],
            ["chapters.code"],
            name=op.f("fk_chapter_public_keys_chapter_code_chapters"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chapter_public_keys")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_chapter_public_keys_fingerprint")),
    )
    with op.batch_alter_table("chapter_public_keys", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_chapter_public_keys_chapter_code"), ["chapter_code"], unique=False
        )
    op.create_table(
        "user_chapters",
        sa.Column("login", sa.String(length=120), nullable=False),
        sa.Column("chapter_code", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["chapter_code"], ["chapters.code"], name=op.f("fk_user_chapters_chapter_code_chapters")
        ),
        sa.ForeignKeyConstraint(
            ["login"],
            ["users.login"],
            name=op.f("fk_user_chapters_login_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("login", "chapter_code", name=op.f("pk_user_chapters")),
    )
    triggers = SQLITE_TRIGGERS if op.get_bind().dialect.name == "sqlite" else POSTGRES_TRIGGERS
    for statement in triggers:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS events_never_updated")
        op.execute("DROP TRIGGER IF EXISTS events_never_deleted")
    else:
        op.execute("DROP TRIGGER IF EXISTS events_never_changed ON events")
        op.execute("DROP FUNCTION IF EXISTS events_refuse_change()")
    op.drop_table("user_chapters")
    with op.batch_alter_table("chapter_public_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chapter_public_keys_chapter_code"))
    op.drop_table("chapter_public_keys")
    op.drop_table("users")
