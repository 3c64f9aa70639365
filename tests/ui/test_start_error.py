"""A settings mistake at start-up is a dialog, not a silent exit (no console from the Start menu)."""

from __future__ import annotations

from oroshi_desktop.cli import EXIT_USER_ERROR, main
from ui.qt import QApplication, QMessageBox, QTimer


def _close_start_box(seen: list[str]) -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.objectName() == "startErrorBox" and widget.isVisible():
            seen.append(widget.informativeText())
            widget.done(0)
            return
    QTimer.singleShot(20, lambda: _close_start_box(seen))


def test_broken_settings_file_shows_the_reason_in_a_dialog(qapp, tmp_path, monkeypatch, capsys):
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.toml").write_text('database_url = "sqlite:///x.db\n', encoding="utf-8")
    monkeypatch.setenv("OROSHI_HOME", str(home))
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _close_start_box(seen))
    assert main([]) == EXIT_USER_ERROR
    assert len(seen) == 1
    assert "settings.toml" in seen[0]
    assert "oroshi-desktop: error:" in capsys.readouterr().err


def test_a_command_line_mistake_stays_a_line_naming_the_section(qapp, tmp_path, monkeypatch, capsys):
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.toml").write_text("smtp = 3\n", encoding="utf-8")
    monkeypatch.setenv("OROSHI_HOME", str(home))
    assert main(["db", "check"]) == EXIT_USER_ERROR
    assert not [w for w in QApplication.topLevelWidgets() if w.objectName() == "startErrorBox"]
    err = capsys.readouterr().err
    assert "oroshi-desktop: error:" in err and "[smtp]" in err and "Traceback" not in err


def test_a_damaged_embedded_file_found_after_the_window_opened_is_shown_in_a_dialog(qapp, qtbot, tmp_path,
                                                                                    monkeypatch):
    """The window does not read every page before it opens; the queue starter's preparation does,
    off the GUI thread, and a damaged file becomes the one dialog naming it (the queue not started)."""
    from dataclasses import replace

    import ui.app
    from oroshi_desktop.config import load_settings
    from oroshi_desktop.db.engine import open_database
    from oroshi_desktop.ledger import Ledger
    from tests.core.test_integrity import damage_pages, real_database
    from ui.context import AppContext

    path = tmp_path / "oroshi.sqlite3"
    real_database(path)
    damage_pages(path)
    database = open_database(f"sqlite:///{path}", check_pages=False)
    settings = replace(load_settings(), database_url=f"sqlite:///{path}")
    shown: list[BaseException] = []
    started: list[bool] = []
    monkeypatch.setattr(ui.app, "show_error", lambda _parent, err: shown.append(err))
    monkeypatch.setattr(ui.app.QueueStarter, "start", lambda _self: started.append(True))
    ctx = AppContext(settings, database, Ledger.for_settings(database, settings))
    starter = ui.app.QueueStarter(qapp, ctx, prepared=False, max_delay=0.2)
    try:
        qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
        assert str(path) in shown[0].message_ja and "壊れています" in shown[0].message_ja
        assert not started
    finally:
        starter.stop()
        starter.deleteLater()
        ctx.ledger.dispose()
        database.dispose()
