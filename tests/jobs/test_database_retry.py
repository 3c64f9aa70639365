"""An unreachable shared database is transient: the job goes back to the queue and runs later."""

from __future__ import annotations

import time
from datetime import datetime
from zoneinfo import ZoneInfo

from oroshi_desktop.db.engine import open_database
from oroshi_desktop.ledger import DONE, QUEUED
from tests.helpers.pgserver import free_port
from tests.jobs.conftest import wait_for_job

TODAY = datetime.now(ZoneInfo("Asia/Tokyo")).date()


def test_database_unreachable_is_retried_then_done(fast_queues, runtime, demo_db):
    # A PostgreSQL URL where nothing listens: every attempt gets "connection refused".
    runtime._db = open_database(f"postgresql://oroshi@127.0.0.1:{free_port()}/oroshi",
                                connect_args={"connect_timeout": 2})
    tasks = fast_queues(1)
    job_id = tasks.enqueue_order_document("shipping_chart", day=TODAY, carrier_id=1)

    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        job = runtime.ledger.get(job_id)
        if job.attempts >= 1 and job.state == QUEUED and job.error:
            break
        time.sleep(0.05)
    assert job.state == QUEUED, job
    assert "database unreachable" in job.error

    runtime._db.dispose()
    runtime._db = demo_db  # the server is back
    done = wait_for_job(runtime, job_id, timeout=30)
    assert done.state == DONE, done.error
    assert done.attempts >= 2
    assert done.message == "注文書類作成完了"
