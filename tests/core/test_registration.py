from __future__ import annotations

import pytest

from oroshi_desktop.domain.registration import check_digit, validate_registration_number
from oroshi_desktop.errors import UserError


@pytest.mark.parametrize("number", ["T7000012050002",   # 国税庁
                                    "T1180301018771"])  # トヨタ自動車
def test_published_numbers_pass(number: str) -> None:
    assert validate_registration_number(number) == number


def test_typed_forms_are_normalized() -> None:
    assert validate_registration_number("ｔ７０００-０１２０-５０００２ ") == "T7000012050002"
    assert validate_registration_number("") == ""


def test_check_digit_matches_the_rule() -> None:
    assert check_digit("000012050002") == 7
    with pytest.raises(ValueError):
        check_digit("12")


@pytest.mark.parametrize("bad", ["7000012050002", "T700001205000", "T70000120500021", "T70000120500X2",
                                 "X7000012050002"])
def test_bad_shapes_name_the_field(bad: str) -> None:
    with pytest.raises(UserError) as err:
        validate_registration_number(bad)
    assert "登録番号" in err.value.message_ja and "registration number" in err.value.message


def test_a_mistyped_digit_is_caught_by_the_check_digit() -> None:
    with pytest.raises(UserError) as err:
        validate_registration_number("T7000012050003")
    assert "チェックデジット" in err.value.message_ja
