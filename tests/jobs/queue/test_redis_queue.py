"""OROSHI_QUEUE_URL=redis://… switches to Huey's Redis storage (a real redis-server serves the queue);
postgresql://… to Huey's PostgresHuey in a real PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from huey import PostgresHuey, RedisHuey

from jobs.queue.consumer import make_consumer
from jobs.queue.instance import make_huey
from jobs.queue.tasks import register_tasks
from oroshi_desktop.ledger import DONE
from tests.helpers.redis_server import running_redis
from tests.jobs.conftest import wait_for_job


def test_jobs_run_through_a_redis_queue(job_settings, runtime):
    with running_redis() as url:
        settings = replace(job_settings, queue_url=url)
        huey = make_huey(settings)
        assert isinstance(huey, RedisHuey)
        tasks = register_tasks(huey, lambda: runtime)
        consumer = make_consumer(tasks.huey, workers=1, periodic=False, embedded=True, max_delay=0.1)
        consumer.start()
        try:
            job_id = tasks.enqueue_order_document("shipping_list", day=date.today(), carrier_id=None)
            job = wait_for_job(runtime, job_id)
        finally:
            consumer.stop(graceful=True)
        assert job.state == DONE, job.error
        assert Path(job.output_path).read_bytes().startswith(b"%PDF")
        assert huey.pending_count() == 0


@pytest.mark.postgres
def test_jobs_run_through_a_postgresql_queue(job_settings, runtime, pg_server):
    from oroshi_desktop.identity import queue_scope

    url = pg_server.create_database("queue_test").replace("postgresql+psycopg://", "postgresql://")
    try:
        settings = replace(job_settings, queue_url=url)
        huey = make_huey(settings)
        assert isinstance(huey, PostgresHuey)
        assert queue_scope(settings).startswith("shared:postgresql://127.0.0.1:")
        tasks = register_tasks(huey, lambda: runtime)
        consumer = make_consumer(tasks.huey, workers=1, periodic=False, embedded=True, max_delay=0.1)
        consumer.start()
        try:
            job_id = tasks.enqueue_order_document("shipping_list", day=date.today(), carrier_id=None)
            job = wait_for_job(runtime, job_id)
        finally:
            consumer.stop(graceful=True)
        assert job.state == DONE, job.error
        assert Path(job.output_path).read_bytes().startswith(b"%PDF")
        assert huey.pending_count() == 0
        huey.storage.close()
    finally:
        pg_server.drop_database("queue_test")


def test_a_redis_queue_without_the_redis_extra_is_one_line_saying_what_to_install(_isolated_home):
    """Every command ended in Huey's ConfigurationError traceback (issue 21, point 9). The install
    without the extra is made by hiding the ``redis`` package from a child interpreter."""
    import os
    import subprocess
    import sys

    hide_redis = ("import sys; sys.modules['redis'] = None; from oroshi_desktop.cli import main; "
                  "sys.exit(main(sys.argv[1:]))")
    env = {**os.environ, "OROSHI_QUEUE_URL": "redis://127.0.0.1:6399/0"}
    for command in (["demo", "--scale", "1"], ["jobs", "status"]):
        result = subprocess.run([sys.executable, "-c", hide_redis, *command], env=env, capture_output=True, text=True,
                                timeout=120, cwd=Path(__file__).resolve().parents[3])
        if command[0] == "demo":
            continue  # only to have a database to open
        lines = result.stderr.strip().splitlines()
        assert result.returncode != 0 and len(lines) == 1, result.stderr
        assert "oroshi-desktop[redis]" in lines[0] and "Traceback" not in result.stderr
