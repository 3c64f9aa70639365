"""The menu bar's 操作 menu: the current view's actions (its tool bar, its lists' export and copy),
each with an accelerator letter and, for the frequent ones, a shortcut shown beside it.

The menu holds the views' own ``QAction`` objects, so a test or a screen reader finds the same
action (by its object name) in the tool bar and in ``menuBar``. The tool bar keeps the plain text
(``iconText``); the menu's text carries the accelerator: 作成(&G) in Japanese, &Generate in English.
A view's shortcuts work while the focus is inside that view, so two views may share a key.
"""

from __future__ import annotations

from ui.qt import QAction, QKeySequence, QMenu, Qt, QWidget

# The frequent actions' keys (shown in the menu). Ctrl+N, Ctrl+P, Ctrl+F, F5 are the shell's own.
SHORTCUTS = {
    "generateStatement": "Ctrl+G",
    "previewStatement": "Ctrl+O",
    "previewMail": "Ctrl+Shift+M",
    "sendStatementNow": "Ctrl+Shift+S",
    "resendStatement": "Ctrl+Shift+R",
    "deleteStatement": "Delete",
    "printShippingChart": "Ctrl+Shift+1",
    "printPackingSlips": "Ctrl+Shift+2",
    "printShippingList": "Ctrl+Shift+3",
    "printCheckSheet": "Ctrl+Shift+C",
    "openArchiveDocument": "Ctrl+O",
    "verifyArchive": "Ctrl+Shift+V",
}


def view_actions(view: QWidget) -> list[QAction]:
    """The view's named actions in the order they were made (tool bar order, then export and copy)."""
    seen: set[int] = set()
    found = []
    for action in view.findChildren(QAction):
        if action.isSeparator() or not action.objectName() or id(action) in seen:
            continue
        if action.objectName().startswith(("show", "_", "qt_")):  # navigation lives in 表示; Qt's own
            continue
        seen.add(id(action))
        found.append(action)
    return found


def with_accelerator(text: str, name: str, used: set[str]) -> str:
    """``text`` with an unused accelerator letter: inside a Latin word, else (X) after Japanese."""
    if "&" in text:
        return text
    latin = [ch for ch in text if ch.isascii() and ch.isalpha()]
    for index, ch in enumerate(text):
        if latin and ch.isascii() and ch.isalpha() and ch.upper() not in used:
            used.add(ch.upper())
            return f"{text[:index]}&{text[index:]}"
    for ch in name + "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        if ch.isascii() and ch.isalpha() and ch.upper() not in used:
            used.add(ch.upper())
            suffix = text[-1] if text.endswith("…") else ""
            return f"{text.removesuffix(suffix)}(&{ch.upper()}){suffix}"
    return text


def prepare(view: QWidget, action: QAction, used: set[str]) -> None:
    """Once per action: the tool bar's text kept, the menu's text with its letter, the shortcut."""
    if action.property("menuPrepared"):
        used.update(str(action.property("menuLetter") or ""))
        return
    plain = action.text()
    action.setIconText(action.iconText())  # its own (a shorter tool-bar label) or the plain text, kept
    action.setText(with_accelerator(plain, action.objectName(), used))
    letter = action.text().split("&", 1)[1][:1].upper() if "&" in action.text() else ""
    action.setProperty("menuLetter", letter)
    shortcut = SHORTCUTS.get(action.objectName())
    if shortcut and action.shortcut().isEmpty():
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if action.parent() is not view and view.actions().count(action) == 0:
            view.addAction(action)  # the key works anywhere in the view
    action.setProperty("menuPrepared", True)


def fill(menu: QMenu, view: QWidget | None) -> list[QAction]:
    """Make ``menu`` hold ``view``'s actions (called whenever the current view changes)."""
    menu.clear()
    if view is None:
        return []
    actions = view_actions(view)
    used: set[str] = set()
    for action in actions:
        prepare(view, action, used)
    menu.addActions(actions)
    menu.setEnabled(bool(actions))
    return actions
