"""Screenshots of every screen and dialog, from the demo data, under Xvfb with the bundled font.

    python docs/screenshots/make_screenshots.py            # 1366×768, then again at 150 % scaling
    python docs/screenshots/make_screenshots.py --language en   # the English set (*_en.png, *_en_150.png)
    python docs/screenshots/make_screenshots.py --scale 1.5 --only 'orders_*' 'tray_menu'   # some, at 150 % only

Without a DISPLAY the script runs itself under ``xvfb-run`` (a real X server, so native styles
and fonts are real, unlike offscreen). Each run uses a throwaway ``OROSHI_HOME``. Scene modules
next to this file (``scenes_*.py`` with ``scenes(ctx, window) -> [(name, open_screen)]``) add
their screens; ``open_screen()`` opens one and returns the widget to grab.
"""

from __future__ import annotations

import argparse
import fnmatch
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SCREEN = (1366, 768)


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--child", action="store_true", help="(internal) already on the X server")
    parser.add_argument("--suffix", default="", help="(internal) file name suffix, e.g. _150")
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--language", choices=("ja", "en"), default="ja",
                        help="en: the window in English, files named *_en.png and *_en_150.png")
    parser.add_argument("--scale", choices=("1", "1.5"), action="append",
                        help="only this scaling (repeatable; default: 1 and 1.5)")
    parser.add_argument("--only", nargs="+", default=[], metavar="NAME",
                        help="write only these screens (names without suffix; shell patterns such as 'orders_*'); "
                             "every screen is still opened, so later ones see the same state")
    return parser.parse_args()


def relaunch(out: Path, language: str, scales: list[str] | None, only: list[str]) -> int:
    """Once at 100 % and once at 150 % (or the ``scales`` asked for), each under its own Xvfb of a
    1366×768 office laptop."""
    if shutil.which("xvfb-run") is None:
        print("xvfb-run is missing (apt-get install xvfb xauth)", file=sys.stderr)
        return 2
    runs = (("1", "_en"), ("1.5", "_en_150")) if language == "en" else (("1", ""), ("1.5", "_150"))
    for scale, suffix in runs:
        if scales and scale not in scales:
            continue
        env = {**os.environ, "QT_SCALE_FACTOR": scale, "QT_QPA_PLATFORM": "xcb"}
        command = ["xvfb-run", "-a", "-s", f"-screen 0 {SCREEN[0]}x{SCREEN[1]}x24", sys.executable, __file__,
                   "--child", "--suffix", suffix, "--out", str(out), "--language", language,
                   *(["--only", *only] if only else [])]
        result = subprocess.run(command, env=env, cwd=ROOT)
        if result.returncode:
            return result.returncode
    return 0


