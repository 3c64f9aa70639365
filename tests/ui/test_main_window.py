"""The shell on the demo database (real widgets, offscreen): navigation and the testability names,
the menus and their shortcuts, the status bar, the remembered layout, the About dialog, and a
start while the shared database is unreachable that recovers by itself."""

from __future__ import annotations

import os

import pytest

from oroshi_desktop.config import load_settings
from oroshi_desktop.db.engine import open_database
from oroshi_desktop.startup import prepare_database
from ui.qt import QAction, QKeySequence, QLabel, QTableView, QToolBar
from ui.shell.views import NAVIGATION

CONTRACT_ACTIONS = ("showToday", "showStatements", "showOrders", "showSupplies", "showArchive", "showJobs", "showSettings",
                    "printDocument", "refreshView", "runMailCheckNow")


@pytest.fixture
def demo_window(make_shell):
    settings = load_settings()
    database = prepare_database(settings)  # the embedded default: schema and demo data
    window = make_shell(settings, database, queue=True)
    yield window
    database.dispose()


def status(window, name: str) -> str:
    """What a status line says: its whole text where the line may be shortened to fit (ElidedLabel)."""
    label = window.statusBar().findChild(QLabel, name)
    return getattr(label, "full_text", None) or label.text()


def test_navigation_shows_every_view_and_keeps_the_contract_names(demo_window, qtbot):
    window = demo_window
    assert window.objectName() == "mainWindow"
    actions = {action.objectName(): action for action in window.findChildren(QAction)}
    for name in CONTRACT_ACTIONS:
        assert name in actions, name
        assert actions[name].text() and not actions[name].text().isascii(), name  # Japanese
    assert [entry.title for entry in NAVIGATION] == ["今日", "支払明細書", "注文・出荷", "供給", "書類保管", "ジョブ", "設定"]
    navigation = window.findChild(QToolBar, "navigation")
    for entry in NAVIGATION:
        actions[entry.action_name].trigger()
        view = window.current_view()
        assert view is window.views[entry.key] and view.isVisible()
        assert navigation.widgetForAction(actions[entry.action_name]).accessibleName() == entry.title
        assert type(view).__module__ == f"ui.{entry.key}.view", entry.key  # every view is its own module's
    actions["showArchive"].trigger()
    assert window.findChild(QTableView, "archiveTable").accessibleName() == "保管された支払明細書の一覧"
    actions["showJobs"].trigger()
    for name, label in (("jobsTable", "ジョブ一覧"), ("outboxTable", "メール送信キュー")):
        table = window.findChild(QTableView, name)
        assert table is not None and table.accessibleName() == label


def test_menus_and_standard_shortcuts(demo_window):
    window = demo_window
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["ファイル(&F)", "操作(&O)", "表示(&V)", "ツール(&T)", "ヘルプ(&H)"]
    shortcuts = {action.objectName(): action.shortcut() for action in window.findChildren(QAction)}
    assert shortcuts["findInView"] == QKeySequence("Ctrl+F")
    assert shortcuts["newItem"] == QKeySequence("Ctrl+N")
    assert shortcuts["printDocument"] == QKeySequence("Ctrl+P")
    assert shortcuts["refreshView"] == QKeySequence("F5")
    assert shortcuts["quitApp"] == QKeySequence("Ctrl+Q")


def test_commands_go_to_the_current_view(demo_window, qtbot):
    window = demo_window
    window.nav_actions["jobs"].trigger()
    view = window.current_view()
    window.activateWindow()
    window.find_action.trigger()
    qtbot.waitUntil(lambda: view.state_filter.hasFocus() or not window.isActiveWindow(), timeout=2000)
    calls: list[str] = []
    view.refresh = lambda: calls.append("refresh")
    window.refresh_action.trigger()
    assert calls == ["refresh"]


def test_status_bar_shows_database_connection_and_schedule(demo_window, qtbot):
    window = demo_window
    assert status(window, "statusDatabase") == "データベース: 埋め込み"
    qtbot.waitUntil(lambda: status(window, "statusConnection") == "オンライン", timeout=10000)
    qtbot.waitUntil(lambda: "このアプリで実行中" in status(window, "statusScheduler"), timeout=10000)
    text = status(window, "statusScheduler")
    assert "次のメール確認: " in text and "（Asia/Tokyo）" in text


