"""設定 connects another database: every holder of the old connection follows.

The whole shell runs on a first SQLite database with its embedded queue; the context is switched
to a second database with other demo data (SQLite, and PostgreSQL). Every view must then list the
second database's rows, the status bar name it, and a job queued after the switch must be run by
the restarted consumer and recorded in the second database's ledger — not the first one's.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from oroshi_desktop.config import load_settings
from oroshi_desktop.db.models import JobRow, SupplierOrganization
from oroshi_desktop.ledger import Ledger
from oroshi_desktop.queries.order_list import order_ids
from oroshi_desktop.queries.statement_runs import run_ids
from oroshi_desktop.startup import prepare_database
from oroshi_desktop.statement_run_editing import NewRun, create_run
from tests.conftest import make_database
from ui.shell.status_bar import database_text


def _url(database: Any) -> str:
    return database.url.render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", "pg_app"])
def second_database(request: pytest.FixtureRequest, tmp_path: Any) -> Any:
    """Other demo data (twice the scale) and five runs of 2001 the first database does not have."""
    from oroshi_desktop.demo import generate_demo

    folder = tmp_path / "second"
    folder.mkdir()
    database = make_database(request.param, request, folder)
    generate_demo(database, scale=2, seed=7)
    with database.read() as session:
        org_id = session.scalars(select(SupplierOrganization.id)).first()
    with database.write() as session:
        for n in range(5):
            start = date(2001, 1, 1) + timedelta(days=16 * n)
            create_run(session, NewRun(start=start, end=start + timedelta(days=14), organization_ids=(org_id,),
                                       send_email=False))
    yield database
    database.dispose()


def _jobs_in(database: Any) -> set[int]:
    with database.read() as session:
        return set(session.scalars(select(JobRow.id)))


def test_every_holder_follows_a_database_change(make_shell, second_database, qtbot) -> None:
    settings = load_settings()
    first = prepare_database(settings)  # the embedded default file, with its demo data
    window = make_shell(settings, first, queue=True)
    ctx, starter = window.ctx, window.starter
    qtbot.waitUntil(lambda: ctx.tasks is not None, timeout=20000)
    old_queue = starter.queue
    for key in ("statements", "orders", "supplies", "archive", "jobs"):
        window.show_view(key)
    statements, orders, jobs = window.views["statements"], window.views["orders"], window.views["jobs"]
    qtbot.waitUntil(lambda: not statements.model.loading and not orders.model.loading, timeout=20000)
    with first.read() as session:
        assert statements.model.ids == run_ids(session)
    first_jobs = _jobs_in(first)

    second = second_database
    ctx.apply_settings(replace(settings, database_url=_url(second)), reconnect=True)

    assert ctx.database is not first and ctx.ledger.db is ctx.database
    with second.read() as session:
        expected_runs = run_ids(session)
        expected_orders = order_ids(session, orders.model.order_filter, orders.model.sort_key,
                                    orders.model.descending)
    qtbot.waitUntil(lambda: statements.model.ids == expected_runs, timeout=20000)
    qtbot.waitUntil(lambda: not orders.model.loading and orders.model.ids == expected_orders, timeout=20000)
    assert statements.model.index(len(expected_runs) - 1, 0).data().startswith("2001/01/01")
    assert statements.database is ctx.database and orders.database is ctx.database
    assert window.views["supplies"].database is ctx.database
    assert jobs.job_model.ledger is ctx.ledger and jobs.outbox_model.database is ctx.database
    assert window.statusBar().database_label.text() == database_text(ctx.database)

    # The queue restarts on the new database: a job queued now is run and recorded there.
    qtbot.waitUntil(lambda: starter.queue is not None and starter.queue is not old_queue and ctx.tasks is not None,
                    timeout=30000)
    assert starter.queue.runtime.db is ctx.database
    run_id = expected_runs[-1]
    job_id = ctx.tasks.enqueue_statement(run_id)
    ledger = Ledger.for_settings(second, ctx.settings)
    qtbot.waitUntil(lambda: ledger.get(job_id).state in ("done", "failed"), timeout=60000)
    assert ledger.get(job_id).state == "done", ledger.get(job_id).error
    assert _jobs_in(first) == first_jobs  # nothing of the new queue reached the old database
    ctx.jobs_changed.emit()
    qtbot.waitUntil(lambda: job_id in jobs.job_model.ids(), timeout=20000)
    with second.read() as session:
        assert session.scalar(select(func.count()).select_from(JobRow).where(JobRow.id == job_id)) == 1
    first.dispose()
