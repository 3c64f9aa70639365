"""An unreachable database is transient: the worker cannot even read the job, the task goes back to
the queue with backoff, and the job runs once the database is back."""

from __future__ import annotations

import time
from datetime import datetime
from zoneinfo import ZoneInfo

from jobs.queue.consumer import make_consumer
from jobs.queue.instance import make_huey
from jobs.queue.tasks import register_tasks
from jobs.runtime import Runtime
from oroshi_desktop.db.engine import open_database
from oroshi_desktop.ledger import DONE, QUEUED
from tests.helpers.pgserver import free_port
from tests.jobs.conftest import wait_for_job

TODAY = datetime.now(ZoneInfo("Asia/Tokyo")).date()


def test_database_unreachable_is_retried_then_done(job_settings, runtime, demo_db):
    # The worker's PostgreSQL URL where nothing listens: every attempt gets "connection refused".
    worker = Runtime(job_settings, db=open_database(f"postgresql://oroshi@127.0.0.1:{free_port()}/oroshi",
                                                    connect_args={"connect_timeout": 2}))
    worker_tasks = register_tasks(make_huey(job_settings), lambda: worker, mail_retry_delay=1)
    consumer = make_consumer(worker_tasks.huey, workers=1, periodic=False, embedded=True, max_delay=0.1)
    # The PC that asks (database fine); the retry delay travels with the task.
    asking = register_tasks(make_huey(job_settings), lambda: runtime, mail_retry_delay=1)
    consumer.start()
    try:
        job_id = asking.enqueue_order_document("shipping_chart", day=TODAY, carrier_id=1)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not list(worker_tasks.huey.scheduled()):
            time.sleep(0.05)
        [retry] = list(worker_tasks.huey.scheduled())  # the failed attempt waits for its retry
        assert retry.args[0] == job_id and retry.retries < 3
        job = runtime.ledger.get(job_id)
        assert job.state == QUEUED and job.attempts == 0, job

        worker.db.dispose()
        worker._db, worker._ledger = demo_db, None  # the server is back
        done = wait_for_job(runtime, job_id, timeout=30)
    finally:
        consumer.stop(graceful=True)
        worker.close()
    assert done.state == DONE, done.error
    assert done.attempts == 1
    assert done.message == "注文書類作成完了"
