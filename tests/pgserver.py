"""A throw-away PostgreSQL server for tests and benchmarks: `initdb` + `pg_ctl` in a
temporary folder, listening on a Unix socket only (no TCP port), stopped and removed at
the end.

initdb and the server refuse to run as root; CI runs as root, so then they run as the
`postgres` system user (made by Debian's postgresql package), in folders it owns.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

SUPERUSER = "postgres"
PASSWORD_ROLES = ("pw_kees", "pw_anna")


def server_binaries() -> Path | None:
    """The folder with initdb/pg_ctl (Debian keeps them out of PATH), newest version."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(os.path.realpath(found)).parent
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda p: int(Path(p).parent.parent.name),
    )
    return Path(versions[-1]).parent if versions else None


class PgServer:
    """One PostgreSQL cluster in a temporary folder; `url(db)` connects as superuser."""

    def __init__(self) -> None:
        binaries = server_binaries()
        if binaries is None:
            raise RuntimeError(
                "PostgreSQL is not installed (initdb/pg_ctl not found): run scripts/setup.sh"
            )
        self.bin = binaries
        self.root = Path(tempfile.mkdtemp(prefix="kd-pg-"))
        self.data = self.root / "data"
        self.socket_dir = self.root / "sock"
        self.log = self.root / "server.log"
        self.as_postgres = os.geteuid() == 0
        os.chmod(self.root, 0o755)
        self.socket_dir.mkdir(mode=0o755)
        if self.as_postgres:
            shutil.chown(self.root, SUPERUSER)
            shutil.chown(self.socket_dir, SUPERUSER)

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.as_postgres:
            command = ["runuser", "-u", SUPERUSER, "--", *command]
        return subprocess.run(
            command, capture_output=True, text=True, timeout=120, check=check, cwd="/"
        )

    def start(self) -> PgServer:
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "--auth=trust",  # the socket is in a private folder: only this machine
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        # these roles must give their password (the wrong-password tests); the rest is
        # trusted on this private socket
        hba = self.data / "pg_hba.conf"  # root may write it; the owner stays postgres
        hba.write_text(f"local all {','.join(PASSWORD_ROLES)} scram-sha-256\n" + hba.read_text())
        options = " ".join(
            [
                "-c listen_addresses=''",  # no TCP port at all
                f"-c unix_socket_directories='{self.socket_dir}'",
                "-c fsync=off",  # a throw-away cluster: nothing to keep after a crash
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=100",
                "-c shared_buffers=256MB",
                "-c autovacuum_naptime=5",
            ]
        )
        self.options = options
        self.start_again()
        return self

    def start_again(self) -> None:
        """Start the server (again, after stop())."""
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", self.options, "-w", "start"
        )

    def url(self, dbname: str = "postgres", user: str = SUPERUSER) -> str:
        return f"postgresql://{user}@/{dbname}?host={self.socket_dir}"

    def psql(self, sql: str, dbname: str = "postgres") -> str:
        done = subprocess.run(
            [
                str(self.bin / "psql"),
                "-h",
                str(self.socket_dir),
                "-U",
                SUPERUSER,
                "-d",
                dbname,
                "-At",
                "-v",
                "ON_ERROR_STOP=1",
                "-c",
                sql,
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
        return done.stdout.strip()

    def create_database(self, template: str | None = None, name: str | None = None) -> str:
        """A new empty database (or a copy of template); returns its name."""
        name = name or "kd_" + uuid.uuid4().hex[:12]
        source = f" TEMPLATE {template}" if template else ""
        self.psql(f"CREATE DATABASE {name}{source}")
        return name

    def drop_database(self, name: str) -> None:
        self.psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def database_files(self, dbname: str) -> list[Path]:
        """The files of one database's tables and indexes (after a CHECKPOINT, what is on
        disk), for tests that look for erased data in them."""
        self.psql("CHECKPOINT", dbname)
        oid = self.psql(f"SELECT oid FROM pg_database WHERE datname = '{dbname}'")
        return [p for p in (self.data / "base" / oid).iterdir() if p.is_file()]

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def restart(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "restart")

    def close(self) -> None:
        self.stop("immediate")
        for _ in range(20):
            try:
                shutil.rmtree(self.root)
                return
            except OSError:
                time.sleep(0.1)
