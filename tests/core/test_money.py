"""Unit tests for yen rounding, Decimal conversion and once-per-invoice tax."""

from __future__ import annotations

from decimal import Decimal

import pytest

from oroshi_desktop.domain.money import Rounding, round_yen, tax_for, to_decimal


class TestRounding:
    def test_values_match_rails_strings(self) -> None:
        assert Rounding.HALF_UP.value == "half_up"
        assert Rounding.TRUNCATE.value == "truncate"

    def test_is_a_str_enum(self) -> None:
        assert isinstance(Rounding.HALF_UP, str)
        assert Rounding.HALF_UP == "half_up"
        assert Rounding("truncate") is Rounding.TRUNCATE

    def test_unknown_value_raises(self) -> None:
        with pytest.raises(ValueError):
            Rounding("banker")


class TestRoundYen:
    @pytest.mark.parametrize(
        ("amount", "expected"),
        [
            ("0", "0"),
            ("10", "10"),
            ("10.4", "10"),
            ("10.49999", "10"),
            ("10.5", "11"),
            ("10.50", "11"),
            ("10.9", "11"),
            ("-10.4", "-10"),
            ("-10.5", "-11"),  # ties go away from zero (四捨五入)
            ("-10.6", "-11"),
            ("1234567.5", "1234568"),
        ],
    )
    def test_half_up(self, amount: str, expected: str) -> None:
        result = round_yen(Decimal(amount), Rounding.HALF_UP)
        assert result == Decimal(expected)
        assert str(result) == expected

    @pytest.mark.parametrize(
        ("amount", "expected"),
        [
            ("0", "0"),
            ("10", "10"),
            ("10.1", "10"),
            ("10.5", "10"),
            ("10.99", "10"),
            ("-10.1", "-10"),  # toward zero, not floor
            ("-10.99", "-10"),
            ("31.5", "31"),
        ],
    )
    def test_truncate(self, amount: str, expected: str) -> None:
        result = round_yen(Decimal(amount), Rounding.TRUNCATE)
        assert result == Decimal(expected)
        assert str(result) == expected

    @pytest.mark.parametrize("mode", list(Rounding))
    def test_negative_zero_is_plain_zero(self, mode: Rounding) -> None:
        assert str(round_yen(Decimal("-0.4"), mode)) == "0"

    def test_result_has_no_fraction_digits(self) -> None:
        assert round_yen(Decimal("12.00"), Rounding.HALF_UP).as_tuple().exponent == 0

    def test_accepts_string_mode(self) -> None:
        assert round_yen(Decimal("2.5"), "half_up") == Decimal(3)  # type: ignore[arg-type]

    def test_unknown_mode_raises(self) -> None:
        with pytest.raises(ValueError):
            round_yen(Decimal(1), "ceil")  # type: ignore[arg-type]

    def test_rejects_float(self) -> None:
        with pytest.raises(TypeError):
            round_yen(1.5, Rounding.HALF_UP)  # type: ignore[arg-type]

    def test_rejects_nan(self) -> None:
        with pytest.raises(ValueError):
            round_yen(Decimal("NaN"), Rounding.HALF_UP)


class TestToDecimal:
    def test_none_is_zero(self) -> None:
        assert to_decimal(None) == Decimal(0)

    def test_float_keeps_its_short_repr(self) -> None:
        assert to_decimal(12.1) == Decimal("12.1")
        assert str(to_decimal(12.1)) == "12.1"
        assert to_decimal(0.1) + to_decimal(0.2) == Decimal("0.3")

    def test_integral_float(self) -> None:
        assert to_decimal(30.0) == Decimal(30)

    def test_int(self) -> None:
        assert to_decimal(12345) == Decimal(12345)

    def test_decimal_passes_through(self) -> None:
        value = Decimal("8.25")
        assert to_decimal(value) is value

    def test_string(self) -> None:
        assert to_decimal("1234.50") == Decimal("1234.50")
        assert to_decimal("  -7 ") == Decimal(-7)

    @pytest.mark.parametrize("bad", ["", "abc", "1,234"])
    def test_bad_string_raises_value_error(self, bad: str) -> None:
        with pytest.raises(ValueError):
            to_decimal(bad)

    @pytest.mark.parametrize("bad", [float("nan"), float("inf"), "NaN", "Infinity", Decimal("-Infinity")])
    def test_non_finite_raises(self, bad: float | str | Decimal) -> None:
        with pytest.raises(ValueError):
            to_decimal(bad)

    def test_bool_raises(self) -> None:
        with pytest.raises(TypeError):
            to_decimal(True)  # type: ignore[arg-type]

    def test_other_type_raises(self) -> None:
        with pytest.raises(TypeError):
            to_decimal([1])  # type: ignore[arg-type]


class TestTaxFor:
    def test_tax_authority_example_rounds_once(self) -> None:
        # Three lines of ¥105 at 10%: per-line truncation gives 10 + 10 + 10 = 30,
        # but the qualified-invoice rule rounds once on the summed base: 315 * 0.10 = 31.5 → 31.
        lines = [Decimal(105)] * 3
        rate = Decimal("0.10")
        assert sum(round_yen(line * rate, Rounding.TRUNCATE) for line in lines) == Decimal(30)
        base = sum(lines, Decimal(0))
        assert base == Decimal(315)
        assert tax_for(base, rate, Rounding.TRUNCATE) == Decimal(31)

    def test_same_base_half_up(self) -> None:
        assert tax_for(Decimal(315), Decimal("0.10"), Rounding.HALF_UP) == Decimal(32)

    def test_reduced_rate(self) -> None:
        # 1,234 * 0.08 = 98.72
        assert tax_for(Decimal(1234), Decimal("0.08"), Rounding.TRUNCATE) == Decimal(98)
        assert tax_for(Decimal(1234), Decimal("0.08"), Rounding.HALF_UP) == Decimal(99)

    def test_zero_rate(self) -> None:
        assert tax_for(Decimal(5000), Decimal(0), Rounding.HALF_UP) == Decimal(0)

    def test_negative_base_truncates_toward_zero(self) -> None:
        assert tax_for(Decimal(-315), Decimal("0.10"), Rounding.TRUNCATE) == Decimal(-31)

    @pytest.mark.parametrize("rate", [Decimal("-0.1"), Decimal(1), Decimal(10), Decimal("NaN")])
    def test_rate_out_of_range_raises(self, rate: Decimal) -> None:
        with pytest.raises(ValueError):
            tax_for(Decimal(100), rate, Rounding.HALF_UP)

    def test_float_rate_raises(self) -> None:
        with pytest.raises(TypeError):
            tax_for(Decimal(100), 0.1, Rounding.HALF_UP)  # type: ignore[arg-type]
