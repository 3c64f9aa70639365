"""設定: the ロゴ画像 field (picked, checked, previewed, saved into the company row, removed; a broken
or oversized file refused naming the field) and the form fitting 1366×768 at 150 % with no
sideways scrolling, in Japanese and in English."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PIL import Image
from sqlalchemy import select

from oroshi_desktop.config import load_settings
from oroshi_desktop.db.models import COMPANY_SETTINGS_NAME, SettingsRow
from oroshi_desktop.ledger import Ledger
from tests.printables.test_logo import logo_png
from ui.context import AppContext
from ui.qt import QMainWindow

# 1366×768 at 150 %: the window's logical size (the main window's navigation takes ~110 px more)
SCALED = (round(1366 / 1.5) - 110, round(768 / 1.5) - 60)


@pytest.fixture
def view(qtbot, qapp, db) -> Iterator:  # type: ignore[no-untyped-def]
    from tests.ui.pdf_fixtures import japanese_app
    from ui.operations import wait_for_operations
    from ui.settings.view import SettingsView

    japanese_app(qapp)
    with db.write() as session:
        session.add(SettingsRow(name=COMPANY_SETTINGS_NAME, settings={"name": "株式会社テスト水産", "other": "keep"}))
    settings = replace(load_settings(), database_url=db.url.render_as_string(hide_password=False))
    ledger = Ledger.for_settings(db, settings)
    window = QMainWindow()
    widget = SettingsView(AppContext(settings, db, ledger), window)
    window.setCentralWidget(widget)
    window.resize(1366, 768)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: widget.edits["company_name"].text() == "株式会社テスト水産", timeout=10000)
    widget.test_db = db
    try:
        yield widget
    finally:
        window.close()
        wait_for_operations()
        ledger.dispose()


def _company_row(db) -> dict:  # type: ignore[no-untyped-def]
    with db.read() as session:
        return dict(session.scalar(select(SettingsRow.settings).where(SettingsRow.name == COMPANY_SETTINGS_NAME)))


def _choose(qtbot, view, path) -> bool:  # type: ignore[no-untyped-def]
    """Pick a file; the check runs off the GUI thread and says whether the logo was taken."""
    with qtbot.waitSignal(view.logo_checked, timeout=10000) as blocker:
        view.choose_logo(str(path))
    return bool(blocker.args[0])


def _save(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(view.saved, timeout=10000):
        view.action("saveSettings").trigger()


def test_a_picked_jpeg_is_previewed_stored_as_png_and_removed(view, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    picture = tmp_path / "logo.jpg"
    Image.new("RGB", (2400, 800), (200, 30, 30)).save(picture, "JPEG")
    assert view.logo.preview.text() == "ロゴなし" and not view.logo.remove_button.isEnabled()
    assert _choose(qtbot, view, picture)
    assert not view.logo.preview.pixmap().isNull() and view.logo.remove_button.isEnabled()
    assert _company_row(view.test_db).get("logo_png") is None, "nothing is saved before 保存"
    _save(qtbot, view)
    row = _company_row(view.test_db)
    assert row["other"] == "keep" and row["name"] == "株式会社テスト水産"
    png = base64.b64decode(row["logo_png"])
    assert png.startswith(b"\x89PNG")
    from io import BytesIO

    with Image.open(BytesIO(png)) as stored:
        assert stored.size == (1200, 400)  # scaled down to the stored limit, aspect kept
    view.logo.remove()
    _save(qtbot, view)
    assert "logo_png" not in _company_row(view.test_db) and _company_row(view.test_db)["other"] == "keep"


def test_an_unchanged_logo_stays_as_stored(view, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.png").write_bytes(logo_png())
    assert _choose(qtbot, view, tmp_path / "a.png")
    _save(qtbot, view)
    stored = _company_row(view.test_db)["logo_png"]
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.refresh()
    assert not view.logo.preview.pixmap().isNull()
    view.edits["company_phone"].setText("011-000-0000")
    _save(qtbot, view)
    assert _company_row(view.test_db)["logo_png"] == stored


@pytest.mark.parametrize(("content", "expected"), [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "画像を読み込めません"),
    (b"GIF89a" + b"\x00" * 100, "PNGまたはJPEGの画像を選んでください"),
    (None, "画像の大きさが範囲外です"),
    (b"x" * 5_000_001, "ファイルが大きすぎます"),
])
def test_a_broken_or_oversized_image_is_refused_naming_the_field(view, qtbot, tmp_path, content, expected) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.png"
    if content is None:
        Image.new("L", (4100, 10), 0).save(path, "PNG")
    else:
        path.write_bytes(content)
    assert not _choose(qtbot, view, path)
    error = view.errors["company_logo"]
    assert error.isVisible() and error.text().startswith("ロゴ画像: ") and expected in error.text()
    assert view.logo.preview.text() == "ロゴなし"
    _save(qtbot, view)  # the other fields still save; the logo stays as it was (none)
    assert "logo_png" not in _company_row(view.test_db)


def test_bad_logo_data_in_the_row_is_shown_as_unreadable(view, qtbot) -> None:  # type: ignore[no-untyped-def]
    with view.test_db.write() as session:
        row = session.scalar(select(SettingsRow).where(SettingsRow.name == COMPANY_SETTINGS_NAME))
        row.settings = {**row.settings, "logo_png": "%%%not-base64"}
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.refresh()
    assert "読み込めません" in view.logo.preview.text() and view.logo.remove_button.isEnabled()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_form_fits_1366x768_at_150_percent_without_sideways_scrolling(view, qtbot, qapp, language) -> None:  # type: ignore[no-untyped-def]
    if language == "en":
        from ui.i18n import install_language

        install_language(qapp, "en")
        from ui.settings.view import SettingsView

        window = view.window()
        view = SettingsView(view.ctx, window)
        window.setCentralWidget(view)
    window = view.window()
    window.resize(1366, 768)
    qtbot.wait(50)
    assert view.body.single is False, "two columns at 100 %"
    window.resize(*SCALED)
    qtbot.waitUntil(lambda: view.body.single is True, timeout=3000)
    qtbot.wait(50)
    viewport = view.scroll_area.viewport().width()
    assert view.body.width() <= viewport
    assert view.body.minimumSizeHint().width() <= viewport, "one column fits the width"
    assert not view.scroll_area.horizontalScrollBar().isVisible()
    assert view.scroll_area.verticalScrollBar().maximum() > 0  # it scrolls down instead
    for edit in view.edits.values():
        if edit.isVisible():
            assert edit.width() >= 120, edit.objectName()  # a field stays usable
    if language == "en":
        from ui.i18n import install_language

        install_language(qapp, "ja")
