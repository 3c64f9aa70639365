"""This PC's scheduler lock file (a leaf module): with a local queue one process per PC runs the schedule.

With a shared queue the slots are claimed in the shared database instead (``jobs.queue.office_schedule``),
so every process may take part and none has to hand anything over when it dies.
"""

from __future__ import annotations

from pathlib import Path

import psutil
from filelock import FileLock, Timeout

from oroshi_desktop.config import Settings

SCHEDULER_LOCK_NAME = "scheduler.lock"


def _pid_path(lock_path: Path) -> Path:
    # Beside the lock, not inside it: on Windows the locked region of a file cannot be read by
    # other processes, so the holder's pid lives in a file nobody locks.
    return lock_path.with_suffix(".pid")


class SchedulerLock:
    """An OS file lock (``filelock``: ``fcntl.flock`` on Linux and macOS, ``msvcrt.locking`` of the
    file's first byte on Windows): released by the OS if the process dies, so it never goes stale."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = FileLock(str(path), timeout=0, thread_local=False)

    def acquire(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire(blocking=False)
        except Timeout:
            return False
        me = psutil.Process()
        # The start time tells a live holder from a new process that got a dead holder's pid.
        tmp = _pid_path(self.path).with_suffix(".pid.tmp")
        tmp.write_text(f"{me.pid} {me.create_time():.3f}", encoding="ascii")
        tmp.replace(_pid_path(self.path))
        return True

    def release(self) -> None:
        if self._lock.is_locked:
            # Clear our pid first, so nobody reads this process as the scheduler any more.
            _pid_path(self.path).unlink(missing_ok=True)
            self._lock.release()


def scheduler_lock_path(settings: Settings) -> Path:
    return settings.paths.data_dir / SCHEDULER_LOCK_NAME


def scheduler_holder(path: Path) -> int | None:
    """The pid of the process running this PC's schedule, or None when nobody does.

    Reads the pid the holder wrote beside the lock and checks, with ``psutil`` (``os.kill(pid, 0)``
    sends a console event on Windows instead of probing), that this very process is alive. It
    never takes the lock itself, not even for a moment: the GUI asks every two seconds, and a
    worker starting during such a probe would lose the schedule for good.
    """
    try:
        pid_text, _, started_text = _pid_path(path).read_text(encoding="ascii").strip().partition(" ")
        pid, started = int(pid_text), float(started_text or "0")
    except (FileNotFoundError, ValueError):
        return None
    except OSError:
        return -1  # the file is there but unreadable: someone holds it
    try:
        process = psutil.Process(pid)
        if started and abs(process.create_time() - started) > 1.0:
            return None  # the pid now belongs to another process: the holder has exited
    except psutil.NoSuchProcess:
        return None  # a stale pid left by a process that has exited
    except psutil.AccessDenied:
        return pid  # alive, owned by another user
    return pid
