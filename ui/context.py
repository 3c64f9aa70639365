"""What every view of the window shares: settings, the database, the job ledger, the running
queue's tasks, the shell's monitor (connection, queue overview) and queue commands, and the
signals that tell views when to refresh.

Views get one ``AppContext`` instead of a growing list of constructor arguments, so a new view
(orders, supplies, archive, settings) plugs into the shell the same way the statements view does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from oroshi_desktop.config import Settings
from oroshi_desktop.db.engine import Database
from oroshi_desktop.ledger import Ledger
from ui.qt import QObject, Signal

if TYPE_CHECKING:  # Huey and the shell load after the first paint
    from jobs.queue.tasks import Tasks
    from ui.shell.commands import QueueCommands
    from ui.shell.monitor import AppMonitor


class _JobRelay(QObject):
    """Carries "a job this process ran has ended" from a queue worker's thread to the GUI thread
    (a signal emitted on another thread is queued to its receivers)."""

    ran = Signal(int)


class AppContext(QObject):
    """Lives on the GUI thread; emit its signals only from the GUI thread."""

    tasks_ready = Signal()          # the embedded queue started (``tasks`` can enqueue) or stopped (None)
    jobs_changed = Signal()         # a job was queued, finished or changed state
    data_changed = Signal(str)      # rows of an area changed ("statements", "outbox", ...)
    online_changed = Signal(bool)   # the database became reachable (True) or unreachable (False)
    settings_changed = Signal()     # 設定 saved new settings (``settings`` holds them)
    database_changed = Signal()     # ``database`` and ``ledger`` are new: every holder switches, views re-read
    open_view = Signal(str, object)  # show the view of this key (``ui.shell.views``), at a target or None

    # Set by the main window as it is made, before any view exists:
    monitor: AppMonitor             # connection and queue overview
    commands: QueueCommands         # actions shared by menu, views, tray

    def __init__(self, settings: Settings, database: Database, ledger: Ledger, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.database = database
        self.ledger = ledger
        self.tasks: Tasks | None = None  # once the queue runs; None while it starts or stops
        self.online = True
        # ``job_ran(job_id)``: a job run by this process's consumer has ended (or is back in the
        # queue for a retry); the job watchers read the ledger at once instead of waiting for a poll.
        self._job_relay = _JobRelay(self)
        self.job_ran = self._job_relay.ran
        self._job_listener = self._job_relay.ran.emit

    def attach_tasks(self, tasks: Tasks) -> None:
        self.tasks = tasks
        tasks.runtime_factory().add_job_listener(self._job_listener)
        self.tasks_ready.emit()

    def detach_tasks(self) -> None:
        """The queue stops (a database change restarts it): actions that enqueue wait for it."""
        if self.tasks is not None:
            self.tasks.runtime_factory().remove_job_listener(self._job_listener)
            self.tasks = None
            self.tasks_ready.emit()

    def mail_ready(self, parent: Any) -> bool:
        """Can a mail be sent at all? If no mail server is set, say so now (not as a failed job
        later) and offer 設定."""
        if self.settings.smtp.configured:
            return True
        from ui.dialogs import mail_server_missing

        if mail_server_missing(parent):
            self.open_view.emit("settings", "smtp_host")
        return False

    def set_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            self.online_changed.emit(online)

    def apply_settings(self, settings: Settings, *, reconnect: bool = False) -> None:
        """Take the settings 設定 saved; with ``reconnect`` open the new database in place of the
        old one, without restarting the app.

        ``database_changed`` then reaches every holder of the old connection: the views re-read
        their lists, the job centre its ledger, the queue starter restarts the consumer and the
        mail schedule on the new database (``ui.app.QueueStarter``). The old engine's pooled
        connections are closed afterwards; a job still finishing on it opens its own.
        """
        self.settings = settings
        if reconnect:
            from oroshi_desktop.db.engine import open_database

            # Every page of an SQLite file is read by the queue starter's preparation, off this thread.
            database = open_database(settings.effective_database_url, check_pages=False)
            old, self.database = self.database, database
            self.ledger = Ledger.for_settings(database, settings)  # the job table lives in the app database
            self.database_changed.emit()
            old.dispose()
        self.settings_changed.emit()
