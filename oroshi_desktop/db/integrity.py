"""Local SQLite files that may be damaged: the Huey queue file and the embedded database.

The two are treated differently on purpose:
- the **queue file** only wakes workers (the job ledger and the outbox are the truth, and the
  level-triggered mail check finds whatever is due again), so a damaged or unreadable one is moved
  aside under a dated name and a new one is created, with one log line saying so;
- the **embedded database** holds the business data: a damaged one is reported in one line naming
  the file and is never moved, repaired or overwritten; a person restores it from a backup.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from oroshi_desktop.db.types import utcnow
from oroshi_desktop.errors import UserError

__all__ = ["DatabaseDamaged", "DatabaseUnreadable", "check_embedded_database", "prepare_queue_file", "sqlite_problem"]

log = logging.getLogger(__name__)

_HEADER = b"SQLite format 3\x00"
_COMPANIONS = ("-wal", "-shm", "-journal")


class DatabaseDamaged(UserError):
    """The embedded database file is not a readable SQLite database."""


def sqlite_problem(path: Path, *, thorough: bool = True) -> str | None:
    """Why ``path`` is not a usable SQLite database, or None (an empty or missing file is usable:
    SQLite creates it). ``thorough`` runs ``PRAGMA quick_check`` (reads every page)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return None
    if size == 0:
        return None
    try:
        with path.open("rb") as handle:
            if handle.read(len(_HEADER)) != _HEADER:
                return "not an SQLite database (wrong file header)"
    except OSError as err:
        return f"unreadable ({err.strerror or err})"
    try:
        # Read-only, so a check never writes to (or "repairs") the file it looks at.
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as err:
        return f"cannot be opened ({err})"
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if thorough:
            rows = connection.execute("PRAGMA quick_check").fetchall()
            if [tuple(row) for row in rows] != [("ok",)]:
                return f"damaged ({'; '.join(str(row[0]) for row in rows[:3])})"
    except sqlite3.OperationalError as err:
        if "locked" in str(err) or "busy" in str(err):
            return None  # in use by a live process: not damage
        return f"damaged ({err})"
    except sqlite3.DatabaseError as err:
        return f"damaged ({err})"
    finally:
        connection.close()
    return None


def _aside_name(path: Path, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.stem}.damaged-{stamp}-{counter}{path.suffix}")
    return candidate


def prepare_queue_file(path: Path, *, now: datetime | None = None) -> str | None:
    """Before the queue opens ``path``: a damaged file is moved aside (with its -wal/-shm files)
    under a dated name, so a new one is created; returns the one line that was logged, or None."""
    problem = sqlite_problem(path)
    if problem is None:
        return None
    aside = _aside_name(path, now or utcnow())
    path.replace(aside)
    for suffix in _COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.replace(aside.with_name(aside.name + suffix))
    line = (f"the local queue file {path} was {problem}; moved aside to {aside.name} and a new one is created "
            "(queued jobs are found again from the job list and the mail schedule)")
    log.warning(line)
    return line


class DatabaseUnreadable(UserError):
    """The embedded database file is intact as far as anyone knows, but this user cannot use it
    (a directory, a missing permission, an empty file): never called damaged, never replaced."""


def _unreadable(path: Path, err: OSError) -> DatabaseUnreadable:
    if isinstance(err, IsADirectoryError):
        return DatabaseUnreadable(f"the embedded database {path} is a directory, not a database file",
                                  f"内蔵データベース {path} はフォルダーです。データベースのファイルではありません")
    if isinstance(err, PermissionError):
        return DatabaseUnreadable(
            f"the embedded database {path} cannot be read: this user has no permission to read it; "
            "the file was not changed. Ask your administrator to give this user access",
            f"内蔵データベース {path} を読み取る権限がありません。ファイルは変更していません。"
            "管理者にアクセス権の付与を依頼してください")
    return DatabaseUnreadable(f"the embedded database {path} cannot be read ({err.strerror or err}); "
                              "the file was not changed",
                              f"内蔵データベース {path} を読み取れません（OSエラー {err.errno}）。ファイルは変更していません")


MIN_FREE_BYTES = 1024 * 1024  # below this SQLite cannot even open its WAL index reliably


def _storage_problem(path: Path) -> DatabaseUnreadable | None:
    """A full disk or a read-only folder, which SQLite reports like damage ("unable to open")."""
    import shutil

    folder = path.parent
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        free = None
    if free is not None and free < MIN_FREE_BYTES:
        return DatabaseUnreadable(
            f"the disk of the embedded database {path} is full ({free:,} bytes free); the file was not changed. "
            "Free some space, then start again",
            f"内蔵データベース {path} のディスクに空きがありません（残り {free:,} バイト）。ファイルは変更していません。"
            "空きを作ってからもう一度起動してください")
    if not os.access(folder, os.W_OK) or not os.access(path, os.W_OK):
        return DatabaseUnreadable(
            f"the embedded database {path} is in a read-only folder or file; the file was not changed. "
            "Use a folder this user can write, or ask your administrator for write access",
            f"内蔵データベース {path} の場所は読み取り専用です。ファイルは変更していません。"
            "書き込めるフォルダーを使うか、管理者に書き込み権限を依頼してください")
    return None


def check_embedded_database(path: Path, *, thorough: bool = True) -> None:
    """Refuse an embedded database that cannot be used, in one line naming the file and what it is;
    never touch it. Only a file whose contents are wrong is called damaged (restore a backup); an
    empty file is refused too (never silently replaced by a new database: it may be a failed copy).

    ``thorough`` reads every page (``PRAGMA quick_check``: seconds for a file of a gigabyte);
    without it only the header and the schema are read. The window opens with the quick look and
    reads every page in the background (``startup.prepare``)."""
    try:
        size = path.stat().st_size
        if size and not path.is_dir():
            with path.open("rb"):
                pass
    except FileNotFoundError:
        return  # a new database: SQLite creates it
    except OSError as err:
        raise _unreadable(path, err) from None
    if path.is_dir():
        raise _unreadable(path, IsADirectoryError(21, "Is a directory"))
    if size == 0:
        raise DatabaseUnreadable(
            f"the embedded database {path} is empty (0 bytes); it was not changed. If it is meant to be a "
            "new database, delete the file; otherwise restore it from a backup (a copy may have failed)",
            f"内蔵データベース {path} は空のファイル（0バイト）です。ファイルは変更していません。"
            "新しく始める場合はファイルを削除し、そうでなければバックアップから戻してください（コピーの失敗かもしれません）")
    problem = sqlite_problem(path, thorough=thorough)
    if problem is not None:
        storage = _storage_problem(path)
        if storage is not None:  # the file may be perfectly good: never advise restoring a backup
            raise storage
        raise DatabaseDamaged(
            f"the embedded database {path} is {problem}; it was not changed. Restore it from a backup "
            "or move it away to start with an empty one",
            f"内蔵データベース {path} が壊れています（SQLiteの検査で異常が見つかりました）。ファイルは変更していません。"
            "バックアップから戻すか、別の場所へ移してから起動してください")
