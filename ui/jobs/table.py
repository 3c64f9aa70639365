"""One way to set up a data table of the window: rows selected whole, no editing, SQL sorting,
fixed starting widths (never ResizeToContents over all rows), a Japanese accessible name."""

from __future__ import annotations

from collections.abc import Sequence

from ui.qt import QAbstractItemView, QAbstractTableModel, QHeaderView, Qt, QTableView


def make_table(model: QAbstractTableModel, name: str, accessible: str, samples: Sequence[str]) -> QTableView:
    """``samples``: a typical cell text per column; the starting width fits it in the current font,
    so columns scale with the font and the display scaling instead of cutting text off."""
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
    metrics = view.fontMetrics()
    for column, sample in enumerate(samples):
        view.setColumnWidth(column, metrics.horizontalAdvance(sample) + metrics.averageCharWidth() + 8)
    return view
