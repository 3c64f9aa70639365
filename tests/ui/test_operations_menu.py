"""Every action from the keyboard and the menu bar (the demo shell, SQLite and both PostgreSQL
kinds): each view's tool-bar actions, its lists' exportList/copyRows, are in the menu bar's 操作
menu with an accelerator; Tab walks from each (framed) list through the detail to its tool bar
without changing the selected row; every list has a right-click menu."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.ui.statements_fixtures import show_run
from tests.ui.test_list_export import rows_shown, shell  # noqa: F401 (the fixture)
from ui.qt import QAction, QApplication, QMenu, QPushButton, Qt, QTableView, QToolBar, QWidget
from ui.row_actions import FOCUS_FRAME
from ui.shell.operations_menu import view_actions, with_accelerator
from ui.shell.views import NAVIGATION

CONTRACT_PAGE = Path(__file__).resolve().parents[2] / "docs" / "ARCHITECTURE.md"
CONTRACT_ROW = re.compile(r"^\| (?P<names>`[^|]+) \| (?P<kind>action|widget|dialog) \|")

LIST_TABLES = {"statements": ("statementsTable",), "orders": ("ordersTable",), "supplies": ("suppliesTable",),
               "archive": ("archiveTable",), "jobs": ("jobsTable", "outboxTable")}


def menu_bar_actions(window: Any) -> dict[str, QAction]:
    found: dict[str, QAction] = {}

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif action.objectName():
                found[action.objectName()] = action
    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu())
    return found


def test_every_views_actions_are_in_the_menu_bar_with_an_accelerator(shell: Any) -> None:  # noqa: F811
    for entry in NAVIGATION:
        view = shell.show_view(entry.key)
        in_menu = menu_bar_actions(shell)
        toolbar_actions = [a for bar in view.findChildren(QToolBar) for a in bar.actions() if a.objectName()]
        for action in (*toolbar_actions, *view_actions(view)):
            assert in_menu.get(action.objectName()) is action, (entry.key, action.objectName())
            assert "&" in action.text(), action.text()  # an accelerator letter in the menu
        if entry.key in LIST_TABLES:
            for name in ("exportList", "copyRows"):
                assert name in in_menu, (entry.key, name)
            assert in_menu["copyRows"].shortcut().toString() == "Ctrl+C"
        letters = [a.text().split("&", 1)[1][0].upper() for a in view_actions(view) if "&" in a.text()]
        assert len(letters) == len(set(letters)), (entry.key, letters)  # each letter once in the menu
        keys = [a.shortcut().toString() for a in view_actions(view) if not a.shortcut().isEmpty()
                and a.shortcutContext() != Qt.ShortcutContext.WidgetShortcut]  # Ctrl+C: per list
        assert len(keys) == len(set(keys)), (entry.key, keys)  # a key shared in one view would run nothing
    statements = shell.show_view("statements")
    assert statements.action("generateStatement").shortcut().toString() == "Ctrl+G"
    button = statements.toolbar.widgetForAction(statements.action("generateStatement"))
    assert "&" not in button.text() and button.text() == "作成"  # the tool bar keeps the plain word


def contract(kind: str) -> set[str]:
    """The names of one kind in docs/ARCHITECTURE.md's testability contract."""
    names: set[str] = set()
    for line in CONTRACT_PAGE.read_text(encoding="utf-8").splitlines():
        row = CONTRACT_ROW.match(line)
        if row and row["kind"] == kind:
            names.update(re.findall(r"`([^`]+)`", row["names"]))
    return names


@pytest.mark.parametrize("shell", ["sqlite"], indirect=True)
def test_the_written_contract_is_the_windows_every_action_in_the_menu_bar(shell: Any) -> None:  # noqa: F811
    """docs/ARCHITECTURE.md's contract table and the window agree: each action row is reachable
    through menuBar (in some view), each widget row is in the window, and each named QAction of
    the window is in the table."""
    actions, widgets = contract("action"), contract("widget")
    assert {"showToday", "exportList", "copyRows", "exportOutbox", "copyOutboxRows"} <= actions
    assert "todayView" in widgets
    reachable: dict[str, QAction] = {}
    for entry in NAVIGATION:
        shell.show_view(entry.key)
        reachable.update(menu_bar_actions(shell))
    named = {a.objectName() for a in shell.findChildren(QAction)
             if a.objectName() and not a.objectName().startswith(("_q_", "qt_"))}
    assert actions - set(reachable) == set()  # written down but not in the menu bar
    assert named - actions == set()  # an action of the window the contract does not name
    assert reachable["copyRows"].shortcut().toString() == "Ctrl+C"
    found = {w.objectName() for w in shell.findChildren(QWidget)} | {shell.objectName()}
    assert {name for name in widgets if "<" not in name} - found == set()  # settings_<key>: test_settings_schema


