"""A damaged local queue file (issue 9, point 2): moved aside with a dated name and recreated with
one log line, and the level-triggered mail check still sends what is due. Before, the worker and
queued mail checks stopped with a traceback."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from jobs.queue.consumer import make_consumer
from jobs.queue.instance import make_huey
from jobs.queue.tasks import register_tasks
from oroshi_desktop.ledger import DONE
from tests.jobs.conftest import make_due, wait_for_job


def queue_file(settings) -> Path:
    path = Path(settings.effective_queue_url.removeprefix("sqlite:///"))
    return path.with_name(path.stem + "-queue.sqlite3")


def test_damaged_queue_file_is_recreated_and_due_mail_still_goes_out(job_settings, runtime, demo_db, smtp_server,
                                                                      caplog):
    path = queue_file(job_settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(40000))
    make_due(demo_db)
    with caplog.at_level(logging.WARNING):
        tasks = register_tasks(make_huey(job_settings), lambda: runtime)
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING and "queue file" in r.getMessage()]
    assert len(warnings) == 1 and "moved aside" in warnings[0]
    assert [p.name for p in path.parent.glob("*-queue.damaged-*.sqlite3")]
    consumer = make_consumer(tasks.huey, workers=1, periodic=False, embedded=True, max_delay=0.1)
    consumer.start()
    try:
        tasks.scheduled_mail_check()  # what the consumer does at start: level-triggered
        [job] = runtime.ledger.list()
        assert wait_for_job(runtime, job.id).state == DONE
    finally:
        consumer.stop(graceful=True)
    assert len(smtp_server.accepted) == 3
