"""Unit tests for the Japanese display formats printed on documents."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from oroshi_desktop.domain.formats import (
    circled_number,
    collapse_spaces,
    datetime_ja,
    iso_date,
    long_date,
    prefecture_name,
    prefecture_short,
    quantity,
    short_date,
    tax_rate_label,
    yen,
    yen_suffix,
)

TOKYO = ZoneInfo("Asia/Tokyo")


class TestYen:
    @pytest.mark.parametrize(
        ("amount", "expected"),
        [
            (Decimal(12345), "12,345"),
            (Decimal(0), "0"),
            (0, "0"),
            (Decimal(999), "999"),
            (Decimal(1000), "1,000"),
            (1234567, "1,234,567"),
            (Decimal(-12345), "-12,345"),
            (Decimal(-999), "-999"),
            (Decimal("12345.00"), "12,345"),
            (Decimal("12345.4"), "12,345"),
            (Decimal("12345.5"), "12,346"),
            (Decimal("-12345.5"), "-12,346"),
            (Decimal("-0.4"), "0"),
            (Decimal("1E+3"), "1,000"),
        ],
    )
    def test_yen(self, amount: Decimal | int, expected: str) -> None:
        assert yen(amount) == expected

    def test_yen_suffix(self) -> None:
        assert yen_suffix(Decimal(12345)) == "12,345円"
        assert yen_suffix(-500) == "-500円"
        assert yen_suffix(Decimal("0.5")) == "1円"

    @pytest.mark.parametrize("bad", [12.5, True, "100"])
    def test_rejects_non_decimal(self, bad: object) -> None:
        with pytest.raises(TypeError):
            yen(bad)  # type: ignore[arg-type]


class TestDates:
    def test_long_date(self) -> None:
        assert long_date(date(2025, 10, 1)) == "2025年10月01日(水)"

    @pytest.mark.parametrize(
        ("d", "expected"),
        [
            (date(2025, 10, 13), "2025年10月13日(月)"),
            (date(2025, 10, 14), "2025年10月14日(火)"),
            (date(2025, 10, 15), "2025年10月15日(水)"),
            (date(2025, 10, 16), "2025年10月16日(木)"),
            (date(2025, 10, 17), "2025年10月17日(金)"),
            (date(2025, 10, 18), "2025年10月18日(土)"),
            (date(2025, 10, 19), "2025年10月19日(日)"),
        ],
    )
    def test_long_date_every_weekday(self, d: date, expected: str) -> None:
        assert long_date(d) == expected

    def test_long_date_year_boundary_and_leap_day(self) -> None:
        assert long_date(date(2025, 12, 31)) == "2025年12月31日(水)"
        assert long_date(date(2026, 1, 1)) == "2026年01月01日(木)"
        assert long_date(date(2024, 2, 29)) == "2024年02月29日(木)"

    def test_long_date_accepts_datetime(self) -> None:
        assert long_date(datetime(2025, 10, 1, 23, 59, tzinfo=TOKYO)) == "2025年10月01日(水)"

    def test_short_date(self) -> None:
        assert short_date(date(2025, 10, 1)) == "10月01日"
        assert short_date(date(2025, 1, 9)) == "01月09日"
        assert short_date(date(2024, 2, 29)) == "02月29日"
        assert short_date(date(2025, 12, 31)) == "12月31日"

    def test_iso_date(self) -> None:
        assert iso_date(date(2025, 10, 1)) == "2025-10-01"
        assert iso_date(date(2024, 2, 29)) == "2024-02-29"

    def test_iso_date_of_datetime_drops_time(self) -> None:
        assert iso_date(datetime(2025, 10, 1, 9, 30, tzinfo=TOKYO)) == "2025-10-01"


class TestDatetimeJa:
    def test_tokyo_value(self) -> None:
        assert datetime_ja(datetime(2025, 10, 16, 9, 0, tzinfo=TOKYO), TOKYO) == "2025年10月16日 09:00"

    def test_converts_utc_to_tz_first(self) -> None:
        assert datetime_ja(datetime(2025, 10, 16, 0, 0, tzinfo=UTC), TOKYO) == "2025年10月16日 09:00"

    def test_conversion_crosses_date_and_year(self) -> None:
        # 15:30 UTC on New Year's Eve is already 00:30 on 1 January in Tokyo.
        assert datetime_ja(datetime(2025, 12, 31, 15, 30, tzinfo=UTC), TOKYO) == "2026年01月01日 00:30"

    def test_seconds_are_dropped_not_rounded(self) -> None:
        assert datetime_ja(datetime(2025, 10, 16, 9, 0, 59, tzinfo=TOKYO), TOKYO) == "2025年10月16日 09:00"

    def test_fixed_offset_tz(self) -> None:
        plus9 = timezone(timedelta(hours=9))
        assert datetime_ja(datetime(2024, 2, 28, 20, 5, tzinfo=UTC), plus9) == "2024年02月29日 05:05"

    def test_naive_raises(self) -> None:
        with pytest.raises(ValueError, match="aware"):
            datetime_ja(datetime(2025, 10, 16, 9, 0), TOKYO)


class TestCircledNumber:
    def test_one_and_five(self) -> None:
        assert circled_number(1) == "①"
        assert circled_number(1) == "\u2460"
        assert circled_number(5) == "⑤"
        assert circled_number(5) == "\u2464"

    def test_nineteen_is_last(self) -> None:
        assert circled_number(19) == "⑲"
        assert circled_number(19) == "\u2472"

    def test_all_in_range_are_consecutive(self) -> None:
        assert [circled_number(n) for n in range(1, 20)] == [chr(0x2460 + i) for i in range(19)]

    @pytest.mark.parametrize("n", [20, 21, 50, 0, -1])
    def test_out_of_range_is_none(self, n: int) -> None:
        assert circled_number(n) is None

    def test_rejects_bool(self) -> None:
        with pytest.raises(TypeError):
            circled_number(True)


class TestQuantity:
    @pytest.mark.parametrize(
        ("q", "expected"),
        [
            (Decimal(30), "30"),
            (Decimal("30.00"), "30"),
            (Decimal("3E+1"), "30"),
            (Decimal("12.5"), "12.5"),
            (Decimal("12.50"), "12.5"),
            (Decimal("8.25"), "8.25"),
            (Decimal("0.125"), "0.125"),
            (Decimal(0), "0"),
            (Decimal("0.00"), "0"),
            (Decimal(999), "999"),
            (Decimal(1000), "1,000"),
            (Decimal("1234.5"), "1,234.5"),
            (Decimal("1234.50"), "1,234.5"),
            (Decimal("1234567.25"), "1,234,567.25"),
            (Decimal("-2.5"), "-2.5"),
            (7, "7"),
        ],
    )
    def test_quantity(self, q: Decimal, expected: str) -> None:
        assert quantity(q) == expected

    def test_rejects_float(self) -> None:
        with pytest.raises(TypeError):
            quantity(12.5)  # type: ignore[arg-type]

    def test_rejects_nan(self) -> None:
        with pytest.raises(ValueError):
            quantity(Decimal("NaN"))


class TestPrefectures:
    @pytest.mark.parametrize(
        ("code", "full", "short"),
        [
            (1, "北海道", "北海道"),
            (2, "青森県", "青森"),
            (4, "宮城県", "宮城"),
            (13, "東京都", "東京"),
            (14, "神奈川県", "神奈川"),
            (26, "京都府", "京都"),
            (27, "大阪府", "大阪"),
            (28, "兵庫県", "兵庫"),
            (30, "和歌山県", "和歌山"),
            (46, "鹿児島県", "鹿児島"),
            (47, "沖縄県", "沖縄"),
        ],
    )
    def test_known_codes(self, code: int, full: str, short: str) -> None:
        assert prefecture_name(code) == full
        assert prefecture_short(code) == short

    def test_all_47_codes_have_suffix(self) -> None:
        names = [prefecture_name(code) for code in range(1, 48)]
        assert len(set(names)) == 47
        assert sum(name.endswith("都") for name in names) == 1
        assert sum(name.endswith("道") for name in names) == 1
        assert sum(name.endswith("府") for name in names) == 2
        assert sum(name.endswith("県") for name in names) == 43

    def test_short_names_strip_exactly_one_suffix(self) -> None:
        for code in range(2, 48):
            assert prefecture_short(code) == prefecture_name(code)[:-1]

    @pytest.mark.parametrize("code", [0, 48, -1, 100])
    def test_unknown_code_raises(self, code: int) -> None:
        with pytest.raises(ValueError, match=f"unknown prefecture code {code}"):
            prefecture_name(code)
        with pytest.raises(ValueError, match="1 to 47"):
            prefecture_short(code)

    def test_non_int_code_raises(self) -> None:
        with pytest.raises(TypeError):
            prefecture_name("13")  # type: ignore[arg-type]


class TestCollapseSpaces:
    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("a  b", "a b"),
            ("  a b  ", "a b"),
            ("a\t\n b", "a b"),
            ("a\r\nb", "a b"),
            ("", ""),
            ("   ", ""),
            ("abc", "abc"),
            ("丸中水産  株式会社", "丸中水産 株式会社"),
        ],
    )
    def test_collapse(self, raw: str, expected: str) -> None:
        assert collapse_spaces(raw) == expected

    def test_full_width_space_is_kept(self) -> None:
        # 全角スペース between family and given name is deliberate; Ruby's \s leaves it alone too.
        assert collapse_spaces(" 山田\u3000太郎 ") == "山田\u3000太郎"


class TestTaxRateLabel:
    @pytest.mark.parametrize(
        ("rate", "expected"),
        [
            (Decimal("0.08"), "8%"),
            (Decimal("0.10"), "10%"),
            (Decimal("0.1"), "10%"),
            (Decimal("0.100"), "10%"),
            (Decimal(0), "0%"),
            (Decimal("0.085"), "8.5%"),
        ],
    )
    def test_label(self, rate: Decimal, expected: str) -> None:
        assert tax_rate_label(rate) == expected

    def test_rejects_float(self) -> None:
        with pytest.raises(TypeError):
            tax_rate_label(0.08)  # type: ignore[arg-type]
