"""One archive version per content: a stored statement keeps the digest of what it says.

A statement generated again with the same content (same figures, names, layout, format, file name)
keeps its stored version instead of adding one; the PDFs are encrypted with a fresh password, salt
and ID each time, so their bytes cannot tell. Documents stored before this revision have no key
(NULL): the first generation after the upgrade stores one more version, with its key.

Only the app's own table changes; the web system's tables are never altered.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TABLE = "oroshi_desktop_documents"


def upgrade() -> None:
    with op.batch_alter_table(TABLE) as batch:
        batch.add_column(sa.Column("content_key", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table(TABLE) as batch:
        batch.drop_column("content_key")
