"""The registry of rule kinds: the `kind:` a rule names in clause_rules.yaml -> the code that runs it.

An explicit table, so what exists is readable in one place. Add a kind here with its module.
"""
from resedit.lint.kinds.base import Kind
from resedit.lint.kinds import structure, punctuation, numbering
from resedit.lint.kinds import sponsorship
from resedit.lint.kinds import mandate
from resedit.lint.kinds import opener, style, citation

KINDS: dict[str, Kind] = {
    **structure.KINDS,
    **punctuation.KINDS,
    **numbering.KINDS,
    **opener.KINDS,  # issue 3
    **style.KINDS,  # issue 3
    **citation.KINDS,  # issue 3
    **mandate.KINDS,  # issue 4
    **sponsorship.KINDS,  # issue 5
}
