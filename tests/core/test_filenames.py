"""Unit tests for the PDF file names users see."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from oroshi_desktop.domain.filenames import (
    MAX_FILENAME_CHARS,
    check_sheet_filename,
    order_document_filename,
    preview_filename,
    safe_filename,
    statement_filename,
)

TOKYO = ZoneInfo("Asia/Tokyo")
START = date(2025, 10, 1)
END = date(2025, 10, 15)
NOW = datetime(2025, 10, 16, 9, 5, 7, tzinfo=TOKYO)


class TestStatementFilename:
    def test_organization(self) -> None:
        assert (
            statement_filename("丸中水産", START, END, "organization")
            == "丸中水産 (2025-10-01 ~ 2025-10-15) - 組織.pdf"
        )

    def test_supplier(self) -> None:
        assert (
            statement_filename("佐藤 一郎", START, END, "supplier")
            == "佐藤 一郎 (2025-10-01 ~ 2025-10-15) - 供給者.pdf"
        )

    def test_whitespace_runs_collapsed(self) -> None:
        assert (
            statement_filename("  佐藤   一郎\t", START, END, "supplier")
            == "佐藤 一郎 (2025-10-01 ~ 2025-10-15) - 供給者.pdf"
        )

    def test_year_boundary_and_leap_day(self) -> None:
        assert (
            statement_filename("A", date(2024, 12, 16), date(2025, 1, 15), "organization")
            == "A (2024-12-16 ~ 2025-01-15) - 組織.pdf"
        )
        assert (
            statement_filename("A", date(2024, 2, 16), date(2024, 2, 29), "organization")
            == "A (2024-02-16 ~ 2024-02-29) - 組織.pdf"
        )

    def test_illegal_characters_replaced(self) -> None:
        assert (
            statement_filename("A/B:C", START, END, "organization")
            == "A_B_C (2025-10-01 ~ 2025-10-15) - 組織.pdf"
        )

    def test_unknown_format_raises(self) -> None:
        with pytest.raises(ValueError, match="unknown statement format 'invoice'"):
            statement_filename("A", START, END, "invoice")


class TestPreviewFilename:
    def test_organization(self) -> None:
        assert (
            preview_filename("丸中水産", START, END, "organization", NOW)
            == "丸中水産 (2025-10-01 ~ 2025-10-15) - 組織 [20251016090507].pdf"
        )

    def test_supplier(self) -> None:
        assert (
            preview_filename("佐藤 一郎", START, END, "supplier", NOW)
            == "佐藤 一郎 (2025-10-01 ~ 2025-10-15) - 供給者 [20251016090507].pdf"
        )

    def test_timestamp_uses_nows_own_zone(self) -> None:
        # The same instant as NOW, written in UTC, gives the UTC wall clock.
        utc_now = NOW.astimezone(UTC)
        assert (
            preview_filename("A", START, END, "supplier", utc_now)
            == "A (2025-10-01 ~ 2025-10-15) - 供給者 [20251016000507].pdf"
        )

    def test_whitespace_collapsed(self) -> None:
        assert (
            preview_filename("A   B", START, END, "supplier", NOW)
            == "A B (2025-10-01 ~ 2025-10-15) - 供給者 [20251016090507].pdf"
        )

    def test_naive_now_raises(self) -> None:
        with pytest.raises(ValueError, match="aware"):
            preview_filename("A", START, END, "supplier", datetime(2025, 10, 16, 9, 5, 7))

    def test_unknown_format_raises(self) -> None:
        with pytest.raises(ValueError):
            preview_filename("A", START, END, "組織", NOW)


class TestOrderDocumentFilename:
    def test_basic(self) -> None:
        assert (
            order_document_filename(date(2025, 10, 16), "出荷表", NOW)
            == "(2025-10-16) - 出荷表 [20251016090507].pdf"
        )

    def test_repeated_spaces_collapsed(self) -> None:
        assert (
            order_document_filename(date(2025, 10, 16), "Shipping  List ", NOW)
            == "(2025-10-16) - Shipping List [20251016090507].pdf"
        )

    def test_timestamp_has_14_digits_across_year_boundary(self) -> None:
        now = datetime(2025, 12, 31, 23, 59, 59, tzinfo=TOKYO)
        name = order_document_filename(date(2026, 1, 1), "納品書", now)
        assert name == "(2026-01-01) - 納品書 [20251231235959].pdf"
        stamp = name[name.index("[") + 1 : name.index("]")]
        assert len(stamp) == 14
        assert stamp.isdigit()

    def test_leap_day(self) -> None:
        now = datetime(2024, 2, 29, 0, 0, 0, tzinfo=TOKYO)
        assert order_document_filename(date(2024, 2, 29), "X", now) == "(2024-02-29) - X [20240229000000].pdf"

    def test_slash_in_type_is_replaced(self) -> None:
        assert (
            order_document_filename(date(2025, 10, 16), "出荷/請求", NOW)
            == "(2025-10-16) - 出荷_請求 [20251016090507].pdf"
        )

    def test_naive_now_raises(self) -> None:
        with pytest.raises(ValueError):
            order_document_filename(date(2025, 10, 16), "X", datetime(2025, 10, 16))


class TestCheckSheetFilename:
    def test_basic(self) -> None:
        assert check_sheet_filename(date(2025, 10, 16), 4, 2) == "供給チェック表 2025-10-1642.pdf"

    def test_two_digit_codes_run_together(self) -> None:
        assert check_sheet_filename(date(2024, 2, 29), 13, 10) == "供給チェック表 2024-02-291310.pdf"


class TestSafeFilename:
    def test_clean_name_unchanged(self) -> None:
        assert safe_filename("丸中水産 (2025-10-01 ~ 2025-10-15) - 組織.pdf") == (
            "丸中水産 (2025-10-01 ~ 2025-10-15) - 組織.pdf"
        )

    def test_every_illegal_character_replaced(self) -> None:
        assert safe_filename('a/b\\c:d*e?f"g<h>i|j.pdf') == "a_b_c_d_e_f_g_h_i_j.pdf"

    def test_control_characters_replaced(self) -> None:
        assert safe_filename("a\x00b\tc\nd\x1fe\x7f.pdf") == "a_b_c_d_e_.pdf"

    def test_exactly_max_length_kept(self) -> None:
        name = "a" * (MAX_FILENAME_CHARS - 4) + ".pdf"
        assert safe_filename(name) == name

    def test_long_name_trimmed_keeping_extension(self) -> None:
        name = "魚" * 300 + ".pdf"
        result = safe_filename(name)
        assert MAX_FILENAME_CHARS == 180
        # Japanese hits the 240-byte cap first: 78 × 3 bytes + ".pdf"
        assert len(result.encode("utf-8")) <= 240 and len(result) == 82
        assert result == "魚" * 78 + ".pdf"

    def test_trim_does_not_leave_space_before_extension(self) -> None:
        name = "a" * 175 + "   bbbbbbbb.pdf"
        assert safe_filename(name) == "a" * 175 + ".pdf"

    def test_long_name_without_extension_is_cut(self) -> None:
        assert safe_filename("x" * 200) == "x" * 180

    def test_long_statement_name_keeps_pdf(self) -> None:
        result = statement_filename("長" * 250, START, END, "organization")
        assert len(result.encode("utf-8")) <= 240
        assert result.endswith(f" ({START.isoformat()} ~ {END.isoformat()}) - 組織.pdf")
        assert result.startswith("長" * 60)

    @pytest.mark.parametrize("length", [1, 40, 60, 61, 62, 63, 64, 70, 79, 80, 100, 179, 180, 181, 500])
    @pytest.mark.parametrize("char", ["長", "a", "ｶ", "𩸽"])
    def test_both_statement_names_keep_period_and_format_whatever_the_name_length(self, length: int,
                                                                                  char: str) -> None:
        tail = f" ({START.isoformat()} ~ {END.isoformat()}) - "
        organization = statement_filename(char * length, START, END, "organization")
        supplier = statement_filename(char * length, START, END, "supplier")
        assert organization != supplier
        assert organization.endswith(tail + "組織.pdf") and supplier.endswith(tail + "供給者.pdf")
        for name in (organization, supplier):
            assert len(name) <= 180 and len(name.encode("utf-8")) <= 240
            assert name.startswith(char)  # only the organization's name is shortened

    def test_empty_raises(self) -> None:
        with pytest.raises(ValueError):
            safe_filename("")


def test_long_japanese_names_stay_within_file_system_byte_limits():
    from oroshi_desktop.domain.filenames import safe_filename

    name = safe_filename("北" * 170 + ".pdf")
    assert name.endswith(".pdf")
    assert len(name.encode("utf-8")) <= 240
    assert name == "北" * 78 + ".pdf"


@pytest.mark.parametrize("name, expected", [
    ("CON.pdf", "_CON.pdf"), ("nul", "_nul"), ("com1.txt", "_com1.txt"), ("LPT9 .pdf", "_LPT9 .pdf"),
    ("report.", "report"), ("report . ", "report"), ("...", "_"), ("console.pdf", "console.pdf"),
    ("北海水産 CON.pdf", "北海水産 CON.pdf"),
])
def test_names_windows_reserves_or_renames_are_made_safe(name, expected):
    from oroshi_desktop.domain.filenames import safe_filename

    assert safe_filename(name) == expected
