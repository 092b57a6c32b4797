"""The one transaction style: `with cf.transaction():` groups writes; every write method
works alone (committed at once) or inside one (a savepoint of it). Checked from a second
connection, which sees only what is committed."""

from __future__ import annotations

import pytest

from storage import (
    ClientFile,
    ClientFileError,
    ConstraintError,
    Phone,
    ReadOnlyClientFileError,
)
from tests.sql import rows, value


def names_on_disk(cf: ClientFile) -> list[str]:
    return [r[0] for r in rows(cf, "SELECT name FROM clients ORDER BY id")]


def test_a_write_alone_is_committed_at_once(client_file: ClientFile):
    client_id = client_file.create_client(name="Alleen")
    client_file.add_note(client_id, "meteen bewaard")
    assert names_on_disk(client_file) == ["Alleen"]
    assert value(client_file, "SELECT text FROM notes") == "meteen bewaard"


def test_writes_inside_a_transaction_commit_together(client_file: ClientFile):
    cf = client_file
    with cf.transaction() as yielded:
        client_id = cf.create_client(name="Samen")
        cf.add_phone(client_id, Phone("+31612345678"))
        cf.add_note(client_id, "ook samen")
        assert names_on_disk(cf) == []  # nothing committed yet: one transaction
        assert cf.client(client_id).numbers == ["+31612345678"]  # but readable inside it
    assert yielded is None  # no connection leaves storage/
    assert names_on_disk(cf) == ["Samen"]
    assert value(cf, "SELECT count(*) FROM notes") == 1


def test_nested_transaction_rolls_back_the_inner_part_only(client_file: ClientFile):
    cf = client_file
    with cf.transaction():
        cf.create_client(name="Voor")
        try:
            with cf.transaction():
                cf.create_client(name="Binnen")
                cf.add_note(1, "binnen")
                raise ValueError("deze eenheid niet")
        except ValueError:
            pass
        cf.create_client(name="Na")
    assert names_on_disk(cf) == ["Voor", "Na"]
    assert value(cf, "SELECT count(*) FROM notes") == 0
    assert [h.name for h in cf.search("binnen")] == []  # its index row went with it


def test_a_failing_write_inside_a_transaction_is_undone_alone(client_file: ClientFile):
    """A write method is a savepoint of the open transaction: when it fails, what it did
    is undone and the caller may go on (as the import does with one bad unit)."""
    cf = client_file
    with cf.transaction():
        kept = cf.create_client(name="Blijft")
        with pytest.raises(ConstraintError):
            cf.add_phone(999, Phone("+31687654321"))  # no client 999
        cf.add_phone(kept, Phone("+31612345678"))
    assert names_on_disk(cf) == ["Blijft"]
    assert rows(cf, "SELECT client_id, e164 FROM phones") == [(kept, "+31612345678")]


def test_an_error_in_the_outer_transaction_rolls_everything_back(client_file: ClientFile):
    cf = client_file
    with pytest.raises(RuntimeError), cf.transaction():
        client_id = cf.create_client(name="Weg")
        with cf.transaction():  # a savepoint that was released ...
            cf.add_note(client_id, "ook weg")
        cf.log("test", "ook weg")
        raise RuntimeError("alles terug")
    assert names_on_disk(cf) == []
    assert value(cf, "SELECT count(*) FROM notes") == 0
    assert value(cf, "SELECT count(*) FROM import_log WHERE event = 'test'") == 0
    assert cf.search("weg") == []
    cf.create_client(name="Daarna")  # the file is usable again
    assert names_on_disk(cf) == ["Daarna"]


def test_database_errors_come_out_named(client_file: ClientFile):
    with pytest.raises(ConstraintError) as raised:
        client_file.add_document(
            client_id=12345, name="x.png", sha256="c" * 64, mime="image/png", pages=[]
        )
    assert isinstance(raised.value, ClientFileError)
    assert str(client_file.path) in str(raised.value)


def test_read_only_file_refuses_a_transaction(client_file: ClientFile):
    client_file.create_client(name="Anna")
    client_file.close()
    with ClientFile.open(client_file.path, read_only=True) as cf:
        with pytest.raises(ReadOnlyClientFileError), cf.transaction():
            pass
        with pytest.raises(ReadOnlyClientFileError):
            cf.add_note(1, "mag niet")


def test_forget_refuses_to_run_inside_a_transaction(client_file: ClientFile):
    cf = client_file
    client_id = cf.create_client(name="Blijft bestaan")
    with pytest.raises(RuntimeError), cf.transaction():
        cf.forget(client_id)
    assert names_on_disk(cf) == ["Blijft bestaan"]
