"""Errors a user can cause, kept apart from programming errors.

A ``UserError`` carries a Japanese message for the GUI and an English one for the CLI and logs;
both name the record and field at fault. Anything else is a bug and is not caught to be hidden.
"""

from __future__ import annotations


class UserError(Exception):
    """A mistake or a condition the user can fix; never shown with a traceback."""

    def __init__(self, message: str, message_ja: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.message_ja = message_ja or message

    def __str__(self) -> str:
        return self.message


class ConfigError(UserError):
    """The settings file or an environment override is invalid."""


class DatabaseUnavailable(UserError):
    """The database cannot be reached or its URL is malformed."""


class SchemaError(UserError):
    """Required tables or columns are missing."""


class SecretStoreError(UserError):
    """The OS keyring is missing or refused the request."""


class QueueUnavailable(UserError):
    """The job queue's server (Redis, PostgreSQL) cannot be reached."""


class NotFound(UserError):
    """A record named by the user does not exist."""
