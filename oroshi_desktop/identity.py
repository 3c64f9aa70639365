"""Who this PC is and which queue it serves: the names the job ledger records.

A PC's name is ``host/user`` (``OROSHI_PC_NAME`` overrides it, e.g. to tell two accounts or two
data folders on one machine apart). A queue's scope names the queue a job's task sits in: a local
SQLite queue is one PC's own (``local:…``), a shared Redis or PostgreSQL queue is the office's
(``shared:…``); only processes of the same scope may resubmit or recover a job's task.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import socket
from urllib.parse import urlparse

from oroshi_desktop.config import Settings

PC_NAME_VARIABLE = "OROSHI_PC_NAME"


def pc_name() -> str:
    override = os.environ.get(PC_NAME_VARIABLE, "").strip()
    if override:
        return override[:200]
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no login name (some service accounts)
        user = "?"
    return f"{socket.gethostname()}/{user}"[:200]


def worker_name() -> str:
    """This process, as the ``ran_by`` of the jobs it runs."""
    return f"{pc_name()}:{os.getpid()}"


def pc_of(worker: str) -> str:
    """The PC of a worker name (``pc_name():pid``): what the window shows wherever it names a PC."""
    pc, colon, pid = worker.rpartition(":")
    return pc if colon and pid.isdigit() else worker


def queue_scope(settings: Settings) -> str:
    """``local:<pc>:<queue file digest>`` for this PC's own queue, ``shared:<url>`` for an office queue."""
    if not settings.queue_url or urlparse(settings.queue_url).scheme == "sqlite":
        where = os.path.normcase(os.path.abspath(settings.effective_queue_url.removeprefix("sqlite:///")))
        return f"local:{pc_name()}:{hashlib.sha256(where.encode()).hexdigest()[:12]}"
    parsed = urlparse(settings.queue_url)
    # No user or password in the scope: it is stored in every job row.
    host = parsed.hostname or ""
    port = f":{parsed.port}" if parsed.port else ""
    return f"shared:{parsed.scheme}://{host}{port}{parsed.path}"[:255]


def is_shared(scope: str) -> bool:
    return scope.startswith("shared:")
