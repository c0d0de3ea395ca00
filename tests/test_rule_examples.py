"""Every rule in clause_rules.yaml carries examples, and each behaves as its examples say."""
from __future__ import annotations

import pytest

from resedit.lint import lint, load_rules
from resedit.lint.examples import example_paper, iter_examples

RULES = load_rules()
CASES = [(rule, expectation, example) for rule in RULES
         for expectation, example in iter_examples(rule)]


def test_every_rule_has_pass_and_fail_examples():
    for rule in RULES:
        kinds = {expectation for expectation, _ in iter_examples(rule)}
        assert kinds == {"fail", "pass"}, rule.id


@pytest.mark.parametrize("rule,expectation,example", CASES,
                         ids=[f"{r.id}-{e}-{i}" for i, (r, e, _) in enumerate(CASES)])
def test_rule_example(rule, expectation, example, annotator):
    paper, committee = example_paper(rule, example)
    # An unused suppression is only known once every other rule has run.
    to_run = RULES if rule.kind == "unused-suppression" else [rule]
    found = [d for d in lint(paper, to_run, committee, annotator=annotator) if d.code == rule.id]
    if expectation == "fail":
        assert found, f"{rule.id} should fire on: {example!r}"
    else:
        assert not found, f"{rule.id} should not fire on {example!r}: {[d.message for d in found]}"
