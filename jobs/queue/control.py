"""Pause and resume of the queue, its status, and taking back lost work: tasks that vanished from
the queue and jobs whose worker stopped (expired lease).

Only rows of this process's queue scope are touched: with a local queue per PC on a shared
PostgreSQL, PC B never resubmits or recovers PC A's jobs, whose tasks sit in PC A's own queue.
Every take-back is a conditional update in the ledger, so when several processes of a shared queue
sweep at once each job is resubmitted or recovered exactly once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from jobs.queue.pause import PAUSE_RETRY_DELAY, PAUSED_KEY, PAUSED_MESSAGE, is_paused, set_paused
from jobs.queue.scheduler_lock import scheduler_holder, scheduler_lock_path
from oroshi_desktop.config import Settings
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.identity import is_shared
from oroshi_desktop.labels import JobMessage, LedgerMessage
from oroshi_desktop.ledger import STOPPED_MESSAGE, Ledger

if TYPE_CHECKING:
    from jobs.queue.tasks import Tasks

__all__ = [
    "LOST_JOB_GRACE", "PAUSED_KEY", "PAUSED_MESSAGE", "PAUSE_RETRY_DELAY", "QueueStatus", "is_paused",
    "queue_status", "queued_job_ids", "recover_stopped", "resubmit_lost", "scheduler_holder",
    "scheduler_lock_path", "set_paused",
]

log = logging.getLogger(__name__)

LOST_JOB_GRACE = timedelta(seconds=2)  # a row younger than this may still be on its way to the queue
STOPPED_RUNS_RETRIED = 1  # a job whose worker stopped runs again this often, then fails
STOPPED_AGAIN_MESSAGE = LedgerMessage(JobMessage.STOPPED_AGAIN)


@dataclass(frozen=True)
class QueueStatus:
    paused: bool
    mail_schedule: str
    time_zone: str
    scheduler_pid: int | None  # -1: held, pid unknown
    shared: bool = False  # a shared queue: slots are claimed in the database, no single holder

    @property
    def state_ja(self) -> str:
        return "一時停止中" if self.paused else "実行中"

    @property
    def schedule_text(self) -> str:
        return f"メール確認: {self.mail_schedule} ({self.time_zone})"


def queue_status(settings: Settings, ledger: Ledger) -> QueueStatus:
    return QueueStatus(paused=is_paused(ledger), mail_schedule=settings.mail_schedule,
                       time_zone=settings.tz.key, scheduler_pid=scheduler_holder(scheduler_lock_path(settings)),
                       shared=is_shared(ledger.scope))


def _job_ids(tasks: list[Any]) -> set[int]:
    ids: set[int] = set()
    for task in tasks:
        args = getattr(task, "args", None) or ()
        if args and isinstance(args[0], int):
            ids.add(args[0])
    return ids


def queued_job_ids(huey: Any) -> set[int]:
    """Job ids of every task waiting in the queue or in its schedule (delayed, retrying, paused)."""
    # Huey's SQL storage reconnects after a server restart only in enqueue/dequeue; this reads.
    getattr(huey.storage, "check_conn", lambda: None)()
    return _job_ids(list(huey.pending())) | _job_ids(list(huey.scheduled()))


def resubmit_lost(tasks: Tasks, *, grace: timedelta | None = None) -> list[int]:
    """Queue again every ledger row of this scope still ``queued`` whose task is gone (a hard kill).

    Several processes may do this at once: the ledger's conditional claim lets one of them resubmit.
    """
    ledger = tasks.runtime.ledger
    candidates = ledger.queued_before(utcnow() - (LOST_JOB_GRACE if grace is None else grace))
    if not candidates:
        return []
    present = queued_job_ids(tasks.huey)
    lost = [job for job in candidates if job.id not in present and job.kind in tasks.by_kind]
    resubmitted = []
    for job in lost:
        if ledger.claim_resubmission(job):
            tasks.resubmit(job)
            resubmitted.append(job.id)
    if resubmitted:
        log.info("re-queued %d job(s) lost from the queue: %s", len(resubmitted), resubmitted)
    return resubmitted


def recover_stopped(tasks: Tasks) -> list[int]:
    """Jobs of this scope left ``running`` by a worker that stopped renewing its lease.

    Run once more (queued again with 処理中に停止しました（再実行します）) the first time, failed with
    処理中に停止しました after that, so a job never stays 作成中 forever. Returns the ids taken back.
    """
    ledger = tasks.runtime.ledger
    taken = []
    for job in ledger.expired_running():
        again = job.attempts <= STOPPED_RUNS_RETRIED and job.kind in tasks.by_kind
        if not ledger.reclaim(job, requeue=again, message=STOPPED_AGAIN_MESSAGE if again else STOPPED_MESSAGE):
            continue  # another process took it back first
        if again:
            tasks.resubmit(ledger.get(job.id))
        taken.append(job.id)
    if taken:
        log.warning("jobs whose worker stopped were taken back: %s", taken)
    return taken
