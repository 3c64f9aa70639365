"""A table model over row ids whose cells are read a page at a time (the statements, orders and
supplies lists; after Anki's browser table).

``reload`` runs two queries off the GUI thread: the first page of ids with their cells (painted as
soon as it arrives), then every id for the filter and sort (a single integer column, so 200,000 ids
are a few MB). A row's page (``page_size`` rows, a class default tests may lower) is read when the
view first asks for one of its cells, so jumping to the last row reads one page, not every row in
between; from a server on a pool thread (the cells show … meanwhile), from a local file at once. The subclass gives the queries and the cells; filter and sort live in SQL.

When the subclass says the first page is cheap (``first_page_is_cheap``: an indexed order, no
search) and the database is known to answer (a local file, or the last read of this model came
back), it is read on the GUI thread like any other page: one small query, no thread hop before the
list paints. A server that may be down is never waited for on the GUI thread: the first read of a
shared database, and the first after a failure, run on a pool thread.

A row's painted values (text, background, alignment) are made once, on the row's first paint
(``values``), so a repaint is dictionary lookups, not formatting.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from oroshi_desktop.db.engine import Database
from ui.id_table_model import IdTableModel, Index
from ui.operations import Operation, show_error
from ui.qt import (
    QCoreApplication,
    QModelIndex,
    Qt,
    QTimer,
    QWidget,
    Signal,
)

log = logging.getLogger(__name__)

PAGE_SIZE = 100
PAINTED_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole,
                           Qt.ItemDataRole.TextAlignmentRole})
FirstPage = Callable[[int], tuple[list[int], dict[int, Any]]]  # a query of the store: a page of ``limit`` rows
AllIds = Callable[[], list[int]]


def loading_text() -> str:
    return QCoreApplication.translate("PagedIdModel", "…")


class PagedIdModel(IdTableModel):
    loaded = Signal()  # a reload finished (every id is in)
    first_page_shown = Signal()  # the first page of a reload is painted (the rest may still be coming)

    headers: tuple[str, ...] = ()
    page_size = PAGE_SIZE
    sort_keys: Callable[[int], Any] = int  # the subclass's sort enum: a column's number → its sort key
    # True: a sort to the order already loaded (or loading) reads nothing again. Qt calls ``sort`` when
    # sorting is switched on and when a header's saved state is restored: each a page query at start.
    skips_same_sort = False
    sort_key: Any
    descending: bool

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.ids: list[int] = []
        self._rows: dict[int, Any] = {}
        self._texts: dict[tuple[int, int], tuple[Any, ...]] = {}  # (row id, role) → each column's value
        self._pages: set[int] = set()
        self._generation = 0  # answers of an older reload are dropped
        self.loading = False
        self._answered = False  # the last read of this model came back (a sync first page is safe)

    # ---- what the subclass gives ---------------------------------------------------------------

    def queries(self) -> tuple[FirstPage, AllIds]:
        """The first page and every id for the current filter and sort (closures: they run on a thread)."""
        raise NotImplementedError

    def read_rows(self, ids: list[int]) -> dict[int, Any]:
        """The cells of these rows, read through a query of the store (``Database.reading``)."""
        raise NotImplementedError

    def cell(self, row: Any, column: int, role: int) -> Any:
        raise NotImplementedError

    def first_page_is_cheap(self) -> bool:
        """True when the current filter and sort make the first page one small indexed query."""
        return False

    # ---- loading -------------------------------------------------------------------------------

    def reload(self, parent: QWidget | None = None) -> None:
        self._generation += 1
        generation = self._generation
        page_query, ids_query = self.queries()
        size = self.page_size
        self.loading = True
        parent = parent or self._parent_widget()

        def page() -> tuple[list[int], dict[int, Any]]:
            return page_query(size)

        def shown(result: tuple[list[int], dict[int, Any]]) -> None:
            self._answered = True
            if generation != self._generation:
                return
            ids, rows = result
            self.set_ids(ids)
            self._rows.update(rows)
            self._pages.add(0)
            self.first_page_shown.emit()
            if len(ids) < size:
                finished()  # that was all of them
                return
            # Every id once the page is painted: a zero timer runs after the repaint the reset has
            # queued, so the reading thread does not take the interpreter from that paint; and a
            # reload meanwhile (the next key of a search) starts no read for this one.
            QTimer.singleShot(0, self, all_ids)

        def all_ids() -> None:
            if generation == self._generation:
                Operation(parent, ids_query).success(complete).failure(failed).run()

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
            self._answered = False
            finished()
            self.reload_failed(parent, err)

        def finished() -> None:
            if generation == self._generation:
                self.loading = False
                self.loaded.emit()

        if self.first_page_is_cheap() and (self._answered or self.database.dialect == "sqlite"):
            try:
                result = page()
            except Exception as err:  # the same outcomes as on a thread: the dialog or the quiet log
                failed(err)
                return
            shown(result)
            return
        Operation(parent, page).success(shown).failure(failed).run()

    def reload_failed(self, parent: QWidget | None, err: BaseException) -> None:
        show_error(parent, err)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Read again by ``column`` (filter and sort live in SQL; the subclass's ``queries`` use
        ``sort_key`` and ``descending``)."""
        if not 0 <= column < len(self.headers):
            return
        key, descending = self.sort_keys(column), order == Qt.SortOrder.DescendingOrder
        if self.skips_same_sort and (key, descending) == (self.sort_key, self.descending) and self._generation:
            return
        self.sort_key, self.descending = key, descending
        self.reload()

    def set_database(self, database: Database, parent: QWidget | None = None) -> None:
        """Another database (設定 changed the connection): everything is read again from it."""
        self.database = database
        self._answered = False
        self.set_ids([])
        self.reload(parent)

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self.ids = ids
        self._rows.clear()
        self._texts.clear()
        self._pages.clear()
        self.endResetModel()

    def _parent_widget(self) -> QWidget | None:
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None

    def _read_page(self, page: int) -> None:
        """One page of cells, now: one small query by primary key."""
        self._pages.add(page)
        size = self.page_size
        try:
            self._rows.update(self.read_rows(self.ids[page * size:(page + 1) * size]))
        except Exception:  # the database went away: the cells show … and the next refresh tries again
            log.warning("could not read a page of %s", type(self).__name__, exc_info=True)

    def _request_page(self, page: int) -> None:
        """A page the view wants to paint. From a local file it is read at once (no thread hop
        before the rows paint); from a server on a pool thread, the rows showing … until it
        arrives, so a slow or dropped network never holds the window."""
        if self.database.dialect == "sqlite":
            self._read_page(page)
            return
        self._pages.add(page)
        size = self.page_size
        ids = self.ids[page * size:(page + 1) * size]
        generation = self._generation

        def arrived(rows: dict[int, Any]) -> None:
            if generation != self._generation:
                return  # a reload since: its own pages are read again
            self._rows.update(rows)
            first, last = page * size, min(len(self.ids), (page + 1) * size) - 1
            if last >= first and self.ids[first:last + 1] == ids:
                self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
            elif self.ids:  # the list moved meanwhile: the rows are kept by id, repaint what is shown
                self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, self.columnCount() - 1))

        def failed(err: BaseException) -> None:  # the cells stay …; the next refresh reads again
            log.info("could not read a page of %s: %s", type(self).__name__, err)

        Operation(self, lambda: self.read_rows(ids)).success(arrived).failure(failed).run()

    def forget_rows(self, ids: list[int] | None = None) -> None:
        """Cells of these rows (all when None) are read again when next shown."""
        last = self.columnCount() - 1
        if ids is None:
            self._rows.clear()
            self._texts.clear()
            self._pages.clear()
            if self.ids:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, last))
            return
        for row_id in ids:
            self._rows.pop(row_id, None)
            for role in PAINTED_ROLES:
                self._texts.pop((row_id, role), None)
            row = self.row_of(row_id)
            if row >= 0:
                self._pages.discard(row // self.page_size)
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def is_read(self, row: int) -> bool:
        """Whether the cells of ``row``'s page were read (tests: a jump must not read what it skips)."""
        return row // self.page_size in self._pages

    def row_at(self, row: int) -> Any:
        """The record of ``row`` for an action on it (its page is read now if it never was)."""
        if not 0 <= row < len(self.ids):
            return None
        row_id = self.ids[row]
        page = row // self.page_size
        if row_id not in self._rows and page not in self._pages:
            self._read_page(page)
        return self._rows.get(row_id)

    def _row_to_paint(self, row: int) -> Any:
        """The record of ``row`` if read; else its page is asked for (see ``_request_page``)."""
        row_id = self.ids[row]
        page = row // self.page_size
        if row_id not in self._rows and page not in self._pages:
            self._request_page(page)
        return self._rows.get(row_id)

    # ---- the Qt model --------------------------------------------------------------------------

    def row_ids(self) -> list[int]:
        return self.ids

    def header_texts(self) -> tuple[str, ...]:
        return self.headers

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.ids):
            return None
        if role in PAINTED_ROLES:
            return self.values(index.row(), role)[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return self.ids[index.row()]
        if role != Qt.ItemDataRole.ToolTipRole:
            return None
        row = self._row_to_paint(index.row())  # a tooltip is asked for one cell, on hover: not kept
        return None if row is None else self.cell(row, index.column(), role)

    def values(self, row: int, role: int) -> tuple[Any, ...]:
        """Every column's value of ``role`` for ``row``, made on the row's first paint and kept until
        the row is read again: a repaint asks each cell for every role, and a QBrush or an f-string
        per call would cost more than the paint itself."""
        key = (self.ids[row], role)
        values = self._texts.get(key)
        if values is None:
            record = self._row_to_paint(row)
            if record is None:  # not read yet (or the database went away): shown as loading
                return (loading_text() if role == Qt.ItemDataRole.DisplayRole else None,) * len(self.headers)
            values = tuple(self.cell(record, column, role) for column in range(len(self.headers)))
            self._texts[key] = values
        return values
