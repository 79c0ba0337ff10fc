"""One running copy per data directory: a second start brings the first window forward.

The file lock (storage.lock) is the authority; the local socket is only the
doorbell the second copy rings before it leaves.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

_RAISE = b"raise\n"


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha1(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"antq-desktop-{digest}"


def ring_running_copy(data_dir: Path, timeout_ms: int = 1500) -> bool:
    """Ask a running copy to come forward; True when one answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(_RAISE)
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


class Doorbell(QObject):
    """Listens for later starts of the program and emits ``rung``."""

    rung = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        name = server_name(data_dir)
        QLocalServer.removeServer(name)  # a stale socket left by a power cut
        self.listening = self.server.listen(name)
        self.server.newConnection.connect(self._on_connection)

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            conn = self.server.nextPendingConnection()
            conn.readyRead.connect(lambda c=conn: self._read(c))
            conn.disconnected.connect(conn.deleteLater)

    def _read(self, conn: QLocalSocket) -> None:
        if bytes(conn.readAll().data()).startswith(_RAISE.strip()):
            self.rung.emit()
