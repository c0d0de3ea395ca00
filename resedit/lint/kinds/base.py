"""What every rule kind shares: the Kind record, parameter checks, and clause locations."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from resedit.model import Clause, Location, WorkingPaper


@dataclass(frozen=True)
class Kind:
    run: Callable  # (rule, ctx) -> Iterable[Hit]
    needs_nlp: bool = False
    params: tuple[str, ...] = ()  # parameter names a rule of this kind may set
    required: tuple[str, ...] = ()

    def validate(self, params: dict) -> None:
        unknown = set(params) - set(self.params)
        if unknown:
            raise ValueError(f"unknown parameter(s) {', '.join(sorted(unknown))}; "
                             f"this kind takes {', '.join(self.params) or 'none'}")
        missing = [p for p in self.required if p not in params]
        if missing:
            raise ValueError(f"missing parameter(s) {', '.join(missing)}")


def where(part: str, position: int, path: tuple[int, ...], clause: Clause,
          start: int | None = None, end: int | None = None) -> Location:
    return Location(part=part, clause=position, subclause=path, line=clause.line,
                    start=start, end=end, clause_id=clause.id)


def in_scope(scope: str, paper: WorkingPaper) -> Iterator[tuple[str, int, tuple[int, ...], Clause]]:
    """(part, position, path, clause) for the clauses a rule of this scope looks at.

    preamble / operative: the top-level clauses of that part; subclause: every sub-clause;
    clause: every clause and sub-clause of both parts.
    """
    for part, position, path, clause in paper.clauses():
        if scope == "clause" or (scope == "subclause" and path) or (scope == part and not path):
            yield part, position, path, clause
