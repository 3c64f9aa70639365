"""The recurring mail check as the job centre and the status bar show it: schedule, last and next run."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from oroshi_desktop.config import Settings
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.ledger import Ledger
from ui.i18n import label, message
from ui.qt import QCoreApplication

if TYPE_CHECKING:
    from jobs.queue.control import QueueStatus
    from oroshi_desktop.queries.job_centre import MailCheckRun

SEARCH_LIMIT = timedelta(days=8)  # a weekly schedule has a slot within a week


def next_mail_check(settings: Settings, now: datetime | None = None) -> datetime | None:
    """The next minute the schedule fires (aware UTC), evaluated in the business time zone."""
    from jobs.queue.schedule import cron_in_zone  # Huey: imported off the start-up path (a pool thread)

    matches = cron_in_zone(settings.mail_schedule, settings.tz)
    moment = (now or utcnow()).astimezone(UTC).replace(second=0, microsecond=0) + timedelta(minutes=1)
    end = moment + SEARCH_LIMIT
    while moment < end:
        if matches(moment):
            return moment
        moment += timedelta(minutes=1)
    return None


def schedule_text(expression: str) -> str:
    """「10分ごと」 for the usual every-N-minutes schedule; other cron expressions as written."""
    match = re.fullmatch(r"\*/(\d+) \* \* \* \*", expression.strip())
    return QCoreApplication.translate("MailCheck", "{minutes}分ごと").format(minutes=int(match.group(1))) if match else expression


@dataclass(frozen=True)
class MailCheckState:
    queue: QueueStatus
    last: MailCheckRun | None
    next_run: datetime | None

    def summary(self, settings: Settings) -> str:
        """The job centre's line about the recurring mail check, in the chosen language."""
        tz = settings.tz
        last = QCoreApplication.translate("MailCheck", "まだありません")
        if self.last is not None:
            moment = self.last.finished_at or self.last.created_at
            last = QCoreApplication.translate("MailCheck", "{when} {state}（{message}）").format(
                when=f"{moment.astimezone(tz):%m/%d %H:%M}", state=label(self.last.state_label),
                message=message(self.last))
        upcoming = f"{self.next_run.astimezone(tz):%m/%d %H:%M}" if self.next_run else QCoreApplication.translate("MailCheck", "なし")
        if self.queue.paused:
            upcoming += QCoreApplication.translate("MailCheck", "（一時停止中のため送信しません）")
        return QCoreApplication.translate("MailCheck", "定期メール確認 {schedule}（{zone}）　前回: {last}　次回: {next}").format(
            schedule=schedule_text(settings.mail_schedule), zone=tz.key, last=last, next=upcoming)


def read_mail_check_state(settings: Settings, ledger: Ledger) -> MailCheckState:
    """Reads the ledger and the scheduler lock: run it off the GUI thread."""
    from jobs.queue.control import queue_status
    from oroshi_desktop.queries.job_centre import last_mail_check

    last = ledger.db.reading(last_mail_check)
    return MailCheckState(queue_status(settings, ledger), last, next_mail_check(settings))
