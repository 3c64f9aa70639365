"""Outbox: failure kind, input fingerprint and the stored composed messages.

``failure_kind`` tells a permanent failure (waits for a data change or a person) from a transient
one; ``input_fingerprint`` is what "the data changed" is measured against; ``messages`` points at
the exact RFC 5322 bytes in the document store that the row sends.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from oroshi_desktop.db.types import JsonB

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TABLE = "oroshi_desktop_outbox"


def upgrade() -> None:
    with op.batch_alter_table(TABLE) as batch:
        batch.add_column(sa.Column("failure_kind", sa.String(16), nullable=True))
        batch.add_column(sa.Column("input_fingerprint", sa.String(64), nullable=True))
        batch.add_column(sa.Column("messages", JsonB(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table(TABLE) as batch:
        batch.drop_column("messages")
        batch.drop_column("input_fingerprint")
        batch.drop_column("failure_kind")
