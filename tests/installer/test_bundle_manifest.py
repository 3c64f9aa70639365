"""The cheap check of the bundle, in every run: what the spec adds by name still exists, and the
filters keep what the app needs (the full build is ``test_bundle.py``)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
import bundle_manifest as manifest  # noqa: E402

sys.path.remove(str(ROOT / "installer"))


def test_every_hidden_import_resolves():
    missing = [name for name in manifest.HIDDEN_IMPORTS if not manifest.resolves(name)]
    assert missing == []


def test_the_linux_secret_service_client_is_bundled_here():
    # The lock installs them on Linux only; on this (Linux) machine they must be found and added.
    added = manifest.hidden_imports()
    assert {"secretstorage", "jeepney"} <= set(added)


def test_data_files_hold_the_fonts_and_the_migrations_as_source():
    pairs = manifest.data_files()
    assert all(Path(source).is_file() for source, _ in pairs)
    by_name = {Path(source).name: folder.replace("\\", "/") for source, folder in pairs}
    for font in ("BIZUDPGothic-Regular.ttf", "BIZUDPGothic-Bold.ttf", "BIZUDPMincho-Regular.ttf"):
        assert by_name[font] == "resources/fonts"
    assert by_name["env.py"] == "oroshi_desktop/db/migrations"
    assert by_name["script.py.mako"] == "oroshi_desktop/db/migrations"
    assert by_name["0001_baseline.py"] == "oroshi_desktop/db/migrations/versions"
    assert not any(source.endswith(".pyc") or "__pycache__" in source for source, _ in pairs)
    # resources/ code is imported from the archive, not copied as data.
    assert "__init__.py" not in {Path(s).name for s, f in pairs if f == "resources"}


def test_the_entry_script_is_the_cli():
    assert manifest.ENTRY_SCRIPT.read_text(encoding="utf-8").count("from oroshi_desktop.cli import main") == 1


@pytest.mark.parametrize("destination, kept", [
    ("PySide6/Qt/translations/qtbase_ja.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("resources/translations/oroshi_ja.qm", True),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("libgtk-3.so.0", False),
    ("PySide6/Qt/lib/libQt6Quick.so.6", False),
    ("PySide6/Qt/lib/libQt6Pdf.so.6", True),
    ("PySide6/Qt/lib/libQt6Network.so.6", True),  # QtPdf links it
    ("libcrypto.so.3", True),
])
def test_keep_file(destination, kept):
    assert manifest.keep_file(destination) is kept


def test_no_excluded_module_is_one_the_app_imports():
    # A module in EXCLUDES that the app needs would make the bundle fail only at run time.
    needed = ["PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtPrintSupport", "PySide6.QtSvg",
              "PySide6.QtNetwork", "PIL", "cryptography", "unittest"]
    assert not set(needed) & set(manifest.EXCLUDES)
    assert all(importlib.util.find_spec(name) is not None for name in needed)


def test_the_spec_is_python_and_uses_the_manifest():
    spec = (ROOT / "installer" / "oroshi-desktop.spec").read_text(encoding="utf-8")
    compile(spec, "oroshi-desktop.spec", "exec")
    for use in ("manifest.data_files()", "manifest.hidden_imports()", "manifest.EXCLUDES", "manifest.keep_file"):
        assert use in spec
