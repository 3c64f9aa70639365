"""The document store: generated PDFs and sent mails kept byte for byte with their SHA-256, never overwritten.

Regenerating a document adds a new version for the same (owner, kind); the old bytes stay, so a
statement that was mailed can always be shown exactly as it went out (電子帳簿保存法). The
composed statement mails (RFC 5322 bytes, Message-ID included) are stored the same way, owned by
their outbox row, so "what exactly did we send, and when" has an answer years later.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from oroshi_desktop.db import models as m
from oroshi_desktop.db.engine import rows_changed
from oroshi_desktop.domain.statement_options import StatementFormat
from oroshi_desktop.errors import NotFound

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = [
    "JOB_OUTPUT_OWNER_TYPE",
    "MESSAGE_CONTENT_TYPE",
    "OUTBOX_OWNER_TYPE",
    "STATEMENT_KINDS",
    "STATEMENT_OWNER_TYPE",
    "current_version",
    "latest_documents",
    "latest_documents_of",
    "load_document",
    "purge_job_outputs",
    "sha256_hex",
    "statement_documents",
    "statement_documents_of",
    "store_document",
    "store_message",
    "store_version",
]

# Statement PDFs belong to one organization row of a run (oroshi_invoice_supplier_organizations);
# their kind is the statement format, and the passwords map of that row is keyed by document id.
STATEMENT_OWNER_TYPE = "oroshi_invoice_supplier_organization"
STATEMENT_KINDS = tuple(StatementFormat)  # a statement document's kind is its format

# Composed mails belong to one outbox row; kind ``message-1`` is the statement mail, ``message-2``
# the separate password mail when the company sends passwords apart.
OUTBOX_OWNER_TYPE = "oroshi_desktop_outbox"
MESSAGE_CONTENT_TYPE = "message/rfc822"

# Documents a job made (previews, shipping charts, packing slips, shipping lists, check sheets):
# owned by the job row (oroshi_desktop_jobs), kept for a retention period, then deleted. Statements
# and sent mails have other owner types and are never deleted.
JOB_OUTPUT_OWNER_TYPE = "oroshi_desktop_job"

# Two writers racing for the same next version: the unique key rejects one; it retries.
_VERSION_RETRIES = 5


def sha256_hex(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def store_document(session: Session, *, owner_type: str, owner_id: int, kind: str, filename: str,
                   content: bytes, content_type: str = "application/pdf", first: bool = False) -> m.StoredDocument:
    """Store ``content`` as the next version of (owner, kind) and return the new row (flushed)."""
    document, _new = store_version(session, owner_type=owner_type, owner_id=owner_id, kind=kind,
                                   filename=filename, content=content, content_type=content_type, first=first)
    return document


def store_version(session: Session, *, owner_type: str, owner_id: int, kind: str, filename: str,
                  content: bytes, content_type: str = "application/pdf", content_key: str | None = None,
                  usable: Callable[[m.StoredDocument], bool] = lambda _document: True, first: bool = False
                  ) -> tuple[m.StoredDocument, bool]:
    """Store ``content`` as the next version of (owner, kind), unless the current version already
    says the same (its ``content_key`` is this one's and ``usable`` accepts it): then that version
    is returned. The second value tells whether a version was added.

    Two writers storing the same content at once: both want the same next version, the unique key
    (owner, kind, version) lets one have it; the other, retrying, finds that version carrying its
    key and uses it, so the content is stored once.

    ``first``: the owner was made in this transaction, so version 1 is tried without reading the
    current version (a query per stored mail); a version left under a reused id makes the unique
    key refuse it, and the retry reads the current version as usual."""
    if not isinstance(content, bytes | bytearray | memoryview):
        raise TypeError(f"content must be bytes, got {type(content).__name__}")
    data = bytes(content)
    if not filename:
        raise ValueError("a stored document needs a file name")
    digest = sha256_hex(data)
    for attempt in range(_VERSION_RETRIES):
        current = None if first and attempt == 0 else current_version(session, owner_type, owner_id, kind)
        if current is not None and content_key is not None and current.content_key == content_key \
                and usable(current):
            return current, False
        document = m.StoredDocument(owner_type=owner_type, owner_id=owner_id, kind=kind,
                                  version=(current.version if current is not None else 0) + 1, filename=filename,
                                  content_type=content_type, content=data, sha256=digest,
                                  byte_size=len(data), content_key=content_key)
        # A savepoint keeps the caller's transaction usable if another writer took this version.
        try:
            with session.begin_nested():
                session.add(document)
        except IntegrityError:
            if attempt == _VERSION_RETRIES - 1:
                raise
            continue
        return document, True
    raise AssertionError("unreachable")


def current_version(session: Session, owner_type: str, owner_id: int, kind: str) -> m.StoredDocument | None:
    """The newest version of (owner, kind), or None."""
    from sqlalchemy.orm import defer  # loaded with the session already; kept off the window's start path

    return session.scalars(select(m.StoredDocument).where(
        m.StoredDocument.owner_type == owner_type, m.StoredDocument.owner_id == owner_id, m.StoredDocument.kind == kind)
        .order_by(m.StoredDocument.version.desc()).limit(1).options(defer(m.StoredDocument.content))).first()


def latest_documents(session: Session, owner_type: str, owner_id: int) -> list[m.StoredDocument]:
    """The newest version of each kind for the owner, ordered by kind."""
    return latest_documents_of(session, owner_type, [owner_id]).get(owner_id, [])


def latest_documents_of(session: Session, owner_type: str, owner_ids: Collection[int], *,
                        with_content: bool = True) -> dict[int, list[m.StoredDocument]]:
    """``latest_documents`` of several owners in one query: owner id → its documents, ordered by kind
    (an owner without documents is absent); ``with_content=False`` leaves their bytes unread."""
    if not owner_ids:
        return {}
    ids = list(owner_ids)
    newest = (select(m.StoredDocument.owner_id, m.StoredDocument.kind, func.max(m.StoredDocument.version).label("version"))
              .where(m.StoredDocument.owner_type == owner_type, m.StoredDocument.owner_id.in_(ids))
              .group_by(m.StoredDocument.owner_id, m.StoredDocument.kind).subquery())
    query = (select(m.StoredDocument)
             .join(newest, (m.StoredDocument.owner_id == newest.c.owner_id) & (m.StoredDocument.kind == newest.c.kind)
                   & (m.StoredDocument.version == newest.c.version))
             .where(m.StoredDocument.owner_type == owner_type, m.StoredDocument.owner_id.in_(ids))
             .order_by(m.StoredDocument.owner_id, m.StoredDocument.kind))
    if not with_content:
        from sqlalchemy.orm import defer  # loaded with the session already; kept off the window's start path

        query = query.options(defer(m.StoredDocument.content))
    found: dict[int, list[m.StoredDocument]] = {}
    for document in session.scalars(query):
        found.setdefault(document.owner_id, []).append(document)
    return found


def statement_documents(session: Session, invoice_supplier_organization_id: int) -> list[m.StoredDocument]:
    """The current statement PDFs of one organization row: organization version first, then supplier."""
    return statement_documents_of(session, [invoice_supplier_organization_id]).get(invoice_supplier_organization_id, [])


def statement_documents_of(session: Session, iso_ids: Collection[int], *,
                           with_content: bool = True) -> dict[int, list[m.StoredDocument]]:
    """``statement_documents`` of several organization rows in one query (a run's part is composed
    from one read of its PDFs, not a query per row): row id → its PDFs."""
    order: dict[str, int] = {kind: index for index, kind in enumerate(STATEMENT_KINDS)}
    found = latest_documents_of(session, STATEMENT_OWNER_TYPE, iso_ids, with_content=with_content)
    return {owner_id: sorted(documents, key=lambda doc: (order.get(doc.kind, len(order)), doc.kind))
            for owner_id, documents in found.items()}


def load_document(session: Session, document_id: int) -> m.StoredDocument:
    document = session.get(m.StoredDocument, document_id)
    if document is None:
        raise NotFound(f"stored document {document_id} does not exist",
                       f"保存された文書 {document_id} が見つかりません")
    return document


def document_content(session: Session, document_id: int) -> bytes:
    """The stored file's bytes, as they were stored."""
    return bytes(load_document(session, document_id).content)


def store_message(session: Session, *, outbox_id: int, part: int, filename: str, content: bytes,
                  first: bool = False) -> m.StoredDocument:
    """Store the exact bytes of part ``part`` (1-based) of an outbox row's mail as a new version
    (``first``: the outbox row was inserted in this transaction, see ``store_version``)."""
    return store_document(session, owner_type=OUTBOX_OWNER_TYPE, owner_id=outbox_id, kind=f"message-{part}",
                          filename=filename, content=content, content_type=MESSAGE_CONTENT_TYPE, first=first)


def purge_job_outputs(session: Session, created_before: datetime) -> int:
    """Delete job outputs stored before ``created_before``; only job outputs, never a statement or mail."""
    result = session.execute(delete(m.StoredDocument).where(m.StoredDocument.owner_type == JOB_OUTPUT_OWNER_TYPE,
                                                          m.StoredDocument.created_at < created_before))
    return rows_changed(result) or 0
