"""What a run's last job said, in the run's detail: a job that fails as a whole shows its Japanese
reason in the box and in the detail, and the box no longer points to per-organization errors that do
not exist (issue 18, point 2); a generation names the supplies of the period that no statement can
carry, with their amount, in the detail and in its ledger message (the job centre) (issue 21, point 4)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from oroshi_desktop.db.models import Invoice, Supply, SupplyDate
from oroshi_desktop.domain.formats import yen
from oroshi_desktop.labels import JobMessage
from tests.helpers.broken_data import write_unchecked
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


RUN = 3  # the demo's scheduled run


@pytest.mark.calendar  # the demo is anchored on its pinned today: .ci/run runs it on other dates
def test_a_generation_names_the_supplies_no_statement_carries_in_the_window(env: StatementsEnv, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = env.view
    with env.database.read() as session:
        invoice = session.get(Invoice, RUN)
        lost_id, price, quantity, supplier_id = session.execute(
            select(Supply.id, Supply.price, Supply.quantity, Supply.supplier_id).join(SupplyDate, Supply.supply_date_id == SupplyDate.id)
            .where(SupplyDate.date.between(invoice.start_date, invoice.end_date), Supply.quantity != 0)
            .order_by(Supply.id).limit(1)).one()
    write_unchecked(env.database, f"UPDATE oroshi_supplies SET supplier_id = 999999 WHERE id = {lost_id}")
    amount = yen(Decimal(str(price)) * Decimal(str(quantity)))
    show_run(qtbot, view, RUN)
    assert view.detail_panel.notice_label is None  # nothing said before a generation

    with qtbot.waitSignal(view.job_finished, timeout=120000) as ended:
        view.generate_selected()
    assert ended.args[1] == "done"
    job = env.ctx.ledger.get(ended.args[0])
    assert job.message_key == JobMessage.STATEMENT_DONE_UNATTRIBUTED  # the job centre words this key
    qtbot.waitUntil(lambda: view.detail_panel.notice_label is not None, timeout=10000)
    text = view.detail_panel.notice_label.text()
    assert "供給 1件" in text and amount in text and str(lost_id) in text and "どの支払明細書にも載っていません" in text
    assert "1 supplies" in job.message_text("en") and amount in job.message_text("en")
    assert view.detail_panel.failure_label is None  # a warning, the run was made

    # Once every supply has its supplier again, the next generation says nothing more.
    write_unchecked(env.database, f"UPDATE oroshi_supplies SET supplier_id = {supplier_id} WHERE id = {lost_id}")
    with qtbot.waitSignal(view.job_finished, timeout=120000):
        view.generate_selected()
    qtbot.waitUntil(lambda: view.detail_panel.notice_label is None, timeout=10000)
