"""The dialog for a mistake that stops the app before its window exists.

Started from the Start menu or a desktop entry there is no console: a bad settings file (broken
TOML, a password in a URL, an out-of-range value) printed only to stderr would make the app quit
without a word. The clerk sees this dialog instead, in Japanese, naming the file and field.
"""

from __future__ import annotations

from oroshi_desktop.errors import UserError
from ui.operations import app_title
from ui.qt import QApplication, QMessageBox


def start_error_box(err: UserError) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Critical, app_title(),
                      QApplication.translate("StartError", "アプリを起動できませんでした。"))
    box.setObjectName("startErrorBox")
    box.setInformativeText(err.message_ja)
    box.setDetailedText(err.message)  # the English line, for support
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box


def show_start_error(err: UserError) -> None:
    """Show ``err`` in a modal dialog, making the QApplication if none exists yet."""
    app = QApplication.instance() or QApplication(["oroshi-desktop"])
    assert app is not None
    start_error_box(err).exec()
