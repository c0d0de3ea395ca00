"""Diagnostic: one finding of the linter, located by part, clause position and sub-clause path."""
from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
CATEGORIES = ("structure", "opener", "punctuation", "numbering", "mandate", "sponsorship",
              "citation", "style")
LOCATION_PARTS = ("header", "preamble", "operative", "sponsors", "document")


def subclause_label(path: tuple[int, ...]) -> str | None:
    """Sub-clause path as the contract writes it: (0,) -> "a", (1, 1) -> "b.ii"; () -> None."""
    if not path:
        return None
    out = []
    for depth, index in enumerate(path):
        out.append(roman(index + 1) if depth % 2 else letter(index))
    return ".".join(out)


def letter(index: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa (UN practice doubles the letter)."""
    return chr(ord("a") + index % 26) * (index // 26 + 1)


def roman(number: int) -> str:
    values = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
              (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for value, numeral in values:
        while number >= value:
            out += numeral
            number -= value
    return out


@dataclass
class Location:
    part: str  # one of LOCATION_PARTS
    clause: int | None = None  # 1-based position within the part
    subclause: tuple[int, ...] = ()  # path of 0-based indexes below the clause
    line: int | None = None
    start: int | None = None  # character offsets in the clause text
    end: int | None = None
    clause_id: str | None = None  # not in the JSON contract; lets the editor jump to the clause

    def to_json(self) -> dict:
        return {"part": self.part, "clause": self.clause,
                "subclause": subclause_label(self.subclause), "line": self.line,
                "start": self.start, "end": self.end}


@dataclass
class Diagnostic:
    code: str
    name: str
    category: str
    severity: str
    message: str
    location: Location
    explain: str = ""
    suggestions: list[str] = field(default_factory=list)
    cite: str = ""

    def to_json(self) -> dict:
        return {"code": self.code, "name": self.name, "category": self.category,
                "severity": self.severity, "message": self.message, "explain": self.explain,
                "location": self.location.to_json(), "suggestions": list(self.suggestions)}
