"""When the window's first view has painted its rows: the moment the start's background work may begin.

The connection checks, the database preparation (Alembic's schema check) and the queue (Huey)
used to start on a fixed 200 ms timer. On a slow or busy PC that timer fired before the first
page of the list had arrived, and their pool threads and imports then competed with the page's
query and paint for the one interpreter. ``FirstContent`` waits for the first paint of the
view's list with rows in it instead, or for its model's ``loaded`` signal (an empty list, or a
database that refused: the connection check must then say so at once) or, for a view without a
list (今日), for the view's own ``loaded`` signal, and gives up waiting
after ``WAIT_MS`` (a database that does not answer).
"""

from __future__ import annotations

import shiboken6

from ui.qt import QAbstractItemView, QEvent, QObject, QTimer, QWidget, Signal

# Longest wait for rows before the background work starts anyway.
WAIT_MS = 1000


class FirstContent(QObject):
    """Emits ``ready`` once: after the first paint of ``view``'s list showing rows, or after ``WAIT_MS``."""

    ready = Signal()

    def __init__(self, view: QWidget | None, parent: QObject) -> None:
        super().__init__(parent)
        self._done = False
        tables = view.findChildren(QAbstractItemView) if view is not None else []
        self._table: QAbstractItemView | None = tables[0] if tables else None
        if self._table is not None:
            self._table.viewport().installEventFilter(self)
            loaded = getattr(self._table.model(), "loaded", None)  # e.g. RunTableModel: done or failed
            if loaded is not None:
                loaded.connect(lambda *_: QTimer.singleShot(0, self._emit))
        view_loaded = getattr(view, "loaded", None) if self._table is None else None  # 今日: no list, one read
        if view_loaded is not None:
            view_loaded.connect(lambda *_: QTimer.singleShot(0, self._emit))
        QTimer.singleShot(WAIT_MS if self._table is not None or view_loaded is not None else 0, self._emit)

    def _live_table(self) -> QAbstractItemView | None:
        table = self._table
        return table if table is not None and shiboken6.isValid(table) else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        table = self._live_table()
        if (not self._done and table is not None and event.type() == QEvent.Type.Paint
                and watched is table.viewport()):
            model = table.model()
            if model is not None and model.rowCount() > 0:
                # After this paint has finished, not inside it.
                QTimer.singleShot(0, self._emit)
        return False

    def _emit(self) -> None:
        if self._done:
            return
        self._done = True
        table = self._live_table()
        if table is not None:
            table.viewport().removeEventFilter(self)
        self._table = None
        self.ready.emit()
