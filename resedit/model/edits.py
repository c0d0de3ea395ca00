"""Edits to a WorkingPaper as values: apply one and get back its inverse.

The editor keeps its undo stack as inverses; co-drafting maps the same edits onto the CRDT.
Split, merge, indent and outdent are Batches of these primitives. A sponsor or signatory change
is a Batch of SetList and AppendHistory, so one undo takes back both the name and its record.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass

from resedit.model.paper import Clause, HistoryEntry, WorkingPaper

HEADER_FIELDS = ("code", "committee", "topic", "opening")
LIST_FIELDS = ("sponsors", "signatories")


@dataclass(frozen=True)
class SetText:
    clause_id: str
    text: str


@dataclass(frozen=True)
class InsertClause:
    part: str  # preamble | operative
    parent_id: str | None  # None: a top-level clause of the part
    index: int
    clause: Clause


@dataclass(frozen=True)
class DeleteClause:
    clause_id: str


@dataclass(frozen=True)
class MoveClause:
    clause_id: str
    part: str
    parent_id: str | None
    index: int  # position in the destination list after removal from the source


@dataclass(frozen=True)
class SetField:
    field: str  # one of HEADER_FIELDS
    value: str


@dataclass(frozen=True)
class SetList:
    field: str  # sponsors | signatories
    states: tuple[str, ...]


@dataclass(frozen=True)
class AppendHistory:
    """Record one sponsor/signatory change at the end of `paper.history`.

    `index` is only set by the inverse of a DropHistory that removed an entry other than the
    newest: it puts the entry back where it was.
    """

    entry: HistoryEntry
    index: int | None = None


@dataclass(frozen=True)
class DropHistory:
    """Remove the last history entry equal to `entry` (the inverse of AppendHistory)."""

    entry: HistoryEntry


@dataclass(frozen=True)
class Batch:
    edits: tuple


Edit = (SetText | InsertClause | DeleteClause | MoveClause | SetField | SetList | AppendHistory | DropHistory
        | Batch)


class EditError(ValueError):
    """An edit names a clause or position that does not exist."""


def locate(paper: WorkingPaper, clause_id: str) -> tuple[str, str | None, list[Clause], int]:
    """(part, parent id or None, the list holding the clause, its index there)."""
    for part in ("preamble", "operative"):
        found = _search(paper.part(part), clause_id, None)
        if found:
            return (part, *found)
    raise EditError(f"no clause with id {clause_id}")


def _search(siblings: list[Clause], clause_id: str, parent_id: str | None):
    for i, clause in enumerate(siblings):
        if clause.id == clause_id:
            return parent_id, siblings, i
        found = _search(clause.children, clause_id, clause.id)
        if found:
            return found
    return None


def _siblings(paper: WorkingPaper, part: str, parent_id: str | None) -> list[Clause]:
    if parent_id is None:
        return paper.part(part)
    parent = paper.find(parent_id)
    if parent is None:
        raise EditError(f"no clause with id {parent_id}")
    return parent.children


def last_history_index(history: list[HistoryEntry], entry: HistoryEntry) -> int | None:
    """Index of the last entry equal to `entry` (what DropHistory removes), or None."""
    for i in range(len(history) - 1, -1, -1):
        if history[i] == entry:
            return i
    return None


def apply(paper: WorkingPaper, edit: Edit) -> Edit:
    """Apply `edit` to `paper` in place; return the edit that undoes it."""
    if isinstance(edit, SetText):
        _, _, siblings, i = locate(paper, edit.clause_id)
        old = siblings[i].text
        siblings[i].text = edit.text
        return SetText(edit.clause_id, old)
    if isinstance(edit, InsertClause):
        siblings = _siblings(paper, edit.part, edit.parent_id)
        if not 0 <= edit.index <= len(siblings):
            raise EditError(f"cannot insert at {edit.index} of {len(siblings)}")
        siblings.insert(edit.index, copy.deepcopy(edit.clause))
        return DeleteClause(edit.clause.id)
    if isinstance(edit, DeleteClause):
        part, parent_id, siblings, i = locate(paper, edit.clause_id)
        clause = siblings.pop(i)
        return InsertClause(part, parent_id, i, clause)
    if isinstance(edit, MoveClause):
        part, parent_id, siblings, i = locate(paper, edit.clause_id)
        clause = siblings.pop(i)
        try:
            target = _siblings(paper, edit.part, edit.parent_id)
            if clause.find_descendant(edit.parent_id) if edit.parent_id else False:
                raise EditError("cannot move a clause into itself")
            if not 0 <= edit.index <= len(target):
                raise EditError(f"cannot move to {edit.index} of {len(target)}")
        except EditError:
            siblings.insert(i, clause)
            raise
        target.insert(edit.index, clause)
        return MoveClause(edit.clause_id, part, parent_id, i)
    if isinstance(edit, SetField):
        if edit.field not in HEADER_FIELDS:
            raise EditError(f"unknown header field {edit.field}")
        old = getattr(paper, edit.field)
        setattr(paper, edit.field, edit.value)
        return SetField(edit.field, old)
    if isinstance(edit, SetList):
        if edit.field not in LIST_FIELDS:
            raise EditError(f"unknown list {edit.field}")
        old = tuple(getattr(paper, edit.field))
        setattr(paper, edit.field, list(edit.states))
        return SetList(edit.field, old)
    if isinstance(edit, AppendHistory):
        if not isinstance(edit.entry, HistoryEntry):
            raise EditError(f"not a history entry: {edit.entry!r}")
        index = len(paper.history) if edit.index is None else edit.index
        if not 0 <= index <= len(paper.history):
            raise EditError(f"cannot put a history entry at {index} of {len(paper.history)}")
        paper.history.insert(index, copy.copy(edit.entry))
        return DropHistory(edit.entry)
    if isinstance(edit, DropHistory):
        index = last_history_index(paper.history, edit.entry)
        if index is None:
            raise EditError(f"no such history entry: {edit.entry!r}")
        del paper.history[index]
        return AppendHistory(edit.entry, None if index == len(paper.history) else index)
    if isinstance(edit, Batch):
        undo = []
        try:
            for sub in edit.edits:
                undo.append(apply(paper, sub))
        except EditError:
            for inverse in reversed(undo):  # all or nothing
                apply(paper, inverse)
            raise
        return Batch(tuple(reversed(undo)))
    raise TypeError(f"not an edit: {edit!r}")
