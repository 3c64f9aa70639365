"""One app per user and data folder: a second launch hands off to the first (two real processes),
and a socket left by a crashed instance does not block the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from jobs.queue.scheduler_lock import scheduler_holder
from ui.single_instance import SingleInstance, server_name

ROOT = Path(__file__).resolve().parents[2]


def test_hand_off_reaches_the_listening_instance(qtbot, tmp_path):
    first = SingleInstance(tmp_path / "data")
    shown: list[bool] = []
    assert first.listen(lambda: shown.append(True))
    try:
        assert SingleInstance(tmp_path / "data").hand_off()
        qtbot.waitUntil(lambda: shown == [True], timeout=5000)
        assert not SingleInstance(tmp_path / "other").hand_off()  # another data folder: another app
    finally:
        first.close()
    assert server_name(tmp_path / "data") != server_name(tmp_path / "other")


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OROSHI_")}
    env.update(OROSHI_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return env


def _start(home: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "oroshi_desktop", "-v"], cwd=ROOT, env=_env(home),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_until_running(app: subprocess.Popen[str], home: Path) -> None:
    lock = home / "data" / "scheduler.lock"
    deadline = time.monotonic() + 60
    while scheduler_holder(lock) != app.pid:
        assert app.poll() is None, app.communicate()
        assert time.monotonic() < deadline, "the app did not start"
        time.sleep(0.1)


def _stop(app: subprocess.Popen[str]) -> str:
    if app.poll() is None:
        app.send_signal(signal.SIGTERM)
    try:
        return app.communicate(timeout=30)[1]
    finally:
        if app.poll() is None:
            app.kill()


def test_second_launch_brings_the_first_window_forward(_isolated_home):
    first = _start(_isolated_home)
    try:
        _wait_until_running(first, _isolated_home)
        second = subprocess.run([sys.executable, "-m", "oroshi_desktop"], cwd=ROOT, env=_env(_isolated_home),
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == 0, second.stderr
        assert "already running" in second.stderr
        assert first.poll() is None  # the first instance goes on
    finally:
        err = _stop(first)
    assert first.returncode == 0, err
    assert "a second launch asked for the window" in err and "main window brought forward" in err
    assert "Traceback" not in err


def test_a_stale_socket_from_a_crash_is_cleaned_up(_isolated_home):
    crashed = _start(_isolated_home)
    _wait_until_running(crashed, _isolated_home)
    crashed.send_signal(signal.SIGKILL)
    crashed.communicate(timeout=30)
    socket_file = Path(tempfile.gettempdir()) / server_name(_isolated_home / "data")
    assert socket_file.exists()  # the killed instance left its socket behind

    again = _start(_isolated_home)
    try:
        _wait_until_running(again, _isolated_home)
        third = subprocess.run([sys.executable, "-m", "oroshi_desktop"], cwd=ROOT, env=_env(_isolated_home),
                               capture_output=True, text=True, timeout=60)
        assert third.returncode == 0 and "already running" in third.stderr
    finally:
        err = _stop(again)
    assert again.returncode == 0, err
    assert "a second launch asked for the window" in err
