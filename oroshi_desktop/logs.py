"""Log records stay one line each, whatever a record's name holds.

Names come from the shared database (an organization's ``entity_name``, a file name) and reach
log messages. A line break in one would start a second, forged log line (log injection), and an
escape character would reach a terminal. ``OneLineFormatter`` writes every control character,
line and paragraph separator of the *message* as a visible escape (``\\n``, ``\\x1b``,
``\\u2028``); a traceback that a bug appends stays as Python prints it, below its one line.
"""

from __future__ import annotations

import logging
import unicodedata

LOG_FORMAT = "%(levelname)s %(name)s: %(message)s"

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: str) -> str:
    """``text`` with every character that could break or colour a log line escaped."""
    return "".join(_escape(ch) if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text)


class OneLineFormatter(logging.Formatter):
    """A ``logging.Formatter`` whose message part is always a single line (see module doc)."""

    def format(self, record: logging.LogRecord) -> str:
        saved = record.msg, record.args
        try:
            record.msg, record.args = one_line(record.getMessage()), None
            return super().format(record)
        finally:
            record.msg, record.args = saved
