"""The payment statement PDF (支払明細書) from database to pages, checked against hand-computed numbers.

Expected values come from ``statement_fixtures`` (grouping and rounding redone there with Decimal,
independently of the domain code) and, for the grand totals, from literals computed by hand:
仕入額 495,329円 = producer 1: 462,847 + producer 2: 5,562 + 8,700 + 3,400 + producer 25: 14,820 + 0;
tax 8 % of 495,329 = 39,626.32 → 39,626円; 支払金額合計 534,955円.
"""

from __future__ import annotations

import re
import subprocess
import time
from collections import defaultdict
from dataclasses import replace
from datetime import date
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PasswordType, PdfReader
from sqlalchemy import update

from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import Supplier, SupplierOrganization, SupplyType, SupplyTypeVariation
from oroshi_desktop.domain.money import Rounding
from oroshi_desktop.domain.parties import Company, Receiver
from oroshi_desktop.domain.payment_statement import PaymentStatement
from oroshi_desktop.domain.statement_body import SupplyRecord, build_body
from oroshi_desktop.queries.statements import load_statement
from printables.statement import NO_PAYMENTS, PREVIEW_NOTICE, TAX_NOTE, render_statement
from tests.printables.statement_fixtures import (
    END,
    ORGANIZATION,
    ORGANIZATION_NUMBER,
    PRODUCERS,
    START,
    STATEMENT_DATE,
    ExpectedLine,
    StatementFixture,
    build_statement_fixture,
)

PASSWORD = "0a1b2c3d"
TITLE = f"{ORGANIZATION} ― 支払明細書"
PAGE_NUMBER = re.compile(r"^(\d+) / (\d+)$")
VARIANTS = [(fmt, layout) for fmt in ("organization", "supplier") for layout in ("simple", "standard")]


# ------------------------------------------------------------------------------------------------
# Helpers


def pages(pdf: bytes, password: str | None = PASSWORD) -> list[list[str]]:
    """Each page as a list of lines, whitespace runs collapsed to one space."""
    reader = PdfReader(BytesIO(pdf))
    if password is not None:
        assert reader.is_encrypted
        assert reader.decrypt(password) != PasswordType.NOT_DECRYPTED
    return [[" ".join(line.split()) for line in page.extract_text().splitlines() if line.strip()]
            for page in reader.pages]


def page_number(lines: list[str]) -> tuple[int, int] | None:
    found = [PAGE_NUMBER.match(line) for line in lines]
    numbers = [(int(m.group(1)), int(m.group(2))) for m in found if m]
    assert len(numbers) <= 1, lines
    return numbers[0] if numbers else None


def sections(doc: list[list[str]], marker: str) -> list[list[list[str]]]:
    """Split a supplier-format document into producer sections at pages containing ``marker``."""
    out: list[list[list[str]]] = []
    for page in doc:
        if any(marker in line for line in page) or not out:
            out.append([])
        out[-1].append(page)
    return out


