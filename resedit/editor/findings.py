"""Linting for the editor: structural rules at once in-process, and Diagnostic <-> JSON for the
lint process. No Textual, no spaCy.
"""
from __future__ import annotations

from resedit.committees import Committee, find_committee, load_committee
from resedit.lint.engine import lint
from resedit.lint.rules import Rule, load_rules
from resedit.model.diagnostic import Diagnostic, Location
from resedit.model.paper import WorkingPaper


def committee_for(paper: WorkingPaper) -> Committee:
    return find_committee(paper.committee) or load_committee(None)


def nlp_rule_ids(rules: tuple[Rule, ...]) -> set[str]:
    from resedit.lint.kinds import KINDS
    return {r.id for r in rules if r.kind in KINDS and KINDS[r.kind].needs_nlp}


def lint_fast(paper: WorkingPaper, rules: tuple[Rule, ...] | None = None) -> list[Diagnostic]:
    """The rules that need no language model: cheap enough to run after every key press."""
    rules = load_rules() if rules is None else rules
    return lint(paper, rules, committee_for(paper), annotator=None)


def diagnostic_to_dict(d: Diagnostic) -> dict:
    loc = d.location
    return {"code": d.code, "name": d.name, "category": d.category, "severity": d.severity,
            "message": d.message, "explain": d.explain, "suggestions": list(d.suggestions),
            "cite": d.cite,
            "location": {"part": loc.part, "clause": loc.clause, "subclause": list(loc.subclause),
                         "line": loc.line, "start": loc.start, "end": loc.end,
                         "clause_id": loc.clause_id}}


def diagnostic_from_dict(data: dict) -> Diagnostic:
    loc = dict(data["location"])
    loc["subclause"] = tuple(loc["subclause"])
    return Diagnostic(**{**data, "location": Location(**loc)})
