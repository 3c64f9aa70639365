"""This PC's scheduler lock file (a leaf module): with a local queue one process per PC runs the schedule.

With a shared queue the slots are claimed in the shared database instead (``jobs.office_schedule``),
so every process may take part and none has to hand anything over when it dies.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from oroshi_desktop.config import Settings

SCHEDULER_LOCK_NAME = "scheduler.lock"


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
