"""The schedule slots table: the first process to claim a slot of a task runs it, on every PC of a
queue scope (a unique row per scope, task and slot)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import ScheduleSlot
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.identity import worker_name


def claim_slot(db: Database, scope: str, task: str, slot: datetime) -> bool:
    """True for the one process that inserts the slot row first."""
    try:
        with db.write() as session:
            session.add(ScheduleSlot(scope=scope, task=task, slot=slot, claimed_by=worker_name(),
                                     created_at=utcnow()))
    except IntegrityError:
        return False
    return True


def record_slot_job(db: Database, scope: str, task: str, slot: datetime, job_id: int) -> None:
    with db.write() as session:
        session.execute(update(ScheduleSlot).where(ScheduleSlot.scope == scope, ScheduleSlot.task == task,
                                                   ScheduleSlot.slot == slot).values(job_id=job_id))
