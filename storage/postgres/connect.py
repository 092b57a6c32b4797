"""Reaching the server: the `postgresql://` location (shown and kept without its
password), connecting with keep-alives and timeouts, the password in ~/.pgpass (never in
settings), and the server's failures as named Dutch errors."""

from __future__ import annotations

import os
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import psycopg
from psycopg import errors as pg_errors
from psycopg.conninfo import conninfo_to_dict

from ..errors import (
    ClientFileBusyError,
    ClientFileError,
    ConnectionLostError,
    DiskFullError,
    ReadOnlyClientFileError,
    ServerUnavailableError,
    WrongPasswordError,
)

# One id per process: a desk's own changes come back to it as notifications; it skips them.
DESK_ID = uuid.uuid4().hex[:12]
APPLICATION = "klantdossier"
CONNECT_TIMEOUT_S = 5
# A pulled network cable is noticed within ~25 s (keep-alives) and a write that cannot
# reach the server fails after 15 s, instead of hanging for the system's two hours.
_NETWORK = {
    "keepalives": "1",
    "keepalives_idle": "10",
    "keepalives_interval": "5",
    "keepalives_count": "3",
    "tcp_user_timeout": "15000",
}


@dataclass(frozen=True)
class PgLocation:
    """A client file on a server: its connection parameters, the password apart."""

    params: dict[str, str]
    password: str | None = None

    @classmethod
    def parse(cls, url: str) -> PgLocation:
        try:
            params = conninfo_to_dict(url.strip())
        except psycopg.ProgrammingError as e:
            raise ClientFileError(f"Dit is geen geldig adres van een database: {e}") from e
        password = params.pop("password", None)
        return cls({k: str(v) for k, v in params.items()}, password)

    @property
    def host(self) -> str:
        return self.params.get("host") or "localhost"

    @property
    def dbname(self) -> str:
        return self.params.get("dbname") or self.params.get("user") or os.environ.get("USER", "")

    @property
    def user(self) -> str:
        return self.params.get("user") or os.environ.get("PGUSER") or _login_name()

    def url(self) -> str:
        """postgresql://user@host:port/db?... without the password: safe to show and keep."""
        params = dict(self.params)
        user = params.pop("user", "")
        host = params.pop("host", "")
        port = params.pop("port", "")
        dbname = params.pop("dbname", "")
        netloc = quote(user, safe="") + "@" if user else ""
        if host and not host.startswith("/"):
            netloc += host
        else:
            if host:
                params = {"host": host, **params}
        if port:
            netloc += f":{port}"
        query = "&".join(f"{k}={quote(v, safe='/')}" for k, v in params.items())
        return f"postgresql://{netloc}/{quote(dbname, safe='')}" + (f"?{query}" if query else "")

    def connect(self, *, autocommit: bool = True) -> psycopg.Connection:
        """A connection, or a ClientFileError saying in Dutch what is wrong."""
        params = {**_NETWORK, **self.params}
        params.setdefault("connect_timeout", str(CONNECT_TIMEOUT_S))
        params["application_name"] = f"{APPLICATION}:{DESK_ID}"
        if self.password is not None:
            params["password"] = self.password
        if params.get("host", "").startswith("/"):
            for key in _NETWORK:  # a Unix socket has no TCP to keep alive
                params.pop(key, None)
        try:
            return psycopg.connect(autocommit=autocommit, **params)
        except psycopg.Error as e:
            raise connect_error(e, self) from e


def _login_name() -> str:
    try:
        return os.getlogin()
    except OSError:
        return os.environ.get("USER", "")


def connect_error(e: psycopg.Error, location: PgLocation) -> ClientFileError:
    text = str(e)
    lowered = text.lower()
    where = f"de server {location.host}"
    if isinstance(e, pg_errors.InvalidPassword) or "password authentication failed" in lowered:
        return WrongPasswordError(
            f"Het wachtwoord van gebruiker {location.user} voor {where} klopt niet. "
            "Vul het opnieuw in (Bestand → Verbinden met gedeeld klantenbestand…)."
        )
    if "no password supplied" in lowered:
        return WrongPasswordError(
            f"{where.capitalize()} vraagt een wachtwoord voor gebruiker {location.user}. "
            "Vul het in bij Bestand → Verbinden met gedeeld klantenbestand… (het wordt "
            "bewaard in ~/.pgpass, alleen voor u leesbaar)."
        )
    if isinstance(e, pg_errors.InvalidCatalogName) or (
        "database" in lowered and "does not exist" in lowered
    ):
        return ClientFileError(
            f"De database {location.dbname} bestaat niet op {where}. Vraag de beheerder "
            "haar aan te maken, of controleer de naam."
        )
    if isinstance(e, pg_errors.InvalidAuthorizationSpecification) or (
        "role" in lowered and "does not exist" in lowered
    ):
        return WrongPasswordError(
            f"Gebruiker {location.user} bestaat niet op {where} of mag niet aanmelden."
        )
    return ServerUnavailableError(
        f"Het gedeelde klantenbestand op {where} is niet bereikbaar: staat de server aan "
        f"en werkt het netwerk? Probeer het zo opnieuw. ({_first_line(text)})"
    )


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else "geen antwoord"


def translate_error(e: Exception, location: str) -> ClientFileError | None:
    """A named, Dutch error for server failures a user can do something about."""
    if not isinstance(e, psycopg.Error):
        return None
    state = getattr(e, "sqlstate", None) or ""
    if isinstance(e, psycopg.OperationalError) and (not state or state.startswith(("08", "57P"))):
        return ConnectionLostError(
            f"De verbinding met het gedeelde klantenbestand ({location}) is verbroken; "
            "wat u net deed is niet bewaard. Klantdossier verbindt opnieuw zodra de server "
            "weer bereikbaar is."
        )
    if state == "53100":
        return DiskFullError(
            f"De schijf van de server is vol: er kon niets worden opgeslagen in {location}. "
            "Vraag de beheerder ruimte te maken."
        )
    if state in ("55P03", "40P01", "40001", "57014"):
        return ClientFileBusyError(
            f"Het gedeelde klantenbestand {location} is bezet door een ander bureau. "
            "Er is gewacht, maar het kwam niet vrij; probeer het zo opnieuw."
        )
    if state == "25006":
        return ReadOnlyClientFileError(
            f"Het klantbestand {location} is alleen-lezen; er kan niets worden opgeslagen."
        )
    if state == "42501":
        return ClientFileError(
            f"Uw gebruiker mag dit niet in {location} (rechten op de server): {e}"
        )
    return None


# -- the password, out of settings --------------------------------------------------------------


def pgpass_path() -> Path:
    """Where libpq looks for saved passwords: PGPASSFILE, else ~/.pgpass (Windows:
    %APPDATA%\\postgresql\\pgpass.conf)."""
    if os.environ.get("PGPASSFILE"):
        return Path(os.environ["PGPASSFILE"])
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", "~")) / "postgresql" / "pgpass.conf"
    return Path("~/.pgpass").expanduser()


def _pgpass_field(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def remember_password(location: PgLocation, password: str) -> Path:
    """Save the password in the user's pgpass file (made 0600, as libpq demands), where
    libpq finds it on every connection; replaces an older line for the same server,
    database and user. The location itself is then kept without it."""
    path = pgpass_path()
    key = ":".join(
        _pgpass_field(v)
        for v in (
            location.host,
            location.params.get("port") or "5432",
            location.dbname,
            location.user,
        )
    )
    lines = []
    if path.exists():
        lines = [
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith(key + ":")
        ]
    lines.append(f"{key}:{_pgpass_field(password)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    os.chmod(path, 0o600)
    return path
