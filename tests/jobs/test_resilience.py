"""Mail resilience with real parts: a real queue and consumer, a real aiosmtpd server that is down,
says 4xx or 5xx, or is slow, and a real ``python -m oroshi_desktop`` process killed with SIGKILL.

The core outbox rules (claim, 4xx/5xx/uncertain per row) are tested in tests/core/test_outbox.py;
these tests look at the job level: the ledger row, Huey's retries, and a crashed process.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from jobs.queue.tasks import MAIL, MAIL_RETRIES, MESSAGES, Tasks
from oroshi_desktop.config import load_settings, with_smtp
from oroshi_desktop.db import schema
from oroshi_desktop.db.engine import Database, open_database
from oroshi_desktop.db.models import Invoice, InvoiceSupplierOrganization, OutboxMessage, SupplierOrganization
from oroshi_desktop.ledger import DONE, FAILED, QUEUED, JobView
from tests.helpers.pgserver import free_port
from tests.helpers.smtp_server import HOST, Behaviour, SmtpTestServer
from tests.jobs.conftest import DUE_INVOICE, make_due, wait_for_job
from tests.jobs.helpers_mail import FixedPortSmtpServer, SlowHandler, build_due_runs, mail_keys, outbox_rows

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fast_queue(fast_queues) -> Tasks:
    return fast_queues(1)


def wait_until(predicate: Callable[[], object], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def wait_for_retry(runtime, job_id: int, timeout: float = 30.0) -> JobView:
    """Until the job failed once and is back in the queue, waiting for Huey's retry."""
    wait_until(lambda: (lambda job: job.state == QUEUED and job.attempts >= 1)(runtime.ledger.get(job_id)),
               timeout, f"job {job_id} to fail once and wait for its retry")
    return runtime.ledger.get(job_id)


def run_outbox(db: Database, invoice_id: int = DUE_INVOICE) -> list[OutboxMessage]:
    with db.read() as session:
        rows = list(session.scalars(select(OutboxMessage).where(OutboxMessage.invoice_id == invoice_id)
                                    .order_by(OutboxMessage.id)))
        session.expunge_all()
        return rows


def demo_recipients(db: Database, invoice_id: int = DUE_INVOICE) -> int:
    with db.read() as session:
        return len(session.scalars(select(InvoiceSupplierOrganization.id)
                                   .where(InvoiceSupplierOrganization.invoice_id == invoice_id)).all())


def assert_one_mail_each(server: SmtpTestServer, expected: int) -> None:
    by_id, by_recipient = mail_keys(server.accepted)
    assert len(server.accepted) == expected
    assert len(by_id) == expected and max(by_id.values()) == 1, by_id
    assert len(by_recipient) == expected and max(by_recipient.values()) == 1, by_recipient


# ---- a: nothing listens, then the server comes up -----------------------------------------------

def test_connection_refused_is_retried_and_sent_once_the_server_is_up(fast_queue, runtime, demo_db):
    port = free_port()  # nothing listens here until the first attempt has failed
    runtime.settings = with_smtp(runtime.settings, port=port)
    make_due(demo_db)
    organizations = demo_recipients(demo_db)

    job_id = fast_queue.mail_check_now()
    first = wait_for_retry(runtime, job_id)
    assert first.attempts == 1 and first.error and "temporary" in first.error
    rows = run_outbox(demo_db)
    assert len(rows) == organizations
    for row in rows:
        assert row.state == "failed" and row.attempts == 1
        assert f"{HOST}:{port}" in row.last_error and "refused" in row.last_error.lower(), row.last_error

    server = FixedPortSmtpServer(port).start()
    try:
        job = wait_for_job(runtime, job_id, timeout=30)
        assert job.state == DONE, job
        assert job.attempts >= 2 and job.message_key == MESSAGES[MAIL].done
        assert_one_mail_each(server, organizations)
    finally:
        server.stop()
    rows = run_outbox(demo_db)
    assert [row.state for row in rows] == ["sent"] * organizations
    assert all(row.attempts == job.attempts for row in rows)  # one claim per job attempt, no more
    assert {row.message_id for row in rows} == set(mail_keys(server.accepted)[0])
    with demo_db.read() as session:
        assert session.get(Invoice, DUE_INVOICE).sent_at is not None


# ---- b: 5xx and 4xx at the job level ------------------------------------------------------------

