"""Pause/resume of the queue, its status, and re-queuing jobs whose Huey task was lost (real queue)."""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from jobs.queue.consumer import JobQueue
from jobs.queue.control import (
    PAUSED_MESSAGE,
    is_paused,
    queue_status,
    queued_job_ids,
    resubmit_lost,
    set_paused,
)
from jobs.queue.tasks import ORDER_DOCUMENT, register_tasks, running_message
from oroshi_desktop.cli import main
from oroshi_desktop.ledger import DONE, FAILED, QUEUED
from tests.jobs.conftest import make_due

# Depends on the date the demo is anchored on: .ci/run runs it again on other dates.
pytestmark = pytest.mark.calendar

TODAY = datetime.now(ZoneInfo("Asia/Tokyo")).date()


def _wait_until(check, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError("condition not reached in time")


def test_paused_queue_holds_jobs_queued_and_resume_runs_them(queue, runtime, wait):
    ledger = runtime.ledger
    set_paused(ledger, True)
    job_id = queue.enqueue_order_document("shipping_list", day=TODAY, carrier_id=None)
    _wait_until(lambda: ledger.get(job_id).message_key == PAUSED_MESSAGE.key)
    held = ledger.get(job_id)
    assert (held.state, held.attempts, held.started_at) == (QUEUED, 0, None)
    # Held in Huey's schedule (not lost): it carries the job id. Looked for until seen: while a worker
    # takes the held task to put it back with a delay, it is briefly in neither list.
    _wait_until(lambda: job_id in queued_job_ids(queue.huey))
    time.sleep(2.5)  # at least one more look at the flag: still held
    assert ledger.get(job_id).state == QUEUED

    set_paused(ledger, False)
    done = wait(job_id)
    assert done.state == DONE and done.attempts == 1, done


def test_discarded_while_paused_is_dropped(queue, runtime):
    ledger = runtime.ledger
    set_paused(ledger, True)
    job_id = queue.enqueue_order_document("shipping_list", day=TODAY, carrier_id=None)
    _wait_until(lambda: ledger.get(job_id).message_key == PAUSED_MESSAGE.key)
    ledger.discard(job_id)
    set_paused(ledger, False)
    _wait_until(lambda: job_id not in queued_job_ids(queue.huey), timeout=10)
    assert ledger.get(job_id).state == "discarded"


def test_scheduled_mail_check_does_nothing_while_paused(job_settings, runtime, demo_db):
    from jobs.queue.instance import make_huey

    tasks = register_tasks(make_huey(job_settings), lambda: runtime)
    make_due(demo_db)
    set_paused(runtime.ledger, True)
    tasks.scheduled_mail_check()
    assert runtime.ledger.count() == 0
    set_paused(runtime.ledger, False)
    tasks.scheduled_mail_check()
    assert runtime.ledger.count() == 1


def test_lost_queued_jobs_are_found_by_comparing_with_the_queue(job_settings, runtime):
    from jobs.queue.instance import make_huey

    tasks = register_tasks(make_huey(job_settings), lambda: runtime)  # no consumer: tasks stay in the queue
    arguments = {"document_type": "shipping_list", "date": TODAY.isoformat(), "carrier_id": None}
    lost = runtime.ledger.create(ORDER_DOCUMENT, arguments, running_message(ORDER_DOCUMENT, arguments))
    on_queue = tasks.enqueue(ORDER_DOCUMENT, arguments)
    delayed = runtime.ledger.create(ORDER_DOCUMENT, arguments, "")
    tasks.job_task.schedule((delayed, runtime.ledger.get(delayed).token), delay=3600)
    assert queued_job_ids(tasks.huey) == {on_queue, delayed}

    assert resubmit_lost(tasks) == [], "a row younger than the grace period may still be on its way"
    assert resubmit_lost(tasks, grace=timedelta(0)) == [lost]
    assert queued_job_ids(tasks.huey) == {lost, on_queue, delayed}
    assert resubmit_lost(tasks, grace=timedelta(0)) == [], "nothing is queued twice"


def test_two_processes_sweeping_at_once_resubmit_a_lost_job_once(job_settings, runtime):
    """Two sweepers of one scope (two workers of a shared queue) find the same lost row at once."""
    import threading

    from jobs.queue.instance import make_huey
    from jobs.runtime import Runtime

    other_runtime = Runtime(job_settings, db=runtime.db)
    sweepers = [register_tasks(make_huey(job_settings), lambda: runtime),
                register_tasks(make_huey(job_settings), lambda: other_runtime)]
    arguments = {"document_type": "shipping_list", "date": TODAY.isoformat(), "carrier_id": None}
    lost = runtime.ledger.create(ORDER_DOCUMENT, arguments, "")
    # Lost a minute ago, looked for with half a minute's grace (as in use, where the grace is minutes):
    # a row the other sweeper has just claimed is submitted now, so it is not lost any more. With no
    # grace at all a sweeper that read the queue before the other resubmitted could take it again.
    from sqlalchemy import update

    from oroshi_desktop.db.models import JobRow
    from oroshi_desktop.db.types import utcnow

    with runtime.db.write() as session:
        session.execute(update(JobRow).where(JobRow.id == lost).values(submitted_at=utcnow() - timedelta(minutes=1)))
    barrier, results = threading.Barrier(2), []

    def sweep(tasks) -> None:
        barrier.wait()
        results.append(resubmit_lost(tasks, grace=timedelta(seconds=30)))

    threads = [threading.Thread(target=sweep, args=(tasks,)) for tasks in sweepers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [[], [lost]]
    pending = [task for task in sweepers[0].huey.pending() if task.args[0] == lost]
    assert len(pending) == 1, "resubmitted once, by one process"


def test_start_up_requeues_lost_jobs_fails_interrupted_ones_and_reports_status(job_settings, runtime, monkeypatch):
    import jobs.queue.control

    monkeypatch.setattr(jobs.queue.control, "LOST_JOB_GRACE", timedelta(0))
    ledger = runtime.ledger
    arguments = {"document_type": "shipping_list", "date": TODAY.isoformat(), "carrier_id": None}
    # What a hard kill leaves: a queued row whose task a dead worker had taken, and a running row.
    lost = ledger.create(ORDER_DOCUMENT, arguments, running_message(ORDER_DOCUMENT, arguments))
    interrupted = ledger.create(ORDER_DOCUMENT, arguments, "")
    ledger.start(interrupted, "running", lease=timedelta(seconds=-1))  # its worker stopped renewing it

    assert queue_status(job_settings, ledger).scheduler_pid is None
    job_queue = JobQueue(job_settings, runtime=runtime, workers=1, max_delay=0.1)
    report = job_queue.start()
    try:
        assert report.periodic and report.resubmitted == [lost] and report.interrupted == [interrupted]
        _wait_until(lambda: ledger.get(lost).state == DONE)
        # The first stop of a job runs it again; it then finishes.
        _wait_until(lambda: ledger.get(interrupted).state == DONE)
        assert ledger.get(interrupted).attempts == 2
        status = queue_status(job_settings, ledger)
        assert status.scheduler_pid == os.getpid() and not status.paused
        assert status.schedule_text == "メール確認: */10 * * * * (Asia/Tokyo)"
        # A second consumer on this PC does not get the schedule and recovers nothing.
        second = JobQueue(job_settings, runtime=runtime, workers=1, max_delay=0.1)
        assert not second.prepare().periodic
        second.close()
    finally:
        job_queue.stop()
    assert queue_status(job_settings, ledger).scheduler_pid is None


def test_cli_pause_resume_status(_isolated_home, capsys):
    assert main(["jobs", "status"]) == 0
    out = capsys.readouterr().out
    assert "queue: running" in out and "mail schedule: */10 * * * * (Asia/Tokyo)" in out
    assert "no worker or app holds the schedule" in out
    assert main(["jobs", "pause"]) == 0
    assert main(["jobs", "status"]) == 0
    assert "queue: paused (一時停止中)" in capsys.readouterr().out
    from oroshi_desktop.config import load_settings
    from oroshi_desktop.db.engine import open_database
    from oroshi_desktop.ledger import Ledger

    settings = load_settings()
    database = open_database(settings.effective_database_url)
    ledger = Ledger.for_settings(database, settings)
    try:
        assert is_paused(ledger)
        assert main(["jobs", "resume"]) == 0
        assert not is_paused(ledger)
    finally:
        database.dispose()


def test_a_job_whose_worker_stopped_twice_fails_with_a_plain_reason(job_settings, runtime):
    from jobs.queue.control import recover_stopped
    from jobs.queue.instance import make_huey
    from oroshi_desktop.ledger import STOPPED_MESSAGE

    tasks = register_tasks(make_huey(job_settings), lambda: runtime)  # no consumer
    ledger = runtime.ledger
    arguments = {"document_type": "shipping_list", "date": TODAY.isoformat(), "carrier_id": None}
    job_id = ledger.create(ORDER_DOCUMENT, arguments, "")
    ledger.start(job_id, "running", lease=timedelta(seconds=-1))
    assert recover_stopped(tasks) == [job_id]
    again = ledger.get(job_id)
    assert again.state == QUEUED and again.message == "処理中に停止しました（再実行します）"
    assert job_id in queued_job_ids(tasks.huey), "queued again once"
    ledger.start(job_id, "running", lease=timedelta(seconds=-1))  # and its next worker stopped too
    assert recover_stopped(tasks) == [job_id]
    failed = ledger.get(job_id)
    assert (failed.state, failed.message_key, failed.attempts) == (FAILED, STOPPED_MESSAGE.key, 2)
    assert failed.message == "処理中に停止しました" and failed.message_text("en") == "Stopped while running"
    assert recover_stopped(tasks) == []
