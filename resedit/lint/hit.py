"""What a rule kind found (resedit.lint.kinds), before the engine makes it a Diagnostic."""
from __future__ import annotations

from dataclasses import dataclass, field

from resedit.model import Location


@dataclass
class Hit:
    """What a kind found: where, values for the message template, and suggested replacements."""

    location: Location
    values: dict = field(default_factory=dict)
    suggestions: list[str] = field(default_factory=list)
