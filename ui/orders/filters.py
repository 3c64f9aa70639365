"""The orders list's filter bar: a shipping-date range, five choice boxes and a search field."""

from __future__ import annotations

from datetime import date

from oroshi_desktop.queries.order_list import ORDER_STATUSES, Choice, FilterChoices, OrderFilter
from ui.orders.model import status_text
from ui.qt import (
    QComboBox,
    QDate,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSize,
    QStyle,
    QStyleOptionComboBox,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

SEARCH_DELAY_MS = 300  # typing pauses this long before the list asks the database again


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(parent: QWidget, name: str, accessible: str, day: date) -> QDateEdit:
    edit = QDateEdit(to_qdate(day), parent)
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy/MM/dd")
    return edit


def fill_combo(combo: QComboBox, any_text: str, choices: tuple[Choice, ...] | list[Choice]) -> None:
    """``any_text`` first (data None), then the choices; the current id is kept when it is still listed."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(any_text, None)
    for choice in choices:
        combo.addItem(choice.name or f"ID {choice.id}", choice.id)
    found = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(found, 0))
    combo.blockSignals(False)
    combo.updateGeometry()  # its smallest width follows its first entry (ChoiceBox)


class ChoiceBox(QComboBox):
    """A choice box never narrower than its first entry (すべての…, "All shipping methods"): that is
    what it shows until a choice is made, so it reads whole; a longer name further down is cut
    rather than widening the window (the boxes share a 910-pixel row at 150 %)."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if not self.count():
            return hint
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        text = QSize(self.fontMetrics().horizontalAdvance(self.itemText(0)) + 4, hint.height())
        whole = self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, self)
        return QSize(max(hint.width(), whole.width()), hint.height())


class OrderFilterBar(QWidget):
    changed = Signal(object)  # OrderFilter

    def __init__(self, start: date, end: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ordersFilters")
        self.choices: FilterChoices | None = None
        self.start = date_edit(self, "ordersFrom", self.tr("出荷日（から）"), start)
        self.end = date_edit(self, "ordersTo", self.tr("出荷日（まで）"), end)
        self.carrier = self._combo("ordersCarrier", self.tr("運送会社"))
        self.method = self._combo("ordersShippingMethod", self.tr("出荷方法"))
        self.buyer = self._combo("ordersBuyer", self.tr("卸先"))
        self.category = self._combo("ordersCategory", self.tr("注文カテゴリ"))
        self.status = self._combo("ordersStatus", self.tr("状態"))
        self.status.addItem(self.tr("すべての状態"), None)
        for value in ORDER_STATUSES:
            self.status.addItem(status_text(value), value)
        self.search = QLineEdit(self)
        self.search.setObjectName("ordersSearch")
        self.search.setAccessibleName(self.tr("卸先・商品で検索"))
        self.search.setPlaceholderText(self.tr("卸先・商品で検索"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(150)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())

        # Two rows, so the bar fits a 1366×768 screen at 150 % (911 px): the dates and the search,
        # then the five choice boxes sharing the width.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        dates = QHBoxLayout()
        dates.addWidget(QLabel(self.tr("出荷日"), self))
        dates.addWidget(self.start)
        dates.addWidget(QLabel("〜", self))
        dates.addWidget(self.end)
        dates.addWidget(self.search, 1)
        layout.addLayout(dates)
        choices = QHBoxLayout()
        for combo in (self.carrier, self.method, self.buyer, self.category, self.status):
            choices.addWidget(combo, 1)
        layout.addLayout(choices)
        self.set_choices(FilterChoices(carriers=(), shipping_methods=(), buyers=(), order_categories=()))
        for edit in (self.start, self.end):
            edit.dateChanged.connect(lambda _d: self._emit())
        self.carrier.currentIndexChanged.connect(lambda _i: self._carrier_changed())
        for combo in (self.method, self.buyer, self.category, self.status):
            combo.currentIndexChanged.connect(lambda _i: self._emit())

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = ChoiceBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.setToolTip(accessible)
        combo.setMinimumContentsLength(4)  # the boxes share the width; a long name is cut, not the window
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def set_choices(self, choices: FilterChoices) -> None:
        self.choices = choices
        fill_combo(self.carrier, self.tr("すべての運送会社"), choices.carriers)
        self._fill_methods()
        fill_combo(self.buyer, self.tr("すべての卸先"), choices.buyers)
        fill_combo(self.category, self.tr("すべての注文カテゴリ"), choices.order_categories)

    def _fill_methods(self) -> None:
        carrier = self.carrier.currentData()
        methods = [m for m, org in (self.choices.shipping_methods if self.choices else ())
                   if carrier is None or org == carrier]
        fill_combo(self.method, self.tr("すべての出荷方法"), methods)

    def _carrier_changed(self) -> None:
        self._fill_methods()  # a method of another carrier would filter everything away
        self._emit()

    def _emit(self) -> None:
        self.changed.emit(self.current())

    def current(self) -> OrderFilter:
        start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
        if end < start:
            start, end = end, start  # a reversed range means the same days, not none
        return OrderFilter(start=start, end=end, carrier_id=self.carrier.currentData(),
                           shipping_method_id=self.method.currentData(), buyer_id=self.buyer.currentData(),
                           order_category_id=self.category.currentData(), status=self.status.currentData(),
                           search=self.search.text())

    def set_carrier(self, carrier_id: int | None) -> None:
        self.carrier.setCurrentIndex(max(self.carrier.findData(carrier_id), 0))

    def set_range(self, start: date, end: date) -> None:
        self.start.blockSignals(True)
        self.start.setDate(to_qdate(start))
        self.start.blockSignals(False)
        self.end.setDate(to_qdate(end))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
