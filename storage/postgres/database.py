"""The client file on a PostgreSQL server: one connection of one desk, reconnected by
itself when the server was gone, the schema version, and what differs from SQLite in
the SQL (`?` placeholders become `%s`, a new row's id comes from RETURNING)."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Sequence
from typing import Any

import psycopg
from psycopg.pq import TransactionStatus

from ..database import BUSY_TIMEOUT_MS, Database
from ..errors import ClientFileError, CorruptClientFileError
from .connect import PgLocation, translate_error

SCHEMA_TABLE = "klantdossier_schema"
# Every session: a lock held by another desk is waited for as long as SQLite waits for
# a busy file; a desk that vanished mid-transaction (network pulled) loses its locks
# after a minute instead of holding every other desk up.
IDLE_IN_TRANSACTION_S = 60
READ_LOCK_WAIT_S = 60
# pg_advisory_xact_lock key: one desk at a time migrates (the digits of "KD" + "schema").
MIGRATION_LOCK = 7568_1111


def _values(args: Sequence[Any]) -> list[Any]:
    """Parameters as the server takes them: PostgreSQL text cannot hold a NUL character
    (SQLite can; a broken contact list may have one), so it is left out."""
    return [a.replace("\x00", "") if isinstance(a, str) and "\x00" in a else a for a in args]


@functools.lru_cache(maxsize=512)
def _placeholders(sql: str) -> str:
    """`?` placeholders (the SQL storage/ writes for both engines) as psycopg's `%s`."""
    return sql.replace("%", "%%").replace("?", "%s")


