"""The command line of main.py: the parser and one module per group of commands.

Every module here imports storage/, importing/, ocr/ and gui/ inside the functions that
need them, so `main.py call` and `--help` stay quick and only the window imports Qt."""
