"""A stack divided into clients at separator sheets and long pauses."""

from __future__ import annotations

from pathlib import Path

from importing.model import BATCH, FILE, Document, Unit
from importing.stacks import split_stack
from ocr.sources.separators import PageKind
from storage import PageText

BLANK = PageKind("blank")


def doc(name: str, kinds: list[str], arrived: float = 0.0) -> Document:
    d = Document(Path(name), "image/tiff", name, "0" * 64, frames=list(range(len(kinds))),
                 arrived=arrived)  # fmt: skip
    for frame, kind in enumerate(kinds):
        if kind == "page":
            d.pages[frame] = PageText(f"{name} {frame}")
        elif kind == "blank":
            d.kinds[frame] = BLANK
        else:
            d.kinds[frame] = PageKind("cover", client_id=int(kind))
    return d


def test_one_file_without_separators_is_one_unit_with_the_whole_file() -> None:
    stack = Unit("brief.pdf", FILE, documents=[doc("brief.pdf", ["page", "page"])], stack=True)
    (unit,) = split_stack(stack)
    assert unit.kind == FILE
    assert unit.documents[0].frames is None  # the whole file: stored as it is
    assert unit.documents[0].name == "brief.pdf"


def test_blank_sheets_and_cover_sheets_divide_a_stack_file() -> None:
    kinds = ["page", "page", "blank", "page", "7", "page", "page"]
    stack = Unit("stapel.pdf", FILE, documents=[doc("stapel.pdf", kinds)], stack=True)
    units = split_stack(stack)
    assert [u.documents[0].frames for u in units] == [[0, 1], [3], [5, 6]]
    assert [u.cover_client_id for u in units] == [None, None, 7]
    assert [u.documents[0].name for u in units] == [
        "stapel.pdf, pagina 1–2",
        "stapel.pdf, pagina 4",
        "stapel.pdf, pagina 6–7",
    ]
    assert all(u.kind == BATCH for u in units)
    assert units[2].documents[0].pages[5].text == "stapel.pdf 5"


def test_duplex_blank_backs_are_dropped_not_separators() -> None:
    kinds = ["page", "blank", "page", "blank", "blank", "blank", "page", "page"]
    stack = Unit("scan", BATCH, documents=[doc("s.tif", kinds)], stack=True, duplex=True)
    units = split_stack(stack)
    assert [u.documents[0].frames for u in units] == [[0, 2], [6, 7]]


def test_a_long_pause_between_files_starts_the_next_client() -> None:
    files = [
        doc("a.pdf", ["page"], 0.0),
        doc("b.pdf", ["page"], 10.0),
        doc("c.pdf", ["page"], 500.0),
    ]
    stack = Unit("map", BATCH, documents=files, stack=True)
    units = split_stack(stack, gap_s=120.0)
    assert [[d.name for d in u.documents] for u in units] == [["a.pdf", "b.pdf"], ["c.pdf"]]
    # both files whole: stored as they are, under their own names
    assert all(d.frames is None for u in units for d in u.documents)


def test_failed_documents_and_empty_stacks_give_no_units() -> None:
    bad = doc("kapot.pdf", ["page"])
    bad.error = "beschadigd"
    assert split_stack(Unit("x", FILE, documents=[bad], stack=True)) == []
    assert split_stack(Unit("y", FILE, documents=[doc("leeg.pdf", ["blank"])], stack=True)) == []
