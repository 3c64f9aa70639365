"""The statement runs table: a model over row ids (Anki's browser table), cells fetched a page at a time.

``reload`` asks the database for the ids of every matching run, sorted and filtered in SQL, off the
GUI thread; the model then only resets. A cell's page (``PAGE_SIZE`` rows) is read when the view first
asks for one of its rows, and kept until the next reload, so scrolling through 10,000 runs reads only
the pages that are shown.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import InvoiceLayout
from oroshi_desktop.queries.statement_runs import (
    RunFilter,
    RunRow,
    RunState,
    SortKey,
    first_page,
    run_ids,
    run_rows,
)
from ui.operations import Operation, is_connection_error, show_error
from ui.qt import QAbstractTableModel, QBrush, QColor, QModelIndex, QPersistentModelIndex, Qt, QWidget, Signal

log = logging.getLogger(__name__)

PAGE_SIZE = 100
HEADERS = ("期間", "組織", "レイアウト", "メール", "送信日時", "状態")
LAYOUT_LABELS = {int(InvoiceLayout.SIMPLE): "簡易版", int(InvoiceLayout.STANDARD): "標準版"}
LOADING = "…"
STATE_COLOURS = {RunState.UNCERTAIN: "#fff2b3", RunState.PARTLY_FAILED: "#ffd6d6"}

Index = QModelIndex | QPersistentModelIndex


def period_text(start: date | None, end: date | None) -> str:
    return f"{start:%Y/%m/%d} 〜 {end:%Y/%m/%d}" if start and end else "（期間なし）"


def local_time_text(moment: datetime | None, tz: ZoneInfo) -> str:
    return moment.astimezone(tz).strftime("%Y/%m/%d %H:%M") if moment else ""


def organizations_text(names: tuple[str, ...]) -> str:
    return f"{len(names)}件: " + "、".join(names) if names else "0件"


class RunTableModel(QAbstractTableModel):
    loaded = Signal()  # a reload finished (the ids are in)
    first_page_shown = Signal()  # the first page of a reload is in (the rest may still be coming)

    def __init__(self, database: Database, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.tz = tz
        self.ids: list[int] = []
        self._rows: dict[int, RunRow] = {}
        self._pages: set[int] = set()
        self.run_filter = RunFilter()
        self.sort_key = SortKey.PERIOD
        self.descending = True
        self._generation = 0  # answers of an older reload are dropped
        self.loading = False

    # ---- loading -------------------------------------------------------------------------------

    def reload(self, parent: QWidget | None = None) -> None:
        """Fetch the ids for the current filter and sort off the GUI thread, then reset.

        Two steps, so the first page is painted as soon as the database answers for it: the
        first ``PAGE_SIZE`` ids with their cells, then every id (the rows below are appended).
        """
        self._generation += 1
        generation = self._generation
        run_filter, sort, descending = self.run_filter, self.sort_key, self.descending
        self.loading = True

        def page() -> tuple[list[int], dict[int, RunRow]]:
            with self.database.read() as session:
                return first_page(session, run_filter, sort, descending, limit=PAGE_SIZE)

        def every_id() -> list[int]:
            with self.database.read() as session:
                return run_ids(session, run_filter, sort, descending)

        def shown(result: tuple[list[int], dict[int, RunRow]]) -> None:
            if generation != self._generation:
                return
            ids, rows = result
            self.set_ids(ids)
            self._rows.update(rows)
            self._pages.add(0)
            self.first_page_shown.emit()
            if len(ids) < PAGE_SIZE:
                finished()  # that was all of them
                return
            Operation(parent, every_id).success(complete).failure(failed).run()

        def complete(ids: list[int]) -> None:
            if generation != self._generation:
                return
            if ids[:len(self.ids)] == self.ids:
                if len(ids) > len(self.ids):  # the page stays; the rest is appended below it
                    self.beginInsertRows(QModelIndex(), len(self.ids), len(ids) - 1)
                    self.ids = ids
                    self.endInsertRows()
            else:  # the list changed between the two queries
                self.set_ids(ids)
            finished()

        def failed(err: BaseException) -> None:
            finished()
            if is_connection_error(err):  # offline: the list stays as it was and reloads once back
                log.info("statement runs not reloaded: %s", err)
                return
            show_error(parent, err)

        def finished() -> None:
            if generation == self._generation:
                self.loading = False
                self.loaded.emit()

        Operation(parent, page).success(shown).failure(failed).run()

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self.ids = ids
        self._rows.clear()
        self._pages.clear()
        self.endResetModel()

    def set_filter(self, run_filter: RunFilter, parent: QWidget | None = None) -> None:
        self.run_filter = run_filter
        self.reload(parent)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(HEADERS):
            return
        key, descending = SortKey(column), order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending) and self._generation:
            # Already loaded or loading in this order: Qt calls sort() when sorting is switched on
            # and when the header's saved state is restored; each was a wasted page query at start.
            return
        self.sort_key, self.descending = key, descending
        self.reload(self._parent_widget())

    def _parent_widget(self) -> QWidget | None:
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None

    def forget_rows(self, ids: list[int] | None = None) -> None:
        """Cells of these runs (all when None) are read again when next shown."""
        if ids is None:
            self._rows.clear()
            self._pages.clear()
            if self.ids:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, len(HEADERS) - 1))
            return
        for run_id in ids:
            self._rows.pop(run_id, None)
            if run_id in self.ids:
                row = self.ids.index(run_id)
                self._pages.discard(row // PAGE_SIZE)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def _fetch_page(self, page: int) -> None:
        """One page of cells: two small queries (the rule allows a page on the GUI thread)."""
        self._pages.add(page)
        ids = self.ids[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
        try:
            with self.database.read() as session:
                self._rows.update(run_rows(session, ids))
        except Exception:  # the database went away: the cells show … and the next refresh tries again
            log.warning("could not read a page of statement runs", exc_info=True)

    def run_at(self, row: int) -> RunRow | None:
        if not 0 <= row < len(self.ids):
            return None
        run_id = self.ids[row]
        if run_id not in self._rows and row // PAGE_SIZE not in self._pages:
            self._fetch_page(row // PAGE_SIZE)
        return self._rows.get(run_id)

    def row_of(self, run_id: int) -> int:
        try:
            return self.ids.index(run_id)
        except ValueError:
            return -1

    # ---- the Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default argument)
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.ids):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole,
                        Qt.ItemDataRole.UserRole):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self.ids[index.row()]
        run = self.run_at(index.row())
        if run is None:
            return LOADING if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = STATE_COLOURS.get(run.state)
            return QBrush(QColor(colour)) if colour else None
        column = index.column()
        if column == 0:
            return period_text(run.start_date, run.end_date)
        if column == 1:
            return organizations_text(run.organization_names)
        if column == 2:
            return LAYOUT_LABELS.get(run.layout or 0, "")
        if column == 3:
            return "する" if run.send_email else "しない"
        if column == 4:
            return local_time_text(run.send_at, self.tz)
        return run.state.label
