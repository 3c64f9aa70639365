"""The Huey instance: SQLite in the local data folder by default; Redis or PostgreSQL to share one
queue between the PCs of an office.

- ``sqlite:///FILE`` (the default, one PC): Huey's SqliteHuey in a file next to the app's data.
- ``redis://HOST:PORT/DB``: Huey's RedisHuey, the fastest shared queue (a Redis server to run).
- ``postgresql://USER@HOST:PORT/DB``: Huey's own ``PostgresHuey`` (psycopg 3, LISTEN/NOTIFY wakes
  a waiting worker at once) in the office's existing PostgreSQL — no second server; the password
  comes from the OS keyring like the database's. See docs/PERFORMANCE.md for how the two compare.

Huey only wakes workers. The job ledger and the mail outbox are the truth, because Huey forgets a
task as soon as a worker takes it (no acknowledgements).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import psycopg
from huey import Huey, PostgresHuey, RedisHuey, SqliteHuey

from oroshi_desktop.config import Settings
from oroshi_desktop.db.integrity import prepare_queue_file
from oroshi_desktop.errors import ConfigError, QueueUnavailable
from oroshi_desktop.urls import redact_url

QUEUE_NAME = "oroshi-desktop"


# Huey's tables are named ``<prefix>_task``, ``_schedule``, ``_kv``, ``_counter``: our own prefix keeps
# them apart from the Oroshi tables when the queue lives in the application's database.
QUEUE_TABLE_PREFIX = "oroshi_desktop_queue"


def _postgres_huey(name: str, url: str, common: dict[str, Any]) -> Huey:
    """Huey's PostgresHuey; its tables are created on first use, so the queue may live in its own
    database or in the application's."""
    from oroshi_desktop.db.engine import psycopg_connect_parameters

    # Refuses a password in the URL like the database URL; the keyring's goes to psycopg directly.
    parameters = psycopg_connect_parameters(url)
    try:  # Huey creates its tables here, so this is the first connection
        return PostgresHuey(name, table_prefix=QUEUE_TABLE_PREFIX, **parameters, **common)
    except psycopg.Error as err:
        raise _unreachable(url, err) from None


def make_huey(settings: Settings, *, name: str = QUEUE_NAME) -> Huey:
    url = settings.effective_queue_url
    scheme = urlparse(url).scheme
    common = {"utc": True, "store_intermediate_errors": False}
    if scheme == "sqlite":
        path = Path(url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        # A separate file from the app's database so queue traffic never waits on ledger writes.
        queue_file = path.with_name(path.stem + "-queue.sqlite3")
        prepare_queue_file(queue_file)  # a damaged file is moved aside (one log line) and recreated
        return SqliteHuey(name, filename=str(queue_file), **common)
    if scheme in ("redis", "rediss"):
        try:
            import redis  # noqa: F401 (the optional extra Huey needs for this queue)
        except ImportError:
            raise ConfigError(
                "the queue URL is a redis:// URL but Redis support is not installed: install it with "
                "pip install 'oroshi-desktop[redis]', or use a postgresql:// or the local queue",
                "キューのURLが redis:// ですが、Redis 対応が入っていません。pip install 'oroshi-desktop[redis]' で"
                "入れるか、postgresql:// または既定のローカルのキューをお使いください") from None
        return RedisHuey(name, url=url, **common)
    if scheme in ("postgresql", "postgres", "postgresql+psycopg"):
        return _postgres_huey(name, url, common)
    raise ConfigError(f"queue URL {url!r}: use sqlite:///FILE, redis://HOST:PORT/DB or postgresql://USER@HOST/DB",
                      f"キューのURL {url!r} が正しくありません（sqlite:///ファイル、redis://ホスト:ポート/DB "
                      "または postgresql://ユーザー@ホスト/DB）")


def probe_queue(huey: Huey, settings: Settings) -> int:
    """The number of waiting tasks, or one clear error when the queue's server cannot be reached
    (a Redis or PostgreSQL queue that is down, a firewall): checked before a command relies on it."""
    try:
        return huey.pending_count()
    except Exception as err:  # redis, psycopg and sqlite3 each raise their own connection errors
        raise _unreachable(settings.effective_queue_url, err) from None


def _unreachable(url: str, err: BaseException) -> QueueUnavailable:
    where = redact_url(url)
    detail = (str(err).strip().splitlines() or [type(err).__name__])[0]
    return QueueUnavailable(f"the job queue {where} cannot be reached: {detail}",
                            f"ジョブキュー {where} に接続できません: {detail}")
