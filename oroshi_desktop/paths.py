"""Where the app keeps its configuration, data and logs.

``OROSHI_HOME`` puts everything under one folder so that tests and support can isolate a run;
otherwise the platform's usual places are used (platformdirs).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "oroshi-desktop"


@dataclass(frozen=True)
class AppPaths:
    config_dir: Path
    data_dir: Path
    log_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.toml"

    @property
    def embedded_database(self) -> Path:
        return self.data_dir / "oroshi.sqlite3"

    @property
    def local_store(self) -> Path:
        """The per-PC SQLite file for the queue and the job ledger (always local disk)."""
        return self.data_dir / "local.sqlite3"

    @property
    def output_dir(self) -> Path:
        return self.data_dir / "output"

    def ensure(self) -> AppPaths:
        """Make the app's folders; one that cannot be made (a read-only home, a full disk, no
        permission) is a ``UserError`` naming it, shown as one line or the start dialog."""
        for folder in (self.config_dir, self.data_dir, self.log_dir):
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                from oroshi_desktop.errors import write_refused

                refused = write_refused(folder, err)
                raise type(refused)(f"the app's folder cannot be made: {refused.message}",
                                    f"アプリのフォルダーを作れません: {refused.message_ja}") from None
        return self


def app_paths(environ: dict[str, str] | None = None) -> AppPaths:
    env = os.environ if environ is None else environ
    home = env.get("OROSHI_HOME")
    if home:
        root = Path(home).expanduser()
        return AppPaths(root / "config", root / "data", root / "logs")
    return AppPaths(
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )
