"""The statements list's filter bar: period, organization name, state (applied in SQL by the model)."""

from __future__ import annotations

from datetime import date, timedelta

from oroshi_desktop.queries.statement_runs import RunFilter, RunState
from ui.i18n import current_language
from ui.period_filter import period_filter, to_date
from ui.qt import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimer,
    QWidget,
    Signal,
)

TYPING_DELAY_MS = 300


class FilterBar(QWidget):
    changed = Signal(object)  # RunFilter

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.period_switch, self.start_edit, self.end_edit = period_filter(
            self, self.tr("期間:"), names=("filterPeriod", "filterStart", "filterEnd"),
            accessible=(self.tr("期間（開始）"), self.tr("期間（終了）")), start=today - timedelta(days=90),
            end=today, changed=self._emit_soon)
        self.search = QLineEdit(self)
        self.search.setObjectName("filterOrganization")
        self.search.setAccessibleName(self.tr("組織名で検索"))
        self.search.setPlaceholderText(self.tr("組織名で検索"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._emit_soon)
        self.state_box = QComboBox(self)
        self.state_box.setObjectName("filterState")
        self.state_box.setAccessibleName(self.tr("状態で絞り込む"))
        self.state_box.addItem(self.tr("すべての状態"), None)
        for state in RunState:
            self.state_box.addItem(state.label_in(current_language()), int(state))
        self.state_box.currentIndexChanged.connect(self._emit_soon)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.period_switch)
        layout.addWidget(self.start_edit)
        layout.addWidget(QLabel(self.tr("〜"), self))
        layout.addWidget(self.end_edit)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.state_box)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_DELAY_MS)
        self._timer.timeout.connect(self.emit_now)

    def _emit_soon(self, *_args: object) -> None:
        self._timer.start()

    def current(self) -> RunFilter:
        start = end = None
        if self.period_switch.isChecked():
            start, end = to_date(self.start_edit.date()), to_date(self.end_edit.date())
        state = self.state_box.currentData()
        return RunFilter(start=start, end=end, organization=self.search.text(),
                         states=frozenset({RunState(state)}) if state is not None else frozenset())

    def emit_now(self) -> None:
        self._timer.stop()
        self.changed.emit(self.current())

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
