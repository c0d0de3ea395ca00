"""Adopted UN texts as extracted, under their own body, raise no structural, punctuation or
numbering finding about their clauses (any severity)."""
from __future__ import annotations

from pathlib import Path

import pytest
from shared_data import corpus_paths

from resedit.committees import load_committee
from resedit.formats import read_paper
from resedit.lint import lint, load_rules


def body(path: Path) -> str:
    """Each adopted text under its own body: the Security Council's S/RES, the Assembly's A/RES."""
    return "SC" if path.name.startswith("un_S_RES_") else "GA"


# A working paper's header lines (Code:, Committee:, Topic:): an adopted resolution has none.
WORKING_PAPER_HEADER = {"STR001", "STR002", "STR003"}
# True of the text itself: 80/9 adopts a declaration with no preamble (see the corpus README).
TRUE_FINDINGS: dict[str, set[str]] = {"un_A_RES_80_9.txt": {"STR020"}}


@pytest.mark.corpus
@pytest.mark.parametrize("path", corpus_paths())
def test_no_structural_finding_on_adopted_texts(path):
    rules = [r for r in load_rules() if r.category in ("structure", "punctuation", "numbering")
             and r.id not in WORKING_PAPER_HEADER]
    paper = read_paper(path)
    found = lint(paper, rules, load_committee(body(path)))
    assert {d.code for d in found} == TRUE_FINDINGS.get(path.name, set()), \
        [f"{d.code} {d.location.part} {d.location.clause}: {d.message}" for d in found]
