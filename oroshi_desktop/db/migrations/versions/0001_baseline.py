"""Baseline: the Oroshi tables on an empty database, and the app's own tables everywhere.

On a database where the web system already created its ``oroshi_*`` tables, only the
``oroshi_desktop_*`` tables are created: the web system's schema is never altered.

The baseline creates tables from the models as they stand at this revision; any later change to
a table must come as its own revision with explicit operations.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from oroshi_desktop.db.models import APP_TABLE_PREFIX, Base

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    existing = set(sa.inspect(bind).get_table_names())
    web_system_present = any(name.startswith("oroshi_") and not name.startswith(APP_TABLE_PREFIX)
                             for name in existing)
    tables = [table for table in Base.metadata.sorted_tables
              if table.name.startswith(APP_TABLE_PREFIX) or not web_system_present]
    Base.metadata.create_all(bind, tables=tables, checkfirst=True)


def downgrade() -> None:
    bind = op.get_bind()
    app_tables = [t for t in Base.metadata.sorted_tables if t.name.startswith(APP_TABLE_PREFIX)]
    Base.metadata.drop_all(bind, tables=app_tables, checkfirst=True)
