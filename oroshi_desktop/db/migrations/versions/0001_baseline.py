"""Baseline: the Oroshi tables on an empty database, and the app's own tables everywhere.

On a database where the web system already created its ``oroshi_*`` tables, only the
``oroshi_desktop_*`` tables are created: the web system's schema is never altered.

The baseline creates tables from the models, but only the app tables that existed at this
revision (``BASELINE_APP_TABLES``); any later table or column comes as its own revision with
explicit operations.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from oroshi_desktop.db.models import APP_TABLE_PREFIX, Base

# Columns added by later revisions: the baseline creates their tables without them, so each later
# revision's explicit ``add_column`` finds the table as it was at 0001.
LATER_COLUMNS: dict[str, tuple[str, ...]] = {
    "oroshi_desktop_outbox": ("failure_kind", "input_fingerprint", "messages"),  # 0002
    "oroshi_desktop_documents": ("content_key",),  # 0009
}

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Frozen: the app tables of revision 0001. A table added later is created by its own revision.
BASELINE_APP_TABLES = frozenset({
    "oroshi_desktop_documents", "oroshi_desktop_outbox", "oroshi_desktop_preferences",
    "oroshi_desktop_supply_type_tax_rates",
})


def _in_baseline(name: str) -> bool:
    return name in BASELINE_APP_TABLES or not name.startswith(APP_TABLE_PREFIX)


def upgrade() -> None:
    bind = op.get_bind()
    existing = set(sa.inspect(bind).get_table_names())
    web_system_present = any(name.startswith("oroshi_") and not name.startswith(APP_TABLE_PREFIX)
                             for name in existing)
    tables = [table for table in Base.metadata.sorted_tables if _in_baseline(table.name)
              and (table.name.startswith(APP_TABLE_PREFIX) or not web_system_present)]
    plain = [table for table in tables if table.name not in LATER_COLUMNS]
    Base.metadata.create_all(bind, tables=plain, checkfirst=True)
    frozen = sa.MetaData()
    for table in tables:
        if table.name in LATER_COLUMNS and table.name not in existing:
            _as_at_baseline(table, frozen).create(bind)


def _as_at_baseline(table: sa.Table, metadata: sa.MetaData) -> sa.Table:
    """A copy of ``table`` without the columns later revisions add (with its keys and indexes)."""
    later = set(LATER_COLUMNS[table.name])
    copy = sa.Table(table.name, metadata, *(column._copy() for column in table.columns if column.name not in later))
    for constraint in table.constraints:
        if isinstance(constraint, sa.UniqueConstraint):
            copy.append_constraint(sa.UniqueConstraint(*(c.name for c in constraint.columns), name=constraint.name))
    for index in table.indexes:
        sa.Index(index.name, *(copy.c[c.name] for c in index.columns), unique=bool(index.unique))
    return copy


def downgrade() -> None:
    bind = op.get_bind()
    app_tables = [t for t in Base.metadata.sorted_tables if t.name in BASELINE_APP_TABLES]
    Base.metadata.drop_all(bind, tables=app_tables, checkfirst=True)
