"""The two choices of a payment statement (支払明細書), each written once: its format (who it is
for) and its layout (how much it shows). The values are the strings already stored in job
arguments, documents and the archive, so old data still reads."""

from __future__ import annotations

from enum import StrEnum

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


def statement_format(value: object) -> StatementFormat:
    """``value`` as a format; anything else is the user's mistake, named."""
    try:
        return StatementFormat(value)
    except ValueError:
        raise UserError(f"format must be organization or supplier, got {value!r}",
                        f"形式は organization（組織）か supplier（供給者）です（{value!r}）") from None


def statement_layout(value: object) -> StatementLayout:
    """``value`` as a layout; anything else is the user's mistake, named."""
    try:
        return StatementLayout(value)
    except ValueError:
        raise UserError(f"layout must be simple or standard, got {value!r}",
                        f"レイアウトは simple（簡易版）か standard（標準版）です（{value!r}）") from None
