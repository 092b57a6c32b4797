"""Changes made on other desks, as they happen: a thread with a connection of its own that
LISTENs to what the triggers of schema.py send (table, client, changed columns, desk),
and that reconnects by itself when the server was gone. Notifications sent while it was
away are lost, so after every reconnect it reads what it missed from change_log (the
catch-up), and says it was away so the window can refresh what it shows."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import psycopg

from ..errors import ClientFileError
from .connect import DESK_ID, PgLocation
from .schema import CHANNEL

RETRY_FIRST_S = 0.5
RETRY_MAX_S = 15.0
# A transaction may commit a little after it wrote its change_log row: the catch-up
# looks back this far before the moment the connection was lost.
CATCH_UP_MARGIN_S = 30
KEEP_LOG = "2 days"


@dataclass(frozen=True)
class Change:
    """One row changed on a desk (never this one): which table, which client."""

    seq: int
    table: str
    op: str  # INSERT, UPDATE, DELETE
    client_id: int | None
    row_id: int | None
    columns: tuple[str, ...] = ()  # UPDATE: the columns whose value changed
    old_client_id: int | None = None  # a row moved to another client (merge)
    desk: str = ""
    sent_at: float = field(default_factory=time.time)  # when this desk received it

    @property
    def clients(self) -> set[int]:
        return {c for c in (self.client_id, self.old_client_id) if c is not None}


def _own(desk: str | None) -> bool:
    return bool(desk) and desk.endswith(DESK_ID)


class ChangeListener:
    """Calls on_change(change) for every change of another desk, on its own thread;
    on_state(connected) when the connection is lost or back (after the catch-up)."""

    def __init__(
        self,
        location: PgLocation,
        on_change: Callable[[Change], None],
        on_state: Callable[[bool], None] = lambda connected: None,
    ) -> None:
        self.location = location
        self.on_change = on_change
        self.on_state = on_state
        self.connected = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="klantdossier-live", daemon=True)
        self._last_seq = 0
        # what happens between watch() and the first LISTEN is caught up on too
        self._started = time.time()
        self._lost_at: datetime | None = None
        self._seen: set[int] = set()
        self._conn: psycopg.Connection | None = None

    def start(self) -> ChangeListener:
        self._thread.start()
        return self

    def stop(self, wait: float = 3.0) -> None:
        self._stop.set()  # the thread looks at it at least once a second
        self._thread.join(wait)

    # -- the thread ---------------------------------------------------------------------------

    def _run(self) -> None:
        delay = RETRY_FIRST_S
        while not self._stop.is_set():
            try:
                self._conn = self.location.connect()
            except ClientFileError:
                self._stop.wait(delay)
                delay = min(delay * 2, RETRY_MAX_S)
                continue
            delay = RETRY_FIRST_S
            try:
                self._listen(self._conn)
            except psycopg.Error:
                pass  # the server went away: connect again
            finally:
                with contextlib.suppress(psycopg.Error):
                    self._conn.close()
                self._conn = None
            if self.connected and not self._stop.is_set():
                self.connected = False
                self._lost_at = datetime.now().astimezone()
                self.on_state(False)

    def _listen(self, conn: psycopg.Connection) -> None:
        conn.execute(f"LISTEN {CHANNEL}")
        if self._last_seq == 0 and self._lost_at is None:  # the first connection
            conn.execute(f"DELETE FROM change_log WHERE at < now() - interval '{KEEP_LOG}'")
            self._catch_up(conn, since=self._started, after_seq=None)
        else:
            since = self._lost_at.timestamp() - CATCH_UP_MARGIN_S if self._lost_at else 0
            self._catch_up(conn, since=since, after_seq=self._last_seq)
        self.connected = True
        self.on_state(True)
        while not self._stop.is_set():
            for notify in conn.notifies(timeout=1.0, stop_after=200):
                self._deliver(json.loads(notify.payload))
            if conn.broken or conn.closed:
                raise psycopg.OperationalError("connection lost")

    def _catch_up(self, conn: psycopg.Connection, since: float, after_seq: int | None) -> None:
        """What changed while this desk was not listening (deduplicated by seq): since a
        moment, and (after a lost connection) everything after the last seq seen."""
        rows = conn.execute(
            "SELECT seq, tbl, op, client_id, row_id, columns, old_client_id, desk"
            " FROM change_log WHERE seq > %s OR at >= to_timestamp(%s) ORDER BY seq",
            [after_seq if after_seq is not None else 2**62, since],
        ).fetchall()
        for seq, table, op, client, row_id, columns, old_client, desk in rows:
            self._deliver(
                {
                    "seq": seq,
                    "tbl": table,
                    "op": op,
                    "client": client,
                    "id": row_id,
                    "columns": columns,
                    "old_client": old_client,
                    "desk": desk,
                }
            )

    def _deliver(self, payload: dict) -> None:
        seq = int(payload["seq"])
        if seq in self._seen:
            return
        self._seen.add(seq)
        if len(self._seen) > 10_000:  # only the recent ones can come twice
            self._seen = {s for s in self._seen if s > seq - 5_000}
        self._last_seq = max(self._last_seq, seq)
        if _own(payload.get("desk")):
            return
        self.on_change(
            Change(
                seq=seq,
                table=payload["tbl"],
                op=payload["op"],
                client_id=payload.get("client"),
                row_id=payload.get("id"),
                columns=tuple(payload.get("columns") or ()),
                old_client_id=payload.get("old_client"),
                desk=payload.get("desk") or "",
            )
        )
