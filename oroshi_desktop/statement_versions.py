"""One archive version per content (issue 21, point 7): a statement generated again that says the
same thing keeps its stored PDFs instead of adding a version.

The PDFs are encrypted with a fresh password, salt and document ID each time, so two renders of
the same statement never have the same bytes. What a reader sees is fixed before rendering by the
loaded statement (``queries.statements.load_issued_statement``: every figure, name, date, the
company's details and logo, the format and layout), by how it is drawn and by how it is protected;
``content_key`` digests exactly that. Generation asks ``keep_unchanged`` first and renders only the
rows whose content changed; ``store_statements`` checks again while storing, so two generators at
once store one version (the one that loses the race for the next version number finds the
winner's version with its key and uses it, with its password).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Collection, Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from oroshi_desktop.db.models import InvoiceSupplierOrganization
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.document_store import STATEMENT_KINDS, statement_documents, statement_documents_of
from oroshi_desktop.domain.payment_statement import PaymentStatement
from oroshi_desktop.domain.statement_options import StatementFormat

__all__ = ["PRINT_REVISION", "PROTECTION", "content_key", "content_keys", "issued_statements", "keep_unchanged", "kept_keys",
           "statement_keys"]

# How a statement is drawn: raise it when a change to printables/statement changes what an issued
# statement looks like (not for a faster renderer drawing the same page), so the next generation
# stores the new look as a new version.
PRINT_REVISION = 1
# How an issued statement is protected: AES-256 (R6) with its own password, given in the mail.
PROTECTION = "aes-256-r6/password-per-document"


def _plain(value: Any) -> Any:
    """A JSON-able form of a statement's values, the same for equal values."""
    if type(value) is Decimal:  # most of a statement's leaves: first
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return {"sha256": hashlib.sha256(bytes(value)).hexdigest()}  # the logo
    if isinstance(value, Decimal | date):
        return str(value)
    if isinstance(value, Enum):
        return str(value.value)
    raise TypeError(f"a statement value of type {type(value).__name__} has no content key")


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}  # a record type's fields; None: not a record
# Leaves as they are (JSON, or ``_plain`` for Decimal and date): told by their exact type at once.
_LEAVES = frozenset({str, int, float, bool, type(None), Decimal, date})


def _tree(value: Any) -> Any:
    """``value`` as ``dataclasses.asdict`` gives it to JSON (a record's fields as a dict, tuples and
    lists as lists), without its deep copy of every leaf: that copy was two thirds of a 200-organization
    generation's time in the calling process. The JSON, hence every stored key, is unchanged
    (``tests/core/test_statement_versions.py`` holds it against ``asdict``)."""
    kind = type(value)
    if kind in _LEAVES:
        return value
    try:
        names = _FIELD_NAMES[kind]
    except KeyError:
        names = _FIELD_NAMES[kind] = (tuple(f.name for f in dataclasses.fields(kind))
                                      if dataclasses.is_dataclass(kind) else None)
    if names is not None:
        return {name: _tree(getattr(value, name)) for name in names}
    if isinstance(value, list | tuple):
        return [_tree(item) for item in value]
    if isinstance(value, dict):
        return {_tree(key): _tree(item) for key, item in value.items()}
    return value


def content_key(statement: PaymentStatement) -> str:
    """The SHA-256 (hex) of what the issued statement says and how it is drawn and protected."""
    return _key_of(statement, _tree(statement))


