"""The view the window opens at start: the last one (``ui.window_state``) or always 今日, as chosen
in 設定 (``ui.settings.store``)."""

from __future__ import annotations

from oroshi_desktop.paths import AppPaths
from ui.qt import QSettings
from ui.settings.store import PREFERENCES_FILE, START_VIEW_KEY

START_VIEWS = ("last", "today")


def start_view_preference(paths: AppPaths) -> str:
    preferences = QSettings(str(paths.config_dir / PREFERENCES_FILE), QSettings.Format.IniFormat)
    value = str(preferences.value(START_VIEW_KEY, "last"))
    return value if value in START_VIEWS else "last"
