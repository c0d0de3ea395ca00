"""Structural rules on papers built in code (what the editor hands the linter)."""
from __future__ import annotations

from resedit.committees import load_committee
from resedit.lint import lint, load_rules
from resedit.model import Clause, WorkingPaper


def test_an_empty_new_clause_gets_no_ending_finding_until_typed():
    paper = WorkingPaper(opening="The Commission on Crime Prevention and Criminal Justice,",
                         preamble=[Clause("Recalling its resolution 27/2,"), Clause("")],
                         operative=[Clause(""), Clause("Urges Member States to act.")])
    rules = [r for r in load_rules() if r.category == "punctuation"]
    assert lint(paper, rules, load_committee("CCPCJ")) == []
    paper.preamble[1].text = "Noting the report"
    found = lint(paper, rules, load_committee("CCPCJ"))
    assert [(d.code, d.location.clause) for d in found] == [("PUN001", 2)]
