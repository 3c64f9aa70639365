"""The schedule: once per slot the mail check and the bounce check, and a regular sweep for lost and stopped jobs.

A slot (one minute by default) is claimed by inserting a ``(scope, task, slot)`` row into
``oroshi_desktop_schedule_slots``; the unique key lets exactly one process of the queue scope win
it, the way Solid Queue claims its recurring runs. With a shared queue every process of the office
takes part, so when one stops or dies the others simply claim the next slot: nothing has to be
handed over. With a local queue only this PC's scheduler-lock holder runs a schedule (one per PC).

``OROSHI_SCHEDULE_TICK_SECONDS`` shortens the slot for tests (the cron expression is then
evaluated at each slot's start); offices keep the default of 60 seconds.
"""

from __future__ import annotations

import logging
import os
import threading
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from jobs.lease import job_lease
from jobs.queue.schedule import cron_in_zone
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.identity import is_shared
from oroshi_desktop.schedule_slots import claim_slot, record_slot_job

if TYPE_CHECKING:
    from jobs.queue.tasks import Tasks

log = logging.getLogger(__name__)

TICK_VARIABLE = "OROSHI_SCHEDULE_TICK_SECONDS"
DEFAULT_TICK_SECONDS = 60.0
MAIL_CHECK = "mail_check"
BOUNCE_CHECK = "bounce_check"
PURGE_OUTPUTS = "purge_outputs"
PURGE_EVERY = timedelta(hours=1)


def schedule_tick() -> float:
    raw = os.environ.get(TICK_VARIABLE, "")
    try:
        return max(float(raw), 0.5) if raw else DEFAULT_TICK_SECONDS
    except ValueError:
        return DEFAULT_TICK_SECONDS


def slot_of(moment: datetime, tick: float) -> datetime:
    """The start of the slot ``moment`` falls in (UTC, aligned to the epoch)."""
    seconds = moment.timestamp()
    return datetime.fromtimestamp(seconds - seconds % tick, UTC)


class Schedule:
    """One process's part in the schedule of its queue scope."""

    def __init__(self, tasks: Tasks, *, tick: float | None = None) -> None:
        self.tasks = tasks
        self.tick = tick or schedule_tick()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.last_slot: datetime | None = None

    def validate(self, slot: datetime) -> bool:
        """Is ``slot`` (naive UTC) a mail-check time of the schedule as last saved in 設定?"""
        settings = self.tasks.runtime.settings
        return cron_in_zone(settings.mail_schedule, settings.tz)(slot)

    @property
    def _ledger_scope(self) -> str:
        return self.tasks.runtime.ledger.scope

    def mail_check(self, slot: datetime, *, catch_up: bool = False) -> int | None:
        """Claim ``slot`` and run its mail check; ``catch_up`` (at start) ignores the cron expression."""
        if not catch_up and not self.validate(slot.replace(tzinfo=None)):
            return None
        db, scope = self.tasks.runtime.db, self._ledger_scope
        # A local queue's start-up check always runs (one process per PC holds its schedule).
        if not claim_slot(db, scope, MAIL_CHECK, slot) and not (catch_up and not is_shared(scope)):
            return None
        job_id = self.tasks.scheduled_mail_check()
        if job_id is not None:
            record_slot_job(db, scope, MAIL_CHECK, slot, job_id)
        return job_id

    def bounce_check(self, slot: datetime) -> int | None:
        """The bounce check on the mail check's schedule, its slot claimed on its own: one per office."""
        if not self.validate(slot.replace(tzinfo=None)):
            return None
        db, scope = self.tasks.runtime.db, self._ledger_scope
        if not self.tasks.runtime.settings.imap.configured or not claim_slot(db, scope, BOUNCE_CHECK, slot):
            return None
        job_id = self.tasks.scheduled_bounce_check()
        if job_id is not None:
            record_slot_job(db, scope, BOUNCE_CHECK, slot, job_id)
        return job_id

    def purge_outputs(self, now: datetime) -> int:
        """Once an hour, by one process: delete job outputs older than the retention period."""
        from oroshi_desktop.document_store import purge_job_outputs

        runtime = self.tasks.runtime
        if not claim_slot(runtime.db, self._ledger_scope, PURGE_OUTPUTS, slot_of(now, PURGE_EVERY.total_seconds())):
            return 0
        cutoff = now - timedelta(days=runtime.settings.job_output_retention_days)
        deleted = runtime.db.writing(purge_job_outputs, cutoff)
        if deleted:
            log.info("deleted %d job output(s) older than %s", deleted, cutoff.isoformat())
        return deleted

    def sweep(self) -> tuple[list[int], list[int]]:
        """Jobs whose worker stopped, then tasks lost from the queue: (recovered, resubmitted)."""
        from jobs.queue.control import recover_stopped, resubmit_lost

        return recover_stopped(self.tasks), resubmit_lost(self.tasks)

    def step(self, now: datetime | None = None) -> None:
        """What one wake-up does: the slot's mail check when a new slot began, the sweep, the purge."""
        now = now or utcnow()
        self.tasks.runtime.reread_settings()  # a worker process: the mail schedule 設定 saved
        slot = slot_of(now, self.tick)
        if slot != self.last_slot:
            self.last_slot = slot
            self.mail_check(slot)
            self.bounce_check(slot)
        self.sweep()
        self.purge_outputs(now)

    def _run(self) -> None:
        # Wake at each slot start, and often enough to notice an expired lease within half a lease.
        interval = min(self.tick, job_lease().total_seconds() / 2)
        while True:
            now = utcnow().timestamp()
            if self._stop.wait(interval - now % interval + 0.05):
                return
            try:
                self.step()
            except Exception:  # the database is away for a moment: the next wake-up tries again
                log.exception("schedule step failed")

    def start(self) -> None:
        self.last_slot = slot_of(utcnow(), self.tick)  # the caller has run this slot's catch-up check
        self._thread = threading.Thread(target=self._run, name="oroshi-schedule", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
