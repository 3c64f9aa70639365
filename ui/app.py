"""Starting the desktop app: Qt application, bundled fonts, one instance per user and data folder,
the database (or an offline window that recovers by itself), the main window, the tray, the queue."""

from __future__ import annotations

import logging
import signal
import sys
import threading
from importlib import resources
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TYPE_CHECKING

from oroshi_desktop.config import Settings
from oroshi_desktop.db.engine import open_database
from oroshi_desktop.errors import DatabaseUnavailable, UserError
from oroshi_desktop.ledger import Ledger
from oroshi_desktop.logs import OneLineFormatter
from oroshi_desktop.startup import prepare
from ui.app_icon import app_icon
from ui.context import AppContext
from ui.main_window import AFTER_FIRST_PAINT_MS, MainWindow
from ui.operations import Operation, app_title, set_log_file, show_error, wait_for_operations
from ui.qt import (
    QApplication,
    QCoreApplication,
    QFont,
    QFontDatabase,
    QMessageBox,
    QObject,
    QTimer,
)
from ui.single_instance import SingleInstance

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from jobs.queue.consumer import JobQueue

log = logging.getLogger(__name__)

UI_FONT_FILE = "BIZUDPGothic-Regular.ttf"


def install_font(app: QApplication) -> None:
    """Use the bundled Japanese font so the window looks the same with no system fonts at all."""
    path = resources.files("resources") / "fonts" / UI_FONT_FILE
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        app.setFont(QFont(families[0], 10))


LOG_FILE = "oroshi-desktop.log"


def install_log_file(log_dir: Path) -> logging.Handler:
    """The window's log: a rotating file in the app's log folder (INFO and up), so the traceback
    of a bug reaches support while the user sees a short dialog. Never holds a secret: the core
    logs URLs redacted and passwords never."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setLevel(logging.INFO)
    # One line per record: a database name with a line break cannot forge a log line.
    handler.setFormatter(OneLineFormatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    set_log_file(path)
    return handler


class QueueStarter(QObject):
    """Prepares the database off the GUI thread (unless ``prepared``), retrying whenever it comes
    back online; then starts the embedded queue on the main thread. Stops it gracefully (running
    jobs finish) when the application quits."""

    def __init__(self, app: QApplication, ctx: AppContext, *, prepared: bool, max_delay: float = 0.5,
                 after: SignalInstance | None = None) -> None:
        super().__init__(app)
        self.ctx = ctx
        self.prepared = prepared
        self.queue: JobQueue | None = None
        self.max_delay = max_delay
        self._preparing = False
        self._starting = False
        self._stopped = False
        self._lock = threading.Lock()
        self._starting_queue: JobQueue | None = None  # started on a pool thread, not yet handed over
        ctx.online_changed.connect(self._online)
        ctx.database_changed.connect(self._database_changed)
        ctx.settings_changed.connect(self._settings_changed)
        app.aboutToQuit.connect(self.stop)
        # After the window's first paint (``after``: the main window's list painted with rows, see
        # ui.shell.first_content): Alembic and Huey load meanwhile.
        begin = self.start if prepared else self._prepare
        if after is not None:
            after.connect(begin)
        else:
            QTimer.singleShot(AFTER_FIRST_PAINT_MS, begin)

    def _online(self, online: bool) -> None:
        if not online or self.queue is not None:
            return
        if self.prepared:
            self.start()
        else:
            self._prepare()

    def _prepare(self) -> None:
        if self._preparing or self.prepared:
            return
        self._preparing = True
        settings, database = self.ctx.settings, self.ctx.database
        Operation(self, lambda: prepare(settings, database, check_pages=True)).success(self._prepared) \
            .failure(self._prepare_failed).run()

    def _prepared(self, _none: object) -> None:
        self._preparing = False
        self.prepared = True
        log.info("the database is ready; starting the job queue")
        self.ctx.data_changed.emit("all")
        self.start()

    def _prepare_failed(self, err: BaseException) -> None:
        self._preparing = False
        if isinstance(err, DatabaseUnavailable):  # the connection check retries; the status bar says so
            log.warning("database not ready yet: %s", err.message)
            return
        show_error(None, err)  # a schema problem or a damaged file: a person must see it

    def start(self) -> None:
        """Start the embedded queue off the GUI thread: opening a shared queue, the sweep for lost
        jobs, the stale-mail recovery and the start-up mail check all wait on the network."""
        if self.queue is not None or self._starting:
            return
        self._starting = True
        settings, database, max_delay = self.ctx.settings, self.ctx.database, self.max_delay

        def start_queue() -> JobQueue | None:
            from jobs.queue.consumer import JobQueue  # Huey and its storage load after the window painted

            queue = JobQueue(settings, database=database, embedded=True, max_delay=max_delay)
            try:
                report = queue.start()
            except BaseException:
                queue.close()
                raise
            log.info("job queue: %s", report)
            with self._lock:
                if self._stopped:  # the app quit while the queue started
                    queue.stop()
                    return None
                self._starting_queue = queue  # stop() finds it even before _started runs
            return queue

        Operation(self, start_queue).success(self._started).failure(self._start_failed).run()

    def _started(self, queue: JobQueue | None) -> None:
        self._starting = False
        with self._lock:
            self._starting_queue = None
        if queue is None or self._stopped:
            return
        if self.ctx.database is not queue.runtime.db:  # 設定 switched the database while it started
            Operation(self, queue.stop).failure(lambda err: log.warning("the old queue did not stop: %s", err)).run()
            if self.prepared:  # the new database was ready meanwhile: its queue starts now
                self.start()
            return
        self.queue = queue
        self.ctx.attach_tasks(queue.tasks)
        self.ctx.jobs_changed.emit()

    def _start_failed(self, err: BaseException) -> None:
        self._starting = False
        if self._stopped:
            return  # the app quit meanwhile
        # the window stays usable; the jobs wait for a worker
        log.error("the job queue did not start", exc_info=(type(err), err, err.__traceback__))
        QMessageBox.warning(None, app_title(), QCoreApplication.translate(
            "QueueStarter", "ジョブの実行を開始できませんでした（{error}）。oroshi-desktop worker で実行できます。"
        ).format(error=type(err).__name__))

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            starting, self._starting_queue = self._starting_queue, None
        for queue in (self.queue, starting):
            if queue is not None:
                queue.stop()
        self.queue = None

    def _settings_changed(self) -> None:
        """設定 saved: the running queue's next job and schedule slot read the new settings."""
        if self.queue is not None:
            self.queue.use_settings(self.ctx.settings)

    def _database_changed(self) -> None:
        """設定 connected another database: the consumer and the mail schedule move to it. The old
        queue stops off the GUI thread (its running jobs finish first), then the new database is
        prepared (schema for an embedded file) and the queue starts on it."""
        old, self.queue = self.queue, None
        self.ctx.detach_tasks()
        self.prepared = False

        def restart() -> None:
            self._preparing = False
            self._prepare()

        self._preparing = True  # no start on the old database while it stops
        if old is None:
            restart()
            return
        Operation(self, lambda: old.stop()).failure(lambda err: log.warning("the old queue did not stop: %s", err)) \
            .finally_(restart).run()


