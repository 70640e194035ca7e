"""Admissions: kept copies of documents, notes, and what each committee session decided.

``application_documents.stored_name`` names the copy of an attached file kept in the
data folder's ``attachments`` (``file_name`` stays the name the coordinator chose and
``file_sha256`` its hash); ``note`` is the coordinator's remark on a document.
``committee_decisions`` keeps one line per application heard at a session, so the
minutes of a session stay whole after a postponed application goes to a later one.
Existing applications with a session get their line, with their decision and reason.
Two indexes let the applications list open by date and the deadlines list by deadline.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "committee_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("committee_session_id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column(
            "decision",
            sa.Enum(
                "admitted",
                "rejected",
                "postponed",
                name="committee_decision",
                native_enum=False,
                create_constraint=True,
                length=17,
            ),
            nullable=True,
        ),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_committee_decisions_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["committee_session_id"],
            ["committee_sessions.id"],
            name=op.f("fk_committee_decisions_committee_session_id_committee_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_committee_decisions")),
        sa.UniqueConstraint(
            "committee_session_id",
            "application_id",
            name=op.f("uq_committee_decisions_committee_session_id_application_id"),
        ),
    )
    with op.batch_alter_table("committee_decisions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_committee_decisions_application_id"), ["application_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_committee_decisions_committee_session_id"),
            ["committee_session_id"],
            unique=False,
        )
    with op.batch_alter_table("application_documents", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("stored_name", sa.String(length=260), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))
    # The applications list opens sorted by date, and the deadlines list by deadline.
    op.create_index(op.f("ix_applications_opened_on"), "applications", ["opened_on"])
    op.create_index(op.f("ix_applications_audit_deadline"), "applications", ["audit_deadline"])
    op.execute(
        "INSERT INTO committee_decisions (committee_session_id, application_id, decision, reason) "
        "SELECT committee_session_id, id, decision, decision_reason FROM applications "
        "WHERE committee_session_id IS NOT NULL"
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_applications_audit_deadline"), table_name="applications")
    op.drop_index(op.f("ix_applications_opened_on"), table_name="applications")
    with op.batch_alter_table("application_documents", schema=None) as batch_op:
        batch_op.drop_column("note")
        batch_op.drop_column("stored_name")
    with op.batch_alter_table("committee_decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_committee_decisions_committee_session_id"))
        batch_op.drop_index(batch_op.f("ix_committee_decisions_application_id"))
    op.drop_table("committee_decisions")
