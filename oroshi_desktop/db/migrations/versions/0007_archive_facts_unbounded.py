"""The archive facts hold whatever the web system's columns hold: an organization name of any length
(``oroshi_supplier_organizations.entity_name`` is an unbounded ``character varying``) and totals far
beyond ``NUMERIC(16,2)`` (a supply line may reach 9,999,999.99 × 9,999,999).

Before, one organization with a name over 255 characters or a statement over ¥99,999,999,999,999.99
stopped the storing of a whole run on PostgreSQL (SQLite never checked).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TABLE = "oroshi_desktop_archive_facts"


def upgrade() -> None:
    with op.batch_alter_table(TABLE) as batch:
        batch.alter_column("counterparty", type_=sa.Text(), existing_type=sa.String(255), existing_nullable=False)
        batch.alter_column("registration_number", type_=sa.Text(), existing_type=sa.String(32),
                           existing_nullable=False)
        batch.alter_column("amount", type_=sa.Numeric(30, 2), existing_type=sa.Numeric(16, 2))


def downgrade() -> None:
    with op.batch_alter_table(TABLE) as batch:
        batch.alter_column("amount", type_=sa.Numeric(16, 2), existing_type=sa.Numeric(30, 2))
        batch.alter_column("registration_number", type_=sa.String(32), existing_type=sa.Text(),
                           existing_nullable=False)
        batch.alter_column("counterparty", type_=sa.String(255), existing_type=sa.Text(), existing_nullable=False)
