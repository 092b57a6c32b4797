"""The watched folder hands on a file only once it is completely written."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path

from PIL import Image

from ocr.sources.watch import FolderWatcher, watch_folder


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def jpeg_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("L", (200, 300), 255).save(out, "JPEG")
    return out.getvalue()


def test_file_still_being_written_is_ignored_until_it_settles(tmp_path: Path) -> None:
    clock = Clock()
    watcher = FolderWatcher(tmp_path, settle_s=2.0, clock=clock)
    data = jpeg_bytes()
    target = tmp_path / "scan001.jpg"
    target.write_bytes(data[:100])  # the printer has written the first part
    assert watcher.poll() == []
    clock.now += 3
    with open(target, "ab") as handle:
        handle.write(data[100:-2])  # still growing
    assert watcher.poll() == []
    clock.now += 3
    assert watcher.poll() == []  # same size for 3 s, but a JPEG without its end marker
    with open(target, "ab") as handle:
        handle.write(data[-2:])
    assert watcher.poll() == []  # changed again: wait for it to settle
    clock.now += 1
    assert watcher.poll() == []
    clock.now += 1.5
    assert watcher.poll() == [target]
    assert watcher.poll() == []  # each file once


def test_partial_names_hidden_files_and_existing_files(tmp_path: Path) -> None:
    (tmp_path / "old.png").write_bytes(b"\x89PNG\r\n\x1a\nold")
    clock = Clock()
    watcher = FolderWatcher(tmp_path, settle_s=1.0, clock=clock)
    (tmp_path / "scan.pdf.part").write_bytes(b"%PDF-1.4 ...")
    (tmp_path / ".~lock").write_bytes(b"x")
    (tmp_path / "leeg.pdf").write_bytes(b"")
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n...\n%%EOF\n")
    watcher.poll()
    clock.now += 2
    assert watcher.poll() == [pdf]  # not the old file, the partial one, the hidden or empty one


def test_half_written_pdf_waits_for_its_end(tmp_path: Path) -> None:
    clock = Clock()
    watcher = FolderWatcher(tmp_path, settle_s=1.0, clock=clock)
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj")
    watcher.poll()
    clock.now += 5
    assert watcher.poll() == []  # stalled copy: no %%EOF yet
    with open(pdf, "ab") as handle:
        handle.write(b"\nendobj\n%%EOF\n")
    watcher.poll()
    clock.now += 2
    assert watcher.poll() == [pdf]


def test_watch_folder_yields_new_files_until_stopped(tmp_path: Path) -> None:
    stop = threading.Event()
    found: list[Path] = []

    def collect() -> None:
        for path in watch_folder(tmp_path, stop, poll_s=0.05, settle_s=0.1):
            found.append(path)
            stop.set()

    thread = threading.Thread(target=collect)
    thread.start()
    time.sleep(0.3)  # the watcher has looked once: the file below is new to it
    (tmp_path / "a.jpg").write_bytes(jpeg_bytes())
    thread.join(10)
    assert not thread.is_alive()
    assert found == [tmp_path / "a.jpg"]


def test_a_folder_copied_in_is_handed_on_once_nothing_in_it_changes(tmp_path: Path) -> None:
    clock = [0.0]
    watcher = FolderWatcher(tmp_path, settle_s=2.0, clock=lambda: clock[0], include_folders=True)
    folder = tmp_path / "Jansen, Kees"
    folder.mkdir()
    (folder / "kaart.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"x" * 100)
    assert watcher.poll() == []  # just seen
    clock[0] = 1.0
    (folder / "brief.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"y" * 100)  # still copying
    assert watcher.poll() == []
    clock[0] = 2.5
    assert watcher.poll() == []  # changed 1.5 s ago: not settled yet
    clock[0] = 5.0
    assert watcher.poll() == [folder]
    clock[0] = 9.0
    assert watcher.poll() == []  # each folder once