def _key_of(statement: PaymentStatement, tree: Any) -> str:
    if statement.is_preview:
        raise ValueError("a preview is never archived: it has no content key")
    material = {"print_revision": PRINT_REVISION, "protection": PROTECTION, "statement": tree}
    text = json.dumps(material, default=_plain, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def content_keys(statements: Mapping[str, PaymentStatement]) -> dict[str, str]:
    """``content_key`` of each statement (by format). The organization format of a row is the
    supplier format without its sections (``queries.statements.without_sections``): when it is,
    its tree is the supplier's with those two fields, and the body both share is walked once."""
    from oroshi_desktop.queries.statements import without_sections

    supplier = statements.get(StatementFormat.SUPPLIER)
    supplier_tree: dict[str, Any] = _tree(supplier) if supplier is not None else {}
    keys: dict[str, str] = {}
    for fmt, statement in statements.items():
        if statement is supplier:
            tree = supplier_tree
        elif supplier is not None and statement.body is supplier.body and statement == without_sections(supplier):
            tree = {**supplier_tree, "format": statement.format, "sections": []}  # as _tree gives them
        else:
            tree = _tree(statement)
        keys[fmt] = _key_of(statement, tree)
    return keys


def issued_statements(session: Session, invoice_id: int, organization_id: int,
                      tz: ZoneInfo) -> dict[str, PaymentStatement]:
    """Each statement format of one organization of a run, loaded once: for its content key, then
    drawn if it changed.

    The supplier format is the organization format plus its producer sections (``load_statement``
    builds them that way), so the organization format's statement is the supplier one without them
    (a test holds this against a load of its own)."""
    from oroshi_desktop.queries.statements import load_issued_statement, without_sections

    supplier = load_issued_statement(session, invoice_id=invoice_id, organization_id=organization_id,
                                     fmt=StatementFormat.SUPPLIER, tz=tz)
    statements = {StatementFormat.SUPPLIER: supplier, StatementFormat.ORGANIZATION: without_sections(supplier)}
    return {fmt: statements[StatementFormat(fmt)] for fmt in STATEMENT_KINDS}


def statement_keys(session: Session, invoice_id: int, organization_id: int, tz: ZoneInfo) -> dict[str, str]:
    """The content key of each statement format of one organization of a run, before rendering."""
    return content_keys(issued_statements(session, invoice_id, organization_id, tz))


def keep_unchanged(session: Session, iso_id: int, keys: Mapping[str, str]) -> list[int] | None:
    """When every current PDF of the organization row already carries its key (and its password is
    still on the row): mark the row completed again and return those document ids, storing nothing.
    None: something changed (or is missing), the row is rendered and stored."""
    iso = session.get(InvoiceSupplierOrganization, iso_id)
    if iso is None or not keys:
        return None
    current = {document.kind: document for document in statement_documents(session, iso_id)}
    passwords = iso.passwords or {}
    kept: list[int] = []
    for fmt, key in keys.items():
        document = current.get(fmt)
        if document is None or document.content_key != key or str(document.id) not in passwords:
            return None
        kept.append(document.id)
    iso.completed = True
    iso.updated_at = utcnow()
    return kept


def kept_keys(session: Session, iso_ids: Collection[int]) -> dict[int, dict[str, str]]:
    """The content keys of the rows' current PDFs, for each row whose every format has a current PDF
    with a key and its password still on the row (``keep_unchanged`` may keep them): a generation
    keys such a row itself and keeps it when it says the same; the other rows (generated for the
    first time) are keyed by the render worker that draws them. One query for the rows, one for
    their PDFs (their bytes left unread)."""
    if not iso_ids:
        return {}
    passwords: dict[int, dict[str, str] | None] = {
        iso_id: row_passwords for iso_id, row_passwords in session.execute(
            select(InvoiceSupplierOrganization.id, InvoiceSupplierOrganization.passwords)
            .where(InvoiceSupplierOrganization.id.in_(list(iso_ids))))}
    found: dict[int, dict[str, str]] = {}
    for iso_id, documents in statement_documents_of(session, iso_ids, with_content=False).items():
        on_row = passwords.get(iso_id) or {}
        keys = {document.kind: document.content_key for document in documents
                if document.content_key and str(document.id) in on_row}
        if set(keys) == set(STATEMENT_KINDS):
            found[iso_id] = {kind: key for kind, key in keys.items() if key is not None}
    return found
