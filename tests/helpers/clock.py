"""The suite's clock: every test process, and every process a test starts, runs at one pinned instant.

The demo data, the due-mail check and the period filters all read "today"; a suite on the real
calendar passes on some dates and fails on others. ``TESTS_NOW`` (an ISO 8601 instant with its UTC
offset, default ``DEFAULT_NOW``) chooses the instant; the clock then ticks on from there, so
timeouts, sleeps and Huey's schedule behave as usual (only the wall clock moves, never the
monotonic one). Child processes inherit the same offset through ``sitecustomize`` (see
``clock_site/``), so a CLI started by a test sees the same day as the test.

    TESTS_NOW=2027-02-28T23:30:00+09:00 installer/dev.sh test tests/jobs
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path

import time_machine

NOW_ENV = "TESTS_NOW"
OFFSET_ENV = "TESTS_CLOCK_OFFSET"
# A Monday morning in Tokyo, away from any month's edge; the dates CI adds are in .ci/run.
DEFAULT_NOW = "2026-12-07T10:00:00+09:00"
SITE_DIR = Path(__file__).parent / "clock_site"

_traveller: time_machine.travel | None = None


def pinned_instant() -> datetime:
    """The instant ``TESTS_NOW`` names (``DEFAULT_NOW`` when unset); refuses a time without its offset."""
    text = os.environ.get(NOW_ENV) or DEFAULT_NOW
    instant = datetime.fromisoformat(text)
    if instant.tzinfo is None:
        raise SystemExit(f"{NOW_ENV}={text!r} needs its UTC offset, for example 2027-02-28T23:30:00+09:00")
    return instant


def start_pinned_clock() -> datetime:
    """Move this process's wall clock to the pinned instant and hand the offset to child processes."""
    global _traveller
    instant = pinned_instant()
    offset = instant.timestamp() - time.time()
    os.environ[OFFSET_ENV] = repr(offset)
    paths = [str(SITE_DIR), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    # A timestamp, never a zone: time-machine would also change the process's TZ for a ZoneInfo.
    _traveller = time_machine.travel(instant.timestamp(), tick=True)
    _traveller.start()
    return instant


def real_now() -> datetime:
    """The machine's real time (for what is checked outside Python, such as a TLS certificate's dates)."""
    return datetime.fromtimestamp(time_machine.escape_hatch.time.time(), UTC)
