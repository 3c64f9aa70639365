"""The archive's search bar: issue date range, amount range and counterparty, combinable.

An amount that is not a whole number of yen is refused inline, naming the field; the search then
keeps its last valid criteria, so a half-typed value never runs a wrong search.
"""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from oroshi_desktop.queries.archive import ArchiveCriteria
from ui.period_filter import period_filter, to_date
from ui.qt import QHBoxLayout, QLabel, QLineEdit, QTimer, QVBoxLayout, QWidget, Signal

TYPING_DELAY_MS = 300


def parse_yen(text: str) -> Decimal | None:
    """``"12,345"`` / ``"１２３４５円"`` → 12345; empty → None; anything else → ValueError."""
    folded = unicodedata.normalize("NFKC", text).strip().replace(",", "").removesuffix("円").strip()
    if not folded:
        return None
    try:
        value = Decimal(folded)
    except InvalidOperation as err:
        raise ValueError(text) from err
    if not value.is_finite() or value != value.to_integral_value() or value < 0:
        raise ValueError(text)
    return value


def default_issue_end(today: date) -> date:
    """The last day of next month: a statement's issue date is its send date, which lies ahead of
    the day its PDFs are made, so a range ending today would hide the documents made today."""
    first_of_next = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    return (first_of_next + timedelta(days=32)).replace(day=1) - timedelta(days=1)


class ArchiveFilterBar(QWidget):
    changed = Signal(object)  # ArchiveCriteria

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("archiveFilters")
        self.period_switch, self.start_edit, self.end_edit = period_filter(
            self, self.tr("発行日:"), names=("archiveFilterPeriod", "archiveFilterStart", "archiveFilterEnd"),
            accessible=(self.tr("発行日（開始）"), self.tr("発行日（終了）")), start=today - timedelta(days=365),
            end=default_issue_end(today), changed=self._emit_soon)
        self.amount_min = self._line("archiveFilterAmountMin", self.tr("金額（下限）"), self.tr("下限（円）"))
        self.amount_max = self._line("archiveFilterAmountMax", self.tr("金額（上限）"), self.tr("上限（円）"))
        self.counterparty = self._line("archiveFilterCounterparty", self.tr("取引先（組織・生産者）で検索"),
                                       self.tr("取引先（組織・生産者）で検索"))
        self.counterparty.setClearButtonEnabled(True)
        self.problem = QLabel("", self)
        self.problem.setObjectName("archiveFilterProblem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.period_switch)
        row.addWidget(self.start_edit)
        row.addWidget(QLabel(self.tr("〜"), self))
        row.addWidget(self.end_edit)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("金額:"), self))
        row.addWidget(self.amount_min)
        row.addWidget(QLabel(self.tr("〜"), self))
        row.addWidget(self.amount_max)
        row.addSpacing(12)
        row.addWidget(self.counterparty, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_DELAY_MS)
        self._timer.timeout.connect(self.emit_now)

    def _line(self, name: str, accessible: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        if name != "archiveFilterCounterparty":
            edit.setMaximumWidth(110)
        edit.textChanged.connect(self._emit_soon)
        return edit

    def _emit_soon(self, *_args: object) -> None:
        self._timer.start()

    def current(self) -> ArchiveCriteria:
        """The criteria as typed; ``ValueError`` names the field at fault (in the user's language)."""
        amounts: list[Decimal | None] = []
        for edit, field in ((self.amount_min, self.tr("金額（下限）")), (self.amount_max, self.tr("金額（上限）"))):
            try:
                amounts.append(parse_yen(edit.text()))
            except ValueError:
                raise ValueError(self.tr("{field}: 0以上の整数（円）で入力してください").format(field=field)) from None
        start = end = None
        if self.period_switch.isChecked():
            start, end = to_date(self.start_edit.date()), to_date(self.end_edit.date())
            if end < start:
                raise ValueError(self.tr("発行日: 終了日が開始日より前です"))
        low, high = amounts
        if low is not None and high is not None and high < low:
            raise ValueError(self.tr("金額: 上限が下限より小さくなっています"))
        return ArchiveCriteria(issued_from=start, issued_to=end, amount_min=low, amount_max=high,
                               counterparty=self.counterparty.text().strip())

    def emit_now(self) -> None:
        self._timer.stop()
        try:
            criteria = self.current()
        except ValueError as err:
            self.problem.setText(str(err))
            self.problem.show()
            return
        self.problem.hide()
        self.problem.setText("")
        self.changed.emit(criteria)

    def focus_search(self) -> None:
        self.counterparty.setFocus()
        self.counterparty.selectAll()
