"""書類保管 view: search by each criterion and combined, open a version, 整合性チェック, CSV export."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select, update

from oroshi_desktop.db.models import StoredDocument
from tests.ui.archive_fixtures import PASSWORD, ArchiveEnv, start_archive_env
from ui.qt import QApplication, QMessageBox, Qt

# Depends on the date the demo is anchored on: .ci/run runs it again on other dates.
pytestmark = pytest.mark.calendar


@pytest.fixture
def env(qtbot, qapp, db) -> Iterator[ArchiveEnv]:  # type: ignore[no-untyped-def]
    yield from start_archive_env(qtbot, qapp, db)


def _search(qtbot, env: ArchiveEnv, **typed: str) -> set[str]:  # type: ignore[no-untyped-def]
    view = env.view
    bar = view.filters  # type: ignore[attr-defined]
    bar.amount_min.setText(typed.get("amount_min", ""))
    bar.amount_max.setText(typed.get("amount_max", ""))
    bar.counterparty.setText(typed.get("counterparty", ""))
    if "start" in typed:
        from ui.qt import QDate

        bar.period_switch.setChecked(True)
        bar.start_edit.setDate(QDate.fromString(typed["start"], "yyyy-MM-dd"))
        bar.end_edit.setDate(QDate.fromString(typed["end"], "yyyy-MM-dd"))
    else:
        bar.period_switch.setChecked(False)
    with qtbot.waitSignal(view.searched, timeout=20000):  # type: ignore[attr-defined]
        bar.emit_now()
    model = view.model  # type: ignore[attr-defined]
    return {f"{e.filename}#{e.version}" for e in model.entries}


def test_lists_every_stored_version_and_passes_the_model_tester(env: ArchiveEnv, qtmodeltester) -> None:
    view = env.view
    model = view.model  # type: ignore[attr-defined]
    qtmodeltester.check(model)
    assert view.table.objectName() == "archiveTable"  # type: ignore[attr-defined]
    assert len(model.entries) == 8
    assert view.count_label.text() == "8件"  # type: ignore[attr-defined]
    # newest issue date first, and the amount column shows yen with separators
    first = model.index(0, 0).data()
    assert first == "2025/11/02"
    amounts = {model.index(r, 3).data() for r in range(model.rowCount())}
    assert amounts == {"27,823", "5,400", "7,560"}
    model.sort(3, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 3).data() == "5,400"
    qtmodeltester.check(model)


def test_search_by_each_criterion_and_combined(env: ArchiveEnv, qtbot) -> None:  # type: ignore[no-untyped-def]
    a_all = {"A_organization.pdf#1", "A_organization.pdf#2", "A_organization.pdf#3", "A_supplier.pdf#1"}
    b_all = {"B_organization.pdf#1", "B_supplier.pdf#1"}
    c_all = {"C_organization.pdf#1", "C_supplier.pdf#1"}
    assert _search(qtbot, env, start="2025-10-01", end="2025-10-31") == a_all
    assert _search(qtbot, env, amount_min="６，０００") == a_all | c_all   # full-width as typed
    assert _search(qtbot, env, amount_max="7560円") == b_all | c_all
    assert _search(qtbot, env, counterparty="函館") == {"A_supplier.pdf#1", "B_supplier.pdf#1"}
    assert _search(qtbot, env, start="2025-10-20", end="2025-12-31", amount_min="5000", amount_max="6000",
                   counterparty="北海") == b_all


def test_a_bad_amount_is_refused_inline_naming_the_field(env: ArchiveEnv, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = env.view
    bar = view.filters  # type: ignore[attr-defined]
    before = list(view.model.entries)  # type: ignore[attr-defined]
    bar.amount_min.setText("12.5")
    bar.emit_now()
    assert bar.problem.isVisibleTo(view)
    assert "金額（下限）" in bar.problem.text()
    assert view.model.entries == before  # type: ignore[attr-defined]
    bar.amount_min.setText("100")
    bar.amount_max.setText("10")
    bar.emit_now()
    assert "上限" in bar.problem.text()


def test_open_the_newest_version_with_its_stored_password(env: ArchiveEnv, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.viewer import viewer_window

    view = env.view
    model = view.model  # type: ignore[attr-defined]
    row = next(r for r, e in enumerate(model.entries) if e.document_id == env.ids["A_organization_v3"])
    assert model.entries[row].password == PASSWORD
    view.table.selectRow(row)  # type: ignore[attr-defined]
    view.action("openArchiveDocument").trigger()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: viewer_window().tabs.count() == 1, timeout=10000)
    tab = viewer_window().tab_list()[0]
    assert tab.document.pageCount() == 1
    viewer_window().close()


def test_verify_reports_a_document_altered_behind_the_apps_back(env: ArchiveEnv, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = env.view
    with env.database.read() as session:
        before = session.scalar(select(func.count()).select_from(StoredDocument))
    with qtbot.waitSignal(view.verified, timeout=20000) as clean:  # type: ignore[attr-defined]
        view.action("verifyArchive").trigger()  # type: ignore[attr-defined]
    assert clean.args[0] == []
    view.result_box.close()  # type: ignore[attr-defined]
    with env.database.write() as session:
        session.execute(update(StoredDocument).where(StoredDocument.id == env.ids["C_supplier"])
                        .values(content=b"%PDF-1.4 rewritten"))
    with qtbot.waitSignal(view.verified, timeout=20000) as found:  # type: ignore[attr-defined]
        view.action("verifyArchive").trigger()  # type: ignore[attr-defined]
    problems = found.args[0]
    assert [p.document_id for p in problems] == [env.ids["C_supplier"]]
    box = view.result_box  # type: ignore[attr-defined]
    assert box.objectName() == "archiveVerifyResult" and box.icon() == QMessageBox.Icon.Warning
    assert "C_supplier.pdf" in box.text() and "8件中 1件" in box.text()
    model = view.model  # type: ignore[attr-defined]
    row = next(r for r, e in enumerate(model.entries) if e.document_id == env.ids["C_supplier"])
    assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    box.close()
    with env.database.read() as session:  # checking never writes to the store
        assert session.scalar(select(func.count()).select_from(StoredDocument)) == before
    QApplication.processEvents()


def test_csv_export_of_the_search_result_reads_back(env: ArchiveEnv, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    view = env.view
    _search(qtbot, env, counterparty="他組合")
    target = tmp_path / "archive.csv"
    with qtbot.waitSignal(view.exported, timeout=10000):  # type: ignore[attr-defined]
        view.export_csv(str(target))  # type: ignore[attr-defined]
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0][:4] == ["発行日", "取引先", "登録番号", "支払金額"]
    assert sorted((r[0], r[1], r[3], r[4], r[5], r[8]) for r in rows[1:]) == [
        ("2025-11-02", "他組合", "7560", "7000", "560", "C_organization.pdf"),
        ("2025-11-02", "他組合（他）", "7560", "7000", "560", "C_supplier.pdf")]


def test_no_action_can_change_or_delete_a_stored_document(env: ArchiveEnv) -> None:
    names = {a.objectName() for a in env.view.actions()}  # type: ignore[attr-defined]
    assert names == {"openArchiveDocument", "printArchiveDocument", "verifyArchive", "exportArchiveCsv", "exportList",
                     "exportArchiveHead"}


def test_the_issue_date_filter_finds_the_statements_made_today(env: ArchiveEnv, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A run's PDFs are made days before its send date, which is their issue date: the default range
    of the 発行日 filter must reach past today, or the four PDFs just made are 0件."""
    from datetime import UTC, datetime, timedelta

    from oroshi_desktop.db.models import Invoice, InvoiceSupplierOrganization
    from oroshi_desktop.document_store import STATEMENT_OWNER_TYPE, store_document
    from tests.core.archive_fixtures import pdf_bytes

    send_at = datetime.now(UTC) + timedelta(days=9)  # the clock is pinned (tests/helpers/clock.py)
    with env.database.write() as session:
        org_id = session.scalar(select(InvoiceSupplierOrganization.supplier_organization_id)
                                .where(InvoiceSupplierOrganization.id == env.ids["iso_A"]))
        invoice = Invoice(start_date=send_at.date() - timedelta(days=20), end_date=send_at.date() - timedelta(days=5),
                          invoice_layout=1, send_email=True, send_at=send_at)
        session.add(invoice)
        session.flush()
        iso = InvoiceSupplierOrganization(invoice_id=invoice.id, supplier_organization_id=org_id, passwords={})
        session.add(iso)
        session.flush()
        for kind in ("organization", "supplier"):
            store_document(session, owner_type=STATEMENT_OWNER_TYPE, owner_id=iso.id, kind=kind,
                           filename=f"today_{kind}.pdf", content=pdf_bytes(f"today {kind}"))
    bar = env.view.filters  # type: ignore[attr-defined]
    bar.period_switch.setChecked(True)  # the default range, as a clerk ticks it
    with qtbot.waitSignal(env.view.searched, timeout=20000):  # type: ignore[attr-defined]
        bar.emit_now()
    found = {e.filename for e in env.view.model.entries}  # type: ignore[attr-defined]
    assert {"today_organization.pdf", "today_supplier.pdf"} <= found


