"""What goes into the frozen one-folder bundle besides what PyInstaller finds by itself.

Read by ``installer/oroshi-desktop.spec`` at build time and by ``tests/installer`` in every test run
(the cheap check that every name here still resolves). Plain Python with no PyInstaller import at
module level, so the test can import it without building anything.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path, PurePath

ROOT = Path(__file__).resolve().parent.parent
NAME = "oroshi-desktop"
WINDOW_NAME = "oroshi-desktop-window"
ICON_CANDIDATES = ("resources/icons/oroshi-desktop.ico", "resources/icons/oroshi-desktop.icns",
                   "resources/icons/oroshi-desktop-256.png")
ENTRY_SCRIPT = ROOT / "oroshi_desktop" / "__main__.py"
BUILD_INFO_FILE = "build_info.json"  # oroshi_desktop/version.py reads it beside itself in the bundle

# Imported by name at run time, where PyInstaller's import scan cannot see them.
HIDDEN_IMPORTS = [
    # The three platforms' keyring backends: keyring picks one through entry points at run time.
    # (PyInstaller's keyring hook adds every keyring.backends module and keyring's metadata too.)
    "keyring.backends.Windows",
    "keyring.backends.macOS",
    "keyring.backends.SecretService",
    "keyring.backends.kwallet",
    "keyring.backends.chainer",
    "keyring.backends.fail",
    "keyring.backends.null",
    # Qt modules the windows use (PySide6's hooks add each module's libraries and plugins).
    "PySide6.QtCore",
    "PySide6.QtGui",
    "PySide6.QtWidgets",
    "PySide6.QtPrintSupport",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtSvg",
    "PySide6.QtNetwork",  # QLocalServer: one app per user (a second start shows the first window)
    # psycopg loads its C implementation by name; SQLAlchemy its dialects by name.
    "psycopg_binary",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlalchemy.dialects.postgresql.psycopg",
    # The migrations are loaded from files (data below); what they import must be in the archive.
    "alembic.ddl.sqlite",
    "alembic.ddl.postgresql",
    "alembic.runtime.environment",
    "alembic.runtime.migration",
    # Huey's Redis storage for the shared queue (the redis extra is part of the lock).
    "redis",
    # ReportLab's C speedups, imported inside a try.
    "_rl_accel",
]

# Only installed on some systems (environment markers in the lock): added when present.
PLATFORM_HIDDEN_IMPORTS = [
    "secretstorage",   # Linux: Secret Service (GNOME Keyring, KWallet)
    "jeepney",         # Linux: the D-Bus client secretstorage uses
    "win32ctypes.core",  # Windows: Credential Locker
    "tzdata",          # Windows: the time-zone database (Linux and macOS have the system's)
]

# Python packages the app never uses at run time: the test tools, and Qt's heavy modules.
EXCLUDES = [
    "tkinter", "pytest", "_pytest", "pytestqt", "hypothesis", "aiosmtpd", "IPython", "pip", "setuptools",
    "PyInstaller",
    *(f"PySide6.{module}" for module in (
        "QtWebEngineCore", "QtWebEngineWidgets", "QtWebEngineQuick", "QtWebChannel", "QtWebSockets",
        "QtWebView", "Qt3DCore", "Qt3DRender", "Qt3DInput", "Qt3DLogic", "Qt3DAnimation", "Qt3DExtras",
        "QtMultimedia", "QtMultimediaWidgets", "QtSpatialAudio", "QtTextToSpeech", "QtQml", "QtQuick",
        "QtQuickWidgets", "QtQuickControls2", "QtQuick3D", "QtCharts", "QtDataVisualization", "QtGraphs",
        "QtGraphsWidgets", "QtBluetooth", "QtNfc", "QtPositioning", "QtLocation", "QtSensors", "QtSerialPort",
        "QtSerialBus", "QtRemoteObjects", "QtScxml", "QtStateMachine", "QtSql", "QtTest", "QtHttpServer",
        "QtDesigner", "QtUiTools", "QtHelp", "QtOpenGL", "QtOpenGLWidgets", "QtNetworkAuth", "QtConcurrent",
        "QtAxContainer", "QtXml", "QtSvgWidgets",
    )),
]

# Files PyInstaller's hooks collect that the app does not need (measured: 290 MB → see PERFORMANCE.md).
# - Qt's own translations: only Japanese (English, the source language, needs none).
# - Plugins for screens an office PC has not (EGL full-screen, framebuffer, VNC), touch and network
#   information, TLS (the app's mail and database TLS is Python's, not Qt's), the virtual keyboard
#   (it drags QML and Qt Quick in), and the GTK 3 theme (it drags libgtk-3 and its stack in for
#   native file dialogs; Qt's own dialogs and the XDG portal theme serve the app).
# - The libraries only those plugins load.
KEEP_QT_TRANSLATIONS = ("_ja.qm",)
DROP_QT_PLUGINS = (
    "platformthemes/libqgtk3", "platformthemes/qgtk3",
    "platforminputcontexts/libqtvirtualkeyboardplugin", "platforminputcontexts/qtvirtualkeyboardplugin",
    "platforms/libqeglfs", "platforms/libqlinuxfb", "platforms/libqvnc", "platforms/libqvkkhrdisplay",
    "platforms/libqminimalegl", "platforms/qminimalegl", "platforms/qvnc",
    "egldeviceintegrations/", "generic/", "networkinformation/", "tls/",
)
DROP_LIBRARIES = (
    "libQt6Qml", "libQt6Quick", "libQt6VirtualKeyboard", "libQt6EglFS", "libQt6EglFs",
    "Qt6Qml", "Qt6Quick", "Qt6VirtualKeyboard",
    "libgtk-3.", "libgdk-3.", "libatk-1.0.", "libatk-bridge-2.0.", "libatspi.", "libcairo-gobject.",
    "libcairo.", "libpangocairo-1.0.", "libpango-1.0.", "libpangoft2-1.0.", "libgdk_pixbuf-2.0.",
    "libepoxy.", "libXcomposite.", "libXdamage.", "libXinerama.", "libthai.", "libdatrie.", "libpixman-1.",
)


def data_files() -> list[tuple[str, str]]:
    """(source, folder in the bundle) pairs: the app's resources and the Alembic migrations.

    Everything under ``resources/`` (fonts, translations, icons, the .desktop file) is taken as it
    is, whatever other parts add there later; the migrations go in as source because Alembic loads
    them from files.
    """
    pairs: list[tuple[str, str]] = []
    for package, include_py in (("resources", False), ("oroshi_desktop/db/migrations", True)):
        base = ROOT / package
        for path in sorted(base.rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            if path.suffix == ".py" and not include_py:
                continue
            pairs.append((str(path), str(path.parent.relative_to(ROOT))))
    return pairs


def icon_file() -> str | None:
    """The program icon: .icns on macOS, .ico elsewhere (Windows uses it; Linux ignores it and takes the
    .desktop file's icon)."""
    order = sorted(ICON_CANDIDATES, key=lambda c: not c.endswith(".icns")) if sys.platform == "darwin" \
        else ICON_CANDIDATES
    for candidate in order:
        if (ROOT / candidate).is_file():
            return str(ROOT / candidate)
    return None


def app_version() -> str:
    """The version in oroshi_desktop/__init__.py, read as text (the spec must not import the app)."""
    text = (ROOT / "oroshi_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise SystemExit("oroshi_desktop/__init__.py has no __version__")
    return match.group(1)


def source_commit() -> str:
    """The checkout's short commit, with "+" when it has uncommitted changes; "" without git."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, check=True, timeout=30).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""
    return commit + ("+" if dirty else "")


def build_info_data(folder: str | Path, now: datetime | None = None) -> tuple[str, str]:
    """Write build_info.json (version, build time in UTC, commit) into ``folder`` (the build's work
    folder, never the source tree: a development install must stay 開発版) and return its
    (source, folder in the bundle) pair for the spec's datas."""
    path = Path(folder) / BUILD_INFO_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    info = {"version": app_version(), "built_at": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
            "commit": source_commit()}
    path.write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
    return str(path), "oroshi_desktop"


def hidden_imports() -> list[str]:
    return HIDDEN_IMPORTS + [name for name in PLATFORM_HIDDEN_IMPORTS if resolves(name)]


def resolves(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:  # a parent package is missing
        return False


def keep_file(destination: str) -> bool:
    """Whether a file PyInstaller collected belongs in the bundle (see the lists above)."""
    path = PurePath(destination).as_posix()
    if "/translations/" in path and path.endswith(".qm") and "PySide6/" in path:
        return path.endswith(KEEP_QT_TRANSLATIONS)
    if any(f"/plugins/{plugin}" in path for plugin in DROP_QT_PLUGINS):
        return False
    return not PurePath(path).name.startswith(DROP_LIBRARIES)
