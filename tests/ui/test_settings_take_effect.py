"""Saved settings reach the running queue without a restart; a send that cannot succeed is refused
up front in Japanese, with a way to 設定 (issue 18, points 1 and 2).

The whole shell with its embedded queue on the demo database (SQLite and PostgreSQL), a real
SMTP server on loopback that the form is pointed at only after the app started."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import Invoice, OutboxMessage
from tests.conftest import make_database
from tests.helpers.smtp_server import SmtpTestServer
from tests.ui.conftest import answer_dialog, settings_for
from tests.ui.pdf_fixtures import answer_modal, japanese_app
from tests.ui.statements_fixtures import show_run
from ui.qt import QMessageBox

# Depends on the date the demo is anchored on: .ci/run runs it again on other dates.
pytestmark = pytest.mark.calendar


@pytest.fixture(params=["sqlite", "pg_app"])
def demo_db(request, tmp_path) -> Iterator[Database]:  # type: ignore[no-untyped-def]
    from oroshi_desktop.demo import generate_demo

    database = make_database(request.param, request, tmp_path)
    generate_demo(database, scale=1, seed=0)
    yield database
    database.dispose()


def _scheduled_run(database: Database) -> int:
    with database.read() as session:
        return int(session.scalar(select(func.max(Invoice.id)).where(Invoice.sent_at.is_(None))))


def test_smtp_server_saved_in_the_form_is_used_by_the_next_send(demo_db, make_shell, qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    japanese_app(qapp)
    window = make_shell(settings_for(demo_db), demo_db, queue=True)  # started with no mail server at all
    ctx = window.ctx
    qtbot.waitUntil(lambda: ctx.tasks is not None, timeout=30000)
    view = window.show_view("statements")
    qtbot.waitUntil(lambda: not view.model.loading, timeout=10000)
    run_id = _scheduled_run(demo_db)
    show_run(qtbot, view, run_id)
    with qtbot.waitSignal(view.job_finished, timeout=90000) as generated:
        view.action("generateStatement").trigger()
    assert generated.args[1] == "done"
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.row.id == run_id and view.action(
        "sendStatementNow").isEnabled(), timeout=10000)

    # 1. No mail server: refused before anything is queued, in Japanese, with a way to 設定.
    jobs_before = len(ctx.ledger.list())
    seen = answer_dialog("mailServerMissing", "openSettings")
    view.action("sendStatementNow").trigger()
    assert seen and "メールサーバーが設定されていません" in seen[0] and "設定" in seen[0]
    assert len(ctx.ledger.list()) == jobs_before  # nothing went to the queue
    settings_view = window.current_view()
    assert settings_view.objectName() == "settingsView"
    qtbot.waitUntil(lambda: settings_view.edits["smtp_host"].hasFocus() or not window.isActiveWindow(), timeout=5000)

    # 2. The server is entered and saved in the form; the very next send reaches it, no restart.
    with SmtpTestServer.running() as smtp:
        qtbot.waitUntil(lambda: bool(settings_view.edits["company_name"].text()), timeout=10000)
        settings_view.edits["smtp_host"].setText("127.0.0.1")
        settings_view.edits["smtp_port"].setText(str(smtp.port))
        security = settings_view.combos["smtp_security"]
        security.setCurrentIndex(security.findData("none"))
        settings_view.edits["company_name"].setText("株式会社ミナト水産")  # the company data, saved with it
        with qtbot.waitSignal(settings_view.saved, timeout=20000):
            settings_view.save_button.click()
        assert settings_view.problems.text().startswith("保存しました。")
        assert "#b00020" not in settings_view.problems.styleSheet()  # success does not look like an error

        view = window.show_view("statements")
        qtbot.waitUntil(lambda: view.detail is not None and view.detail.row.id == run_id, timeout=10000)
        answer_modal(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
        with qtbot.waitSignal(view.job_finished, timeout=60000) as sent:
            view.action("sendStatementNow").trigger()
        assert sent.args[1] == "done"
        assert smtp.handler.accepted  # received at the port typed into the form a moment ago
        # ... and from the company the form named a moment ago (the mail's sender is composed at send time)
        assert all("株式会社ミナト水産" in str(mail.message["From"]) for mail in smtp.handler.accepted)
    with demo_db.read() as session:
        states = set(session.scalars(select(OutboxMessage.state).where(OutboxMessage.invoice_id == run_id)))
    assert states == {"sent"}


def test_mail_schedule_saved_reaches_the_running_schedule(demo_db, make_shell, qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime

    japanese_app(qapp)
    window = make_shell(settings_for(demo_db), demo_db, queue=True)
    qtbot.waitUntil(lambda: window.ctx.tasks is not None, timeout=30000)
    queue = window.starter.queue
    settings_view = window.show_view("settings")
    qtbot.waitUntil(lambda: bool(settings_view.edits["company_name"].text()), timeout=10000)
    settings_view.edits["mail_schedule"].setText("7 3 * * *")  # 03:07 in Asia/Tokyo = 18:07 UTC
    with qtbot.waitSignal(settings_view.saved, timeout=20000):
        settings_view.save_button.click()
    assert queue.runtime.settings.mail_schedule == "7 3 * * *"
    if queue.schedule is not None:  # the process that holds this PC's schedule
        assert queue.schedule.validate(datetime(2026, 12, 7, 18, 7))
        assert not queue.schedule.validate(datetime(2026, 12, 7, 18, 10))
