"""設定: saving (passwords only in the keyring), refusing bad fields by name, 接続テスト and テストメール."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, replace

import pytest
from sqlalchemy import select

from oroshi_desktop.config import load_settings
from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import COMPANY_SETTINGS_NAME, Preference, SettingsRow
from oroshi_desktop.ledger import Ledger
from oroshi_desktop.secrets import SERVICE, database_key, smtp_key
from tests.helpers.smtp_server import SmtpTestServer
from ui.context import AppContext
from ui.qt import QMainWindow

DB_PASSWORD = "db-Secret-9f3k"
SMTP_PASSWORD = "smtp-Secret-x7q2"


@dataclass
class SettingsEnv:
    database: Database
    ctx: AppContext
    view: object
    window: QMainWindow


@pytest.fixture
def env(qtbot, qapp, db) -> Iterator[SettingsEnv]:  # type: ignore[no-untyped-def]
    from tests.ui.pdf_fixtures import japanese_app
    from ui.operations import wait_for_operations
    from ui.settings.view import SettingsView

    japanese_app(qapp)
    with db.write() as session:
        session.add(SettingsRow(name=COMPANY_SETTINGS_NAME, settings={"name": "株式会社テスト水産", "logo_note": "keep"}))
    settings = replace(load_settings(), database_url=db.url.render_as_string(hide_password=False))
    ledger = Ledger.for_settings(db, settings)
    ctx = AppContext(settings, db, ledger)
    window = QMainWindow()
    view = SettingsView(ctx, window)
    window.setCentralWidget(view)
    window.resize(1366, 768)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: view.edits["company_name"].text() == "株式会社テスト水産", timeout=10000)
    try:
        yield SettingsEnv(db, ctx, view, window)
    finally:
        window.close()
        wait_for_operations()
        ledger.dispose()


def _fill(view, **values: str) -> None:  # type: ignore[no-untyped-def]
    for key, value in values.items():
        view.edits[key].setText(value)


def test_save_puts_passwords_in_the_keyring_only(env: SettingsEnv, qtbot, memory_keyring, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    view = env.view
    url = "postgresql://office@db.example.jp:5432/oroshi"
    _fill(view, company_name="株式会社オロシ水産", company_invoice_number="T7000012050002",
          company_mail="office@example.jp", database_url=url, database_password=DB_PASSWORD,
          smtp_host="smtp.example.jp", smtp_port="587", smtp_username="office", smtp_password=SMTP_PASSWORD,
          mail_schedule="0 9 * * 1-5", timezone="Asia/Tokyo", plausible_line_amount="３,０００,０００")
    view.combos["rounding"].setCurrentIndex(view.combos["rounding"].findData("truncate"))
    view.combos["language"].setCurrentIndex(view.combos["language"].findData("en"))
    old_database = env.ctx.database
    with qtbot.waitSignal(view.saved, timeout=10000):
        view.action("saveSettings").trigger()
    assert memory_keyring.store[(SERVICE, database_key("office", "db.example.jp", 5432, "oroshi"))] == DB_PASSWORD
    assert memory_keyring.store[(SERVICE, smtp_key("office", "smtp.example.jp"))] == SMTP_PASSWORD
    toml = env.ctx.settings.paths.settings_file.read_text(encoding="utf-8")
    assert url in toml and "0 9 * * 1-5" in toml and "plausible_line_amount = 3000000" in toml
    assert DB_PASSWORD not in toml and SMTP_PASSWORD not in toml
    with old_database.read() as session:
        company = session.scalars(select(SettingsRow.settings).where(SettingsRow.name == COMPANY_SETTINGS_NAME)).one()
        prefs = {p.key: p.value for p in session.scalars(select(Preference))}
    assert company["name"] == "株式会社オロシ水産" and company["invoice_number"] == "T7000012050002"
    assert company["logo_note"] == "keep"  # the web system's other keys stay
    assert prefs["statement.rounding"] == "truncate"
    assert DB_PASSWORD not in repr(company) + repr(prefs) and SMTP_PASSWORD not in repr(company) + repr(prefs)
    assert DB_PASSWORD not in caplog.text and SMTP_PASSWORD not in caplog.text
    assert (env.ctx.settings.paths.config_dir / "ui.ini").read_text().count("language=en") == 1
    # the one setting that needs a restart says so in the saved message, which looks like success
    assert view.problems.text().startswith("保存しました。") and "次回の起動" in view.problems.text()
    assert "#b00020" not in view.problems.styleSheet()
    # the password fields are empty again, and a new connection replaced the old one
    assert view.edits["database_password"].text() == "" and view.edits["smtp_password"].text() == ""
    assert env.ctx.database is not old_database and env.ctx.settings.database_url == url


@pytest.mark.parametrize(("key", "value", "field"), [
    ("company_invoice_number", "T7000012050003", "登録番号"),
    ("mail_schedule", "*/10 * *", "メール確認（cron）"),
    ("smtp_port", "70000", "ポート番号"),
    ("smtp_host", "smtp\x07.example.jp", "サーバー名"),  # a control character (a NUL crashed every mail check)
    ("smtp_host", "smtp example.jp", "サーバー名"),
    ("smtp_host", "s" * 254, "サーバー名"),
    ("database_url", "mysql://me@host/db", "接続先URL"),
    ("database_url", "postgresql://me:pw@host/db", "接続先URL"),
    ("plausible_line_amount", "0", "明細行の警告金額（円）"),
    ("plausible_line_amount", "五百万", "明細行の警告金額（円）"),
])
def test_a_bad_field_is_refused_by_name_and_nothing_is_saved(env: SettingsEnv, qtbot, key: str, value: str,
                                                           field: str) -> None:  # type: ignore[no-untyped-def]
    view = env.view
    settings_file = env.ctx.settings.paths.settings_file
    before = settings_file.read_bytes() if settings_file.exists() else None
    _fill(view, company_name="変えた名前", **{key: value})
    view.action("saveSettings").trigger()
    error = view.errors[key]
    assert error.isVisibleTo(view) and field in error.text()
    assert field in view.problems.text()
    qtbot.wait(200)
    assert (settings_file.read_bytes() if settings_file.exists() else None) == before
    with env.database.read() as session:
        company = session.scalars(select(SettingsRow.settings).where(SettingsRow.name == COMPANY_SETTINGS_NAME)).one()
    assert company["name"] == "株式会社テスト水産"


def test_next_three_runs_of_the_schedule_are_shown(env: SettingsEnv) -> None:
    view = env.view
    _fill(view, mail_schedule="30 9 * * *", timezone="Asia/Tokyo")
    view.edits["mail_schedule"].editingFinished.emit()
    runs = view.next_runs.text().split("、")
    assert len(runs) == 3 and all(run.endswith("09:30") for run in runs)


def test_database_connection_test_reports_the_server_version(env: SettingsEnv, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = env.view
    _fill(view, database_url=env.ctx.settings.database_url)
    with qtbot.waitSignal(view.connection_tested, timeout=20000) as result:
        view.action("testDatabaseConnection").trigger()
    ok, text = result.args
    assert ok, text
    assert text.startswith("PostgreSQL" if env.database.url.get_backend_name() == "postgresql" else "SQLite")
    assert view.database_test.result.text().endswith(text)


def test_database_connection_test_reports_the_reason(env: SettingsEnv, qtbot) -> None:  # type: ignore[no-untyped-def]
    from tests.helpers.smtp_server import free_port

    view = env.view
    _fill(view, database_url=f"postgresql://nobody@127.0.0.1:{free_port()}/none", database_password="typed-pw")
    with qtbot.waitSignal(view.connection_tested, timeout=30000) as result:
        view.action("testDatabaseConnection").trigger()
    ok, text = result.args
    assert not ok and text.startswith("接続できません") and "typed-pw" not in text


def test_test_mail_reaches_a_real_smtp_server(env: SettingsEnv, qtbot, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    with SmtpTestServer.running(user=("office", SMTP_PASSWORD)) as smtp:
        view = env.view
        _fill(view, smtp_host="127.0.0.1", smtp_port=str(smtp.port), smtp_username="office",
              smtp_password=SMTP_PASSWORD, smtp_sender="office@example.jp", test_address="boss@example.jp")
        view.combos["smtp_security"].setCurrentIndex(view.combos["smtp_security"].findData("none"))
        with qtbot.waitSignal(view.mail_tested, timeout=20000) as result:
            view.action("sendTestMail").trigger()
        assert result.args[0], result.args[1]
        [message] = smtp.messages
        assert message["To"] == "boss@example.jp" and "テストメール" in str(message["Subject"])
    assert memory_keyring.store == {}  # a test sends with the typed password without saving it


def test_the_test_address_is_kept_for_the_next_time(env: SettingsEnv, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.settings.view import SettingsView

    _fill(env.view, test_address="boss@example.jp")
    with qtbot.waitSignal(env.view.saved, timeout=10000):
        env.view.save_button.click()
    assert "次回の起動" not in env.view.problems.text()  # the language did not change
    again = SettingsView(env.ctx)
    qtbot.addWidget(again)
    assert again.edits["test_address"].text() == "boss@example.jp"


def test_the_bounce_mailbox_is_tested_off_the_gui_thread_and_saved_without_its_password(  # type: ignore[no-untyped-def]
        env: SettingsEnv, qtbot, memory_keyring) -> None:
    from oroshi_desktop.secrets import imap_key
    from tests.helpers.mail_system import mail_system, missing_reason

    if missing_reason():
        pytest.skip(str(missing_reason()))
    view = env.view
    with mail_system(["office"], postfix=False) as mailbox:
        _fill(view, imap_host="127.0.0.1", imap_port=str(mailbox.imap_port), imap_username="office@oroshi.test",
              imap_password="wrong", imap_folder="INBOX")
        view.combos["imap_security"].setCurrentIndex(view.combos["imap_security"].findData("none"))
        with qtbot.waitSignal(view.mailbox_tested, timeout=20000) as result:
            view.action("testMailbox").trigger()
        assert not result.args[0] and "ログインできません" in result.args[1]
        _fill(view, imap_password=mailbox.passwords["office"])
        with qtbot.waitSignal(view.mailbox_tested, timeout=20000) as result:
            view.action("testMailbox").trigger()
        assert result.args[0] and "0 件" in result.args[1], result.args[1]
        assert memory_keyring.store == {}  # a test uses the typed password without saving it
        with qtbot.waitSignal(view.saved, timeout=10000):
            view.action("saveSettings").trigger()
    assert memory_keyring.store[(SERVICE, imap_key("office@oroshi.test", "127.0.0.1"))] == mailbox.passwords["office"]
    toml = env.ctx.settings.paths.settings_file.read_text(encoding="utf-8")
    assert "[imap]" in toml and "office@oroshi.test" in toml and mailbox.passwords["office"] not in toml
    assert env.ctx.settings.imap.configured and view.edits["imap_password"].text() == ""
