"""The icon set, the Linux menu entry and what the bundle carries of them: every size exists, loads
in Qt and matches its SVG source; the .desktop file validates, before and after installing it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
DESKTOP_FILE = ROOT / "installer" / "linux" / "oroshi-desktop.desktop"
INSTALL_ENTRY = ROOT / "installer" / "linux" / "install-desktop-entry.sh"
sys.path.insert(0, str(ROOT / "installer"))
import bundle_manifest as manifest  # noqa: E402
import icons as icon_maker  # noqa: E402

sys.path.remove(str(ROOT / "installer"))

needs_validator = pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                                     reason="desktop-file-validate missing (apt-get install desktop-file-utils)")


@pytest.mark.parametrize("size", icon_maker.SIZES)
def test_each_icon_size_exists_and_loads_in_qt_at_its_size(qapp, size):
    from ui.qt import QImage

    image = QImage(str(ICONS / icon_maker.png_name(size)))
    assert not image.isNull()
    assert (image.width(), image.height()) == (size, size)
    # Drawn, not blank: the tile's blue in the middle of the top edge, transparent corners.
    assert image.pixelColor(size // 2, size // 8).blue() > 90
    assert image.pixelColor(0, 0).alpha() == 0


@pytest.mark.parametrize("size", (16, 64, 256))
def test_the_pngs_are_rendered_from_the_current_svg(qapp, size, tmp_path):
    # A changed SVG without re-running installer/icons.py leaves stale PNGs: this catches it.
    fresh = tmp_path / "fresh.png"
    fresh.write_bytes(icon_maker.render(icon_maker.SOURCE, size))
    old = Image.open(ICONS / icon_maker.png_name(size)).convert("RGBA")
    new = Image.open(fresh).convert("RGBA")
    worst = max(abs(a - b) for a, b in zip(old.tobytes(), new.tobytes(), strict=True))
    assert worst <= 8


def test_the_windows_and_macos_icons_hold_every_size():
    ico = Image.open(ICONS / "oroshi-desktop.ico")
    assert set(icon_maker.ICO_SIZES) == {w for w, h in ico.info["sizes"]}
    icns = Image.open(ICONS / "oroshi-desktop.icns")
    assert icns.size == (1024, 1024)
    assert {w for w, _h, _scale in icns.info["sizes"]} >= {16, 32, 128, 256, 512}


def test_the_window_gets_every_size_and_the_tray_a_state_badge(qapp):
    from ui.app_icon import ICON_SIZES, app_icon
    from ui.tray import STATE_COLOURS, state_icon

    icon = app_icon()
    assert {s.width() for s in icon.availableSizes()} == set(ICON_SIZES)
    for state, colour in STATE_COLOURS.items():
        image = state_icon(state).pixmap(32, 32).toImage()
        assert image.pixelColor(25, 25).name() == colour, state  # the badge, lower right
        assert image.pixelColor(16, 3).blue() > 90  # the app tile around it


def test_the_bundle_carries_the_icons_and_the_programs_get_the_ico():
    pairs = manifest.data_files()
    carried = {Path(source).name for source, folder in pairs if folder.replace("\\", "/") == "resources/icons"}
    assert {icon_maker.png_name(s) for s in icon_maker.SIZES} | {"oroshi-desktop.svg", "oroshi-desktop.ico",
                                                                 "oroshi-desktop.icns"} <= carried
    assert manifest.icon_file() == str(ICONS / "oroshi-desktop.ico")
    spec = (ROOT / "installer" / "oroshi-desktop.spec").read_text(encoding="utf-8")
    assert "icon=manifest.icon_file()" in spec and "manifest.build_info_data(workpath)" in spec
    iss = (ROOT / "installer" / "windows" / "oroshi-desktop.iss").read_text(encoding="utf-8")
    assert "SetupIconFile=..\\..\\resources\\icons\\oroshi-desktop.ico" in iss


@needs_validator
def test_the_desktop_file_validates():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr
    text = DESKTOP_FILE.read_text(encoding="utf-8")
    assert "Name[ja]=オロシ デスクトップ" in text and "Icon=oroshi-desktop" in text


@needs_validator
def test_installing_the_menu_entry_points_it_at_the_bundle(tmp_path):
    bundle = tmp_path / "Oroshi Desktop"  # a folder with a space, as a user might choose
    bundle.mkdir()
    program = bundle / "oroshi-desktop-window"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    result = subprocess.run(["bash", str(INSTALL_ENTRY), str(bundle)], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    entry = tmp_path / "data" / "applications" / "oroshi-desktop.desktop"
    assert f'Exec="{program}"' in entry.read_text(encoding="utf-8").splitlines()
    assert subprocess.run(["desktop-file-validate", str(entry)], capture_output=True).returncode == 0
    for size in icon_maker.SIZES:
        installed = tmp_path / "data" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "oroshi-desktop.png"
        assert Image.open(installed).size == (size, size)

    removed = subprocess.run(["bash", str(INSTALL_ENTRY), "--uninstall"], capture_output=True, text=True, env=env)
    assert removed.returncode == 0 and not entry.exists()


def test_the_menu_entry_refuses_a_folder_without_the_program(tmp_path):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    result = subprocess.run(["bash", str(INSTALL_ENTRY), str(tmp_path)], capture_output=True, text=True, env=env)
    assert result.returncode != 0 and "oroshi-desktop-window" in result.stderr
    assert not (tmp_path / "data" / "applications").exists()
