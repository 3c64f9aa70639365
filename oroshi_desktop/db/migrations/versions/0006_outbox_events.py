"""The outbox rows' history after the send: bounces (不達), delays, resends and 送信済みにする (issue 19).

A new table only; the outbox row's state column already holds ``bounced``.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from oroshi_desktop.db.models.base import BigId
from oroshi_desktop.db.types import AwareDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TABLE = "oroshi_desktop_outbox_events"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("outbox_id", BigId, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("address", sa.String(320), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("diagnostic", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("document_id", BigId),
        sa.Column("notification_sha256", sa.String(64), nullable=False),
        sa.Column("created_at", AwareDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_oroshi_desktop_outbox_events"),
        sa.UniqueConstraint("outbox_id", "kind", "notification_sha256", "address",
                            name="uq_oroshi_desktop_outbox_events_notification"),
    )
    op.create_index("ix_oroshi_desktop_outbox_events_outbox", TABLE, ["outbox_id"])


def downgrade() -> None:
    op.drop_index("ix_oroshi_desktop_outbox_events_outbox", table_name=TABLE)
    op.drop_table(TABLE)
