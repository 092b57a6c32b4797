"""A full disk during a write leaves the previous state intact."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storage import ClientFile, DiskFullError, PageText
from tests.sql import value

from .conftest import add_client


def _fill(cf: ClientFile) -> None:
    big = "onzin " * 40_000  # 240 kB a page, a few MB in all: more than the 1 MB disk
    with cf.transaction():
        client_id = cf.create_client(name="Te Groot")
        for i in range(20):
            cf.add_document(
                client_id=client_id,
                name=f"{i}.pdf",
                sha256=f"{i:064x}",
                mime="application/pdf",
                pages=[PageText(big + str(i))],
            )


def test_full_tmpfs_keeps_previous_state(small_tmpfs: Path, tmp_path: Path):
    path = small_tmpfs / "klanten.sqlite"
    with ClientFile.open(path) as cf:
        add_client(cf, tmp_path, "Anna Visser", pages=["offerte dakgoot"])
        with pytest.raises(DiskFullError, match="schijf is vol"):
            _fill(cf)
        # the same connection goes on working
        assert [h.name for h in cf.search("dakgoot")] == ["Anna Visser"]
    with ClientFile.open(path) as cf:
        assert cf.count_clients() == 1
        assert value(cf, "PRAGMA integrity_check") == "ok"
        assert [h.name for h in cf.search("anna")] == ["Anna Visser"]


@pytest.mark.sqlite_only
def test_full_disk_error_is_named_when_injected(client_file: ClientFile):
    """Where no tmpfs can be mounted: SQLITE_FULL as SQLite raises it, injected."""
    cf = client_file
    with cf.transaction():
        cf.create_client(name="Voor")

    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = 13
    with pytest.raises(DiskFullError), cf.transaction():
        cf.create_client(name="Na")
        raise full
    assert [cf.client(i).name for i in cf.client_ids()] == ["Voor"]


def test_originals_on_a_full_disk(small_tmpfs: Path, tmp_path: Path):
    big = tmp_path / "groot.bin"
    big.write_bytes(b"\x00" * 2_000_000)
    with ClientFile.open(small_tmpfs / "k.sqlite") as cf:
        with pytest.raises(DiskFullError):
            cf.originals.put(big, "a" * 64)
        assert not cf.originals.has("a" * 64)
        assert list(cf.originals.root.rglob(".part-*")) == []
