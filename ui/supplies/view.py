"""供給: a day picker (days with supplies marked), the day's supplies, and the check sheet.

The calendar marks the days of the shown month that have deliveries (one small query per month,
off the GUI thread). The list is a ``PagedIdModel``; its header counts the day's supplies and
those without a price, which are highlighted in the list. 受入チェック表 renders the check sheet
of the day for the chosen prefecture and reception time (or all of the day's) through
``Operation`` and opens it in the viewer, which prints it.
"""

from __future__ import annotations

from datetime import date, datetime

from oroshi_desktop.domain.formats import prefecture_name
from oroshi_desktop.errors import UserError
from oroshi_desktop.queries.supply_list import (
    DayChoices,
    SupplyCounts,
    SupplyFilter,
    day_choices,
    supply_counts,
)
from oroshi_desktop.queries.supply_list import supply_days as days_with_supplies
from ui.context import AppContext
from ui.i18n import ui_locale
from ui.list_export import ListExport
from ui.list_table import list_table
from ui.operations import Operation, show_error
from ui.orders.filters import from_qdate, to_qdate
from ui.qt import (
    QAction,
    QBrush,
    QCalendarWidget,
    QColor,
    QComboBox,
    QFont,
    QHBoxLayout,
    QLabel,
    QSplitter,
    Qt,
    QTextCharFormat,
    QToolBar,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.row_actions import row_actions, tab_chain
from ui.supplies.model import SupplyTableModel
from ui.toolbar import action_named, toolbar_action
from ui.window_state import RemembersLayout, Restorable, window_settings

COLUMN_WIDTHS = (70, 70, 170, 130, 150, 80, 70, 70)
MARKED_COLOUR = "#d8ecff"


def _month_range(year: int, month: int) -> tuple[date, date]:
    start = date(year, month, 1)
    end = date(year + (month == 12), month % 12 + 1, 1)
    return start, date.fromordinal(end.toordinal() - 1)


class SuppliesView(RemembersLayout, QWidget):
    counts_shown = Signal()
    days_marked = Signal()
    document_made = Signal(bytes)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database = ctx.database
        self.setObjectName("suppliesView")
        self.setAccessibleName(self.tr("供給"))
        self.title = self.tr("供給")
        today = datetime.now(ctx.settings.tz).date()
        self.day = today
        self.marked: list[date] = []
        self.counts = SupplyCounts()
        self.counted: SupplyFilter | None = None  # the filter ``counts`` belong to
        self.choices = DayChoices(prefecture_ids=(), reception_times=(), organizations=())

        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("suppliesCalendar")
        self.calendar.setAccessibleName(self.tr("供給日（供給のある日は色付き）"))
        self.calendar.setGridVisible(False)
        # Japanese month and day names whatever the PC's locale; the language setting (issue 8
        # point 5) is to choose this with the rest of the UI.
        self.calendar.setLocale(ui_locale())
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setSelectedDate(to_qdate(today))
        self.calendar.selectionChanged.connect(self._day_changed)
        self.calendar.currentPageChanged.connect(lambda year, month: self._mark_days(year, month))

        self.header = QLabel("", self)
        self.header.setObjectName("suppliesHeader")
        self.header.setAccessibleName(self.tr("供給の件数"))
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.prefecture = self._combo("suppliesPrefecture", self.tr("都道府県"))
        self.reception_time = self._combo("suppliesReceptionTime", self.tr("受入時間"))
        self.organization = self._combo("suppliesOrganization", self.tr("組織"))
        self._fill_choices()
        for combo in (self.prefecture, self.reception_time, self.organization):
            combo.currentIndexChanged.connect(lambda _i: self._filter_changed())

        self.model = SupplyTableModel(self.database, today, self)
        self.table = list_table(self, self.model, name="suppliesTable", accessible_name=self.tr("供給の一覧"),
                                sort_column=0, multiple=True, widths=COLUMN_WIDTHS)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("suppliesToolbar")
        self.check_sheet_action = toolbar_action(
            self, self.toolbar, "printCheckSheet", self.tr("受入チェック表"),
            self.tr("選んだ日・都道府県・受入時間の供給・受入チェック表を作成して表示"), self.make_check_sheet)

        self.list_export = ListExport(self, self.table, title=lambda: self.tr("供給"),
                                      settings=window_settings(ctx.settings.paths), toolbar=self.toolbar)
        row_actions(self.table, [self.check_sheet_action], main=self.check_sheet_action)
        tab_chain(self.calendar, self.prefecture, self.reception_time, self.organization, self.table, self.toolbar)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.header)
        filters = QHBoxLayout()
        for combo in (self.prefecture, self.reception_time, self.organization):
            filters.addWidget(combo)
        filters.addStretch(1)
        right_layout.addLayout(filters)
        right_layout.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("suppliesSplitter")
        self.splitter.addWidget(self.calendar)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)

        self.model.loaded.connect(self._update_counts)
        ctx.data_changed.connect(lambda area: self.refresh() if area == "supplies" else None)
        ctx.database_changed.connect(self._database_changed)
        self._mark_days(today.year, today.month)
        self._load_day()

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.setToolTip(accessible)
        return combo

    # ---- the view contract ---------------------------------------------------------------------

    def refresh(self) -> None:
        self._mark_days(self.calendar.yearShown(), self.calendar.monthShown())
        self._load_day()

    def _database_changed(self) -> None:
        """設定 connected another database: the calendar and the day are read from it."""
        self.database = self.ctx.database
        self.model.set_database(self.database, self)
        self.refresh()

    def action(self, name: str) -> QAction:
        return action_named(self, name)

    def focus_search(self) -> None:
        self.calendar.setFocus()

    def print_current(self) -> None:
        self.make_check_sheet()

    def new_item(self) -> None:
        """Supplies are entered in the web system; Ctrl+N makes the day's check sheet instead."""
        self.make_check_sheet()

    def layout_parts(self) -> dict[str, Restorable]:
        return {"supplies/splitter": self.splitter, "supplies/columns": self.table.horizontalHeader()}

    # ---- the day -------------------------------------------------------------------------------

    def _mark_days(self, year: int, month: int) -> None:
        start, end = _month_range(year, month)

        def work() -> list[date]:
            return self.database.reading(days_with_supplies, start, end)

        def done(days: list[date]) -> None:
            if (year, month) != (self.calendar.yearShown(), self.calendar.monthShown()):
                return  # the user moved on to another month; its own answer is coming
            for day in self.marked:
                self.calendar.setDateTextFormat(to_qdate(day), QTextCharFormat())
            marked = QTextCharFormat()
            marked.setBackground(QBrush(QColor(MARKED_COLOUR)))
            marked.setFontWeight(QFont.Weight.Bold)
            for day in days:
                self.calendar.setDateTextFormat(to_qdate(day), marked)
            self.marked = days
            self.days_marked.emit()

        Operation(self, work).success(done).run()

    def select_day(self, day: date) -> None:
        self.calendar.setSelectedDate(to_qdate(day))

    def show_target(self, target: object) -> None:
        """The 今日 view sent the user to a day (its supplies without a price)."""
        if isinstance(target, date):
            self.select_day(target)

    def _day_changed(self) -> None:
        day = from_qdate(self.calendar.selectedDate())
        if day != self.day:
            self.day = day
            self._load_day()

    def _load_day(self) -> None:
        day = self.day

        def work() -> DayChoices:
            return self.database.reading(day_choices, day)

        def done(choices: DayChoices) -> None:
            if day != self.day:
                return
            self.choices = choices
            self._fill_choices()
            self._filter_changed()

        Operation(self, work).success(done).run()

    def _fill_choices(self) -> None:
        for combo, any_text, items in (
            (self.prefecture, self.tr("すべての都道府県"),
             [(p, prefecture_name(p)) for p in self.choices.prefecture_ids]),
            (self.reception_time, self.tr("すべての受入時間"),
             [(t.id, t.label) for t in self.choices.reception_times]),
            (self.organization, self.tr("すべての組織"), list(self.choices.organizations)),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(any_text, None)
            for value, text in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
            combo.blockSignals(False)

    def current_filter(self) -> SupplyFilter:
        return SupplyFilter(day=self.day, prefecture_id=self.prefecture.currentData(),
                            reception_time_id=self.reception_time.currentData(),
                            organization_id=self.organization.currentData())

    def _filter_changed(self) -> None:
        self.model.set_filter(self.current_filter(), self)

    def _update_counts(self) -> None:
        supply_filter = self.model.supply_filter

        def work() -> SupplyCounts:
            return self.database.reading(supply_counts, supply_filter)

        def done(counts: SupplyCounts) -> None:
            if supply_filter != self.model.supply_filter:
                return
            self.counts = counts
            self.counted = supply_filter
            text = self.tr("{day:%Y/%m/%d} の供給 {count}件").format(day=supply_filter.day, count=f"{counts.count:,}")
            if counts.unpriced:
                text += self.tr("　（単価未入力 {count}件）").format(count=f"{counts.unpriced:,}")
            self.header.setText(text)
            self.header.setStyleSheet("color: #b00020;" if counts.unpriced else "")
            self.counts_shown.emit()

        Operation(self, work).success(done).run()

    # ---- the check sheet -----------------------------------------------------------------------

    def check_sheet_selection(self) -> tuple[list[int], list[int]]:
        """The chosen prefecture and reception time, or every one of the day's."""
        prefecture, time_id = self.prefecture.currentData(), self.reception_time.currentData()
        prefectures = [prefecture] if prefecture is not None else list(self.choices.prefecture_ids)
        times = [time_id] if time_id is not None else [t.id for t in self.choices.reception_times]
        return prefectures, times

    def make_check_sheet(self) -> None:
        prefectures, times = self.check_sheet_selection()
        day = self.day
        if not prefectures or not times:
            show_error(self, UserError(f"no supplies on {day}",
                                       self.tr("{day:%Y/%m/%d} には供給がないため、チェック表を作成できません。").format(day=day)))
            return

        def work() -> bytes:
            from jobs.documents import check_sheet_pdf

            return check_sheet_pdf(self.database, day=day, prefecture_ids=prefectures, reception_time_ids=times)

        def done(data: bytes) -> None:
            from ui.viewer import open_pdf

            open_pdf(self, data, self.tr("供給・受入チェック表 {day:%Y/%m/%d}").format(day=day))
            self.document_made.emit(data)

        Operation(self, work, label=self.tr("チェック表を作成しています…")).success(done).run()
