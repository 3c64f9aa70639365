"""The arrows point down: ``ui → jobs → printables → oroshi_desktop``. The core imports no Qt, Huey
or ReportLab; printables import no jobs or ui; jobs import no ui. Only the CLI package (the
composition root) may reach up, and it does so inside its commands. Read from the source with
``ast``, so a lazy import inside a function counts too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# package → top-level modules it must never import
FORBIDDEN = {
    "oroshi_desktop": {"PySide6", "shiboken6", "huey", "reportlab", "ui", "jobs", "printables"},
    "printables": {"PySide6", "shiboken6", "huey", "ui", "jobs"},
    "jobs": {"PySide6", "shiboken6", "ui"},
}
COMPOSITION_ROOT = ROOT / "oroshi_desktop" / "cli"


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_layer_imports_upwards(package):
    offenders = []
    for path in sorted((ROOT / package).rglob("*.py")):
        if path.is_relative_to(COMPOSITION_ROOT):
            continue
        bad = imported_roots(path) & FORBIDDEN[package]
        if bad:
            offenders.append(f"{path.relative_to(ROOT)}: {', '.join(sorted(bad))}")
    assert offenders == []


def test_the_check_sees_an_upward_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from PySide6.QtCore import Qt\n    import jobs.tasks\n")
    assert {"PySide6", "jobs"} <= imported_roots(sample)
