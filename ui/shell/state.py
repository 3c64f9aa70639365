"""Where the window remembers its layout: a per-user INI file in the app's config folder.

Under ``OROSHI_HOME`` like every other path, so tests and support runs never share (or spoil)
a user's layout. Holds geometry, splitter positions, column widths and the last view; never a
secret.
"""

from __future__ import annotations

from oroshi_desktop.paths import AppPaths
from ui.qt import QSettings
from ui.settings.store import PREFERENCES_FILE, START_VIEW_KEY

WINDOW_STATE_FILE = "window.ini"


def window_settings(paths: AppPaths) -> QSettings:
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(paths.config_dir / WINDOW_STATE_FILE), QSettings.Format.IniFormat)


START_VIEWS = ("last", "today")


def start_view_preference(paths: AppPaths) -> str:
    preferences = QSettings(str(paths.config_dir / PREFERENCES_FILE), QSettings.Format.IniFormat)
    value = str(preferences.value(START_VIEW_KEY, "last"))
    return value if value in START_VIEWS else "last"
