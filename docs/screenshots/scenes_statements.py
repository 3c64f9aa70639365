"""Screens of the 支払明細書 view for ``make_screenshots.py``: list, detail, 仕切り作成 with its
warnings, メールのプレビュー and the PDF viewer.

``scenes(ctx, window)`` returns ``(name, open_screen)`` pairs; each ``open_screen()`` opens its
screen, waits until its data is in, and returns the widget to grab. Run alone
(``python docs/screenshots/scenes_statements.py``) it makes these PNGs by itself under ``xvfb-run``
on the demo data, for a quick look without the rest of the shell.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from scene_tools import HERE, ROOT, SCREEN
from scene_tools import wait as _wait


def _statements_view(ctx: Any, window: Any) -> tuple[Any, Any]:
    """The shell's statements view when it has one, else the view in a window of its own."""
    from ui.qt import QMainWindow
    from ui.statements.view import StatementsView

    views = getattr(window, "views", {})
    view = views.get("statements") if isinstance(views, dict) else None
    if isinstance(view, StatementsView):
        window.show_view("statements")
        return view, window
    host = QMainWindow()
    host.setWindowTitle("支払明細書 — オロシ デスクトップ")
    view = StatementsView(ctx, host)
    host.setCentralWidget(view)
    host.resize(window.size() if window is not None else host.size())
    host.show()
    _scenes_keep.append(host)
    return view, host


_scenes_keep: list[Any] = []


def _generated_run(ctx: Any) -> int:
    """A run with PDFs that is not sent yet (the shell's demo generates one), else one made now."""
    from jobs.statements import generate_statements
    from oroshi_desktop.queries.statement_runs import RunState, run_ids, run_rows

    with ctx.database.read() as session:
        ids = run_ids(session)
        rows = run_rows(session, ids)
    for run_id in ids:
        if rows[run_id].state in (RunState.UNCERTAIN, RunState.PARTLY_FAILED, RunState.SCHEDULED):
            return run_id
    run_id = next(i for i in ids if rows[i].state is RunState.NOT_GENERATED)
    generate_statements(ctx.database, run_id, tz=ctx.settings.tz)
    return run_id


def scenes(ctx: Any, window: Any) -> list[tuple[str, Callable[[], Any]]]:
    from ui.qt import QMessageBox, Qt
    from ui.viewer import viewer_window
    from ui.viewer.window import fit_to_screen

    state: dict[str, Any] = {}

    def view_and_host() -> tuple[Any, Any]:
        if "view" not in state:
            state["view"], state["host"] = _statements_view(ctx, window)
            run_id = _generated_run(ctx)
            state["view"].refresh()
            _wait(lambda: not state["view"].model.loading and state["view"].model.row_of(run_id) >= 0)
            state["run_id"] = run_id
        return state["view"], state["host"]

    def select(run_id: int) -> Any:
        view, host = view_and_host()
        view.select_run(run_id)
        _wait(lambda: view.detail is not None and view.detail.row.id == run_id)
        return host

    def list_and_detail() -> Any:
        view_and_host()
        return select(state["run_id"])

    def sent_detail() -> Any:
        view, _host = view_and_host()
        sent = next((i for i in view.model.ids if view.model.run_at(view.model.row_of(i)).state.label == "送信済み"),
                    state["run_id"])
        return select(sent)

    def new_dialog() -> Any:
        view, _host = view_and_host()
        view.new_item()
        dialog = view.new_dialog
        _wait(lambda: bool(dialog.preview_buttons))
        # From the scheduled run's half month to today: overlaps, and today's supplies without a price.
        today = date.today()
        start = (today.replace(day=1) - timedelta(days=1)).replace(day=16)
        dialog.set_period(start, today)
        _wait(lambda: any(dialog.warning_list.item(i).data(Qt.ItemDataRole.UserRole) == "unpriced"
                          for i in range(dialog.warning_list.count())), 10)
        return dialog

    def mail_preview() -> Any:
        view, _host = view_and_host()
        if getattr(view, "new_dialog", None) is not None:
            view.new_dialog.reject()
        select(state["run_id"])
        view.action("previewMail").trigger()
        _wait(lambda: getattr(view, "mail_preview", None) is not None and view.mail_preview.isVisible())
        return view.mail_preview

    def pdf_viewer() -> Any:
        view, _host = view_and_host()
        if getattr(view, "mail_preview", None) is not None:
            view.mail_preview.close()
        box = view.detail_panel.boxes[0]
        box.open_buttons[1].click()
        _wait(lambda: viewer_window().isVisible() and viewer_window().current_tab() is not None)
        viewer = viewer_window()
        fit_to_screen(viewer, 1000, 720)
        tab = viewer.current_tab()
        tab.search_box.setText(tab.document.getAllText(0).text().split()[0][:4])
        _wait(lambda: tab.result_count() > 0, 5)
        tab.find_next()
        _wait(lambda: True, 0.5)
        return viewer

    def delete_refused() -> Any:
        viewer_window().close()
        view, _host = view_and_host()
        sent_detail()
        box = QMessageBox(QMessageBox.Icon.Warning, "オロシ デスクトップ", "送信済みの仕切り書を削除できません。",
                          QMessageBox.StandardButton.Ok, view)
        box.show()
        state["box"] = box
        return box

    return [
        ("statements_list", list_and_detail),
        ("statements_detail_sent", sent_detail),
        ("statements_new_dialog", new_dialog),
        ("statements_mail_preview", mail_preview),
        ("statements_viewer", pdf_viewer),
        ("statements_delete_refused", delete_refused),
    ]


# ---- alone: python docs/screenshots/scenes_statements.py --------------------------------------

def _alone(out: Path) -> int:
    home = Path(tempfile.mkdtemp(prefix="oroshi-shots-"))
    os.environ["OROSHI_HOME"] = str(home)
    sys.path.insert(0, str(ROOT))
    from jobs.queue.consumer import JobQueue
    from oroshi_desktop.config import load_settings
    from oroshi_desktop.startup import prepare_database
    from ui.app import install_font
    from ui.context import AppContext
    from ui.qt import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    install_font(app)
    settings = load_settings()
    database = prepare_database(settings)
    queue = JobQueue(settings, database=database, embedded=True, max_delay=0.5)
    queue.start()
    ctx = AppContext(settings, database, queue.runtime.ledger)
    ctx.attach_tasks(queue.tasks)
    window = QMainWindow()
    window.setGeometry(app.primaryScreen().availableGeometry())
    out.mkdir(parents=True, exist_ok=True)
    for name, open_screen in scenes(ctx, window):
        widget = open_screen()
        _wait(lambda: True, 0.3)
        path = out / f"{name}{os.environ.get('SHOT_SUFFIX', '')}.png"
        widget.grab().save(str(path))
        print(path)
    queue.stop()
    database.dispose()
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    if os.environ.get("QT_QPA_PLATFORM") == "xcb" and os.environ.get("DISPLAY"):
        sys.exit(_alone(HERE))
    code = 0
    for scale, suffix in (("1", ""), ("1.5", "_150")):
        env = {**os.environ, "QT_SCALE_FACTOR": scale, "QT_QPA_PLATFORM": "xcb", "SHOT_SUFFIX": suffix}
        code = code or subprocess.run(["xvfb-run", "-a", "-s", f"-screen 0 {SCREEN[0]}x{SCREEN[1]}x24",
                                       sys.executable, __file__], env=env, cwd=ROOT).returncode
    sys.exit(code)
