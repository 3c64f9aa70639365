"""The version line (``oroshi-desktop --version``, ヘルプ → バージョン情報): name, version, and the build
date and commit of a bundle, or 開発版 for a development install.

The bundle build writes ``build_info.json`` beside this module (``installer/bundle_manifest.py``,
called by the PyInstaller spec); a source checkout or pip install has none, which is how a
development install is told apart without a flag anyone could forget to set.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from oroshi_desktop import __version__

NAME = "oroshi-desktop"
BUILD_INFO_FILE = "build_info.json"
DEVELOPMENT = "開発版"


@dataclass(frozen=True)
class BuildInfo:
    version: str
    built_at: datetime  # timezone-aware (UTC)
    commit: str  # short hash, "+" when the tree had uncommitted changes; "" when git was not there


def build_info(path: Path | None = None) -> BuildInfo | None:
    """What the bundle build recorded, or None in a development install (or an unreadable file)."""
    path = path or Path(__file__).with_name(BUILD_INFO_FILE)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        built_at = datetime.fromisoformat(data["built_at"])
        if built_at.tzinfo is None:
            return None
        return BuildInfo(str(data["version"]), built_at, str(data.get("commit", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def build_label(info: BuildInfo | None) -> str:
    """``ビルド 2026-12-02 03:10 UTC (abc1234)``, or ``開発版``."""
    if info is None:
        return DEVELOPMENT
    label = f"ビルド {info.built_at.strftime('%Y-%m-%d %H:%M')} UTC"
    return f"{label} ({info.commit})" if info.commit else label


def version_line(info: BuildInfo | None) -> str:
    """One line: name, version, build (or 開発版)."""
    return f"{NAME} {__version__} {build_label(info)}"


def installed_version_line() -> str:
    """This installation's version line."""
    return version_line(build_info())
