"""Running Huey's consumer inside the GUI process or as ``oroshi-desktop worker``.

Huey's consumer installs SIGINT/SIGTERM/SIGHUP handlers in ``start()``; inside the GUI that would
swallow Ctrl-C and fail off the main thread, so the embedded consumer skips them. Only one consumer
per PC runs the periodic tasks: it holds an exclusive lock file in the data folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from huey import Huey
from huey.consumer import Consumer


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
            self._handle.close()
            self._handle = None


def make_consumer(huey: Huey, *, workers: int, periodic: bool, embedded: bool,
                  max_delay: float = 1.0) -> Consumer:
    """A thread-worker consumer; ``max_delay`` keeps an idle queue responsive (Huey's default is 10 s)."""
    cls = EmbeddedConsumer if embedded else Consumer
    return cls(huey, workers=workers, periodic=periodic, worker_type="thread", initial_delay=0.05,
               backoff=1.5, max_delay=max_delay, flush_locks=True)
