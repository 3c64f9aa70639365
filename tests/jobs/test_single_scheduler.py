"""Only one consumer per PC runs the periodic tasks; a second one runs jobs without them."""

from __future__ import annotations

from jobs.consumer import JobQueue, SchedulerLock


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
        assert one.consumer.periodic and not two.consumer.periodic
    finally:
        two.close()
        one.close()
    # With the first one gone, the next queue takes over the schedule.
    three = JobQueue(job_settings, runtime=runtime)
    try:
        assert three.prepare().periodic is True
    finally:
        three.close()
