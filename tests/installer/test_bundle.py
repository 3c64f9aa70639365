"""The frozen bundle, built for real by ``installer/build.sh`` from the lock, then run as an office PC
would run it: its self-test (with the real Secret Service backend, through gnome-keyring on a
private D-Bus session), a keyring it cannot use, the window, a database it cannot reach, and the
suite's real PostgreSQL.

About 3 minutes here (PERFORMANCE.md), well inside CI's limit, so it runs in every CI run.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow
# A bundle built already (by installer/build.sh or an earlier run of this file) to check again without
# the build's minutes; read here, before the suite's fixtures clear the OROSHI_* variables.
PREBUILT = os.environ.get("OROSHI_TEST_BUNDLE", "")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    if PREBUILT:
        return Path(PREBUILT)
    out = tmp_path_factory.mktemp("bundle")
    env = {k: v for k, v in os.environ.items() if not k.startswith("OROSHI_")}
    env.update({"OROSHI_BUILD_DIST": str(out / "dist"), "OROSHI_BUILD_WORK": str(out / "work"),
                "OROSHI_BUILD_SELF_TEST": "0"})
    result = subprocess.run(["bash", str(ROOT / "installer" / "build.sh")], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=1500)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "built in" in result.stdout
    folder = out / "dist" / "oroshi-desktop"
    assert (folder / "oroshi-desktop").is_file()
    return folder


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("OROSHI_", "QT_QPA", "PYTHON", "DBUS_SESSION"))}
    env.update({"OROSHI_HOME": str(home), "HOME": str(home), "XDG_DATA_HOME": str(home / "xdg-data"),
                "XDG_CONFIG_HOME": str(home / "xdg-config"), "XDG_RUNTIME_DIR": str(home)})
    env.update(extra)
    return env


def run_bundle(bundle: Path, *args: str, env: dict[str, str], timeout: float = 300
               ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(bundle / "oroshi-desktop"), *args], capture_output=True, text=True, env=env,
                          timeout=timeout, cwd=env["HOME"])


def test_the_bundle_has_what_the_app_needs_and_none_of_the_heavy_qt(bundle):
    internal = bundle / "_internal"
    names = {p.relative_to(internal).as_posix() for p in internal.rglob("*") if p.is_file()}
    for needed in ("resources/fonts/BIZUDPGothic-Regular.ttf", "resources/fonts/OFL.txt",
                   "oroshi_desktop/db/migrations/env.py", "oroshi_desktop/db/migrations/versions/0001_baseline.py",
                   "PySide6/Qt/translations/qtbase_ja.qm", "PySide6/Qt/plugins/platforms/libqxcb.so",
                   "PySide6/Qt/plugins/platforms/libqoffscreen.so",
                   "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so"):
        assert needed in names, needed
    assert (bundle / "oroshi-desktop-window").is_file()
    heavy = [n for n in names if any(w in n for w in ("WebEngine", "Qt6Quick", "Qt6Qml", "Qt63D", "Multimedia",
                                                       "libgtk-3", "qtbase_de.qm", "pytest", "hypothesis"))]
    assert heavy == []
    assert any(n.startswith("keyring-") and n.endswith("entry_points.txt") for n in names)


@pytest.mark.skipif(shutil.which("gnome-keyring-daemon") is None or shutil.which("dbus-run-session") is None,
                    reason="needs gnome-keyring and dbus (installer/dev.sh installs them as root)")
def test_self_test_passes_with_the_real_secret_service(bundle, tmp_path):
    script = ('printf self-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && '
              f'exec "{bundle / "oroshi-desktop"}" --self-test --json')
    result = subprocess.run(["dbus-run-session", "--", "sh", "-c", script], capture_output=True, text=True,
                            env=clean_env(tmp_path), timeout=300, cwd=tmp_path)
    summary = json.loads(result.stdout)
    failed = [c for c in summary["checks"] if not c["ok"]]
    assert result.returncode == 0 and failed == [], failed or result.stderr[-2000:]
    assert summary["frozen"] is True
    details = {c["name"]: c["detail"] for c in summary["checks"]}
    assert details["keyring"].startswith("backend keyring.backends.SecretService.Keyring:")
    assert len([n for n in details if n.startswith("document ")]) == 7
    assert "/_internal/resources/fonts" in details["fonts"].replace("\\", "/")


def test_self_test_fails_naming_a_keyring_that_cannot_keep_passwords(bundle, tmp_path):
    result = run_bundle(bundle, "--self-test",
                        env=clean_env(tmp_path, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring"))
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert [line for line in lines if line.startswith("FAIL")] == [next(
        line for line in lines if line.startswith("FAIL  keyring: backend keyring.backends.fail.Keyring "))]
    assert lines[-1].endswith("(failed: keyring)")


def test_the_window_starts_on_the_demo_database_and_quits_on_sigterm(bundle, tmp_path):
    env = clean_env(tmp_path, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen([str(bundle / "oroshi-desktop")], env=env, cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    database = tmp_path / "data" / "oroshi.sqlite3"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None and not (tmp_path / "data" / "local.sqlite3").exists():
        time.sleep(0.2)
    time.sleep(3)  # the window and its first queries
    assert process.poll() is None, process.communicate()
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert "Traceback" not in err
    assert database.stat().st_size > 100_000  # schema and demo data


def test_an_unreachable_database_is_one_line_not_a_missing_driver(bundle, tmp_path):
    result = run_bundle(bundle, "db", "check", env=clean_env(
        tmp_path, OROSHI_DATABASE_URL="postgresql://oroshi@127.0.0.1:1/oroshi"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Connection refused" in result.stderr, result.stderr


def test_the_bundle_carries_its_build_date_commit_icons_and_menu_entry(bundle, tmp_path):
    from oroshi_desktop import __version__

    version = run_bundle(bundle, "--version", env=clean_env(tmp_path))
    assert version.returncode == 0, version.stderr
    line = version.stdout.strip()
    assert line.startswith(f"oroshi-desktop {__version__} ビルド "), line
    # The commit the bundle was built from: this checkout's, or one before it (commits made meanwhile).
    commit = line.rsplit("(", 1)[1].rstrip(")+")
    ancestor = subprocess.run(["git", "merge-base", "--is-ancestor", commit, "HEAD"], cwd=ROOT)
    assert ancestor.returncode == 0, line
    built = datetime.strptime(line.split(" ビルド ")[1][:16], "%Y-%m-%d %H:%M")
    assert abs((datetime.now(ZoneInfo("UTC")).replace(tzinfo=None) - built).total_seconds()) < 3600
    internal = bundle / "_internal"
    for size in (16, 24, 32, 48, 64, 128, 256):
        assert (internal / "resources" / "icons" / f"oroshi-desktop-{size}.png").is_file()
    assert (bundle / "oroshi-desktop.desktop").is_file() and (bundle / "install-desktop-entry.sh").is_file()
    data = tmp_path / "xdg"
    installed = subprocess.run([str(bundle / "install-desktop-entry.sh")], capture_output=True, text=True,
                               env={**os.environ, "XDG_DATA_HOME": str(data)})
    assert installed.returncode == 0, installed.stderr
    entry = (data / "applications" / "oroshi-desktop.desktop").read_text(encoding="utf-8")
    assert f'Exec="{bundle / "oroshi-desktop-window"}"' in entry.splitlines()


@pytest.mark.postgres
def test_the_bundle_prepares_fills_and_renders_from_a_real_postgresql(bundle, tmp_path, pg_server):
    # The frozen psycopg (its C implementation and libpq), the migrations loaded from the bundle's
    # files, and the printables, on the same PostgreSQL the rest of the suite uses.
    url = pg_server.create_database("bundle_check")
    try:
        env = clean_env(tmp_path, OROSHI_DATABASE_URL=url)
        upgrade = run_bundle(bundle, "db", "upgrade", env=env)
        assert upgrade.returncode == 0, upgrade.stdout + upgrade.stderr
        assert "created" in upgrade.stdout
        demo = run_bundle(bundle, "demo", env=env)
        assert demo.returncode == 0, demo.stderr
        check = run_bundle(bundle, "db", "check", env=env)
        assert check.returncode == 0 and "is healthy" in check.stdout, check.stdout + check.stderr
        out = tmp_path / "list.pdf"
        today = datetime.now(ZoneInfo("Asia/Tokyo")).date()
        render = run_bundle(bundle, "render", "shipping-list", "--date", str(today), "--out", str(out), env=env)
        assert render.returncode == 0, render.stderr
        assert out.read_bytes().startswith(b"%PDF")
    finally:
        pg_server.drop_database("bundle_check")
