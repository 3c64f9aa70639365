"""The outbox from the command line (issue 9, points 1 and 3): ``mail-check --once`` names a bad
organization and its field in its summary, ``outbox list`` shows the row's reason, and
``outbox show-message --save`` writes exactly the bytes the server received, and ``outbox resend``
sends a row again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import update

from oroshi_desktop.config import load_settings
from oroshi_desktop.db import schema
from oroshi_desktop.db.engine import open_database
from oroshi_desktop.db.models import SupplierOrganization
from tests.core.outbox_fixtures import ORG_WITH_MAIL, build_statement_run
from tests.helpers.smtp_server import HOST, SmtpTestServer
from tests.jobs.helpers_mail import outbox_rows

ROOT = Path(__file__).resolve().parents[2]


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "oroshi_desktop", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


def test_cli_summary_names_the_bad_organization_and_saves_what_was_sent(_isolated_home, tmp_path):
    settings = load_settings()
    settings.paths.ensure()
    db = open_database(settings.effective_database_url)
    schema.upgrade(db)
    run = build_statement_run(db)
    with db.write() as session:
        session.execute(update(SupplierOrganization).where(SupplierOrganization.id == run.organization_ids[0])
                        .values(email="org-a@example.jp,"))
    with SmtpTestServer.running() as server:
        env = {**os.environ, "OROSHI_SMTP_HOST": HOST, "OROSHI_SMTP_PORT": str(server.port),
               "OROSHI_SMTP_SECURITY": "none"}
        check = cli(env, "mail-check", "--once")
        received = [mail.content for mail in server.accepted]
    assert check.returncode == 1, check.stderr
    assert "1 sent" in check.stdout and "1 organization(s) failed" in check.stdout, check.stdout
    assert ORG_WITH_MAIL["entity_name"] in check.stdout and "organization mail address" in check.stdout
    assert "Traceback" not in check.stdout + check.stderr

    rows = outbox_rows(db)
    bad = next(row for row in rows if row.state == "failed")
    good = next(row for row in rows if row.state == "sent")
    listing = cli(env, "outbox", "list")
    line = next(text for text in listing.stdout.splitlines() if text.strip().startswith(str(bad.id)))
    assert "failed (permanent)" in line and "org-a@example.jp," in line and ORG_WITH_MAIL["entity_name"] in line

    saved = tmp_path / "sent.eml"
    show = cli(env, "outbox", "show-message", str(good.id), "--save", str(saved))
    assert show.returncode == 0, show.stderr
    assert [saved.read_bytes()] == received
    missing = cli(env, "outbox", "show-message", str(bad.id))
    assert missing.returncode != 0 and len(missing.stderr.strip().splitlines()) == 1

    # 再送 from the command line: the row's mail goes out again now, in this process (a sent row
    # only with --force: the person says so).
    with SmtpTestServer.running() as server:
        env = {**os.environ, "OROSHI_SMTP_HOST": HOST, "OROSHI_SMTP_PORT": str(server.port),
               "OROSHI_SMTP_SECURITY": "none"}
        again = cli(env, "outbox", "resend", str(good.id), "--force")
        resent = list(server.accepted)
    assert again.returncode == 0, again.stdout + again.stderr
    assert again.stdout.strip().endswith(": sent") and len(resent) == 1
    db.dispose()


def test_resending_a_sent_row_from_the_cli_needs_force(_isolated_home):
    """`outbox resend ID` on a sent row mailed it again at once (issue 21, point 7)."""
    settings = load_settings()
    settings.paths.ensure()
    db = open_database(settings.effective_database_url)
    schema.upgrade(db)
    build_statement_run(db)
    with SmtpTestServer.running() as server:
        env = {**os.environ, "OROSHI_SMTP_HOST": HOST, "OROSHI_SMTP_PORT": str(server.port),
               "OROSHI_SMTP_SECURITY": "none"}
        assert cli(env, "mail-check", "--once").returncode == 0
        sent = next(row for row in outbox_rows(db) if row.state == "sent")
        before = len(server.accepted)
        refused = cli(env, "outbox", "resend", str(sent.id))
        assert refused.returncode != 0 and "--force" in refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1 and len(server.accepted) == before
        forced = cli(env, "outbox", "resend", str(sent.id), "--force")
        assert forced.returncode == 0, forced.stderr
        assert len(server.accepted) == before + 1
    db.dispose()
