"""Watching the jobs a view queued: a short poll of the local ledger until each one ends."""

from __future__ import annotations

from oroshi_desktop.labels import JobState
from oroshi_desktop.ledger import JobView, Ledger
from ui.qt import QObject, QTimer, Signal

JOB_POLL_MS = 500
ENDED = (JobState.DONE, JobState.FAILED, JobState.DISCARDED)


class JobWatcher(QObject):
    """``ended(job_id, subject_id, job)``: ``job`` is the ledger's JobView, or None when its row is gone."""

    ended = Signal(int, int, object)

    def __init__(self, ledger: Ledger, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.watched: dict[int, int] = {}  # job id → the run (or other subject) it works on
        self.timer = QTimer(self)
        self.timer.setInterval(JOB_POLL_MS)
        self.timer.timeout.connect(self.poll)

    def switch_ledger(self, ledger: Ledger) -> None:
        """Another database: the jobs watched so far live in the old one's ledger; stop watching them."""
        self.ledger = ledger
        self.watched.clear()
        self.timer.stop()

    def watch(self, job_id: int, subject_id: int) -> None:
        self.watched[job_id] = subject_id
        self.timer.start()

    def poll(self) -> None:
        ended: list[tuple[int, int, JobView | None]] = []
        for job_id, subject_id in list(self.watched.items()):
            try:
                job = self.ledger.get(job_id)  # one row of the local ledger: cheap on the GUI thread
            except Exception:  # the row went away (discarded and purged): stop watching it
                ended.append((job_id, subject_id, None))
                continue
            if job.state in ENDED:
                ended.append((job_id, subject_id, job))
        for job_id, subject_id, ended_job in ended:
            self.watched.pop(job_id, None)
            self.ended.emit(job_id, subject_id, ended_job)
        if not self.watched:
            self.timer.stop()
