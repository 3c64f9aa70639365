"""The clerk's main flow with the keyboard only, as 操作マニュアル §12.1 tells it (issue 18, point 3):
Ctrl+1 → Ctrl+N (仕切り作成: the period picked in the calendar with the arrow keys and Enter, an
organization toggled with Space, Ctrl+Enter, Alt+Y to the warnings) → the PDFs are made (Ctrl+G
makes them again) → Enter on the row: プレビュー in the viewer, Esc closes its tabs → Ctrl+Shift+M
メールプレビュー, Esc → Ctrl+Shift+S 今すぐ送信, Alt+Y → 送信済み, the mails on a real SMTP server.

Every step is a key press on the widget that has the focus (or the modal dialog asking): no mouse,
no slot called. The whole shell with its embedded queue on the demo database (SQLite)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import OutboxMessage
from tests.conftest import make_database
from tests.helpers.smtp_server import SmtpTestServer
from tests.ui.conftest import settings_for
from tests.ui.pdf_fixtures import answer_modal, japanese_app
from ui.qt import QApplication, QMessageBox, Qt, QWidget
from ui.statements.mail_preview import MailPreviewDialog
from ui.statements.new_dialog import NewStatementDialog
from ui.viewer import viewer_window

# Depends on the date the demo is anchored on: .ci/run runs it again on other dates.
pytestmark = pytest.mark.calendar

Key = Qt.Key
CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)


@pytest.fixture
def demo_db(request, tmp_path) -> Iterator[Database]:  # type: ignore[no-untyped-def]
    from oroshi_desktop.demo import generate_demo
    from oroshi_desktop.queries.preferences import ZERO_STATEMENTS, set_preference

    database = make_database("sqlite", request, tmp_path)
    generate_demo(database, scale=1, seed=0)
    with database.write() as session:  # an organization without supplies in the period is mailed too
        set_preference(session, ZERO_STATEMENTS, "send")
    yield database
    database.dispose()


@pytest.fixture(autouse=True)
def _close_viewer() -> Iterator[None]:
    yield
    viewer_window().close()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: Any, key: Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key on whatever has the focus, as the keyboard would send it."""
    qtbot.keyClick(focused(), key, modifier)


def tab_until(qtbot: Any, reached: Callable[[QWidget], bool], limit: int = 40) -> list[QWidget]:
    """Tab until the focused widget satisfies ``reached``; the widgets walked through."""
    walked: list[QWidget] = []
    for _ in range(limit):
        press(qtbot, Key.Key_Tab)
        walked.append(focused())
        if reached(walked[-1]):
            return walked
    raise AssertionError(f"Tab never got there: {[w.objectName() or type(w).__name__ for w in walked]}")


