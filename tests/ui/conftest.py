"""UI test fixtures: the shell on a prepared database and a way to answer confirmation dialogs
through their buttons. A test in which Qt logs a warning fails through pytest-qt's own
``qt_log_level_fail`` (configured in pyproject.toml, the harmless offscreen notes in
``qt_log_ignore``)."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import shiboken6

from oroshi_desktop.config import Settings, load_settings
from oroshi_desktop.db.engine import Database
from oroshi_desktop.ledger import Ledger
from tests.helpers.smtp_server import SmtpTestServer
from ui.qt import QApplication, QPushButton, QTimer


def answer_dialog(object_name: str, button_name: str, *, timeout_ms: int = 10_000) -> list[str]:
    """Click ``button_name`` in the next visible top-level ``object_name`` (a modal dialog's own
    event loop runs meanwhile); returns a list that receives the dialog's text once answered."""
    seen: list[str] = []
    left = [timeout_ms // 20]

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == object_name and widget.isVisible():
                seen.append(widget.text() + "\n" + widget.informativeText()
                            if hasattr(widget, "informativeText") else "")
                widget.findChild(QPushButton, button_name).click()
                return
        left[0] -= 1
        if left[0] > 0:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


@pytest.fixture
def make_shell(qtbot, qapp) -> Iterator[Callable[..., Any]]:
    """``make_shell(settings, database)`` → a shown ``MainWindow`` on its own ledger; with
    ``queue=True`` the embedded queue runs too (``window.starter``)."""
    from ui.app import QueueStarter, install_font
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.operations import wait_for_operations

    install_font(qapp)
    made: list[tuple[Any, Any, Ledger]] = []

    def make(settings: Settings, database: Database, *, queue: bool = False, online: bool = True) -> MainWindow:
        ledger = Ledger.for_settings(database, settings)
        ctx = AppContext(settings, database, ledger)
        ctx.online = online
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        starter = QueueStarter(qapp, ctx, prepared=online, max_delay=0.2) if queue else None
        window.starter = starter  # type: ignore[attr-defined]
        made.append((window, starter, ledger))
        return window

    yield make
    for window, starter, ledger in made:
        window.monitor.stop()
        if starter is not None:
            starter.stop()
            starter.deleteLater()
        window.close()
        wait_for_operations()
        ledger.dispose()


@pytest.fixture
def smtp_server() -> Iterator[SmtpTestServer]:
    """aiosmtpd on loopback, for the views that send statement mail."""
    with SmtpTestServer.running() as server:
        yield server


def settings_for(database: Database, **smtp: Any) -> Settings:
    settings = replace(load_settings(), database_url=database.url.render_as_string(hide_password=False))
    if smtp:
        settings = replace(settings, smtp=replace(settings.smtp, **smtp))
    return settings


# ---- English (issue-i18n): compiled from the sources for the run, so tests see what is wrapped now ----

BUILD_SCRIPT = Path(__file__).resolve().parents[2] / "resources" / "translations" / "build.py"


def _build_module() -> Any:
    spec = importlib.util.spec_from_file_location("translations_build", BUILD_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def english_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("english")
    _build_module().build(folder)
    return folder


@pytest.fixture
def english(qapp, english_qm: Path) -> Iterator[None]:  # type: ignore[no-untyped-def]
    from ui.i18n import install_language
    from ui.viewer import window as viewer_module

    def forget_viewer() -> None:  # the viewer is made once per app: not one made in the other language
        if viewer_module._window is not None and shiboken6.isValid(viewer_module._window):
            viewer_module._window.close()
            shiboken6.delete(viewer_module._window)
        viewer_module._window = None

    forget_viewer()
    assert install_language(qapp, "en", english_qm) == "en"
    try:
        yield
    finally:
        forget_viewer()
        install_language(qapp, "ja")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Let the pool threads of the test's operations finish before its fixtures tear the widgets
    down: a pool thread emitting a finished operation while a view was being deleted crashed
    PySide (a segmentation fault, ui/operations.py) about once in a few thousand ui tests."""
    yield
    from ui.operations import wait_for_operations

    wait_for_operations(30000)
