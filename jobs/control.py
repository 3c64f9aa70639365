"""Pause and resume of this PC's queue, its status, and the re-submission of lost queued jobs.

The paused flag lives in the local store next to the ledger, so the GUI, ``oroshi-desktop jobs
pause`` and every worker of this PC see the same switch. A task that starts while paused is not
run: its ledger row stays ``queued`` (一時停止中) and Huey tries it again after a short delay.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jobs.consumer import SCHEDULER_LOCK_NAME
from oroshi_desktop.config import Settings
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.ledger import Ledger

if TYPE_CHECKING:
    from jobs.tasks import Tasks

log = logging.getLogger(__name__)

PAUSED_KEY = "queue.paused"
PAUSED_MESSAGE = "一時停止中"
PAUSE_RETRY_DELAY = 2.0  # seconds between looks at the flag by a held task (Huey's scheduler ticks every 1 s)
LOST_JOB_GRACE = timedelta(seconds=2)  # a row younger than this may still be on its way to the queue


def is_paused(ledger: Ledger) -> bool:
    return ledger.get_value(PAUSED_KEY, "0") == "1"


def set_paused(ledger: Ledger, paused: bool) -> None:
    ledger.set_value(PAUSED_KEY, "1" if paused else "0")


def scheduler_lock_path(settings: Settings) -> Path:
    return settings.paths.data_dir / SCHEDULER_LOCK_NAME


def scheduler_holder(path: Path) -> int | None:
    """The pid of the process running this PC's schedule, or None when nobody does.

    Reads the pid the holder wrote into the lock file and checks that the process is alive. It
    never takes the lock itself, not even for a moment: the GUI asks every two seconds, and a
    worker starting during such a probe would lose the schedule for good.
    """
    try:
        text = path.read_text().strip()
    except FileNotFoundError:
        return None
    except OSError:  # Windows: the holder's locked byte cannot be read, so someone holds it
        return -1
    if not text.isdigit():
        return None
    pid = int(text)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None  # a stale pid left by a process that has exited
    except PermissionError:
        return pid  # alive, owned by another user
    except OSError:
        return -1
    return pid


@dataclass(frozen=True)
class QueueStatus:
    paused: bool
    mail_schedule: str
    time_zone: str
    scheduler_pid: int | None  # -1: held, pid unknown

    @property
    def state_ja(self) -> str:
        return "一時停止中" if self.paused else "実行中"

    @property
    def schedule_text(self) -> str:
        return f"メール確認: {self.mail_schedule} ({self.time_zone})"


def queue_status(settings: Settings, ledger: Ledger) -> QueueStatus:
    return QueueStatus(paused=is_paused(ledger), mail_schedule=settings.mail_schedule,
                       time_zone=settings.tz.key, scheduler_pid=scheduler_holder(scheduler_lock_path(settings)))


def _job_ids(tasks: list[Any]) -> set[int]:
    ids: set[int] = set()
    for task in tasks:
        args = getattr(task, "args", None) or ()
        if args and isinstance(args[0], int):
            ids.add(args[0])
    return ids


def queued_job_ids(huey: Any) -> set[int]:
    """Job ids of every task waiting in the queue or in its schedule (delayed, retrying, paused)."""
    return _job_ids(list(huey.pending())) | _job_ids(list(huey.scheduled()))


def resubmit_lost(tasks: Tasks, *, grace: timedelta | None = None) -> list[int]:
    """Queue again every ledger row still ``queued`` whose Huey task is gone (a hard kill).

    Run by the process that holds the scheduler lock before its consumer starts.
    """
    ledger = tasks.runtime.ledger
    candidates = ledger.queued_before(utcnow() - (LOST_JOB_GRACE if grace is None else grace))
    if not candidates:
        return []
    present = queued_job_ids(tasks.huey)
    lost = [job for job in candidates if job.id not in present and job.kind in tasks.by_kind]
    for job in lost:
        tasks.resubmit(job)
    if lost:
        log.info("re-queued %d job(s) lost from the queue: %s", len(lost), [job.id for job in lost])
    return [job.id for job in lost]
