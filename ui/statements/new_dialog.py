"""仕切り作成: the new statement run dialog.

A calendar range (first click the start, second click the end) with the count of supply days, the
organizations (active ones ticked, each with its mail address), layout, mail switch and send time
(next Thursday 09:00 in the business time zone), the warnings to read before creating, and 見本
previews per organization × {組織, 供給者} × {簡易版, 標準版} rendered off the GUI thread without
creating anything. 作成 writes the run (core ``create_run``); the view then queues its generation.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.domain.filenames import preview_filename
from oroshi_desktop.domain.quantities import DEFAULT_PLAUSIBLE_LINE_AMOUNT
from oroshi_desktop.domain.schedule import default_period, default_send_at
from oroshi_desktop.domain.statement_options import StatementFormat, StatementLayout
from oroshi_desktop.queries.run_planning import (
    OrganizationChoice,
    PlanWarning,
    dialog_choices,
    plan_check,
)
from oroshi_desktop.statement_run_editing import NewRun, create_run
from ui.i18n import current_language, ui_locale
from ui.operations import Operation
from ui.period_filter import to_date, to_qdate
from ui.qt import (
    QAction,
    QCalendarWidget,
    QCheckBox,
    QColor,
    QCoreApplication,
    QDate,
    QDateTime,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QGuiApplication,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    Qt,
    QTextCharFormat,
    QTime,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.statements.preview_grid import PreviewArea
from ui.viewer.window import fit_to_screen

PREVIEWS = tuple((fmt, layout) for fmt in StatementFormat for layout in StatementLayout)


REFRESH_DELAY_MS = 250  # typing and clicking settle before the warnings are recomputed


def preview_label(fmt: str, layout: str) -> str:
    translate = QCoreApplication.translate  # lupdate reads translate("Context", "source")
    org, sup = StatementFormat.ORGANIZATION, StatementFormat.SUPPLIER
    simple, standard = StatementLayout.SIMPLE, StatementLayout.STANDARD
    labels = {(org, simple): translate("NewRun", "組織・簡易版"), (org, standard): translate("NewRun", "組織・標準版"),
              (sup, simple): translate("NewRun", "供給者・簡易版"), (sup, standard): translate("NewRun", "供給者・標準版")}
    return labels[(StatementFormat(fmt), StatementLayout(layout))]


class NewStatementDialog(QDialog):
    loaded = Signal()       # organizations are in
    checked = Signal()      # the day count and warnings for the current choice are in

    def __init__(self, database: Database, tz: ZoneInfo, parent: QWidget | None = None, *,
                 today: date | None = None, now: datetime | None = None,
                 plausible_line_amount: int | None = DEFAULT_PLAUSIBLE_LINE_AMOUNT) -> None:
        super().__init__(parent)
        self.database = database
        self.plausible_line_amount = plausible_line_amount
        self.tz = tz
        self.setObjectName("newStatementDialog")
        self.setWindowTitle(self.tr("仕切り作成"))
        self.created_id: int | None = None
        self.warnings: list[PlanWarning] = []
        self.choices: list[OrganizationChoice] = []
        self._check_generation = 0
        today = today or datetime.now(tz).date()
        self.start, self.end = default_period(today)
        self._picking_end = False

        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("periodCalendar")
        self.calendar.setGridVisible(True)
        self.calendar.setLocale(ui_locale())
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setSelectedDate(to_qdate(self.end))
        self.calendar.clicked.connect(self._clicked_day)
        self.calendar.activated.connect(self._entered_day)  # Enter on a day picks it, as a click does
        self.period_label = QLabel(self)
        self.period_label.setObjectName("periodLabel")
        self.supply_days_label = QLabel(self.tr("選択した日付の範囲内の供給ある日: …"), self)
        self.supply_days_label.setObjectName("supplyDays")

        self.organization_list = QListWidget(self)
        self.organization_list.setObjectName("organizationList")
        self.organization_list.setAccessibleName(self.tr("供給組織"))
        self.organization_list.addItem(self.tr("読み込み中…"))
        self.organization_list.itemChanged.connect(lambda _item: self._schedule_check())
        self.cc_label = QLabel(self.tr("CC（会社）: …"), self)
        self.cc_label.setObjectName("companyCc")

        self.simple_button = QRadioButton(self.tr("簡易版"), self)
        self.simple_button.setObjectName("layoutSimple")
        self.standard_button = QRadioButton(self.tr("標準版"), self)
        self.standard_button.setObjectName("layoutStandard")
        self.simple_button.setChecked(True)
        self.mail_switch = QCheckBox(self.tr("メールを送信する"), self)
        self.mail_switch.setObjectName("sendEmail")
        self.mail_switch.setChecked(True)
        self.send_at_edit = QDateTimeEdit(self)
        self.send_at_edit.setObjectName("sendAt")
        self.send_at_edit.setLocale(ui_locale())
        self.send_at_edit.setDisplayFormat(self.tr("yyyy年MM月dd日 HH:mm"))
        self.send_at_edit.setCalendarPopup(True)
        send_at = default_send_at(now or utcnow(), tz)
        self.send_at_edit.setDateTime(QDateTime(to_qdate(send_at.date()), QTime(send_at.hour, send_at.minute)))
        self.send_at_edit.setToolTip(self.tr("送信日時を過ぎると10分以内に送信されます。"))
        self.mail_switch.toggled.connect(self.send_at_edit.setEnabled)

        self.warning_list = QListWidget(self)
        self.warning_list.setObjectName("warningsList")
        self.warning_list.setAccessibleName(self.tr("警告"))
        self.warning_list.setWordWrap(True)
        self.preview_area = PreviewArea(self)
        self.preview_buttons: dict[tuple[int, str, str], QPushButton] = {}

        self.buttons = QDialogButtonBox(self)
        self.create_button = self.buttons.addButton(self.tr("作成"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("createRun")
        cancel = self.buttons.addButton(self.tr("キャンセル"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancelRun")
        self.buttons.accepted.connect(self.create_run)
        self.buttons.rejected.connect(self.reject)
        # Enter belongs to the calendar (it picks a day) while it has the focus: Ctrl+Enter creates
        # from anywhere in the dialog, so the keyboard never has to Tab past twelve preview buttons.
        create_key = QAction(self)
        create_key.setObjectName("createRunKey")
        create_key.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        create_key.triggered.connect(lambda _checked=False: self.create_button.click())
        self.addAction(create_key)
        self.create_button.setToolTip(self.tr("Ctrl+Enter でも作成できます"))
        self._layout()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self._check)
        self._show_period()
        self._load()

    def _layout(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.calendar)
        left.addWidget(self.period_label)
        left.addWidget(self.supply_days_label)
        options = QFormLayout()
        layout_row = QHBoxLayout()
        layout_row.addWidget(self.simple_button)
        layout_row.addWidget(self.standard_button)
        options.addRow(self.tr("レイアウト:"), layout_row)
        options.addRow(self.mail_switch)
        options.addRow(self.tr("送信日時:"), self.send_at_edit)
        left.addLayout(options)
        left.addStretch(1)
        right = QVBoxLayout()
        organizations = QGroupBox(self.tr("供給組織"), self)
        box = QVBoxLayout(organizations)
        box.addWidget(self.organization_list)
        box.addWidget(self.cc_label)
        right.addWidget(organizations, 2)
        warnings = QGroupBox(self.tr("警告"), self)
        wbox = QVBoxLayout(warnings)
        wbox.addWidget(self.warning_list)
        right.addWidget(warnings, 1)
        previews = QGroupBox(self.tr("プレビュー（見本）"), self)
        pbox = QVBoxLayout(previews)
        pbox.addWidget(self.preview_area)
        right.addWidget(previews, 2)
        body = QWidget(self)
        columns = QHBoxLayout(body)
        columns.addLayout(left, 0)
        columns.addLayout(right, 1)
        # On a 1366×768 laptop at 150 % the screen is 911×512 logical pixels: the dialog scrolls.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.buttons)
        fit_to_screen(self, 980, 660)

    # ---- data ----------------------------------------------------------------------------------

    def _load(self) -> None:
        def work() -> tuple[list[OrganizationChoice], str]:
            return self.database.reading(dialog_choices)

        def done(result: tuple[list[OrganizationChoice], str]) -> None:
            self.choices, cc = result
            self.cc_label.setText(self.tr("CC（会社）: {cc}").format(cc=cc) if cc
                                  else self.tr("CC（会社）: （会社のメールアドレスなし）"))
            self.organization_list.blockSignals(True)
            self.organization_list.clear()
            for choice in self.choices:
                item = QListWidgetItem(f"{choice.name}　{choice.email_text_in(current_language())}")
                item.setData(Qt.ItemDataRole.UserRole, choice.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if choice.active else Qt.CheckState.Unchecked)
                self.organization_list.addItem(item)
            self.organization_list.blockSignals(False)
            self.loaded.emit()
            self._check()

        Operation(self, work).success(done).run()

    def selected_organizations(self) -> list[int]:
        ids = []
        for row in range(self.organization_list.count()):
            item = self.organization_list.item(row)
            if item.checkState() == Qt.CheckState.Checked and item.data(Qt.ItemDataRole.UserRole) is not None:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return ids

    def set_organization_checked(self, organization_id: int, checked: bool) -> None:
        for row in range(self.organization_list.count()):
            item = self.organization_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == organization_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    # ---- the period ----------------------------------------------------------------------------

    def _clicked_day(self, qdate: QDate) -> None:
        day = to_date(qdate)
        if not self._picking_end:
            self.start = self.end = day
            self._picking_end = True
        else:
            self.start, self.end = min(self.start, day), max(self.start, day)
            self._picking_end = False
        self._show_period()
        self._schedule_check()

    def _entered_day(self, qdate: QDate) -> None:
        """Enter on the calendar (``activated``); a double click emits it too, after its clicks."""
        if QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton:
            self._clicked_day(qdate)

    def set_period(self, start: date, end: date) -> None:
        self.start, self.end = min(start, end), max(start, end)
        self._picking_end = False
        self.calendar.setSelectedDate(to_qdate(self.end))
        self._show_period()
        self._schedule_check()

    def _show_period(self) -> None:
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clears the previous highlight
        highlight = QTextCharFormat()
        highlight.setBackground(QColor("#cfe8ff"))
        day = self.start
        while day <= self.end:
            self.calendar.setDateTextFormat(to_qdate(day), highlight)
            day += timedelta(days=1)
        hint = self.tr("（終了日をクリック）") if self._picking_end else ""
        self.period_label.setText(self.tr("期間: {start} 〜 {end}").format(start=f"{self.start:%Y/%m/%d}",
                                                                          end=f"{self.end:%Y/%m/%d}") + hint)

    # ---- day count, warnings, preview buttons --------------------------------------------------

    def _schedule_check(self) -> None:
        self._timer.start()

    def _check(self) -> None:
        self._timer.stop()
        self._check_generation += 1
        generation = self._check_generation
        start, end, organizations = self.start, self.end, self.selected_organizations()
        limit = self.plausible_line_amount

        def work() -> tuple[int, list[PlanWarning]]:
            return self.database.reading(plan_check, start, end, organizations, plausible_line_amount=limit)

        def done(result: tuple[int, list[PlanWarning]]) -> None:
            if generation != self._check_generation:
                return
            days, self.warnings = result
            self.supply_days_label.setText(self.tr("選択した日付の範囲内の供給ある日: {days}日").format(days=days))
            self.warning_list.clear()
            for warning in self.warnings:
                item = QListWidgetItem(warning.text_in(current_language()))
                item.setData(Qt.ItemDataRole.UserRole, warning.kind)
                self.warning_list.addItem(item)
            if not self.warnings:
                self.warning_list.addItem(self.tr("警告はありません。"))
            self._build_previews(organizations)
            self.checked.emit()

        Operation(self, work).success(done).run()

    def _build_previews(self, organization_ids: list[int]) -> None:
        names = {c.id: c.name for c in self.choices}
        self.preview_buttons = {}
        rows: list[tuple[QLabel, list[QPushButton]]] = []
        for org_id in organization_ids:
            buttons = []
            for fmt, layout in PREVIEWS:
                button = QPushButton(preview_label(fmt, layout))
                button.setObjectName(f"preview_{org_id}_{fmt}_{layout}")
                button.clicked.connect(lambda _checked=False, o=org_id, f=fmt, la=layout: self.preview(o, f, la))
                buttons.append(button)
                self.preview_buttons[(org_id, fmt, layout)] = button
            rows.append((QLabel(names.get(org_id, str(org_id))), buttons))
        self.preview_area.set_rows(rows)

    def preview(self, organization_id: int, fmt: str, layout: str) -> None:
        """A 見本 PDF of one organization, rendered off the GUI thread and shown in the viewer."""
        from jobs.documents import preview_pdf
        from ui.viewer import open_pdf

        start, end = self.start, self.end
        name = next((c.name for c in self.choices if c.id == organization_id), str(organization_id))
        button = self.preview_buttons.get((organization_id, fmt, layout))
        if button is not None:
            button.setEnabled(False)

        def work() -> bytes:
            return preview_pdf(self.database, start=start, end=end, organization_id=organization_id, fmt=fmt,
                               layout=layout)

        def finished() -> None:
            if button is not None:
                button.setEnabled(True)

        title = preview_filename(name, start, end, fmt, datetime.now(self.tz))
        Operation(self, work, label=self.tr("プレビューを作成しています…")) \
            .success(lambda data: open_pdf(self, data, title)).finally_(finished).run()

    # ---- creating ------------------------------------------------------------------------------

    def new_run(self) -> NewRun:
        qdt = self.send_at_edit.dateTime()
        send_at = datetime(qdt.date().year(), qdt.date().month(), qdt.date().day(), qdt.time().hour(),
                           qdt.time().minute(), tzinfo=self.tz)
        return NewRun(start=self.start, end=self.end, organization_ids=tuple(self.selected_organizations()),
                      layout=StatementLayout.STANDARD if self.standard_button.isChecked() else StatementLayout.SIMPLE,
                      send_email=self.mail_switch.isChecked(), send_at=send_at)

    def create_run(self) -> None:  # not ``create``: that is QWidget.create(window, …), another signature
        run = self.new_run()
        if not run.organization_ids:
            QMessageBox.warning(self, self.windowTitle(), self.tr("供給組織: 少なくとも1つ必要です"))
            return
        if self.warnings:
            text = "\n".join(self.tr("・{warning}").format(warning=w.text_in(current_language())) for w in self.warnings[:12])
            more = self.tr("\n…ほか{count}件").format(count=len(self.warnings) - 12) if len(self.warnings) > 12 else ""
            answer = QMessageBox.question(self, self.windowTitle(), self.tr(
                "次の警告があります。\n{warnings}\n\nこのまま作成しますか？").format(warnings=text + more))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.create_button.setEnabled(False)

        def work() -> int:
            return self.database.writing(create_run, run)

        def done(invoice_id: int) -> None:
            self.created_id = invoice_id
            self.accept()

        Operation(self, work, label=self.tr("支払明細書を作成しています…")).success(done) \
            .finally_(lambda: self.create_button.setEnabled(True)).run()
