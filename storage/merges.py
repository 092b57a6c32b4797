"""Merges made by an import, kept so that they can be undone: the paper that was taken to
be a known client's (a second folder of the same firm, a letter) is split off again into a
client of its own, with its documents and the values it brought, and what it added to the
client it was joined to is taken away again (unless a person changed it since)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .clients import CLIENT_COLUMNS, Clients
from .database import Database, now_iso, reading
from .documents import Documents
from .errors import ClientNotFoundError
from .models import Address, ImportMerge, Phone

SCALARS = tuple(sorted(CLIENT_COLUMNS - {"name", "status"}))


class Merges:
    def __init__(self, db: Database, clients: Clients, documents: Documents) -> None:
        self.db = db
        self.clients = clients
        self.documents = documents

    def record(
        self,
        client_id: int,
        *,
        label: str,
        reason: str,
        documents: Sequence[int],
        card: dict,
        added: dict,
    ) -> int:
        """Keep what an import joined to client_id; returns the record's id."""
        with self.db.transaction():
            return self.db.insert(
                "INSERT INTO merges (client_id, at, label, reason, documents, card, added)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    client_id,
                    now_iso(),
                    label,
                    reason,
                    json.dumps(list(documents)),
                    json.dumps(card, ensure_ascii=False),
                    json.dumps(added, ensure_ascii=False),
                ),
            )

    @reading
    def of_client(self, client_id: int) -> list[ImportMerge]:
        rows = self.db.execute(
            "SELECT id, client_id, at, label, reason, documents FROM merges"
            " WHERE client_id = ? ORDER BY id DESC",
            (client_id,),
        )
        return [ImportMerge(r[0], r[1], r[2], r[3], r[4], tuple(json.loads(r[5]))) for r in rows]

    def undo(self, merge_id: int) -> int:
        """Split the merged paper off into a client of its own; returns that client's id."""
        with self.db.transaction():
            row = self.db.execute(
                "SELECT client_id, label, documents, card, added FROM merges WHERE id = ?",
                (merge_id,),
            ).fetchone()
            if row is None:
                raise ClientNotFoundError(f"Er is geen samenvoeging met nummer {merge_id}.")
            kept_id, label = int(row[0]), row[1]
            documents, card, added = json.loads(row[2]), json.loads(row[3]), json.loads(row[4])
            new_id = self._client_of(card, label)
            for document_id in documents:
                self.documents.assign_document(int(document_id), new_id)
            if documents:  # the values read from that paper go with it
                within, ids = self.db.one_of(documents)
                self.db.execute(
                    "UPDATE fields SET client_id = ? WHERE client_id = ? AND page_id IN"
                    " (SELECT p.id FROM pages p JOIN documents d ON d.id = p.document_id"
                    f" WHERE d.id {within})",
                    [new_id, kept_id, *ids],
                )
            self._take_back(kept_id, added)
            self.db.execute("DELETE FROM merges WHERE id = ?", (merge_id,))
            self.documents.log("merge-undone", f"klant {kept_id} gesplitst: nieuwe klant {new_id}")
        return new_id

    def _client_of(self, card: dict, label: str) -> int:
        return self.clients.create_client(
            name=card.get("name") or label,
            phones=[Phone(*p) for p in card.get("phones", [])],
            emails=card.get("emails", []),
            addresses=[Address(**a) for a in card.get("addresses", [])],
            **{k: v for k, v in card.items() if k in SCALARS and v},
        )

    def _take_back(self, client_id: int, added: dict) -> None:
        """Remove what the merge added, where it is still as the merge left it."""
        client = self.clients.client(client_id)
        cleared = {
            key: None
            for key, value in added.get("fields", {}).items()
            if key in SCALARS and getattr(client, key) == value
        }
        if cleared:
            self.clients.update_client(client_id, **cleared)
        for e164 in added.get("phones", []):
            self.clients.remove_phone(client_id, e164)
        for email in added.get("emails", []):
            self.clients.remove_email(client_id, email)
        for address_id in added.get("address_ids", []):
            self.clients.remove_address(int(address_id))
