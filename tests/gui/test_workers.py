"""Work off the GUI thread: answers and errors arrive on the GUI thread, in order for the
write pool, and the background pool runs at low priority; what a job refers to is let go
of on the GUI thread."""

from __future__ import annotations

import os
import sys
import threading
import weakref

import pytest
from PySide6.QtWidgets import QWidget

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


def test_a_window_only_an_answered_job_refers_to_is_freed_on_the_gui_thread(qtbot):
    """A window of its own (no parent) is deleted by the thread that drops the last
    reference to it. A worker kept its last job, callbacks and all, until the next came
    in: a closed import wizard, held by nothing but the callback of its save, was deleted
    on that worker while the GUI thread drew (a segmentation fault in a full test run)."""
    freed_on: list[str] = []
    window = QWidget()
    weakref.finalize(window, lambda: freed_on.append(threading.current_thread().name))
    answered: list[int] = []
    workers.submit(
        lambda: 1,
        on_result=lambda value, window=window: answered.append(value),
        on_error=answered.append,
        pool_name="write",
    )
    qtbot.waitUntil(lambda: answered == [1])
    del window  # closed: only the answered job could still refer to it
    after = []
    workers.submit(lambda: 2, on_result=after.append, on_error=after.append, pool_name="write")
    qtbot.waitUntil(lambda: after == [2])  # the worker has taken its next job
    assert freed_on == [threading.main_thread().name]
