"""``oroshi-desktop --version`` and the About dialog: 開発版 in a development install, the build date
and commit in a bundle (whose build writes build_info.json beside oroshi_desktop/version.py)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from datetime import UTC, datetime
from pathlib import Path

from oroshi_desktop import __version__
from oroshi_desktop.version import BUILD_INFO_FILE, BuildInfo, build_info, version_line

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
import bundle_manifest as manifest  # noqa: E402

sys.path.remove(str(ROOT / "installer"))


def version_of(package_root: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONPATH"] = os.pathsep.join([str(package_root), str(ROOT)])
    return subprocess.run([sys.executable, "-m", "oroshi_desktop", "--version"], capture_output=True, text=True,
                          env=env, cwd=package_root, timeout=120)


def test_a_development_install_says_so():
    result = version_of(ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"oroshi-desktop {__version__} 開発版"


def test_a_built_copy_shows_its_build_date_and_commit(tmp_path):
    # The package as the bundle carries it: the same modules with the file the spec writes beside them.
    copy = tmp_path / "bundle"
    shutil.copytree(ROOT / "oroshi_desktop", copy / "oroshi_desktop",
                    ignore=shutil.ignore_patterns("__pycache__"))
    built = datetime(2026, 12, 2, 3, 10, 42, tzinfo=UTC)
    source, folder = manifest.build_info_data(tmp_path / "work", now=built)
    assert folder == "oroshi_desktop"
    shutil.copy(source, copy / folder / BUILD_INFO_FILE)
    result = version_of(copy)
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip()
    assert re.fullmatch(rf"oroshi-desktop {re.escape(__version__)} ビルド 2026-12-02 03:10 UTC \([0-9a-f]{{7,}}\+?\)",
                        line), line
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.strip()
    assert f"({commit}" in line


def test_build_info_records_the_version_and_an_aware_utc_time(tmp_path):
    source, _ = manifest.build_info_data(tmp_path)
    data = json.loads(Path(source).read_text(encoding="utf-8"))
    assert data["version"] == __version__
    info = build_info(Path(source))
    assert info is not None and info.built_at.utcoffset().total_seconds() == 0
    assert abs((datetime.now(UTC) - info.built_at).total_seconds()) < 120


def test_a_damaged_or_naive_build_file_reads_as_development(tmp_path):
    path = tmp_path / BUILD_INFO_FILE
    for text in ("{not json", json.dumps({"version": "0.1.0"}),
                 json.dumps({"version": "0.1.0", "built_at": "2026-12-02T03:10:00", "commit": "abc1234"})):
        path.write_text(text, encoding="utf-8")
        assert build_info(path) is None
        assert version_line(build_info(path)).endswith(" 開発版")


def test_the_version_lives_in_one_place():
    # pyproject's version (what pip and the installer file name show) must be the app's own.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == __version__ == manifest.app_version()
    iss = (ROOT / "installer" / "windows" / "oroshi-desktop.iss").read_text(encoding="utf-8")
    assert f'#define AppVersion "{__version__}"' in iss


def test_the_about_dialog_shows_the_build_line(sqlite_db, qtbot, monkeypatch):
    # The build row does not depend on the database (one kind is enough; the Windows CI has no PostgreSQL).
    db = sqlite_db
    from ui import about

    dialog = about.AboutDialog(db)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(about.QLabel)]
    assert f"oroshi-desktop {__version__}" in texts and "開発版" in texts

    built = BuildInfo(__version__, datetime(2026, 12, 2, 3, 10, tzinfo=UTC), "abc1234")
    monkeypatch.setattr(about, "build_info", lambda: built)
    dialog = about.AboutDialog(db)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(about.QLabel)]
    assert "2026-12-02 03:10 UTC (abc1234)" in texts and "開発版" not in texts
