"""The archive facts: issue date, total, counterparty and taxes of each stored statement PDF.

The archive search used to reload every run's statement to learn its amount (about 15 ms per
organization row); with these columns it is one SQL query. Existing statement PDFs are backfilled
from their run (whose supplies are locked, so the figures are the printed ones). The stored PDF
bytes are not touched.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from oroshi_desktop.db.models.base import BigId
from oroshi_desktop.db.types import AwareDateTime, JsonB

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TABLE = "oroshi_desktop_archive_facts"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("document_id", BigId, nullable=False),
        sa.Column("issued", sa.Date()),
        sa.Column("amount", sa.Numeric(16, 2)),
        sa.Column("counterparty", sa.String(255), nullable=False),
        sa.Column("registration_number", sa.String(32), nullable=False),
        sa.Column("producers", sa.Text(), nullable=False),
        sa.Column("taxes", JsonB(), nullable=False),
        sa.Column("recorded_at", AwareDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("document_id", name="pk_oroshi_desktop_archive_facts"),
    )
    op.create_index("ix_oroshi_desktop_archive_facts_issued", TABLE, ["issued"])
    op.create_index("ix_oroshi_desktop_archive_facts_amount", TABLE, ["amount"])
    # Backfill with the app's own loader: the facts of a PDF are what that same loader printed.
    from oroshi_desktop.queries.archive_facts import fill_missing_facts

    session = Session(bind=op.get_bind())
    try:
        fill_missing_facts(session, chain=False)  # the chain comes with revision 0006
        session.flush()
    finally:
        session.close()


def downgrade() -> None:
    op.drop_index("ix_oroshi_desktop_archive_facts_amount", table_name=TABLE)
    op.drop_index("ix_oroshi_desktop_archive_facts_issued", table_name=TABLE)
    op.drop_table(TABLE)
