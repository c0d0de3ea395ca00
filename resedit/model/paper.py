"""WorkingPaper and Clause: what a working paper is, independent of any file format or UI.

Equality compares content only (ids and source lines are excluded), so a paper read back from
what a writer emitted compares equal to the original.
"""
from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

PARTS = ("preamble", "operative")


def new_clause_id() -> str:
    return uuid.uuid4().hex[:12]


@dataclass
class Clause:
    """One paragraph: its text (without its number or letter) and its sub-clauses."""

    text: str
    children: list[Clause] = field(default_factory=list)
    # The number or letter as written in the source ("3", "a", "ii"); None when it had none.
    # Kept so numbering rules can compare what was typed against the position.
    label: str | None = field(default=None, compare=False)
    line: int | None = field(default=None, compare=False)
    id: str = field(default_factory=new_clause_id, compare=False)

    def find_descendant(self, clause_id: str) -> Clause | None:
        for _, clause in self.walk():
            if clause.id == clause_id:
                return clause
        return None

    def walk(self, path: tuple[int, ...] = ()) -> Iterator[tuple[tuple[int, ...], Clause]]:
        """Yield (path, clause) for this clause and every descendant, depth first."""
        yield path, self
        for i, child in enumerate(self.children):
            yield from child.walk(path + (i,))


@dataclass
class HistoryEntry:
    """One change to the sponsor/signatory lists: who did what, when (ISO 8601 UTC)."""

    at: str
    who: str
    action: str  # add | remove | withdraw
    state: str
    role: str  # sponsor | signatory
    note: str = ""


@dataclass
class WorkingPaper:
    code: str = ""
    committee: str = ""
    topic: str = ""
    sponsors: list[str] = field(default_factory=list)
    signatories: list[str] = field(default_factory=list)
    # The organ's opening line as written, e.g. "The Commission on Crime Prevention and Criminal Justice,"
    opening: str = ""
    preamble: list[Clause] = field(default_factory=list)
    operative: list[Clause] = field(default_factory=list)
    history: list[HistoryEntry] = field(default_factory=list)
    # Suppressions typed in the paper: (rule code, clause id or None for the whole paper).
    suppressions: list[tuple[str, str | None]] = field(default_factory=list, compare=False)
    # Source lines of header fields and the opening line, e.g. {"code": 1, "opening": 7}.
    lines: dict[str, int] = field(default_factory=dict, compare=False)
    # What a reader noticed but could not represent, e.g. "tracked changes were pending".
    notes: list[str] = field(default_factory=list, compare=False)
    # Co-drafting comments (a shared copy): {"clause": id, "by": name, "text": ..., "resolved": ...}.
    comments: list[dict] = field(default_factory=list, compare=False)

    def part(self, name: str) -> list[Clause]:
        return self.preamble if name == "preamble" else self.operative

    def clauses(self) -> Iterator[tuple[str, int, tuple[int, ...], Clause]]:
        """Yield (part, 1-based position, sub-clause path, clause) for every clause and sub-clause."""
        for part in PARTS:
            for pos, top in enumerate(self.part(part), start=1):
                for path, clause in top.walk():
                    yield part, pos, path, clause

    def find(self, clause_id: str) -> Clause | None:
        for _, _, _, clause in self.clauses():
            if clause.id == clause_id:
                return clause
        return None
