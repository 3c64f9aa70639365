"""The HACCP wording of the reception check sheet (供給・受入チェック表): how a check is marked, the
acceptance criteria and how often checks are recorded. Plain data; the printable lays it out."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CRITERIA", "FREQUENCY", "LEGEND", "LEGEND_NOTE", "Guidance"]


@dataclass(frozen=True)
class Guidance:
    """A headed list of notes, printed under the check sheet's table."""

    heading: str
    items: tuple[str, ...]


LEGEND = "〇＝適切　X＝不適切"
LEGEND_NOTE = "不適切な項目がある場合は、日付とその理由・処置を余白に記入してください。"
CRITERIA = Guidance(
    "● 判定基準",
    (
        "官能検査：外観・臭いに異常がないこと。",
        "温度：品温が0～20℃であること。",
        "pH：6.0～8.0であること。",
        "塩分：0.5%以上であること。",
        "最終判定：上記を満たし、原料として受け入れ可能であること。",
        "表示（タグ）を確認すること：漁獲・採取海域、原料の数量、生産者名または記録番号。",
    ),
)
FREQUENCY = Guidance(
    "● 記録の頻度",
    (
        "入荷の都度、海域別・生産者別に記録する。",
        "原料の品質について気付いた点を記入する。最終判定がXの場合は、その理由と処置を記入する。",
    ),
)
