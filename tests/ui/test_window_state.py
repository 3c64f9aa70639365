"""The views' layouts (splitters, column widths) saved and restored by key (ui.window_state)."""

from __future__ import annotations

from ui.qt import QSettings, QSplitter, Qt, QWidget
from ui.window_state import restore_layout, save_layout


def _splitter(qtbot) -> QSplitter:
    splitter = QSplitter(Qt.Orientation.Horizontal)
    qtbot.addWidget(splitter)
    splitter.addWidget(QWidget())
    splitter.addWidget(QWidget())
    splitter.resize(1000, 300)
    return splitter


def test_a_layout_comes_back_under_its_key_and_an_unsaved_key_is_left_alone(qtbot, tmp_path) -> None:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    saved = _splitter(qtbot)
    saved.setSizes([700, 300])
    save_layout(settings, {"area/splitter": saved})
    settings.sync()

    again = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    restored, untouched = _splitter(qtbot), _splitter(qtbot)
    untouched.setSizes([200, 800])
    before = untouched.sizes()
    assert restore_layout(again, {"area/splitter": restored, "other/splitter": untouched}) == {"area/splitter"}
    assert restored.sizes() == saved.sizes()
    assert untouched.sizes() == before != saved.sizes()
