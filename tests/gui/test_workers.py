"""Work off the GUI thread: answers and errors arrive on the GUI thread, in order for the
write pool, and the background pool runs at low priority."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from gui import workers


def test_answers_and_errors_arrive_on_the_gui_thread(qtbot):
    gui = threading.get_ident()
    seen = []

    def where(value):
        seen.append((value, threading.get_ident() == gui))

    for name in ("read", "write", "image", None):
        workers.submit(
            lambda n=name: (n, threading.get_ident() != gui),
            on_result=where,
            on_error=where,
            pool_name=name,
        )
    workers.submit(lambda: 1 / 0, on_result=where, on_error=where, pool_name="read")
    qtbot.waitUntil(lambda: len(seen) == 5)
    assert all(on_gui for _value, on_gui in seen)
    assert all(value[1] for value, _ in seen if isinstance(value, tuple))  # ran elsewhere
    assert any(isinstance(value, ZeroDivisionError) for value, _ in seen)


def test_writes_keep_their_order(qtbot):
    done = []
    for i in range(30):
        workers.submit(
            lambda i=i: i, on_result=done.append, on_error=done.append, pool_name="write"
        )
    qtbot.waitUntil(lambda: len(done) == 30)
    assert done == list(range(30))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice is Linux's")
def test_background_pool_is_niced(qtbot):
    got = []
    workers.submit(
        lambda: os.nice(0),
        on_result=got.append,
        on_error=got.append,
        pool_name="background",
    )
    qtbot.waitUntil(lambda: len(got) == 1)
    assert got[0] >= workers.BACKGROUND_NICE
    assert os.nice(0) < workers.BACKGROUND_NICE  # the GUI thread keeps its priority
