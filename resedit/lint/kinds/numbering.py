"""numbering rule kinds."""
from resedit.lint.kinds.base import Kind

KINDS: dict[str, Kind] = {}
