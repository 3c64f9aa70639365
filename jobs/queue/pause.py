"""The paused flag of a queue (a leaf module: the tasks, the control commands and the GUI use it).

The flag is a row of ``oroshi_desktop_queue_flags`` for the ledger's queue scope: with a local
queue it pauses this PC, with a shared queue the whole office (every PC and server worker sees the
same row). A task that starts while paused is not run: its ledger row stays ``queued`` (一時停止中)
and Huey tries it again after a short delay.
"""

from __future__ import annotations

from oroshi_desktop.labels import JobMessage, LedgerMessage
from oroshi_desktop.ledger import Ledger

PAUSED_KEY = "queue.paused"
PAUSED_MESSAGE = LedgerMessage(JobMessage.PAUSED)
PAUSE_RETRY_DELAY = 2.0  # seconds between looks at the flag by a held task (Huey's scheduler ticks every 1 s)


def is_paused(ledger: Ledger) -> bool:
    return ledger.get_value(PAUSED_KEY, "0") == "1"


def set_paused(ledger: Ledger, paused: bool) -> None:
    ledger.set_value(PAUSED_KEY, "1" if paused else "0")
