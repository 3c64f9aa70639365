"""The project's metadata as packaging tools expect it today (issue 21, point 9): ``license`` is an
SPDX expression, so installs no longer print setuptools' deprecation warning for the table form."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_license_is_an_spdx_string_and_setuptools_understands_it():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "MIT"
    assert not any("License ::" in c for c in project["project"].get("classifiers", []))  # refused beside it
    assert "setuptools>=77" in project["build-system"]["requires"]  # the first to read the SPDX form
