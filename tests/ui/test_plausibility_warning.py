"""The new-statement dialog (仕切り作成) lists a statement line above the plausible amount among its
warnings (and a supply with a NaN/negative/absurd number, whose organization would not be made);
the limit comes from the setting the view passes. Real dialog, real SQLite database."""

from __future__ import annotations

from sqlalchemy import select, update

from oroshi_desktop.db.models import Supplier, Supply, SupplyDate
from oroshi_desktop.domain.schedule import BUSINESS_TZ_DEFAULT
from tests.printables.statement_fixtures import END, START, build_statement_fixture
from ui.qt import Qt
from ui.statements.new_dialog import NewStatementDialog


def _warnings(qtbot, database, limit):  # type: ignore[no-untyped-def]
    dialog = NewStatementDialog(database, BUSINESS_TZ_DEFAULT, today=END, plausible_line_amount=limit)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.checked, timeout=20000):  # the first check, of the default period
        pass
    with qtbot.waitSignal(dialog.checked, timeout=20000):
        dialog.set_period(START, END)
    items = [dialog.warning_list.item(i) for i in range(dialog.warning_list.count())]
    return {(item.data(Qt.ItemDataRole.UserRole), item.text()) for item in items}


def test_big_line_and_bad_number_are_listed_not_blocking(qtbot, sqlite_db) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.write() as session:
        fixture = build_statement_fixture(session)
        supply_id = session.scalar(
            select(Supply.id).join(Supplier, Supply.supplier_id == Supplier.id)
            .join(SupplyDate, Supply.supply_date_id == SupplyDate.id)
            .where(Supplier.supplier_organization_id == fixture.organization_id, SupplyDate.date == START,
                   Supply.price > 0).order_by(Supply.id).limit(1))
        session.execute(update(Supply).where(Supply.id == supply_id).values(quantity=1000.0, price=6000.0))
    shown = _warnings(qtbot, sqlite_db, 5_000_000)
    big = [text for kind, text in shown if kind == "implausible"]
    assert len(big) == 1 and "5,000,000円 を超える明細行" in big[0] and "6,000,000円" in big[0]
    assert not [kind for kind, _text in _warnings(qtbot, sqlite_db, 7_000_000) if kind == "implausible"]
    with sqlite_db.write() as session:
        session.execute(update(Supply).where(Supply.id == supply_id).values(quantity=-3.0))
    bad = [text for kind, text in _warnings(qtbot, sqlite_db, 5_000_000) if kind == "invalid_number"]
    assert len(bad) == 1 and f"供給 {supply_id} の数量" in bad[0] and "作成されません" in bad[0]
