"""The corpus of real programs' contact lists (tests/contacts_corpus): every contact
whole or every value not kept reported, nobody merged, no mojibake (issue 21)."""

from __future__ import annotations

from pathlib import Path

import pytest

from importing.contacts import is_contact_file
from tests.contacts_corpus import CORPUS, write_corpus
from tests.contacts_corpus.evaluate import evaluate


@pytest.mark.parametrize("sample", CORPUS, ids=[s.filename for s in CORPUS])
def test_corpus_file(sample, tmp_path: Path):
    ((_, path),) = [(s, p) for s, p in write_corpus(tmp_path) if s is sample]
    assert is_contact_file(path)
    outcome = evaluate(sample, path, tmp_path / "k.sqlite")
    assert outcome.problems == []
    assert outcome.contacts == len(sample.contacts)
    assert outcome.merged == 0 and outcome.mojibake == 0
    assert outcome.reported == outcome.dropped  # every value not kept is said
    partial = sum(1 for e in sample.contacts if e.dropped) + bool(sample.unknown_columns)
    assert outcome.whole == len(sample.contacts) - partial
