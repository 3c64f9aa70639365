"""Reading the settings file safely: a regular file of a sane size, UTF-8 TOML, not nested without
end, and never a password in it. Each problem is one ``ConfigError`` naming the file."""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path
from typing import Any

from oroshi_desktop.errors import ConfigError
from oroshi_desktop.urls import secret_keys

MAX_SETTINGS_BYTES = 1024 * 1024  # a settings file is a few hundred bytes; anything near this is not one
MAX_SETTINGS_DEPTH = 16  # tables within tables; the app's own file has two levels


def _not_a_file(mode: int) -> tuple[str, str] | None:
    """What a path that is not a regular file is, in words (English, Japanese); None for a file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory", "フォルダー"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)", "パイプ（FIFO）"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device", "デバイス"
    return "not a regular file", "通常のファイルではないもの"


def _depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(item) for item in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(item) for item in value), default=0)
    return 0


def read_settings_file(path: Path) -> dict[str, Any]:
    """The settings file's table. Only a regular file of at most ``MAX_SETTINGS_BYTES`` is read
    (a link to ``/dev/zero`` grew the process without end, a FIFO hung every command), a UTF-8 BOM
    (Windows Notepad) is accepted, nesting deeper than ``MAX_SETTINGS_DEPTH`` is refused: each
    problem is one ``ConfigError`` naming the file."""
    def refuse(what: str, what_ja: str) -> ConfigError:
        return ConfigError(f"settings file {path}: {what}", f"設定ファイル {path}: {what_ja}")

    try:
        mode = os.stat(path).st_mode  # follows a link: what would be read
    except FileNotFoundError:
        return {}
    except OSError as err:
        raise refuse(f"cannot be read ({err.strerror or err})",
                     f"読み取れません（OSエラー {err.errno}）") from None
    kind = _not_a_file(mode)
    if kind is not None:
        raise refuse(f"is {kind[0]}, not a file; replace it with a settings file or remove it",
                     f"{kind[1]}です。設定ファイルに置き換えるか、削除してください")
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_SETTINGS_BYTES + 1)
    except OSError as err:
        raise refuse(f"cannot be read ({err.strerror or err})",
                     f"読み取れません（OSエラー {err.errno}）") from None
    if len(raw) > MAX_SETTINGS_BYTES:
        raise refuse(f"is larger than {MAX_SETTINGS_BYTES // 1024} KiB; it cannot be a settings file",
                     f"{MAX_SETTINGS_BYTES // 1024} KiB を超えています。設定ファイルではありません")
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))  # a BOM from Windows Notepad is accepted
    except UnicodeDecodeError:
        raise refuse("is not UTF-8 text; save it as UTF-8", "UTF-8 のテキストではありません。UTF-8 で保存してください") from None
    except tomllib.TOMLDecodeError as exc:
        raise refuse(f"is not valid TOML: {exc}", f"形式が正しくありません（{exc}）") from None
    except RecursionError:
        raise refuse(f"is nested more than {MAX_SETTINGS_DEPTH} levels deep",
                     f"入れ子が {MAX_SETTINGS_DEPTH} 段を超えています") from None
    if _depth(data) > MAX_SETTINGS_DEPTH:
        raise refuse(f"is nested more than {MAX_SETTINGS_DEPTH} levels deep",
                     f"入れ子が {MAX_SETTINGS_DEPTH} 段を超えています")
    bad = sorted(secret_keys(data))
    if bad:
        raise ConfigError(
            f"settings file {path} contains a password ({', '.join(bad)}); "
            "passwords belong in the OS keyring",
            f"設定ファイル {path} にパスワード（{', '.join(bad)}）が含まれています。"
            "パスワードはOSのキーリングに保存してください",
        )
    return data
