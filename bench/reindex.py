"""What a client write costs, the search index kept up to date with it: this tree against
another revision (default main), on SQLite and on PostgreSQL.

    .venv/bin/python bench/reindex.py
    .venv/bin/python bench/reindex.py --against HEAD~4 --clients 5000 --writes 2000

The other revision's storage/ is taken with `git archive` and loaded beside this tree's
as the package storage_before, so both run in one process, write for write in turn:
other work on the machine then slows both sides alike. Each side gets a fresh client
file of --clients clients (a phone, an e-mail and an address each), then --writes
writes, each on its own as the window makes them (in turn: a phone added, an e-mail
added, an address added, a name changed). Timed: each write, and a rebuild of the whole
index (best of three). Counted on PostgreSQL: the round trips of a write, by a relay
on a Unix socket between the desk and the server (each time the server answers after
the desk sent something is one), in a second round of --count writes per side through
it (the relay's own delay is kept out of the times). Prints figures only; it never fails
on a target.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import storage  # noqa: E402
from tests.pgserver import PgServer, server_binaries  # noqa: E402


def load_revision(rev: str, into: Path) -> ModuleType:
    """storage/ of rev as the package storage_before (its imports are all relative)."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "storage"], capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    folder = into / "storage"
    spec = importlib.util.spec_from_file_location(
        "storage_before", folder / "__init__.py", submodule_search_locations=[str(folder)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["storage_before"] = module
    spec.loader.exec_module(module)
    return module


class Side:
    """One revision's client file, its writes and what they cost."""

    def __init__(self, package: ModuleType, location: str, n_clients: int) -> None:
        self.package = package
        self.cf = cf = package.ClientFile.open(location)
        phone, address = package.Phone, package.Address
        with cf.transaction():
            self.ids = [
                cf.create_client(
                    name=f"Klant {i}",
                    phones=[phone(f"+3161{i:07d}")],
                    emails=[f"klant{i}@example.nl"],
                    addresses=[address("Kerkstraat", str(i), "1234 AB", "Zwolle")],
                )
                for i in range(n_clients)
            ]
        self.writes = self.writes_of(package, cf)
        self.seconds: list[float] = []
        self.rebuilds: list[float] = []
        self.round_trips: float | None = None

    @staticmethod
    def writes_of(package: ModuleType, cf) -> list:
        phone, address = package.Phone, package.Address
        return [
            lambda c, i: cf.add_phone(c, phone(f"+3162{i:07d}")),
            lambda c, i: cf.add_email(c, f"nieuw{i}@example.nl"),
            lambda c, i: cf.add_address(c, address("Molenweg", str(i), "9876 ZX", "Urk")),
            lambda c, i: cf.update_client(c, name=f"Klant {i} Smit"),
        ]

    def write(self, i: int) -> None:
        started = time.perf_counter()
        self.writes[i % len(self.writes)](self.ids[i % len(self.ids)], i)
        self.seconds.append(time.perf_counter() - started)

    def rebuild(self) -> None:
        started = time.perf_counter()
        self.cf.rebuild_search_index()
        self.rebuilds.append(time.perf_counter() - started)


class Relay:
    """A relay on a Unix socket between desks and a PostgreSQL server that counts round
    trips: each time the server answers after a desk sent something is one."""

    SOCKET = ".s.PGSQL.5432"

    def __init__(self, server_folder: Path) -> None:
        self.server = str(server_folder / self.SOCKET)
        self.folder = Path(tempfile.mkdtemp(prefix="kd-relay-"))
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(str(self.folder / self.SOCKET))
        self.listener.listen()
        self.round_trips = 0
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, server_url: str) -> str:
        return server_url.split("?host=")[0] + f"?host={self.folder}"

    def _accept(self) -> None:
        while True:
            try:
                desk, _ = self.listener.accept()
            except OSError:
                return  # closed
            server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            server.connect(self.server)
            spoke = threading.Event()  # the desk sent something the server has not answered
            for source, dest in ((desk, server), (server, desk)):
                threading.Thread(
                    target=self._pump, args=(source, dest, spoke, source is desk), daemon=True
                ).start()

    def _pump(self, source: socket.socket, dest: socket.socket, spoke, from_desk: bool) -> None:
        try:
            while data := source.recv(65536):
                if from_desk:
                    spoke.set()  # before it is passed on: no answer can come before it
                elif spoke.is_set():
                    spoke.clear()
                    with self._lock:
                        self.round_trips += 1
                dest.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, dest):
                end.close()

    def close(self) -> None:
        self.listener.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def figures(side: Side) -> dict[str, float | None]:
    return {
        "round trips per write": side.round_trips,
        "write p50 (ms)": statistics.median(side.seconds) * 1000,
        "write mean (ms)": statistics.fmean(side.seconds) * 1000,
        "index rebuild (s)": min(side.rebuilds),
    }


def count_round_trips(side: Side, relay: Relay, location: str, n: int, first: int) -> None:
    """Round trips per write of a side: more of the same writes (numbered from first), on
    its file opened anew through the relay."""
    cf = side.package.ClientFile.open(relay.url(location))
    writes = Side.writes_of(side.package, cf)
    before = relay.round_trips
    for i in range(first, first + n):
        writes[i % len(writes)](side.ids[i % len(side.ids)], i)
    side.round_trips = (relay.round_trips - before) / n
    cf.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", default="main", help="the revision to compare with")
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--writes", type=int, default=1000)
    parser.add_argument("--count", type=int, default=400, help="writes through the relay")
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args(argv)
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    if "postgresql" in backends and server_binaries() is None:
        print("PostgreSQL is not installed: SQLite only", file=sys.stderr)
        backends.remove("postgresql")
    server = PgServer().start() if "postgresql" in backends else None
    relay = Relay(server.socket_dir) if server is not None else None
    results = {}
    try:
        with tempfile.TemporaryDirectory(prefix="kd-reindex-") as tmp:
            before_package = load_revision(args.against, Path(tmp))
            for backend in backends:
                sides, locations = [], []
                for name, package in (("before", before_package), ("after", storage)):
                    if backend == "sqlite":
                        location = str(Path(tmp) / f"{name}.sqlite")
                    else:
                        location = server.url(server.create_database())
                    sides.append(Side(package, location, args.clients))
                    locations.append(location)
                for i in range(args.writes):
                    for side in sides:
                        side.write(i)
                for _ in range(3):
                    for side in sides:
                        side.rebuild()
                found = [[h.name for h in s.cf.search(f"Klant {args.writes - 1}")] for s in sides]
                if found[0] != found[1]:
                    print(f"{backend}: search differs: {found}", file=sys.stderr)
                for side in sides:
                    side.cf.close()
                if backend == "postgresql":
                    for side, location in zip(sides, locations, strict=True):
                        count_round_trips(side, relay, location, args.count, args.writes)
                results[backend] = [figures(side) for side in sides]
    finally:
        if relay is not None:
            relay.close()
        if server is not None:
            server.close()

    print(
        f"{args.writes} writes on {args.clients} clients, the two sides in turn;"
        f" before: {args.against}, after: this tree"
    )
    for backend, (before, after) in results.items():
        print(f"\n{backend}:")
        print(f"  {'':24}{'before':>10}{'after':>10}{'after/before':>14}")
        for label, old in before.items():
            new = after[label]
            if old is None:
                continue
            ratio = f"{new / old:.2f}" if old else "-"
            places = 1 if "per write" in label else 3
            print(f"  {label:24}{old:>10.{places}f}{new:>10.{places}f}{ratio:>14}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
