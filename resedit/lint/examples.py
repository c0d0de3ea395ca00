"""Turn a rule's examples into papers, so one test can run every rule's pass/fail examples.

A one-line example is a clause placed alone in its rule's part of a minimal valid paper; a
multi-line example is a whole paper in the text layout; a mapping {text, committee} picks the
profile to lint under.
"""
from __future__ import annotations

from resedit.committees import DEFAULT_COMMITTEE, Committee, load_committee
from resedit.formats.text import read_text
from resedit.lint.rules import Rule
from resedit.model import Clause, WorkingPaper

_PREAMBLE = "Recalling its resolution 27/2 of 18 May 2018,"
_OPERATIVE = "Requests the Secretariat to report on the implementation of the present resolution."
_PARENT = "Urges Member States to:"


def example_paper(rule: Rule, example) -> tuple[WorkingPaper, Committee]:
    if isinstance(example, dict):
        text, code = example["text"], example.get("committee", DEFAULT_COMMITTEE)
    else:
        text, code = example, DEFAULT_COMMITTEE
    committee = load_committee(code)
    text = text.strip("\n")
    if "\n" in text:
        return read_text(text), committee
    paper = WorkingPaper(code=f"{committee.code}/1/1", committee=committee.name,
                         topic="Example topic", opening=committee.opening + ",",
                         sponsors=["Brazil", "Viet Nam"])
    clause = Clause(text=text)
    if rule.scope == "preamble":
        paper.preamble, paper.operative = [clause], [Clause(_OPERATIVE)]
    elif rule.scope == "subclause":
        paper.preamble, paper.operative = [Clause(_PREAMBLE)], [Clause(_PARENT, children=[clause])]
    else:
        paper.preamble, paper.operative = [Clause(_PREAMBLE)], [clause]
    return paper, committee


def iter_examples(rule: Rule):
    """(expectation 'fail'|'pass', example) for each example of a rule."""
    for expectation in ("fail", "pass"):
        for example in rule.examples.get(expectation) or []:
            yield expectation, example
