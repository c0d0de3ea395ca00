"""One path from a paper to its findings: `check`, `review`, the editor and co-drafting use it.

`check_paper(paper, options)` picks the body (resedit.lint.body: one rule everywhere), runs the
rules and returns the findings with the body used and the sponsorship analysis, computed once
(the sponsorship rules and the report share it).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from resedit.committees import Committee
from resedit.lint.body import choose_body
from resedit.lint.engine import lint
from resedit.lint.rules import Rule, load_rules
from resedit.model import Diagnostic, WorkingPaper


@dataclass(frozen=True)
class Options:
    committee: Committee | None = None  # --committee: overrides what the paper names
    rules: tuple[Rule, ...] | list[Rule] | None = None  # None: every rule in clause_rules.yaml
    annotator: object | None = None  # resedit.nlp.Annotator; None: the model's rules are skipped
    conference: object | None = None  # conference profile or its name; None: the default
    present: int | None = None  # delegations present, when the threshold counts attendance


@dataclass
class Checked:
    paper: WorkingPaper
    committee: Committee  # the body the paper was checked under
    findings: list[Diagnostic]
    options: Options = field(default_factory=Options)
    _memo: dict = field(default_factory=dict, repr=False)

    @property
    def sponsorship(self):
        """The resedit.sponsorship Analysis: the one the sponsorship rules used, else made now."""
        if self._memo.get("sponsorship") is None:
            from resedit.sponsorship.analysis import analyse

            self._memo["sponsorship"] = analyse(self.paper, self.committee, self.options.conference,
                                                self.options.present)
        return self._memo["sponsorship"]


def check_paper(paper: WorkingPaper, options: Options = Options()) -> Checked:
    committee = choose_body(paper, options.committee)
    rules = load_rules() if options.rules is None else options.rules
    memo: dict = {}
    findings = lint(paper, rules, committee, annotator=options.annotator,
                    conference=options.conference, present=options.present, memo=memo)
    return Checked(paper, committee, findings, options, memo)
