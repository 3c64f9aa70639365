"""Running Huey's consumer inside the GUI process or as ``oroshi-desktop worker``.

Huey's consumer installs SIGINT/SIGTERM/SIGHUP handlers in ``start()``; inside the GUI that would
swallow Ctrl-C and fail off the main thread, so the embedded consumer skips them. There is one
scheduler, ours: no Huey periodic task is registered and the consumer runs with ``periodic=False``;
the schedule (``jobs.queue.office_schedule``) claims each slot in the database. With a local queue only the consumer holding this PC's lock file takes part in it; with
a shared queue every consumer does, and the slot rows let exactly one of them act per slot.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from huey import Huey
from huey.consumer import Consumer

from jobs.queue.scheduler_lock import SCHEDULER_LOCK_NAME, SchedulerLock
from oroshi_desktop.config import Settings
from oroshi_desktop.identity import is_shared

if TYPE_CHECKING:
    from jobs.queue.office_schedule import Schedule
    from jobs.queue.tasks import Tasks
    from jobs.runtime import Runtime
    from oroshi_desktop.db.engine import Database

__all__ = ["SCHEDULER_LOCK_NAME", "EmbeddedConsumer", "JobQueue", "SchedulerLock", "StartReport", "make_consumer"]

log = logging.getLogger(__name__)


class EmbeddedConsumer(Consumer):
    """A consumer that leaves the process's signal handling alone."""

    def _set_signal_handlers(self) -> None:
        return None


def make_consumer(huey: Huey, *, workers: int, periodic: bool, embedded: bool,
                  max_delay: float = 1.0) -> Consumer:
    """A thread-worker consumer; ``max_delay`` keeps an idle queue responsive (Huey's default is 10 s)."""
    from jobs.runtime import quiet_retries

    quiet_retries()  # a planned retry is an info line, not "Unhandled exception" with a traceback
    cls = EmbeddedConsumer if embedded else Consumer
    return cls(huey, workers=workers, periodic=periodic, worker_type="thread", initial_delay=0.05,
               backoff=1.5, max_delay=max_delay, flush_locks=True)


@dataclass
class StartReport:
    """What the start-up sequence did (the worker prints it, the GUI logs it)."""

    periodic: bool = False
    interrupted: list[int] = field(default_factory=list)
    stale_outbox: list[int] = field(default_factory=list)
    resubmitted: list[int] = field(default_factory=list)


class JobQueue:
    """The queue's consumer in this process: the one start-up sequence for ``worker`` and the GUI.

    ``start()`` (embedded: from the GUI main thread, returns at once) or ``run()`` (headless,
    blocks until SIGINT/SIGTERM). When this process takes part in the schedule (a shared queue, or
    the lock holder of a local one) it first takes back lost work: jobs whose worker stopped (lease
    expired), outbox rows left sending (→ uncertain), queued jobs whose Huey task was lost; then it
    runs the current slot's mail check and starts the schedule thread.
    """

    def __init__(self, settings: Settings, *, runtime: Runtime | None = None, database: Database | None = None,
                 embedded: bool = True, workers: int | None = None, max_delay: float = 0.5,
                 tasks: Tasks | None = None) -> None:
        from jobs.runtime import Runtime

        self.settings = settings
        self.runtime = runtime or Runtime(settings, db=database)
        self._owns_runtime = runtime is None
        if tasks is None:
            from jobs.queue.instance import make_huey
            from jobs.queue.tasks import register_tasks

            tasks = register_tasks(make_huey(settings), lambda: self.runtime)
        self.tasks = tasks
        self.embedded = embedded
        self.workers = workers or settings.workers
        self.max_delay = max_delay
        self.lock = SchedulerLock(settings.paths.data_dir / SCHEDULER_LOCK_NAME)
        self.consumer: Consumer | None = None
        self.schedule: Schedule | None = None
        self.report = StartReport()

    @property
    def huey(self) -> Huey:
        return self.tasks.huey

    @property
    def shared(self) -> bool:
        return is_shared(self.runtime.ledger.scope)

    def prepare(self) -> StartReport:
        from jobs.queue.office_schedule import Schedule, slot_of
        from jobs.runtime import OUTBOX_LEASE
        from oroshi_desktop.db.types import utcnow
        from oroshi_desktop.mail.outbox import recover_stale

        # A shared queue's schedule is arbitrated by slot rows; a local one by this PC's lock file.
        report = StartReport(periodic=self.shared or self.lock.acquire())
        if report.periodic:
            schedule = Schedule(self.tasks)
            report.interrupted, report.resubmitted = schedule.sweep()
            report.stale_outbox = recover_stale(self.runtime.db, OUTBOX_LEASE)
            try:
                # Catch up at start (level-triggered: a job only when a run is due, none while
                # paused), as this slot's check: another process that claimed the slot did it.
                schedule.mail_check(slot_of(utcnow(), schedule.tick), catch_up=True)
            except Exception:  # a database hiccup must not stop the queue from starting
                log.exception("start-up mail check failed")
            self.schedule = schedule
        self.report = report
        self.consumer = make_consumer(self.huey, workers=self.workers, periodic=False,
                                      embedded=self.embedded, max_delay=self.max_delay)
        return report

    def use_settings(self, settings: Settings) -> None:
        """設定 saved: the next job and the next schedule slot use ``settings`` (no restart)."""
        self.settings = settings
        self.runtime.use_settings(settings)

    def start(self) -> StartReport:
        """Prepare and start the consumer's threads; call from the main thread."""
        report = self.prepare()
        assert self.consumer is not None
        self.consumer.start()
        if self.schedule is not None:
            self.schedule.start()
        log.info("job queue started (%d worker(s), schedule %s)", self.workers, "on" if report.periodic else "off")
        return report

    def run(self) -> None:
        """Headless: block until SIGINT/SIGTERM (a non-embedded consumer), then clean up."""
        if self.consumer is None:
            self.prepare()
        assert self.consumer is not None
        if self.schedule is not None:
            self.schedule.start()
        try:
            self.consumer.run()
        finally:
            self.close()

    def stop(self, graceful: bool = True) -> None:
        """Let running tasks finish, then stop the threads and release the lock."""
        if self.consumer is not None:
            self.consumer.stop(graceful=graceful)
            self.consumer = None
        self.close()

    def close(self) -> None:
        if self.schedule is not None:
            self.schedule.stop()
            self.schedule = None
        self.lock.release()
        if self._owns_runtime:
            self.runtime.close()

