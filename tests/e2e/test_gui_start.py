"""The desktop app as a user starts it: empty embedded database → demo data, the job queue running
inside the app, and Ctrl-C (or SIGTERM) quits cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jobs.queue.scheduler_lock import scheduler_holder
from oroshi_desktop.db.engine import open_database
from oroshi_desktop.demo import is_empty

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_app_starts_on_an_empty_embedded_database_and_quits_on_a_signal(_isolated_home, signum):
    env = {k: v for k, v in os.environ.items() if not k.startswith("OROSHI_")}
    env.update(OROSHI_HOME=str(_isolated_home), QT_QPA_PLATFORM="offscreen")
    app = subprocess.Popen([sys.executable, "-m", "oroshi_desktop"], cwd=ROOT, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lock = _isolated_home / "data" / "scheduler.lock"
    try:
        deadline = time.monotonic() + 60
        # The queue holds the scheduler lock (its pid beside it) once it has started inside the app.
        while scheduler_holder(lock) != app.pid:
            assert app.poll() is None, app.communicate()
            assert time.monotonic() < deadline, "the app's job queue did not start"
            time.sleep(0.1)
        app.send_signal(signum)
        _out, err = app.communicate(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 0, err
    assert "Traceback" not in err
    database = open_database(f"sqlite:///{_isolated_home / 'data' / 'oroshi.sqlite3'}")
    try:
        assert not is_empty(database)
    finally:
        database.dispose()


def test_app_starts_while_the_shared_database_is_unreachable(_isolated_home):
    """A PC that signs in before its network is up: the window opens offline instead of refusing."""
    from tests.helpers.pgserver import free_port

    env = {k: v for k, v in os.environ.items() if not k.startswith("OROSHI_")}
    env.update(OROSHI_HOME=str(_isolated_home), QT_QPA_PLATFORM="offscreen",
               OROSHI_DATABASE_URL=f"postgresql://office@127.0.0.1:{free_port()}/oroshi")  # nobody listens
    app = subprocess.Popen([sys.executable, "-m", "oroshi_desktop", "-v"], cwd=ROOT, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(8)  # long enough for several connection checks
        assert app.poll() is None, app.communicate()
        app.send_signal(signal.SIGTERM)
        _out, err = app.communicate(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 0, err
    assert "database unreachable" in err and "Traceback" not in err