def test_layout_and_last_view_are_remembered(make_shell, qtbot):
    settings = load_settings()
    database = prepare_database(settings)
    try:
        window = make_shell(settings, database)
        window.nav_actions["jobs"].trigger()
        window.resize(700, 520)
        table = window.findChild(QTableView, "outboxTable")
        table.setColumnWidth(1, 233)
        window.close()
        assert (settings.paths.config_dir / "window.ini").exists()

        again = make_shell(settings, database)
        assert again.current_key == "jobs"
        assert (again.width(), again.height()) == (700, 520)
        assert again.findChild(QTableView, "outboxTable").columnWidth(1) == 233
        assert "password" not in (settings.paths.config_dir / "window.ini").read_text().lower()
    finally:
        database.dispose()


def test_today_is_the_first_view_at_a_first_start_and_by_preference(make_shell, qtbot):
    from ui.settings.store import START_VIEW_KEY, local_preferences

    settings = load_settings()
    database = prepare_database(settings)
    try:
        window = make_shell(settings, database)
        assert window.current_key == "today" and window.current_view().objectName() == "todayView"
        assert window.current_view() is window.views["today"]
        assert any(action.objectName() == "showToday" for menu in window.menuBar().actions() if menu.menu()
                   for action in menu.menu().actions())  # reachable through the menu bar too
        window.nav_actions["jobs"].trigger()
        window.close()
        assert make_shell(settings, database).current_key == "jobs"  # later starts: the last view
        preferences = local_preferences(settings)
        preferences.setValue(START_VIEW_KEY, "today")  # 設定: 起動時の画面 = 今日
        preferences.sync()
        assert make_shell(settings, database).current_key == "today"
    finally:
        database.dispose()


def test_about_dialog_names_every_version(demo_window, qtbot):
    dialog = demo_window.show_about()
    label = dialog.database_label
    qtbot.waitUntil(lambda: label.text().startswith("SQLite 3."), timeout=5000)
    texts = " ".join(child.text() for child in dialog.findChildren(QLabel))
    assert "oroshi-desktop 0.1.0" in texts and "Python" in texts and "PySide6" in texts
    dialog.close()


@pytest.mark.postgres
def test_starts_offline_and_recovers_when_the_database_appears(make_shell, qtbot, pg_server, pg_templates):
    name = f"offline{os.getpid()}"
    url = pg_server.url(name)  # no such database yet: the server refuses, like one that is down
    settings = load_settings()
    settings = type(settings)(**{**settings.__dict__, "database_url": url})
    database = open_database(url)
    try:
        window = make_shell(settings, database, queue=True, online=False)
        assert status(window, "statusDatabase").startswith("データベース: PostgreSQL 127.0.0.1:")
        assert status(window, "statusDatabase").endswith(f"/{name}")
        qtbot.waitUntil(lambda: status(window, "statusConnection") == "接続できません", timeout=20000)
        assert window.ctx.tasks is None  # no queue while the database is away
        window.nav_actions["jobs"].trigger()
        offline = window.current_view().outbox.offline_label
        assert offline.isVisible() and "接続できません" in offline.text()
        assert not window.commands.run_mail_check.isEnabled()

        pg_server.create_database(name, template=pg_templates["pg_app"])
        qtbot.waitUntil(lambda: status(window, "statusConnection") == "オンライン", timeout=20000)
        qtbot.waitUntil(lambda: window.ctx.tasks is not None, timeout=20000)
        assert window.commands.run_mail_check.isEnabled()
        assert not offline.isVisible()
    finally:
        database.dispose()
        pg_server.drop_database(name)


def test_qt_standard_dialogs_speak_japanese(qapp):
    from ui.i18n import install_qt_translations
    from ui.qt import QCoreApplication

    translator = install_qt_translations(qapp)
    try:
        assert translator is not None
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"
    finally:
        qapp.removeTranslator(translator)


def test_about_dialog_asks_each_database_for_its_version(db, qtbot):
    from ui.about import AboutDialog

    dialog = AboutDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    expected = "SQLite 3." if db.dialect == "sqlite" else "PostgreSQL 1"
    qtbot.waitUntil(lambda: dialog.database_label.text().startswith(expected), timeout=10000)
