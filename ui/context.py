"""What every view of the window shares: settings, the database, the job ledger, the running
queue's tasks, the shell's monitor (connection, queue overview) and queue commands, and the
signals that tell views when to refresh.

Views get one ``AppContext`` instead of a growing list of constructor arguments, so a new view
(orders, supplies, archive, settings) plugs into the shell the same way the statements view does.
"""

from __future__ import annotations

from typing import Any

from oroshi_desktop.config import Settings
from oroshi_desktop.db.engine import Database
from oroshi_desktop.ledger import Ledger
from ui.qt import QObject, Signal


class AppContext(QObject):
    """Lives on the GUI thread; emit its signals only from the GUI thread."""

    tasks_ready = Signal()          # the embedded queue has started: ``tasks`` can enqueue jobs
    jobs_changed = Signal()         # a job was queued, finished or changed state
    data_changed = Signal(str)      # rows of an area changed ("statements", "outbox", ...)
    online_changed = Signal(bool)   # the database became reachable (True) or unreachable (False)
    settings_changed = Signal()     # 設定 saved new settings (``settings`` holds them)
    database_changed = Signal()     # ``database`` is a new connection: views re-read their lists

    def __init__(self, settings: Settings, database: Database, ledger: Ledger, parent: Any = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.database = database
        self.ledger = ledger
        self.tasks: Any = None      # jobs.tasks.Tasks once the queue runs; None while it starts
        self.online = True
        self.monitor: Any = None    # ui.shell.monitor.AppMonitor: connection and queue overview
        self.commands: Any = None   # ui.shell.commands.QueueCommands: actions shared by menu, views, tray

    def attach_tasks(self, tasks: Any) -> None:
        self.tasks = tasks
        self.tasks_ready.emit()

    def set_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            self.online_changed.emit(online)

    def apply_settings(self, settings: Settings, *, reconnect: bool = False) -> None:
        """Take the settings 設定 saved; with ``reconnect`` open the new database in place of the
        old one, without restarting the app (the old engine's pooled connections are closed)."""
        self.settings = settings
        if reconnect:
            from oroshi_desktop.db.engine import open_database

            old, self.database = self.database, open_database(settings.effective_database_url)
            old.dispose()
            self.database_changed.emit()
        self.settings_changed.emit()
