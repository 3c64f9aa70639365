"""One app per user and data folder: a second launch brings the first window forward.

The first instance listens on a local socket (a Unix socket or a Windows named pipe) whose name
comes from the user and the data folder, so two users of one PC, or a test run with its own
``OROSHI_HOME``, never meet. A second launch connects, says ``show`` and exits before it opens
a database or starts a second queue. A socket file left by a crashed instance answers no
connection; it is removed and the new instance takes over.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

from ui.qt import QLocalServer, QLocalSocket, QObject

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 1000
SHOW = b"show\n"


def server_name(data_dir: Path) -> str:
    """Short (Unix socket paths are limited to ~100 bytes) and free of path separators."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment (a service account)
        user = "user"
    digest = hashlib.sha256(f"{user}\0{data_dir.resolve()}".encode()).hexdigest()[:16]
    return f"oroshi-desktop-{digest}"


class SingleInstance(QObject):
    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self.server: QLocalServer | None = None
        self._on_show: Callable[[], None] = lambda: None

    def hand_off(self) -> bool:
        """True when another instance is running and was asked to show its window."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(SHOW)
        socket.flush()
        socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        return True

    def listen(self, on_show: Callable[[], None]) -> bool:
        """Become the first instance; a stale socket from a crash is removed first."""
        self._on_show = on_show
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # Nobody answered hand_off, so whatever holds the name is a leftover of a crash.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning("single-instance socket %s not available: %s", self.name, server.errorString())
                return False
        server.newConnection.connect(self._connection)
        self.server = server
        return True

    def _connection(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(SHOW.strip()):
            log.info("a second launch asked for the window")
            self._on_show()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
