"""The main window on the embedded demo database (real widgets, offscreen)."""

from __future__ import annotations

from oroshi_desktop.config import load_settings
from ui.app import install_font, prepare_database
from ui.main_window import MainWindow


def test_empty_embedded_database_is_filled_and_shown(qtbot, qapp, _isolated_home):
    install_font(qapp)
    settings = load_settings()
    database = prepare_database(settings)
    window = MainWindow(database, settings)
    qtbot.addWidget(window)
    window.show()
    text = window.status.text()
    assert "状態: 正常" in text
    assert "供給組織: 3 件" in text and "支払明細書: 3 件" in text
    assert qapp.font().family().startswith("BIZ UDP")
    database.dispose()
