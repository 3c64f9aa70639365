"""Two PCs sending the same due statement mails: two ``python -m oroshi_desktop mail-check --once``
processes, each with its own data folder (own local queue and ledger), against one PostgreSQL
database and one SMTP server. The outbox's conditional claim must let exactly one of them send
each organization's mail."""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from oroshi_desktop.db.engine import open_database
from oroshi_desktop.db.models import Invoice, InvoiceSupplierOrganization
from tests.helpers.smtp_server import HOST, SmtpTestServer
from tests.jobs.helpers_mail import build_due_runs, mail_keys, outbox_rows

ROOT = Path(__file__).resolve().parents[2]
ORGANIZATIONS = 200
RUNS = 4
_counter = itertools.count()

pytestmark = pytest.mark.postgres


@pytest.fixture
def shared_db(pg_server, pg_templates):
    name = f"two_workers_{os.getpid()}_{next(_counter)}"
    url = pg_server.create_database(name, template=pg_templates["pg_app"])
    database = open_database(url)
    yield url, database
    database.dispose()
    pg_server.drop_database(name)


def test_two_processes_on_one_postgresql_send_every_mail_exactly_once(shared_db, tmp_path):
    url, db = shared_db
    invoice_ids = build_due_runs(db, organizations=ORGANIZATIONS, runs=RUNS)

    server = SmtpTestServer().start()
    handler = server.handler
    common = {**os.environ, "OROSHI_DATABASE_URL": url, "OROSHI_SMTP_HOST": HOST,
              "OROSHI_SMTP_PORT": str(server.port), "OROSHI_SMTP_SECURITY": "none"}
    processes: list[subprocess.Popen[str]] = []
    try:
        processes += [
            subprocess.Popen([sys.executable, "-m", "oroshi_desktop", "mail-check", "--once"], cwd=ROOT,
                             env={**common, "OROSHI_HOME": str(tmp_path / f"pc{index}")},
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for index in (1, 2)
        ]
        outputs = []
        for process in processes:
            out, err = process.communicate(timeout=120)
            outputs.append(out + err)
            assert process.returncode == 0, out + err
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
        server.stop()

    sent_by_process = [int(re.search(r"(\d+) sent", output).group(1)) for output in outputs]
    assert sum(sent_by_process) == ORGANIZATIONS, outputs
    print(f"two processes sent {sent_by_process}")

    by_id, by_recipient = mail_keys(handler.received)
    assert len(handler.received) == ORGANIZATIONS
    assert len(handler.accepted) == ORGANIZATIONS
    assert len(by_id) == ORGANIZATIONS and max(by_id.values()) == 1
    assert len(by_recipient) == ORGANIZATIONS and max(by_recipient.values()) == 1

    rows = outbox_rows(db)
    assert len(rows) == ORGANIZATIONS
    assert {row.state for row in rows} == {"sent"}
    assert all(row.attempts == 1 and row.generation == 1 for row in rows)  # one claim each
    assert {row.message_id for row in rows} == set(by_id)
    claimers = {row.claimed_by.split(":")[1] for row in rows}
    assert claimers == {str(process.pid) for process in processes}, (
        f"both processes should have sent a share: {sent_by_process}")
    with db.read() as session:
        assert all(session.get(Invoice, invoice_id).sent_at is not None for invoice_id in invoice_ids)
        assert all(session.scalars(select(InvoiceSupplierOrganization.sent_at)).all())
