"""The registry of rule kinds: the `kind:` a rule names in clause_rules.yaml -> the code that runs it.

An explicit table, so what exists is readable in one place. Add a kind here with its module.
"""
from resedit.lint.kinds import citation, mandate, numbering, opener, punctuation, sponsorship, structure, style
from resedit.lint.kinds.base import Kind

KINDS: dict[str, Kind] = {
    **structure.KINDS,
    **punctuation.KINDS,
    **numbering.KINDS,
    **opener.KINDS,
    **style.KINDS,
    **citation.KINDS,
    **mandate.KINDS,
    **sponsorship.KINDS,
}
