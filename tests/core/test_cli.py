"""The command line as a user runs it: exit codes, one-line errors, nothing changed on a mistake."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from oroshi_desktop import __version__
from tests.helpers.pgserver import PgServer, free_port

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("OROSHI_")}
    full_env["OROSHI_HOME"] = os.environ["OROSHI_HOME"]
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "oroshi_desktop", *args], capture_output=True, text=True,
                          env=full_env, cwd=ROOT, timeout=300, input=input)


def assert_one_line_error(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert fragment in lines[0]


def test_version_and_help():
    assert run("--version").stdout.strip() == f"oroshi-desktop {__version__} 開発版"  # bundle form: tests/installer
    help_text = run("--help").stdout
    for command in ("db", "demo"):
        assert command in help_text


def test_demo_then_check_is_healthy_and_demo_again_is_refused(_isolated_home):
    first = run("demo", "--scale", "1")
    assert first.returncode == 0, first.stderr
    check = run("db", "check")
    assert check.returncode == 0 and "healthy" in check.stdout
    db_file = _isolated_home / "data" / "oroshi.sqlite3"
    size_before = db_file.stat().st_size
    again = run("demo")
    assert_one_line_error(again, "--force")
    assert db_file.stat().st_size == size_before


def test_db_check_on_fresh_sqlite_lists_missing_tables():
    result = run("db", "check")
    assert result.returncode == 1
    assert "missing table oroshi_desktop_documents" in result.stdout
    upgraded = run("db", "upgrade")
    assert upgraded.returncode == 0 and "created" in upgraded.stdout
    assert run("db", "check").returncode == 0


def test_bad_database_url_is_one_line():
    assert_one_line_error(run("db", "check", env={"OROSHI_DATABASE_URL": "nonsense://"}), "database URL")


def test_unreachable_server_is_one_line():
    url = f"postgresql://oroshi@127.0.0.1:{free_port()}/oroshi"
    assert_one_line_error(run("db", "upgrade", env={"OROSHI_DATABASE_URL": url}), "cannot connect")


def test_bad_setting_is_one_line():
    assert_one_line_error(run("db", "check", env={"OROSHI_SMTP_SECURITY": "tls"}), "smtp.security")


@pytest.mark.postgres
def test_db_check_names_missing_column_on_postgres(pg_server: PgServer):
    from tests.conftest import ORIGINAL_SCHEMA

    pg_server.create_database("cli_check")
    try:
        pg_server.run_sql_file("cli_check", ORIGINAL_SCHEMA)
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=pg_server.port, user="postgres", dbname="cli_check",
                             autocommit=True) as conn:
            conn.execute("ALTER TABLE oroshi_supplies DROP COLUMN entry_index")
        env = {"OROSHI_DATABASE_URL": pg_server.url("cli_check")}
        assert run("db", "upgrade", env=env).returncode == 1
        result = run("db", "check", env=env)
        assert result.returncode == 1
        assert "missing column oroshi_supplies.entry_index" in result.stdout
    finally:
        pg_server.drop_database("cli_check")


@pytest.mark.parametrize("section", ["smtp", "imap"])
def test_a_mail_server_password_goes_to_its_keyring_entry_from_stdin_only(section, monkeypatch, memory_keyring,
                                                                            capsys):
    import io

    from oroshi_desktop import secrets
    from oroshi_desktop.cli import main

    key = getattr(secrets, f"{section}_key")("clerk", "mail.office")
    other = secrets.imap_key if section == "smtp" else secrets.smtp_key
    prefix = f"OROSHI_{section.upper()}"
    monkeypatch.setattr("sys.stdin", io.StringIO("Smtp-secret-42\n"))
    assert main([section, "set-password", "--password-stdin"]) == 2  # no server set yet
    assert f"{prefix}_HOST" in capsys.readouterr().err
    monkeypatch.setenv(f"{prefix}_HOST", "mail.office")
    monkeypatch.setenv(f"{prefix}_USERNAME", "clerk")
    monkeypatch.setattr("sys.stdin", io.StringIO("Smtp-secret-42\n"))
    assert main([section, "set-password", "--password-stdin"]) == 0
    assert secrets.get_secret(key) == "Smtp-secret-42"
    assert secrets.get_secret(other("clerk", "mail.office")) is None
    out = capsys.readouterr().out
    assert "Smtp-secret-42" not in out and f"{section.upper()} password for clerk@mail.office" in out
    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
    assert main([section, "set-password", "--password-stdin"]) == 2  # empty: nothing stored
    assert secrets.get_secret(key) == "Smtp-secret-42"


def test_a_reader_that_goes_away_is_no_error(_isolated_home):
    """`oroshi-desktop outbox list | head -1` ended in a BrokenPipeError traceback (issue 21, point 9)."""
    assert run("demo", "--scale", "1").returncode == 0
    env = {k: v for k, v in os.environ.items() if not k.startswith("OROSHI_")}
    env["OROSHI_HOME"] = os.environ["OROSHI_HOME"]
    for command in (["db", "check"], ["outbox", "list"], ["jobs", "list"]):
        process = subprocess.Popen([sys.executable, "-m", "oroshi_desktop", *command], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, env=env, cwd=ROOT)
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # the reader is gone before the first line is written
        stderr = process.stderr.read().decode()
        assert process.wait(timeout=120) in (0, 141), stderr
        assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr


def test_read_only_commands_do_not_wait_for_another_process_write_lock(_isolated_home):
    """A listing waited for the busy timeout behind another process's write and then said it could
    not connect (issue 21, point 6): reading commands now take no write lock."""
    import sqlite3

    assert run("db", "upgrade").returncode == 0
    holder = sqlite3.connect(_isolated_home / "data" / "oroshi.sqlite3", isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
        for command in (("jobs", "list"), ("db", "check"), ("outbox", "list")):
            result = run(*command)
            assert result.returncode == 0, result.stderr
            assert "locked" not in result.stderr
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def _dump(path: Path) -> list[str]:
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def test_a_writer_behind_another_programs_lock_is_told_so_and_changes_nothing(_isolated_home, capsys, monkeypatch):
    """A writing command that meets another process's write lock said "database is locked" in
    SQLite's words, or that it could not connect (issue 21, point 6): now one line saying another
    program holds the file and to try again when it has finished; no backup advice, nothing written."""
    import sqlite3

    from oroshi_desktop.cli import main
    from oroshi_desktop.db import engine
    from oroshi_desktop.db.engine import open_database
    from oroshi_desktop.errors import DatabaseLocked

    assert run("demo", "--scale", "1").returncode == 0
    path = _isolated_home / "data" / "oroshi.sqlite3"
    before = _dump(path)
    monkeypatch.setattr(engine, "SQLITE_BUSY_TIMEOUT_MS", 200)  # the wait, not the outcome, is shortened
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")  # another program in the middle of a write
        for command in (["generate", "--invoice", "3"], ["demo", "--force"]):
            assert main(command) == 2
            lines = capsys.readouterr().err.strip().splitlines()
            assert len(lines) == 1, lines
            assert f"the database {path} is in use: another program holds it" in lines[0], lines[0]
            assert "nothing was changed" in lines[0] and "Try again when that program has finished" in lines[0]
            assert not any(word in lines[0] for word in ("backup", "damaged", "connect", "Traceback"))
        database = open_database(f"sqlite:///{path}")
        try:
            with pytest.raises(DatabaseLocked) as refused, database.write() as session:
                session.execute(engine.text("DELETE FROM oroshi_desktop_documents"))
        finally:
            database.dispose()
        assert "別のプログラムが書き込み中" in refused.value.message_ja and "何も変更していません" in refused.value.message_ja
        assert "バックアップ" not in refused.value.message_ja
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert _dump(path) == before
