"""Watches the database connection and the queue for the status bar, the job centre and the tray.

Two timers, each with at most one read in flight (a dead PostgreSQL server can take the connect
timeout to answer): the connection check pings the database and tells ``AppContext`` whether it
is online; the overview reads the queue state, the mail check, the outbox's attention counts and
the newest statement mail of this PC, and emits it as one value.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from ui.context import AppContext
from ui.jobs.mail_check import MailCheckState, read_mail_check_state
from ui.operations import Operation
from ui.qt import QT_TRANSLATE_NOOP, QObject, QTimer, Signal

log = logging.getLogger(__name__)

PING_ONLINE_MS = 10_000    # a healthy connection is confirmed now and then
PING_OFFLINE_MS = 3_000    # an unreachable one is retried often, so the window recovers quickly
OVERVIEW_MS = 2_000


@dataclass(frozen=True)
class Overview:
    mail_check: MailCheckState
    failed_jobs: int
    running_mail: bool
    last_mail_sent_job: int | None     # the newest mail job of this PC that sent something
    uncertain: int | None = None       # None: the shared database did not answer
    failed_mail: int | None = None
    sending: int | None = None
    bounced: int | None = None         # 不達: a statement mail came back

    @property
    def state_ja(self) -> str:
        """The tray's word: 一時停止 / エラーあり / 送信中 / 正常 (Japanese: the tray translates it)."""
        if self.mail_check.queue.paused:
            return QT_TRANSLATE_NOOP("Tray", "一時停止")
        if self.failed_jobs or self.uncertain or self.failed_mail or self.bounced:
            return QT_TRANSLATE_NOOP("Tray", "エラーあり")
        if self.running_mail or self.sending:
            return QT_TRANSLATE_NOOP("Tray", "送信中")
        return QT_TRANSLATE_NOOP("Tray", "正常")


def read_overview(ctx: AppContext) -> Overview:
    """On a pool thread: this PC's jobs and the shared outbox (each skipped while unreachable)."""
    from jobs.queue.tasks import MAIL, MESSAGES  # Huey and the models load here, after the first paint
    from oroshi_desktop.queries.job_centre import ledger_counts, outbox_attention_count

    mail_check = read_mail_check_state(ctx.settings, ctx.ledger)
    failed, running_mail, last_sent = 0, False, None
    try:  # the ledger is in the app database: on a shared PostgreSQL it is away while offline
        ledger = ctx.ledger.db.reading(ledger_counts, ctx.ledger.pc, mail_kind=MAIL,  # this PC's state
                                       mail_sent_key=MESSAGES[MAIL].done)
        failed, running_mail, last_sent = ledger.failed, ledger.running_mail, ledger.last_mail_sent
    except Exception as err:  # the connection check says so; the rest of the overview stands
        log.info("ledger counts not read: %s", err)
    counts: tuple[int | None, ...] = (None, None, None, None)
    if ctx.online:
        try:
            counts = ctx.database.reading(outbox_attention_count)
        except Exception as err:  # the connection check will say so; the rest of the overview stands
            log.info("outbox counts not read: %s", err)
    return Overview(mail_check, failed, running_mail, last_sent, *counts)


class AppMonitor(QObject):
    overview_changed = Signal(object)   # Overview
    connection_checked = Signal(bool)   # after every ping: True online, False unreachable

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.overview: Overview | None = None
        self._pinging = False
        self._reading = False
        self._again = False
        self.ping_timer = QTimer(self)
        self.ping_timer.setSingleShot(True)
        self.ping_timer.timeout.connect(self.check_connection)
        self.overview_timer = QTimer(self)
        self.overview_timer.setInterval(OVERVIEW_MS)
        self.overview_timer.timeout.connect(self.read_overview)
        ctx.jobs_changed.connect(self.read_overview)
        ctx.database_changed.connect(self.check_connection)  # reads ``ctx.database`` and ``ctx.ledger`` each time
        ctx.database_changed.connect(self.read_overview)

    def start(self) -> None:
        self.check_connection()
        self.read_overview()
        self.overview_timer.start()

    def stop(self) -> None:
        self.ping_timer.stop()
        self.overview_timer.stop()

    def check_connection(self) -> None:
        if self._pinging:
            return
        self._pinging = True
        Operation(self, self.ctx.database.ping).success(lambda _r: self._connection(True)) \
            .failure(lambda err: self._connection(False, err)).run()

    def _connection(self, online: bool, err: BaseException | None = None) -> None:
        self._pinging = False
        if err is not None:
            log.info("database unreachable: %s", err)
        was_online = self.ctx.online
        self.ctx.set_online(online)
        self.connection_checked.emit(online)
        self.ping_timer.start(PING_ONLINE_MS if online else PING_OFFLINE_MS)
        if online != was_online:
            self.read_overview()

    def read_overview(self) -> None:
        if self._reading:
            self._again = True  # something changed meanwhile: read once more when this one is back
            return
        self._reading = True
        self._again = False
        ctx = self.ctx
        Operation(self, lambda: read_overview(ctx)).success(self._overview) \
            .failure(lambda err: log.warning("queue overview not read: %s", err)) \
            .finally_(self._read_done).run()

    def _read_done(self) -> None:
        self._reading = False
        if self._again:
            self.read_overview()

    def _overview(self, overview: Overview) -> None:
        previous, self.overview = self.overview, overview
        self.overview_changed.emit(overview)
        # A bounce check (any PC's) changed rows no view of this window asked for: the lists read them anew.
        if previous is not None and overview.bounced is not None and overview.bounced != previous.bounced:
            self.ctx.data_changed.emit("outbox")