def run_gui(settings: Settings, argv: list[str]) -> int:
    """The desktop app; works when a ``QApplication`` already exists (tests, embedding)."""
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("oroshi-desktop")
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("oroshi-desktop")  # Wayland/X11 match the window to the menu entry's icon
    install_font(app)
    from ui.i18n import chosen_language, install_language

    install_language(app, chosen_language(settings))
    app.setApplicationDisplayName(app_title())  # after the language: it is translated
    instance = SingleInstance(settings.paths.ensure().data_dir)
    if instance.hand_off():
        print("oroshi-desktop: already running; its window was brought forward", file=sys.stderr)
        return 0
    log_handler = install_log_file(settings.paths.log_dir)
    try:
        return _run_window(app, settings, instance)
    finally:
        instance.close()
        logging.getLogger().removeHandler(log_handler)
        log_handler.close()
        set_log_file(None)


def _run_window(app: QApplication, settings: Settings, instance: SingleInstance) -> int:
    try:
        # Header and schema only: reading every page of a large file would keep the window
        # from opening for seconds; QueueStarter's preparation reads them in the background.
        database = open_database(settings.effective_database_url, check_pages=False)
    except UserError as err:  # a malformed URL or a password in it: a setting to fix, not a network problem
        log.error("not started: %s", err.message)
        from ui.i18n import user_message

        QMessageBox.critical(None, app_title(), user_message(err))
        print(f"oroshi-desktop: error: {err.message}", file=sys.stderr)
        return 2
    prepared = False
    if settings.is_embedded_database and not settings.paths.embedded_database.exists():
        # The very first start fills the new local file before any view reads it. Every other
        # start paints the window first and prepares (ping, schema check) in the background.
        try:
            prepare(settings, database)
            prepared = True
        except DatabaseUnavailable as err:
            log.warning("starting offline: %s", err.message)
    ledger = Ledger.for_settings(database, settings)
    ctx = AppContext(settings, database, ledger)  # online until the first connection check says otherwise
    window = MainWindow(ctx)
    instance.listen(window.bring_forward)
    tray = None
    from ui.tray import Tray, tray_available

    if tray_available():
        tray = Tray(ctx, window, window.state)
        tray.show()
        app.setQuitOnLastWindowClosed(False)
    window.show()
    starter = QueueStarter(app, ctx, prepared=prepared, after=window.first_content.ready)
    previous = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    signal_timer = quit_on_signals(app)
    try:
        return app.exec()
    finally:
        signal_timer.stop()
        for signum, handler in previous.items():  # the QApplication may outlive us (tests, embedding)
            signal.signal(signum, handler)
        starter.stop()
        starter.deleteLater()
        wait_for_operations(5000)
        if tray is not None:
            tray.icon.hide()
        window.deleteLater()
        ctx.ledger.dispose()  # the current ones: 設定 may have switched the database meanwhile
        ctx.database.dispose()


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
