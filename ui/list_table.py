"""The one way the window makes a list: a read-only table over a lazy model, sorted by the model.

Every view's list (statements, orders, supplies, archive) is the same kind of table: whole rows
selected, sorting handed to the model (which sorts in SQL), fixed row heights and interactive
column widths. ``ResizeToContents`` is never used: over 200,000 rows it would read every row.
"""

from __future__ import annotations

from collections.abc import Sequence

from ui.qt import QAbstractItemModel, QAbstractItemView, QHeaderView, Qt, QTableView, QWidget

ROW_HEIGHT = 24
HEADER_PADDING = 28  # the sort arrow and the section margins


def list_table(parent: QWidget, model: QAbstractItemModel, *, name: str, accessible_name: str,
               sort_column: int, sort_order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
               multiple: bool = False, widths: Sequence[int] = ()) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setAccessibleName(accessible_name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multiple
                           else QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(True)
    table.horizontalHeader().setSortIndicator(sort_column, sort_order)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    metrics = header.fontMetrics()
    for column, width in enumerate(widths):
        # The widths are chosen for the Japanese headers; an English one may be longer, and a
        # header cut off mid-word is worse than a wider column (the list scrolls sideways).
        title = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        needed = metrics.horizontalAdvance(str(title or "")) + HEADER_PADDING
        table.setColumnWidth(column, max(width, needed))
    return table
