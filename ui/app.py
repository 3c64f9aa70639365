"""Starting the desktop app: Qt application, bundled fonts, the embedded demo database, main window."""

from __future__ import annotations

import logging
import signal
import sys
from importlib import resources

from jobs.consumer import JobQueue
from oroshi_desktop.config import Settings
from oroshi_desktop.db import schema
from oroshi_desktop.db.engine import Database, open_database
from oroshi_desktop.errors import UserError
from ui.main_window import MainWindow
from ui.qt import QApplication, QFont, QFontDatabase, QMessageBox, QTimer

log = logging.getLogger(__name__)

UI_FONT_FILE = "BIZUDPGothic-Regular.ttf"


def install_font(app: QApplication) -> None:
    """Use the bundled Japanese font so the window looks the same with no system fonts at all."""
    path = resources.files("resources") / "fonts" / UI_FONT_FILE
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        app.setFont(QFont(families[0], 10))


def prepare_database(settings: Settings) -> Database:
    """Open the configured database; an empty embedded one gets its schema and the demo data."""
    database = open_database(settings.effective_database_url)
    database.ping()
    if settings.is_embedded_database:
        schema.upgrade(database)
        from oroshi_desktop.demo import generate_demo, is_empty

        if is_empty(database):
            generate_demo(database)
    return database


def run_gui(settings: Settings, argv: list[str]) -> int:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("oroshi-desktop")
    app.setApplicationDisplayName("オロシ デスクトップ")
    install_font(app)
    try:
        database = prepare_database(settings)
    except UserError as err:
        QMessageBox.critical(None, "オロシ デスクトップ", err.message_ja)
        print(f"oroshi-desktop: error: {err.message}", file=sys.stderr)
        return 2
    window = MainWindow(database, settings)
    window.show()
    queue = start_embedded_queue(app, settings, database, window)
    quit_on_signals(app)
    try:
        return app.exec()
    finally:
        if queue is not None:
            queue.stop()
        database.dispose()


def quit_on_signals(app: QApplication) -> QTimer:
    """Ctrl-C or SIGTERM quits the app cleanly (running jobs finish, the queue stops).

    Python runs signal handlers only when the interpreter gets control, which Qt's event loop
    never gives it on its own: a short timer lets it look at pending signals.
    """
    def request_quit(_signum: int, _frame: object) -> None:
        app.quit()

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, request_quit)
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(250)
    return timer


def start_embedded_queue(app: QApplication, settings: Settings, database: Database, window: MainWindow) -> JobQueue:
    """The job queue inside this process: started on the main thread once the window is up, stopped
    gracefully (running jobs finish) when the application quits."""
    queue = JobQueue(settings, database=database, embedded=True, max_delay=0.5)

    def start() -> None:
        try:
            report = queue.start()
        except Exception as err:  # the window stays usable; the jobs wait for a worker
            log.exception("the job queue did not start")
            QMessageBox.warning(window, "オロシ デスクトップ",
                                f"ジョブの実行を開始できませんでした（{type(err).__name__}）。"
                                "oroshi-desktop worker で実行できます。")
            return
        log.info("job queue: %s", report)
        window.attach_tasks(queue.tasks)
        window.refresh_jobs()

    QTimer.singleShot(0, start)
    app.aboutToQuit.connect(queue.stop)
    return queue
