"""Where the window and its views remember their layout: a per-user INI file in the app's config folder.

Under ``OROSHI_HOME`` like every other path, so tests and support runs never share (or spoil)
a user's layout. Holds geometry, splitter positions, column widths and the last view; never a
secret. A leaf module: every view reads it, and the shell that holds the views does too.
"""

from __future__ import annotations

from oroshi_desktop.paths import AppPaths
from ui.qt import QSettings

WINDOW_STATE_FILE = "window.ini"


def window_settings(paths: AppPaths) -> QSettings:
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(paths.config_dir / WINDOW_STATE_FILE), QSettings.Format.IniFormat)
