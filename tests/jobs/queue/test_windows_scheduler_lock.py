"""Windows only (issue 10 point 4): the one-scheduler-per-PC lock between two real processes, as on
an office PC where the tray app and a worker start together. The hand-written ``msvcrt.locking``
branch it replaced let two processes both "hold" it; this runs where that bug lived. Skipped
elsewhere with the reason (the same protocol is tested on Linux in ``test_single_scheduler.py``).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from jobs.queue.consumer import SchedulerLock
from jobs.queue.control import scheduler_holder

ROOT = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.skipif(sys.platform != "win32",
                                reason="Windows only: msvcrt byte-range locks and psutil's holder probe")

HOLD = ("import sys, time; from pathlib import Path; from jobs.queue.consumer import SchedulerLock; "
        "lock = SchedulerLock(Path(sys.argv[1])); print('held' if lock.acquire() else 'busy', flush=True); "
        "time.sleep(60)")


def _start(path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True, cwd=ROOT)


def test_two_processes_never_both_hold_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "scheduler.lock"
    first, second = _start(path), _start(path)
    try:
        answers = {first.pid: first.stdout.readline().strip(), second.pid: second.stdout.readline().strip()}
        assert sorted(answers.values()) == ["busy", "held"], answers
        holder = next(pid for pid, answer in answers.items() if answer == "held")
        assert scheduler_holder(path) == holder  # psutil probe, not os.kill(pid, 0)
        assert not SchedulerLock(path).acquire()
        # The holder dies without releasing: Windows frees the lock, and the next process takes it.
        (first if first.pid == holder else second).kill()
        (first if first.pid == holder else second).wait()
        deadline = time.monotonic() + 10
        taken = SchedulerLock(path)
        while not taken.acquire():
            assert time.monotonic() < deadline, "the dead holder's lock was never released"
            time.sleep(0.1)
        taken.release()
    finally:
        for process in (first, second):
            process.kill()
            process.wait()
