"""The content key of an issued statement (issue 21, point 7): equal for what reads the same, different
for any change a reader would see; the store keeps a version whose key matches; revision 0009 on a
database with documents already stored."""

from __future__ import annotations

import dataclasses
from datetime import date
from zoneinfo import ZoneInfo

import pytest
from alembic import command
from sqlalchemy import func, select

from oroshi_desktop.db import schema
from oroshi_desktop.db.models import StoredDocument
from oroshi_desktop.document_store import STATEMENT_OWNER_TYPE, store_version
from oroshi_desktop.domain.statement_options import StatementLayout
from oroshi_desktop.queries.statements import load_issued_statement
from oroshi_desktop.statement_versions import content_key
from tests.core.outbox_fixtures import tiny_pdf

# The demo's dates hang on its day, named here; the versions' stamps still come from the clock
# (utcnow), so .ci/run runs these again on other dates.
pytestmark = pytest.mark.calendar
TODAY = date(2026, 3, 16)

TZ = ZoneInfo("Asia/Tokyo")
RUN = 3  # the demo's scheduled run


def first_organization(db) -> int:  # type: ignore[no-untyped-def]
    from oroshi_desktop.db.models import InvoiceSupplierOrganization

    with db.read() as session:
        return session.scalars(select(InvoiceSupplierOrganization.supplier_organization_id)
                               .where(InvoiceSupplierOrganization.invoice_id == RUN)
                               .order_by(InvoiceSupplierOrganization.id)).first()


