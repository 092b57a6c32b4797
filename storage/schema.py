"""The schema as ordered migrations; PRAGMA user_version is the number applied."""

import sqlite3

# Each entry is one step; never edit a released step, append a new one.
MIGRATIONS: list[str] = [
    # 1: the first client file
    """
    CREATE TABLE clients (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL DEFAULT '',
        first_name TEXT,
        tussenvoegsel TEXT,
        last_name TEXT,
        company TEXT,
        legal_form TEXT,
        kvk TEXT,
        btw TEXT,
        iban TEXT,
        bic TEXT,
        client_since TEXT,
        status TEXT NOT NULL DEFAULT 'active',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE phones (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        e164 TEXT NOT NULL,
        written TEXT,
        kind TEXT,
        UNIQUE (client_id, e164)
    );
    CREATE INDEX phones_e164 ON phones (e164);
    CREATE TABLE emails (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        email TEXT NOT NULL,
        UNIQUE (client_id, email)
    );
    CREATE INDEX emails_email ON emails (email COLLATE NOCASE);
    CREATE TABLE addresses (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        street TEXT,
        house_number TEXT,
        postcode TEXT,
        city TEXT,
        country TEXT NOT NULL DEFAULT 'NL'
    );
    CREATE INDEX addresses_client ON addresses (client_id);
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        client_id INTEGER REFERENCES clients(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        mime TEXT,
        pages INTEGER NOT NULL DEFAULT 0,
        imported_at TEXT NOT NULL
    );
    CREATE INDEX documents_client ON documents (client_id);
    CREATE TABLE pages (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        page_no INTEGER NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        words TEXT NOT NULL DEFAULT '[]',
        confidence REAL,
        orientation INTEGER NOT NULL DEFAULT 0,
        width INTEGER NOT NULL DEFAULT 0,
        height INTEGER NOT NULL DEFAULT 0,
        source TEXT NOT NULL DEFAULT 'ocr',
        flags TEXT NOT NULL DEFAULT '',
        UNIQUE (document_id, page_no)
    );
    CREATE TABLE fields (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        page_id INTEGER REFERENCES pages(id) ON DELETE SET NULL,
        field TEXT NOT NULL,
        value TEXT NOT NULL,
        box TEXT,
        confidence REAL,
        accepted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX fields_client ON fields (client_id);
    CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE TABLE calls (
        id INTEGER PRIMARY KEY,
        client_id INTEGER REFERENCES clients(id) ON DELETE CASCADE,
        number TEXT,
        direction TEXT NOT NULL DEFAULT 'in',
        started_at TEXT NOT NULL,
        duration_seconds INTEGER,
        note TEXT
    );
    CREATE INDEX calls_client ON calls (client_id, started_at);
    CREATE TABLE import_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        event TEXT NOT NULL,
        detail TEXT
    );
    -- one row per client (kind 'client') and one per page (kind 'page');
    -- diacritics folded so Sjoerd finds Sjóerd, prefix indexes for search-as-you-type
    CREATE VIRTUAL TABLE search_index USING fts5 (
        body,
        client_id UNINDEXED,
        kind UNINDEXED,
        page_id UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
    );
    """,
    # 2: search split in two indexes: client_fts (rowid = client id; a names column ranked
    # above the other details) and page_fts over pages.text (external content, so page
    # text is not stored twice; rowid = page id). Both are filled from the data by
    # ClientFile after this step (REBUILD_SEARCH_AT).
    """
    DROP TABLE search_index;
    CREATE VIRTUAL TABLE client_fts USING fts5 (
        names,
        details,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3 4 5 6'
    );
    CREATE VIRTUAL TABLE page_fts USING fts5 (
        text,
        content = 'pages',
        content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '3 4 5 6',
        -- no word positions: half the merging work for a prefix being typed; snippets
        -- are made from the page text itself
        detail = column
    );
    CREATE INDEX calls_started ON calls (started_at);
    CREATE INDEX calls_number ON calls (number);
    CREATE INDEX notes_client ON notes (client_id, created_at);
    CREATE INDEX clients_iban ON clients (iban);
    CREATE INDEX clients_kvk ON clients (kvk);
    CREATE INDEX addresses_postcode ON addresses (replace(postcode, ' ', ''));
    """,
    # 3: a stack file (a feeder's scan of several clients between separator sheets) is
    # kept whole as one original, and each client's part of it is a document of its own:
    # documents share a sha256, and `frames` (JSON, NULL: every page in order) says which
    # pages of the original are the document's. SQLite cannot drop a UNIQUE constraint,
    # so the table is made anew (with foreign keys off: FOREIGN_KEYS_OFF_AT).
    """
    CREATE TABLE documents_new (
        id INTEGER PRIMARY KEY,
        client_id INTEGER REFERENCES clients(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        mime TEXT,
        pages INTEGER NOT NULL DEFAULT 0,
        imported_at TEXT NOT NULL,
        frames TEXT
    );
    INSERT INTO documents_new (id, client_id, name, sha256, mime, pages, imported_at)
        SELECT id, client_id, name, sha256, mime, pages, imported_at FROM documents;
    DROP TABLE documents;
    ALTER TABLE documents_new RENAME TO documents;
    CREATE INDEX documents_client ON documents (client_id);
    -- a file is stored once, and so is each part of a stack file
    CREATE UNIQUE INDEX documents_original ON documents (sha256, coalesce(frames, ''));
    """,
    # 4: what an import added to a client it found the paper to be (a folder joined to
    # another, a letter to a known client), so that the merge can be undone from the
    # card: `card` holds the values the paper itself had (JSON), `added` what was added
    # to the client (JSON), `documents` the documents that came with it (JSON ids).
    """
    CREATE TABLE merges (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        label TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        documents TEXT NOT NULL DEFAULT '[]',
        card TEXT NOT NULL DEFAULT '{}',
        added TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX merges_client ON merges (client_id);
    """,
    # 5: "terugbellen": a call someone still has to return, marked until it is done (the
    # Gesprekken view). A table of its own, so a call's row and its JSON stay as they were.
    """
    CREATE TABLE callbacks (
        call_id INTEGER PRIMARY KEY REFERENCES calls(id) ON DELETE CASCADE,
        marked_at TEXT NOT NULL
    );
    """,
]

# Migrations after which the search indexes are rebuilt from the data (in Python:
# the phone and IBAN forms are not expressible in SQL).
REBUILD_SEARCH_AT = frozenset({2})
# Migrations that make a table anew: run with foreign keys off, so dropping the old table
# does not cascade to the rows that refer to it (checked again before the commit).
FOREIGN_KEYS_OFF_AT = frozenset({3})

SCHEMA_VERSION = len(MIGRATIONS)


def statements(script: str) -> list[str]:
    """Statements of a migration script, so they run inside our own transaction
    (executescript would commit on its own)."""
    found, buffer = [], ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            found.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        found.append(buffer.strip())
    return found
