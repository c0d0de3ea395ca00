"""Adopted UN texts, under their own body, raise no structural, punctuation or numbering error."""
from __future__ import annotations

from pathlib import Path

import pytest

from resedit.committees import load_committee
from resedit.formats import read_paper
from resedit.lint import lint, load_rules
from shared_data import corpus_paths


def body(path: Path) -> str:
    """Each adopted text under its own body: the Security Council's S/RES, the Assembly's A/RES."""
    return "SC" if path.name.startswith("un_S_RES_") else "GA"

# Known findings caused by extraction noise (none left: the reader absorbs the noise it met).
KNOWN_NOISE: dict[str, set[str]] = {}


@pytest.mark.corpus
@pytest.mark.parametrize("path", corpus_paths())
def test_no_structural_errors_on_adopted_texts(path):
    rules = [r for r in load_rules() if r.category in ("structure", "punctuation", "numbering")]
    paper = read_paper(path)
    found = lint(paper, rules, load_committee(body(path)))
    errors = {d.code for d in found if d.severity == "error"}
    assert errors == KNOWN_NOISE.get(path.name, set()), [d.message for d in found if d.severity == "error"]
