"""Linting for the editor: structural rules at once in-process (the lint process sends the
model's findings as resedit.report.json_report.to_wire). No Textual, no spaCy.
"""
from __future__ import annotations

from resedit.committees import Committee
from resedit.lint.body import choose_body
from resedit.lint.pipeline import Checked, Options, check_paper
from resedit.lint.rules import Rule
from resedit.model.paper import WorkingPaper


def committee_for(paper: WorkingPaper) -> Committee:
    """The body the paper is checked under (resedit.lint.body: the same rule as `check`)."""
    return choose_body(paper)


def nlp_rule_ids(rules: tuple[Rule, ...]) -> set[str]:
    from resedit.lint.kinds import KINDS
    return {r.id for r in rules if r.kind in KINDS and KINDS[r.kind].needs_nlp}


def lint_fast(paper: WorkingPaper, rules: tuple[Rule, ...] | None = None) -> Checked:
    """The rules that need no language model: cheap enough to run after every key press."""
    return check_paper(paper, Options(rules=rules))