def wait(app: Any, condition: Callable[[], bool], seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    for _ in range(10):  # let the last paint happen
        app.processEvents()
        time.sleep(0.01)


def demo_jobs_and_outbox(ctx: Any, app: Any) -> None:
    """A job list and an outbox like an office's on a Thursday: done, failed and held jobs; sent,
    failed and 要確認 mails."""
    from sqlalchemy import update

    from jobs.queue.control import set_paused
    from jobs.statements import generate_statements
    from oroshi_desktop.db.models import OutboxMessage
    from oroshi_desktop.mail.outbox import prepare_outbox

    database = ctx.database
    generate_statements(database, 3, tz=ctx.settings.tz)
    with database.write() as session:
        ids = [row.id for row in prepare_outbox(session, 3)]
    states = [
        {"state": "uncertain", "attempts": 1, "claimed_by": "事務所PC-2:5120",
         "last_error": "the sending worker stopped before the server's answer was recorded; the mail may have "
                       "been delivered",
         "last_error_ja": "送信中に処理が中断されたため、メールが届いたかどうか分かりません。"},
        {"state": "failed", "attempts": 2, "claimed_by": "事務所PC-1:4410", "last_error": "550 5.1.1 User unknown",
         "last_error_ja": "宛先のメールサーバーが受け取りを拒否しました（550 宛先不明）"},
        {"state": "sent", "attempts": 1, "claimed_by": "事務所PC-1:4410"},
    ]
    with database.write() as session:
        for row_id, values in zip(ids, states, strict=False):
            session.execute(update(OutboxMessage).where(OutboxMessage.id == row_id).values(**values))
    tasks = ctx.tasks
    today = date.today()
    done = [tasks.enqueue_order_document(kind, day=today, carrier_id=None)
            for kind in ("shipping_list", "packing_slips")]
    done.append(tasks.enqueue_statement(1))
    failed = tasks.enqueue_statement(99)  # no such run: fails with its reason
    wait(app, lambda: all(ctx.ledger.get(j).state in ("done", "failed") for j in [*done, failed]), 60)
    set_paused(ctx.ledger, True)
    tasks.enqueue_order_document("shipping_chart", day=today, carrier_id=1)  # held: 一時停止中
    wait(app, lambda: False, 1.5)
    set_paused(ctx.ledger, False)
    ctx.jobs_changed.emit()
    wait(app, lambda: ctx.commands.pause.text() == ctx.commands.tr("一時停止"))


def load_scene_modules() -> list[Any]:
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))  # they share scene_tools.py
    modules = []
    for path in sorted(HERE.glob("scenes_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        modules.append(module)
    return modules


def checking(text: str) -> bool:
    """確認中… / Checking…: a status still on its way."""
    return text.endswith("…")


def child(out: Path, suffix: str, language: str, only: list[str]) -> int:
    home = Path(tempfile.mkdtemp(prefix="oroshi-shots-"))
    os.environ["OROSHI_HOME"] = str(home)
    sys.path.insert(0, str(ROOT))
    from oroshi_desktop.config import load_settings
    from oroshi_desktop.ledger import Ledger
    from oroshi_desktop.startup import prepare_database
    from ui.about import AboutDialog
    from ui.app import QueueStarter, install_font
    from ui.context import AppContext
    from ui.dialogs import confirm_box
    from ui.jobs.outbox_panel import mark_sent_question, resend_question
    from ui.main_window import MainWindow
    from ui.qt import QApplication

    app = QApplication(sys.argv[:1])
    install_font(app)
    from ui.i18n import install_language

    install_language(app, language)  # before any window: views are not retranslated live
    settings = load_settings()
    database = prepare_database(settings)
    ledger = Ledger.for_settings(database, settings)
    ctx = AppContext(settings, database, ledger)
    window = MainWindow(ctx)
    screen = app.primaryScreen().availableGeometry()
    window.setGeometry(screen)
    window.show()
    starter = QueueStarter(app, ctx, prepared=True)
    wait(app, lambda: ctx.tasks is not None)
    demo_jobs_and_outbox(ctx, app)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def shoot(name: str, widget: Any) -> None:
        if only and not any(fnmatch.fnmatchcase(name, pattern) for pattern in only):
            return
        wait(app, lambda: True, 0.3)
        path = out / f"{name}{suffix}.png"
        widget.grab().save(str(path))
        written.append(path)

    for key in ("statements", "orders", "jobs"):
        window.show_view(key)
        view = window.current_view()
        models = [m for m in (getattr(view, "job_model", None), getattr(view, "outbox_model", None)) if m]
        wait(app, lambda models=models: all(m.rowCount() and m.loaded() for m in models)
             and not checking(window.statusBar().findChild(object, "statusConnection").text()))
        shoot(f"main_{key}", window)

    jobs = window.views["jobs"]
    outbox = jobs.outbox_model
    uncertain = next(r for r in range(outbox.rowCount()) if outbox.row_at(r) and outbox.row_at(r).state == "uncertain")
    jobs.outbox_view.selectRow(uncertain)
    shoot("jobs_outbox_uncertain_selected", window)
    row = outbox.row_at(uncertain)
    for name, question in (("confirm_resend", resend_question(row)), ("confirm_mark_sent", mark_sent_question(row))):
        box, _yes = confirm_box(window, **question)
        box.show()
        shoot(name, box)
        box.close()

    about = AboutDialog(database, window)
    about.show()
    wait(app, lambda: not checking(about.database_label.text()))
    shoot("about", about)
    about.close()

    from ui.tray import Tray

    tray = Tray(ctx, window, window.state)  # its menu exists even where no tray host shows the icon
    tray.menu.popup(window.geometry().center())
    shoot("tray_menu", tray.menu)
    tray.menu.close()

    for module in load_scene_modules():
        for name, open_screen in module.scenes(ctx, window):
            if language == "en" and name.endswith("_en"):
                continue  # a Japanese run's own English scene: this whole run is English
            shoot(name, open_screen())

    window.quit_action.trigger()
    starter.stop()
    ledger.dispose()
    database.dispose()
    shutil.rmtree(home, ignore_errors=True)
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


def main() -> int:
    args = parse()
    if args.child:
        return child(args.out, args.suffix, args.language, args.only)
    return relaunch(args.out, args.language, args.scale, args.only)


if __name__ == "__main__":
    sys.exit(main())
