"""Leases on running ledger rows: a worker that stops renewing them has stopped (a leaf module).

A process renews the lease of every job it is running every third of the lease; a row whose lease
ran out belongs to a worker that was killed or lost its machine, and any process of the job's queue
scope may take it back (``jobs.queue.control.recover_stopped``). ``OROSHI_JOB_LEASE_SECONDS`` shortens
it (tests, impatient offices); the default is one minute.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from datetime import timedelta

log = logging.getLogger(__name__)

LEASE_VARIABLE = "OROSHI_JOB_LEASE_SECONDS"
DEFAULT_LEASE_SECONDS = 60.0


def job_lease() -> timedelta:
    raw = os.environ.get(LEASE_VARIABLE, "")
    try:
        seconds = float(raw) if raw else DEFAULT_LEASE_SECONDS
    except ValueError:
        seconds = DEFAULT_LEASE_SECONDS
    return timedelta(seconds=max(seconds, 1.0))


class Heartbeat:
    """One thread per process renewing the leases of the jobs this process is running."""

    def __init__(self, renew: Callable[[list[int], timedelta], object], lease: timedelta) -> None:
        self._renew = renew
        self.lease = lease
        self._active: dict[int, int] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def add(self, job_id: int) -> None:
        with self._lock:
            self._active[job_id] = self._active.get(job_id, 0) + 1
            if self._thread is None or not self._thread.is_alive():
                self._stop.clear()
                self._thread = threading.Thread(target=self._run, name="oroshi-job-heartbeat", daemon=True)
                self._thread.start()

    def remove(self, job_id: int) -> None:
        with self._lock:
            left = self._active.get(job_id, 0) - 1
            if left > 0:
                self._active[job_id] = left
            else:
                self._active.pop(job_id, None)

    def _run(self) -> None:
        interval = self.lease.total_seconds() / 3
        while not self._stop.wait(interval):
            with self._lock:
                ids = list(self._active)
            if not ids:
                continue
            try:
                self._renew(ids, self.lease)
            except Exception:  # the database is away for a moment: the next beat tries again
                log.warning("could not renew the lease of jobs %s", ids, exc_info=True)

    def stop(self) -> None:
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=5)
        self._thread = None
