"""The queue commands end to end: ``python -m oroshi_desktop`` in a subprocess on a demo database,
mailing to the local SMTP server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from oroshi_desktop.config import load_settings
from oroshi_desktop.db import schema
from oroshi_desktop.db.engine import open_database
from oroshi_desktop.db.models import Invoice, InvoiceSupplierOrganization
from tests.helpers.smtp_server import HOST, SmtpTestServer
from tests.jobs.conftest import DUE_INVOICE, make_due

# Depends on the date the demo is anchored on: .ci/run runs it again on other dates.
pytestmark = pytest.mark.calendar

ROOT = Path(__file__).resolve().parents[2]

def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "oroshi_desktop", *args], capture_output=True, text=True, timeout=120,
                          cwd=ROOT, env={**os.environ, **(env or {})})


@pytest.fixture
def demo_home(_isolated_home):
    settings = load_settings()
    settings.paths.ensure()
    database = open_database(settings.effective_database_url)
    schema.upgrade(database)
    from oroshi_desktop.demo import generate_demo

    generate_demo(database, scale=1, seed=0)
    make_due(database)
    yield database
    database.dispose()


def test_mail_check_once_sends_due_mail_and_jobs_list(demo_home):
    with SmtpTestServer.running() as server:
        env = {"OROSHI_SMTP_HOST": HOST, "OROSHI_SMTP_PORT": str(server.port), "OROSHI_SMTP_SECURITY": "none"}
        result = run_cli("mail-check", "--once", env=env)
        assert result.returncode == 0, result.stderr
        assert "3 sent" in result.stdout
        assert len(server.accepted) == 3
        again = run_cli("mail-check", "--once", env=env)
        assert again.returncode == 0, again.stderr
        assert "0 due run(s)" in again.stdout and len(server.accepted) == 3
    with demo_home.read() as session:
        assert session.get(Invoice, DUE_INVOICE).sent_at is not None
        assert all(iso.sent_at for iso in session.scalars(
            select(InvoiceSupplierOrganization).where(InvoiceSupplierOrganization.invoice_id == DUE_INVOICE)))

    outbox = run_cli("outbox", "list")
    assert outbox.returncode == 0 and outbox.stdout.count(" sent ") == 3, outbox.stdout

    assert "no jobs" in run_cli("jobs", "list").stdout
    queued = run_cli("enqueue", "check-sheet", "--date", "2026-01-01", "--prefecture", "1", "--reception-time", "1")
    assert queued.returncode == 0, queued.stderr
    listing = run_cli("jobs", "list")
    assert listing.returncode == 0 and "check_sheet" in listing.stdout and "queued" in listing.stdout
    assert "供給受入れチェック表を作成中" in listing.stdout
    job_id = listing.stdout.split()[0]
    assert run_cli("jobs", "discard", job_id).returncode == 0
    assert "discarded" in run_cli("jobs", "list").stdout


def test_generate_command_and_mistakes(demo_home):
    result = run_cli("generate", "--invoice", str(DUE_INVOICE))
    assert result.returncode == 0, result.stderr
    assert "stored 6 PDF(s)" in result.stdout
    again = run_cli("generate", "--invoice", str(DUE_INVOICE))  # the same content: no new archive version
    assert again.returncode == 0 and "every statement is unchanged" in again.stdout, again.stderr
    missing = run_cli("generate", "--invoice", "999999")
    assert missing.returncode == 2 and "999999" in missing.stderr and "Traceback" not in missing.stderr
    no_smtp = run_cli("mail-check", "--once")
    assert no_smtp.returncode == 2 and "SMTP" in no_smtp.stderr


def test_worker_runs_queued_jobs_and_stops_on_sigint(demo_home):
    import signal
    import time
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from oroshi_desktop.ledger import DONE, FAILED, Ledger

    today = datetime.now(ZoneInfo("Asia/Tokyo")).date()  # the demo's orders are around its today
    queued = run_cli("enqueue", "shipping-list", "--date", today.isoformat())  # an empty day is refused
    assert queued.returncode == 0, queued.stderr
    worker = subprocess.Popen([sys.executable, "-m", "oroshi_desktop", "worker", "--workers", "1"], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ledger = Ledger.for_settings(demo_home, load_settings())
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and ledger.list()[-1].state not in (DONE, FAILED):
            time.sleep(0.1)
        job = ledger.list()[-1]
        assert job.state == DONE, job
        assert Path(job.output_path).is_file()
    finally:
        worker.send_signal(signal.SIGINT)
        out, err = worker.communicate(timeout=30)
        ledger.dispose()
    assert worker.returncode == 0, err
    assert "worker running" in out
