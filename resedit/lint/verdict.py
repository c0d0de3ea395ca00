"""What the opener analysis says of one clause (resedit.lint.opening and opening_subject)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    problem: str  # "" (fine), "whereas", "misspelt", "subject", "form"
    start: int = 0  # span of the opener in the clause text
    end: int = 0
    found: str = ""
    suggestion: str = ""
    detail: str = ""  # what the opener is, for the message: "the base form", "a participle" ...


OK = Verdict("")
