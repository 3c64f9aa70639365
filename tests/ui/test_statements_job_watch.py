"""The statements view learns that a job of its own consumer ended from the consumer itself, not
from its poll of the ledger (issue 17, point 5): the poll is left for other PCs' workers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from oroshi_desktop.db.models import Invoice
from tests.helpers.smtp_server import SmtpTestServer
from tests.ui.statements_fixtures import StatementsEnv, demo_database, show_run, start_env
from ui.statements.job_watch import OTHER_WORKERS_POLL_MS


@pytest.fixture
def smtp() -> Iterator[SmtpTestServer]:
    with SmtpTestServer.running() as server:
        yield server


@pytest.fixture
def env(request, qtbot, qapp, tmp_path, smtp) -> Iterator[StatementsEnv]:  # type: ignore[no-untyped-def]
    yield from start_env(qtbot, qapp, demo_database("sqlite", request, tmp_path), smtp)


def test_a_job_of_this_process_ends_in_the_view_without_waiting_for_the_poll(env: StatementsEnv, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = env.view
    assert view.jobs.timer.interval() == OTHER_WORKERS_POLL_MS
    view.jobs.timer.setInterval(3_600_000)  # the poll would answer in an hour: only the consumer's word counts
    with env.database.read() as session:
        run_id = int(session.scalar(select(func.max(Invoice.id)).where(Invoice.sent_at.is_(None))))
    show_run(qtbot, view, run_id)
    with qtbot.waitSignal(view.job_finished, timeout=90000) as generated:
        view.action("generateStatement").trigger()
    assert generated.args[1] == "done"
    assert not view.jobs.watched


def test_after_a_database_switch_the_new_queue_tells_the_view(env: StatementsEnv, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx = env.ctx
    tasks = ctx.tasks
    assert tasks is not None
    ctx.detach_tasks()
    told: list[int] = []
    ctx.job_ran.connect(told.append)
    tasks.runtime_factory()._tell_listeners(7)  # the old queue's runtime: nobody listens any more
    ctx.attach_tasks(tasks)
    tasks.runtime_factory()._tell_listeners(8)
    qtbot.waitUntil(lambda: told == [8], timeout=5000)
