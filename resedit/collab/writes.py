"""How each edit is written into the pycrdt Doc (inside one transaction): SharedDocument's half
that knows the schema (resedit.collab.schema). SetText becomes the minimal splice, InsertClause
new order keys, DeleteClause a soft delete, MoveClause one new place, SetField/SetList map
writes, AppendHistory/DropHistory an insert into / a delete from the history Array."""
from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime

from pycrdt import Map, Text

from resedit.collab import schema
from resedit.collab.offsets import set_text
from resedit.collab.order import key_between, keys_for_insert
from resedit.model.edits import (
    AppendHistory,
    Batch,
    DeleteClause,
    DropHistory,
    Edit,
    EditError,
    InsertClause,
    MoveClause,
    SetField,
    SetList,
    SetText,
    last_history_index,
)
from resedit.model.paper import Clause, HistoryEntry


class CrdtWriter:
    """Mixed into SharedDocument, which provides the roots (_meta, _clauses, ...) and who/_cursor."""

    def _write(self, edit: Edit) -> None:
        if isinstance(edit, SetText):
            cursor = self._cursor[1] if self._cursor[0] == edit.clause_id else None
            self._set_body(self._clauses[edit.clause_id], edit.text, cursor)
        elif isinstance(edit, SetField):
            self._meta[edit.field] = edit.value
        elif isinstance(edit, SetList):
            self._set_list(edit.field, list(edit.states))
        elif isinstance(edit, InsertClause):
            self._insert(edit.part, edit.parent_id, edit.index, edit.clause)
        elif isinstance(edit, DeleteClause):
            self._delete(edit.clause_id)
        elif isinstance(edit, MoveClause):
            self._move(edit)
        elif isinstance(edit, AppendHistory):
            rows = schema.history_rows(self._history)
            at = len(rows) if edit.index is None else edit.index
            entry = asdict(edit.entry)
            if at < len(rows):
                self._history.insert(rows[at][0], entry)
            else:
                self._history.append(entry)
        elif isinstance(edit, DropHistory):
            rows = schema.history_rows(self._history)
            index = last_history_index([entry for _, entry in rows], edit.entry)
            if index is None:  # validated against the paper first: only a schema break gets here
                raise EditError(f"no such history entry: {edit.entry!r}")
            del self._history[rows[index][0]]
        elif isinstance(edit, Batch):
            for sub in edit.edits:
                self._write(sub)
        else:
            raise TypeError(f"not an edit: {edit!r}")

    @staticmethod
    def _set_body(row: Map, text: str, cursor: int | None = None) -> None:
        body = row.get("body")
        if isinstance(body, Text):
            set_text(body, text, cursor)
        else:  # written by a peer that did not follow the schema: start a fresh text
            row["body"] = Text(text)

    def _place_at(self, part: str, parent_id: str | None, index: int, exclude: str | None = None) -> dict:
        tree = schema.layout(self._clauses)
        siblings = [i for i in tree.siblings(part, parent_id) if i != exclude]
        keys = [tree.rows[i].order for i in siblings]
        key, rekeyed = keys_for_insert(keys, index)
        for position, new_key in rekeyed.items():
            row = self._clauses[siblings[position]]
            row["place"] = {**row["place"], "order": new_key}
        return {"part": part, "parent": parent_id, "order": key}

    def _insert(self, part: str, parent_id: str | None, index: int, clause: Clause) -> None:
        place = self._place_at(part, parent_id, index)
        if clause.id in self._clauses:  # undoing a delete: revive the same clause in its new place
            row = self._clauses[clause.id]
            row["place"] = place
            if "deleted" in row:
                del row["deleted"]
            self._set_body(row, clause.text)
        else:
            self._clauses[clause.id] = schema.clause_map(part, parent_id, place["order"], clause.text)
        for i, child in enumerate(clause.children):
            self._insert(part, clause.id, i, child)

    def _delete(self, clause_id: str) -> None:
        tree = schema.layout(self._clauses)
        stack = [clause_id]
        while stack:
            current = stack.pop()
            self._clauses[current]["deleted"] = tree.rows[current].text
            stack.extend(tree.children.get((None, current), []))

    def _move(self, edit: MoveClause) -> None:
        self._clauses[edit.clause_id]["place"] = self._place_at(
            edit.part, edit.parent_id, edit.index, exclude=edit.clause_id)

    def _set_history(self, history: list[HistoryEntry]) -> None:
        """Make the history read as `history`: keep the common start, replace the rest."""
        rows = schema.history_rows(self._history)
        keep = 0
        while keep < min(len(rows), len(history)) and rows[keep][1] == history[keep]:
            keep += 1
        for index, _ in reversed(rows[keep:]):
            del self._history[index]
        for entry in history[keep:]:
            self._history.append(asdict(entry))

    def _set_list(self, name: str, states: list[str]) -> None:
        target: Map = self._sponsors if name == "sponsors" else self._signatories
        current = schema.ordered_states(target)
        for state in current:
            if state not in states:
                del target[state]
        kept = [s for s in current if s in states]
        if kept != [s for s in states if s in kept]:
            kept = []  # the order changed: give every state a fresh key
        keys = {s: str(target[s].get("order", "")) if isinstance(target[s], dict) else "" for s in kept}
        at = now_utc()
        previous = None
        for i, state in enumerate(states):
            if state in keys:
                previous = keys[state]
                continue
            upcoming = next((keys[s] for s in states[i + 1:] if s in keys), None)
            previous = key_between(previous, upcoming)
            entry = dict(target[state]) if state in target and isinstance(target[state], dict) \
                else {"by": self.who, "at": at}
            target[state] = {**entry, "order": previous}


def now_utc() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
