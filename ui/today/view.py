"""今日: the clerk's day on one screen, each line a way to the place where it is handled.

Today's and tomorrow's shipments per carrier with their three documents one click away, the
statement runs to be mailed today, the mails that need a decision, supplies without a price
before the next run, this PC's failed jobs, and the next mail check. Read by one query
(``oroshi_desktop.today``) off the GUI thread, again whenever data or jobs change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from oroshi_desktop.labels import JOB_KIND_LABELS, OUTBOX_STATE_LABELS, Label
from oroshi_desktop.today import CarrierShipments, Today, read_today
from ui.context import AppContext
from ui.i18n import current_language, label, message
from ui.operations import Operation
from ui.orders import document_kinds
from ui.qt import (
    QAction,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QMouseEvent,
    QPushButton,
    QSettings,
    QShowEvent,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.settings.form import Columns, VerticalScroll
from ui.toolbar import action_named

if TYPE_CHECKING:
    from ui.orders import documents

WEEKDAYS = ("月", "火", "水", "木", "金", "土", "日")
WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class LinkLine(QLabel):
    """One line of 今日 that opens its place: wraps like text, clicks and takes the keyboard
    (Tab reaches it, Enter or Space opens it) like a button."""

    clicked = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet("QLabel { color: palette(link); padding: 2px 4px; }"
                           " QLabel:focus { border: 1px solid palette(highlight); }")

    def click(self) -> None:
        self.clicked.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class TodayView(QWidget):
    loaded = Signal()  # the day's lines are shown (tests and screenshots wait for it)
    document_made = Signal(str, bytes)  # a shipping document was made and shown: kind, PDF

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 now: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.now = now or (lambda: datetime.now(self.ctx.settings.tz))
        self.setObjectName("todayView")
        self.title = self.tr("今日")
        self.setAccessibleName(self.title)
        self.today: Today | None = None
        self._reading = False
        self._again = False
        self._stale = False  # a change arrived while another view was shown: read when shown again
        self.mail_check_line: LinkLine | None = None

        self.heading = QLabel(self)
        self.heading.setObjectName("todayHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.heading.setFont(font)
        refresh = QPushButton(self.tr("更新"), self)
        refresh.setObjectName("refreshToday")
        refresh.setToolTip(self.tr("今日の予定を読み直します"))
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(refresh)

        self.sections: dict[str, QGroupBox] = {}
        for key in ("shipments", "unpriced", "due_runs", "decisions", "failed_jobs", "mail_check"):
            box = QGroupBox(self)
            box.setObjectName(f"today_{key}")
            QVBoxLayout(box)
            self.sections[key] = box
        sections = self.sections
        # Two columns when the width allows, else one below the other; never a sideways scroll.
        body = Columns([sections["shipments"], sections["unpriced"]],
                       [sections["due_runs"], sections["decisions"], sections["failed_jobs"], sections["mail_check"]],
                       self)
        scroll = VerticalScroll(body, self)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

        ctx.data_changed.connect(lambda _area: self._changed())
        ctx.jobs_changed.connect(self._changed)
        ctx.database_changed.connect(self._changed)
        ctx.online_changed.connect(self._online_changed)
        # The main window sets the monitor before it makes any view; a 今日 made on its own (the
        # tests, the screenshot scenes) has none and shows the next mail check as 確認しています….
        monitor = getattr(ctx, "monitor", None)
        if monitor is not None:
            monitor.overview_changed.connect(self._show_mail_check)
        self._show_mail_check(None)
        self.refresh()

    # ---- reading -------------------------------------------------------------------------------

    def _online_changed(self, online: bool) -> None:
        if online:
            self._changed()

    def action(self, name: str) -> QAction:
        """The view contract's action by name (``showToday`` lives in the main window)."""
        return action_named(self, name)

    def _changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def refresh(self) -> None:
        if self._reading:  # one read at a time; a change meanwhile reads once more afterwards
            self._again = True
            return
        self._reading = True
        database, ledger, tz, now = self.ctx.database, self.ctx.ledger, self.ctx.settings.tz, self.now()

        def work() -> Today:
            return read_today(database, ledger.db, now=now, tz=tz, pc=ledger.pc)

        def done(today: Today) -> None:
            self.today = today
            self._show(today)
            self.loaded.emit()

        def finished() -> None:
            self._reading = False
            if self._again:
                self._again = False
                self.refresh()

        Operation(self, work).success(done).finally_(finished).run()

    # ---- showing -------------------------------------------------------------------------------

    def _section(self, key: str, title: str, count: int) -> QVBoxLayout:
        box = self.sections[key]
        box.setTitle(self.tr("{title}（{count}件）").format(title=title, count=count))
        layout = box.layout()
        assert isinstance(layout, QVBoxLayout)
        while layout.count():
            item = layout.takeAt(0)
            if item is None:
                break
            widget, inner = item.widget(), item.layout()
            if widget is not None:
                widget.deleteLater()
            elif inner is not None:
                while inner.count():
                    child_item = inner.takeAt(0)
                    child = child_item.widget() if child_item is not None else None
                    if child is not None:
                        child.deleteLater()
                inner.deleteLater()
        return layout

    def _link(self, text: str, name: str, go: Callable[[], None], tip: str) -> LinkLine:
        line = LinkLine(text, self)
        line.setObjectName(name)
        line.setToolTip(tip)
        line.clicked.connect(go)
        return line

    def _none(self, layout: QVBoxLayout, text: str) -> None:
        quiet = QLabel(text, self)
        quiet.setObjectName("todayNothing")
        quiet.setEnabled(False)
        layout.addWidget(quiet)

    def _go(self, key: str, target: object = None) -> Callable[[], None]:
        return lambda: self.ctx.open_view.emit(key, target)

    def _date(self, day: Any) -> str:
        if current_language() == "en":
            return f"{WEEKDAYS_EN[day.weekday()]} {day:%m/%d}"
        return f"{day:%m/%d}（{WEEKDAYS[day.weekday()]}）"

    def _show(self, today: Today) -> None:
        self.heading.setText(self.tr("今日 {date}").format(date=self._date(today.today)))
        self._show_shipments(today)
        self._show_due_runs(today)
        self._show_decisions(today)
        self._show_unpriced(today)
        self._show_failed_jobs(today)

    def _show_shipments(self, today: Today) -> None:
        # The buttons need only the documents' kinds and titles: the shipping documents (their
        # filters, the shipping domain, the order list's models) load with the first click, not
        # before 今日 shows its lines (issue 20 point 1).
        layout = self._section("shipments", self.tr("今日と明日の出荷"), len(today.shipments))
        if not today.shipments:
            self._none(layout, self.tr("今日と明日の出荷はありません。"))
        for line in today.shipments:
            when = self.tr("今日") if line.day == today.today else self.tr("明日")
            row = QHBoxLayout()
            row.addWidget(self._link(
                self.tr("{when} {date} {carrier}: {orders}件（{units}口）").format(
                    when=when, date=self._date(line.day), carrier=line.carrier_name, orders=line.orders,
                    units=line.freight_units),
                "todayShipment", self._go("orders", (line.day, line.carrier_id)),
                self.tr("この日・この運送会社の注文を開きます")), 1)
            for kind in document_kinds.KINDS:
                button = QPushButton(document_kinds.document_title(kind), self)
                button.setObjectName(f"today_{kind}")
                button.setToolTip(self.tr("{document}を作成して表示します").format(
                    document=document_kinds.document_title(kind)))
                button.clicked.connect(lambda _checked=False, k=kind, s=line: self._make_document(k, s))
                row.addWidget(button)
            layout.addLayout(row)

    def _make_document(self, kind: str, line: CarrierShipments) -> None:
        from ui.orders import documents

        self.make_document(documents.DocumentRequest(kind=kind, day=line.day, carrier_id=line.carrier_id,
                                                     carrier_name=line.carrier_name))

    def make_document(self, request: documents.DocumentRequest) -> None:
        from ui.orders import documents

        documents.produce(self, self.ctx.database, request, False,
                          lambda req, data: self.document_made.emit(req.kind, data))

    def _show_due_runs(self, today: Today) -> None:
        layout = self._section("due_runs", self.tr("今日メールで送る支払明細書"), len(today.due_runs))
        if not today.due_runs:
            self._none(layout, self.tr("今日送信予定の支払明細書はありません。"))
        for run in today.due_runs:
            when = f"{run.send_at:%H:%M}" if run.send_at.date() == today.today else f"{run.send_at:%m/%d %H:%M}"
            period = f"{run.start:%m/%d}〜{run.end:%m/%d}" if run.start and run.end else ""
            layout.addWidget(self._link(
                self.tr("No.{id} {period}: {when} に送信（{count}組織）").format(
                    id=run.invoice_id, period=period, when=when, count=run.organizations),
                "todayDueRun", self._go("statements", run.invoice_id), self.tr("支払明細書を開きます")))

    def _show_decisions(self, today: Today) -> None:
        layout = self._section("decisions", self.tr("確認が必要なメール"), today.decision_count)
        if not today.decisions:
            self._none(layout, self.tr("確認が必要なメールはありません。"))
        for mail in today.decisions:
            state = OUTBOX_STATE_LABELS.get(mail.state, Label(mail.state, mail.state))
            layout.addWidget(self._link(
                self.tr("{state}: No.{id} {organization}").format(state=label(state), id=mail.invoice_id,
                                                                  organization=mail.organization_name),
                "todayDecision", self._go("statements", mail.invoice_id),
                self.tr("支払明細書の詳細で「再送」か「送信済みにする」を選びます")))
        self._more(layout, len(today.decisions), today.decision_count)

    def _show_unpriced(self, today: Today) -> None:
        layout = self._section("unpriced", self.tr("単価が未設定の供給"), today.unpriced_count)
        if not today.unpriced:
            self._none(layout, self.tr("単価が未設定の供給はありません。"))
        for day in today.unpriced:
            layout.addWidget(self._link(
                self.tr("{date}: {count}件（支払明細書に¥0と印刷されます）").format(date=self._date(day.day),
                                                                       count=day.supplies),
                "todayUnpriced", self._go("supplies", day.day), self.tr("この日の供給を開きます")))

    def _show_failed_jobs(self, today: Today) -> None:
        layout = self._section("failed_jobs", self.tr("失敗したジョブ"), today.failed_job_count)
        if not today.failed_jobs:
            self._none(layout, self.tr("失敗したジョブはありません。"))
        for job in today.failed_jobs:
            kind = JOB_KIND_LABELS.get(job.kind, Label(job.kind, job.kind))
            layout.addWidget(self._link(
                self.tr("{kind}: {message}").format(kind=label(kind), message=message(job)),
                "todayFailedJob", self._go("jobs", job.job_id), job.error))
        self._more(layout, len(today.failed_jobs), today.failed_job_count)

    def _more(self, layout: QVBoxLayout, shown: int, count: int) -> None:
        if count > shown:
            self._none(layout, self.tr("ほか {count}件").format(count=count - shown))

    def _show_mail_check(self, overview: Any) -> None:
        """Every few seconds from the monitor: the line's text only, so its focus stays put."""
        text = overview.mail_check.summary(self.ctx.settings) if overview is not None else self.tr("確認しています…")
        if self.mail_check_line is None:
            box = self.sections["mail_check"]
            box.setTitle(self.tr("次のメール確認"))
            self.mail_check_line = self._link(text, "todayMailCheck", self._go("jobs"), self.tr("ジョブの画面を開きます"))
            box_layout = box.layout()
            assert box_layout is not None
            box_layout.addWidget(self.mail_check_line)
        elif self.mail_check_line.text() != text:
            self.mail_check_line.setText(text)

    # ---- the view contract ---------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """What each part counts (tests compare it with the database)."""
        today = self.today
        if today is None:
            return {}
        return {"shipments": len(today.shipments), "due_runs": len(today.due_runs),
                "decisions": today.decision_count, "unpriced": today.unpriced_count,
                "failed_jobs": today.failed_job_count}

    def focus_search(self) -> None:
        """Nothing to search: the first line takes the focus."""
        self.focusNextChild()

    def print_current(self) -> None:
        """Nothing to print here; each shipment line has its documents."""

    def new_item(self) -> None:
        """Nothing to create here."""

    def save_state(self, settings: QSettings) -> None:
        """No layout to remember."""

    def restore_state(self, settings: QSettings) -> None:
        """No layout to remember."""
