"""An outbox row's composed messages as stored when it was prepared: read by their references and
checked against the SHA-256 recorded then (the send loop, the CLI's ``outbox show``, the job centre)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, bindparam, select
from sqlalchemy.orm import Session

from oroshi_desktop.db.models import OutboxMessage, StoredDocument
from oroshi_desktop.document_store import sha256_hex
from oroshi_desktop.errors import NotFound, UserError
from oroshi_desktop.mail.outbox.driver_sql import DriverBatch

CONTENT = select(StoredDocument.content).where(StoredDocument.id == bindparam("document_id"))


def stored_messages(connection: Connection, row_id: int, references: list[dict[str, Any]] | None) -> list[bytes]:
    """The row's composed messages, checked against the SHA-256 recorded when they were stored."""
    references = references_of(row_id, references)
    return checked_messages(row_id, references, [connection.execute(CONTENT, {"document_id": reference["id"]})
                                                  .scalar() for reference in references])


def references_of(row_id: int, references: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    if not references:
        raise NotFound(f"outbox row {row_id}: no composed message is stored (prepared before messages were kept)",
                       f"送信キューの行 {row_id}: 送信したメールの内容は保存されていません")
    return references


def checked_messages(row_id: int, references: list[dict[str, Any]], found: list[Any]) -> list[bytes]:
    contents = []
    for reference, content in zip(references, found, strict=True):
        if content is None or sha256_hex(content) != reference["sha256"]:
            raise UserError(f"outbox row {row_id}: the stored message {reference['id']} is missing or changed",
                            f"送信キューの行 {row_id}: 保存されたメール {reference['id']} が見つからないか変更されています")
        contents.append(bytes(content))
    return contents


def message_bytes(session: Session, row_id: int, part: int = 1) -> bytes:
    """The exact RFC 5322 bytes of part ``part`` (1: the statement mail, 2: a separate password mail)
    of an outbox row, as stored when the row was prepared and as sent; for the CLI and the job centre."""
    row = session.get(OutboxMessage, row_id)
    if row is None:
        raise NotFound(f"outbox row {row_id} does not exist", f"送信キューの行 {row_id} が見つかりません")
    messages = stored_messages(session.connection(), row_id, row.messages)
    if not 1 <= part <= len(messages):
        raise NotFound(f"outbox row {row_id} has {len(messages)} message(s); there is no part {part}",
                       f"送信キューの行 {row_id} のメールは {len(messages)} 通です（{part} 通目はありません）")
    return messages[part - 1]


def driver_messages(batch: DriverBatch, row_id: int, references: list[dict[str, Any]] | None) -> list[bytes]:
    """The same on the send loop's driver cursor: the messages' reads in one round trip where it can."""
    references = references_of(row_id, references)
    with batch.together():
        pending = [batch.execute("content", {"document_id": reference["id"]}) for reference in references]
    return checked_messages(row_id, references, [found[0] if (found := p.first()) else None for p in pending])
