"""The session-wide check itself (pytest-qt's ``qt_log_level_fail`` and ``qt_log_ignore`` from
pyproject.toml): a Qt warning during a test fails it, the offscreen platform's notes do not.

Run as an inner pytest on this project's configuration, since a failing test is the outcome."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

INNER = '''
import pytest
from PySide6.QtCore import qWarning


def test_unexpected_warning(qapp):
    qWarning("QObject: Cannot create children for a parent that is in a different thread.")


def test_offscreen_note(qapp):
    qWarning("This plugin does not support propagateSizeHints()")


@pytest.mark.qt_log_ignore("a warning this test provokes on purpose")
def test_expected_warning(qapp):
    qWarning("a warning this test provokes on purpose")
'''


def test_a_qt_warning_fails_its_test_and_the_known_notes_do_not(tmp_path: Path) -> None:
    inner = tmp_path / "test_inner.py"
    inner.write_text(INNER, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c",
                             str(ROOT / "pyproject.toml"), "--rootdir", str(tmp_path), str(inner)],
                            capture_output=True, text=True, timeout=120, cwd=tmp_path)
    out = result.stdout + result.stderr
    assert "1 failed, 2 passed" in out, out
    assert "FAILED" in out and "test_unexpected_warning" in out and "Cannot create children" in out, out


def test_the_configuration_is_the_one_pytest_runs_with(request: pytest.FixtureRequest) -> None:
    assert request.config.getini("qt_log_level_fail") == "WARNING"
