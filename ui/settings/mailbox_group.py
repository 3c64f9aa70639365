"""The 設定 group of the mailbox the bounces arrive in (不達の確認, IMAP) and its 接続テスト.
An empty server means no bounce check. Texts keep the ``SettingsView`` translation context
(written out in each call: pyside6-lupdate reads only the literal form)."""

from __future__ import annotations

from collections.abc import Callable

from oroshi_desktop.config import ImapSettings
from ui.qt import QCoreApplication, QGroupBox
from ui.settings import connections
from ui.settings.connection_test import ConnectionTest
from ui.settings.form import SettingsForm

IMAP_FIELDS = ("imap.host", "imap.port", "imap.security", "imap.username")
FOLDER_FIELDS = ("imap.folder", "imap.processed_folder")


class MailboxGroup(QGroupBox):
    def __init__(self, form: SettingsForm, test: Callable[[], None]) -> None:
        super().__init__(QCoreApplication.translate("SettingsView", "不達通知のメールボックス（IMAP）"), form)
        rows = form.form_layout(self)
        for name in IMAP_FIELDS:
            form.add_setting_row(rows, name)
        form.add_row(rows, "imap_password", QCoreApplication.translate("SettingsView", "パスワード"), password=True)
        for name in FOLDER_FIELDS:
            form.add_setting_row(rows, name)
        result = form.result_label("mailboxTestResult")
        rows.addRow(form.add_button("testMailbox", QCoreApplication.translate("SettingsView", "接続テスト"), test), result)
        self.test = ConnectionTest(result, form)

    def run_test(self, imap: ImapSettings, typed_password: str) -> None:
        """Log in and open the folder, on a pool thread; tells the number of notices waiting."""
        said = QCoreApplication.translate("SettingsView", "接続できました（未確認のメール {count} 件）")
        self.test.run(QCoreApplication.translate("SettingsView", "接続しています…"),
                      lambda: connections.test_mailbox(imap, typed_password=typed_password),
                      lambda waiting: said.format(count=waiting))
