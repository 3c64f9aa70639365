"""How a statement mail becomes bytes: the policy it is built with, and the policy and generator
that flatten it. Python's own MIME, made cheap for a run of mails that repeat most of their
headers (docs/decisions.md "Mail preparation: read once, parse once"): folded headers and parsed
header texts are kept, and a part's boundary is checked without compiling a pattern. The
percent-encoding Python's folding of RFC 2231 parameters repeats is kept too (``_kept_quote``)."""

from __future__ import annotations

import io
import types
import urllib
import urllib.parse
from collections.abc import Callable
from email import _header_value_parser
from email import policy as email_policy
from email.generator import BytesGenerator
from email.headerregistry import HeaderRegistry
from email.message import EmailMessage
from email.policy import EmailPolicy
from typing import Any, TypeVar

__all__ = ["COMPOSE_POLICY", "MAIL_POLICY", "message_to_bytes"]


class _RunPolicy(EmailPolicy):
    """Python's SMTP policy, with each folded header kept: a run's mails repeat most of their
    headers (From, Cc, Date, the MIME headers, a region's subject), and folding a header with
    encoded words or RFC 2231 parameters is most of what composing a mail costs
    (docs/PERFORMANCE.md). The bytes are exactly those Python's own folding gives."""

    def fold_binary(self, name: str, value: Any) -> bytes:
        text = str(value)
        if "=?" in text:  # the source may hold an encoded word that reads as this text: fold it afresh
            return super().fold_binary(name, value)
        # A header object's text is its source (encoded words aside), from which Python parses and folds it.
        # The generator clones the policy for each flatten: its settings, not its identity, decide.
        # (Python makes a new class for each header object, so the key holds the class's name.)
        key = (tuple(sorted(vars(self).items(), key=lambda item: item[0])), name, type(value).__name__, text)
        return _kept(_FOLDED, _FOLDED_LIMIT, key, lambda: super(_RunPolicy, self).fold_binary(name, value))


_T = TypeVar("_T")
_FOLDED: dict[Any, Any] = {}
_FOLDED_LIMIT = 4096


def _kept(kept: dict[Any, Any], limit: int, key: Any, make: Callable[[], _T]) -> _T:
    """``kept[key]``, made by ``make`` the first time; ``kept`` starts afresh at ``limit`` entries."""
    value = kept.get(key)
    if value is None:
        value = make()
        if len(kept) >= limit:
            kept.clear()
        kept[key] = value
    return value


class _KeptHeaders(HeaderRegistry):
    """Python's header classes, with each header parsed from a text kept: setting a header parses
    it (and ``set_param``, ``add_attachment`` and the boundary set it again), and a run's mails set
    the same texts again and again (From, Cc, Date, the MIME headers, a region's subject). A parsed
    header is read-only, so the same object serves every mail that sets the same text under the
    same name."""

    def __getitem__(self, name: str) -> Any:
        # Python makes a new class for every lookup, and it looks one up for every header set (its
        # ``max_count``): 24 a mail. The class of a name is made once (the registry is not changed).
        return _kept(_CLASSES, _PARSED_LIMIT, name.lower(), lambda: super(_KeptHeaders, self).__getitem__(name))

    def __call__(self, name: str, value: Any) -> Any:
        if not isinstance(value, str):  # e.g. an ``Address``: parsed each time, as before
            return super().__call__(name, value)
        return _kept(_PARSED, _PARSED_LIMIT, (name, value), lambda: super(_KeptHeaders, self).__call__(name, value))


_PARSED: dict[Any, Any] = {}
_PARSED_LIMIT = 2048
_CLASSES: dict[str, Any] = {}


class _Delegate(types.ModuleType):
    """A module as Python's header folding sees it: its own attributes, but for those given."""

    def __init__(self, target: types.ModuleType, **given: Any) -> None:
        super().__init__(target.__name__)
        self._target = target
        self.__dict__.update(given)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._target, name)


def _kept_quote(string: Any, safe: Any = "/", encoding: str | None = None, errors: str | None = None) -> str:
    """``urllib.parse.quote``, each result kept. Python folds an RFC 2231 parameter (an attachment's
    Japanese file name) by quoting each candidate section again for every character it takes off
    it: 350 quotes a mail, a fifth of composing one (docs/PERFORMANCE.md, session 7). A mail's
    ``name=`` and ``filename=`` and its two PDFs' names (the same organization and period) try the
    same prefixes: kept, about one quote in five is computed. Python's folding itself is unchanged, so
    are the bytes (``quote`` is a pure function of its arguments)."""
    return _kept(_QUOTED, _QUOTED_LIMIT, (string, safe, encoding, errors),
                 lambda: urllib.parse.quote(string, safe, encoding, errors))


_QUOTED: dict[Any, str] = {}
_QUOTED_LIMIT = 1024


def _keep_quotes() -> None:
    """Python's header folding (``email._header_value_parser``, which calls ``urllib.parse.quote``
    through its module global ``urllib``) gets ``_kept_quote``; left alone when a Python names it
    otherwise (then it folds as before, only slower)."""
    if getattr(_header_value_parser, "urllib", None) is urllib:
        setattr(_header_value_parser, "urllib",  # noqa: B010 - not in the typeshed stub
                _Delegate(urllib, parse=_Delegate(urllib.parse, quote=_kept_quote)))


_keep_quotes()

# The policy the mails are built with: Python's default (its body encoding and line lengths, as
# before), the parsed headers kept.
COMPOSE_POLICY = email_policy.default.clone(header_factory=_KeptHeaders())

# Lines of at most 76 characters: Python then folds encoded words to at most 72 characters, within
# RFC 2047's 75 (its default of 78 makes 76-character words).
MAIL_POLICY = _RunPolicy(linesep="\r\n", max_line_length=76)


class _MailGenerator(BytesGenerator):
    """Python's generator, choosing a part's boundary without compiling a regular expression for it.

    Python draws a random boundary and compiles a pattern of it to check that no line of the parts
    is that boundary (a fifth of what flattening a mail cost). Here the same boundary is drawn and
    refused when it appears anywhere in the parts' bytes: a stricter check, the same bytes."""

    @classmethod
    def _make_boundary(cls, text: Any = None) -> str:
        if not isinstance(text, bytes):
            return super()._make_boundary(text)  # type: ignore[misc]  # (internal to Python, not typed)
        boundary: str = super()._make_boundary()  # type: ignore[misc]  # without text: Python's random boundary
        candidate, counter = boundary, 0
        while b"--" + candidate.encode("ascii") in text:
            candidate, counter = f"{boundary}.{counter}", counter + 1
        return candidate


def message_to_bytes(message: EmailMessage) -> bytes:
    """The exact RFC 5322 bytes that are stored and sent: CRLF line ends, encoded words ≤ 75."""
    buffer = io.BytesIO()
    _MailGenerator(buffer, policy=MAIL_POLICY).flatten(message, linesep="\r\n")
    return buffer.getvalue()
