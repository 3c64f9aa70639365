"""Damaged local SQLite files (issue 9, point 2): the queue file is moved aside and recreated with
one line; the embedded database is reported in one line naming the file and never changed.
Before, garbage bytes or damaged pages stopped the app, the worker and the mail check with a
traceback."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from oroshi_desktop.db.engine import open_database
from oroshi_desktop.db.integrity import (
    DatabaseDamaged,
    DatabaseUnreadable,
    prepare_queue_file,
    sqlite_problem,
)

ROOT = Path(__file__).resolve().parents[2]


def real_database(path: Path, rows: int = 2000) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
    connection.executemany("INSERT INTO t (body) VALUES (?)", [("x" * 200,) for _ in range(rows)])
    connection.execute("CREATE INDEX t_body ON t (body)")
    connection.commit()
    connection.close()


def damage_pages(path: Path) -> None:
    """Overwrite the middle of the file (table and index pages), keeping the header intact."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 8192] = os.urandom(8192)
    path.write_bytes(bytes(data))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_healthy_missing_and_empty_files_are_usable(tmp_path):
    real_database(tmp_path / "ok.sqlite3", rows=10)
    (tmp_path / "empty.sqlite3").write_bytes(b"")
    assert sqlite_problem(tmp_path / "ok.sqlite3") is None
    assert sqlite_problem(tmp_path / "empty.sqlite3") is None
    assert sqlite_problem(tmp_path / "missing.sqlite3") is None


def test_garbage_and_damaged_pages_are_found(tmp_path):
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(os.urandom(10000))
    assert "wrong file header" in sqlite_problem(garbage)
    damaged = tmp_path / "damaged.sqlite3"
    real_database(damaged)
    damage_pages(damaged)
    assert "damaged" in sqlite_problem(damaged)


def test_a_damaged_queue_file_is_moved_aside_with_a_dated_name(tmp_path, caplog):
    queue = tmp_path / "local-queue.sqlite3"
    queue.write_bytes(b"garbage" * 1000)
    (tmp_path / "local-queue.sqlite3-wal").write_bytes(b"junk")
    with caplog.at_level(logging.WARNING):
        line = prepare_queue_file(queue, now=datetime(2026, 12, 1, 10, 20, 30, tzinfo=UTC))
    aside = tmp_path / "local-queue.damaged-20261201-102030.sqlite3"
    assert aside.read_bytes() == b"garbage" * 1000 and (tmp_path / f"{aside.name}-wal").exists()
    assert not queue.exists() and line and aside.name in line
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING] == [line]
    # Healthy or missing: nothing happens.
    assert prepare_queue_file(queue) is None


def test_a_damaged_embedded_database_is_refused_naming_the_file_and_left_alone(tmp_path):
    path = tmp_path / "oroshi.sqlite3"
    real_database(path)
    damage_pages(path)
    before = digest(path)
    with pytest.raises(DatabaseDamaged) as info:
        open_database(f"sqlite:///{path}")
    assert str(path) in info.value.message and str(path) in info.value.message_ja
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["oroshi.sqlite3"]


def test_the_cli_says_one_line_for_a_damaged_embedded_database(_isolated_home):
    from oroshi_desktop.config import load_settings

    settings = load_settings()
    settings.paths.ensure()
    path = settings.paths.embedded_database
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(20000))
    before = digest(path)
    for command in (["mail-check", "--once"], ["outbox", "list"]):
        result = subprocess.run([sys.executable, "-m", "oroshi_desktop", *command], cwd=ROOT, env=dict(os.environ),
                                capture_output=True, text=True, timeout=60)
        assert result.returncode != 0
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and str(path) in lines[0] and "Traceback" not in result.stderr, result.stderr
    assert digest(path) == before


def test_an_empty_embedded_database_is_refused_not_replaced(tmp_path):
    path = tmp_path / "oroshi.sqlite3"
    path.write_bytes(b"")
    with pytest.raises(DatabaseUnreadable) as info:
        open_database(f"sqlite:///{path}")
    assert "0 bytes" in info.value.message and "0バイト" in info.value.message_ja
    assert "壊れて" not in info.value.message_ja and "damaged" not in info.value.message
    assert path.read_bytes() == b""


def test_a_directory_in_place_of_the_embedded_database_is_named_as_such(tmp_path):
    path = tmp_path / "oroshi.sqlite3"
    path.mkdir()
    with pytest.raises(DatabaseUnreadable) as info:
        open_database(f"sqlite:///{path}")
    assert "is a directory" in info.value.message and "is cannot" not in info.value.message
    assert "フォルダー" in info.value.message_ja


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file whatever its mode")
def test_an_unreadable_embedded_database_is_a_permission_problem_not_damage(tmp_path):
    path = tmp_path / "oroshi.sqlite3"
    real_database(path)
    path.chmod(0)
    with pytest.raises(DatabaseUnreadable) as info:
        open_database(f"sqlite:///{path}")
    assert "permission" in info.value.message and "damaged" not in info.value.message


def test_the_japanese_message_of_a_damaged_database_holds_no_english(tmp_path):
    path = tmp_path / "oroshi.sqlite3"
    real_database(path)
    damage_pages(path)
    with pytest.raises(DatabaseDamaged) as info:
        open_database(f"sqlite:///{path}")
    assert "damaged" in info.value.message
    assert not re.search(r"[A-Za-z]{3,}", info.value.message_ja.replace(str(path), "").replace("SQLite", ""))


def test_the_window_opens_a_damaged_file_at_a_glance_and_its_preparation_finds_the_damage(tmp_path):
    """The window opens the embedded file without reading every page (seconds for a large file,
    on the GUI thread); the preparation it runs in the background reads them and names the damage."""
    from dataclasses import replace

    from oroshi_desktop.config import load_settings
    from oroshi_desktop.startup import prepare

    path = tmp_path / "oroshi.sqlite3"
    real_database(path)
    damage_pages(path)
    before = digest(path)
    database = open_database(f"sqlite:///{path}", check_pages=False)  # header and schema are sound
    try:
        settings = replace(load_settings(), database_url=f"sqlite:///{path}")
        with pytest.raises(DatabaseDamaged) as info:
            prepare(settings, database, check_pages=True)
        assert str(path) in info.value.message and str(path) in info.value.message_ja
    finally:
        database.dispose()
    assert digest(path) == before
