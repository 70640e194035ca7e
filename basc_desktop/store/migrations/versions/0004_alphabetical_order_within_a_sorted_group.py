"""Members sorted by country, chapter or business type stay alphabetical in each group.

The list now breaks ties by the folded legal name, then id; these indexes let the
database walk a page in that order instead of sorting every member.  Plain
``create_index`` (no batch rebuild), so the search index triggers of 0002 stay.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INDEXES = {
    "ix_companies_business_type_sort_name": ["business_type", "sort_name", "id"],
    "ix_companies_chapter_sort_name": ["chapter_code", "sort_name", "id"],
    "ix_companies_country_sort_name": ["country", "sort_name", "id"],
}


def upgrade() -> None:
    for name, columns in _INDEXES.items():
        op.create_index(name, "companies", columns, unique=False)


def downgrade() -> None:
    for name in _INDEXES:
        op.drop_index(name, table_name="companies")
