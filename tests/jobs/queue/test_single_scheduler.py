"""Only one consumer per PC runs the periodic tasks; a second one runs jobs without them."""

from __future__ import annotations

from pathlib import Path

from jobs.queue.consumer import JobQueue, SchedulerLock


def test_scheduler_lock_is_exclusive_and_released(tmp_path):
    first, second = SchedulerLock(tmp_path / "scheduler.lock"), SchedulerLock(tmp_path / "scheduler.lock")
    assert first.acquire()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()


def test_second_queue_on_the_same_pc_runs_without_periodic_tasks(job_settings, runtime):
    one = JobQueue(job_settings, runtime=runtime)
    two = JobQueue(job_settings, runtime=runtime)
    try:
        assert one.prepare().periodic is True
        assert two.prepare().periodic is False
        # Huey's own periodic scheduler never runs; the schedule thread is the holder's only.
        assert not one.consumer.periodic and not two.consumer.periodic
        assert one.schedule is not None and two.schedule is None
    finally:
        two.close()
        one.close()
    # With the first one gone, the next queue takes over the schedule.
    three = JobQueue(job_settings, runtime=runtime)
    try:
        assert three.prepare().periodic is True
    finally:
        three.close()


def test_status_names_another_process_holding_the_schedule_without_touching_the_lock(tmp_path):
    import subprocess
    import sys
    import time

    from jobs.queue.control import scheduler_holder

    path = tmp_path / "scheduler.lock"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from jobs.queue.consumer import SchedulerLock; "
        f"lock = SchedulerLock(Path({str(path)!r})); assert lock.acquire(); print('held', flush=True); "
        "time.sleep(60)")], stdout=subprocess.PIPE, text=True,
        cwd=Path(__file__).resolve().parents[3])
    try:
        assert holder.stdout.readline().strip() == "held"
        for _ in range(20):  # the GUI asks every two seconds; asking must never steal the lock
            assert scheduler_holder(path) == holder.pid
        assert not SchedulerLock(path).acquire()
    finally:
        holder.kill()
        holder.wait()
    deadline = time.monotonic() + 5
    while scheduler_holder(path) is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert scheduler_holder(path) is None  # the pid left in the file belongs to a dead process
    assert SchedulerLock(path).acquire()


def test_a_reused_pid_is_not_taken_for_the_holder(tmp_path):
    import os

    from jobs.queue.control import scheduler_holder

    path = tmp_path / "scheduler.lock"
    # A holder that died, its pid since given to a live process (here: this one) started later.
    path.with_suffix(".pid").write_text(f"{os.getpid()} 1000000000.000", encoding="ascii")
    assert scheduler_holder(path) is None
    lock = SchedulerLock(path)
    assert lock.acquire()
    try:
        assert scheduler_holder(path) == os.getpid()  # readable while locked, on Windows too
    finally:
        lock.release()
    assert scheduler_holder(path) is None
