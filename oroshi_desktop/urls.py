"""Secrets in URLs and settings keys: found, refused and never repeated.

Passwords live only in the OS keyring. A database or queue URL can carry one in two places —
the user-info part (``user:secret@host``) and a query parameter that the driver accepts as a
password (libpq's ``password`` and ``sslpassword``, redis-py's ``password``) — and a settings file
under any key that means a password (``Password``, ``pass``, ``[smtp.auth] password``). These
helpers find all of them with the standard library alone, so every layer (settings, database,
queue, CLI output, the window's status bar) applies the same rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

# Query parameters that libpq/psycopg or redis-py take as a secret, compared case-insensitively.
SECRET_QUERY_KEYS = frozenset({"password", "pass", "passwd", "pwd", "sslpassword", "secret", "token",
                               "auth", "apikey", "api_key"})

# A settings key that means a secret: "password", "smtp_password", "Pass", "passwd", "pwd",
# "secret", "api_token"… Matched on words inside the key, so "passive_mode" does not count.
_SECRET_KEY = re.compile(r"(^|[^a-z])(pass(word|wd)?|pwd|secret|token|api_?key)($|[^a-z])")

MASK = "***"


def _split(raw: str) -> Any:
    try:
        return urlsplit(raw.strip())
    except ValueError:  # e.g. an unbalanced IPv6 bracket
        return None


def url_secret(raw: str) -> str | None:
    """Where ``raw`` carries a secret ("the user-info part", "query parameter 'password'"), or None."""
    parts = _split(raw)
    if parts is None:
        return None
    if "@" in parts.netloc and ":" in parts.netloc.rpartition("@")[0]:
        return "the user-info part (user:password@)"
    for key, _value in parse_qsl(parts.query, keep_blank_values=True):
        if key.lower() in SECRET_QUERY_KEYS:
            return f"query parameter {key!r}"
    return None


def redact_url(raw: str) -> str:
    """``raw`` with every secret replaced by ***, for messages, logs and the window."""
    parts = _split(raw)
    if parts is None:
        return "<invalid URL>"
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, _, host = netloc.rpartition("@")
        if ":" in userinfo:
            netloc = f"{userinfo.split(':', 1)[0]}:{MASK}@{host}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        if any(k.lower() in SECRET_QUERY_KEYS for k, _v in pairs):
            query = urlencode([(k, MASK if k.lower() in SECRET_QUERY_KEYS else v) for k, v in pairs], safe="*/:")
    if netloc == parts.netloc and query == parts.query:
        return raw  # nothing secret: keep the URL exactly as written (urlunsplit drops "sqlite:///")
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def is_secret_key(key: str) -> bool:
    return bool(_SECRET_KEY.search(key.lower()))


def secret_keys(data: Mapping[str, Any], prefix: str = "") -> Iterator[str]:
    """Dotted names of every key in ``data`` (nested tables included) that means a secret."""
    for key, value in data.items():
        name = f"{prefix}{key}"
        if is_secret_key(str(key)):
            yield name
        if isinstance(value, Mapping):
            yield from secret_keys(value, f"{name}.")
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, Mapping):
                    yield from secret_keys(item, f"{name}.")


def url_port_problem(raw: str) -> str | None:
    """Why the port of ``raw`` is not a TCP port ("'abc' is not a number"), or None."""
    parts = _split(raw)
    if parts is None:
        return "the URL cannot be read"
    try:
        port = parts.port  # urllib raises ValueError for a port that is not a number or out of range
    except ValueError:
        text = parts.netloc.rpartition("@")[2].rpartition(":")[2]
        return f"port {text!r} is not a TCP port (1–65535)"
    if port == 0:
        return "port 0 is not a TCP port (1–65535)"
    return None


DATABASE_BACKENDS = ("sqlite", "postgresql")

# The shape SQLAlchemy's make_url reads (``driver[+dialect]://user:password@host:port/database?query``),
# so a URL this accepts is one the store can open; written here so the check needs no SQLAlchemy.
_DATABASE_URL = re.compile(
    r"""(?P<driver>[\w+]+)://
        (?:(?P<username>[^:/]*)(?::(?P<password>[^@]*))?@)?
        (?:(?:\[(?P<ipv6host>[^/?]+)\]|(?P<ipv4host>[^/:?]+))?(?::(?P<port>[^/?]*))?)?
        (?:/(?P<database>[^?]*))?
        (?:\?(?P<query>.*))?""",
    re.X,
)


@dataclass(frozen=True)
class DatabaseUrl:
    backend: str  # "sqlite" or "postgresql"
    username: str
    host: str
    port: int | None
    database: str


class DatabaseUrlProblem(ValueError):
    """Why a database URL cannot be used; ``kind`` is one of ``secret`` (a password in it),
    ``format``, ``backend`` (neither SQLite nor PostgreSQL), ``port``. The message never repeats
    a secret; each caller words the kind in its own terms (the CLI, the settings file, 設定)."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind


def database_url(raw: str) -> DatabaseUrl:
    """The one check of a database URL, for the store, the settings file and the 設定 form alike:
    SQLite or PostgreSQL, in the form the store opens, without a password, with a real TCP port."""
    where = url_secret(raw)
    if where is not None:
        raise DatabaseUrlProblem("secret", f"the database URL carries a password in {where}")
    match = _DATABASE_URL.fullmatch(raw.strip())
    if match is None:
        raise DatabaseUrlProblem("format", "not a database URL (expected sqlite:///FILE or postgresql://USER@HOST/DB)")
    parts = match.groupdict()
    if parts["password"] is not None:
        raise DatabaseUrlProblem("secret", "the database URL carries a password in the user-info part")
    backend = parts["driver"].partition("+")[0]
    if backend not in DATABASE_BACKENDS:
        raise DatabaseUrlProblem("backend", f"unsupported database {backend!r} (use sqlite or postgresql)")
    port_text = parts["port"]
    port = int(port_text) if port_text and port_text.isascii() and port_text.isdigit() else None
    if port_text and (port is None or not 1 <= port <= 65535):
        raise DatabaseUrlProblem("port", f"port {port_text!r} is not a TCP port (1–65535)")
    return DatabaseUrl(backend, unquote(parts["username"] or ""), parts["ipv6host"] or parts["ipv4host"] or "",
                       port, unquote(parts["database"] or ""))


MAX_HOST_NAME = 253  # characters of a DNS name (RFC 1035), in its ASCII form


class HostNameProblem(ValueError):
    """Why a host or mail domain cannot be used; ``kind`` is one of ``empty``, ``control``,
    ``space``, ``length``, ``idna`` (the window words each in the user's language)."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind


def ascii_host(host: str) -> str:
    """A host name or mail domain in the ASCII form SMTP and DNS use: an internationalized name
    (``例え.jp``) converted with the ``idna`` codec; an IP address or ASCII name unchanged.
    Refuses control characters (a NUL once crashed every mail check), spaces and over-long names."""
    if not host:
        raise HostNameProblem("empty", "the host name is empty")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in host):
        raise HostNameProblem("control", "the host name contains a control character")
    if any(ch.isspace() for ch in host):
        raise HostNameProblem("space", "the host name contains a space")
    if host.isascii():
        converted = host
    else:
        try:
            converted = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise HostNameProblem("idna", "the host name is not a valid internationalized domain name") from None
    if len(converted) > MAX_HOST_NAME:
        raise HostNameProblem("length", f"the host name is longer than {MAX_HOST_NAME} characters")
    return converted
