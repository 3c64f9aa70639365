"""The navigation: which views the shell shows, in order, with their testability names.

A view is made the first time it is shown, so the window paints its first view without paying
for the others.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
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
    factory: ViewFactory

    def label(self) -> str:
        """The title in the chosen language."""
        return QCoreApplication.translate("Navigation", self.title)


def _statements(ctx: AppContext, parent: QWidget) -> View:
    from ui.statements.view import StatementsView

    return StatementsView(ctx, parent)


def _today(ctx: AppContext, parent: QWidget) -> View:
    from ui.today.view import TodayView

    return TodayView(ctx, parent)


def _archive(ctx: AppContext, parent: QWidget) -> View:
    from ui.archive.view import ArchiveView

    return ArchiveView(ctx, parent)


def _settings(ctx: AppContext, parent: QWidget) -> View:
    from ui.settings.view import SettingsView

    return SettingsView(ctx, parent)


def _orders(ctx: AppContext, parent: QWidget) -> View:
    from ui.orders.view import OrdersView

    return OrdersView(ctx, parent)


def _supplies(ctx: AppContext, parent: QWidget) -> View:
    from ui.supplies.view import SuppliesView

    return SuppliesView(ctx, parent)


def _jobs(ctx: AppContext, parent: QWidget) -> View:
    from ui.jobs.view import JobsView

    return JobsView(ctx, parent)


NAVIGATION: tuple[NavEntry, ...] = (
    NavEntry("today", "showToday", QT_TRANSLATE_NOOP("Navigation", "今日"), "Ctrl+0", _today),
    NavEntry("statements", "showStatements", QT_TRANSLATE_NOOP("Navigation", "支払明細書"), "Ctrl+1", _statements),
    NavEntry("orders", "showOrders", QT_TRANSLATE_NOOP("Navigation", "注文・出荷"), "Ctrl+2", _orders),
    NavEntry("supplies", "showSupplies", QT_TRANSLATE_NOOP("Navigation", "供給"), "Ctrl+3", _supplies),
    NavEntry("archive", "showArchive", QT_TRANSLATE_NOOP("Navigation", "書類保管"), "Ctrl+4", _archive),
    NavEntry("jobs", "showJobs", QT_TRANSLATE_NOOP("Navigation", "ジョブ"), "Ctrl+5", _jobs),
    NavEntry("settings", "showSettings", QT_TRANSLATE_NOOP("Navigation", "設定"), "Ctrl+6", _settings),
)
DEFAULT_VIEW = "today"  # the first start; later ones return to the last view (or 今日, see 設定)
