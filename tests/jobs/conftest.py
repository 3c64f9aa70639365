"""Fixtures for the job tests: settings on the test's database, a demo data set, a real queue
with a real consumer (threads, started from the main thread), and the local SMTP server."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select, update

from oroshi_desktop.config import Settings, load_settings, with_smtp
from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import Invoice, Supplier, SupplierOrganization, Supply, SupplyDate
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.ledger import DONE, FAILED, JobView
from tests.helpers.smtp_server import SmtpTestServer

DUE_INVOICE = 3  # the demo's scheduled run (three organizations, one without a mail address)


def make_due(db: Database, invoice_id: int = DUE_INVOICE) -> None:
    with db.write() as session:
        session.execute(update(Invoice).where(Invoice.id == invoice_id)
                        .values(send_at=utcnow() - timedelta(minutes=1)))


def a_check_sheet_day(db: Database, before: date) -> date:
    """The last day before ``before`` with supplies for a check sheet of prefecture 1 at reception
    time 1. The demo's supply days are drawn at random (only today always has deliveries), so
    "yesterday" had none on some dates (the 16th: the 15th closes a half month drawn 10–15 of 15)."""
    with db.read() as session:
        day = session.scalar(
            select(SupplyDate.date).join(Supply, Supply.supply_date_id == SupplyDate.id)
            .join(Supplier, Supplier.id == Supply.supplier_id)
            .join(SupplierOrganization, SupplierOrganization.id == Supplier.supplier_organization_id)
            .where(SupplyDate.date < before, Supply.supply_reception_time_id == 1, SupplierOrganization.subregion_id == 1)
            .order_by(SupplyDate.date.desc()).limit(1))
    assert day is not None, f"the demo has no supplies for a check sheet before {before}"
    return day


@pytest.fixture
def demo_db(sqlite_db: Database) -> Database:
    from oroshi_desktop.demo import generate_demo

    generate_demo(sqlite_db, scale=1, seed=0)
    return sqlite_db


@pytest.fixture
def smtp_server() -> Iterator[SmtpTestServer]:
    with SmtpTestServer.running() as server:
        yield server


@pytest.fixture
def job_settings(demo_db: Database, smtp_server: SmtpTestServer) -> Settings:
    settings = replace(load_settings(), database_url=demo_db.url.render_as_string(hide_password=False))
    return with_smtp(settings, host=smtp_server.settings().host, port=smtp_server.port, security="none",
                     timeout_seconds=5.0)


@pytest.fixture
def runtime(job_settings: Settings, demo_db: Database) -> Iterator:
    from jobs.runtime import Runtime

    rt = Runtime(job_settings)
    rt._db = demo_db
    yield rt
    if rt._ledger is not None:
        rt._ledger.dispose()


@pytest.fixture
def queue(job_settings: Settings, runtime) -> Iterator:
    """Registered tasks on a real SqliteHuey, served by an embedded consumer."""
    from jobs.queue.consumer import make_consumer
    from jobs.queue.instance import make_huey
    from jobs.queue.tasks import register_tasks

    tasks = register_tasks(make_huey(job_settings), lambda: runtime)
    consumer = make_consumer(tasks.huey, workers=2, periodic=False, embedded=True, max_delay=0.1)
    consumer.start()
    try:
        yield tasks
    finally:
        consumer.stop(graceful=True)


def wait_for_job(runtime, job_id: int, timeout: float = 30.0) -> JobView:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = runtime.ledger.get(job_id)
        if job.state in (DONE, FAILED):
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} did not finish: {runtime.ledger.get(job_id)}")


@pytest.fixture
def wait(runtime) -> Callable[[int], JobView]:
    return lambda job_id, timeout=30.0: wait_for_job(runtime, job_id, timeout)


@pytest.fixture
def fast_queues(job_settings, runtime) -> Iterator[Callable[[float], Any]]:
    """Real tasks on a real SqliteHuey and consumer, with a short first mail retry delay.

    Huey's scheduler looks at delayed (retried) tasks once a second (``scheduler_interval=1``, the
    consumer's default), so a retry comes at the first scheduler tick after its delay.
    """
    from jobs.queue.consumer import make_consumer
    from jobs.queue.instance import make_huey
    from jobs.queue.tasks import register_tasks

    consumers = []

    def start(mail_retry_delay: float) -> Any:
        tasks = register_tasks(make_huey(job_settings), lambda: runtime, mail_retry_delay=mail_retry_delay)
        consumer = make_consumer(tasks.huey, workers=2, periodic=False, embedded=True, max_delay=0.1)
        assert consumer.scheduler_interval == 1
        consumer.start()
        consumers.append(consumer)
        return tasks

    yield start
    for consumer in consumers:
        consumer.stop(graceful=True)
