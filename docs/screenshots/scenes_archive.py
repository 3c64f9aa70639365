"""Screens of 書類保管 and 設定 for ``make_screenshots.py``: the archive list, the 整合性チェック
result, the settings form, the settings refusing bad fields, and both views in English.

Run alone (``python docs/screenshots/scenes_archive.py``) it makes only these PNGs under
``xvfb-run`` on the demo data (statements of run 3 generated first, so the archive has rows).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scene_tools import HERE, ROOT, SCREEN
from scene_tools import wait as _wait


def _host(view_factory: Callable[[Any], Any], title: str) -> Any:
    from ui.qt import QApplication, QMainWindow

    host = QMainWindow()
    host.setWindowTitle(title)
    host.setCentralWidget(view_factory(host))
    host.setGeometry(QApplication.primaryScreen().availableGeometry())
    host.show()
    return host


def scenes(ctx: Any, window: Any) -> list[tuple[str, Callable[[], Any]]]:
    from ui.qt import QApplication

    kept: list[Any] = []

    def archive() -> Any:
        window.show_view("archive")
        view = window.views["archive"]
        _wait(lambda: not view.loading)
        if view.model.rowCount():
            view.table.selectRow(0)
        return window

    def verified() -> Any:
        view = window.views["archive"]
        view.verify()
        _wait(lambda: getattr(view, "result_box", None) is not None and view.result_box.isVisible())
        kept.append(view.result_box)
        return view.result_box

    def settings() -> Any:
        if kept:
            kept[-1].close()
        window.show_view("settings")
        view = window.views["settings"]
        _wait(lambda: bool(view.edits["company_name"].text()), 10)
        return window

    def settings_logo() -> Any:
        from PIL import Image, ImageDraw

        view = window.views["settings"]
        picture = Path(tempfile.mkdtemp(prefix="oroshi-logo-")) / "logo.png"
        image = Image.new("RGBA", (600, 200), (0, 0, 0, 0))
        draw = ImageDraw.Draw(image)
        draw.rounded_rectangle((0, 40, 400, 160), 30, fill=(20, 70, 140, 255))
        draw.ellipse((420, 0, 599, 199), fill=(220, 90, 40, 255))
        image.save(picture)
        view.choose_logo(str(picture))
        _wait(lambda: bool(view.logo.png), 10)
        return window

    def settings_refused() -> Any:
        view = window.views["settings"]
        view.edits["company_invoice_number"].setText("T7000012050003")
        view.edits["smtp_port"].setText("70000")
        view.edits["mail_schedule"].setText("*/10 * *")
        view.action("saveSettings").trigger()
        _wait(lambda: True, 0.5)
        broken = Path(tempfile.mkdtemp(prefix="oroshi-logo-")) / "broken.png"
        broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
        view.choose_logo(str(broken))
        _wait(lambda: view.errors["company_logo"].isVisible(), 10)
        return window

    def english_archive() -> Any:
        from ui.archive.view import ArchiveView
        from ui.i18n import install_language

        install_language(QApplication.instance(), "en")
        host = _host(lambda parent: ArchiveView(ctx, parent), "Oroshi Desktop — Archive")
        _wait(lambda: not host.centralWidget().loading)
        kept.append(host)
        return host

    def english_settings() -> Any:
        from ui.i18n import install_language
        from ui.settings.view import SettingsView

        kept[-1].close()
        host = _host(lambda parent: SettingsView(ctx, parent), "Oroshi Desktop — Settings")
        _wait(lambda: bool(host.centralWidget().edits["company_name"].text()), 10)
        kept.append(host)
        install_language(QApplication.instance(), "ja")
        # A connection check while English was installed wrote the status bar in English; the next
        # Japanese scenes (今日) must not show that: the window says it again in Japanese.
        window.statusBar().show_online(ctx.online)
        return host

    return [("archive_list", archive), ("archive_verified", verified), ("settings", settings),
            ("settings_logo", settings_logo), ("settings_refused", settings_refused), ("archive_list_en", english_archive),
            ("settings_en", english_settings)]


def _child(out: Path, suffix: str) -> int:
    home = Path(tempfile.mkdtemp(prefix="oroshi-shots-"))
    os.environ["OROSHI_HOME"] = str(home)
    sys.path.insert(0, str(ROOT))
    from jobs.statements import generate_statements
    from oroshi_desktop.config import load_settings
    from oroshi_desktop.ledger import Ledger
    from oroshi_desktop.startup import prepare_database
    from ui.app import install_font
    from ui.context import AppContext
    from ui.i18n import install_qt_translations
    from ui.main_window import MainWindow
    from ui.qt import QApplication

    app = QApplication(sys.argv[:1])
    install_font(app)
    install_qt_translations(app)
    settings = load_settings()
    database = prepare_database(settings)
    generate_statements(database, 3, tz=settings.tz)
    ledger = Ledger.for_settings(database, settings)
    ctx = AppContext(settings, database, ledger)
    window = MainWindow(ctx)
    window.setGeometry(app.primaryScreen().availableGeometry())
    window.show()
    out.mkdir(parents=True, exist_ok=True)
    for name, open_screen in scenes(ctx, window):
        widget = open_screen()
        _wait(lambda: True, 0.3)
        path = out / f"{name}{suffix}.png"
        widget.grab().save(str(path))
        print(path.relative_to(ROOT))
    window.monitor.stop()
    window.close()
    ledger.dispose()
    database.dispose()
    shutil.rmtree(home, ignore_errors=True)
    return 0


def main() -> int:
    if "--child" in sys.argv:
        return _child(Path(sys.argv[sys.argv.index("--out") + 1]), sys.argv[sys.argv.index("--suffix") + 1])
    for scale, suffix in (("1", ""), ("1.5", "_150")):
        env = {**os.environ, "QT_SCALE_FACTOR": scale, "QT_QPA_PLATFORM": "xcb"}
        command = ["xvfb-run", "-a", "-s", f"-screen 0 {SCREEN[0]}x{SCREEN[1]}x24", sys.executable, __file__,
                   "--child", "--suffix", suffix, "--out", str(HERE)]
        if subprocess.run(command, env=env, cwd=ROOT).returncode:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
