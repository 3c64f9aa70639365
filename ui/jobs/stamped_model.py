"""A table model over row ids that updates live without reloading the table (after Anki's browser model).

The model keeps the ordered ``(id, updated_at)`` stamps of every matching row (filter and sort
are SQL, in the subclass's ``load_stamps``) and a cache of the display rows it has fetched, a
page at a time, when the view first asked for them. ``poll()`` reads the stamps again off the GUI
thread: rows whose stamp changed are dropped from the cache and announced with ``dataChanged``;
new rows at the top are inserted; anything else (a filter, a sort, a deletion) resets the model.
Every database read runs through ``Operation`` so a slow or unreachable database never freezes
the window; a row not fetched yet shows ``…`` for the moment it takes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

import shiboken6

from oroshi_desktop.queries.job_centre import Stamp
from ui.i18n import headers_context
from ui.id_table_model import IdTableModel, Index
from ui.operations import Operation
from ui.qt import QCoreApplication, QModelIndex, Qt, Signal

log = logging.getLogger(__name__)

R = TypeVar("R")
PAGE_SIZE = 100
LOADING = "…"



class StampedTableModel(IdTableModel, Generic[R]):
    """Subclasses give ``HEADERS``, ``SORT_KEYS`` (one per column, None: not sortable),
    ``load_stamps()`` / ``load_rows(ids)`` (run on a pool thread) and ``cell(row, column, role)``."""

    HEADERS: tuple[str, ...] = ()
    SORT_KEYS: tuple[str | None, ...] = ()

    polled = Signal()               # a poll finished and the model shows its result
    load_failed = Signal(object)    # a read failed (the database went away); the view may say so

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._stamps: list[Stamp] = []
        self._ids: list[int] = []
        self._cache: dict[int, R] = {}
        self._loading_pages: set[int] = set()
        self._polling = False
        self._repoll = False
        self._generation = 0  # bumped by a filter or sort change: older answers are dropped
        self.sort_key = "id"
        self.descending = True
        # the language is chosen at start, before any model is made
        self._headers = tuple(QCoreApplication.translate(headers_context(type(self)), h) for h in self.HEADERS)

    # ---- to implement ------------------------------------------------------------------------
    def load_stamps(self) -> list[Stamp]:
        raise NotImplementedError

    def load_rows(self, ids: Sequence[int]) -> dict[int, R]:
        raise NotImplementedError

    def cell(self, row: R, column: int, role: int) -> Any:
        raise NotImplementedError

    # ---- Qt model ----------------------------------------------------------------------------
    def row_ids(self) -> list[int]:
        return self._ids

    def header_texts(self) -> tuple[str, ...]:
        return self._headers

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)) or \
                not (0 <= index.column() < len(self.HEADERS)):
            return None
        row = self._cache.get(self._ids[index.row()])
        if row is None:
            self._request_page(index.row() // PAGE_SIZE)
            return LOADING if role == Qt.ItemDataRole.DisplayRole else None
        return self.cell(row, index.column(), role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is SQL: a new id list from the database, never a proxy model."""
        if not (0 <= column < len(self.SORT_KEYS)) or self.SORT_KEYS[column] is None:
            return
        self.sort_key = self.SORT_KEYS[column] or "id"
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.requery()

    # ---- rows for callers --------------------------------------------------------------------
    def row_id(self, row: int) -> int:
        return self._ids[row]

    def row_at(self, row: int) -> R | None:
        return self._cache.get(self._ids[row]) if 0 <= row < len(self._ids) else None

    def ids(self) -> list[int]:
        return list(self._ids)

    # ---- live updates ------------------------------------------------------------------------
    def forget(self) -> None:
        """Another source (a database change): no row of the old one is kept, answers in flight are dropped."""
        self._generation += 1
        self.beginResetModel()
        self._stamps, self._ids, self._cache = [], [], {}
        self._loading_pages.clear()
        self.endResetModel()

    def requery(self) -> None:
        """A filter or sort changed: the next answer replaces the list."""
        self._generation += 1
        self._repoll = self._polling
        self.poll()

    def poll(self) -> None:
        if self._polling:
            self._repoll = True
            return
        self._polling = True
        generation = self._generation
        Operation(self, self.load_stamps).success(lambda stamps: self._apply(generation, stamps)) \
            .failure(self._failed).finally_(self._poll_done).run()

    def _poll_done(self) -> None:
        if not shiboken6.isValid(self):
            return
        self._polling = False
        if self._repoll:
            self._repoll = False
            self.poll()

    def _failed(self, err: BaseException) -> None:
        log.warning("job centre list not read: %s: %s", type(err).__name__, err)
        if shiboken6.isValid(self):
            self.load_failed.emit(err)

    def _apply(self, generation: int, stamps: list[Stamp]) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        new_ids = [row_id for row_id, _ in stamps]
        old = dict(self._stamps)
        added = len(new_ids) - len(self._ids)
        if new_ids == self._ids or (added > 0 and new_ids[added:] == self._ids):
            if added > 0:
                self.beginInsertRows(QModelIndex(), 0, added - 1)
                self._stamps, self._ids = stamps, new_ids
                self.endInsertRows()
            changed = [row for row, (row_id, stamp) in enumerate(stamps)
                       if row_id in old and old[row_id] != stamp]
            self._stamps = stamps
            for row in changed:
                self._cache.pop(new_ids[row], None)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
        else:
            fresh = dict(stamps)
            self.beginResetModel()
            self._stamps, self._ids = stamps, new_ids
            self._cache = {row_id: row for row_id, row in self._cache.items()
                           if row_id in old and fresh.get(row_id) == old[row_id]}
            self._loading_pages.clear()
            self.endResetModel()
        self.polled.emit()

    def _request_page(self, page: int) -> None:
        if page in self._loading_pages:
            return
        self._loading_pages.add(page)
        ids = self._ids[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
        generation = self._generation
        Operation(self, lambda: self.load_rows(ids)).success(lambda rows: self._store(generation, page, rows)) \
            .failure(self._failed).finally_(lambda: self._page_done(page)).run()

    def _page_done(self, page: int) -> None:
        if shiboken6.isValid(self):
            self._loading_pages.discard(page)

    def _store(self, generation: int, page: int, rows: dict[int, R]) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self._cache.update(rows)
        shown = [n for n, row_id in enumerate(self._ids) if row_id in rows]
        if shown:
            self.dataChanged.emit(self.index(min(shown), 0), self.index(max(shown), len(self.HEADERS) - 1))

    def loaded(self) -> bool:
        """Every row has its display values (for tests and screenshots)."""
        return not self._polling and all(row_id in self._cache for row_id in self._ids)
