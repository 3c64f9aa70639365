"""The job centre through its widgets: this PC's jobs (live rows, filters, retry, discard, the bulk
actions), the mail check now, and the outbox of every PC on SQLite and PostgreSQL (要確認 rows
highlighted, 送信済みにする and 再送 with their confirmations, the mail really sent over SMTP)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, update

from jobs.statements import generate_statements
from oroshi_desktop.config import load_settings
from oroshi_desktop.db.models import OutboxMessage
from oroshi_desktop.demo import generate_demo
from oroshi_desktop.ledger import Ledger
from oroshi_desktop.mail.outbox import prepare_outbox
from oroshi_desktop.queries.job_centre import JobFilter
from oroshi_desktop.startup import prepare_database
from tests.jobs.conftest import DUE_INVOICE
from tests.ui.conftest import answer_dialog, settings_for
from ui.jobs.models import ATTENTION, JobTableModel, OutboxTableModel
from ui.qt import QApplication, QPushButton, Qt, QTableView, QToolButton

# Depends on the date the demo is anchored on: .ci/run runs it again on other dates.
pytestmark = pytest.mark.calendar

TZ = ZoneInfo("Asia/Tokyo")
TODAY = datetime.now(TZ).date()


def signals(model, *names: str) -> dict[str, list[int]]:
    counts: dict[str, list[int]] = {name: [] for name in names}
    for name in names:
        getattr(model, name).connect(lambda *_a, n=name: counts[n].append(1))
    return counts


def load(qtbot, model, table: QTableView | None = None) -> None:
    """Poll, then have every row fetched (as a view scrolling over them would)."""
    model.poll()
    qtbot.waitSignal(model.polled, timeout=10000) if model._polling else None

    def all_loaded() -> None:
        for row in range(model.rowCount()):
            model.index(row, 0).data()
        assert model.loaded()

    qtbot.waitUntil(all_loaded, timeout=10000)


def test_job_model_updates_rows_in_place_and_sorts_and_filters_in_sql(qtbot, qtmodeltester, _isolated_home):
    settings = load_settings()
    database = prepare_database(settings)
    ledger = Ledger.for_settings(database, settings)
    try:
        ids = [ledger.create("order_document", {"n": n}, "出荷書類を作成処理中…") for n in range(3)]
        ledger.create("mail", {}, "送信予定の仕切り書メールを送信中…")
        model = JobTableModel(ledger, TZ)
        load(qtbot, model)
        qtmodeltester.check(model)
        assert model.rowCount() == 4 and model.columnCount() == 9
        assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(9)] == \
            ["種類", "状態", "メッセージ", "作成", "開始", "終了", "試行", "依頼したPC", "出力"]
        assert model.index(0, 7).data() == ledger.pc
        assert model.index(0, 0).data() == "メール確認（定期）" and model.index(1, 0).data() == "出荷書類"

        seen = signals(model, "modelReset", "dataChanged", "rowsInserted")
        ledger.start(ids[1], "実行中…")
        with qtbot.waitSignal(model.dataChanged, timeout=5000):
            model.poll()
        qtbot.waitUntil(lambda: model.index(model.row_of(ids[1]), 1).data() == "実行中", timeout=5000)
        assert model.index(model.row_of(ids[1]), 6).data() == "1"
        new = ledger.create("check_sheet", {"date": "2026-01-05"}, "チェック表を作成中…")
        with qtbot.waitSignal(model.rowsInserted, timeout=5000):
            model.poll()
        assert model.row_id(0) == new and not seen["modelReset"]  # rows changed, the table was not reloaded
        qtmodeltester.check(model)

        ledger.fail(ids[0], "出荷書類の作成に失敗しました。", "boom")
        model.set_filter(JobFilter(states=("failed",)))
        qtbot.waitUntil(lambda: model.ids() == [ids[0]], timeout=5000)
        model.set_filter(JobFilter(kinds=("order_document",)))
        model.sort(6, Qt.SortOrder.DescendingOrder)  # attempts: the started job first
        qtbot.waitUntil(lambda: model.ids()[:1] == [ids[1]] and len(model.ids()) == 3, timeout=5000)
        load(qtbot, model)
        qtmodeltester.check(model)
    finally:
        database.dispose()


@pytest.fixture
def jobs_window(make_shell, qtbot):
    settings = load_settings()
    database = prepare_database(settings)
    window = make_shell(settings, database, queue=True)
    window.nav_actions["jobs"].trigger()
    view = window.current_view()
    view.job_timer.setInterval(100)
    qtbot.waitUntil(lambda: window.ctx.tasks is not None, timeout=10000)
    yield window, view
    database.dispose()


def job_state(view, job_id: int) -> str | None:
    row = view.job_model.row_of(job_id)
    return view.job_model.index(row, 1).data() if row >= 0 else None


def test_retry_discard_and_open_output_through_the_buttons(jobs_window, qtbot):
    window, view = jobs_window
    tasks = window.ctx.tasks
    window.commands.pause.trigger()  # hold the job so it can be discarded before it runs
    qtbot.waitUntil(lambda: view.pause_button.text() == "再開", timeout=5000)
    job_id = tasks.enqueue_order_document("shipping_chart", day=TODAY, carrier_id=1)
    qtbot.waitUntil(lambda: job_state(view, job_id) == "待機中", timeout=5000)
    view.job_view.selectRow(view.job_model.row_of(job_id))
    assert view.discard_button.isEnabled() and not view.retry_button.isEnabled()
    assert not view.open_button.isEnabled()
    view.discard_button.click()
    qtbot.waitUntil(lambda: job_state(view, job_id) == "破棄", timeout=5000)
    qtbot.waitUntil(lambda: view.retry_button.isEnabled() and not view.discard_button.isEnabled(), timeout=5000)

    window.commands.pause.trigger()
    qtbot.waitUntil(lambda: view.pause_button.text() == "一時停止", timeout=5000)
    view.retry_button.click()
    qtbot.waitUntil(lambda: job_state(view, job_id) == "完了", timeout=20000)
    assert window.ctx.ledger.get(job_id).state == "done"
    qtbot.waitUntil(view.open_button.isEnabled, timeout=5000)
    output = view.job_model.index(view.job_model.row_of(job_id), 8).data()
    assert output.endswith(".pdf")
    assert view.job_model.index(view.job_model.row_of(job_id), 7).data() == window.ctx.ledger.pc

    from ui.viewer import viewer_window

    view.open_button.click()  # the output opens in the app's PDF viewer, a tab named after the file
    viewer = viewer_window()
    qtbot.waitUntil(lambda: viewer.isVisible() and viewer.current_tab() is not None, timeout=10000)
    tab = viewer.current_tab()
    assert tab.title == output and tab.document.pageCount() >= 1
    assert tab.view.objectName() == "pdfView"
    viewer.close()


def test_bulk_retry_and_discard_act_on_the_filtered_set(jobs_window, qtbot):
    window, view = jobs_window
    tasks = window.ctx.tasks
    failed = [tasks.enqueue_statement(990_000 + n) for n in range(2)]  # no such runs: they fail
    qtbot.waitUntil(lambda: all(job_state(view, job_id) == "失敗" for job_id in failed), timeout=20000)
    index = view.job_model.index(view.job_model.row_of(failed[0]), 2)
    assert index.data().startswith("供給料仕切り書の作成に失敗しました。") and "990000" in index.data()
    assert "990000" in index.data(Qt.ItemDataRole.ToolTipRole)
    view.state_filter.setCurrentIndex(view.state_filter.findText("失敗"))
    qtbot.waitUntil(lambda: sorted(view.job_model.ids()) == sorted(failed), timeout=5000)

    answered = answer_dialog("confirmDialog", "confirmYes")
    view.retry_all_button.click()
    assert answered and "失敗したジョブをすべて再実行" in answered[0]
    # They run again (attempt 2) and fail again: the statement runs still do not exist.
    qtbot.waitUntil(lambda: all(window.ctx.ledger.get(job_id).attempts == 2 for job_id in failed), timeout=20000)
    qtbot.waitUntil(lambda: all(window.ctx.ledger.get(job_id).state == "failed" for job_id in failed),
                    timeout=20000)

    answered = answer_dialog("confirmDialog", "confirmCancel")
    view.discard_all_button.click()
    assert answered and all(window.ctx.ledger.get(job_id).state == "failed" for job_id in failed)
    answer_dialog("confirmDialog", "confirmYes")
    view.discard_all_button.click()
    qtbot.waitUntil(lambda: all(window.ctx.ledger.get(job_id).state == "discarded" for job_id in failed),
                    timeout=5000)
    qtbot.waitUntil(lambda: view.job_model.ids() == [], timeout=5000)  # none failed any more


def test_a_job_that_cannot_be_retried_is_skipped_and_the_rest_go_on(jobs_window, qtbot):
    window, view = jobs_window
    tasks = window.ctx.tasks
    done = tasks.enqueue_order_document("shipping_list", day=TODAY, carrier_id=None)
    failed = tasks.enqueue_statement(990_100)
    qtbot.waitUntil(lambda: job_state(view, done) == "完了" and job_state(view, failed) == "失敗", timeout=20000)
    # A done job in the set cannot be retried: it is named and skipped, the failed one is retried.
    view._each_filtered(("done", "failed"), tasks.retry, "再実行しています…", "{count} 件は再実行できませんでした。")
    qtbot.waitUntil(lambda: any(w.objectName() == "batchSkippedDialog" and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=10000)
    box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "batchSkippedDialog")
    assert box.text() == "1 件は再実行できませんでした。" and f"ジョブ {done} は完了です" in box.informativeText()
    box.close()
    qtbot.waitUntil(lambda: window.ctx.ledger.get(failed).attempts == 2, timeout=20000)
    assert window.ctx.ledger.get(done).attempts == 1


def test_mail_check_now_shows_its_run(jobs_window, qtbot):
    window, view = jobs_window
    button = view.findChild(QToolButton, "runMailCheckButton")
    assert button.defaultAction() is window.commands.run_mail_check
    qtbot.waitUntil(button.isEnabled, timeout=5000)
    button.click()
    qtbot.waitUntil(lambda: view.job_model.rowCount() >= 1
                    and view.job_model.index(0, 0).data() == "メール確認（定期）", timeout=10000)
    qtbot.waitUntil(lambda: view.job_model.index(0, 1).data() in ("完了", "失敗"), timeout=20000)
    qtbot.waitUntil(lambda: "前回: " in view.mail_check_label.text()
                    and "まだありません" not in view.mail_check_label.text(), timeout=10000)
    assert "次回: " in view.mail_check_label.text() and "10分ごと" in view.mail_check_label.text()


# ---- the outbox (shared database) ---------------------------------------------------------------

def outbox_rows(db) -> list[int]:
    generate_demo(db, scale=1, seed=0)
    generate_statements(db, DUE_INVOICE, tz=TZ)
    with db.write() as session:
        ids = [row.id for row in prepare_outbox(session, DUE_INVOICE)]
    uncertain, failed, sent = ids[:3]
    with db.write() as session:
        session.execute(update(OutboxMessage).where(OutboxMessage.id == uncertain).values(
            state="uncertain", attempts=1, claimed_by="office-pc-2:4242",
            last_error_ja="送信中に処理が中断されたため、メールが届いたかどうか分かりません。"))
        session.execute(update(OutboxMessage).where(OutboxMessage.id == failed).values(
            state="failed", attempts=1, last_error="550 5.1.1 User unknown", last_error_ja="宛先が拒否されました"))
        session.execute(update(OutboxMessage).where(OutboxMessage.id == sent).values(state="pending"))
    return [uncertain, failed, sent]


def row_state(view, row_id: int) -> str | None:
    model = view.outbox_model
    row = model.row_of(row_id)
    return model.index(row, 2).data() if row >= 0 else None


def test_outbox_attention_mark_sent_and_resend(db, make_shell, qtbot, qtmodeltester, smtp_server):
    uncertain, failed, pending = outbox_rows(db)
    settings = settings_for(db, host="127.0.0.1", port=smtp_server.port, security="none", timeout_seconds=5.0)
    window = make_shell(settings, db, queue=True)
    window.nav_actions["jobs"].trigger()
    view = window.current_view()
    view.outbox_timer.setInterval(200)
    model: OutboxTableModel = view.outbox_model
    qtbot.waitUntil(lambda: window.ctx.tasks is not None, timeout=10000)
    load(qtbot, model)
    qtmodeltester.check(model)
    assert sorted(model.ids()) == sorted([uncertain, failed, pending])
    row = model.row_of(uncertain)
    assert model.index(row, 2).data() == "要確認"
    assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole).color() == ATTENTION
    assert "「再送」" in model.index(row, 4).data() and "届いたかどうか" in model.index(row, 4).data()
    assert model.index(row, 6).data() == "office-pc-2"  # the PC, as the jobs list names it, not its process id
    assert model.index(model.row_of(failed), 4).data() == "宛先が拒否されました"
    assert "@" in model.index(row, 5).data()

    # 要確認 → 送信済みにする, after a confirmation that names the organization.
    view.outbox_view.selectRow(row)
    organization = model.index(row, 1).data()
    assert view.mark_sent_button.isEnabled() and view.check_label.isVisible()
    answered = answer_dialog("confirmDialog", "confirmYes")
    view.mark_sent_button.click()
    assert organization in answered[0]
    qtbot.waitUntil(lambda: row_state(view, uncertain) == "送信済み", timeout=10000)
    assert model.index(model.row_of(uncertain), 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert not smtp_server.messages

    # 失敗 → 再送: the queue sends it over SMTP (the pending row of the run goes with it).
    view.outbox_view.selectRow(model.row_of(failed))
    qtbot.waitUntil(view.resend_button.isEnabled, timeout=5000)
    answered = answer_dialog("confirmDialog", "confirmYes")
    view.resend_button.click()
    assert "宛先:" in answered[0]
    qtbot.waitUntil(lambda: row_state(view, failed) == "送信済み" and row_state(view, pending) == "送信済み",
                    timeout=30000)
    assert len(smtp_server.messages) == 2
    assert view.selected_outbox() is not None and view.selected_outbox().id == failed  # the reloads kept the selection

    # 送信済み → 再送 makes a second generation that is sent again.
    view.outbox_view.selectRow(model.row_of(pending))
    qtbot.waitUntil(view.resend_button.isEnabled, timeout=5000)
    answer_dialog("confirmDialog", "confirmYes")
    view.resend_button.click()
    qtbot.waitUntil(lambda: len(smtp_server.messages) == 3, timeout=30000)
    with db.read() as session:
        newest = session.scalars(select(OutboxMessage).order_by(OutboxMessage.id.desc())).first()
    qtbot.waitUntil(lambda: row_state(view, newest.id) == "送信済み（第2回）", timeout=10000)
    qtbot.waitUntil(lambda: view.selected_outbox() is not None and view.selected_outbox().id == newest.id,
                    timeout=5000)  # the organization stays selected: its new generation's row
    assert model.row_of(pending) == -1  # only each organization's newest send is listed
    assert view.findChild(QPushButton, "resendMail") is view.resend_button


def test_every_pcs_jobs_are_listed_with_their_pc_and_this_pc_only_by_default(jobs_window, qtbot):
    window, view = jobs_window
    ledger = window.ctx.ledger
    other = Ledger(ledger.db, scope=ledger.scope, pc="事務所PC-B")
    theirs = other.create("order_document", {"date": "2026-12-01"}, "出荷書類を作成処理中…")
    mine = ledger.create("order_document", {"date": "2026-12-01"}, "出荷書類を作成処理中…")
    assert view.this_pc_only.isChecked()
    qtbot.waitUntil(lambda: mine in view.job_model.ids(), timeout=5000)
    assert theirs not in view.job_model.ids()
    view.this_pc_only.setChecked(False)  # the office's jobs: another PC's row with its PC named
    qtbot.waitUntil(lambda: theirs in view.job_model.ids(), timeout=5000)
    qtbot.waitUntil(lambda: view.job_model.index(view.job_model.row_of(theirs), 7).data() == "事務所PC-B",
                    timeout=5000)
    view.this_pc_only.setChecked(True)
    qtbot.waitUntil(lambda: theirs not in view.job_model.ids(), timeout=5000)
