"""Watching the jobs a view queued until each one ends, reading the job ledger off the GUI thread
(the ledger is in the app database, a far server in the many-PCs mode), at most one read in flight.

A job run by this process's own consumer says when it ended (``AppContext.job_ran``): the ledger is
read at once. A job that another PC's worker runs (a shared queue) says nothing here, so a slower
poll covers it."""

from __future__ import annotations

import logging

from oroshi_desktop.db.engine import is_connection_error
from oroshi_desktop.labels import JobState
from oroshi_desktop.ledger import JobView, Ledger
from ui.operations import Operation
from ui.qt import QObject, QTimer, Signal, SignalInstance

log = logging.getLogger(__name__)

JOB_POLL_MS = 500  # with nobody telling the watcher when a job ends
OTHER_WORKERS_POLL_MS = 2000  # when this process's consumer tells it: only other PCs' work is polled
ENDED = (JobState.DONE, JobState.FAILED, JobState.DISCARDED)

Ended = list[tuple[int, int, JobView | None]]  # (job id, subject id, the job, or None when it is gone)


def read_ended(ledger: Ledger, watched: dict[int, int]) -> Ended:
    """The watched jobs that ended (on a pool thread); a row that is gone counts as ended."""
    ended: Ended = []
    for job_id, subject_id in watched.items():
        try:
            job = ledger.get(job_id)
        except Exception as err:
            if is_connection_error(err):
                raise  # the database is away: nothing is known, the next poll asks again
            ended.append((job_id, subject_id, None))  # the row went away (discarded and purged)
            continue
        if job.state in ENDED:
            ended.append((job_id, subject_id, job))
    return ended


class JobWatcher(QObject):
    """``ended(job_id, subject_id, job)``: ``job`` is the ledger's JobView, or None when its row is gone."""

    ended = Signal(int, int, object)

    def __init__(self, ledger: Ledger, parent: QObject | None = None, *, job_ran: SignalInstance | None = None) -> None:
        """``job_ran``: a signal carrying the id of each job this process's consumer ran to its end."""
        super().__init__(parent)
        self.ledger = ledger
        self.watched: dict[int, int] = {}  # job id → the run (or other subject) it works on
        self._reading = False
        self._read_again = False  # told of an ended job while a read was in flight
        self._generation = 0  # a read for a ledger switched away from is dropped
        self.timer = QTimer(self)
        self.timer.setInterval(JOB_POLL_MS if job_ran is None else OTHER_WORKERS_POLL_MS)
        self.timer.timeout.connect(self.poll)
        if job_ran is not None:
            job_ran.connect(self._job_ran)

    def _job_ran(self, job_id: int) -> None:
        if job_id not in self.watched:
            return
        if self._reading:
            self._read_again = True
        else:
            self.poll()

    def switch_ledger(self, ledger: Ledger) -> None:
        """Another database: the jobs watched so far live in the old one's ledger; stop watching them."""
        self.ledger = ledger
        self._generation += 1
        self.watched.clear()
        self.timer.stop()

    def watch(self, job_id: int, subject_id: int) -> None:
        self.watched[job_id] = subject_id
        self.timer.start()

    def poll(self) -> None:
        if self._reading or not self.watched:
            return
        self._reading = True
        ledger, watched, generation = self.ledger, dict(self.watched), self._generation

        def done() -> None:
            self._reading = False
            if self._read_again:
                self._read_again = False
                self.poll()

        Operation(self, lambda: read_ended(ledger, watched)) \
            .success(lambda ended: self._ended(ended, generation)) \
            .failure(lambda err: log.info("job states not read: %s", err)).finally_(done).run()

    def _ended(self, ended: Ended, generation: int) -> None:
        if generation != self._generation:
            return
        for job_id, subject_id, job in ended:
            if job_id in self.watched:
                del self.watched[job_id]
                self.ended.emit(job_id, subject_id, job)
        if not self.watched:
            self.timer.stop()
