"""The archive facts: recorded when a statement PDF is stored, backfilled by revision 0004 and by
the search, and the SQL search's sort, page and count against hand-computed expectations."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from zoneinfo import ZoneInfo

import pytest
from alembic import command
from sqlalchemy import delete, func, inspect, select, update

from oroshi_desktop.db import schema
from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import (
    ArchiveFacts,
    Invoice,
    InvoiceSupplierOrganization,
    StoredDocument,
    SupplierOrganization,
)
from oroshi_desktop.document_store import sha256_hex
from oroshi_desktop.queries.archive import (
    ArchiveCriteria,
    archive_ids,
    count_archive,
    entries_by_id,
    search_archive,
)
from oroshi_desktop.queries.archive_facts import fill_missing_facts
from tests.core.archive_fixtures import A_TAXES, A_TOTAL, B_TOTAL, C_TOTAL, build_archive

# Depends on the date the demo is anchored on: .ci/run runs it again on other dates.
pytestmark = pytest.mark.calendar

TZ = ZoneInfo("Asia/Tokyo")


@pytest.fixture
def archive(db: Database):  # type: ignore[no-untyped-def]
    with db.write() as session:
        ids = build_archive(session)
        fill_missing_facts(session)
    return db, ids


def _facts(db: Database) -> dict[int, ArchiveFacts]:
    with db.read() as session:
        return {f.document_id: f for f in session.scalars(select(ArchiveFacts))}


def test_the_backfill_records_each_statement_once_with_the_printed_figures(archive) -> None:  # type: ignore[no-untyped-def]
    db, ids = archive
    facts = _facts(db)
    assert len(facts) == 7
    a2 = facts[ids["A_organization_v2"]]
    assert (a2.issued, D(a2.amount), a2.counterparty, a2.registration_number) == (
        date(2025, 10, 16), A_TOTAL, "北海水産協同組合", "T9876543210987")
    assert [tuple(D(x) for x in t) for t in a2.taxes] == list(A_TAXES)
    assert a2.producers == ""  # the organization format names no producer
    assert facts[ids["A_supplier"]].producers.split("\n") == ["札幌サーモン", "函館水産"]
    assert D(facts[ids["B_supplier"]].amount) == B_TOTAL and D(facts[ids["C_organization"]].amount) == C_TOTAL
    with db.write() as session:
        assert fill_missing_facts(session) == 0  # nothing left: a second pass records nothing


def test_sort_page_and_count_in_sql(archive) -> None:  # type: ignore[no-untyped-def]
    db, ids = archive
    with db.read() as session:
        by_amount = search_archive(session, ArchiveCriteria(), sort="amount", descending=False)
        # B 5400 (two), C 7560 (two), A 27823 (three); ties go by document id in the same direction
        assert [e.amount for e in by_amount] == [B_TOTAL] * 2 + [C_TOTAL] * 2 + [A_TOTAL] * 3
        assert [e.document_id for e in by_amount[:2]] == sorted([ids["B_organization"], ids["B_supplier"]])
        page = search_archive(session, ArchiveCriteria(), sort="amount", descending=False, limit=3, offset=2)
        assert [e.document_id for e in page] == [e.document_id for e in by_amount[2:5]]
        assert count_archive(session, ArchiveCriteria()) == 7
        assert count_archive(session, ArchiveCriteria(amount_min=D(7000), counterparty="北海")) == 3
        newest_issue = archive_ids(session, ArchiveCriteria(), sort="issued", descending=True)
        assert newest_issue[:2] == sorted([ids["C_organization"], ids["C_supplier"]], reverse=True)
        assert newest_issue[-3:] == sorted([ids["A_organization"], ids["A_organization_v2"], ids["A_supplier"]],
                                           reverse=True)
        entries = entries_by_id(session, [ids["A_supplier"], ids["C_organization"]])
        assert entries[ids["A_supplier"]].producers == ("札幌サーモン", "函館水産")
        assert entries[ids["C_organization"]].amount == C_TOTAL


def test_the_search_finds_the_name_as_printed_after_the_organization_is_renamed(archive) -> None:  # type: ignore[no-untyped-def]
    db, ids = archive
    with db.write() as session:
        session.execute(update(SupplierOrganization).where(SupplierOrganization.entity_name == "他組合")
                        .values(entity_name="新名称", invoice_name="新名称"))
    with db.read() as session:
        found = {e.document_id for e in search_archive(session, ArchiveCriteria(counterparty="他組合"))}
        renamed = {e.document_id for e in search_archive(session, ArchiveCriteria(counterparty="新名称"))}
    assert found == renamed == {ids["C_organization"], ids["C_supplier"]}


def test_generating_a_run_records_its_facts_with_the_pdfs(db: Database) -> None:
    from jobs.statements import generate_statements
    from oroshi_desktop.demo import generate_demo

    generate_demo(db, scale=1, seed=0)
    with db.read() as session:
        invoice_id = session.scalar(select(Invoice.id).where(Invoice.sent_at.is_(None), Invoice.send_email.is_(True)))
    document_ids = generate_statements(db, invoice_id, tz=TZ)
    facts = _facts(db)
    assert set(document_ids) <= set(facts)
    with db.read() as session:
        from oroshi_desktop.queries.archive_facts import statement_figures

        for document_id in document_ids:
            document = session.get(StoredDocument, document_id)
            iso = session.get(InvoiceSupplierOrganization, document.owner_id)
            expected = statement_figures(session, invoice_id, iso.supplier_organization_id, TZ)
            assert D(facts[document_id].amount) == expected.amount
            assert facts[document_id].counterparty == expected.counterparty
            assert (facts[document_id].producers != "") == (document.kind == "supplier" and bool(expected.producers))


def test_deleting_a_run_deletes_its_facts(archive) -> None:  # type: ignore[no-untyped-def]
    from oroshi_desktop.statement_run_editing import delete_run

    db, ids = archive
    with db.write() as session:
        invoice_id = session.get(InvoiceSupplierOrganization, ids["iso_C"]).invoice_id
        delete_run(session, invoice_id)
    facts = _facts(db)
    assert ids["C_organization"] not in facts and ids["A_supplier"] in facts


def test_revision_0004_backfills_pdfs_stored_before_it(db: Database) -> None:
    """On each database kind: PDFs stored, back to 0003 (no facts table), then upgraded."""
    with db.write() as session:  # stored by today's store, then the schema as revision 0003 had it
        ids = build_archive(session)
        digests = dict(session.execute(select(StoredDocument.id, StoredDocument.sha256)).all())
    config = schema._alembic_config(db)
    with db.engine.connect() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0003")
        conn.commit()
    assert "oroshi_desktop_archive_facts" not in inspect(db.engine).get_table_names()
    schema.upgrade(db)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(ArchiveFacts)) == 7
        fact = session.get(ArchiveFacts, ids["A_organization_v2"])
        assert D(fact.amount) == A_TOTAL and fact.issued == date(2025, 10, 16)
        # the stored PDFs are untouched: the same bytes as their digest says
        for document in session.scalars(select(StoredDocument)):
            assert document.sha256 == digests[document.id] == sha256_hex(bytes(document.content))
    assert schema.check(db) == []


def test_a_run_whose_figures_fail_to_load_stays_without_facts_and_the_rest_go_on(archive, monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    from oroshi_desktop.queries import archive_facts

    db, ids = archive
    with db.write() as session:
        session.execute(delete(ArchiveFacts))
    real = archive_facts.statement_figures
    broken_iso = ids["iso_B"]
    with db.read() as session:
        broken_invoice = session.get(InvoiceSupplierOrganization, broken_iso).invoice_id

    def figures(session, invoice_id, organization_id, tz):  # type: ignore[no-untyped-def]
        if invoice_id == broken_invoice:
            raise ValueError("a supply with no unit")
        return real(session, invoice_id, organization_id, tz)

    monkeypatch.setattr(archive_facts, "statement_figures", figures)
    with db.write() as session:
        assert fill_missing_facts(session) == 5  # A (3) and C (2); B's two are left for a retry
    assert "could not be loaded" in caplog.text
    assert set(_facts(db)) == {ids["A_organization"], ids["A_organization_v2"], ids["A_supplier"],
                               ids["C_organization"], ids["C_supplier"]}
    monkeypatch.setattr(archive_facts, "statement_figures", real)
    with db.write() as session:
        assert fill_missing_facts(session) == 2  # the retry records B once its data loads
