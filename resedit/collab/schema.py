"""How a WorkingPaper lives in a pycrdt Doc, and the conversions both ways.

```
meta         Map  code, committee, topic, opening
clauses      Map  clause id -> Map{place: {part, parent, order}, body: Text, deleted?: text}
sponsors     Map  state -> {by, at, order}      signatories  Map  (same)
history      Array of HistoryEntry dicts (appended; an undo removes its own entry)
comments     Array of {id, by, at, clause, text} (the dais may comment)
resolved     Map  comment id -> {by, at} (a co-sponsor resolved it)
```
- `place` is one value, so two concurrent moves of a clause never mix one's part with the
  other's parent; the clause's level follows from its parent chain.
- A delete is soft: `deleted` holds the text the deleter saw. A deleted clause shows again when
  someone changed its text meanwhile, or when it has a visible sub-clause, so an edit racing a
  delete is never hidden.
- Concurrent moves can make a cycle (A under B, B under A); the member with the smallest id is
  then shown at the top level of its part.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from pycrdt import Array, Doc, Map, Text

from resedit.collab.order import key_between
from resedit.model.edits import HEADER_FIELDS
from resedit.model.paper import PARTS, Clause, HistoryEntry, WorkingPaper

FORMAT_VERSION = 1


@dataclass
class Row:
    """One clause as stored, before the tree is built."""

    id: str
    part: str
    parent: str | None
    order: str
    text: str
    deleted: str | None  # the text the deleter saw, or None


@dataclass
class Layout:
    """The visible tree: sibling ids in order, keyed by (part, None) or (None, parent id)."""

    rows: dict[str, Row]
    children: dict[tuple[str | None, str | None], list[str]]
    parent: dict[str, tuple[str | None, str | None]]  # clause id -> its key in `children`
    part: dict[str, str]

    def siblings(self, part: str, parent_id: str | None) -> list[str]:
        return self.children.get((None, parent_id) if parent_id else (part, None), [])


def roots(doc: Doc) -> tuple[Map, Map, Map, Map, Array, Array]:
    return (doc.get("meta", type=Map), doc.get("clauses", type=Map), doc.get("sponsors", type=Map),
            doc.get("signatories", type=Map), doc.get("history", type=Array),
            doc.get("comments", type=Array))


def clause_map(part: str, parent: str | None, order: str, text: str) -> Map:
    return Map({"place": {"part": part, "parent": parent, "order": order}, "body": Text(text)})


def write_paper(doc: Doc, paper: WorkingPaper) -> None:
    """Fill an empty Doc with `paper` (done once, by whoever first shares the paper)."""
    meta, clauses, sponsors, signatories, history, _ = roots(doc)
    with doc.transaction():
        for name in HEADER_FIELDS:
            meta[name] = getattr(paper, name)
        meta["format"] = FORMAT_VERSION

        def add(part: str, parent: str | None, items: list[Clause]) -> None:
            order = None
            for clause in items:
                order = key_between(order, None)
                clauses[clause.id] = clause_map(part, parent, order, clause.text)
                add(part, clause.id, clause.children)

        for part in PARTS:
            add(part, None, paper.part(part))
        for name, target in (("sponsors", sponsors), ("signatories", signatories)):
            order = None
            for state in getattr(paper, name):
                order = key_between(order, None)
                target[state] = {"by": "", "at": "", "order": order}
        for entry in paper.history:
            history.append(asdict(entry))


def read_rows(clauses: Map) -> dict[str, Row]:
    rows = {}
    # One call into Rust for the whole map (JSON) is ~10x faster than reading it key by key.
    # A peer with an edit link could write anything: what does not fit the schema is skipped or
    # read as a default, never allowed to break everyone's view of the paper.
    for clause_id, row in json.loads(str(clauses)).items():
        if not isinstance(row, dict):
            continue
        place = row.get("place") if isinstance(row.get("place"), dict) else {}
        part = place.get("part") if place.get("part") in PARTS else "operative"
        parent = place.get("parent") if isinstance(place.get("parent"), str) else None
        body, deleted = row.get("body"), row.get("deleted")
        rows[clause_id] = Row(clause_id, part, parent or None, str(place.get("order", "")),
                              body if isinstance(body, str) else "", deleted if isinstance(deleted, str) else None)
    return rows


def layout(clauses: Map) -> Layout:
    rows = read_rows(clauses)
    kids: dict[str, list[str]] = {}
    top: list[str] = []
    for row in rows.values():
        if row.parent and row.parent in rows and row.parent != row.id:
            kids.setdefault(row.parent, []).append(row.id)
        else:
            top.append(row.id)
    # Concurrent moves can form cycles that no root reaches: break each at its smallest id.
    reached = _reach(top, kids)
    while len(reached) < len(rows):
        breaker = min(set(rows) - reached)
        kids[rows[breaker].parent].remove(breaker)
        top.append(breaker)
        reached |= _reach([breaker], kids)
    visible: dict[str, bool] = {}

    def shown(clause_id: str) -> bool:  # post-order, iterative depth is bounded by paper depth
        row = rows[clause_id]
        any_child = False
        for child in kids.get(clause_id, []):
            any_child = shown(child) or any_child
        visible[clause_id] = row.deleted is None or row.deleted != row.text or any_child
        return visible[clause_id]

    for clause_id in top:
        shown(clause_id)
    children: dict[tuple[str | None, str | None], list[str]] = {}
    parent_of: dict[str, tuple[str | None, str | None]] = {}
    part_of: dict[str, str] = {}

    def place(key: tuple[str | None, str | None], ids: list[str], part: str) -> None:
        ordered = sorted((i for i in ids if visible[i]), key=lambda i: (rows[i].order, i))
        children[key] = ordered
        for clause_id in ordered:
            parent_of[clause_id] = key
            part_of[clause_id] = part
            place((None, clause_id), kids.get(clause_id, []), part)

    for part in PARTS:
        place((part, None), [i for i in top if rows[i].part == part], part)
    return Layout(rows, children, parent_of, part_of)


def _reach(start: list[str], kids: dict[str, list[str]]) -> set[str]:
    seen, stack = set(), list(start)
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.add(node)
            stack.extend(kids.get(node, []))
    return seen


def ordered_states(target: Map) -> list[str]:
    def order(value) -> str:
        return str(value.get("order", "")) if isinstance(value, dict) else ""

    return [state for state, _ in sorted(target.items(), key=lambda kv: (order(kv[1]), kv[0]))]


def read_paper(doc: Doc) -> WorkingPaper:
    """The paper as everyone with this Doc sees it."""
    meta, clauses, sponsors, signatories, history, _ = roots(doc)
    with doc.transaction():
        tree = layout(clauses)

        def build(key) -> list[Clause]:
            return [Clause(tree.rows[i].text, build((None, i)), id=i) for i in tree.children.get(key, [])]

        paper = WorkingPaper(**{name: str(meta.get(name) or "") for name in HEADER_FIELDS})
        paper.preamble = build(("preamble", None))
        paper.operative = build(("operative", None))
        paper.sponsors = ordered_states(sponsors)
        paper.signatories = ordered_states(signatories)
        paper.history = [entry for _, entry in history_rows(history)]
    return paper


def history_rows(history: Array) -> list[tuple[int, HistoryEntry]]:
    """(index in the Array, entry) for every item that reads as a HistoryEntry, in order.

    What a peer wrote outside the schema is skipped, so the model's history index k is the
    Array index `history_rows(...)[k][0]`; AppendHistory/DropHistory map through it.
    """
    rows = []
    for i, entry in enumerate(history.to_py() or []):
        if not isinstance(entry, dict):
            continue
        try:
            rows.append((i, HistoryEntry(**{k: str(v) for k, v in entry.items()})))
        except TypeError:
            continue  # an entry written by a newer format: skip rather than fail
    return rows


def comments(doc: Doc) -> list[dict]:
    """Every comment, oldest first, with `resolved` ({by, at} or None) and an `id`."""
    done = doc.get("resolved", type=Map).to_py() or {}
    out = []
    for n, item in enumerate(roots(doc)[5].to_py() or []):
        if isinstance(item, dict):
            key = str(item.get("id") or f"#{n}")
            out.append({**item, "id": key, "resolved": done.get(key)})
    return out

