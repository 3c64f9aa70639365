"""Run by ``test_tray.py`` in a child process on an X server with a tray host (Xvfb + trayer):
drives the real tray icon and prints what it saw as one JSON line."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

from sqlalchemy import update

from jobs.statements import generate_statements
from oroshi_desktop.config import load_settings
from oroshi_desktop.db.models import OutboxMessage
from oroshi_desktop.ledger import Ledger
from oroshi_desktop.mail.outbox import prepare_outbox
from oroshi_desktop.startup import prepare_database
from ui.app import QueueStarter, install_font
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.qt import QApplication, QTimer
from ui.tray import Tray, tray_available

DUE_INVOICE = 3


def main() -> int:
    app = QApplication(sys.argv[:1])
    install_font(app)
    seen: dict[str, object] = {"available": tray_available()}

    def wait(condition: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise SystemExit(f"timed out waiting for {what}; seen so far: {json.dumps(seen, ensure_ascii=False)}")
            app.processEvents()
            time.sleep(0.02)

    settings = load_settings()
    database = prepare_database(settings)
    ledger = Ledger.for_settings(database, settings)
    ctx = AppContext(settings, database, ledger)
    window = MainWindow(ctx)
    tray = Tray(ctx, window, window.state)
    tray.show()
    app.setQuitOnLastWindowClosed(False)
    window.show()
    starter = QueueStarter(app, ctx, prepared=True)
    wait(lambda: ctx.tasks is not None and tray.icon.isVisible(), "the queue and the icon")
    wait(lambda: tray.icon.toolTip() == "オロシ デスクトップ: 正常", "the first overview")
    seen["tooltip"] = tray.icon.toolTip()
    seen["menu"] = [action.text() for action in tray.menu.actions() if action.text()]

    window.close()
    seen["hidden_after_close"] = not window.isVisible()
    seen["notice"] = tray.notifications[-1][0] if tray.notifications else ""

    window.commands.pause.trigger()
    wait(lambda: tray.state == "一時停止", "paused")
    seen["paused_tooltip"] = tray.icon.toolTip()
    seen["paused_menu"] = window.commands.pause.text()
    window.commands.pause.trigger()
    wait(lambda: tray.state == "正常", "resumed")

    generate_statements(database, DUE_INVOICE, tz=settings.tz)
    with database.write() as session:
        row_id = prepare_outbox(session, DUE_INVOICE)[0].id
        session.execute(update(OutboxMessage).where(OutboxMessage.id == row_id).values(state="uncertain"))
    wait(lambda: tray.state == "エラーあり", "the uncertain mail")
    seen["error_tooltip"] = tray.icon.toolTip()
    seen["notified"] = [title for title, _text in tray.notifications]

    mail_checks = len([job for job in ledger.list() if job.kind == "mail"])
    next(action for action in tray.menu.actions() if action.text() == "今すぐメール確認").trigger()
    wait(lambda: len([job for job in ledger.list() if job.kind == "mail"]) > mail_checks, "the mail check")
    seen["mail_check_queued"] = True

    tray.open_action.trigger()
    wait(window.isVisible, "the window again")
    seen["reopened"] = window.isVisible()

    QTimer.singleShot(0, window.quit_action.trigger)
    seen["exit_code"] = app.exec()
    starter.stop()
    ledger.dispose()
    database.dispose()
    print(json.dumps(seen, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
