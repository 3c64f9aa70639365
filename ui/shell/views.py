"""The navigation: which views the shell shows, in order, with their testability names.

A view is made the first time it is shown, so the window paints its first view without paying
for the others.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Protocol

from ui.context import AppContext
from ui.qt import QT_TRANSLATE_NOOP, QAction, QCoreApplication, QSettings, QWidget

log = logging.getLogger(__name__)


class View(Protocol):
    """The contract every view of the shell keeps (the menus and the remembered layout use it)."""

    def refresh(self) -> None: ...
    def focus_search(self) -> None: ...
    def print_current(self) -> None: ...
    def new_item(self) -> None: ...
    def save_state(self, settings: QSettings) -> None: ...
    def restore_state(self, settings: QSettings) -> None: ...
    def action(self, name: str) -> QAction: ...  # by objectName (tests, the tray)


ViewFactory = Callable[[AppContext, QWidget], View]


@dataclass(frozen=True)
class NavEntry:
    key: str          # the QSettings value of the last view
    action_name: str  # the QAction's objectName (testability contract)
    title: str        # the Japanese label (the source text of its translation)
    shortcut: str
    view: str         # "module:class" of the view, imported the first time it is shown

    def factory(self, ctx: AppContext, parent: QWidget) -> View:
        """Make the view (its module is imported here, not at start)."""
        module, name = self.view.split(":")
        view_class: ViewFactory = getattr(import_module(module), name)
        return view_class(ctx, parent)

    def label(self) -> str:
        """The title in the chosen language."""
        return QCoreApplication.translate("Navigation", self.title)


NAVIGATION: tuple[NavEntry, ...] = (
    NavEntry("today", "showToday", QT_TRANSLATE_NOOP("Navigation", "今日"), "Ctrl+0", "ui.today.view:TodayView"),
    NavEntry("statements", "showStatements", QT_TRANSLATE_NOOP("Navigation", "支払明細書"), "Ctrl+1", "ui.statements.view:StatementsView"),
    NavEntry("orders", "showOrders", QT_TRANSLATE_NOOP("Navigation", "注文・出荷"), "Ctrl+2", "ui.orders.view:OrdersView"),
    NavEntry("supplies", "showSupplies", QT_TRANSLATE_NOOP("Navigation", "供給"), "Ctrl+3", "ui.supplies.view:SuppliesView"),
    NavEntry("archive", "showArchive", QT_TRANSLATE_NOOP("Navigation", "書類保管"), "Ctrl+4", "ui.archive.view:ArchiveView"),
    NavEntry("jobs", "showJobs", QT_TRANSLATE_NOOP("Navigation", "ジョブ"), "Ctrl+5", "ui.jobs.view:JobsView"),
    NavEntry("settings", "showSettings", QT_TRANSLATE_NOOP("Navigation", "設定"), "Ctrl+6", "ui.settings.view:SettingsView"),
)
DEFAULT_VIEW = "today"  # the first start; later ones return to the last view (or 今日, see 設定)
