"""The window's access to the client file: one connection per thread, never shared."""

from __future__ import annotations

import threading
from pathlib import Path

from storage import ClientFile, SearchHit


class ClientData:
    """Opens the client file once per thread, because a SQLite connection must not be
    used by two threads at once (the GUI thread and a search running in the pool)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._all: list[ClientFile] = []
        self._lock = threading.Lock()

    def file(self) -> ClientFile:
        cf = getattr(self._local, "cf", None)
        if cf is None:
            cf = ClientFile.open(self.path)
            self._local.cf = cf
            with self._lock:
                self._all.append(cf)
        return cf

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        return self.file().search(query, limit=limit)

    def recent(self, limit: int = 50) -> list[SearchHit]:
        cf = self.file()
        return [cf.hit(client_id) for client_id in cf.client_ids()[:limit]]

    def client(self, client_id: int) -> dict:
        return self.file().client(client_id)

    def count(self) -> int:
        return self.file().count_clients()

    def close(self) -> None:
        with self._lock:
            for cf in self._all:
                cf.close()
            self._all.clear()
