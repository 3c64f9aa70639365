"""The job centre's widget helpers. A data table: rows selected whole, no editing, SQL sorting,
starting widths from sample texts (never ResizeToContents over all rows), a Japanese accessible
name. Combo boxes and buttons with their testability and accessible names."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ui.list_table import HEADER_PADDING
from ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QAction,
    QComboBox,
    QEvent,
    QHeaderView,
    QObject,
    QPushButton,
    QStyle,
    Qt,
    QTableView,
    QWidget,
)


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
    fit_headers(view)
    return view


def fit_headers(view: QTableView) -> None:
    """No header cut off (an English one is often longer than its Japanese sample): each column at
    least as wide as its title, the sort arrow and the margins."""
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    room = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header) + HEADER_PADDING
    for column in range(header.count()):
        title = view.model().headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        needed = metrics.horizontalAdvance(str(title or "")) + room
        if header.sectionSize(column) < needed:
            view.setColumnWidth(column, needed)


def selected_row(view: QTableView) -> int:
    model = view.selectionModel()
    rows = model.selectedRows() if model is not None else []
    return rows[0].row() if rows else -1


def combo(name: str, accessible: str, items: list[tuple[str, Any]]) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    box.setAccessibleName(accessible)
    for text, value in items:
        box.addItem(text, value)
    return box


def button(text: str, name: str, tip: str, slot: Callable[[], None]) -> QPushButton:
    widget = QPushButton(text)
    widget.setObjectName(name)
    widget.setAccessibleName(text)
    widget.setToolTip(tip)
    widget.clicked.connect(slot)
    return widget


class _FollowEnabled(QObject):
    """The action is enabled exactly when its button is."""

    def __init__(self, button: QPushButton, action: QAction) -> None:
        super().__init__(button)
        self.action = action
        action.setEnabled(button.isEnabled())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.EnabledChange and isinstance(watched, QPushButton):
            self.action.setEnabled(watched.isEnabled())
        return False


def button_action(owner: QWidget, widget: QPushButton) -> QAction:
    """A button's twin for the menu bar and the right-click menu (named ``<button>Action``)."""
    action = QAction(widget.text(), owner)
    action.setObjectName(f"{widget.objectName()}Action")
    action.setToolTip(widget.toolTip())
    action.setStatusTip(widget.toolTip())
    action.triggered.connect(lambda _checked=False: widget.click() if widget.isEnabled() else None)
    widget.installEventFilter(_FollowEnabled(widget, action))
    return action