def q(value: Decimal) -> str:
    """A quantity as printed, formatted here independently: 12, 8.5, 7.25."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def y(value: Decimal) -> str:
    assert value == value.to_integral_value()
    return f"{int(value):,}"


def simple_row(line: ExpectedLine) -> str:
    marker = " ※" if line.rate == Decimal("0.08") else ""
    return (f"{line.day.month:02d}月{line.day.day:02d}日 {line.display}{marker} {q(line.quantity)} {line.unit} "
            f"{y(line.price)} {y(line.amount)}円")


def standard_row(line: ExpectedLine) -> str:
    return f"{line.display} {q(line.quantity)} {line.unit} {y(line.price)} {y(line.amount)}"


def load(database: Database, fixture: StatementFixture, fmt: str, layout: str, *, start: date = START,
         end: date = END, preview: bool = False) -> PaymentStatement:
    with database.read() as session:
        return load_statement(session, organization_id=fixture.organization_id, start=start, end=end, fmt=fmt,
                              layout=layout, statement_date=None if preview else STATEMENT_DATE,
                              is_preview=preview)


@pytest.fixture
def fixture_db(db: Database) -> tuple[Database, StatementFixture]:
    with db.write() as session:
        fixture = build_statement_fixture(session)
    return db, fixture


@pytest.fixture
def sqlite_fixture(sqlite_db: Database) -> tuple[Database, StatementFixture]:
    with sqlite_db.write() as session:
        fixture = build_statement_fixture(session)
    return sqlite_db, fixture


# ------------------------------------------------------------------------------------------------
# Content and totals, on all three database kinds


def test_simple_organization_statement_lines_and_totals(fixture_db: tuple[Database, StatementFixture]) -> None:
    database, fixture = fixture_db
    pdf = render_statement(load(database, fixture, "organization", "simple"), password=PASSWORD)
    doc = pages(pdf)
    lines = [line for page in doc for line in page]

    expected = fixture.expected_lines()
    assert len(expected) == 47
    printed = {line for line in lines if re.match(r"\d\d月\d\d日 ", line)}
    assert printed == {simple_row(line) for line in expected}  # every line once, nothing else
    assert sum(1 for line in lines if re.match(r"\d\d月\d\d日 ", line)) == len(expected)

    base, tax = fixture.expected_base(), fixture.expected_tax()
    assert (base, tax, fixture.expected_total()) == (Decimal(495329), Decimal(39626), Decimal(534955))
    assert "支払金額合計： 534,955円" in lines
    assert "合計 仕入額 消費税額等" in lines
    assert "8%対象 495,329円 39,626円" in lines
    assert "10%対象 0円 0円" in lines
    assert "※ 軽減税率対象" in lines
    assert f"{ORGANIZATION} 御中" in lines
    assert f"登録番号：{ORGANIZATION_NUMBER}" in lines
    assert "2025年10月16日(木)" in lines  # the statement date
    assert "2025年10月01日(水) 〜 2025年10月14日(火)" in lines  # first ~ last supply day
    assert "※送付後一定期間内に連絡がない場合確認済とします" in lines
    # Supplies of the other organization and outside the period never appear.
    assert not any("1,000円" in line and "100 kg" in line for line in lines)
    assert not any("999" in line for line in lines)

    total = len(doc)
    assert total >= 2
    assert [page_number(page) for page in doc] == [(n, total) for n in range(1, total + 1)]


def test_supplier_sections_add_up_to_the_organization(fixture_db: tuple[Database, StatementFixture]) -> None:
    database, fixture = fixture_db
    for layout in ("simple", "standard"):
        org = pages(render_statement(load(database, fixture, "organization", layout), password=PASSWORD))
        sup = pages(render_statement(load(database, fixture, "supplier", layout), password=PASSWORD))
        marker = "登録番号：" if layout == "simple" else "― 支払明細書"
        producer_sections = sections(sup, marker)
        assert len(producer_sections) == 3
        if layout == "simple":
            # 仕入額 per producer adds up to the organization's, to the yen, because every line
            # amount in the fixture is whole yen. With fractional yen it need not: the organization
            # version merges the producers' containers of one day, variation and price into one
            # line and rounds once, so it can differ by < 1 yen per merged line.
            bases = [_rate_row(section, "8%対象") for section in producer_sections]
            assert bases == [(fixture.expected_base(producer=n), fixture.expected_tax(producer=n))
                             for n in PRODUCERS]
            assert sum(b for b, _ in bases) == _rate_row([org_page for org_page in org], "8%対象")[0]
        else:
            # Σ quantity and Σ amount per variation over the producers equal the organization's.
            org_totals = _variation_totals(org)
            summed: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
            for section in producer_sections:
                for name, (qty, amount) in _variation_totals(section).items():
                    summed[name][0] += qty
                    summed[name][1] += amount
            assert {k: tuple(v) for k, v in summed.items()} == org_totals
            assert sum(a for _, a in org_totals.values()) == Decimal(495329)


def _rate_row(doc: list[list[str]], label: str) -> tuple[Decimal, Decimal]:
    rows = [line for page in doc for line in page if line.startswith(label + " ")]
    assert len(rows) == 1, rows
    _, base, tax = rows[0].split(" ")
    return Decimal(base.rstrip("円").replace(",", "")), Decimal(tax.rstrip("円").replace(",", ""))


def _variation_totals(doc: list[list[str]]) -> dict[str, tuple[Decimal, Decimal]]:
    out = {}
    for page in doc:
        for line in page:
            m = re.fullmatch(r"―(.+)合計― ([\d.,]+) \S+ ([\d,]+)", line)
            if m:
                out[m.group(1)] = (Decimal(m.group(2).replace(",", "")), Decimal(m.group(3).replace(",", "")))
    return out


def test_preview_has_watermark_on_every_page_and_no_encryption(
        fixture_db: tuple[Database, StatementFixture]) -> None:
    database, fixture = fixture_db
    for fmt, layout in VARIANTS:
        statement = load(database, fixture, fmt, layout, preview=True)
        pdf = render_statement(statement)
        reader = PdfReader(BytesIO(pdf))
        assert not reader.is_encrypted
        doc = pages(pdf, password=None)
        assert len(doc) >= 2
        for page in doc:
            assert any("見本" in line for line in page)
        assert PREVIEW_NOTICE in doc[0]
        if layout == "simple":
            assert "2025年10月14日(火)" in doc[0]  # a preview prints its last supply date
            assert "2025年10月16日(木)" not in doc[0]
        with pytest.raises(ValueError, match="preview"):
            render_statement(statement, password=PASSWORD)


# ------------------------------------------------------------------------------------------------
# Rendering details (SQLite is enough: the data is the same)


def test_standard_organization_statement(sqlite_fixture: tuple[Database, StatementFixture]) -> None:
    database, fixture = sqlite_fixture
    pdf = render_statement(load(database, fixture, "organization", "standard"), password=PASSWORD)
    doc = pages(pdf)
    text = "\n".join(line for page in doc for line in page)
    lines = text.splitlines()
    assert TITLE in lines
    assert "月日 商品名 数量 単位 単価 金額 総合計" in lines
    for line in fixture.expected_lines():
        assert any(standard_row(line) in printed for printed in lines), standard_row(line)
    by_day: dict[date, list[ExpectedLine]] = defaultdict(list)
    for line in fixture.expected_lines():
        by_day[line.day].append(line)
    for day, day_lines in by_day.items():
        day_total = sum((ln.amount for ln in day_lines), Decimal(0))
        day_tax = (day_total * Decimal("0.08")).quantize(Decimal(1), rounding="ROUND_HALF_UP")
        assert f"{day.isoformat()} " in text
        assert any(printed.endswith(f" {y(day_total)}") for printed in lines), day
        assert f"消費税(8%) {y(day_tax)}" in lines
    # Day subtotal for 10-01 fillet: 8.5 kg (1,170) + 16.5 kg (1,236) = 25 kg, 9,945 + 20,394 = 30,339.
    assert "―鮭 (フィレカット)小計― 25 kg 30,339" in lines
    assert _variation_totals(doc) == {
        name: (sum((ln.quantity for ln in fixture.expected_lines() if ln.display == name), Decimal(0)),
               sum((ln.amount for ln in fixture.expected_lines() if ln.display == name), Decimal(0)))
        for name in ("鮭 (フィレカット)", "鮭 (丸ごと)", "ホタテ (活)")
    }
    last = doc[-1]
    index = last.index("今回支払金額")
    assert last[index + 1:index + 4] == ["495,329円", "39,626円", "534,955円"]
    assert TAX_NOTE in last
    total = len(doc)
    assert [page_number(page) for page in doc] == [(n, total) for n in range(1, total + 1)]


def test_supplier_format_receivers_and_numbering_per_producer(
        sqlite_fixture: tuple[Database, StatementFixture]) -> None:
    database, fixture = sqlite_fixture
    for layout in ("simple", "standard"):
        doc = pages(render_statement(load(database, fixture, "supplier", layout), password=PASSWORD))
        marker = "登録番号：" if layout == "simple" else "― 支払明細書"
        producer_sections = sections(doc, marker)
        assert len(producer_sections) == 3
        first, second, third = producer_sections
        # Producer 1 runs over two or more pages: numbered from 1 within its section only.
        assert len(first) >= 2
        assert [page_number(page) for page in first] == [(n, len(first)) for n in range(1, len(first) + 1)]
        # One-page sections carry no "1 / 1".
        assert [page_number(page) for page in second + third] == [None, None]
        if layout == "simple":
            assert "① 札幌サーモン株式会社 様" in first[0]
            assert "② 小樽漁業 様" in second[0]
            assert "函館マリン 様" in third[0]  # number 25: no circled digit
            for section, (_, registration) in zip(producer_sections, PRODUCERS.values(), strict=True):
                assert f"登録番号：{registration}" in section[0]
            rows = [line for page in first for line in page if re.match(r"\d\d月\d\d日 ", line)]
            assert set(rows) == {simple_row(line) for line in fixture.expected_lines(1)}
        else:
            assert "〔1〕 札幌サーモン株式会社 ― 支払明細書" in first[0]
            assert "〔25〕 函館マリン ― 支払明細書" in third[0]


def test_standard_rate_items_print_in_the_ten_percent_row(sqlite_db: Database) -> None:
    with sqlite_db.write() as session:
        fixture = build_statement_fixture(session, standard_rate=True)
    doc = pages(render_statement(load(sqlite_db, fixture, "organization", "simple"), password=PASSWORD))
    lines = [line for page in doc for line in page]
    assert "10月02日 発泡箱 (大) 10 箱 150 1,500円" in lines  # no ※ on a 10 % item
    assert "8%対象 495,329円 39,626円" in lines
    assert "10%対象 1,500円 150円" in lines
    assert fixture.expected_total() == Decimal(536605)
    assert "支払金額合計： 536,605円" in lines


def test_empty_period_prints_one_page_saying_no_payments(
        sqlite_fixture: tuple[Database, StatementFixture]) -> None:
    database, fixture = sqlite_fixture
    for fmt, layout in VARIANTS:
        statement = load(database, fixture, fmt, layout, start=date(2025, 11, 1), end=date(2025, 11, 30))
        assert statement.is_empty
        doc = pages(render_statement(statement, password=PASSWORD))
        assert len(doc) == 1
        assert NO_PAYMENTS in doc[0]
        assert (TITLE if layout == "standard" else "支払明細書") in doc[0]
        assert "2025年11月01日(土) 〜 2025年11月30日(日)" in doc[0]
        if layout == "simple":
            assert f"{ORGANIZATION} 御中" in doc[0]
        if fmt == "organization":
            assert page_number(doc[0]) == (1, 1)
    # The preview of an empty period prints the period's end as its date.
    preview = load(database, fixture, "organization", "simple", start=date(2025, 11, 1), end=date(2025, 11, 30),
                   preview=True)
    doc = pages(render_statement(preview), password=None)
    assert "2025年11月30日(日)" in doc[0] and NO_PAYMENTS in doc[0]


HOSTILE_ORG = "<b>組合&amp;\"引用\"'x'</b> & <script>"
LONG_NAME = "鱈鰤鯛鮃鰈" * 40  # 200 characters found nowhere else in the document
HOSTILE_VARIATION = "<i>特&上\"'</i>"


def test_hostile_and_long_names_print_literally(sqlite_fixture: tuple[Database, StatementFixture]) -> None:
    database, fixture = sqlite_fixture
    with database.write() as session:
        session.execute(update(SupplierOrganization).where(SupplierOrganization.id == fixture.organization_id)
                        .values(entity_name=HOSTILE_ORG + " 🐟", invoice_name=HOSTILE_ORG + " 🐟"))
        session.execute(update(Supplier).where(Supplier.id == fixture.producer_ids[1])
                        .values(company_name=LONG_NAME, invoice_name=LONG_NAME))
        session.execute(update(Supplier).where(Supplier.id == fixture.producer_ids[2])
                        .values(company_name="改行\n入り\t名前", invoice_name="改行\n入り\t名前"))
        session.execute(update(SupplyType).where(SupplyType.name == "ホタテ").values(name=LONG_NAME))
        session.execute(update(SupplyTypeVariation).where(SupplyTypeVariation.name == "活")
                        .values(name=HOSTILE_VARIATION))
    for fmt, layout in VARIANTS:
        statement = load(database, fixture, fmt, layout)
        pdf = render_statement(statement, password=PASSWORD)
        doc = pages(pdf)
        text = "\n".join(line for page in doc for line in page)
        flat = "".join(text.split())
        assert "".join(HOSTILE_ORG.split()) in flat or (fmt == "supplier" and layout == "simple")
        assert HOSTILE_VARIATION in flat
        # The long name wraps (or shrinks), but all of it is there, in order.
        assert LONG_NAME in "".join(ch for ch in text if ch in "鱈鰤鯛鮃鰈")
        # Wrapping never loses a line: every amount is still printed.
        expected = (fixture.expected_lines() if fmt == "organization"
                    else [ln for n in PRODUCERS for ln in fixture.expected_lines(n)])
        for line in expected:
            assert f"{y(line.amount)}" in text
        if fmt == "organization" and layout == "simple":
            assert "8%対象 495,329円 39,626円" in text
    # Metadata keeps the hostile title as plain text.
    reader = PdfReader(BytesIO(render_statement(load(database, fixture, "organization", "simple"),
                                                password=PASSWORD)))
    reader.decrypt(PASSWORD)
    assert reader.metadata is not None and reader.metadata.title == f"{HOSTILE_ORG} 🐟 ― 支払明細書"


def test_password_protection(sqlite_fixture: tuple[Database, StatementFixture], tmp_path: Path) -> None:
    database, fixture = sqlite_fixture
    pdf = render_statement(load(database, fixture, "organization", "simple"), password=PASSWORD)
    reader = PdfReader(BytesIO(pdf))
    assert reader.is_encrypted
    assert reader.decrypt("wrong-one") == PasswordType.NOT_DECRYPTED
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert (encrypt["/V"], encrypt["/R"]) == (5, 6)  # AES-256
    path = tmp_path / "statement.pdf"
    path.write_bytes(pdf)
    ok = subprocess.run(["pdftotext", "-upw", PASSWORD, str(path), "-"], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "支払金額合計： 534,955円" in ok.stdout
    for args in (["-upw", "wrong-one"], []):
        refused = subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True)
        assert refused.returncode != 0
        assert "534,955" not in refused.stdout


@pytest.mark.parametrize(("fmt", "layout"), VARIANTS)
def test_every_variant_renders_with_metadata(sqlite_fixture: tuple[Database, StatementFixture], fmt: str,
                                             layout: str) -> None:
    database, fixture = sqlite_fixture
    pdf = render_statement(load(database, fixture, fmt, layout))
    reader = PdfReader(BytesIO(pdf))
    assert not reader.is_encrypted
    assert reader.metadata is not None
    assert reader.metadata.title == TITLE
    assert reader.metadata.author == "株式会社オロシサーモン"
    assert 2 <= len(reader.pages) <= 6


def test_rejects_unknown_format_and_layout(sqlite_fixture: tuple[Database, StatementFixture]) -> None:
    database, fixture = sqlite_fixture
    statement = load(database, fixture, "organization", "simple")
    with pytest.raises(ValueError, match="format"):
        render_statement(replace(statement, format="buyer"))
    with pytest.raises(ValueError, match="layout"):
        render_statement(replace(statement, layout="fancy"))


# ------------------------------------------------------------------------------------------------
# In-memory statements: fractional numbers and linear time


def synthetic(lines: int, layout: str = "simple") -> PaymentStatement:
    """``lines`` lines shaped like the Prawn anchor (4 variations over 15 days)."""
    names = ("鮭 (フィレカット)", "鮭 (丸ごと)", "マグロ (サク)", "ホタテ (活)")
    records = [SupplyRecord(date=date(2025, 10, 1 + i * 15 // lines), supplier_id=1, variation_id=1 + i % 4,
                            variation_name=names[i % 4], unit="kg", type_position=1, variation_position=1 + i % 4,
                            quantity=Decimal((i * 37) % 200) / 2 + 5, price=Decimal(600 + (i * 131) % 3900))
               for i in range(lines)]
    receiver = Receiver(name=ORGANIZATION, honorific="御中", registration_number=ORGANIZATION_NUMBER)
    return PaymentStatement(
        format="organization", layout=layout, period_start=date(2025, 10, 1), period_end=date(2025, 10, 15),
        statement_date=date(2025, 10, 16), organization_id=1, organization_name=ORGANIZATION, micro_region="",
        receiver=receiver, company=Company(name="株式会社オロシサーモン"),
        body=build_body(records, Rounding.HALF_UP), sections=(),
    )


def test_fractional_price_and_quantity_print_exactly() -> None:
    record = SupplyRecord(date=date(2025, 10, 1), supplier_id=1, variation_id=1, variation_name="鮭 (切身)",
                          unit="kg", type_position=1, variation_position=1, quantity=Decimal("8.5"),
                          price=Decimal("1235.5"))
    statement = replace(synthetic(1), body=build_body([record], Rounding.HALF_UP))
    lines = [line for page in pages(render_statement(statement), password=None) for line in page]
    # 8.5 × 1,235.5 = 10,501.75 → 10,502円 (half-up); tax 8 % of 10,502 = 840.16 → 840円.
    assert "10月01日 鮭 (切身) ※ 8.5 kg 1,235.5 10,502円" in lines
    assert "8%対象 10,502円 840円" in lines
    assert "支払金額合計： 11,342円" in lines


@pytest.mark.parametrize("layout", ["simple", "standard"])
def test_render_time_grows_linearly(layout: str) -> None:
    small, large = synthetic(60, layout), synthetic(600, layout)
    render_statement(small)  # warm-up: fonts, caches

    def best(statement: PaymentStatement) -> float:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            render_statement(statement)
            times.append(time.perf_counter() - started)
        return min(times)

    small_time, large_time = best(small), best(large)
    assert large_time <= 10 * small_time, (small_time, large_time)
    doc = pages(render_statement(large), password=None)
    assert sum(1 for page in doc for line in page if re.match(r"(\d\d月\d\d日|\d{4}-\d\d-\d\d) ", line)) >= (
        600 if layout == "simple" else 15)
