"""One desk as a process of its own, for the multi-desk tests and bench/desks.py: it opens
the shared client file, listens to the other desks' changes, writes notes and calls for a
while, and prints what it wrote and what it saw (with times) as JSON.

    python -m tests.desk_worker URL DESK START_AT SECONDS|COUNT CLIENT_ID...
"""

from __future__ import annotations

import json
import sys
import threading
import time


def main(argv: list[str]) -> int:
    from storage import ClientFile

    url, desk, start_at, amount = argv[0], int(argv[1]), float(argv[2]), argv[3]
    clients = [int(c) for c in argv[4:]]
    seen: list[tuple[str, int, float]] = []
    lock = threading.Lock()

    def on_change(change) -> None:
        with lock:
            seen.append((change.table, change.row_id, time.time()))

    cf = ClientFile.open(url)
    listener = cf.watch(on_change)
    deadline = 0.0
    count = None
    if amount.endswith("s"):
        seconds = float(amount[:-1])
    else:
        count, seconds = int(amount), 3600.0
    while not listener.connected and time.time() < start_at:
        time.sleep(0.01)
    time.sleep(max(0.0, start_at - time.time()))
    deadline = time.time() + seconds
    writes: list[tuple[str, int, float]] = []
    failed = 0
    i = 0
    while time.time() < deadline and (count is None or i < count):
        client = clients[i % len(clients)]
        try:
            if i % 2 == 0:
                note = cf.add_note(client, f"bureau {desk} notitie {i}")
                writes.append(("notes", note, time.time()))
            else:
                call = cf.add_call(client, "+31612345678", note=f"bureau {desk} gesprek {i}")
                writes.append(("calls", call, time.time()))
        except Exception:  # reported as a count: the parent checks nothing was lost
            failed += 1
        i += 1
    time.sleep(2.0)  # the last changes of the other desks are on their way
    listener.stop()
    cf.close()
    with lock:
        print(json.dumps({"desk": desk, "writes": writes, "seen": seen, "failed": failed}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
