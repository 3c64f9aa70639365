"""Honest storage messages (issue 21, point 6) on real file systems: a small tmpfs filled up and a
read-only tmpfs. Before, a full disk or a read-only home was called a damaged database, with the
advice to restore a backup. Needs root to mount (skipped otherwise); every mount is undone."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="mounting a tmpfs needs root")


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount_point)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"tmpfs cannot be mounted here: {done.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OROSHI_")}
    env["OROSHI_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "oroshi_desktop", *args], env=env, capture_output=True, text=True,
                          timeout=300, cwd=ROOT)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_full_disk_is_named_as_such_and_the_database_is_left_intact(tmpfs: Path) -> None:
    home = tmpfs / "home"
    assert cli(home, "db", "upgrade").returncode == 0
    database = home / "data" / "oroshi.sqlite3"
    before = digest(database)
    filler = tmpfs / "filler"
    with filler.open("wb") as handle:  # fill the disk to the last block
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass
    for command in (["db", "check"], ["jobs", "list"], ["demo", "--scale", "1"], ["generate", "--invoice", "1"]):
        result = cli(home, *command)
        lines = result.stderr.strip().splitlines()
        assert result.returncode != 0 and len(lines) == 1, result.stderr
        assert ("full" in lines[0] or "space" in lines[0]) and "damaged" not in lines[0], lines[0]
        assert "backup" not in lines[0] and "Traceback" not in result.stderr
    filler.unlink()  # space freed: the same file works again
    assert digest(database) == before
    healthy = cli(home, "db", "check")
    assert healthy.returncode == 0 and "healthy" in healthy.stdout, healthy.stderr


def test_a_read_only_home_is_named_as_such_and_the_database_is_left_intact(tmpfs: Path) -> None:
    home = tmpfs / "home"
    assert cli(home, "db", "upgrade").returncode == 0
    database = home / "data" / "oroshi.sqlite3"
    before = digest(database)
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    for command in (["db", "check"], ["jobs", "list"]):
        result = cli(home, *command)
        lines = result.stderr.strip().splitlines()
        assert result.returncode != 0 and len(lines) == 1, result.stderr
        assert "read-only" in lines[0] and "damaged" not in lines[0] and "backup" not in lines[0], lines[0]
    # A home that does not exist yet on a read-only disk: one line, not OSError (paths.py).
    fresh = cli(tmpfs / "fresh-home", "jobs", "list")
    assert fresh.returncode != 0 and len(fresh.stderr.strip().splitlines()) == 1, fresh.stderr
    assert "read-only" in fresh.stderr and "Traceback" not in fresh.stderr
    subprocess.run(["mount", "-o", "remount,rw", str(tmpfs)], check=True)
    assert digest(database) == before
