"""English selected: the archive and settings views, and the 整合性チェック result, show no Japanese
except data (the rows, the values in the fields, and the language list's own "日本語").

The whole window, every view and dialog, is walked in ``test_english_walk.py``.
"""

from __future__ import annotations

from tests.ui.archive_fixtures import start_archive_env
from tests.ui.english_texts import JAPANESE, ui_texts
from ui.qt import (
    QAbstractButton,
    QMessageBox,
    QWidget,
)


def japanese_left(root: QWidget) -> list[str]:
    """No data to allow in these views' own texts (values in fields and cells are not read)."""
    return [t for t in ui_texts(root) if JAPANESE.search(t)]


def test_english_walk_of_the_archive_view(english, qtbot, qapp, sqlite_db) -> None:  # type: ignore[no-untyped-def]
    for env in start_archive_env(qtbot, qapp, sqlite_db):
        view = env.view
        assert japanese_left(view) == []
        assert view.model.index(0, 4).data() in ("Org.", "Producers")  # type: ignore[attr-defined]
        with qtbot.waitSignal(view.verified, timeout=20000):  # type: ignore[attr-defined]
            view.action("verifyArchive").trigger()  # type: ignore[attr-defined]
        box: QMessageBox = view.result_box  # type: ignore[attr-defined]
        assert box.text().startswith("All 8 documents match") and JAPANESE.search(box.windowTitle()) is None
        box.close()
        bar = view.filters  # type: ignore[attr-defined]
        bar.amount_min.setText("abc")
        bar.emit_now()
        assert bar.problem.text() == "Amount (min): enter a whole number of yen, 0 or more"


def test_english_walk_of_the_settings_view(english, qtbot, qapp, sqlite_db) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from oroshi_desktop.config import load_settings
    from oroshi_desktop.ledger import Ledger
    from ui.context import AppContext
    from ui.operations import wait_for_operations
    from ui.settings.view import SettingsView

    settings = replace(load_settings(), database_url="")
    ledger = Ledger.for_settings(sqlite_db, settings)
    view = SettingsView(AppContext(settings, sqlite_db, ledger))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitSignal(view.loaded, timeout=10000)
    try:
        assert japanese_left(view) == []
        view.edits["smtp_port"].setText("0")
        view.edits["company_invoice_number"].setText("T123")
        view.action("saveSettings").trigger()
        assert view.errors["smtp_port"].text() == "Port: 0 is not between 1 and 65535"  # the schema's rule
        assert view.errors["company_invoice_number"].text().startswith("Registration no.: enter T")
        assert japanese_left(view) == []
    finally:
        view.close()
        wait_for_operations()
        ledger.dispose()


def test_english_walk_of_the_viewer_and_the_confirmation(english, qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    import shiboken6

    from tests.ui.archive_fixtures import protected_pdf
    from ui.dialogs import confirm_box
    from ui.viewer import open_pdf, viewer_window
    from ui.viewer import window as viewer_module

    # the viewer is made once per app; one made in Japanese by an earlier test must not be reused
    if viewer_module._window is not None and shiboken6.isValid(viewer_module._window):
        shiboken6.delete(viewer_module._window)
    viewer_module._window = None
    window = open_pdf(None, protected_pdf("page one", "pw"), "statement.pdf", "pw")
    assert window is not None
    try:
        assert japanese_left(window) == []
        assert window.windowTitle() == "statement.pdf — PDF viewer"
    finally:
        viewer_window().close()
    box, _yes = confirm_box(None, "text", action="Delete")
    assert box.findChild(QAbstractButton, "confirmCancel").text() == "Cancel"
    box.deleteLater()
