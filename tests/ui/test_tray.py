"""The tray where one exists (Xvfb with the trayer tray host, in a child process) and the path
without one: offscreen there is no tray, and closing the window quits cleanly through ``run_gui``
on the QApplication that already exists, letting the running job finish."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from oroshi_desktop.config import load_settings
from oroshi_desktop.db.engine import open_database
from oroshi_desktop.ledger import Ledger
from ui.qt import QApplication, QTimer
from ui.tray import tray_available

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.qt_log_ignore("QSystemTrayIcon")  # offscreen's tray probe may complain
def test_offscreen_has_no_tray_and_closing_the_window_quits(qapp, _isolated_home):
    from ui.app import run_gui

    assert not tray_available()
    settings = load_settings()
    job: list[int] = []
    previous = signal.getsignal(signal.SIGINT)

    def drive() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow" and w.isVisible()]
        if not windows or windows[0].ctx.tasks is None:
            QTimer.singleShot(50, drive)
            return
        window = windows[0]
        from datetime import date

        job.append(window.ctx.tasks.enqueue_order_document("shipping_list", day=date.today(), carrier_id=None))
        QTimer.singleShot(100, window.close)  # the user closes the window: no tray, so the app quits

    QTimer.singleShot(0, drive)
    assert run_gui(settings, ["oroshi-desktop"]) == 0
    assert job, "the window never got its queue"
    database = open_database(settings.effective_database_url)
    try:
        state = Ledger.for_settings(database, settings).get(job[0]).state
    finally:
        database.dispose()
    assert state in ("done", "queued")  # finished, or still waiting for the next start: never cut off
    assert signal.getsignal(signal.SIGINT) is previous  # run_gui gave the process its handlers back
    log_text = (settings.paths.log_dir / "oroshi-desktop.log").read_text(encoding="utf-8")
    assert "job queue started" in log_text  # the window logs to a file in the app's log folder


@pytest.mark.slow
@pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("trayer")),
                    reason="needs Xvfb and a tray host (apt-get install xvfb trayer)")
def test_tray_icon_menu_state_and_notifications_under_xvfb(_isolated_home, tmp_path):
    display = f":{90 + os.getpid() % 400}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {k: v for k, v in os.environ.items() if not k.startswith("OROSHI_")}
    env.update(OROSHI_HOME=str(_isolated_home), DISPLAY=display, QT_QPA_PLATFORM="xcb")
    trayer = None
    try:
        time.sleep(0.5)
        trayer = subprocess.Popen(["trayer", "--edge", "top", "--align", "right", "--widthtype", "request"],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5)
        child = subprocess.run([sys.executable, str(Path(__file__).with_name("tray_child.py"))], cwd=ROOT,
                               env=env, capture_output=True, text=True, timeout=120)
    finally:
        for process in (trayer, xvfb):
            if process is not None:
                process.terminate()
                process.wait(10)
    assert child.returncode == 0, child.stdout + child.stderr
    seen = json.loads(child.stdout.strip().splitlines()[-1])
    assert seen["available"] is True
    assert seen["tooltip"] == "オロシ デスクトップ: 正常"
    assert seen["menu"] == ["開く", "今すぐメール確認", "一時停止", "終了"]
    assert seen["hidden_after_close"] and seen["notice"] == "タスクトレイで動作中です"
    assert seen["paused_tooltip"].startswith("オロシ デスクトップ: 一時停止") and seen["paused_menu"] == "再開"
    assert "要確認 1 件" in seen["error_tooltip"] and "要確認のメールがあります" in seen["notified"]
    assert seen["mail_check_queued"] and seen["reopened"] and seen["exit_code"] == 0


def _overview(**changes):
    from jobs.queue.control import QueueStatus
    from ui.jobs.mail_check import MailCheckState
    from ui.shell.monitor import Overview

    queue = QueueStatus(paused=changes.pop("paused", False), mail_schedule="*/10 * * * *", time_zone="Asia/Tokyo",
                        scheduler_pid=os.getpid())
    values = {"failed_jobs": 0, "running_mail": False, "last_mail_sent_job": None, "uncertain": 0,
              "failed_mail": 0, "sending": 0, **changes}
    return Overview(MailCheckState(queue, None, None), **values)


@pytest.mark.qt_log_ignore("QSystemTrayIcon")
def test_tray_state_words_and_notifications_follow_the_overview(make_shell, qtbot):
    """The tray's logic on the offscreen platform (the icon exists, it is just not shown)."""
    from oroshi_desktop.startup import prepare_database
    from ui.tray import Tray

    settings = load_settings()
    database = prepare_database(settings)
    try:
        window = make_shell(settings, database)
        tray = Tray(window.ctx, window, window.state)
        assert not tray.keeps_app()  # no tray shown: closing the window must quit
        steps = [
            (_overview(), "正常", []),
            (_overview(running_mail=True, sending=1), "送信中", []),
            (_overview(last_mail_sent_job=7), "正常", ["支払明細書を送信しました"]),
            (_overview(last_mail_sent_job=7, failed_mail=1), "エラーあり", ["メールの送信に失敗しました"]),
            (_overview(last_mail_sent_job=7, failed_mail=1, uncertain=1), "エラーあり", ["要確認のメールがあります"]),
            (_overview(last_mail_sent_job=7, failed_mail=1, uncertain=1, bounced=1), "エラーあり",
             ["届かなかった支払明細書があります（不達）"]),
            (_overview(last_mail_sent_job=7, failed_mail=1, uncertain=1, paused=True), "一時停止", []),
        ]
        for overview, word, notified in steps:
            before = len(tray.notifications)
            tray.show_overview(overview)
            assert tray.state == word and tray.icon.toolTip().startswith(f"オロシ デスクトップ: {word}")
            assert [title for title, _ in tray.notifications[before:]] == notified
        assert "要確認 1 件" in tray.icon.toolTip() and "送信失敗 1 件" in tray.icon.toolTip()
        tray.show_overview(_overview(bounced=2))
        assert "不達 2 件" in tray.icon.toolTip()
    finally:
        database.dispose()


def test_the_last_mail_sent_is_found_by_its_message_key_in_any_language(db, _isolated_home):
    """The tray's "支払明細書を送信しました" follows the ledger's key, never the words of a message."""
    from oroshi_desktop.labels import JobMessage, LedgerMessage
    from ui.context import AppContext
    from ui.shell.monitor import read_overview

    settings = load_settings()
    ledger = Ledger(db, scope="local:pc-a", pc="pc-a")
    sent = ledger.create("mail", {}, LedgerMessage(JobMessage.MAIL_CHECK_RUNNING))
    ledger.finish(sent, LedgerMessage(JobMessage.MAIL_DONE))
    nothing = ledger.create("mail", {}, LedgerMessage(JobMessage.MAIL_CHECK_RUNNING))
    ledger.finish(nothing, LedgerMessage(JobMessage.NOTHING_DUE))
    # A sentence, even the very words of "mail sent", is not a key (a row from before keys is not counted).
    ledger.finish(ledger.create("mail", {}, ""), "メールを送信しました。")
    overview = read_overview(AppContext(settings, db, ledger))
    assert overview.last_mail_sent_job == sent
