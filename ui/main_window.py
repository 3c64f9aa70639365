"""The shell: navigation, the menu bar with the standard shortcuts, the status bar, the views.

Views keep to one contract (``title``, ``refresh``, ``focus_search``, ``print_current``,
``new_item``, ``save_state``/``restore_state``) and get the shared ``AppContext``; the shell makes
each one the first time it is shown and forwards the menu's commands to the current one.
Geometry, splitters, column widths and the last view are remembered per user.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6

from ui.about import AboutDialog
from ui.context import AppContext
from ui.operations import app_title, set_connection_lost_handler
from ui.qt import (
    QAction,
    QActionGroup,
    QApplication,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QMainWindow,
    QSettings,
    QStackedWidget,
    Qt,
    QToolBar,
    QWidget,
)
from ui.shell import operations_menu
from ui.shell.commands import QueueCommands
from ui.shell.first_content import FirstContent
from ui.shell.monitor import AppMonitor
from ui.shell.state import start_view_preference
from ui.shell.status_bar import ShellStatusBar
from ui.shell.views import DEFAULT_VIEW, NAVIGATION, NavEntry, View
from ui.window_state import window_settings

log = logging.getLogger(__name__)

AFTER_FIRST_PAINT_MS = 200
DEFAULT_SIZE = (1280, 760)  # fits a 1366×768 laptop with the task bar


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, *, settings: QSettings | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.state = settings if settings is not None else window_settings(ctx.settings.paths)
        self.setObjectName("mainWindow")
        self.setWindowTitle(app_title())
        self.setAccessibleName(app_title())
        self.monitor = AppMonitor(ctx, self)
        ctx.monitor = self.monitor
        self.commands = QueueCommands(ctx, self.monitor, self)
        ctx.commands = self.commands
        self.keep_in_tray: Callable[[], bool] = lambda: False  # the tray sets this when it is shown
        self._quitting = False

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("viewStack")
        self.setCentralWidget(self.stack)
        self.views: dict[str, QWidget] = {}
        self._contracts: dict[str, View] = {}  # the same views, seen through their contract
        self.nav_actions: dict[str, QAction] = {}
        self._build_navigation()
        self._build_menus()
        self.setStatusBar(ShellStatusBar(ctx, self))
        set_connection_lost_handler(self._connection_lost)
        ctx.online_changed.connect(self._online_changed)
        ctx.open_view.connect(self.open_at)
        self._fit_to_screen()
        self.restore_layout()
        # The first checks run just after the first view has painted its rows: their pool threads
        # would otherwise compete with its page query and paint for the interpreter.
        self.first_content = FirstContent(self.current_view(), self)
        self.first_content.ready.connect(self.monitor.start)

    # ---- building ----------------------------------------------------------------------------
    def _action(self, text: str, name: str, slot: Callable[[], Any], shortcut: QKeySequence | str | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_navigation(self) -> None:
        bar = QToolBar(self.tr("ナビゲーション"), self)
        bar.setObjectName("navigation")
        bar.setAccessibleName(self.tr("ナビゲーション"))
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        group = QActionGroup(self)
        group.setExclusive(True)
        for entry in NAVIGATION:
            action = self._action(entry.label(), entry.action_name, self._opener(entry.key),
                                  entry.shortcut, self.tr("{view}の画面を開きます").format(view=entry.label()))
            action.setCheckable(True)
            group.addAction(action)
            bar.addAction(action)
            bar.widgetForAction(action).setAccessibleName(entry.label())  # what a screen reader says
            bar.widgetForAction(action).setObjectName(f"{entry.action_name}Button")
            self.nav_actions[entry.key] = action
        self.addToolBar(Qt.ToolBarArea.LeftToolBarArea, bar)
        self.navigation = bar

    def _opener(self, key: str) -> Callable[[], None]:
        def open_view(_checked: bool = False) -> None:  # triggered(bool) passes the checked state
            self.show_view(key)

        return open_view

    def _build_menus(self) -> None:
        self.new_action = self._action(self.tr("新規作成…"), "newItem", lambda: self._forward(lambda view: view.new_item()),
                                       "Ctrl+N", self.tr("この画面で新しく作成します（支払明細書: 仕切り作成）"))
        self.print_action = self._action(self.tr("印刷…"), "printDocument", lambda: self._forward(lambda view: view.print_current()),
                                         "Ctrl+P", self.tr("表示中の書類を印刷します"))
        self.quit_action = self._action(self.tr("終了"), "quitApp", self.quit_app, "Ctrl+Q",
                                        self.tr("アプリを終了します（実行中のジョブは最後まで実行されます）"))
        self.refresh_action = self._action(self.tr("最新の情報に更新"), "refreshView", lambda: self._forward(lambda view: view.refresh()),
                                           "F5", self.tr("表示中の一覧を読み直します"))
        self.find_action = self._action(self.tr("検索"), "findInView", lambda: self._forward(lambda view: view.focus_search()),
                                        "Ctrl+F", self.tr("表示中の一覧を検索します"))
        self.about_action = self._action(self.tr("バージョン情報"), "aboutApp", self.show_about, None,
                                         self.tr("アプリ・Qt・Python・データベースのバージョン"))
        for action in (self.quit_action, self.refresh_action, self.find_action, self.new_action, self.print_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        menus = self.menuBar()
        menus.setObjectName("menuBar")
        file_menu = menus.addMenu(self.tr("ファイル(&F)"))
        file_menu.addActions([self.new_action, self.print_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.operations_menu = menus.addMenu(self.tr("操作(&O)"))
        self.operations_menu.setObjectName("operationsMenu")
        self.operations_menu.aboutToShow.connect(self._sync_operations)
        view_menu = menus.addMenu(self.tr("表示(&V)"))
        view_menu.addActions(list(self.nav_actions.values()))
        view_menu.addSeparator()
        view_menu.addActions([self.refresh_action, self.find_action])
        tools_menu = menus.addMenu(self.tr("ツール(&T)"))
        tools_menu.addActions([self.commands.run_mail_check, self.commands.run_bounce_check, self.commands.pause])
        help_menu = menus.addMenu(self.tr("ヘルプ(&H)"))
        help_menu.addAction(self.about_action)
        self.commands.run_mail_check.setShortcut(QKeySequence("Ctrl+M"))

    def _fit_to_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        width, height = DEFAULT_SIZE
        if screen is not None:
            area = screen.availableGeometry()
            width, height = min(width, int(area.width() * 0.95)), min(height, int(area.height() * 0.92))
        self.resize(width, height)

    # ---- views -------------------------------------------------------------------------------
    def _entry(self, key: str) -> NavEntry:
        return next(entry for entry in NAVIGATION if entry.key == key)

    def view(self, key: str) -> QWidget:
        """The view for ``key``, made (and its remembered layout restored) on first use."""
        if key not in self.views:
            widget = self._entry(key).factory(self.ctx, self.stack)
            assert isinstance(widget, QWidget), key  # a view is a widget that keeps the View contract
            widget.setAccessibleName(self._entry(key).label())
            self.views[key] = widget
            self._contracts[key] = widget
            self.stack.addWidget(widget)
            widget.restore_state(self.state)
        return self.views[key]

    def show_view(self, key: str) -> QWidget:
        widget = self.view(key)
        self.stack.setCurrentWidget(widget)
        self.nav_actions[key].setChecked(True)
        self.setWindowTitle(f"{self._entry(key).label()} - {app_title()}")
        self.current_key = key
        operations_menu.fill(self.operations_menu, widget)
        return widget

    def open_at(self, key: str, target: object = None) -> QWidget:
        """Show a view and, when it can, the place ``target`` names (a run, a day, a field)."""
        widget = self.show_view(key)
        if target is not None and hasattr(widget, "show_target"):
            widget.show_target(target)
        return widget
    def _sync_operations(self) -> None:
        """A view whose actions changed since it was shown (a list export added later) is read again."""
        operations_menu.fill(self.operations_menu, self.current_view())

    def current_view(self) -> QWidget | None:
        return self.stack.currentWidget()

    def _forward(self, call: Callable[[View], None]) -> None:
        view = self._contracts.get(getattr(self, "current_key", ""))
        if view is not None:
            call(view)

    def _connection_lost(self, _err: BaseException) -> bool:
        if not shiboken6.isValid(self) or not self.isVisible():
            return True  # closed (quitting) or in the tray: nobody to show a dialog to
        self.monitor.check_connection()  # the status bar follows within a moment
        return not self.ctx.online  # already shown as 接続できません: no dialog on top

    def _online_changed(self, online: bool) -> None:
        if online:  # back again: every view reads its rows anew
            for area in ("statements", "outbox"):
                self.ctx.data_changed.emit(area)

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self.ctx.database, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ---- remembered layout -------------------------------------------------------------------
    def restore_layout(self) -> None:
        geometry = self.state.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.state.value("window/state")
        if state is not None:
            self.restoreState(state)
        key = str(self.state.value("window/view", DEFAULT_VIEW))
        if start_view_preference(self.ctx.settings.paths) == "today":
            key = "today"
        self.show_view(key if key in self.nav_actions else DEFAULT_VIEW)

    def save_layout(self) -> None:
        self.state.setValue("window/geometry", self.saveGeometry())
        self.state.setValue("window/state", self.saveState())
        self.state.setValue("window/view", getattr(self, "current_key", DEFAULT_VIEW))
        for view in self._contracts.values():
            view.save_state(self.state)
        self.state.sync()

    # ---- closing -----------------------------------------------------------------------------
    def bring_forward(self) -> None:
        """Show the window in front (a second launch, the tray's 開く)."""
        log.info("main window brought forward")
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def quit_app(self) -> None:
        self._quitting = True
        self.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        if not self._quitting and self.keep_in_tray():
            event.ignore()  # the tray keeps the app, its queue and its schedule running
            self.hide()
            return
        self.monitor.stop()
        super().closeEvent(event)  # the last window closed: Qt quits the app (no tray)