def _email_of_first_row(db: Database) -> tuple[int, str]:
    with db.read() as session:
        iso_id, email = session.execute(
            select(InvoiceSupplierOrganization.id, SupplierOrganization.email)
            .join(SupplierOrganization, SupplierOrganization.id == InvoiceSupplierOrganization.supplier_organization_id)
            .where(InvoiceSupplierOrganization.invoice_id == DUE_INVOICE, SupplierOrganization.email.is_not(None))
            .order_by(InvoiceSupplierOrganization.id)).first()
    return iso_id, email


def test_5xx_fails_the_job_at_once_with_the_server_text(queue, runtime, demo_db, smtp_server):
    make_due(demo_db)
    organizations = demo_recipients(demo_db)
    iso_id, email = _email_of_first_row(demo_db)
    smtp_server.behave(Behaviour.DATA_REJECT, only_for=email)

    job = wait_for_job(runtime, queue.mail_check_now())
    assert job.state == FAILED and job.attempts == 1, job  # permanent: no queue retry
    assert job.message_key == MESSAGES[MAIL].failed
    assert "554 5.7.1 Message rejected as spam" in job.error
    [rejected] = [row for row in run_outbox(demo_db) if row.invoice_supplier_organization_id == iso_id]
    assert rejected.state == "failed" and "554 5.7.1 Message rejected as spam" in rejected.last_error
    assert f"outbox row {rejected.id}: failed" in job.error
    assert "554 5.7.1 Message rejected as spam" in rejected.last_error_ja
    others = [row for row in run_outbox(demo_db) if row.id != rejected.id]
    assert [row.state for row in others] == ["sent"] * (organizations - 1)
    assert len(smtp_server.accepted) == organizations - 1
    with demo_db.read() as session:
        assert session.get(Invoice, DUE_INVOICE).sent_at is None

    # A 5xx is permanent: the next scheduled check does not send the same mail again (the server
    # would refuse it again); it says the row waits for a data fix or a person's 再送.
    smtp_server.behave(Behaviour.ACCEPT)
    again = wait_for_job(runtime, queue.mail_check_now())
    assert again.state == FAILED and f"outbox row {rejected.id}: failed, waiting for a data fix" in again.error
    assert len(smtp_server.accepted) == organizations - 1
    [still] = [row for row in run_outbox(demo_db) if row.id == rejected.id]
    assert still.state == "failed" and still.failure_kind == "permanent" and still.attempts == 1

    # 再送 by a person sends it, once.
    from oroshi_desktop.mail.outbox import deliver, resend

    row = resend(demo_db, rejected.id)
    assert row.id == rejected.id
    assert deliver(demo_db, row.id, runtime.transport()).status.value == "sent"
    assert_one_mail_each(smtp_server, organizations)
    with demo_db.read() as session:
        assert session.get(Invoice, DUE_INVOICE).sent_at is not None


def test_4xx_is_retried_by_the_queue_and_then_sent(fast_queue, runtime, demo_db, smtp_server):
    make_due(demo_db)
    organizations = demo_recipients(demo_db)
    smtp_server.behave(Behaviour.RCPT_TEMPFAIL)

    job_id = fast_queue.mail_check_now()
    first = wait_for_retry(runtime, job_id)
    assert first.attempts == 1 and "temporary mail failure" in first.error
    for row in run_outbox(demo_db):
        assert row.state == "failed" and "451 4.3.0 Mailbox temporarily unavailable" in row.last_error
    smtp_server.behave(Behaviour.ACCEPT)

    job = wait_for_job(runtime, job_id, timeout=30)
    assert job.state == DONE and job.attempts >= 2, job
    assert_one_mail_each(smtp_server, organizations)
    assert [row.state for row in run_outbox(demo_db)] == ["sent"] * organizations


def test_4xx_until_the_retries_run_out_fails_the_job(fast_queues, runtime, demo_db, smtp_server):
    make_due(demo_db)
    smtp_server.behave(Behaviour.DATA_TEMPFAIL)

    queue = fast_queues(0.25)  # retries at the next scheduler ticks: about 1 s apart
    job = wait_for_job(runtime, queue.mail_check_now(), timeout=40)
    assert job.state == FAILED and job.attempts == 1 + MAIL_RETRIES, job
    assert job.message_key == MESSAGES[MAIL].failed
    assert "temporary mail failure" in job.error
    rows = run_outbox(demo_db)
    assert rows and all(row.state == "failed" and row.attempts == 1 + MAIL_RETRIES for row in rows)
    assert all("451 4.3.0 Try again later" in row.last_error for row in rows)
    assert smtp_server.accepted == []


