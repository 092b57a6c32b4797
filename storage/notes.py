"""Notes on clients and the call log (calls from unknown numbers included)."""

from __future__ import annotations

from .database import Database, now_iso, reading
from .models import Call, Note

_CALL_COLUMNS = "id, client_id, number, direction, started_at, duration_seconds, note"
_CALL_COLUMNS_OF_C = ", ".join(f"c.{c.strip()}" for c in _CALL_COLUMNS.split(","))


class NotesAndCalls:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add_note(self, client_id: int, text: str) -> int:
        """Add a note to a client; returns its id."""
        with self.db.transaction():
            return self.db.insert(
                "INSERT INTO notes (client_id, created_at, text) VALUES (?, ?, ?)",
                (client_id, now_iso(), text),
            )

    @reading
    def notes(self, client_id: int) -> list[Note]:
        """Notes of a client, newest first."""
        return [
            Note(*r)
            for r in self.db.execute(
                "SELECT id, created_at, text FROM notes WHERE client_id = ?"
                " ORDER BY created_at DESC, id DESC",
                (client_id,),
            )
        ]

    def delete_note(self, note_id: int) -> None:
        """Remove one note."""
        with self.db.transaction():
            self.db.execute("DELETE FROM notes WHERE id = ?", (note_id,))

    def add_call(
        self,
        client_id: int | None,
        number: str | None,
        *,
        direction: str = "in",
        note: str | None = None,
        duration_seconds: int | None = None,
    ) -> int:
        """Log a call; client_id None for an unknown number."""
        with self.db.transaction():
            return self.db.insert(
                "INSERT INTO calls (client_id, number, direction, started_at, duration_seconds,"
                " note) VALUES (?, ?, ?, ?, ?, ?)",
                (client_id, number, direction, now_iso(), duration_seconds, note),
            )

    def _set_call(self, call_id: int, column: str, value: object) -> None:
        with self.db.transaction():
            self.db.execute(f"UPDATE calls SET {column} = ? WHERE id = ?", (value, call_id))

    def set_call_note(self, call_id: int, note: str) -> None:
        self._set_call(call_id, "note", note)

    def set_call_client(self, call_id: int, client_id: int | None) -> None:
        """Attach a logged call to a client (e.g. after "new client" for an unknown number)."""
        self._set_call(call_id, "client_id", client_id)

    def set_call_duration(self, call_id: int, duration_seconds: int) -> None:
        """Record how long a call lasted, once it has ended."""
        self._set_call(call_id, "duration_seconds", duration_seconds)

    @reading
    def calls(self, client_id: int | None = None, limit: int = 100) -> list[Call]:
        """Logged calls, newest first: one client's, or (client_id None) all calls
        including those from unknown numbers (their client_id is None)."""
        limit = max(1, int(limit))
        if client_id is None:
            rows = self.db.execute(
                f"SELECT {_CALL_COLUMNS} FROM calls ORDER BY started_at DESC, id DESC LIMIT ?",
                (limit,),
            )
        else:
            rows = self.db.execute(
                f"SELECT {_CALL_COLUMNS} FROM calls WHERE client_id = ?"
                " ORDER BY started_at DESC, id DESC LIMIT ?",
                (client_id, limit),
            )
        return [Call(*r) for r in rows]

    def last_call(self, client_id: int) -> Call | None:
        """The most recent call of a client, or None."""
        found = self.calls(client_id, limit=1)
        return found[0] if found else None

    # -- the call log as a list to work through (the window's Gesprekken view) ----------

    @reading
    def calls_between(
        self,
        start: str | None = None,
        end: str | None = None,
        *,
        client_id: int | None = None,
        limit: int = 1000,
    ) -> list[Call]:
        """Calls logged from start up to (not including) end, newest first, unknown numbers
        included. start and end are local dates ("2026-12-02") or times as the log writes
        them; None leaves that side open. client_id: that client's calls only."""
        where, args = ["1 = 1"], []
        if start:
            where.append("started_at >= ?")
            args.append(start)
        if end:
            where.append("started_at < ?")
            args.append(end)
        if client_id is not None:
            where.append("client_id = ?")
            args.append(client_id)
        rows = self.db.execute(
            f"SELECT {_CALL_COLUMNS} FROM calls WHERE {' AND '.join(where)}"
            " ORDER BY started_at DESC, id DESC LIMIT ?",
            (*args, max(1, int(limit))),
        )
        return [Call(*r) for r in rows]

    @reading
    def missed_calls(self, since: str | None = None, limit: int = 200) -> list[Call]:
        """Incoming calls nobody answered (Call.missed), newest first, from since on."""
        rows = self.db.execute(
            f"SELECT {_CALL_COLUMNS} FROM calls WHERE direction = 'in' AND duration_seconds = 0"
            " AND started_at >= ? ORDER BY started_at DESC, id DESC LIMIT ?",
            (since or "", max(1, int(limit))),
        )
        return [Call(*r) for r in rows]

    def set_callback(self, call_id: int, wanted: bool = True) -> None:
        """Mark a call "terugbellen" (it stays marked until done), or unmark it (done)."""
        with self.db.transaction():
            if wanted:
                self.db.execute(
                    "INSERT INTO callbacks (call_id, marked_at) VALUES (?, ?)"
                    " ON CONFLICT DO NOTHING",
                    (call_id, now_iso()),
                )
            else:
                self.db.execute("DELETE FROM callbacks WHERE call_id = ?", (call_id,))

    @reading
    def callbacks(self) -> dict[int, str]:
        """The calls still to return: call id -> when it was marked."""
        return dict(self.db.execute("SELECT call_id, marked_at FROM callbacks"))

    @reading
    def callback_calls(self, limit: int = 200) -> list[Call]:
        """The calls still to return, the oldest call first (who waits longest on top)."""
        rows = self.db.execute(
            f"SELECT {_CALL_COLUMNS_OF_C} FROM callbacks b JOIN calls c ON c.id = b.call_id"
            " ORDER BY c.started_at, c.id LIMIT ?",
            (max(1, int(limit)),),
        )
        return [Call(*r) for r in rows]

    def attach_unknown_calls(self, number: str, client_id: int) -> int:
        """Give every call from number that has no client yet to client_id (the number
        became a client's, or was added to one); returns how many."""
        with self.db.transaction():
            cursor = self.db.execute(
                "UPDATE calls SET client_id = ? WHERE client_id IS NULL AND number = ?",
                (client_id, number),
            )
        return int(cursor.rowcount)
