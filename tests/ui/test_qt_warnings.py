"""The session-wide check itself: a Qt warning during a UI test is seen and would fail the test."""

from __future__ import annotations

from PySide6.QtCore import qWarning


def test_an_unexpected_qt_warning_is_caught(qt_warnings):
    qWarning("QObject: Cannot create children for a parent that is in a different thread.")
    assert qt_warnings.unexpected() == [
        "QObject: Cannot create children for a parent that is in a different thread."]
    qt_warnings.records.clear()  # seen; this test must not fail for it


def test_allowed_and_expected_messages_pass(qt_warnings):
    qWarning("This plugin does not support propagateSizeHints()")
    qt_warnings.expect("a warning this test provokes on purpose")
    qWarning("a warning this test provokes on purpose")
    assert qt_warnings.unexpected() == []
