"""The Windows/macOS bundle workflow (.github/workflows/bundles.yml) cannot run here (no GitHub
runner): this checks that what it runs still exists and that it runs what the brief needs of it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "bundles.yml"


def test_the_workflow_builds_tests_and_uploads_on_windows_and_macos():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "\t" not in text  # YAML refuses tabs
    assert "os: [windows-latest, macos-latest]" in text
    for step in ("--require-hashes -r installer/requirements.lock", "installer/oroshi-desktop.spec",
                 '-m "windows or not (slow or postgres)"', "--self-test", "--self-test --json", "--version",
                 r"iscc \"/DAppVersion=$version\" installer\windows\oroshi-desktop.iss".replace("\\\"", '"'),
                 "actions/upload-artifact@v4", 'python-version: "3.11"'):
        assert step in text, step


def test_every_file_the_workflow_names_exists():
    text = WORKFLOW.read_text(encoding="utf-8")
    named = set(re.findall(r"\b((?:installer|tests)[/\\][\w./\\-]+\.(?:lock|spec|iss|py))\b", text))
    assert len(named) >= 4
    for name in named:
        assert (ROOT / name.replace("\\", "/")).is_file(), name
