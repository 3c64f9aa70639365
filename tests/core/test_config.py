"""Settings: defaults, the TOML file, environment overrides and refusing passwords."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from oroshi_desktop.config import load_settings, save_settings, with_imap, with_smtp
from oroshi_desktop.errors import ConfigError


def test_no_settings_means_embedded_sqlite_under_oroshi_home(_isolated_home):
    settings = load_settings()
    assert settings.is_embedded_database
    assert settings.effective_database_url == f"sqlite:///{_isolated_home / 'data' / 'oroshi.sqlite3'}"
    assert settings.paths.settings_file == _isolated_home / "config" / "settings.toml"
    assert settings.timezone == "Asia/Tokyo" and settings.mail_schedule == "*/10 * * * *"


def test_file_then_environment_overrides(_isolated_home, monkeypatch):
    settings = load_settings()
    save_settings(with_smtp(settings, host="mail.example.jp", port=2525, security="ssl"))
    loaded = load_settings()
    assert (loaded.smtp.host, loaded.smtp.port, loaded.smtp.security) == ("mail.example.jp", 2525, "ssl")
    monkeypatch.setenv("OROSHI_SMTP_PORT", "587")
    monkeypatch.setenv("OROSHI_SMTP_SECURITY", "starttls")
    monkeypatch.setenv("OROSHI_SMTP_USERNAME", "office")
    monkeypatch.setenv("OROSHI_DATABASE_URL", "postgresql://oroshi@db.local/oroshi")
    monkeypatch.setenv("OROSHI_QUEUE_URL", "redis://127.0.0.1:6379/0")
    monkeypatch.setenv("OROSHI_TIMEZONE", "UTC")
    env = load_settings()
    assert (env.smtp.host, env.smtp.port, env.smtp.security, env.smtp.username) == (
        "mail.example.jp", 587, "starttls", "office")
    assert env.database_url == "postgresql://oroshi@db.local/oroshi" and not env.is_embedded_database
    assert env.effective_queue_url == "redis://127.0.0.1:6379/0"
    assert env.tz.key == "UTC"


def test_the_bounce_mailbox_from_the_file_then_the_environment(_isolated_home, monkeypatch):
    assert not load_settings().imap.configured  # no mailbox: no bounce check
    save_settings(with_imap(load_settings(), host="imap.example.jp", username="statements@example.jp",
                            processed_folder="Bounces"))
    loaded = load_settings().imap
    assert (loaded.host, loaded.port, loaded.security, loaded.folder, loaded.processed_folder) == (
        "imap.example.jp", 993, "ssl", "INBOX", "Bounces")
    for name, value in {"OROSHI_IMAP_HOST": "mail.local", "OROSHI_IMAP_PORT": "143", "OROSHI_IMAP_SECURITY": "starttls",
                        "OROSHI_IMAP_USERNAME": "office", "OROSHI_IMAP_FOLDER": "不達"}.items():
        monkeypatch.setenv(name, value)
    env = load_settings().imap
    assert (env.host, env.port, env.security, env.username, env.folder) == ("mail.local", 143, "starttls", "office",
                                                                           "不達")
    assert env.configured


@pytest.mark.parametrize(("name", "value", "fragment"), [
    ("OROSHI_SMTP_SECURITY", "tls", "smtp.security"),
    ("OROSHI_SMTP_PORT", "abc", "OROSHI_SMTP_PORT"),
    ("OROSHI_SMTP_PORT", "70000", "smtp.port"),
    ("OROSHI_TIMEZONE", "Mars/Olympus", "timezone"),
    ("OROSHI_IMAP_SECURITY", "tls", "imap.security"),
    ("OROSHI_IMAP_PORT", "0", "imap.port"),
    ("OROSHI_IMAP_TIMEOUT", "nan", "imap.timeout_seconds"),
])
def test_bad_values_name_the_setting(monkeypatch, name, value, fragment):
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=fragment.replace(".", r"\.")):
        load_settings()


def test_password_in_settings_file_is_refused(_isolated_home):
    (_isolated_home / "config").mkdir(parents=True)
    (_isolated_home / "config" / "settings.toml").write_text('[smtp]\nhost = "x"\npassword = "hunter2"\n')
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert "keyring" in str(info.value) and "hunter2" not in str(info.value)


def test_broken_toml_is_a_clear_error(_isolated_home):
    (_isolated_home / "config").mkdir(parents=True)
    (_isolated_home / "config" / "settings.toml").write_text("database_url = \n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings()


def test_values_with_quotes_backslashes_and_line_breaks_round_trip():
    settings = load_settings()
    tricky = 'Oroshi "本社"\\\n2行目'
    # (not the sender: a From address with a line break is refused by its rule, as in 設定)
    save_settings(with_smtp(settings, host="mail.example.jp", username=tricky, sender="c\\clerk@example.jp"))
    again = load_settings()
    assert again.smtp.username == tricky and again.smtp.sender == "c\\clerk@example.jp"


def _settings_path(home):
    (home / "config").mkdir(parents=True, exist_ok=True)
    return home / "config" / "settings.toml"


def _make_link_to_dev_zero(path):
    path.symlink_to("/dev/zero")


def _make_fifo(path):
    os.mkfifo(path)


def _make_directory(path):
    path.mkdir()


def _make_deep_nesting(path):
    path.write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n")


def _make_huge(path):
    path.write_text("# " + "x" * (2 * 1024 * 1024) + "\n")


@pytest.mark.parametrize(("make", "fragment"), [
    (_make_link_to_dev_zero, "is a device"),
    (_make_fifo, "is a pipe (FIFO)"),
    (_make_directory, "is a directory"),
    (_make_deep_nesting, "nested more than"),
    (_make_huge, "larger than"),
])
def test_a_settings_file_that_is_not_one_is_one_line_naming_it(_isolated_home, make, fragment):
    """Each was a traceback, a hang or a process growing to 23.7 GB (issue 21, point 5)."""
    path = _settings_path(_isolated_home)
    make(path)
    env = {k: v for k, v in os.environ.items() if not k.startswith("OROSHI_")}
    env["OROSHI_HOME"] = str(_isolated_home)
    # A subprocess with a generous timeout: a hang or a runaway read fails the test, not the suite.
    result = subprocess.run([sys.executable, "-m", "oroshi_desktop", "jobs", "list"], env=env, capture_output=True,
                            text=True, timeout=120, cwd=Path(__file__).resolve().parents[2])
    lines = result.stderr.strip().splitlines()
    assert result.returncode != 0 and len(lines) == 1, result.stderr
    assert str(path) in lines[0] and fragment in lines[0] and "Traceback" not in result.stderr
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert str(path) in info.value.message_ja


def test_a_settings_file_with_a_byte_order_mark_is_read(_isolated_home):
    """Windows Notepad writes UTF-8 with a BOM; it was refused as "Invalid statement (line 1, column 1)"."""
    _settings_path(_isolated_home).write_bytes("\ufefftimezone = \"Asia/Tokyo\"\n[smtp]\nhost = \"例え.jp\"\n"
                                               .encode("utf-8"))
    settings = load_settings()
    assert settings.smtp.host == "例え.jp" and settings.timezone == "Asia/Tokyo"


def test_an_smtp_host_with_a_control_character_is_refused_in_the_file(_isolated_home):
    _settings_path(_isolated_home).write_text('[smtp]\nhost = "smtp\\u0000.example.jp"\n')
    with pytest.raises(ConfigError, match=r"smtp\.host"):
        load_settings()
