"""メールのプレビュー: each organization's mail exactly as it would be sent (headers, both bodies,
attachments), before anything is queued."""

from __future__ import annotations

from oroshi_desktop.mail.compose import MailPreview
from oroshi_desktop.mail.outbox import OrganizationMailPreview
from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    Qt,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from ui.viewer.window import fit_to_screen

NOTICE = "注意: 受信者のブラウザやメールアプリケーションにより、表示が若干異なる場合があります。"


def _value(text: str, name: str) -> QLabel:
    label = QLabel(text or "（なし）")
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class MailPage(QWidget):
    def __init__(self, mail: MailPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mail = mail
        form = QFormLayout()
        form.addRow("差出人 (From):", _value(mail.sender, "mailFrom"))
        form.addRow("宛先 (To):", _value("、".join(mail.to), "mailTo"))
        form.addRow("CC:", _value("、".join(mail.cc), "mailCc"))
        form.addRow("件名:", _value(mail.subject, "mailSubject"))
        form.addRow("添付:", _value("\n".join(mail.attachment_names), "mailAttachments"))
        self.bodies = QTabWidget(self)
        self.html_view = QTextBrowser(self)
        self.html_view.setObjectName("mailHtml")
        self.html_view.setOpenLinks(False)  # the preview never leaves the app
        self.html_view.setHtml(mail.html)
        self.text_view = QTextEdit(self)
        self.text_view.setObjectName("mailText")
        self.text_view.setReadOnly(True)
        self.text_view.setPlainText(mail.text)
        self.bodies.addTab(self.html_view, "HTML")
        self.bodies.addTab(self.text_view, "テキスト")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.bodies, 1)


class MailPreviewDialog(QDialog):
    def __init__(self, previews: list[OrganizationMailPreview], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mailPreviewDialog")
        self.setWindowTitle("メールのプレビュー")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mailPreviewTabs")
        self.pages: list[MailPage] = []
        for preview in previews:
            for n, mail in enumerate(preview.mails):
                page = MailPage(mail)
                self.pages.append(page)
                title = preview.organization_name if n == 0 else f"{preview.organization_name}（パスワード）"
                self.tabs.addTab(page, title)
        notice = QLabel(NOTICE)
        notice.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("閉じる")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(notice)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 620)
