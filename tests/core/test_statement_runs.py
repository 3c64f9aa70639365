"""The statement runs list and detail (states in SQL), the dialog's planning reads, and creating and
deleting a run, on SQLite and both PostgreSQL databases."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from jobs.statements import generate_statements
from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import (
    Invoice,
    InvoiceSupplierOrganization,
    InvoiceSupplyDate,
    OutboxMessage,
    Supplier,
    SupplierOrganization,
    Supply,
    SupplyDate,
)
from oroshi_desktop.domain.schedule import BUSINESS_TZ_DEFAULT
from oroshi_desktop.errors import UserError
from oroshi_desktop.mail.outbox import prepare_outbox
from oroshi_desktop.queries.run_detail import run_detail
from oroshi_desktop.queries.run_planning import (
    company_cc,
    organization_choices,
    plan_warnings,
    supply_day_count,
)
from oroshi_desktop.queries.statement_runs import RunFilter, RunState, SortKey, run_ids, run_rows
from oroshi_desktop.statement_run_editing import SENT_DELETE_REFUSED, NewRun, create_run, delete_run
from tests.printables.statement_fixtures import (
    END,
    ORGANIZATION,
    START,
    StatementFixture,
    build_statement_fixture,
)

SEND_AT = datetime(2025, 10, 16, 0, 0, tzinfo=UTC)


@pytest.fixture
def fixture(db: Database) -> StatementFixture:
    with db.write() as session:
        return build_statement_fixture(session)


def _new(db: Database, fixture: StatementFixture, *, start: date = START, end: date = END,
         send_email: bool = True, orgs: tuple[int, ...] | None = None) -> int:
    with db.write() as session:
        return create_run(session, NewRun(start=start, end=end, layout="simple", send_email=send_email,
                                          send_at=SEND_AT,
                                          organization_ids=orgs or (fixture.organization_id,)))


def _state(db: Database, invoice_id: int) -> RunState:
    """The state a page shows (computed in Python) — checked against the SQL the filter and sort use."""
    with db.read() as session:
        shown = run_rows(session, [invoice_id])[invoice_id].state
        by_sql = [state for state in RunState
                  if invoice_id in run_ids(session, RunFilter(states=frozenset({state})))]
    assert by_sql == [shown]
    return shown


def test_create_run_writes_rows_and_locks_only_its_organizations_supplies(db, fixture) -> None:
    invoice_id = _new(db, fixture)
    with db.read() as session:
        invoice = session.get(Invoice, invoice_id)
        assert (invoice.start_date, invoice.end_date, invoice.invoice_layout, invoice.send_email) == \
            (START, END, 2, True)
        assert invoice.send_at == SEND_AT and invoice.sent_at is None
        isos = session.scalars(select(InvoiceSupplierOrganization)
                               .where(InvoiceSupplierOrganization.invoice_id == invoice_id)).all()
        assert [(i.supplier_organization_id, i.completed, i.passwords) for i in isos] == \
            [(fixture.organization_id, False, {})]
        days = session.scalars(select(SupplyDate.date).join(InvoiceSupplyDate,
                                                            InvoiceSupplyDate.supply_date_id == SupplyDate.id)
                               .where(InvoiceSupplyDate.invoice_id == invoice_id)).all()
        assert days and all(START <= d <= END for d in days)
        locked = session.execute(select(Supplier.supplier_organization_id, SupplyDate.date, Supply.locked)
                                 .join(Supplier, Supply.supplier_id == Supplier.id)
                                 .join(SupplyDate, Supply.supply_date_id == SupplyDate.id)).all()
    assert all(flag for org, day, flag in locked if org == fixture.organization_id and START <= day <= END)
    assert not any(flag for org, day, flag in locked if org == fixture.other_organization_id)
    assert not any(flag for org, day, flag in locked if not START <= day <= END)


def test_bad_input_is_refused_naming_the_field(db, fixture) -> None:
    with db.write() as session, pytest.raises(UserError) as err:
        create_run(session, NewRun(start=END, end=START, organization_ids=(fixture.organization_id,),
                                   send_at=SEND_AT))
    assert err.value.message_ja.startswith("期間:")
    with db.write() as session, pytest.raises(UserError) as err:
        create_run(session, NewRun(start=START, end=END, organization_ids=(), send_at=SEND_AT))
    assert err.value.message_ja == "供給組織: 少なくとも1つ必要です"
    with db.write() as session, pytest.raises(UserError) as err:
        create_run(session, NewRun(start=START, end=END, organization_ids=(fixture.organization_id,)))
    assert err.value.message_ja.startswith("送信日時:")


def test_states_follow_generation_and_the_outbox(db, fixture) -> None:
    invoice_id = _new(db, fixture)
    assert _state(db, invoice_id) is RunState.NOT_GENERATED
    generate_statements(db, invoice_id, tz=BUSINESS_TZ_DEFAULT)
    assert _state(db, invoice_id) is RunState.SCHEDULED
    with db.write() as session:
        session.execute(update(InvoiceSupplierOrganization).where(InvoiceSupplierOrganization.invoice_id == invoice_id)
                        .values(completed=False))
    assert _state(db, invoice_id) is RunState.GENERATING  # old PDFs are there, new ones not yet
    generate_statements(db, invoice_id, tz=BUSINESS_TZ_DEFAULT)
    with db.write() as session:
        (row,) = prepare_outbox(session, invoice_id)
        row_id = row.id
    assert _state(db, invoice_id) is RunState.SCHEDULED
    for state, expected in (("failed", RunState.PARTLY_FAILED), ("uncertain", RunState.UNCERTAIN)):
        with db.write() as session:
            session.execute(update(OutboxMessage).where(OutboxMessage.id == row_id)
                            .values(state=state, last_error_ja="テストのエラー"))
        assert _state(db, invoice_id) is expected
    with db.write() as session:
        session.execute(update(OutboxMessage).where(OutboxMessage.id == row_id).values(state="sent"))
        session.execute(update(Invoice).where(Invoice.id == invoice_id).values(sent_at=SEND_AT))
    assert _state(db, invoice_id) is RunState.SENT
    # A bounce notice (不達) makes the run not 送信済み although sent_at stays: on the page and in SQL.
    with db.write() as session:
        session.execute(update(OutboxMessage).where(OutboxMessage.id == row_id).values(state="bounced"))
    assert _state(db, invoice_id) is RunState.BOUNCED
    with db.read() as session:
        assert invoice_id in run_ids(session, RunFilter(states=frozenset({RunState.BOUNCED})))
        assert invoice_id not in run_ids(session, RunFilter(states=frozenset({RunState.SENT})))
    with db.write() as session:
        session.execute(update(OutboxMessage).where(OutboxMessage.id == row_id).values(state="sent"))
    unmailed = _new(db, fixture, send_email=False)
    generate_statements(db, unmailed, tz=BUSINESS_TZ_DEFAULT)
    assert _state(db, unmailed) is RunState.NO_MAIL


def test_list_sorts_and_filters_in_sql(db, fixture) -> None:
    older = _new(db, fixture, start=START - timedelta(days=30), end=START - timedelta(days=16))
    newer = _new(db, fixture)
    other = _new(db, fixture, start=START + timedelta(days=30), end=END + timedelta(days=30),
                 orgs=(fixture.other_organization_id,))
    generate_statements(db, newer, tz=BUSINESS_TZ_DEFAULT)
    with db.read() as session:
        everything = run_ids(session)
        assert everything.index(other) < everything.index(newer) < everything.index(older)
        assert run_ids(session, sort=SortKey.PERIOD, descending=False)[-1] == other
        assert run_ids(session, RunFilter(organization=ORGANIZATION[:3])) == [newer, older, fixture.invoice_id] \
            or set(run_ids(session, RunFilter(organization=ORGANIZATION[:3]))) == {newer, older, fixture.invoice_id}
        assert other not in run_ids(session, RunFilter(organization=ORGANIZATION[:3]))
        assert run_ids(session, RunFilter(organization="%")) == []  # a wildcard is a plain character
        assert set(run_ids(session, RunFilter(start=START, end=END))) >= {newer} and older not in \
            run_ids(session, RunFilter(start=START, end=END))
        scheduled = run_ids(session, RunFilter(states=frozenset({RunState.SCHEDULED})))
        assert newer in scheduled and older not in scheduled
        by_state = run_ids(session, sort=SortKey.STATE, descending=False)
        assert by_state.index(older) < by_state.index(newer)  # 未作成 before 送信予定
        rows = run_rows(session, [newer, other])
        assert rows[newer].organization_names == (ORGANIZATION,)
        assert rows[other].state is RunState.NOT_GENERATED


def test_detail_has_two_pdfs_with_passwords_and_the_outbox_history(db, fixture) -> None:
    invoice_id = _new(db, fixture)
    generate_statements(db, invoice_id, tz=BUSINESS_TZ_DEFAULT)
    with db.write() as session:
        prepare_outbox(session, invoice_id)
    with db.read() as session:
        detail = run_detail(session, invoice_id)
    (part,) = detail.parts
    assert part.name == ORGANIZATION and part.completed
    assert [f.kind for f in part.files] == ["organization", "supplier"]
    assert all(f.filename.endswith(".pdf") and len(f.password or "") == 8 for f in part.files)
    assert part.outbox is not None and part.outbox.state == "pending" and part.outbox.generation == 1
    assert not detail.anything_sent


def test_delete_refused_after_a_send_and_unlocks_otherwise(db, fixture) -> None:
    invoice_id = _new(db, fixture)
    with db.write() as session:
        delete_run(session, invoice_id)
    with db.read() as session:
        assert session.get(Invoice, invoice_id) is None
        assert not session.scalars(select(InvoiceSupplierOrganization)
                                   .where(InvoiceSupplierOrganization.invoice_id == invoice_id)).all()
        assert not any(session.scalars(select(Supply.locked)))
    sent = _new(db, fixture)
    with db.write() as session:
        session.execute(update(InvoiceSupplierOrganization).where(InvoiceSupplierOrganization.invoice_id == sent)
                        .values(sent_at=SEND_AT))
    with db.write() as session, pytest.raises(UserError) as err:
        delete_run(session, sent)
    assert err.value.message_ja == SENT_DELETE_REFUSED
    with db.read() as session:
        assert session.get(Invoice, sent) is not None


def test_planning_reads_count_days_and_warn(db, fixture) -> None:
    with db.write() as session:
        # One unpriced supply, and the organization without its registration number.
        supply_id = session.scalar(select(Supply.id).join(Supplier, Supply.supplier_id == Supplier.id)
                                   .join(SupplyDate, Supply.supply_date_id == SupplyDate.id)
                                   .where(Supplier.supplier_organization_id == fixture.organization_id,
                                          SupplyDate.date == START, Supply.quantity > 0, Supply.price > 0).limit(1))
        session.execute(update(Supply).where(Supply.id == supply_id).values(price=0))
        session.execute(update(SupplierOrganization).where(SupplierOrganization.id == fixture.other_organization_id)
                        .values(invoice_number=None))
    with db.read() as session:
        days = supply_day_count(session, START, END)
        assert 1 <= days <= (END - START).days + 1
        assert supply_day_count(session, END, START) == 0
        choices = organization_choices(session)
        assert {c.id for c in choices} >= {fixture.organization_id, fixture.other_organization_id}
        assert company_cc(session) == "info@oroshi.example"
        warnings = plan_warnings(session, START, END, [fixture.organization_id, fixture.other_organization_id])
        far = plan_warnings(session, date(2030, 1, 1), date(2030, 1, 2), [fixture.organization_id])
    kinds = {(w.kind, w.organization_id) for w in warnings}
    assert ("unpriced", fixture.organization_id) in kinds
    assert ("no_registration", fixture.other_organization_id) in kinds
    assert ("overlap", fixture.organization_id) in kinds  # the fixture's own run covers the period
    unpriced = next(w for w in warnings if w.kind == "unpriced")
    already = sum(1 for s in fixture.in_scope() if s.quantity > 0 and s.price == 0)
    assert f"（{already + 1}件）" in unpriced.text and "10/01" in unpriced.text
    assert [w.kind for w in far] == ["no_supplies"]


def test_supplies_no_statement_can_carry_are_counted_named_and_summed(db, fixture) -> None:
    """Supplies whose supplier or organization does not exist dropped out without a word (issue 21, point 4)."""
    from decimal import Decimal

    from oroshi_desktop.queries.run_planning import run_unattributed, unattributed_supplies
    from tests.helpers.broken_data import write_unchecked

    in_period = (select(Supply.id, Supply.price, Supply.quantity, Supply.supplier_id)
                 .join(SupplyDate, Supply.supply_date_id == SupplyDate.id)
                 .where(SupplyDate.date.between(START, END), Supply.quantity != 0).order_by(Supply.id))
    with db.read() as session:
        assert unattributed_supplies(session, START, END) is None
        supplies = session.execute(in_period).all()
    first = supplies[0]
    orphaned_supplier = next(row.supplier_id for row in supplies if row.supplier_id != first.supplier_id)
    # One supply names a supplier that does not exist; one supplier names an organization that does not.
    write_unchecked(db, f"UPDATE oroshi_supplies SET supplier_id = 999999 WHERE id = {first.id}")
    write_unchecked(db, f"UPDATE oroshi_suppliers SET supplier_organization_id = 888888 WHERE id = {orphaned_supplier}")
    lost_rows = [first] + [row for row in supplies if row.supplier_id == orphaned_supplier]
    expected = sum((Decimal(str(row.price)) * Decimal(str(row.quantity)) for row in lost_rows), Decimal(0))
    with db.read() as session:
        lost = unattributed_supplies(session, START, END)
        assert lost is not None and lost.count == len(lost_rows) and lost.amount == expected
        assert lost.supply_ids == tuple(sorted(row.id for row in lost_rows))[:5]
        warnings = plan_warnings(session, START, END, [fixture.organization_id])
    [warning] = [w for w in warnings if w.kind == "unattributed"]
    assert warnings[0] is warning  # read first: it changes what the run's money adds up to
    assert f"供給 {first.id}" in warning.text and "どの支払明細書にも載りません" in warning.text
    assert f"{len(lost_rows)} supplies" in warning.text_en and f"supply {first.id}" in warning.text_en
    lost_by_run = db.reading(run_unattributed, fixture.invoice_id)
    assert lost_by_run is not None and lost_by_run.count >= 1
