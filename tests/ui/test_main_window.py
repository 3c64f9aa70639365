"""The main window on the embedded demo database (real widgets, offscreen), with the job list fed
by the embedded queue."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from jobs.consumer import JobQueue
from jobs.control import PAUSED_MESSAGE
from oroshi_desktop.config import load_settings
from ui.app import install_font, prepare_database, start_embedded_queue
from ui.main_window import JobTableModel, MainWindow

TODAY = datetime.now(ZoneInfo("Asia/Tokyo")).date()
SHOTS = Path(__file__).resolve().parents[2] / ".pytest-tmp" / "screenshots"


@pytest.fixture
def app_window(qtbot, qapp, _isolated_home):
    install_font(qapp)
    settings = load_settings()
    database = prepare_database(settings)
    window = MainWindow(database, settings)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()
    database.dispose()


def test_empty_embedded_database_is_filled_and_shown(app_window, qapp, qtbot):
    # The overview is computed off the GUI thread and arrives through a signal.
    qtbot.waitUntil(lambda: "確認中" not in app_window.status.text(), timeout=10000)
    text = app_window.status.text()
    assert "状態: 正常" in text
    assert "供給組織: 3 件" in text and "支払明細書: 3 件" in text
    assert qapp.font().family().startswith("BIZ UDP")
    assert app_window.queue_label.text() == "メール確認: */10 * * * * (Asia/Tokyo)　状態: 実行中"


def test_job_model_passes_the_model_tester(app_window, qtmodeltester):
    ledger = app_window.ledger
    for n in range(3):
        ledger.create("order_document", {"n": n}, "出荷書類を作成処理中…")
    model: JobTableModel = app_window.job_model
    model.refresh()
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == 5
    assert [model.headerData(c, app_window.job_view.horizontalHeader().orientation()) for c in range(5)] == \
        ["種類", "状態", "メッセージ", "作成日時", "出力"]
    ledger.start(3, "running")
    model.refresh()  # same rows, changed data
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "実行中"


def test_enqueued_job_shows_done_in_the_window(app_window, qtbot, qapp):
    window = app_window
    window.job_timer.setInterval(100)
    queue: JobQueue = start_embedded_queue(qapp, window.settings, window.database, window)
    try:
        qtbot.waitUntil(lambda: queue.consumer is not None, timeout=5000)
        assert queue.report.periodic
        job_id = queue.tasks.enqueue_order_document("shipping_list", day=TODAY, carrier_id=None)
        model = window.job_model

        def shows_done() -> None:
            assert model.rowCount() >= 1 and model.job(0).id == job_id
            assert model.index(0, 1).data() == "完了", model.index(0, 2).data()

        qtbot.waitUntil(shows_done, timeout=20000)
        assert model.index(0, 0).data() == "出荷書類"
        assert model.index(0, 4).data().endswith(".pdf")
        assert "状態: 実行中" in window.queue_label.text()

        window.pause_button.click()
        assert "状態: 一時停止中" in window.queue_label.text() and window.pause_button.text() == "再開"
        held = queue.tasks.enqueue_order_document("shipping_list", day=TODAY, carrier_id=None)
        qtbot.waitUntil(lambda: model.job(0).id == held and model.index(0, 2).data() == PAUSED_MESSAGE,
                        timeout=10000)
        assert model.index(0, 1).data() == "待機中"
        SHOTS.mkdir(parents=True, exist_ok=True)
        assert window.grab().save(str(SHOTS / "main_window_jobs.png"))
        window.pause_button.click()
        qtbot.waitUntil(lambda: model.index(0, 1).data() == "完了", timeout=20000)
    finally:
        queue.stop()


def test_discard_and_retry_from_the_window(app_window, qtbot, qapp):
    window = app_window
    window.job_timer.setInterval(100)
    queue: JobQueue = start_embedded_queue(qapp, window.settings, window.database, window)
    try:
        qtbot.waitUntil(lambda: window.tasks is not None, timeout=5000)
        window.pause_button.click()  # hold the job so it can be discarded before it runs
        job_id = queue.tasks.enqueue_order_document("shipping_chart", day=TODAY, carrier_id=1)
        model = window.job_model
        qtbot.waitUntil(lambda: model.rowCount() >= 1 and model.job(0).id == job_id, timeout=5000)
        window.job_view.selectRow(0)
        assert window.discard_button.isEnabled() and not window.retry_button.isEnabled()
        assert not window.open_button.isEnabled()
        window.discard_button.click()
        assert model.index(0, 1).data() == "破棄"
        assert window.retry_button.isEnabled() and not window.discard_button.isEnabled()

        window.pause_button.click()
        window.retry_button.click()
        qtbot.waitUntil(lambda: model.index(0, 1).data() == "完了", timeout=20000)
        assert window.ledger.get(job_id).state == "done"
        assert window.open_button.isEnabled()
    finally:
        queue.stop()
