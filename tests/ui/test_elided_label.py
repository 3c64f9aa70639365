"""A file name in the statement detail stays on one line: cut at the end of its head, its tail
(which file it is) whole, the whole name in the tooltip."""

from __future__ import annotations

from typing import Any

from ui.elided_label import ElidedLabel

NAME = "供給者: 北海水産協同組合 (2026-11-16〜2026-11-30) - 供給者.pdf"


def test_a_narrow_label_keeps_the_tail_and_cuts_the_head(qtbot: Any) -> None:
    label = ElidedLabel(NAME, keep_end=" - 供給者.pdf")
    qtbot.addWidget(label)
    label.resize(label.fontMetrics().horizontalAdvance("供給者: 北海水 - 供給者.pdf…"), 30)
    label.show()  # a hidden widget gets its resize event when shown
    assert label.text().endswith(" - 供給者.pdf") and "…" in label.text() and label.text().startswith("供給者: 北")
    assert label.toolTip() == NAME and label.accessibleName() == NAME
    assert "\n" not in label.text() and not label.wordWrap()


def test_a_wide_label_shows_the_whole_name(qtbot: Any) -> None:
    label = ElidedLabel(NAME, keep_end=" - 供給者.pdf")
    qtbot.addWidget(label)
    label.resize(label.sizeHint().width() + 20, 30)
    label.show()  # a hidden widget gets its resize event when shown
    assert label.text() == NAME


def test_without_a_tail_the_middle_is_cut(qtbot: Any) -> None:
    label = ElidedLabel(NAME, keep_end="not its tail")
    qtbot.addWidget(label)
    label.resize(label.fontMetrics().horizontalAdvance(NAME) // 2, 30)
    label.show()  # a hidden widget gets its resize event when shown
    assert label.keep_end == "" and "…" in label.text() and label.text().endswith(".pdf")


def test_too_narrow_for_a_head_keeps_the_tail(qtbot: Any) -> None:
    label = ElidedLabel(NAME, keep_end=" - 供給者.pdf")
    qtbot.addWidget(label)
    label.resize(label.fontMetrics().horizontalAdvance("… - 供給者.pdf"), 30)
    label.show()
    assert label.text().startswith("…") and label.text().endswith("供給者.pdf")