# ---- c: SIGKILL in the middle of a batch --------------------------------------------------------

KILL_AT = 6  # the process is killed while the server holds the 250 for this mail
ORGANIZATIONS = 24


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "oroshi_desktop", *args]


# Not `calendar` (decision 128): its runs are built by build_due_runs, due now whatever the date, not
# by the demo; the subprocesses make it too slow to run five times for nothing.
def test_sigkill_mid_batch_then_restart_sends_the_rest_and_nothing_twice(_isolated_home):
    settings = load_settings()
    settings.paths.ensure()
    db = open_database(settings.effective_database_url)  # SQLite in the test's OROSHI_HOME
    schema.upgrade(db)
    [invoice_id] = build_due_runs(db, organizations=ORGANIZATIONS, runs=1)

    handler = SlowHandler(delay=0.15, signal_at=KILL_AT)
    server = FixedPortSmtpServer(free_port(), handler=handler).start()
    env = {**os.environ, "OROSHI_SMTP_HOST": HOST, "OROSHI_SMTP_PORT": str(server.port),
           "OROSHI_SMTP_SECURITY": "none"}
    try:
        process = subprocess.Popen(_cli("mail-check", "--once"), cwd=ROOT, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            assert handler.in_data.wait(60), "the first run never reached the mail to kill it at"
            os.kill(process.pid, signal.SIGKILL)
        finally:
            process.wait(timeout=30)
        assert process.returncode == -signal.SIGKILL
        time.sleep(handler.delay + 0.1)  # let the server finish (or drop) the interrupted mail

        at_kill = {row.id: row for row in outbox_rows(db)}
        states = sorted(row.state for row in at_kill.values())
        assert states.count("sent") == KILL_AT - 1, states
        [killed] = [row for row in at_kill.values() if row.state == "sending"]
        in_flight = handler.received[KILL_AT - 1].message["Message-ID"]
        assert killed.message_id == in_flight  # the row in DATA when the process died
        assert states.count("pending") == ORGANIZATIONS - KILL_AT

        # Restart. ``mail-check --once`` recovers only rows older than the 15-minute lease, so the
        # killed row (seconds old) stays in ``sending`` and is not sent again.
        restart = subprocess.run(_cli("mail-check", "--once"), cwd=ROOT, env=env, capture_output=True,
                                 text=True, timeout=120)
        assert restart.returncode == 0, restart.stdout + restart.stderr
        assert f"{ORGANIZATIONS - KILL_AT} sent" in restart.stdout, restart.stdout
    finally:
        server.stop()

    rows = {row.id: row for row in outbox_rows(db)}
    assert rows[killed.id].state == "sending"
    # What an operator (or any run after the lease) does: the stale row becomes uncertain, never
    # pending. The lease is 0 here because the test cannot wait 15 minutes.
    recovered = subprocess.run(_cli("outbox", "recover", "--lease-minutes", "0"), cwd=ROOT, env=env,
                               capture_output=True, text=True, timeout=60)
    assert recovered.returncode == 0, recovered.stderr
    assert f"now 'uncertain' (要確認): {killed.id}" in recovered.stdout
    listing = subprocess.run(_cli("outbox", "list", "--state", "uncertain"), cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=60)
    assert listing.returncode == 0 and f"{killed.id:>6}" in listing.stdout and "uncertain" in listing.stdout

    rows = {row.id: row for row in outbox_rows(db)}
    assert len(rows) == ORGANIZATIONS  # one row per due organization row: none lost, none added
    assert {row.state for row in rows.values()} == {"sent", "uncertain"}
    assert [row.id for row in rows.values() if row.state == "uncertain"] == [killed.id]
    assert all(row.attempts == 1 for row in rows.values())

    # The server saw each message once: by Message-ID, and by recipient and subject.
    by_id, by_recipient = mail_keys(handler.received)
    assert len(handler.received) == ORGANIZATIONS
    assert max(by_id.values()) == 1 and max(by_recipient.values()) == 1
    assert set(by_id) == {row.message_id for row in rows.values()}
    accepted_ids = set(mail_keys(handler.accepted)[0])
    assert {row.message_id for row in rows.values() if row.state == "sent"} <= accepted_ids
    with db.read() as session:
        assert session.get(Invoice, invoice_id).sent_at is None  # an uncertain row waits for a person
    db.dispose()
