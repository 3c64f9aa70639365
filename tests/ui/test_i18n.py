"""The chosen language reaches Qt's own widgets: month and day names, Sunday-first weeks in every
calendar (the archive's date pop-up included), Qt's file and print dialogs in Japanese."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from ui.archive.filters import ArchiveFilterBar
from ui.i18n import _installed, install_language
from ui.qt import QCoreApplication, QDateEdit, QLocale, Qt


@pytest.fixture
def japanese(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    before = QLocale()
    install_language(qapp, "ja")
    yield
    for translator in list(_installed):
        qapp.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(before)


def test_every_calendar_is_japanese_and_starts_on_sunday(japanese, qtbot) -> None:  # type: ignore[no-untyped-def]
    bar = ArchiveFilterBar(date(2026, 12, 7))
    qtbot.addWidget(bar)
    edits = bar.findChildren(QDateEdit)
    assert edits
    for edit in edits:
        calendar = edit.calendarWidget()
        assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Sunday
        assert calendar.locale().monthName(12) == "12月"
        assert calendar.locale().dayName(7, QLocale.FormatType.ShortFormat) == "日"


def test_qt_dialogs_speak_japanese(japanese) -> None:  # type: ignore[no-untyped-def]
    assert QCoreApplication.translate("QFileDialog", "Files of type:") == "ファイルの種類:"
    assert QCoreApplication.translate("QPrintDialog", "Print") == "印刷"
    assert QCoreApplication.translate("QPageSetupWidget", "Paper") == "用紙"
