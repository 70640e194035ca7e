"""Member standing: the facts a company's status depends on, kept on ``companies``.

So the members list can filter and sort by status, certificate, expiry and next audit
in SQL.  Existing databases are filled from their records (see ``store/standing.py``).
Also the substring index of the search (see ``store/search_index.py``).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DATE_COLUMNS = (
    "applied_on",
    "admitted_on",
    "certificate_issued_on",
    "expires_on",
    "withdrawn_on",
    "suspended_on",
    "next_audit_on",
)
INDEXED = ("certificate_code", "expires_on", "next_audit_on")


def upgrade() -> None:
    with op.batch_alter_table("companies", schema=None) as batch_op:
        for name in DATE_COLUMNS:
            batch_op.add_column(sa.Column(name, sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("certificate_code", sa.String(length=40), nullable=True))
    with op.batch_alter_table("companies", schema=None) as batch_op:
        for name in INDEXED:
            batch_op.create_index(batch_op.f(f"ix_companies_{name}"), [name], unique=False)
    # Fill the new columns from the records.  The standing code reads only columns that
    # exist since 0001 and writes only those added here.
    from basc_desktop.store.search_index import install_search_index
    from basc_desktop.store.standing import refresh_all_standing

    refresh_all_standing(op.get_bind())
    # The substring index that keeps the search fast (SQLite FTS5 trigram, or pg_trgm).
    install_search_index(op.get_bind())


def downgrade() -> None:
    from basc_desktop.store.search_index import remove_search_index

    remove_search_index(op.get_bind())
    with op.batch_alter_table("companies", schema=None) as batch_op:
        for name in INDEXED:
            batch_op.drop_index(batch_op.f(f"ix_companies_{name}"))
        for name in (*DATE_COLUMNS, "certificate_code"):
            batch_op.drop_column(name)
