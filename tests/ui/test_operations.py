"""The slow-work helper: results and errors arrive on the GUI thread, the event loop keeps running."""

from __future__ import annotations

import threading
import time

from oroshi_desktop.errors import UserError
from ui.operations import BatchOperation, Operation, wait_for_operations
from ui.qt import QMessageBox, QTimer, QWidget


def test_result_arrives_on_the_gui_thread_while_the_loop_runs(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    gate = threading.Event()
    ticks: list[int] = []
    timer = QTimer(widget)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    results: list[tuple[int, bool]] = []
    main = threading.get_ident()

    def work() -> int:
        gate.wait(5)
        return 42

    Operation(widget, work).success(lambda value: results.append((value, threading.get_ident() == main))).run()
    qtbot.wait(200)  # the work is blocked, the loop still ticks
    assert len(ticks) >= 5 and not results
    gate.set()
    qtbot.waitUntil(lambda: results == [(42, True)], timeout=5000)
    wait_for_operations()


def test_user_error_goes_to_the_failure_callback(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    errors: list[BaseException] = []

    def work() -> None:
        raise UserError("bad", "組織「A」のメールアドレスが正しくありません")

    done: list[bool] = []
    Operation(widget, work).failure(errors.append).finally_(lambda: done.append(True)).run()
    qtbot.waitUntil(lambda: done == [True], timeout=5000)
    assert isinstance(errors[0], UserError) and "メールアドレス" in errors[0].message_ja


def test_default_failure_shows_the_japanese_message(qtbot, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    widget = QWidget()
    qtbot.addWidget(widget)

    def work() -> None:
        raise UserError("bad", "データベースに接続できません")

    Operation(widget, work).run()
    qtbot.waitUntil(lambda: shown == ["データベースに接続できません"], timeout=5000)


def test_batch_reports_progress_and_stops_on_cancel(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    processed: list[int] = []
    outcome: list[str] = []

    def work(progress) -> int:
        for n in range(1000):
            progress.check()
            processed.append(n)
            progress.update(n + 1, 1000, f"{n + 1} 件目")
            time.sleep(0.002)
        return len(processed)

    operation = BatchOperation(widget, work, label="明細書を作成しています…")
    operation.success(lambda _n: outcome.append("finished")).finally_(lambda: outcome.append("done")).run()
    qtbot.waitUntil(lambda: len(processed) >= 20, timeout=5000)
    operation.progress.cancel()
    qtbot.waitUntil(lambda: outcome == ["done"], timeout=5000)  # cancelled: no success callback
    assert 20 <= len(processed) < 1000


def _sleep_function(db) -> str:
    """A database function that sleeps: SQLite gets one (a user function), PostgreSQL has pg_sleep."""
    if db.dialect == "sqlite":
        from sqlalchemy import event

        @event.listens_for(db.engine, "connect")
        def _register(dbapi_connection, _record) -> None:
            dbapi_connection.create_function("pg_sleep", 1, lambda seconds: time.sleep(seconds) or 0)

        db.engine.dispose()  # new connections get the function
    return "select pg_sleep(0.8)"


def test_the_event_loop_keeps_running_during_a_slow_database_query(db, qtbot):
    from sqlalchemy import text

    from ui.qt import QApplication, QProgressDialog

    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    sql = _sleep_function(db)
    ticks: list[float] = []
    timer = QTimer(widget)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    results: list[object] = []
    progress_seen: list[bool] = []

    def slow_query() -> int:
        with db.read() as session:
            session.execute(text(sql))
            return 7

    started = time.monotonic()
    Operation(widget, slow_query, label="データベースを読み込んでいます…").success(results.append).run()
    qtbot.waitUntil(lambda: any(isinstance(w, QProgressDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()) or bool(results), timeout=5000)
    progress_seen.append(not results)
    qtbot.waitUntil(lambda: results == [7], timeout=10000)
    elapsed = time.monotonic() - started
    assert elapsed >= 0.8  # the query really slept
    during = [t for t in ticks if started < t < started + 0.8]
    assert len(during) >= 15, f"the GUI thread was blocked: {len(during)} timer ticks in 0.8 s"
    assert progress_seen == [True]  # the progress dialog appeared while it waited, then went away
    assert not any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    wait_for_operations()


def test_a_bug_is_a_short_dialog_and_its_traceback_goes_to_the_log(qtbot, tmp_path):
    from ui.app import install_log_file
    from ui.operations import set_log_file
    from ui.qt import QApplication

    widget = QWidget()
    qtbot.addWidget(widget)
    handler = install_log_file(tmp_path / "logs")
    shown: list[tuple[str, str]] = []

    def close_dialog() -> None:
        for box in QApplication.topLevelWidgets():
            if box.objectName() == "errorDialog" and box.isVisible():
                shown.append((box.text(), box.detailedText()))
                box.accept()
                return
        QTimer.singleShot(20, close_dialog)

    def work() -> None:
        raise KeyError("missing_column")

    try:
        QTimer.singleShot(0, close_dialog)
        Operation(widget, work).run()
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    finally:
        import logging

        logging.getLogger().removeHandler(handler)
        handler.close()
        set_log_file(None)
    text, details = shown[0]
    assert "予期しないエラーが発生しました" in text and "Traceback" not in text
    assert "KeyError" in details and str(tmp_path / "logs" / "oroshi-desktop.log") in details
    log_text = (tmp_path / "logs" / "oroshi-desktop.log").read_text(encoding="utf-8")
    assert "Traceback" in log_text and "missing_column" in log_text


def test_a_background_read_without_the_database_goes_to_the_shell_not_a_dialog(qtbot, tmp_path):
    from oroshi_desktop.db.engine import open_database
    from ui.operations import set_connection_lost_handler

    widget = QWidget()
    qtbot.addWidget(widget)
    gone = open_database(f"sqlite:///{tmp_path / 'no' / 'such' / 'folder.sqlite3'}", create_folder=False)
    heard: list[BaseException] = []
    set_connection_lost_handler(lambda err: heard.append(err) is None)
    try:
        Operation(widget, gone.ping).run()  # a poll: nobody pressed anything
        qtbot.waitUntil(lambda: len(heard) == 1, timeout=5000)
        assert "接続できません" in heard[0].message_ja
    finally:
        set_connection_lost_handler(None)
        gone.dispose()
