"""The statement archive: search by each criterion and combined, integrity check, CSV read back."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal as D

import pytest
from sqlalchemy import update

from oroshi_desktop.db.models import StoredDocument
from oroshi_desktop.errors import UserError
from oroshi_desktop.queries.archive import ArchiveCriteria, archive_csv, search_archive, verify_documents
from tests.core.archive_fixtures import A_TAXES, A_TOTAL, B_TOTAL, C_TOTAL, build_archive


def _search(db, **criteria) -> list:  # type: ignore[no-untyped-def]
    with db.read() as session:
        return search_archive(session, ArchiveCriteria(**criteria))


def _names(entries) -> set[str]:  # type: ignore[no-untyped-def]
    return {f"{e.filename}#{e.version}" for e in entries}


ALL = {"A_organization.pdf#1", "A_organization.pdf#2", "A_supplier.pdf#1", "B_organization.pdf#1",
       "B_supplier.pdf#1", "C_organization.pdf#1", "C_supplier.pdf#1"}


@pytest.fixture
def archive(db):  # type: ignore[no-untyped-def]
    with db.write() as session:
        ids = build_archive(session)
    return db, ids


def test_everything_without_criteria_with_figures_newest_first(archive) -> None:  # type: ignore[no-untyped-def]
    db, _ = archive
    entries = _search(db)
    assert _names(entries) == ALL
    assert [e.document_id for e in entries] == sorted((e.document_id for e in entries), reverse=True)
    by_name = {f"{e.filename}#{e.version}": e for e in entries}
    a = by_name["A_organization.pdf#2"]
    assert (a.amount, a.taxes, a.issued) == (A_TOTAL, A_TAXES, date(2025, 10, 16))
    assert a.registration_number == "T9876543210987" and a.counterparty == "北海水産協同組合"
    assert a.password == "pw-A-v2"
    assert by_name["A_organization.pdf#1"].password is None  # the older generation's password is gone
    assert by_name["B_supplier.pdf#1"].amount == B_TOTAL
    assert by_name["B_supplier.pdf#1"].producers == ("函館水産",)
    assert by_name["C_organization.pdf#1"].amount == C_TOTAL


def test_each_criterion(archive) -> None:  # type: ignore[no-untyped-def]
    db, _ = archive
    assert _names(_search(db, issued_from=date(2025, 11, 1))) == {
        "B_organization.pdf#1", "B_supplier.pdf#1", "C_organization.pdf#1", "C_supplier.pdf#1"}
    assert _names(_search(db, issued_to=date(2025, 10, 31))) == {
        "A_organization.pdf#1", "A_organization.pdf#2", "A_supplier.pdf#1"}
    assert _names(_search(db, amount_min=D(6000))) == ALL - {"B_organization.pdf#1", "B_supplier.pdf#1"}
    assert _names(_search(db, amount_max=D(7560))) == {
        "B_organization.pdf#1", "B_supplier.pdf#1", "C_organization.pdf#1", "C_supplier.pdf#1"}
    assert _names(_search(db, counterparty="他組")) == {"C_organization.pdf#1", "C_supplier.pdf#1"}
    # a producer's name finds the supplier-format statements only, which name the producers
    assert _names(_search(db, counterparty="札幌サーモン")) == {"A_supplier.pdf#1", "B_supplier.pdf#1"}
    assert _search(db, counterparty="100%_") == []  # LIKE wildcards are plain text


def test_criteria_combine(archive) -> None:  # type: ignore[no-untyped-def]
    db, _ = archive
    assert _names(_search(db, issued_from=date(2025, 10, 20), amount_min=D(5000), amount_max=D(6000),
                          counterparty="北海")) == {"B_organization.pdf#1", "B_supplier.pdf#1"}
    assert _search(db, issued_to=date(2025, 10, 20), counterparty="他組合") == []


def test_bad_ranges_are_refused(archive) -> None:  # type: ignore[no-untyped-def]
    db, _ = archive
    with pytest.raises(UserError, match="issue date"):
        _search(db, issued_from=date(2025, 11, 2), issued_to=date(2025, 11, 1))
    with pytest.raises(UserError) as err:
        _search(db, amount_min=D(10), amount_max=D(1))
    assert "金額" in err.value.message_ja


def test_integrity_check_reports_a_document_altered_behind_the_apps_back(archive) -> None:  # type: ignore[no-untyped-def]
    db, ids = archive
    with db.write() as session:
        session.execute(update(StoredDocument).where(StoredDocument.id == ids["B_supplier"])
                        .values(content=b"%PDF-1.4 tampered"))
    steps: list[tuple[int, int]] = []
    all_ids = [e.document_id for e in _search(db)]
    with db.read() as session:
        problems = verify_documents(session, all_ids, step=lambda done, total: steps.append((done, total)))
    assert [(p.document_id, p.filename) for p in problems] == [(ids["B_supplier"], "B_supplier.pdf")]
    assert problems[0].actual_sha256 != problems[0].stored_sha256
    assert steps[-1] == (len(all_ids), len(all_ids))


def test_csv_reads_back_in_excel_form(archive) -> None:  # type: ignore[no-untyped-def]
    db, ids = archive
    entries = _search(db, counterparty="北海", issued_to=date(2025, 10, 31))
    data = archive_csv(entries)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["発行日", "取引先", "登録番号", "支払金額", "対象額8%", "消費税8%", "対象額10%",
                       "消費税10%", "ファイル名", "版", "SHA-256"]
    by_file = {(r[8], r[9]): r for r in rows[1:]}
    assert len(rows) == 4
    row = by_file[("A_organization.pdf", "2")]
    assert row[:8] == ["2025-10-16", "北海水産協同組合", "T9876543210987", "27823", "25441", "2035", "315", "32"]
    supplier = by_file[("A_supplier.pdf", "1")]
    assert supplier[1] == "北海水産協同組合（札幌サーモン、函館水産）"
    with db.read() as session:
        stored = session.get(StoredDocument, ids["A_organization_v2"])
        assert row[10] == stored.sha256
