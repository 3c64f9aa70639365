"""The Huey instance: SQLite in the local data folder by default, Redis to share one queue.

Huey only wakes workers. The job ledger and the mail outbox are the truth, because Huey forgets a
task as soon as a worker takes it (no acknowledgements) and skips periodic slots it missed.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from huey import Huey, RedisHuey, SqliteHuey

from oroshi_desktop.config import Settings
from oroshi_desktop.db.integrity import prepare_queue_file
from oroshi_desktop.errors import ConfigError

QUEUE_NAME = "oroshi-desktop"


def make_huey(settings: Settings, *, name: str = QUEUE_NAME) -> Huey:
    url = settings.effective_queue_url
    scheme = urlparse(url).scheme
    common = {"utc": True, "store_intermediate_errors": False}
    if scheme == "sqlite":
        path = Path(url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        # A separate file from the ledger so queue traffic never waits on ledger writes.
        queue_file = path.with_name(path.stem + "-queue.sqlite3")
        prepare_queue_file(queue_file)  # a damaged file is moved aside (one log line) and recreated
        return SqliteHuey(name, filename=str(queue_file), **common)
    if scheme in ("redis", "rediss"):
        return RedisHuey(name, url=url, **common)
    raise ConfigError(f"queue URL {url!r}: use sqlite:///FILE or redis://HOST:PORT/DB",
                      f"キューのURL {url!r} が正しくありません（sqlite:///ファイル か redis://ホスト:ポート/DB）")
