"""Settings are validated when loaded: a bad timeout, worker count or schedule is one clear line
before anything runs (issue 9, point 1). Before, ``timeout -1/nan/0`` was accepted and every check
marked one more row 要確認 although no connection was ever made."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from oroshi_desktop.config import load_settings
from oroshi_desktop.cron import cron_problem
from oroshi_desktop.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("name", "value", "fragment"), [
    ("OROSHI_SMTP_TIMEOUT", "-1", "smtp.timeout_seconds"),
    ("OROSHI_SMTP_TIMEOUT", "nan", "smtp.timeout_seconds"),
    ("OROSHI_SMTP_TIMEOUT", "0", "smtp.timeout_seconds"),
    ("OROSHI_SMTP_TIMEOUT", "inf", "smtp.timeout_seconds"),
    ("OROSHI_SMTP_PORT", "0", "smtp.port"),
    ("OROSHI_SMTP_PORT", "70000", "smtp.port"),
    ("OROSHI_WORKERS", "0", "workers"),
    ("OROSHI_WORKERS", "1000", "workers"),
    ("OROSHI_MAIL_SCHEDULE", "0 9 31 2 *", "never fires"),
    ("OROSHI_MAIL_SCHEDULE", "*/0 * * * *", "minute"),
    ("OROSHI_MAIL_SCHEDULE", "61 * * * *", "minute"),
    ("OROSHI_MAIL_SCHEDULE", "*/10 * * *", "five cron fields"),
])
def test_bad_values_are_refused_when_loaded(monkeypatch, name, value, fragment):
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert fragment in info.value.message and info.value.message_ja


def test_bad_values_in_the_file_are_refused_too(_isolated_home):
    path = _isolated_home / "config" / "settings.toml"
    path.parent.mkdir(parents=True)
    path.write_text('mail_schedule = "0 0 30 2 *"\n[smtp]\ntimeout_seconds = -1.0\n', encoding="utf-8")
    with pytest.raises(ConfigError):
        load_settings()


@pytest.mark.parametrize(("line", "fragment"), [('timezone = ""', "timezone"), ('mail_schedule = ""', "mail_schedule"),
                                               ('[smtp]\nsender = "office"', "smtp.sender")])
def test_an_empty_required_setting_is_refused_and_an_empty_optional_one_is_not(_isolated_home, line, fragment):
    path = _isolated_home / "config" / "settings.toml"
    path.parent.mkdir(parents=True)
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=fragment):
        load_settings()
    path.write_text('database_url = ""\nqueue_url = ""\n[smtp]\nhost = ""\nsender = ""\n[imap]\nhost = ""\n', encoding="utf-8")
    assert load_settings().is_embedded_database


@pytest.mark.parametrize("expression", ["*/10 * * * *", "0 9 * * 4", "0 0 29 2 *", "5,35 8-18/2 1-31 */3 0-6"])
def test_good_schedules_pass(expression):
    assert cron_problem(expression) is None


def test_the_cli_says_one_line_and_runs_nothing(_isolated_home):
    import os

    env = {**os.environ, "OROSHI_SMTP_TIMEOUT": "nan", "OROSHI_SMTP_HOST": "127.0.0.1"}
    result = subprocess.run([sys.executable, "-m", "oroshi_desktop", "mail-check", "--once"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "smtp.timeout_seconds" in lines[0] and "Traceback" not in result.stderr
    assert not (_isolated_home / "data" / "oroshi.sqlite3").exists()  # nothing ran
