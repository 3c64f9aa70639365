"""Passwords never leave the keyring: a whole working session with distinctive database and SMTP
passwords, then every place the app writes to is searched for them.

The session: the database opened with its keyring password (PostgreSQL), a real queue with a real
consumer running the mail check, a mail rejected for a wrong SMTP password, then the same mails
sent with the right one, a database that refuses the connection, and the window's status bar and
job centre. Searched: the settings file and every other file under OROSHI_HOME (logs, the queue
file), every text and bytes column of the app's tables (ledger rows and their arguments, outbox
rows and their errors, stored documents and mails), and every text the window shows.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import LargeBinary, String, Text, select

from jobs.statements import check_and_send
from oroshi_desktop import secrets
from oroshi_desktop.config import load_settings, save_settings, with_smtp
from oroshi_desktop.db import schema
from oroshi_desktop.db.engine import open_database
from oroshi_desktop.db.models import APP_TABLE_PREFIX, Base
from oroshi_desktop.demo import generate_demo
from oroshi_desktop.errors import UserError
from oroshi_desktop.mail.transport import SmtpTransport
from tests.helpers.smtp_server import HOST, SmtpTestServer
from tests.jobs.conftest import DUE_INVOICE, make_due

DB_PASSWORD = "Db-Pa55-ZXQ-7731"
SMTP_PASSWORD = "Smtp-Pa55-QWV-5512"
SMTP_USER = "office@oroshi.example"
SECRETS = (DB_PASSWORD, SMTP_PASSWORD)


def found_in(data: bytes | str) -> list[str]:
    raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogateescape")
    return [secret for secret in SECRETS if secret.encode() in raw]


def search_files(root: Path) -> list[str]:
    hits = []
    for path in root.rglob("*"):
        if path.is_file():
            hits += [f"{path.relative_to(root)}: {secret}" for secret in found_in(path.read_bytes())]
    return hits


def search_tables(database) -> list[str]:
    hits = []
    with database.read() as session:
        for table in Base.metadata.sorted_tables:
            if not table.name.startswith(APP_TABLE_PREFIX):
                continue
            columns = [c for c in table.columns if isinstance(c.type, String | Text | LargeBinary)
                       or c.type.__class__.__name__ in ("JsonB", "StringArray")]
            if not columns:
                continue
            for row in session.execute(select(*columns)):
                for column, value in zip(columns, row, strict=True):
                    if value is not None:
                        hits += [f"{table.name}.{column.name}: {s}" for s in found_in(
                            value if isinstance(value, bytes) else str(value))]
    return hits


@pytest.mark.slow
@pytest.mark.postgres
def test_passwords_are_found_nowhere_after_a_working_session(pg_server, pg_templates, _isolated_home,
                                                               memory_keyring, qtbot):
    name = f"secrets{int(time.time() * 1000) % 10**9}"
    pg_server.create_database(name, template=pg_templates["pg_app"])
    url = pg_server.url(name)
    secrets.set_secret(secrets.database_key(pg_server.user, "127.0.0.1", pg_server.port, name), DB_PASSWORD)
    secrets.set_secret(secrets.smtp_key(SMTP_USER, HOST), SMTP_PASSWORD)
    log_file = _isolated_home / "logs" / "session.log"
    log_file.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger()
    previous_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    database = open_database(url)
    try:
        schema.upgrade(database)
        generate_demo(database, scale=1, seed=0)
        make_due(database)
        with SmtpTestServer.running(user=(SMTP_USER, "not-the-stored-one")) as wrong_server:
            settings = with_smtp(replace(load_settings(), database_url=url), host=HOST, port=wrong_server.port,
                                 security="none", username=SMTP_USER, timeout_seconds=5)
            save_settings(settings)
            refused = check_and_send(database, SmtpTransport(settings.smtp), tz=ZoneInfo("Asia/Tokyo"))
            assert refused.sent == 0  # the SMTP error is recorded on the rows
        with SmtpTestServer.running(user=(SMTP_USER, SMTP_PASSWORD)) as server:
            settings = with_smtp(settings, port=server.port)
            save_settings(settings)
            from jobs.queue.consumer import JobQueue
            from oroshi_desktop.db.models import OutboxMessage
            from oroshi_desktop.mail.outbox import resend

            with database.read() as session:
                failed = list(session.scalars(select(OutboxMessage.id).where(OutboxMessage.state == "failed")))
            assert failed
            for row_id in failed:  # a person resends the rows the wrong password failed
                resend(database, row_id)
            queue = JobQueue(settings, database=database, embedded=True, max_delay=0.2)
            queue.start()
            try:
                job_id = queue.tasks.mail_check_now()
                deadline = time.monotonic() + 60
                ledger = queue.tasks.runtime.ledger
                while ledger.get(job_id).state not in ("done", "failed") and time.monotonic() < deadline:
                    time.sleep(0.2)
                assert ledger.get(job_id).state == "done", ledger.get(job_id)
                assert server.accepted, "nothing was sent with the right password"

                from ui.context import AppContext
                from ui.main_window import MainWindow
                from ui.qt import QLabel, QLineEdit, QTableView, QWidget

                ctx = AppContext(settings, database, ledger)
                ctx.attach_tasks(queue.tasks)
                window = MainWindow(ctx)
                qtbot.addWidget(window)
                window.show()
                window.nav_actions["jobs"].trigger()
                qtbot.wait(3000)  # the status bar and the job centre's first polls
                texts = [w.text() for w in window.findChildren(QLabel) + window.findChildren(QLineEdit)]
                texts += [w.toolTip() for w in window.findChildren(QWidget)]
                for table in window.findChildren(QTableView):
                    model = table.model()
                    texts += [str(model.index(r, c).data()) for r in range(min(model.rowCount(), 50))
                              for c in range(model.columnCount())]
                window.monitor.stop()
                window.close()
            finally:
                queue.stop()
        # A database that refuses: the error line names the server, never the password.
        refused_url = url.replace(f":{pg_server.port}/", ":1/")
        secrets.set_secret(secrets.database_key(pg_server.user, "127.0.0.1", 1, name), DB_PASSWORD)
        broken = open_database(refused_url)
        with pytest.raises(UserError) as caught:
            broken.ping()
        broken.dispose()
        texts += [caught.value.message, caught.value.message_ja, database.display_url]
    finally:
        root.removeHandler(handler)
        root.setLevel(previous_level)
        handler.close()
    hits = search_files(_isolated_home) + search_tables(database) + [
        f"window text: {s}" for text in texts for s in found_in(text)]
    database.dispose()
    pg_server.drop_database(name)
    assert log_file.stat().st_size > 0 and DUE_INVOICE
    assert hits == [], hits
