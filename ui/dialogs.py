"""Small standard dialogs in Japanese: a confirmation whose buttons say what they do."""

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
