"""The client file on a PostgreSQL server (several desks): connection, schema, search,
originals in the database, and changes sent to every desk (LISTEN/NOTIFY)."""
