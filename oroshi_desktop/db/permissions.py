"""A database role without a right it needs (PostgreSQL SQLSTATE 42501, "permission denied for
table …"): one line naming the table and the missing right, instead of a driver traceback.

The shared Oroshi database is run by the web system's administrators; an office PC may be given a
role with only some grants. That is a condition a person fixes with a ``GRANT``, so it becomes a
``UserError`` (``PermissionDenied``) wherever ``Database.read``/``write`` sessions are used: the CLI
prints it and exits 2, a GUI view shows it as a dialog, a job records it as the row's reason.
"""

from __future__ import annotations

import re

from sqlalchemy import exc

from oroshi_desktop.errors import UserError

INSUFFICIENT_PRIVILEGE = "42501"
RIGHTS = ("SELECT", "INSERT", "UPDATE", "DELETE")
_OBJECT = re.compile(r'permission denied for (table|relation|sequence|view|schema|database|function) "?([\w.$]+)"?')
_OBJECT_JA = {"table": "テーブル", "relation": "テーブル", "view": "ビュー", "sequence": "シーケンス",
              "schema": "スキーマ", "database": "データベース", "function": "関数"}


class PermissionDenied(UserError):
    """The database role lacks a right on a table (or another object) the command needs."""

    def __init__(self, message: str, message_ja: str, *, table: str, right: str) -> None:
        super().__init__(message, message_ja)
        self.table = table
        self.right = right


def _right(statement: str | None) -> str:
    words = (statement or "").lstrip("( \n\t").split(None, 1)
    first = words[0].upper() if words else ""
    if first == "WITH":  # a CTE: the right the main statement needs is not in its first word
        return "SELECT" if re.search(r"\)\s*SELECT\b", statement or "", re.IGNORECASE) else "access"
    return first if first in RIGHTS else "access"


def permission_denied(err: BaseException) -> PermissionDenied | None:
    """The ``PermissionDenied`` that ``err`` means, or None when it is not a missing right."""
    if not isinstance(err, exc.DBAPIError):
        return None
    orig = err.orig
    if getattr(orig, "sqlstate", None) != INSUFFICIENT_PRIVILEGE:
        return None
    text = (str(orig).strip().splitlines() or ["permission denied"])[0]
    found = _OBJECT.search(text)
    kind, name = (found.group(1), found.group(2)) if found else ("table", "?")
    right = _right(err.statement)
    kind_en = "table" if kind == "relation" else kind
    return PermissionDenied(
        f"database: the role has no {right} right on {kind_en} {name} ({text}); "
        "ask the database administrator to grant it",
        f"データベース: このロールには{_OBJECT_JA.get(kind, 'テーブル')} {name} の {right} 権限がありません。"
        "データベースの管理者に権限の付与を依頼してください",
        table=name, right=right)
