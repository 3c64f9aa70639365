"""``docs/ARCHITECTURE.md`` lists every module of the app, one line each: a module the page does
not list, or a line for a module that is gone, fails here, so the page cannot drift from the tree."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "ARCHITECTURE.md"
PACKAGES = ("oroshi_desktop", "jobs", "printables", "ui", "resources")

# One module line: "- `path/to/module.py` — what it is for".
MODULE_LINE = re.compile(r"^- `(?P<path>[^`]+\.py)` — (?P<purpose>\S.*)$")


def modules_in_tree() -> set[str]:
    return {path.relative_to(ROOT).as_posix()
            for package in PACKAGES for path in (ROOT / package).rglob("*.py")
            if "__pycache__" not in path.parts}


def module_lines() -> dict[str, str]:
    lines: dict[str, str] = {}
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        match = MODULE_LINE.match(line)
        if match:
            assert match["path"] not in lines, f"{match['path']} is listed twice in {PAGE.name}"
            lines[match["path"]] = match["purpose"]
    return lines


def test_every_module_is_listed_and_every_listed_module_exists():
    listed, present = set(module_lines()), modules_in_tree()
    assert not present - listed, f"modules missing from docs/ARCHITECTURE.md: {sorted(present - listed)}"
    assert not listed - present, f"docs/ARCHITECTURE.md lists modules that do not exist: {sorted(listed - present)}"


def test_each_line_says_what_the_module_is_for():
    short = sorted(path for path, purpose in module_lines().items() if len(purpose.split()) < 3)
    assert not short, f"say what these are for in a few words: {short}"


def test_the_page_states_the_rules():
    text = PAGE.read_text(encoding="utf-8")
    for heading in ("## Layers", "## Rules", "## Modules"):
        assert heading in text, f"docs/ARCHITECTURE.md has no {heading!r} section"
