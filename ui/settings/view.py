"""設定: company data (the web system's ``oroshi_company_settings`` row), the database, SMTP, the bounce mailbox (IMAP)
connections (passwords to the OS keyring only), shared preferences, mail schedule and language.

Nothing is saved until every field is valid: 保存 checks them all, shows each problem under its
field, and only then writes the settings file, the keyring, and the database rows — off the GUI
thread. A stored password is never shown; an empty password field means "unchanged".
The language applies at the next start (Qt widgets built already keep their texts).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from oroshi_desktop.config import Settings, value_of, with_values
from oroshi_desktop.db import connection_check
from oroshi_desktop.domain.logo import LOGO_KEY, LogoError
from oroshi_desktop.settings_schema import BY_FORM_KEY as FORM_FIELDS_BY_KEY
from oroshi_desktop.settings_schema import FORM_FIELDS
from ui.context import AppContext
from ui.operations import Operation
from ui.qt import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSettings,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.settings import connections, store, validation
from ui.settings.connection_test import ConnectionTest
from ui.settings.form import ERROR_STYLE, SUCCESS_STYLE, Columns, SettingsForm, VerticalScroll
from ui.settings.logo import LogoField, converted_logo
from ui.settings.mailbox_group import MailboxGroup
from ui.settings.validation import FieldError

COMPANY_FIELDS = ("name", "postal_code", "address", "phone", "fax", "mail", "web", "invoice_number")
SCHEDULE_FIELDS = ("mail_schedule", "timezone")  # checked together (the next runs); by the same rules


class SettingsView(SettingsForm):
    loaded = Signal()           # the database part of the form is filled
    saved = Signal()            # everything was written
    logo_checked = Signal(bool)  # a picked logo was taken (True) or refused under its field

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settingsView")
        self.setAccessibleName(self.tr("設定"))
        self.title = self.tr("設定")
        self.company_extra: dict[str, Any] = {}

        self.mailbox = MailboxGroup(self, self.test_mailbox)
        left = [self._company_group(), self._preferences_group()]
        right = [self._database_group(), self._smtp_group(), self.mailbox, self._schedule_group()]
        # each test's outcome (ok, version or reason), as signals of the view
        self.connection_tested = self.database_test.finished
        self.mail_tested = self.mail_test.finished
        self.mailbox_tested = self.mailbox.test.finished
        self.body = Columns(left, right, self)
        # Not ``self.scroll``: that name is QWidget.scroll(dx, dy), which this would have hidden.
        self.scroll_area = scroll = VerticalScroll(self.body, self)
        self.problems = QLabel("", self)
        self.problems.setObjectName("settingsProblems")
        self.problems.setStyleSheet(ERROR_STYLE)
        self.problems.setWordWrap(True)
        self.save_button = self.add_button("saveSettings", self.tr("保存"), self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.problems, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        self._fill_from_settings(ctx.settings)
        self.refresh()

    # ---- building ------------------------------------------------------------------------------

    def _company_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("会社情報（支払明細書・出荷書類に印刷）"), self)
        form = self.form_layout(group)
        for key, label in zip(COMPANY_FIELDS, (self.tr("会社名"), self.tr("郵便番号"), self.tr("住所"),
                                               self.tr("電話番号"), self.tr("FAX番号"), self.tr("メール"),
                                               self.tr("ウェブサイト"), self.tr("登録番号")), strict=True):
            self.add_row(form, f"company_{key}", label)
        self.edits["company_invoice_number"].setPlaceholderText("T1234567890123")
        self.logo = LogoField(self)
        self.logo.choose_button.clicked.connect(lambda: self.choose_logo())
        self.logo.changed.connect(lambda: self._show_problems([]))
        self.add_row(form, "company_logo", self.tr("ロゴ画像"), self.logo)
        return group

    def choose_logo(self, path: str | None = None) -> None:
        """Pick (or take ``path``); checked and converted off the GUI thread, then shown, or refused
        under the field (``logo_checked`` tells which). Saves nothing."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("ロゴ画像"), "", self.tr("画像 (*.png *.jpg *.jpeg)"))
            if not path:
                return
        picked = Path(path)

        def accepted(png: bytes) -> None:
            self.logo.accept_png(png)
            self.logo_checked.emit(True)

        def refused(err: BaseException) -> None:  # shown under the field; other fields' lines stay
            if not isinstance(err, LogoError):
                err = LogoError(store.error_text(err), store.error_text(err))
            message = f"{self.labels['company_logo']}: {err.message}"
            self.errors["company_logo"].setText(message)
            self.errors["company_logo"].show()
            self.problems.setText(message)
            self.logo_checked.emit(False)

        Operation(self, lambda: converted_logo(picked)).success(accepted).failure(refused).run()

    def _preferences_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("書類の設定（全員共通）"), self)
        form = self.form_layout(group)
        self.add_combo(form, "rounding", self.tr("端数処理"), (("half_up", self.tr("四捨五入")),
                                                          ("truncate", self.tr("切り捨て"))))
        self.add_combo(form, "password_delivery", self.tr("パスワードの送付"),
                    (("same_mail", self.tr("同じメール")), ("separate_mail", self.tr("別のメール"))))
        self.add_combo(form, "chart_paper", self.tr("出荷表の用紙"), (("jis_b4", "JIS B4"), ("iso_b4", "ISO B4")))
        self.add_combo(form, "zero_statements", self.tr("¥0の明細書"),
                    (("skip", self.tr("メールしない")), ("send", self.tr("メールする"))))
        return group

    def _database_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("データベース"), self)
        form = self.form_layout(group)
        self.add_setting_row(form, "database_url")
        self.add_row(form, "database_password", self.tr("パスワード"), password=True)
        result = self.result_label("databaseTestResult")
        form.addRow(self.add_button("testDatabaseConnection", self.tr("接続テスト"), self.test_database), result)
        self.database_test = ConnectionTest(result, self)
        return group

    def _smtp_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("メールサーバー（SMTP）"), self)
        form = self.form_layout(group)
        for name in ("smtp.host", "smtp.port", "smtp.security", "smtp.username"):
            self.add_setting_row(form, name)
        self.add_row(form, "smtp_password", self.tr("パスワード"), password=True)
        self.add_setting_row(form, "smtp.sender")
        self.add_row(form, "test_address", self.tr("テスト送信先"))
        result = self.result_label("mailTestResult")
        form.addRow(self.add_button("sendTestMail", self.tr("テストメール"), self.test_mail), result)
        self.mail_test = ConnectionTest(result, self)
        return group

    def _schedule_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("自動送信・その他"), self)
        form = self.form_layout(group)
        self.add_setting_row(form, "mail_schedule")
        self.add_setting_row(form, "timezone")
        self.next_runs = self.result_label("scheduleNextRuns")
        form.addRow(self.wrapping_label(self.tr("次回の実行")), self.next_runs)
        self.add_setting_row(form, "plausible_line_amount")
        self.add_row(form, "output_folder", self.tr("出力フォルダー"))
        choose = QPushButton(self.tr("参照…"), self)
        choose.clicked.connect(self._choose_folder)
        form.addRow("", choose)
        self.add_combo(form, "language", self.tr("表示言語（次回起動時）"),
                    (("ja", "日本語"), ("en", "English")))
        self.add_combo(form, "start_view", self.tr("起動時の画面"),
                    (("last", self.tr("前回の画面")), ("today", self.tr("今日"))))
        self.edits["mail_schedule"].editingFinished.connect(self._show_next_runs)
        self.edits["timezone"].editingFinished.connect(self._show_next_runs)
        return group

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("出力フォルダー"), self.edits["output_folder"].text())
        if folder:
            self.edits["output_folder"].setText(folder)

    # ---- filling -------------------------------------------------------------------------------

    def _set_combo(self, key: str, value: str) -> None:
        combo = self.combos[key]
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def _fill_from_settings(self, settings: Settings) -> None:
        for setting in FORM_FIELDS:
            value = value_of(settings, setting)
            if setting.choices:
                self._set_combo(setting.form_key, value)
            else:  # the yen limit with its thousands commas, as typed; a port never has them
                self.edits[setting.form_key].setText(f"{value:,}" if setting.name == "plausible_line_amount"
                                                     else str(value))
        local = store.local_preferences(settings)
        self.edits["output_folder"].setText(str(local.value("output_folder", "", str)))
        self._set_combo("language", str(local.value("language", "ja", str)))
        self.edits["test_address"].setText(str(local.value("test_address", "", str)))
        self._set_combo("start_view", str(local.value("start_view", "last", str)))
        self._show_next_runs()

    def refresh(self) -> None:
        database = self.ctx.database

        def work() -> tuple[dict[str, Any], dict[str, str]]:
            return store.load(database)

        def done(result: tuple[dict[str, Any], dict[str, str]]) -> None:
            company, shared = result
            self.company_extra = company
            for key in COMPANY_FIELDS:
                self.edits[f"company_{key}"].setText(str(company.get(key) or ""))
            self.logo.set_stored(company.get(LOGO_KEY))
            for key, value in shared.items():
                self._set_combo(key, value)
            self.loaded.emit()

        Operation(self, work).success(done).run()

    def _show_next_runs(self) -> None:
        try:
            plan = self._schedule()
        except FieldError as err:
            self.next_runs.setText(err.message)
            return
        self.next_runs.setText(self.tr("、").join(f"{run:%m/%d %H:%M}" for run in plan.next_runs)
                               or self.tr("31日以内に実行されません"))

    def _schedule(self) -> validation.Schedule:
        tz = validation.time_zone(self.edits["timezone"].text(), self.labels["timezone"])
        return validation.schedule(self.edits["mail_schedule"].text(), tz, self.labels["mail_schedule"],
                                   now=datetime.now(tz))

    # ---- checking and saving -------------------------------------------------------------------

    def collect(self) -> store.SettingsChange:
        """Every field checked; raises ``ExceptionGroup`` of ``FieldError`` when any is wrong."""
        text = {key: edit.text() for key, edit in self.edits.items()}
        text["imap_folder"] = text["imap_folder"].strip() or "INBOX"
        problems: list[FieldError] = []

        def check(key: str, fn: Any, *args: Any) -> Any:
            try:
                return fn(text[key], self.labels[key], *args)
            except FieldError as err:
                problems.append(FieldError(key, f"{self.labels[key]}: {err.message}"))
                return None

        number = check("company_invoice_number", validation.registration_number)
        check("company_mail", validation.mail_address)
        values = {setting.name: self.combos[setting.form_key].currentData() if setting.choices
                  else check(setting.form_key, validation.setting_value, setting)
                  for setting in FORM_FIELDS if setting.name not in SCHEDULE_FIELDS}
        plan: validation.Schedule | None = None
        try:
            plan = self._schedule()
        except FieldError as err:
            key = "timezone" if err.field == self.labels["timezone"] else "mail_schedule"
            problems.append(FieldError(key, f"{self.labels[key]}: {err.message}"))
        if problems:
            raise ExceptionGroup("settings", problems)
        assert plan is not None
        company = {**self.company_extra, **{key: text[f"company_{key}"].strip() for key in COMPANY_FIELDS}}
        company["invoice_number"] = number
        company[LOGO_KEY] = self.logo.value()  # None: removed (the key leaves the row)
        settings = with_values(self.ctx.settings, {**values, "mail_schedule": plan.expression,
                                                   "timezone": text["timezone"].strip()})
        return store.SettingsChange(
            settings=settings, company=company,
            shared={key: self.combos[key].currentData() for key in store.SHARED_KEYS},
            database_password=text["database_password"], smtp_password=text["smtp_password"],
            output_folder=text["output_folder"].strip(), language=self.combos["language"].currentData(),
            test_address=text["test_address"].strip(), start_view=self.combos["start_view"].currentData(),
            imap_password=text["imap_password"])

    def _show_problems(self, problems: list[FieldError]) -> None:
        for label in self.errors.values():
            label.hide()
            label.setText("")
        for problem in problems:
            label = self.errors[problem.field]
            label.setText(problem.message)
            label.show()
        self.problems.setStyleSheet(ERROR_STYLE)
        self.problems.setText("\n".join(p.message for p in problems))

    def save(self) -> None:
        try:
            change = self.collect()
        except ExceptionGroup as group:
            self._show_problems([e for e in group.exceptions if isinstance(e, FieldError)])
            return
        self._show_problems([])
        database = self.ctx.database
        database_changed = change.settings.database_url != self.ctx.settings.database_url
        language_changed = change.language != store.local_preferences(self.ctx.settings).value("language", "ja", str)

        def work() -> None:
            store.save(change, database)

        def done(_: None) -> None:
            self.edits["database_password"].clear()
            self.edits["smtp_password"].clear()
            self.edits["imap_password"].clear()
            self.ctx.apply_settings(change.settings, reconnect=database_changed)
            self.problems.setStyleSheet(SUCCESS_STYLE)
            text = self.tr("保存しました。送信キューと自動送信は新しい設定で動きます。")
            if language_changed:
                text += " " + self.tr("表示言語は次回の起動から変わります。")
            self.problems.setText(text)
            self.saved.emit()

        Operation(self, work, label=self.tr("設定を保存しています…")).success(done).run()

    # ---- tests of the connections --------------------------------------------------------------

    def test_database(self) -> None:
        try:
            url = validation.setting_value(self.edits["database_url"].text(), self.labels["database_url"],
                                           FORM_FIELDS_BY_KEY["database_url"])
        except FieldError as err:
            self._show_problems([FieldError("database_url", f"{self.labels['database_url']}: {err.message}")])
            return
        url = url or self.ctx.settings.effective_database_url
        typed = self.edits["database_password"].text()
        self.database_test.run(self.tr("接続しています…"), lambda: connection_check.server_version(url, typed), str)

    def test_mail(self) -> None:
        try:
            change = self.collect()
            to = validation.mail_address(self.edits["test_address"].text(), self.labels["test_address"], required=True)
        except ExceptionGroup as group:
            self._show_problems([e for e in group.exceptions if isinstance(e, FieldError)])
            return
        except FieldError as err:
            self._show_problems([FieldError("test_address", f"{self.labels['test_address']}: {err.message}")])
            return
        smtp = change.settings.smtp
        sender = smtp.sender or str(change.company.get("mail") or "")
        if not sender:
            self._show_problems([FieldError("smtp_sender", self.tr("差出人: 差出人か会社のメールを入力してください"))])
            return
        typed = change.smtp_password
        settings = self.ctx.settings

        def send() -> object:
            sent = connections.send_test_mail(smtp, sender=sender, to=to, typed_password=typed)
            store.remember_test_address(settings, to)  # the next テストメール goes to the same place
            return sent

        self.mail_test.run(self.tr("送信しています…"), send, lambda _id: self.tr("{to} に送信しました").format(to=to))

    def test_mailbox(self) -> None:
        """接続テスト of the bounce mailbox: log in and open the folder, on a pool thread."""
        try:
            change = self.collect()
        except ExceptionGroup as group:
            self._show_problems([e for e in group.exceptions if isinstance(e, FieldError)])
            return
        self.mailbox.run_test(change.settings.imap, change.imap_password)

    # ---- the view contract ---------------------------------------------------------------------

    def focus_search(self) -> None:
        self.edits["company_name"].setFocus()

    def show_target(self, target: object) -> None:
        """Another view sent the user here for one field (``"smtp_host"``): show and focus it."""
        edit = self.edits.get(str(target))
        if edit is not None:
            self.scroll_area.ensureWidgetVisible(edit)
            edit.setFocus()

    def print_current(self) -> None:
        """Nothing to print in the settings."""

    def new_item(self) -> None:
        """Nothing to create in the settings."""

    def save_state(self, settings: QSettings) -> None:
        """The form has no layout state of its own."""

    def restore_state(self, settings: QSettings) -> None:
        """The form has no layout state of its own."""

