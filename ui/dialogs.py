"""Small standard dialogs in Japanese: a confirmation whose buttons say what they do, and the
refusal of an action that cannot succeed, said before it starts."""

from __future__ import annotations

from ui.operations import app_title
from ui.qt import QAbstractButton, QCoreApplication, QMessageBox, QWidget


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
