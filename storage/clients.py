"""Clients: the client rows with their phones, e-mail addresses, addresses and the values
read from paper (fields with provenance). Every write keeps the client's search-index row
up to date, and works alone or inside the caller's open transaction."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from .database import Database, now_iso, reading
from .errors import ClientNotFoundError
from .index import SearchIndex
from .models import CLIENT_FIELDS, Address, Client, Phone, StoredAddress, StoredField

CLIENT_COLUMNS = frozenset({*CLIENT_FIELDS, "status"})
STATUSES = ("active", "archived")

# Strong keys a client can be found by exactly (find_by_key); {nocase} is the engine's
# case-blind comparison of the column (Database.equal_nocase).
_KEY_QUERIES = {
    "phone": "SELECT client_id FROM phones WHERE e164 = ?",
    "email": "SELECT client_id FROM emails WHERE {nocase}",
    "iban": "SELECT id FROM clients WHERE iban = ?",
    "kvk": "SELECT id FROM clients WHERE kvk = ?",
    "postcode": "SELECT client_id FROM addresses WHERE replace(postcode, ' ', '') = ?",
}


def check_columns(fields: dict) -> None:
    unknown = set(fields) - CLIENT_COLUMNS
    if unknown:
        raise ValueError(f"unknown client fields: {sorted(unknown)}")
    if "status" in fields and fields["status"] not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}")


class Clients:
    def __init__(self, db: Database, index: SearchIndex) -> None:
        self.db = db
        self.index = index

    # -- writing ---------------------------------------------------------------------------

    def create_client(
        self,
        *,
        name: str,
        phones: Sequence[Phone] = (),
        emails: Sequence[str] = (),
        addresses: Sequence[Address] = (),
        **fields: str | None,
    ) -> int:
        """Insert a client with its numbers, e-mail addresses and addresses; returns its id."""
        check_columns(fields)
        stamp = now_iso()
        columns = {"name": name, "created_at": stamp, "updated_at": stamp, **fields}
        keys = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        with self.db.transaction():
            client_id = self.db.insert(
                f"INSERT INTO clients ({keys}) VALUES ({marks})", list(columns.values())
            )
            for phone in phones:
                self._insert_phone(client_id, phone)
            for email in emails:
                self._insert_email(client_id, email)
            for address in addresses:
                self._insert_address(client_id, address)
            self.index.reindex_client(client_id)
        return client_id

    def update_client(self, client_id: int, **fields: str | None) -> None:
        """Set columns of the client (names from CLIENT_COLUMNS only)."""
        check_columns(fields)
        with self.db.transaction():
            if fields:
                sets = ", ".join(f"{key} = ?" for key in fields)
                self.db.execute(
                    f"UPDATE clients SET {sets}, updated_at = ? WHERE id = ?",
                    [*fields.values(), now_iso(), client_id],
                )
            self.index.reindex_client(client_id)

    def update_client_checked(
        self, client_id: int, expected: dict[str, str | None], **fields: str | None
    ) -> dict[str, str | None]:
        """Set columns like update_client (the later save wins), and return those of
        `fields` whose stored value was no longer `expected` (what this desk last read):
        {column: the value that was overwritten}, so the user can be told."""
        check_columns(fields)
        names = sorted(fields)
        with self.db.transaction():
            if not names:
                return {}
            row = self.db.execute(
                f"SELECT {', '.join(names)} FROM clients WHERE id = ?{self.db.FOR_UPDATE}",
                (client_id,),
            ).fetchone()
            if row is None:
                raise ClientNotFoundError(f"Er is geen klant met nummer {client_id}.")
            stored = dict(zip(names, row, strict=True))
            overwritten = {
                name: stored[name]
                for name in names
                if name in expected
                and stored[name] != expected[name]
                and stored[name] != fields[name]
            }
            self.update_client(client_id, **fields)
        return overwritten

    def set_status(self, client_id: int, status: str) -> None:
        """Mark a client 'active' or 'archived' (archived clients stay searchable)."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}")
        with self.db.transaction():
            self.require(client_id)
            self.update_client(client_id, status=status)

    def require(self, client_id: int) -> None:
        """Raise ClientNotFoundError unless the client exists."""
        found = self.db.execute("SELECT 1 FROM clients WHERE id = ?", (client_id,)).fetchone()
        if found is None:
            raise ClientNotFoundError(f"Er is geen klant met nummer {client_id}.")

    def _insert_phone(self, client_id: int, phone: Phone) -> None:
        self.db.execute(
            "INSERT INTO phones (client_id, e164, written, kind) VALUES (?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            (client_id, phone.e164, phone.written, phone.kind),
        )

    def _insert_email(self, client_id: int, email: str) -> None:
        self.db.execute(
            "INSERT INTO emails (client_id, email) VALUES (?, ?) ON CONFLICT DO NOTHING",
            (client_id, email),
        )

    def _insert_address(self, client_id: int, address: Address) -> int:
        return self.db.insert(
            "INSERT INTO addresses (client_id, street, house_number, postcode, city, country)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                client_id,
                address.street,
                address.house_number,
                address.postcode,
                address.city,
                address.country,
            ),
        )

    def add_phone(self, client_id: int, phone: Phone) -> None:
        """Add a number to a client; a number the client has already is ignored."""
        with self.db.transaction():
            self._insert_phone(client_id, phone)
            self.index.reindex_client(client_id)

    def add_email(self, client_id: int, email: str) -> None:
        """Add an e-mail address to a client; one it has already is ignored."""
        with self.db.transaction():
            self._insert_email(client_id, email)
            self.index.reindex_client(client_id)

    def add_address(self, client_id: int, address: Address) -> int:
        """Add an address to a client; returns its id."""
        with self.db.transaction():
            address_id = self._insert_address(client_id, address)
            self.index.reindex_client(client_id)
        return address_id

    def remove_phone(self, client_id: int, e164: str) -> bool:
        """Remove one number from a client; True when it was there."""
        with self.db.transaction():
            cursor = self.db.execute(
                "DELETE FROM phones WHERE client_id = ? AND e164 = ?", (client_id, e164)
            )
            self.index.reindex_client(client_id)
        return cursor.rowcount > 0

    def remove_email(self, client_id: int, email: str) -> bool:
        """Remove one e-mail address (case-insensitive) from a client; True when it was there."""
        with self.db.transaction():
            cursor = self.db.execute(
                f"DELETE FROM emails WHERE client_id = ? AND {self.db.equal_nocase('email')}",
                (client_id, email),
            )
            self.index.reindex_client(client_id)
        return cursor.rowcount > 0

    def _client_of_address(self, address_id: int) -> int | None:
        row = self.db.execute(
            "SELECT client_id FROM addresses WHERE id = ?", (address_id,)
        ).fetchone()
        return int(row[0]) if row else None

    def update_address(self, address_id: int, address: Address) -> None:
        """Replace the parts of one address (its id is in client(...).addresses)."""
        with self.db.transaction():
            client_id = self._client_of_address(address_id)
            if client_id is None:
                raise ClientNotFoundError(f"Er is geen adres met nummer {address_id}.")
            self.db.execute(
                "UPDATE addresses SET street = ?, house_number = ?, postcode = ?, city = ?,"
                " country = ? WHERE id = ?",
                (
                    address.street,
                    address.house_number,
                    address.postcode,
                    address.city,
                    address.country,
                    address_id,
                ),
            )
            self.index.reindex_client(client_id)

    def remove_address(self, address_id: int) -> None:
        """Remove one address by its id (an unknown id is no error)."""
        with self.db.transaction():
            client_id = self._client_of_address(address_id)
            if client_id is not None:
                self.db.execute("DELETE FROM addresses WHERE id = ?", (address_id,))
                self.index.reindex_client(client_id)

    def add_field(
        self,
        client_id: int,
        *,
        field: str,
        value: str,
        page_id: int | None = None,
        box: tuple[int, int, int, int] | None = None,
        confidence: float | None = None,
        accepted: bool = False,
    ) -> int:
        """Record an extracted value with where it was read (page and box in pixels)."""
        with self.db.transaction():
            return self.db.insert(
                "INSERT INTO fields (client_id, page_id, field, value, box, confidence, accepted)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    client_id,
                    page_id,
                    field,
                    value,
                    json.dumps(box) if box else None,
                    confidence,
                    int(accepted),
                ),
            )

    def accept_fields(self, client_id: int, fields: str | Iterable[str] | None = None) -> int:
        """Mark values read from paper as checked by a person (they typed or confirmed
        them on the card): all of the client's, or those of the named field(s). Returns
        how many were not yet marked."""
        names = [fields] if isinstance(fields, str) else list(fields or ())
        where, args = "client_id = ? AND accepted = 0", [client_id]
        if names:
            within, named = self.db.one_of(names)
            where, args = f"{where} AND field {within}", args + named
        with self.db.transaction():
            cursor = self.db.execute(f"UPDATE fields SET accepted = 1 WHERE {where}", args)
        return int(cursor.rowcount)

    # -- reading ---------------------------------------------------------------------------

    @reading
    def fields(self, client_id: int) -> list[StoredField]:
        """Extracted values of a client with provenance, oldest first."""
        rows = self.db.execute(
            "SELECT id, page_id, field, value, box, confidence, accepted FROM fields"
            " WHERE client_id = ? ORDER BY id",
            (client_id,),
        ).fetchall()
        return [
            StoredField(*r[:4], json.loads(r[4]) if r[4] else None, r[5], bool(r[6])) for r in rows
        ]

    @reading
    def find_by_key(self, kind: str, value: str) -> list[int]:
        """Client ids holding a strong key: kind is phone (E.164), email, iban, kvk or
        postcode (with or without the space)."""
        if kind in ("postcode", "iban"):
            value = value.replace(" ", "").upper()
        sql = _KEY_QUERIES[kind].format(nocase=self.db.equal_nocase("email"))
        return sorted({r[0] for r in self.db.execute(sql, (value,))})

    @reading
    def client_ids(self, limit: int | None = None) -> list[int]:
        """Every client, by name; the first `limit` of them when given (the database keeps
        only those while it sorts: no list of every id is made)."""
        sql = "SELECT id FROM clients ORDER BY name, id"
        if limit is None:
            return [row[0] for row in self.db.execute(sql)]
        return [row[0] for row in self.db.execute(sql + " LIMIT ?", (max(0, int(limit)),))]

    @reading
    def count_clients(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM clients").fetchone()[0])

    @reading
    def client(self, client_id: int) -> Client:
        """The client's own data: columns, phones, e-mail addresses, addresses (documents,
        notes and calls are filled in by ClientFile.client)."""
        execute = self.db.execute
        names = ("id", *CLIENT_FIELDS, "status")
        row = execute(
            f"SELECT {', '.join(names)} FROM clients WHERE id = ?", (client_id,)
        ).fetchone()
        if row is None:
            raise ClientNotFoundError(f"Er is geen klant met nummer {client_id}.")
        client = Client(**dict(zip(names, row, strict=True)))
        client.phones = [
            Phone(*r)
            for r in execute(
                "SELECT e164, written, kind FROM phones WHERE client_id = ? ORDER BY id",
                (client_id,),
            )
        ]
        client.emails = [
            r[0]
            for r in execute(
                "SELECT email FROM emails WHERE client_id = ? ORDER BY id", (client_id,)
            )
        ]
        client.addresses = [
            StoredAddress(*r[1:], id=r[0])
            for r in execute(
                "SELECT id, street, house_number, postcode, city, country FROM addresses"
                " WHERE client_id = ? ORDER BY id",
                (client_id,),
            )
        ]
        return client
