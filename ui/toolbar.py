"""The one way a view adds a command: an action on its toolbar, also reachable by its shortcut.

The tooltip doubles as the status-bar tip; the object name is the testability contract's name.
"""

from __future__ import annotations

from collections.abc import Callable

from ui.qt import QAction, QToolBar, QWidget


def toolbar_action(owner: QWidget, toolbar: QToolBar, name: str, text: str, tip: str,
                   slot: Callable[[], object]) -> QAction:
    action = QAction(text, owner)
    action.setObjectName(name)
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())  # triggered(bool) must not reach the slot
    toolbar.addAction(action)
    owner.addAction(action)  # its shortcut works while the view has focus, toolbar hidden or not
    return action


class ViewActions(dict[str, QAction]):
    """A view's toolbar commands by object name, as the view contract's ``action(name)`` finds them."""

    def __init__(self, owner: QWidget, toolbar: QToolBar) -> None:
        super().__init__()
        self._owner, self._toolbar = owner, toolbar

    def add(self, name: str, text: str, slot: Callable[[], object], tip: str) -> QAction:
        self[name] = toolbar_action(self._owner, self._toolbar, name, text, tip, slot)
        return self[name]


def action_named(owner: QWidget, name: str) -> QAction:
    """A view's action by its object name (the ``action`` of the view contract)."""
    found = owner.findChild(QAction, name)
    if found is None:
        raise KeyError(name)
    return found
