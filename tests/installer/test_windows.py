"""What only Windows can check (``pytest -m windows``; run by .github/workflows/bundles.yml on
windows-latest, skipped elsewhere): the Credential Locker keeps the app's passwords, the data folder
is where the Inno Setup uninstaller looks for it, and every document name the app makes can be
created on NTFS."""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path

import pytest

from oroshi_desktop.domain.filenames import safe_filename
from oroshi_desktop.paths import app_paths
from oroshi_desktop.secrets import SERVICE

pytestmark = [pytest.mark.windows,
              pytest.mark.skipif(sys.platform != "win32", reason="Windows only (run on windows-latest)")]


def test_the_credential_locker_keeps_a_password():
    from keyring.backends.Windows import WinVaultKeyring

    backend = WinVaultKeyring()
    key = f"probe:{uuid.uuid4().hex}"
    backend.set_password(SERVICE, key, "パスワード-probe")
    try:
        assert backend.get_password(SERVICE, key) == "パスワード-probe"
    finally:
        backend.delete_password(SERVICE, key)
    assert backend.get_password(SERVICE, key) is None


def test_the_data_folder_is_the_one_the_uninstaller_offers_to_delete():
    # installer/windows/oroshi-desktop.iss deletes {localappdata}\oroshi-desktop only if asked.
    paths = app_paths({})
    expected = Path(os.environ["LOCALAPPDATA"]) / "oroshi-desktop"
    assert paths.data_dir == expected
    assert paths.settings_file.parent == expected
    assert paths.log_dir.is_relative_to(expected)


@pytest.mark.parametrize("name", ["CON.pdf", "aux", "丸中:水産?.pdf", "末尾の点. .pdf", "a<b>c|d*e\"f.pdf",
                                  "長い名前" * 80 + ".pdf", "COM1.txt", "nul"])
def test_every_document_name_can_be_created(tmp_path, name):
    safe = safe_filename(name)
    path = tmp_path / safe
    path.write_bytes(b"%PDF-1.7\n")
    assert path.read_bytes() == b"%PDF-1.7\n"
    assert [p.name for p in tmp_path.iterdir()] == [safe]
