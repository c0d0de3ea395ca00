"""The paper as the outline shows it, and the structural edits the editor's keys make. No Textual.

Rows come in display order: header fields, then the preamble, then operative clauses with their
sub-clauses. Labels are computed from position (1., (a), (i), a., i.), so renumbering is automatic.
Each operation returns an Edit (often a Batch) for the document, or None when it does not apply.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from resedit.formats.labels import label_for
from resedit.model.paper import Clause, WorkingPaper

if TYPE_CHECKING:
    from resedit.model.edits import Edit
# resedit.model.edits is imported where an edit is built: its dataclasses take ~10 ms to create,
# and the editor's first paint needs none of them (the app's warm-up loads it right after).

HEADER_ROWS = (("code", "Code"), ("committee", "Committee"), ("topic", "Topic"),
               ("opening", "Opening"))


@dataclass(frozen=True)
class Row:
    key: str  # a clause id, "field:<name>" for a header field, or "sponsors"
    part: str  # header | preamble | operative
    depth: int  # 0 top level; 1 (a); 2 (i) ...
    label: str  # "3.", "(b)", "" for preambular clauses, "Topic" for header rows
    text: str

    @property
    def is_clause(self) -> bool:
        return self.part in ("preamble", "operative")


def header_rows(paper: WorkingPaper) -> list[Row]:
    out = [Row(f"field:{name}", "header", 0, title, getattr(paper, name)) for name, title in HEADER_ROWS]
    backers = f"{len(paper.sponsors)} sponsors, {len(paper.signatories)} signatories"
    out.append(Row("sponsors", "header", 0, "Sponsors", backers))
    return out


def rows(paper: WorkingPaper) -> list[Row]:
    out = header_rows(paper)
    for part in ("preamble", "operative"):
        for position, top in enumerate(paper.part(part), start=1):
            for path, clause in top.walk():
                out.append(Row(clause.id, part, len(path), label_for(part, position, path), clause.text))
    return out


def clause_rows(paper: WorkingPaper) -> list[Row]:
    return [r for r in rows(paper) if r.is_clause]


def new_clause_after(paper: WorkingPaper, clause_id: str | None, part: str = "preamble",
                     text: str = "") -> tuple[Edit, str]:
    """Insert an empty clause after `clause_id` (or at the end of `part`); returns (edit, new id)."""
    from resedit.model.edits import InsertClause, locate

    clause = Clause(text)
    if clause_id is None:
        return InsertClause(part, None, len(paper.part(part)), clause), clause.id
    part, parent_id, _, i = locate(paper, clause_id)
    return InsertClause(part, parent_id, i + 1, clause), clause.id


def split(paper: WorkingPaper, clause_id: str, offset: int) -> tuple[Edit, str]:
    """Cut the clause at `offset`: the tail becomes a new clause after it (Enter)."""
    from resedit.model.edits import Batch, InsertClause, SetText, locate

    part, parent_id, siblings, i = locate(paper, clause_id)
    text = siblings[i].text
    head, tail = text[:offset].rstrip(), text[offset:].lstrip()
    new = Clause(tail)
    return Batch((SetText(clause_id, head), InsertClause(part, parent_id, i + 1, new))), new.id


def previous_row(paper: WorkingPaper, clause_id: str) -> Row | None:
    crow = clause_rows(paper)
    index = next(i for i, r in enumerate(crow) if r.key == clause_id)
    return crow[index - 1] if index > 0 else None


def merge_into_previous(paper: WorkingPaper, clause_id: str) -> tuple[Edit, str, int] | None:
    """Join the clause onto the row above it (Backspace at the start); returns (edit, id, cursor)."""
    from resedit.model.edits import Batch, DeleteClause, MoveClause, SetText

    prev = previous_row(paper, clause_id)
    if prev is None:
        return None
    clause, target = paper.find(clause_id), paper.find(prev.key)
    head = target.text.rstrip()
    joined = f"{head} {clause.text}" if head and clause.text else head + clause.text
    edits: list[Edit] = [SetText(target.id, joined)]
    base = len(target.children) if target.id != clause_id else 0
    for n, child in enumerate(clause.children):  # sub-clauses follow onto the clause they join
        edits.append(MoveClause(child.id, prev.part, target.id, base + n))
    edits.append(DeleteClause(clause_id))
    return Batch(tuple(edits)), target.id, len(head) + (1 if head and clause.text else 0)


def indent(paper: WorkingPaper, clause_id: str) -> Edit | None:
    """Make the clause the last sub-clause of the clause before it at its level."""
    from resedit.model.edits import MoveClause, locate

    part, _, siblings, i = locate(paper, clause_id)
    if i == 0:
        return None
    new_parent = siblings[i - 1]
    return MoveClause(clause_id, part, new_parent.id, len(new_parent.children))


def outdent(paper: WorkingPaper, clause_id: str) -> Edit | None:
    """Lift a sub-clause to its parent's level, right after the parent."""
    from resedit.model.edits import MoveClause, locate

    part, parent_id, _, _ = locate(paper, clause_id)
    if parent_id is None:
        return None
    _, grand_id, parent_siblings, p = locate(paper, parent_id)
    return MoveClause(clause_id, part, grand_id, p + 1)


def move(paper: WorkingPaper, clause_id: str, step: int) -> Edit | None:
    """Move among siblings by one; a top-level clause crosses between preamble and operative."""
    from resedit.model.edits import MoveClause, locate

    part, parent_id, siblings, i = locate(paper, clause_id)
    j = i + step
    if 0 <= j < len(siblings):
        return MoveClause(clause_id, part, parent_id, j)
    if parent_id is None and part == "operative" and step < 0:
        return MoveClause(clause_id, "preamble", None, len(paper.preamble))
    if parent_id is None and part == "preamble" and step > 0:
        return MoveClause(clause_id, "operative", None, 0)
    return None


def switch_part(paper: WorkingPaper, clause_id: str) -> Edit | None:
    """Move a top-level clause to the other part, at the boundary between the two."""
    from resedit.model.edits import MoveClause, locate

    part, parent_id, _, _ = locate(paper, clause_id)
    if parent_id is not None:
        return None
    if part == "preamble":
        return MoveClause(clause_id, "operative", None, 0)
    return MoveClause(clause_id, "preamble", None, len(paper.preamble))
