"""The linter on adopted UN resolutions under their own body: no error, and at most one warning per
100 paragraphs, from the opener, style and citation rules (tests/test_clause_linter.py keeps the
no-error check for those; mandate, structure and punctuation are checked in their own tests).

Adopted texts are correct by definition, except where a copy in the corpus departs from the
wording the UN adopted; those departures are listed below with the reason, and the test asserts
that each is still reported (the rule is right there) and counts only the rest.
"""
from __future__ import annotations

import pytest
from shared_data import corpus_paths

from resedit.committees import load_committee
from resedit.formats import read_paper
from resedit.lint import lint, load_rules

MINE = ("opener", "style", "citation")
# file -> (code, flagged text) the copy has where the official text reads as UN style requires.
COPY_DEPARTURES = {
    # A retyped copy (its first line names the source and some of its slips): "Resolution 2118
    # (2113)" for 2118 (2013), and British -ise spellings where the official S/RES/2139 (2014)
    # has "destabilizing", "localized" and "organizations".
    "un_S_RES_2139_2014.txt": [("STY002", "destabilising"), ("CIT005", "2118 (2113)"),
                               ("STY002", "localised"), ("STY002", "organisations"),
                               ("STY002", "organisations")],
    # The draft as put to the vote (S/2024/37) writes "Member states" once; Member States
    # everywhere else.
    "un_S_RES_2722_2024.txt": [("STY001", "Member states")],
}


def _flagged(paper, d) -> str:
    clauses = {(part, pos, path): c for part, pos, path, c in paper.clauses()}
    clause = clauses[(d.location.part, d.location.clause, tuple(d.location.subclause or ()))]
    return clause.text[d.location.start:d.location.end]


@pytest.mark.corpus
@pytest.mark.parametrize("path", corpus_paths())
def test_adopted_text_gets_no_error_and_at_most_one_warning_per_100_paragraphs(path, annotator):
    body = "SC" if "S_RES" in path.name else "GA"
    paper = read_paper(path)
    rules = [r for r in load_rules() if r.category in MINE]
    found = lint(paper, rules, load_committee(body), annotator=annotator)
    assert [d.message for d in found if d.severity == "error"] == []
    got = [(d.code, _flagged(paper, d)) for d in found]
    departures = COPY_DEPARTURES.get(path.name, [])
    for departure in departures:
        assert departure in got, f"{departure} is in the copy and should be reported"
        got.remove(departure)
    paragraphs = sum(1 for _ in paper.clauses())
    assert len(got) * 100 <= paragraphs, f"{len(got)} warnings in {paragraphs} paragraphs: {got}"
