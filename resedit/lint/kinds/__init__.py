"""The registry of rule kinds: the `kind:` a rule names in clause_rules.yaml -> the code that runs it.

An explicit table, so what exists is readable in one place. Add a kind here with its module.
"""
from resedit.lint.kinds.base import Kind
from resedit.lint.kinds import structure, punctuation, numbering
from resedit.lint.kinds import sponsorship
from resedit.lint.kinds import mandate

KINDS: dict[str, Kind] = {
    **structure.KINDS,
    **punctuation.KINDS,
    **numbering.KINDS,
    # issue 3 (NLP linter): opener, style, citation kinds go here
    **mandate.KINDS,  # issue 4
    **sponsorship.KINDS,  # issue 5
}
