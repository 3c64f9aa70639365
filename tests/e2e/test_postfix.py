"""A statement run through a real MTA (issue 9, point 4): a private Postfix instance from Debian's
package, loopback only, which accepts every mail and discards it after logging. Its own log must show
each statement's Message-ID once and ``status=sent`` for every recipient.

Skipped where Postfix is not installed or the test does not run as root (Postfix's master must).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from oroshi_desktop.config import SmtpSettings
from oroshi_desktop.db.models import OutboxMessage
from oroshi_desktop.mail.outbox import DeliveryStatus, deliver, prepare_outbox
from oroshi_desktop.mail.transport import SmtpTransport
from tests.core.outbox_fixtures import build_statement_run
from tests.helpers.pgserver import free_port

POSTFIX = shutil.which("postfix") or "/usr/sbin/postfix"
pytestmark = pytest.mark.skipif(not (Path(POSTFIX).exists() and Path("/etc/postfix/master.cf").exists()
                                     and hasattr(os, "geteuid") and os.geteuid() == 0),
                                reason="needs Debian's postfix package and root")


def _postfix(config: Path, action: str) -> None:
    # postfix reports its errors only to a terminal or its log: ``script`` gives it a terminal.
    subprocess.run(["script", "-qc", f"{POSTFIX} -c {config} {action}", "/dev/null"], check=True,
                   capture_output=True, timeout=60)


@pytest.fixture
def postfix() -> Iterator[tuple[int, Path]]:
    # Not under pytest's tmp_path: its parents are private to root, and Postfix's daemons run as postfix.
    root = Path(tempfile.mkdtemp(prefix="oroshi-postfix-"))
    root.chmod(0o755)
    config, queue, data = root / "conf", root / "queue", root / "data"
    for folder in (config, queue, data):
        folder.mkdir(parents=True)
    shutil.chown(data, "postfix")
    port = free_port()
    log = root / "maillog"
    (config / "main.cf").write_text("\n".join([
        "compatibility_level = 3.6", f"queue_directory = {queue}", f"data_directory = {data}",
        "mail_owner = postfix", "setgid_group = postdrop", "inet_interfaces = 127.0.0.1", "inet_protocols = ipv4",
        "myhostname = oroshi-test.localdomain", "mydestination =", "mynetworks = 127.0.0.0/8", "relay_domains =",
        # Accept everything from loopback, deliver nothing: the log says what would have gone out.
        "default_transport = discard", "smtpd_relay_restrictions = permit_mynetworks, reject",
        f"maillog_file = {log}", f"maillog_file_prefixes = {root}",
    ]) + "\n", encoding="utf-8")
    master = Path("/etc/postfix/master.cf").read_text(encoding="utf-8")
    master = re.sub(r"(?m)^smtp\s+inet\s.*$", f"127.0.0.1:{port} inet n - n - - smtpd", master)
    (config / "master.cf").write_text(master, encoding="utf-8")
    _postfix(config, "start")
    try:
        yield port, log
    finally:
        _postfix(config, "stop")
        shutil.rmtree(root, ignore_errors=True)


def test_a_run_through_postfix_is_logged_once_per_message_and_recipient(sqlite_db, postfix):
    port, log = postfix
    run = build_statement_run(sqlite_db)
    with sqlite_db.write() as session:
        row_ids = [row.id for row in prepare_outbox(session, run.invoice_id)]
    transport = SmtpTransport(SmtpSettings(host="127.0.0.1", port=port, security="none", timeout_seconds=10))
    results = [deliver(sqlite_db, row_id, transport) for row_id in row_ids]
    assert [r.status for r in results] == [DeliveryStatus.SENT] * 2, (results, log.read_text() if log.exists() else "")
    with sqlite_db.read() as session:
        rows = list(session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
        expected = {row.message_id: [*row.recipients["to"], *row.recipients["cc"]] for row in rows}

    deadline = time.monotonic() + 30
    text = ""
    while time.monotonic() < deadline:
        text = log.read_text(encoding="utf-8") if log.exists() else ""
        if text.count("status=sent") >= sum(len(r) for r in expected.values()):
            break
        time.sleep(0.2)
    for message_id, recipients in expected.items():
        assert text.count(f"message-id={message_id}") == 1, text
        queue_id = re.search(rf"(\w+): message-id={re.escape(message_id)}", text).group(1)
        for recipient in recipients:
            assert re.search(rf"{queue_id}: to=<{re.escape(recipient)}>.*status=sent", text), text
