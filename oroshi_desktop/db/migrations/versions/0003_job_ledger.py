"""The job ledger, the queue flags and the schedule slots in the app database (issue 13).

Every mode keeps its jobs here: the embedded SQLite file for one PC, the shared PostgreSQL for an
office, so any machine can run any job and the PC that asked sees it change.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from oroshi_desktop.db.models.base import BigId
from oroshi_desktop.db.types import AwareDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "oroshi_desktop_jobs",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("token", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("arguments", sa.Text(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("output_path", sa.Text()),
        sa.Column("document_id", BigId),
        sa.Column("error", sa.Text()),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(255), nullable=False),
        sa.Column("requested_by", sa.String(255), nullable=False),
        sa.Column("ran_by", sa.String(255)),
        sa.Column("lease_until", AwareDateTime()),
        sa.Column("submitted_at", AwareDateTime(), nullable=False),
        sa.Column("created_at", AwareDateTime(), nullable=False),
        sa.Column("started_at", AwareDateTime()),
        sa.Column("finished_at", AwareDateTime()),
        sa.Column("updated_at", AwareDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_oroshi_desktop_jobs"),
    )
    op.create_index("ix_oroshi_desktop_jobs_state_scope", "oroshi_desktop_jobs", ["state", "scope"])
    op.create_index("ix_oroshi_desktop_jobs_requested_by", "oroshi_desktop_jobs", ["requested_by"])
    op.create_table(
        "oroshi_desktop_queue_flags",
        sa.Column("scope", sa.String(255), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", AwareDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("scope", "key", name="pk_oroshi_desktop_queue_flags"),
    )
    op.create_table(
        "oroshi_desktop_schedule_slots",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("scope", sa.String(255), nullable=False),
        sa.Column("task", sa.String(64), nullable=False),
        sa.Column("slot", AwareDateTime(), nullable=False),
        sa.Column("claimed_by", sa.String(255), nullable=False),
        sa.Column("job_id", BigId),
        sa.Column("created_at", AwareDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_oroshi_desktop_schedule_slots"),
        sa.UniqueConstraint("scope", "task", "slot", name="uq_oroshi_desktop_schedule_slots_slot"),
    )


def downgrade() -> None:
    op.drop_table("oroshi_desktop_schedule_slots")
    op.drop_table("oroshi_desktop_queue_flags")
    op.drop_index("ix_oroshi_desktop_jobs_requested_by", table_name="oroshi_desktop_jobs")
    op.drop_index("ix_oroshi_desktop_jobs_state_scope", table_name="oroshi_desktop_jobs")
    op.drop_table("oroshi_desktop_jobs")
