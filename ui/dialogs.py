"""Small standard dialogs in Japanese: a confirmation whose buttons say what they do, and the
refusal of an action that cannot succeed, said before it starts."""

from __future__ import annotations

from ui.operations import app_title
from ui.qt import QAbstractButton, QCoreApplication, QDialog, QMessageBox, QWidget


def confirm(parent: QWidget | None, text: str, *, action: str, informative: str = "") -> bool:
    """Ask before an action that cannot be undone; the default button is the safe キャンセル."""
    box, yes = confirm_box(parent, text, action=action, informative=informative)
    box.exec()
    return box.clickedButton() is yes


def confirm_box(parent: QWidget | None, text: str, *, action: str,
                informative: str = "") -> tuple[QMessageBox, QAbstractButton]:
    """The confirmation dialog, not yet shown (``confirm`` runs it; screenshots show it)."""
    box = QMessageBox(QMessageBox.Icon.Question, app_title(), text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirmDialog")
    if informative:
        box.setInformativeText(informative)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName("confirmYes")
    cancel = box.addButton(QCoreApplication.translate("Dialogs", "キャンセル"), QMessageBox.ButtonRole.RejectRole)
    cancel.setObjectName("confirmCancel")
    box.setDefaultButton(cancel)
    return box, yes


def mail_server_missing(parent: QWidget | None) -> bool:
    """今すぐ送信 or 再送 with no mail server set: say so before anything is queued. True when the
    user chose 設定を開く."""
    box, open_settings = mail_server_missing_box(parent)
    box.exec()
    return box.clickedButton() is open_settings


def mail_server_missing_box(parent: QWidget | None) -> tuple[QMessageBox, QAbstractButton]:
    """The refusal, not yet shown (``mail_server_missing`` runs it; screenshots show it)."""
    box = QMessageBox(QMessageBox.Icon.Warning, app_title(), QCoreApplication.translate(
        "Dialogs", "メールサーバーが設定されていません。"), QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("mailServerMissing")
    box.setInformativeText(QCoreApplication.translate(
        "Dialogs", "「設定」の「メールサーバー（SMTP）」にサーバー名とポート番号を入力して保存してから、もう一度送信してください。"))
    open_settings = box.addButton(QCoreApplication.translate("Dialogs", "設定を開く"), QMessageBox.ButtonRole.AcceptRole)
    open_settings.setObjectName("openSettings")
    close = box.addButton(QCoreApplication.translate("Dialogs", "閉じる"), QMessageBox.ButtonRole.RejectRole)
    close.setObjectName("closeMessage")
    box.setDefaultButton(open_settings)
    return box, open_settings


# A title bar's icon and its three buttons: Windows 10/11 at 100 % draws each button 46 px wide.
TITLE_BAR_ROOM = 3 * 46 + 48


def hold_title(dialog: QDialog) -> None:
    """A dialog at least as wide as its title needs in the title bar (the window manager cuts a
    longer one with "…": まとめた出荷明細表 was cut on a narrow dialog). The title bar's font is the
    system's, often larger than the window's: a quarter more is allowed for it."""
    needed = int(dialog.fontMetrics().horizontalAdvance(dialog.windowTitle()) * 1.25) + TITLE_BAR_ROOM
    dialog.setMinimumWidth(max(dialog.minimumWidth(), needed))
