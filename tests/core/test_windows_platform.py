"""Windows-only checks (issue 10 point 4): what the file system and the Credential Locker of the
office PCs really do. They run on Windows (CI: the Windows job of the workflow) and are skipped
elsewhere with the reason; the platform-neutral halves of the same rules run everywhere
(``tests/core/test_filenames.py``, ``tests/core/test_hostile_properties.py``).
"""

from __future__ import annotations

import contextlib
import os
import sys
import uuid
from pathlib import Path

import pytest

from oroshi_desktop.domain.filenames import safe_filename
from oroshi_desktop.errors import UserError

windows_only = pytest.mark.skipif(sys.platform != "win32",
                                  reason="Windows only: device names, MAX_PATH and the Credential Locker")

RESERVED = ["CON", "PRN", "AUX", "NUL", "COM1", "COM9", "LPT1", "LPT9", "con.pdf", "Nul.txt", "aux .pdf",
            "COM1.組織.pdf"]
TRAILING = ["請求書.", "請求書 ", "請求書. .", "a..."]


@windows_only
@pytest.mark.parametrize("name", RESERVED + TRAILING)
def test_safe_names_are_kept_by_the_windows_file_system(tmp_path: Path, name: str) -> None:
    """The raw name is changed or swallowed by Windows (a device, a stripped dot); the safe name is
    stored and listed exactly as the app shows it."""
    safe = safe_filename(name)
    (tmp_path / safe).write_bytes(b"%PDF-1.7 x")
    assert safe in os.listdir(tmp_path)
    assert (tmp_path / safe).read_bytes() == b"%PDF-1.7 x"


@windows_only
@pytest.mark.parametrize("name", ["NUL", "CON", "請求書.", "請求書 "])
def test_raw_reserved_names_do_not_give_the_file_the_app_names(tmp_path: Path, name: str) -> None:
    """Why the renaming exists: written as is, no file of that exact name appears in the folder."""
    try:
        with open(tmp_path / name, "wb") as handle:  # a device opens; a trailing dot/space is stripped
            handle.write(b"")
    except OSError:
        pass  # refused outright is as good a proof
    assert name not in os.listdir(tmp_path)


@windows_only
def test_long_paths_are_written_or_refused_in_one_line(tmp_path: Path) -> None:
    """Beyond MAX_PATH (260) Windows needs LongPathsEnabled; either way the CLI's writer gives a
    file or a UserError, never a traceback."""
    from oroshi_desktop.cli.render import _write

    folder = tmp_path
    while len(str(folder)) < 300:
        folder = folder / ("長いフォルダ名" * 4)
    out = folder / safe_filename("北海水産協同組合 (2025-10-01 ~ 2025-10-15) - 組織.pdf")
    assert len(str(out)) > 260
    try:
        _write(b"%PDF-1.7 long", out)
    except UserError as err:
        assert "\n" not in err.message and str(out.parent)[:20] in err.message
    else:
        assert out.read_bytes() == b"%PDF-1.7 long"


@windows_only
def test_secrets_round_trip_through_the_credential_locker() -> None:
    """The app's secrets module on the real Windows Credential Locker (WinVaultKeyring), with a
    password a person could type (Japanese, symbols)."""
    import keyring
    from keyring.backends.Windows import WinVaultKeyring

    from oroshi_desktop import secrets

    previous = keyring.get_keyring()
    keyring.set_keyring(WinVaultKeyring())
    key = secrets.smtp_key(f"test-{uuid.uuid4().hex[:8]}", "smtp.example.jp")
    password = "パス🔑 w0rd \"'<>&"
    try:
        secrets.set_secret(key, password)
        assert secrets.get_secret(key) == password
        secrets.delete_secret(key)
        assert secrets.get_secret(key) is None
    finally:
        with contextlib.suppress(Exception):  # already deleted above unless an assert failed
            secrets.delete_secret(key)
        keyring.set_keyring(previous)


def test_these_tests_are_skipped_here_with_a_reason() -> None:
    """On Linux and macOS the marks above must skip (not silently pass) and say why."""
    assert windows_only.mark.kwargs["reason"].startswith("Windows only")
    assert bool(windows_only.mark.args[0]) is (sys.platform != "win32")
