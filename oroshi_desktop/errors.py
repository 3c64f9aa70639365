"""Errors a user can cause, kept apart from programming errors.

A ``UserError`` carries a Japanese message for the GUI and an English one for the CLI and logs;
both name the record and field at fault. Anything else is a bug and is not caught to be hidden.
"""

from __future__ import annotations


class UserError(Exception):
    """A mistake or a condition the user can fix; never shown with a traceback."""

    def __init__(self, message: str, message_ja: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.message_ja = message_ja or message

    def __str__(self) -> str:
        return self.message


class ConfigError(UserError):
    """The settings file or an environment override is invalid."""


class DatabaseUnavailable(UserError):
    """The database cannot be reached or its URL is malformed."""


class DatabaseLocked(DatabaseUnavailable):
    """Another program holds the SQLite file's write lock longer than the busy timeout: the file is
    fine and nothing was changed; transient like an outage (a job retries), said as what it is."""


class SchemaError(UserError):
    """Required tables or columns are missing."""


class SecretStoreError(UserError):
    """The OS keyring is missing or refused the request."""


class QueueUnavailable(UserError):
    """The job queue's server (Redis, PostgreSQL) cannot be reached."""


class NotFound(UserError):
    """A record named by the user does not exist."""


class BrokenReference(UserError):
    """Data written by another system (the Oroshi web app) points at a row that does not exist: a
    broken foreign key, to be repaired in that data. Not a record the user mistyped (``NotFound``),
    and not a bug of this app; the message names the table, the row and the column."""

    def __init__(self, table: str, row_id: object, column: str, value: object) -> None:
        self.table, self.row_id, self.column, self.value = table, row_id, column, value
        super().__init__(f"data problem: {table} row {row_id}: {column} = {value} points at a row that does not exist",
                         f"データの不整合: {table} の行 {row_id} の {column}（{value}）が指す行がありません")


class InvalidValue(UserError):
    """A value someone can edit (a setting, a tax rate, a layout code) is out of its range; the
    message names the record and the field so it can be corrected there."""

    def __init__(self, record: str, field: str, value: object, expected: str, record_ja: str = "",
                 expected_ja: str = "") -> None:
        self.record, self.field, self.value = record, field, value
        super().__init__(f"{record}: {field} = {value!r} is not valid ({expected})",
                         f"{record_ja or record}: {field}（{value!r}）が正しくありません（{expected_ja or expected}）")


class WriteRefused(UserError):
    """A file the user named could not be written; the message says why in the user's words."""


def write_refused(path: object, err: OSError) -> WriteRefused:
    """An ``OSError`` from writing ``path`` as what it is, with the right advice (English, Japanese):
    a missing folder (never created for the user), a folder in place of a file, a full disk, a
    read-only place, a missing permission."""
    import errno
    from pathlib import Path

    target = Path(str(path))
    code = err.errno
    if isinstance(err, IsADirectoryError) or code == errno.EISDIR:
        return WriteRefused(f"{target} is a folder; give a file name", f"{target} はフォルダーです。ファイル名を指定してください")
    if isinstance(err, FileNotFoundError) or code == errno.ENOENT:
        return WriteRefused(f"the folder {target.parent} does not exist; choose an existing folder",
                            f"フォルダー {target.parent} がありません。既にあるフォルダーを選んでください")
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return WriteRefused(f"no space left on the disk of {target}; free some space and try again",
                            f"{target} のディスクに空きがありません。空きを作ってからもう一度お試しください")
    if code == errno.EROFS:
        return WriteRefused(f"{target} is on a read-only disk or folder; choose another place",
                            f"{target} は読み取り専用の場所です。別の場所を選んでください")
    if isinstance(err, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return WriteRefused(f"no permission to write {target}; choose another place or ask your administrator",
                            f"{target} に書き込む権限がありません。別の場所を選ぶか、管理者にご相談ください")
    return WriteRefused(f"cannot write {target} ({err.strerror or err})",
                        f"{target} に書き込めません（OSエラー {code}）")
