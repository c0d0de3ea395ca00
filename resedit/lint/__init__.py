"""The linter: rules from clause_rules.yaml, run by kind, producing Diagnostics."""
from resedit.lint.engine import Context, Hit, lint
from resedit.lint.rules import Rule, load_rules

__all__ = ["Context", "Hit", "lint", "Rule", "load_rules"]