@pytest.mark.parametrize(("where", "words"), [("missing", "がありません"), ("folder", "フォルダーです"),
                                              ("full", "空きがありません")])
def test_csv_export_that_cannot_be_written_is_one_plain_dialog(env: ArchiveEnv, qtbot, tmp_path, monkeypatch,
                                                               where, words) -> None:  # type: ignore[no-untyped-def]
    """A missing folder, a folder and /dev/full gave a generic 予期しないエラー dialog (issue 21, point 9)."""
    from pathlib import Path

    if where == "full" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    target = {"missing": tmp_path / "nowhere" / "archive.csv", "folder": tmp_path, "full": Path("/dev/full")}[where]
    env.view.export_csv(str(target))  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert len(shown) == 1 and words in shown[0] and "予期しない" not in shown[0]
    assert not (tmp_path / "nowhere").exists()


def test_verify_finds_a_changed_figure_and_shows_and_exports_the_chain_head(env: ArchiveEnv, qtbot,
                                                                          tmp_path) -> None:  # type: ignore[no-untyped-def]
    """整合性チェック saw only a changed PDF byte; now the figures the search shows are checked too
    (issue 21, point 8), and the head is shown and written for an auditor."""
    from oroshi_desktop.archive_chain import chain_head, check_against_head
    from oroshi_desktop.db.models import ArchiveFacts

    view = env.view
    target = tmp_path / "head.txt"
    with qtbot.waitSignal(view.head_exported, timeout=10000) as written:  # type: ignore[attr-defined]
        view.export_head(str(target))  # type: ignore[attr-defined]
    assert target.read_text(encoding="utf-8").strip() == written.args[0] and "sha256" in written.args[0]
    with env.database.read() as session:
        head = chain_head(session)
        assert head is not None and check_against_head(session, written.args[0]) is None
    with env.database.write() as session:
        session.execute(update(ArchiveFacts).where(ArchiveFacts.document_id == env.ids["B_supplier"])
                        .values(amount=1))
    with qtbot.waitSignal(view.verified, timeout=20000) as found:  # type: ignore[attr-defined]
        view.action("verifyArchive").trigger()  # type: ignore[attr-defined]
    assert found.args[0] == []  # the bytes are intact ...
    box = view.result_box  # type: ignore[attr-defined]
    assert box.icon() == QMessageBox.Icon.Warning  # ... the figure is not
    assert "金額" in box.text() and f"文書番号 {env.ids['B_supplier']}" in box.text()
    assert f"連鎖の先頭（第{head.seq}件）のSHA-256:\n{head.record_hash}" in box.text()
    box.close()
