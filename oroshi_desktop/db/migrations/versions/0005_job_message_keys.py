"""The job ledger stores a message key and its arguments beside the Japanese sentence.

The window puts the key into words in the chosen language, so switching the language changes old
messages too, and code compares keys, never sentences. ``message`` keeps the Japanese text for the
CLI and for a PC still on an older version; rows written before this revision have no key and are
shown by their sentence as before.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from oroshi_desktop.db.types import JsonB

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TABLE = "oroshi_desktop_jobs"


def upgrade() -> None:
    with op.batch_alter_table(TABLE) as batch:
        batch.add_column(sa.Column("message_key", sa.String(64)))
        batch.add_column(sa.Column("message_args", JsonB()))


def downgrade() -> None:
    with op.batch_alter_table(TABLE) as batch:
        batch.drop_column("message_args")
        batch.drop_column("message_key")
