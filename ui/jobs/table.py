"""One way to set up a data table of the window: rows selected whole, no editing, SQL sorting,
fixed starting widths (never ResizeToContents over all rows), a Japanese accessible name."""

from __future__ import annotations

from collections.abc import Sequence

from ui.qt import QAbstractItemView, QAbstractTableModel, QHeaderView, Qt, QTableView


def make_table(model: QAbstractTableModel, name: str, accessible: str, widths: Sequence[int]) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setSortIndicatorShown(True)
    header.setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
    view.setSortingEnabled(True)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    return view