def test_accelerators_in_japanese_and_english() -> None:
    used: set[str] = set()
    assert with_accelerator("作成", "generateStatement", used) == "作成(&G)"
    assert with_accelerator("削除", "deleteStatement", used) == "削除(&D)"
    assert with_accelerator("Excelに出力…", "exportList", used) == "&Excelに出力…"
    assert with_accelerator("Generate", "generateStatement", used) == "Ge&nerate"  # G and E are taken


def _is_action_button(view: QWidget, widget: QWidget) -> bool:
    """A button of the view's tool bar; in a view without one (ジョブ), a push button of the view."""
    if view.findChildren(QToolBar):
        return isinstance(widget.parent(), QToolBar) and view.isAncestorOf(widget)
    return isinstance(widget, QPushButton) and view.isAncestorOf(widget)


@pytest.mark.parametrize("key", list(LIST_TABLES))
def test_tab_walks_from_each_framed_list_to_its_buttons_keeping_the_selection(
        shell: Any, qtbot: Any, key: str) -> None:  # noqa: F811
    """操作マニュアル §12: 絞り込み → 一覧 → 詳細 → ツールバーのボタン; the focused list shows a frame."""
    view = shell.show_view(key)
    shell.activateWindow()
    for name in LIST_TABLES[key]:
        table = view.findChild(QTableView, name)
        count = rows_shown(qtbot, table)
        assert not table.tabKeyNavigation()
        assert FOCUS_FRAME in table.styleSheet()  # the frame is drawn while the list has the focus
        assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
        assert any(a.objectName().startswith("copy") for a in table.actions())
        if key == "statements":  # a run with its PDFs: the detail holds buttons to Tab through
            sent = next(r for r in range(count) if table.model().index(r, 5).data() == "送信済み")
            show_run(qtbot, view, table.model().ids[sent])
        elif count:
            table.selectRow(min(1, count - 1))
        selected = [i.row() for i in table.selectionModel().selectedRows()]
        current = table.currentIndex().row()
        table.setFocus()
        qtbot.waitUntil(table.hasFocus, timeout=2000)
        walked: list[QWidget] = []
        for _ in range(40):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            walked.append(QApplication.focusWidget())
            assert [i.row() for i in table.selectionModel().selectedRows()] == selected
            assert table.currentIndex().row() == current
            if _is_action_button(view, walked[-1]) or walked[-1] is table:
                break
        assert walked[0] is not table  # the first Tab leaves the list
        assert _is_action_button(view, walked[-1]), (name, [w.objectName() for w in walked])
        if key == "statements":  # the detail's buttons come between the list and the tool bar
            assert view.detail_panel.isAncestorOf(walked[0]), walked[0].objectName()
        qtbot.keyClick(walked[-1], Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
        assert QApplication.focusWidget() is (walked[-2] if len(walked) > 1 else table)  # Shift+Tab walks back


@pytest.mark.parametrize("shell", ["sqlite"], indirect=True)
def test_enter_runs_the_rows_main_action_and_the_right_click_menu_offers_the_rows_actions(
        shell: Any, qtbot: Any) -> None:  # noqa: F811
    view = shell.show_view("archive")
    table = view.findChild(QTableView, "archiveTable")
    rows_shown(qtbot, table)
    names = [a.objectName() for a in table.actions() if not a.isSeparator()]
    assert names == ["openArchiveDocument", "printArchiveDocument", "copyRows"]
    orders = shell.show_view("orders")
    table = orders.findChild(QTableView, "ordersTable")
    assert rows_shown(qtbot, table) > 0
    opened: list[bool] = []
    orders.action("printPackingSlips").triggered.connect(lambda _checked=False: opened.append(True))
    shell.activateWindow()
    table.selectRow(0)
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=2000)
    from ui.orders.documents import DocumentDialog

    closed: list[str] = []

    def close_the_dialog() -> None:  # the packing-slip dialog Enter opened: its own test is elsewhere
        for dialog in shell.findChildren(DocumentDialog):
            closed.append(dialog.windowTitle())
            dialog.reject()
    from ui.qt import QTimer

    QTimer.singleShot(300, close_the_dialog)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(closed), timeout=5000)
    assert opened == [True] and closed == ["卸先用出荷表"]
