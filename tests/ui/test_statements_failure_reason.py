"""A job that fails as a whole shows its Japanese reason in the box and in the run's detail, and the
box no longer points to per-organization errors that do not exist (issue 18, point 2)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import func, select

from oroshi_desktop.db.models import Invoice
from tests.helpers.smtp_server import SmtpTestServer
from tests.ui.statements_fixtures import StatementsEnv, demo_database, show_run, start_env


@pytest.fixture
def env(request, qtbot, qapp, tmp_path) -> Iterator[StatementsEnv]:  # type: ignore[no-untyped-def]
    with SmtpTestServer.running() as smtp:
        yield from start_env(qtbot, qapp, demo_database("sqlite", request, tmp_path), smtp)


def test_a_whole_job_failure_is_explained_in_japanese_in_the_box_and_the_detail(env: StatementsEnv, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = env.view
    with env.database.read() as session:
        run_id = int(session.scalar(select(func.max(Invoice.id))))
    show_run(qtbot, view, run_id)
    # A job watched for this run that cannot succeed as a whole: a shipping chart without a carrier.
    with qtbot.waitSignal(view.job_finished, timeout=60000) as ended:
        view._queue(lambda tasks: tasks.enqueue_order_document("shipping_chart", day=date(2026, 12, 7),
                                                               carrier_id=None), run_id)
    assert ended.args[1] == "failed"
    qtbot.waitUntil(lambda: view.failure_box.isVisible(), timeout=5000)
    text = view.failure_box.text()
    assert "出荷表には運送会社の指定が必要です" in text and "右側の詳細" not in text
    assert view.failure_box.detailedText() == "a shipping chart needs a carrier"  # the technical text stays in 詳細
    view.failure_box.accept()
    qtbot.waitUntil(lambda: view.detail_panel.failure_label is not None, timeout=10000)
    assert "出荷表には運送会社の指定が必要です" in view.detail_panel.failure_label.text()
