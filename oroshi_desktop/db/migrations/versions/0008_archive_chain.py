"""The archive's hash chain (電子帳簿保存法): each stored statement chained to the one before it.

Every statement already in the archive (with its recorded figures) is chained once here, in the
order it was stored; from then on a statement is chained when its figures are recorded.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from oroshi_desktop.db.models.base import BigId
from oroshi_desktop.db.types import AwareDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TABLE = "oroshi_desktop_archive_chain"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("seq", BigId, nullable=False, autoincrement=False),
        sa.Column("document_id", BigId, nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("record_hash", sa.String(64), nullable=False),
        sa.Column("chained_at", AwareDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_oroshi_desktop_archive_chain"),
        sa.UniqueConstraint("document_id", name="uq_oroshi_desktop_archive_chain_document_id"),
    )
    from oroshi_desktop.archive_chain import append_to_chain, unchained_documents

    session = Session(bind=op.get_bind())
    try:
        append_to_chain(session, unchained_documents(session))
        session.flush()
    finally:
        session.close()


def downgrade() -> None:
    op.drop_table(TABLE)
