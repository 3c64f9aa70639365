"""Passwords for the database and the SMTP and IMAP servers, kept only in the OS keyring.

Headless Linux machines often have no keyring service; keyring then raises ``NoKeyringError``
for every call. That becomes a ``SecretStoreError`` with a message the user can act on.
"""

from __future__ import annotations

from oroshi_desktop.errors import SecretStoreError

# ``keyring`` is imported where a password is read or written, not here: it loads its backends'
# entry points (importlib_metadata, zipfile, …), a tenth of a second of the window's cold start,
# and the window's first paint on the embedded database never needs a password.

SERVICE = "oroshi-desktop"

_HELP = ("no usable OS keyring: start a Secret Service (e.g. gnome-keyring) or use Windows "
         "Credential Manager / macOS Keychain")
_HELP_JA = "OSのキーリングが使えません。Secret Service（gnome-keyring など）を起動してください"




def database_key(username: str, host: str, port: int | None, database: str | None) -> str:
    return f"database:{username}@{host}:{port or ''}/{database or ''}"


def smtp_key(username: str, host: str) -> str:
    return f"smtp:{username}@{host}"


def imap_key(username: str, host: str) -> str:
    return f"imap:{username}@{host}"


def get_secret(key: str) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, key)
    except KeyringError as exc:
        raise SecretStoreError(f"cannot read password {key!r}: {_HELP} ({type(exc).__name__})",
                               f"パスワード {key} を読めません: {_HELP_JA}") from None


def set_secret(key: str, password: str) -> None:
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, key, password)
    except KeyringError as exc:
        raise SecretStoreError(f"cannot store password {key!r}: {_HELP} ({type(exc).__name__})",
                               f"パスワード {key} を保存できません: {_HELP_JA}") from None


def delete_secret(key: str) -> None:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, key)
    except PasswordDeleteError:
        return
    except KeyringError as exc:
        raise SecretStoreError(f"cannot delete password {key!r}: {_HELP} ({type(exc).__name__})",
                               f"パスワード {key} を削除できません: {_HELP_JA}") from None
