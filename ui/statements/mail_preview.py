"""メールのプレビュー: each organization's mail exactly as it would be sent (headers, both bodies,
attachments), before anything is queued."""

from __future__ import annotations

from oroshi_desktop.mail.compose import MailPreview
from oroshi_desktop.mail.outbox import OrganizationMailPreview
from ui.qt import (
    QCoreApplication,
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

translate = QCoreApplication.translate  # lupdate reads translate("Context", "source")



def _value(text: str, name: str) -> QLabel:
    label = QLabel(text or translate("MailPreviewDialog", "（なし）"))
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class MailPage(QWidget):
    def __init__(self, mail: MailPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mail = mail
        form = QFormLayout()
        form.addRow(self.tr("差出人 (From):"), _value(mail.sender, "mailFrom"))
        form.addRow(self.tr("宛先 (To):"), _value(self.tr("、").join(mail.to), "mailTo"))
        form.addRow(self.tr("CC:"), _value(self.tr("、").join(mail.cc), "mailCc"))
        form.addRow(self.tr("件名:"), _value(mail.subject, "mailSubject"))
        form.addRow(self.tr("添付:"), _value("\n".join(mail.attachment_names), "mailAttachments"))
        self.bodies = QTabWidget(self)
        self.html_view = QTextBrowser(self)
        self.html_view.setObjectName("mailHtml")
        self.html_view.setOpenLinks(False)  # the preview never leaves the app
        self.html_view.setHtml(mail.html)
        self.text_view = QTextEdit(self)
        self.text_view.setObjectName("mailText")
        self.text_view.setReadOnly(True)
        self.text_view.setPlainText(mail.text)
        self.bodies.addTab(self.html_view, self.tr("HTML"))
        self.bodies.addTab(self.text_view, self.tr("テキスト"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.bodies, 1)


class MailPreviewDialog(QDialog):
    def __init__(self, previews: list[OrganizationMailPreview], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mailPreviewDialog")
        self.setWindowTitle(self.tr("メールのプレビュー"))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mailPreviewTabs")
        self.pages: list[MailPage] = []
        for preview in previews:
            for n, mail in enumerate(preview.mails):
                page = MailPage(mail)
                self.pages.append(page)
                name = preview.organization_name
                title = name if n == 0 else self.tr("{name}（パスワード）").format(name=name)
                self.tabs.addTab(page, title)
        notice = QLabel(self.tr("注意: 受信者のブラウザやメールアプリケーションにより、表示が若干異なる場合があります。"))
        notice.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("閉じる"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(notice)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 620)
