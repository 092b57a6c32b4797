"""Part of a ruled card that Tesseract's layout took for a picture (an empty block) is
cropped and read as text; thin empty blocks (rules) and blocks with words are left."""

from __future__ import annotations

from ocr.engine import pagefiles, picture_blocks
from ocr.engine.crops import Region
from ocr.engine.tesseract import page_from_tsv, tsv_of
from ocr.extract import OwnBusiness, extract_client
from tests.ocr.test_ruled import ruled_card
from tests.ocr.test_small_print import table


def with_block(read: dict, block: tuple[int, int, int, int]) -> dict:
    """read with an empty block (a level-2 row and no words) of its own."""
    left, top, width, height = block
    number = max(read["block_num"], default=0) + 1
    row = {"level": 2, "page_num": 1, "block_num": number, "par_num": 0, "line_num": 0,
           "word_num": 0, "left": left, "top": top, "width": width, "height": height,
           "conf": -1, "text": ""}  # fmt: skip
    return {name: [*column, row[name]] for name, column in read.items()}


def test_only_empty_blocks_that_can_hold_text_are_read() -> None:
    read = table([("Klantkaart", 160, 180, 300, 34, 95.0), ("Naam:", 160, 290, 120, 34, 95.0)])
    read = with_block(read, (500, 400, 900, 200))  # the rows of a table: read
    read = with_block(read, (140, 700, 1300, 3))  # a rule: not read
    read = with_block(read, (1490, 290, 4, 500))  # a rule down the page: not read
    margin = int(picture_blocks.MARGIN * 34)
    assert picture_blocks.empty_blocks(read, 1654, 2339) == [
        Region(500 - margin, 400 - margin, 1400 + margin, 600 + margin)
    ]
    # a block with a word in it is read already
    assert (
        picture_blocks.empty_blocks(table([("Naam:", 160, 290, 120, 34, 95.0)]), 1654, 2339) == []
    )


def test_rows_of_a_ruled_card_taken_for_a_picture_are_read() -> None:
    """The first reading lost the card's last three rows (e-mail, account, client since)
    into an empty block, as Tesseract's layout did on a ruled card of a check binder;
    they are read from a crop of that block."""
    file = pagefiles.write_page(ruled_card(), 200.0)
    try:
        whole = tsv_of(file)
        band = (130, 585, 1380, 195)  # rows 6-8 of the card, askew
        lost = {i for i, top in enumerate(whole["top"])
                if whole["level"][i] == 5 and band[1] <= top <= band[1] + band[3]}  # fmt: skip
        first = {name: [v for i, v in enumerate(col) if i not in lost]
                 for name, col in whole.items()}  # fmt: skip
        first = with_block(first, band)
        before = extract_client([page_from_tsv(first, 1654, 2339)], own=OwnBusiness())
        assert before.value("iban") is None and not before.values("email")

        [again] = picture_blocks.read_empty_blocks([first], [file], "nld+eng", 60.0)
        found = extract_client([page_from_tsv(again, 1654, 2339)], own=OwnBusiness())
        assert found.value("iban") == "NL91ABNA0417164300"
        assert [fv.value for fv in found.values("email")] == ["sanne.wouters@ziggo.nl"]
        assert "+31612873305" in [fv.value for fv in found.values("phone")]  # kept
        # a reading without an empty block stands as it is
        assert picture_blocks.read_empty_blocks([whole], [file], "nld+eng", 60.0) == [whole]
    finally:
        file.unlink(missing_ok=True)
