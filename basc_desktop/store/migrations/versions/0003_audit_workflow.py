"""Audit workflow: requirements keep their catalogue order and English section.

``requirements.position`` is the place of a requirement in its catalogue file, so a
checklist lists requirements in catalogue order even after new ones are added to an
older catalogue; ``requirements.section_en`` and ``standards.title_en`` let the
checklist, the standards browser and the audit report speak English.  The values are
filled by ``services.standards.sync_standards`` the next time the program opens the
database (it runs at every opening).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("standards", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("title_en", sa.String(length=200), nullable=False, server_default="")
        )
    with op.batch_alter_table("requirements", schema=None) as batch_op:
        batch_op.add_column(sa.Column("position", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(
            sa.Column("section_en", sa.String(length=200), nullable=False, server_default="")
        )
    # Existing requirements keep the order they were loaded in until the next sync.
    op.execute("UPDATE requirements SET position = id")


def downgrade() -> None:
    with op.batch_alter_table("requirements", schema=None) as batch_op:
        batch_op.drop_column("section_en")
        batch_op.drop_column("position")
    with op.batch_alter_table("standards", schema=None) as batch_op:
        batch_op.drop_column("title_en")