def back_to(qtbot: Any, window: QWidget) -> None:
    """What the window manager does when a window closes or opens: the next one is active again
    (the offscreen platform has no window manager; nothing else is done for the keyboard)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow() and QApplication.focusWidget() is not None, timeout=5000)


def answer_with_alt_y(qtbot: Any) -> list[str]:
    """The next confirmation box is answered はい with its accelerator, Alt+Y."""
    return answer_modal(QMessageBox, lambda box: qtbot.keyClick(box, Key.Key_Y, ALT))


def test_new_run_generate_preview_send_with_the_keyboard_only(demo_db, make_shell, smtp_server: SmtpTestServer,
                                                              qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    japanese_app(qapp)
    settings = settings_for(demo_db, host="127.0.0.1", port=smtp_server.port, security="none", timeout_seconds=5.0)
    window = make_shell(settings, demo_db, queue=True)
    qtbot.waitUntil(lambda: window.ctx.tasks is not None, timeout=30000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and window.isActiveWindow(), timeout=5000)

    # 1. Ctrl+1: 支払明細書. Ctrl+N: 仕切り作成.
    press(qtbot, Key.Key_1, CTRL)
    view = window.current_view()
    assert view.objectName() == "statementsView"
    qtbot.waitUntil(lambda: not view.model.loading, timeout=10000)
    runs_before = set(view.model.ids)
    press(qtbot, Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: isinstance(getattr(view, "new_dialog", None), NewStatementDialog)
                    and view.new_dialog.isVisible() and bool(view.new_dialog.choices), timeout=10000)
    dialog: NewStatementDialog = view.new_dialog
    qtbot.waitUntil(lambda: dialog.isActiveWindow(), timeout=5000)
    #    The period in the calendar: the arrow keys move the day, Enter picks the first and the last.
    calendar = dialog.calendar
    if not calendar.isAncestorOf(focused()):
        tab_until(qtbot, calendar.isAncestorOf)
    today = date.today()
    start = today.replace(day=1) if today.day > 1 else today - timedelta(days=3)
    for _ in range((calendar.selectedDate().toPython() - start).days):  # type: ignore[attr-defined]
        press(qtbot, Key.Key_Left)
    for _ in range((start - calendar.selectedDate().toPython()).days):  # type: ignore[attr-defined]
        press(qtbot, Key.Key_Right)
    press(qtbot, Key.Key_Return)
    for _ in range((today - start).days):
        press(qtbot, Key.Key_Right)
    with qtbot.waitSignal(dialog.checked, timeout=10000):
        press(qtbot, Key.Key_Return)
    assert (dialog.start, dialog.end) == (start, today)
    assert dialog.isVisible()  # Enter picked a day: it did not create the run
    #    Tab to the organizations; Space takes the current one out and puts it back.
    organizations = dialog.organization_list
    tab_until(qtbot, lambda w: w is organizations)
    chosen = dialog.selected_organizations()
    assert len(chosen) >= 2
    if organizations.currentRow() < 0:
        press(qtbot, Key.Key_Down)
    press(qtbot, Key.Key_Space)
    assert len(dialog.selected_organizations()) == len(chosen) - 1
    with qtbot.waitSignal(dialog.checked, timeout=10000):
        press(qtbot, Key.Key_Space)
    assert sorted(dialog.selected_organizations()) == sorted(chosen)
    #    Ctrl+Enter creates (Alt+Y to the warnings, if any); the PDFs are made at once.
    asked = answer_with_alt_y(qtbot) if dialog.warnings else []
    with qtbot.waitSignal(view.job_finished, timeout=90000) as generated:
        press(qtbot, Key.Key_Return, CTRL)
    assert generated.args[1] == "done"
    if dialog.warnings:
        assert asked and "警告" in asked[0]
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: not view.model.loading, timeout=10000)
    (run_id,) = set(view.model.ids) - runs_before
    assert dialog.created_id == run_id
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.row.id == run_id, timeout=10000)
    assert view.selected_run_id() == run_id  # the new row is the selected one

    # 2. Tab to the list (the row stays selected); Ctrl+G makes the PDFs again.
    back_to(qtbot, window)
    if focused() is not view.table:
        tab_until(qtbot, lambda w: w is view.table)
    assert view.selected_run_id() == run_id
    with qtbot.waitSignal(view.job_finished, timeout=90000) as again:
        press(qtbot, Key.Key_G, CTRL)
    assert again.args[1] == "done"
    qtbot.waitUntil(lambda: not view.model.loading and view.detail is not None and view.detail.row.id == run_id
                    and view.model.index(view.model.row_of(run_id), 5).data() == "送信予定", timeout=10000)
    parts = view.detail.parts
    files = [f.filename for p in parts for f in p.files]
    assert len(files) == 2 * len(parts)

    # 3. Enter on the row: プレビュー, every PDF of the run a tab of the viewer; Esc closes them one by one.
    assert focused() is view.table
    press(qtbot, Key.Key_Return)
    viewer = viewer_window()
    qtbot.waitUntil(lambda: viewer.isVisible() and viewer.tabs.count() == len(files), timeout=20000)
    assert sorted(tab.title for tab in viewer.tab_list()) == sorted(files)
    back_to(qtbot, viewer)  # the viewer came to the front (a window manager activates it)
    for left in range(len(files) - 1, -1, -1):
        press(qtbot, Key.Key_Escape)
        qtbot.waitUntil(lambda left=left: viewer.tabs.count() == left, timeout=3000)
    assert not viewer.isVisible()  # the last tab took the viewer with it

    # 4. Ctrl+Shift+M: メールプレビュー; Esc closes it.
    back_to(qtbot, window)
    assert focused() is view.table  # the focus is where it was before the viewer opened
    press(qtbot, Key.Key_M, CTRL | SHIFT)
    qtbot.waitUntil(lambda: isinstance(view.mail_preview, MailPreviewDialog) and view.mail_preview.isVisible(),
                    timeout=10000)
    assert len(view.mail_preview.pages) == len(parts)
    qtbot.waitUntil(view.mail_preview.isActiveWindow, timeout=5000)
    press(qtbot, Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.mail_preview.isVisible(), timeout=3000)

    # 5. Ctrl+Shift+S: 今すぐ送信; the question names the recipients, Alt+Y sends → 送信済み.
    back_to(qtbot, window)
    assert view.isAncestorOf(focused())
    asked = answer_with_alt_y(qtbot)
    with qtbot.waitSignal(view.job_finished, timeout=60000) as sent:
        press(qtbot, Key.Key_S, CTRL | SHIFT)
    assert sent.args[1] == "done"
    assert asked and "送信しますか" in asked[0]
    qtbot.waitUntil(lambda: not view.model.loading, timeout=10000)
    assert view.model.index(view.model.row_of(run_id), 5).data() == "送信済み"
    assert len(smtp_server.handler.accepted) == len(parts)
    with demo_db.read() as session:
        states = set(session.scalars(select(OutboxMessage.state).where(OutboxMessage.invoice_id == run_id)))
    assert states == {"sent"}
