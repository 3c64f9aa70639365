"""Keyring backends for the self-test's keyring check, chosen by name as a user would choose one:
``PYTHON_KEYRING_BACKEND=tests.helpers.probe_keyring.ProbeKeyring`` (or ``default-keyring`` in a
``keyringrc.cfg``). They live in the process only: the self-test stores, reads and deletes its
probe within one run."""

from __future__ import annotations

from tests.helpers.memory_keyring import MemoryKeyring


class ProbeKeyring(MemoryKeyring):
    """A working backend: what it stores it gives back."""


class ForgetfulKeyring(MemoryKeyring):
    """A broken backend that is neither ``fail`` nor ``null``: it accepts a password and loses it."""

    def set_password(self, service: str, username: str, password: str) -> None:
        return None
