"""What a remote update changed, worked out for the editor (SharedDocument.apply_remote)."""
from __future__ import annotations

import copy

from resedit.collab.offsets import delta_changes
from resedit.model.edits import HEADER_FIELDS, LIST_FIELDS, Batch, Edit, SetField, SetList, SetText
from resedit.model.paper import Clause, WorkingPaper


def patched(paper: WorkingPaper, texts: dict[str, str]) -> WorkingPaper | None:
    """A copy of `paper` with new clause texts (None when a clause is not there: rebuild)."""
    if not texts:
        return paper
    fresh = copy.copy(paper)
    found = 0

    def redo(clauses: list[Clause]) -> list[Clause]:
        nonlocal found
        out = []
        for clause in clauses:
            children = redo(clause.children)
            if clause.id in texts or children is not clause.children:
                found += clause.id in texts
                clause = Clause(texts.get(clause.id, clause.text), children, clause.label, clause.line, clause.id)
            out.append(clause)
        return out if any(a is not b for a, b in zip(out, clauses)) else clauses

    fresh.preamble, fresh.operative = redo(paper.preamble), redo(paper.operative)
    return fresh if found == len(texts) else None


def changes_of(before: WorkingPaper | None, deltas: dict[str, list]) -> dict:
    """Each clause text a remote update changed: (its text before, the exact changes or None)."""
    out = {}
    for clause_id, events in deltas.items():
        clause = before.find(clause_id) if before is not None else None
        if clause is not None:
            out[clause_id] = (clause.text, delta_changes(clause.text, events[0]) if len(events) == 1 else None)
    return out


def hints(before: WorkingPaper | None, after: WorkingPaper) -> Batch:
    """What a remote update changed, as edits the editor understands (texts, fields, lists)."""
    if before is None:
        return Batch(())
    hints: list[Edit] = []
    old = {c.id: c.text for _, _, _, c in before.clauses()}
    for _, _, _, clause in after.clauses():
        if clause.id in old and old[clause.id] != clause.text:
            hints.append(SetText(clause.id, clause.text))
    for name in HEADER_FIELDS:
        if getattr(before, name) != getattr(after, name):
            hints.append(SetField(name, getattr(after, name)))
    for name in LIST_FIELDS:
        if getattr(before, name) != getattr(after, name):
            hints.append(SetList(name, tuple(getattr(after, name))))
    return Batch(tuple(hints))
