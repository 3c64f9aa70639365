"""A list's rows from the keyboard and the right mouse button, the same way in every view.

Tab leaves the list for the next widget (the arrow keys move inside it, so walking the window
never changes the selected row); Enter on a row runs the row's main action; a right click opens
a menu of the row's actions (the view's toolbar actions that concern a row, and 選んだ行をコピー).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from ui.qt import QAction, QEvent, QKeyEvent, QObject, Qt, QTableView, QToolBar, QWidget

FOCUS_FRAME = "QAbstractItemView:focus { border: 2px solid palette(highlight); }"


class _EnterRunsMain(QObject):
    """Enter/Return on the list triggers the main action (when it is enabled and a row is current)."""

    def __init__(self, table: QTableView, main: QAction) -> None:
        super().__init__(table)
        self.table = table
        self.main = main

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            if self.table.currentIndex().isValid() and self.main.isEnabled():
                self.main.trigger()
            return True
        return False


def keyboard_list(table: QTableView) -> None:
    """Tab goes to the next widget, not the next cell; the focused list shows a frame."""
    table.setTabKeyNavigation(False)
    table.setStyleSheet(FOCUS_FRAME)


def row_actions(table: QTableView, actions: Sequence[QAction], main: QAction | None = None) -> None:
    """Give the list its right-click menu (``actions`` in order, then whatever the table already
    carries, such as copyRows) and its Enter key (``main``)."""
    keyboard_list(table)
    own = list(table.actions())
    for action in own:
        table.removeAction(action)
    table.addActions(list(actions))
    if own:
        separator = QAction(table)
        separator.setSeparator(True)
        table.addAction(separator)
        table.addActions(own)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    if main is not None:
        table.installEventFilter(_EnterRunsMain(table, main))


def keyboard_toolbar(toolbar: QToolBar) -> list[QWidget]:
    """Tool-bar buttons take no focus in Qt; here Tab reaches them (Space or Enter presses one)."""
    buttons = []
    for action in toolbar.actions():
        widget = toolbar.widgetForAction(action)
        if widget is not None and not action.isSeparator():
            widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            buttons.append(widget)
    return buttons


def tab_chain(*parts: QWidget | Sequence[QWidget]) -> None:
    """Tab walks these in order (a tool bar: each of its buttons); Shift+Tab walks back."""
    chain: list[QWidget] = []
    for part in parts:
        if isinstance(part, QToolBar):
            chain += keyboard_toolbar(part)
        elif isinstance(part, QWidget):
            chain.append(part)
        else:
            chain += list(part)
    for first, second in pairwise(chain):
        QWidget.setTabOrder(first, second)