def test_the_key_follows_what_a_reader_sees(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    from oroshi_desktop.demo import generate_demo

    generate_demo(sqlite_db, scale=1, seed=0, today=TODAY)
    organization_id = first_organization(sqlite_db)
    with sqlite_db.read() as session:
        statement = load_issued_statement(session, invoice_id=RUN, organization_id=organization_id,
                                          fmt="organization", tz=TZ)
        again = load_issued_statement(session, invoice_id=RUN, organization_id=organization_id,
                                      fmt="organization", tz=TZ)
        supplier = load_issued_statement(session, invoice_id=RUN, organization_id=organization_id,
                                         fmt="supplier", tz=TZ)
    key = content_key(statement)
    assert len(key) == 64 and content_key(again) == key  # loaded twice, the same statement
    line = statement.body.lines[0]
    body = dataclasses.replace(statement.body,
                               lines=(dataclasses.replace(line, amount=line.amount + 1), *statement.body.lines[1:]))
    other_layout = (StatementLayout.STANDARD if statement.layout != StatementLayout.STANDARD
                    else StatementLayout.SIMPLE)
    changed = [
        supplier,  # the other format
        dataclasses.replace(statement, body=body),  # one line's amount
        dataclasses.replace(statement, organization_name=statement.organization_name + "x"),  # the name
        dataclasses.replace(statement, layout=other_layout),
        dataclasses.replace(statement, company=dataclasses.replace(statement.company, logo_png=b"\x89PNG other")),
        dataclasses.replace(statement, statement_date=statement.period_start),  # the issue date
    ]
    keys = [content_key(s) for s in changed]
    assert key not in keys and len(set(keys)) == len(keys)
    with pytest.raises(ValueError, match="preview"):
        content_key(dataclasses.replace(statement, is_preview=True))


def test_the_key_is_the_one_stored_by_earlier_versions(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """Keys already stored must still match: the fast walk of the statement gives the JSON that
    ``dataclasses.asdict`` gave (the key before session 7), for both formats with producer sections."""
    import hashlib
    import json

    from oroshi_desktop.demo import generate_demo
    from oroshi_desktop.statement_versions import PRINT_REVISION, PROTECTION, _plain

    generate_demo(sqlite_db, scale=1, seed=0, today=TODAY)
    organization_id = first_organization(sqlite_db)
    with sqlite_db.read() as session:
        statements = [load_issued_statement(session, invoice_id=RUN, organization_id=organization_id, fmt=fmt, tz=TZ)
                      for fmt in ("organization", "supplier")]
    assert statements[1].sections  # the walk reaches the producer sections
    for statement in statements:
        material = {"print_revision": PRINT_REVISION, "protection": PROTECTION,
                    "statement": dataclasses.asdict(statement)}
        text = json.dumps(material, default=_plain, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        assert content_key(statement) == hashlib.sha256(text.encode("utf-8")).hexdigest()
    # Both formats keyed together: each loaded on its own (no body shared), and the organization
    # format made from the supplier one (``without_sections``: its tree taken from the supplier's).
    from oroshi_desktop.queries.statements import without_sections
    from oroshi_desktop.statement_versions import content_keys

    alone = {"organization": statements[0], "supplier": statements[1]}
    derived = {"organization": without_sections(statements[1]), "supplier": statements[1]}
    assert derived["organization"] == statements[0]
    for pair in (alone, derived):
        assert content_keys(pair) == {fmt: content_key(statement) for fmt, statement in pair.items()}


def test_the_keys_of_a_run_row_are_those_of_each_format_loaded_on_its_own(db) -> None:  # type: ignore[no-untyped-def]
    from oroshi_desktop.demo import generate_demo
    from oroshi_desktop.document_store import STATEMENT_KINDS
    from oroshi_desktop.statement_versions import statement_keys

    generate_demo(db, scale=1, seed=0, today=TODAY)
    organization_id = first_organization(db)
    with db.read() as session:
        keys = statement_keys(session, RUN, organization_id, TZ)
        for fmt in STATEMENT_KINDS:
            assert keys[fmt] == content_key(load_issued_statement(session, invoice_id=RUN,
                                                                  organization_id=organization_id, fmt=fmt, tz=TZ))
    assert len(set(keys.values())) == len(STATEMENT_KINDS)


def test_the_store_keeps_a_version_whose_key_matches(db) -> None:  # type: ignore[no-untyped-def]
    def put(content: bytes, key: str | None, usable: bool = True) -> tuple[int, bool]:
        with db.write() as session:
            document, new = store_version(session, owner_type=STATEMENT_OWNER_TYPE, owner_id=9, kind="organization",
                                          filename="a.pdf", content=content, content_key=key,
                                          usable=lambda _current: usable)
            return document.version, new

    assert put(tiny_pdf("1"), "a" * 64) == (1, True)
    assert put(tiny_pdf("2"), "a" * 64) == (1, False)  # other bytes, the same content: kept
    assert put(tiny_pdf("3"), "a" * 64, usable=False) == (2, True)  # the caller cannot use it (no password)
    assert put(tiny_pdf("4"), "b" * 64) == (3, True)  # changed
    assert put(tiny_pdf("5"), "a" * 64) == (4, True)  # changed back: the current version says b
    assert put(tiny_pdf("6"), None) == (5, True)  # no key: always a version, as before


def test_revision_0009_keeps_existing_documents_and_the_first_generation_after_it_keys_them(db) -> None:  # type: ignore[no-untyped-def]
    from jobs.statements import generate_statements
    from oroshi_desktop.archive_chain import verify_chain
    from oroshi_desktop.demo import generate_demo

    generate_demo(db, scale=1, seed=0, today=TODAY)
    first = generate_statements(db, RUN, tz=TZ)
    config = schema._alembic_config(db)
    with db.engine.connect() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0008")  # the archive as revision 0008 kept it: no content keys
        conn.commit()
    schema.upgrade(db)
    assert schema.current_revision(db) == "0009"

    def statements() -> list[tuple[int, str | None]]:
        with db.read() as session:
            return [tuple(row) for row in session.execute(  # type: ignore[misc]
                select(StoredDocument.id, StoredDocument.content_key)
                .where(StoredDocument.owner_type == STATEMENT_OWNER_TYPE).order_by(StoredDocument.id))]

    assert statements() == [(document_id, None) for document_id in sorted(first)]  # kept, with no key
    second = generate_statements(db, RUN, tz=TZ)  # an unknown key is never "the same": one new version each
    assert len(second) == len(first) and all(key is not None for _id, key in statements()[len(first):])
    assert generate_statements(db, RUN, tz=TZ) == []  # from then on, unchanged content adds nothing
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(StoredDocument)
                              .where(StoredDocument.owner_type == STATEMENT_OWNER_TYPE)) == 2 * len(first)
        assert [problem.message for problem in verify_chain(session)] == []