class PgDatabase(Database):
    """One connection to the shared client file."""

    dialect = "postgresql"
    Error = psycopg.Error
    BEGIN = "BEGIN"
    FOR_UPDATE = " FOR UPDATE"

    def __init__(
        self, location: PgLocation, conn: psycopg.Connection, read_only: bool, busy_ms: int
    ) -> None:
        super().__init__(location.url(), read_only)
        self.location = location
        self.conn = conn
        self.busy_ms = busy_ms
        self._setup()

    @classmethod
    def open(
        cls, url: str, *, read_only: bool | None, busy_timeout_ms: int = BUSY_TIMEOUT_MS
    ) -> PgDatabase:
        """Connect (raises ServerUnavailableError, WrongPasswordError, ...) and refuse a
        database of another program; no schema version check here (see migrate.py)."""
        location = PgLocation.parse(url)
        conn = location.connect()
        try:
            db = cls(location, conn, bool(read_only), busy_timeout_ms)
            db._inspect()
            if read_only is None:
                db.read_only = not db._may_write()
        except psycopg.Error as e:
            conn.close()
            known = translate_error(e, location.url())
            raise (known or ClientFileError(f"{location.url()}: {e}")) from e
        except BaseException:
            conn.close()
            raise
        return db

    def _setup(self) -> None:
        # A read waits up to a minute for a table another desk rewrites after an erase
        # (see search.py compact) rather than fail; a write gives up after busy_ms.
        self.conn.execute(f"SET lock_timeout = '{READ_LOCK_WAIT_S}s'")
        self.conn.execute(f"SET idle_in_transaction_session_timeout = '{IDLE_IN_TRANSACTION_S}s'")
        # psycopg prepares a statement it runs often; the server must still plan each run
        # for its values: a text search for a rare word and for a common one want
        # different plans (a generic plan scanned every page for a rare word)
        self.conn.execute("SET plan_cache_mode = force_custom_plan")
        # a typing error such as "jansne" for Jansen (0.57) is still a name that looks alike
        self.conn.execute("SET pg_trgm.word_similarity_threshold = 0.5")
        if self.read_only:
            self.conn.execute("SET default_transaction_read_only = on")

    def _inspect(self) -> None:
        """Refuse a database that holds another program's tables."""
        tables = {
            r[0]
            for r in self.conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            )
        }
        if tables and SCHEMA_TABLE not in tables:
            raise CorruptClientFileError(
                f"{self.path} is een database van een ander programma, geen klantbestand; "
                "er is niets gewijzigd."
            )

    def _may_write(self) -> bool:
        row = self.conn.execute(
            "SELECT CASE WHEN to_regclass('clients') IS NULL"
            " THEN has_schema_privilege(current_schema(), 'CREATE')"
            " ELSE has_table_privilege('clients', 'INSERT') END"
        ).fetchone()
        return bool(row[0])

    def close(self) -> None:
        self.conn.close()

    # -- reconnecting ---------------------------------------------------------------------------

    def _reconnect(self) -> None:
        """A new connection after the old one broke (outside a transaction only: what a
        broken transaction held is gone, and its caller has been told)."""
        with contextlib.suppress(psycopg.Error):
            self.conn.close()
        self.conn = self.location.connect()
        self._setup()

    def _before_begin(self) -> None:
        if self.conn.closed or self.conn.broken:
            self._reconnect()

    def _control(self, sql: str) -> None:
        self.execute(sql)
        if sql == self.BEGIN:
            self.execute(f"SET LOCAL lock_timeout = {int(self.busy_ms)}")

    @property
    def connected(self) -> bool:
        return not (self.conn.closed or self.conn.broken)

    # -- the dialect ----------------------------------------------------------------------------

    def execute(self, sql: str, args: Sequence[Any] = ()) -> psycopg.Cursor:
        query = _placeholders(sql)
        if self._depth == 0 and not self.connected:
            self._reconnect()
        values = _values(args)
        try:
            return self.conn.execute(query, values)
        except psycopg.OperationalError:
            if self._depth or not self.conn.broken:
                raise
        # Outside a transaction a statement is a read (writes run inside one): after a
        # lost connection it is safe to try once more on a new one.
        self._reconnect()
        return self.conn.execute(query, values)

    def fetch_together(self, queries: Sequence[tuple[str, Sequence[Any]]]) -> list[list[Any]]:
        """In a transaction, pipelined: one round trip for all (outside one, each on its
        own, so a read after a lost connection is tried again on a new one)."""
        if not self._depth:
            return super().fetch_together(queries)
        with self.conn.pipeline():
            cursors = [self.conn.execute(_placeholders(sql), _values(a)) for sql, a in queries]
        return [cursor.fetchall() for cursor in cursors]

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.conn.cursor() as cursor:
            cursor.executemany(_placeholders(sql), [_values(r) for r in rows])

    def insert(self, sql: str, args: Sequence[Any] = ()) -> int:
        return int(self.execute(sql + " RETURNING id", args).fetchone()[0])

    def one_of(self, values: Sequence[Any]) -> tuple[str, list[Any]]:
        """`= ANY(?)` with one array: the same statement for any number of values, so
        the server parses and plans it once (psycopg prepares statements it sees often)."""
        return "= ANY(?)", [list(values)]

    def equal_nocase(self, column: str) -> str:
        return f"lower({column}) = lower(?)"

    def translate_error(self, e: Exception) -> ClientFileError | None:
        return translate_error(e, str(self.path))

    def is_integrity_error(self, e: Exception) -> bool:
        return isinstance(e, psycopg.IntegrityError)

    def _in_database_transaction(self) -> bool:
        if not self.connected:
            return False
        return self.conn.info.transaction_status in (
            TransactionStatus.INTRANS,
            TransactionStatus.INERROR,
        )

    def schema_version(self) -> int:
        if self.conn.execute("SELECT to_regclass(%s)", [SCHEMA_TABLE]).fetchone()[0] is None:
            return 0
        row = self.conn.execute(f"SELECT max(version) FROM {SCHEMA_TABLE}").fetchone()
        return int(row[0] or 0)

    def set_schema_version(self, number: int) -> None:
        self.conn.execute(f"DELETE FROM {SCHEMA_TABLE}")
        self.conn.execute(f"INSERT INTO {SCHEMA_TABLE} (version) VALUES (%s)", [int(number)])

    SNAPSHOT_BEGIN = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"

    def columns(self, table: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s"
            " AND table_schema = current_schema() AND is_generated = 'NEVER'"
            " ORDER BY ordinal_position",
            [table],
        )
        return [r[0] for r in rows]

    def insert_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence]) -> None:
        """COPY: the fastest way in (a 300,000-page file in a few minutes)."""
        sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        with self.conn.cursor() as cursor, cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(_values(row))

    def after_bulk_insert(self, tables: Sequence[str]) -> None:
        for table in tables:
            self.conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                f" coalesce(max(id), 0) + 1, false) FROM {table}"
            )

    def quiet(self) -> None:
        """Inside a transaction: its changes are not sent to the desks (a bulk copy into
        an empty file, which no desk has open)."""
        self.conn.execute("SET LOCAL klantdossier.quiet = 'on'")

    def lock_schema(self) -> None:
        """Inside a migration's transaction: one desk at a time."""
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", [MIGRATION_LOCK])

    def wipe_free_space(self) -> bool:
        """Nothing to do at once: compact (postgres/search.py) rewrites the tables."""
        return True
