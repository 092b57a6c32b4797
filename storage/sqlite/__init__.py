"""The client file as one SQLite file (one desk): connection, search index, in_use check."""
