"""The two choices of a payment statement (支払明細書), each written once: its format (who it is
for) and its layout (how much it shows). The values are the strings already stored in job
arguments, documents and the archive, so old data still reads."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from oroshi_desktop.errors import UserError


class StatementFormat(StrEnum):
    ORGANIZATION = "organization"  # 組織: one statement for the whole organization
    SUPPLIER = "supplier"  # 供給者: one section per producer

    @property
    def label_ja(self) -> str:
        """The word in file names and the archive."""
        return _FORMAT_LABELS[self]


class StatementLayout(StrEnum):
    SIMPLE = "simple"  # 簡易版
    STANDARD = "standard"  # 標準版

    @property
    def label_ja(self) -> str:
        return _LAYOUT_LABELS[self]


_FORMAT_LABELS = {StatementFormat.ORGANIZATION: "組織", StatementFormat.SUPPLIER: "供給者"}
_LAYOUT_LABELS = {StatementLayout.SIMPLE: "簡易版", StatementLayout.STANDARD: "標準版"}

_Option = TypeVar("_Option", StatementFormat, StatementLayout)


def _member(kind: type[_Option], value: object, what: str, what_ja: str) -> _Option:
    try:
        if not isinstance(value, str):  # a number or null from JSON is no member either
            raise ValueError(value)
        return kind(value)
    except ValueError:
        choices = " or ".join(kind)
        choices_ja = "か ".join(f"{member}（{member.label_ja}）" for member in kind)
        raise UserError(f"{what} must be {choices}, got {value!r}", f"{what_ja}は {choices_ja}です（{value!r}）") from None


def statement_format(value: object) -> StatementFormat:
    """``value`` as a format; anything else is the user's mistake, named."""
    return _member(StatementFormat, value, "format", "形式")


def statement_layout(value: object) -> StatementLayout:
    """``value`` as a layout; anything else is the user's mistake, named."""
    return _member(StatementLayout, value, "layout", "レイアウト")
