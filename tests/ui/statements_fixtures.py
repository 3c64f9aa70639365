"""The statements view on the demo database with a real embedded queue and a real SMTP server,
in a bare QMainWindow (the shell is another branch's; the view contract is all it needs)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

import pytest

from jobs.queue.consumer import JobQueue
from oroshi_desktop.config import Settings, load_settings, with_smtp
from oroshi_desktop.db.engine import Database
from tests.conftest import make_database
from tests.helpers.smtp_server import SmtpTestServer
from ui.context import AppContext
from ui.qt import QMainWindow
from ui.statements.view import StatementsView


@dataclass
class StatementsEnv:
    database: Database
    settings: Settings
    queue: JobQueue
    ctx: AppContext
    view: StatementsView
    window: QMainWindow
    smtp: SmtpTestServer


def demo_database(kind: str, request: pytest.FixtureRequest, tmp_path) -> Database:  # type: ignore[no-untyped-def]
    from oroshi_desktop.demo import generate_demo

    database = make_database(kind, request, tmp_path)
    generate_demo(database, scale=1, seed=0)
    return database


def show_run(qtbot, view: StatementsView, run_id: int) -> None:  # type: ignore[no-untyped-def]
    """Select a run and wait for a fresh read of its detail. Waiting for the selection's own
    ``detail_shown`` misses it when the run was already selected (the first row is selected on
    load) and shown before the wait began, so the detail is read once more here."""
    assert view.select_run(run_id)
    with qtbot.waitSignal(view.detail_shown, timeout=10000):
        view._load_detail(run_id)
    assert view.detail is not None and view.detail.row.id == run_id


def start_env(qtbot, qapp, database: Database, smtp: SmtpTestServer) -> Iterator[StatementsEnv]:  # type: ignore[no-untyped-def]
    from tests.ui.pdf_fixtures import japanese_app

    japanese_app(qapp)
    settings = replace(load_settings(), database_url=database.url.render_as_string(hide_password=False))
    settings = with_smtp(settings, host=smtp.settings().host, port=smtp.port, security="none", timeout_seconds=5.0)
    queue = JobQueue(settings, database=database, embedded=True, max_delay=0.2)
    queue.start()
    ctx = AppContext(settings, database, queue.runtime.ledger)
    ctx.attach_tasks(queue.tasks)
    window = QMainWindow()
    window.setObjectName("mainWindow")
    view = StatementsView(ctx, window)
    window.setCentralWidget(view)
    window.resize(1366, 768)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not view.model.loading, timeout=10000)
    try:
        yield StatementsEnv(database, settings, queue, ctx, view, window, smtp)
    finally:
        from ui.operations import wait_for_operations

        wait_for_operations()
        queue.stop()
        window.close()
