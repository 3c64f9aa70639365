"""Running Huey's consumer inside the GUI process or as ``oroshi-desktop worker``.

Huey's consumer installs SIGINT/SIGTERM/SIGHUP handlers in ``start()``; inside the GUI that would
swallow Ctrl-C and fail off the main thread, so the embedded consumer skips them. Only one consumer
per PC runs the periodic tasks: it holds an exclusive lock file in the data folder.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from huey import Huey
from huey.consumer import Consumer

from oroshi_desktop.config import Settings

if TYPE_CHECKING:
    from jobs.runtime import Runtime
    from jobs.tasks import Tasks
    from oroshi_desktop.db.engine import Database

log = logging.getLogger(__name__)

SCHEDULER_LOCK_NAME = "scheduler.lock"


class EmbeddedConsumer(Consumer):
    """A consumer that leaves the process's signal handling alone."""

    def _set_signal_handlers(self) -> None:
        return None


class SchedulerLock:
    """An OS file lock: released by the OS if the process dies, so it never goes stale."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[bytes] | None = None

    def acquire(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+b")  # noqa: SIM115 - held open for the process's lifetime
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()).encode())
        handle.flush()
        self._handle = handle
        return True

    def release(self) -> None:
        if self._handle is not None:
            # Clear our pid first, so nobody reads this process as the scheduler any more.
            self._handle.seek(0)
            self._handle.truncate()
            self._handle.close()
            self._handle = None


def make_consumer(huey: Huey, *, workers: int, periodic: bool, embedded: bool,
                  max_delay: float = 1.0) -> Consumer:
    """A thread-worker consumer; ``max_delay`` keeps an idle queue responsive (Huey's default is 10 s)."""
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
    mail_check_error: str | None = None


class JobQueue:
    """This PC's queue with its consumer: the one start-up sequence for ``worker`` and the GUI.

    ``start()`` (embedded: from the GUI main thread, returns at once) or ``run()`` (headless,
    blocks until SIGINT/SIGTERM). When this process wins the scheduler lock it runs the periodic
    tasks and first: jobs left running → failed, outbox rows left sending → uncertain, queued
    jobs whose Huey task was lost → queued again, then one mail check.
    """

    def __init__(self, settings: Settings, *, runtime: Runtime | None = None, database: Database | None = None,
                 embedded: bool = True, workers: int | None = None, max_delay: float = 0.5,
                 tasks: Tasks | None = None) -> None:
        from jobs.runtime import Runtime

        self.settings = settings
        self.runtime = runtime or Runtime(settings, db=database)
        self._owns_runtime = runtime is None
        if tasks is None:
            from jobs.queue import make_huey
            from jobs.tasks import register_tasks

            tasks = register_tasks(make_huey(settings), lambda: self.runtime)
        self.tasks = tasks
        self.embedded = embedded
        self.workers = workers or settings.workers
        self.max_delay = max_delay
        self.lock = SchedulerLock(settings.paths.data_dir / SCHEDULER_LOCK_NAME)
        self.consumer: Consumer | None = None
        self.report = StartReport()

    @property
    def huey(self) -> Huey:
        return self.tasks.huey

    def prepare(self) -> StartReport:
        from jobs.control import resubmit_lost
        from jobs.runtime import OUTBOX_LEASE
        from oroshi_desktop.mail.outbox import recover_stale

        report = StartReport(periodic=self.lock.acquire())
        if report.periodic:
            # Only the one scheduler of this PC may call running jobs interrupted or tasks lost.
            report.interrupted = self.runtime.ledger.recover_interrupted()
            report.stale_outbox = recover_stale(self.runtime.db, OUTBOX_LEASE)
            report.resubmitted = resubmit_lost(self.tasks)
            try:
                # Huey's own first tick only fires on a matching minute; this queues a ledger job
                # only when a run is due (and does nothing while paused).
                self.tasks.periodic_mail_check.call_local()
            except Exception as err:  # a database hiccup must not stop the queue from starting
                log.exception("start-up mail check failed")
                report.mail_check_error = f"{type(err).__name__}: {err}"
        self.report = report
        self.consumer = make_consumer(self.huey, workers=self.workers, periodic=report.periodic,
                                      embedded=self.embedded, max_delay=self.max_delay)
        return report

    def start(self) -> StartReport:
        """Prepare and start the consumer's threads; call from the main thread."""
        report = self.prepare()
        assert self.consumer is not None
        self.consumer.start()
        log.info("job queue started (%d worker(s), schedule %s)", self.workers, "on" if report.periodic else "off")
        return report

    def run(self) -> None:
        """Headless: block until SIGINT/SIGTERM (a non-embedded consumer), then clean up."""
        if self.consumer is None:
            self.prepare()
        assert self.consumer is not None
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
        self.lock.release()
        if self._owns_runtime:
            self.runtime.close()


EmbeddedQueue = JobQueue
