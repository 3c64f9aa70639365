"""Hostile numbers through the real CLI (subprocesses): a bad supply is one line naming the supply
and field with exit 2 and no file written; a line above ``plausible_line_amount`` is a warning on
stderr that does not change the exit code; the setting itself is validated at load."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select, update

from oroshi_desktop.config import load_settings
from oroshi_desktop.db.engine import open_database
from oroshi_desktop.db.models import Supplier, Supply, SupplyDate
from oroshi_desktop.domain.quantities import DEFAULT_PLAUSIBLE_LINE_AMOUNT
from oroshi_desktop.errors import ConfigError
from tests.core.test_cli import assert_one_line_error, run
from tests.printables.statement_fixtures import END, START, build_statement_fixture


@pytest.fixture
def statement_home(tmp_path: Path) -> tuple[Path, int, int, int]:
    """An embedded database made by ``db upgrade``, filled with the statement fixture."""
    assert run("db", "upgrade").returncode == 0
    database = open_database(f"sqlite:///{Path(os.environ['OROSHI_HOME']) / 'data' / 'oroshi.sqlite3'}")
    try:
        with database.write() as session:
            fixture = build_statement_fixture(session)
            supply_id = int(session.scalar(
                select(Supply.id).join(Supplier, Supply.supplier_id == Supplier.id)
                .join(SupplyDate, Supply.supply_date_id == SupplyDate.id)
                .where(Supplier.supplier_organization_id == fixture.organization_id, SupplyDate.date == START,
                       Supply.price > 0).order_by(Supply.id).limit(1)))
    finally:
        database.dispose()
    return Path(os.environ["OROSHI_HOME"]), fixture.organization_id, fixture.invoice_id, supply_id


def _set(home: Path, supply_id: int, **values: float) -> None:
    database = open_database(f"sqlite:///{home / 'data' / 'oroshi.sqlite3'}")
    try:
        with database.write() as session:
            session.execute(update(Supply).where(Supply.id == supply_id).values(**values))
    finally:
        database.dispose()


def _preview(org_id: int, out: Path, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return run("render", "preview", "--from", START.isoformat(), "--to", END.isoformat(), "--organization",
               str(org_id), "--format", "organization", "--out", str(out), env=env)


def test_bad_supply_is_one_line_and_no_file(statement_home, tmp_path: Path) -> None:
    home, org_id, invoice_id, supply_id = statement_home
    tried = 0
    for field, value in (("quantity", float("inf")), ("quantity", -2.0), ("price", 1e300), ("price", -1.0)):
        _set(home, supply_id, **{"quantity": 5.0, "price": 1000.0, field: value})
        out = tmp_path / f"{field}-{tried}.pdf"
        assert_one_line_error(_preview(org_id, out), f"supply {supply_id}: {field}")
        assert not out.exists()
        statement = run("render", "statement", "--invoice", str(invoice_id), "--organization", str(org_id),
                        "--format", "supplier", "--no-password", "--out", str(out))
        assert_one_line_error(statement, f"supply {supply_id}: {field}")
        tried += 2
    print(f"CLI: {tried} bad supply numbers refused in one line")


def test_implausible_line_is_a_warning_not_a_refusal(statement_home, tmp_path: Path) -> None:
    home, org_id, _invoice_id, supply_id = statement_home
    _set(home, supply_id, quantity=1000.0, price=6000.0)
    result = _preview(org_id, tmp_path / "big.pdf")
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "above the plausible amount of 5,000,000 yen" in warnings[0]
    assert "6,000,000 yen" in warnings[0] and (tmp_path / "big.pdf").stat().st_size > 0
    raised = _preview(org_id, tmp_path / "ok.pdf", env={"OROSHI_PLAUSIBLE_LINE_AMOUNT": "7000000"})
    assert raised.returncode == 0 and "warning:" not in raised.stderr
    refused = _preview(org_id, tmp_path / "no.pdf", env={"OROSHI_PLAUSIBLE_LINE_AMOUNT": "0"})
    assert_one_line_error(refused, "plausible_line_amount")


@pytest.mark.parametrize("text", ["0", "-5", "abc", "nan", "inf", "1e400", "2.5", "true", "10000000000000"])
def test_plausible_amount_setting_is_validated_at_load(tmp_path: Path, text: str) -> None:
    with pytest.raises(ConfigError, match=r"(?i)plausible_line_amount"):
        load_settings({**os.environ, "OROSHI_PLAUSIBLE_LINE_AMOUNT": text})


@pytest.mark.parametrize("toml", ["2.5", "inf", "nan", "-1", "true", '"many"', "0"])
def test_plausible_amount_in_the_settings_file(toml: str) -> None:
    settings_file = load_settings().paths.settings_file
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text(f"plausible_line_amount = {toml}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"(?i)plausible_line_amount"):
        load_settings()
    settings_file.write_text("plausible_line_amount = 8000000\n", encoding="utf-8")
    assert load_settings().plausible_line_amount == 8_000_000


def test_default_plausible_amount() -> None:
    assert load_settings().plausible_line_amount == DEFAULT_PLAUSIBLE_LINE_AMOUNT == 5_000_000
