"""SharedDocument: the editor's document interface (like resedit.editor.document.LocalDocument) on a CRDT.

`apply(edit)` validates the edit against the paper with resedit.model.edits (so errors and
inverses are the editor's own), then writes it into the pycrdt Doc in one transaction:
SetText as the minimal splice, InsertClause as new order keys, DeleteClause as a soft delete,
MoveClause as one new place, SetField/SetList as map writes, AppendHistory/DropHistory as an insert
into / a delete from the history Array, Batch as one transaction.
Listeners hear `(edit, origin)` with origin local | undo | redo | remote | load; for a remote
change the edit is an empty Batch (re-read `paper`; keep the cursor where it is, moved by
offsets.shift_offset) and `remote_hints` says which texts, fields and lists changed.
Update listeners hear every CRDT update `(bytes, origin)`, which is how the store and the
network see changes. Undo only undoes one's own edits.
"""
from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from pycrdt import Doc, Map, TextEvent

from resedit.collab import schema
from resedit.collab.offsets import rebase
from resedit.collab.order import key_between
from resedit.collab.remote import changes_of, hints, patched
from resedit.collab.writes import CrdtWriter, now_utc
from resedit.model.edits import HEADER_FIELDS, LIST_FIELDS, Batch, Edit, EditError, SetList, SetText
from resedit.model.edits import apply as apply_edit
from resedit.model.paper import WorkingPaper
from resedit.model.undo import COALESCE_SECONDS, UndoStep

Listener = Callable[[Edit, str], None]
UpdateListener = Callable[[bytes, Any], None]
ROLES = ("edit", "sign", "read")


class ReadOnlyError(EditError):
    """This peer joined as a signatory or the dais: its edits are refused."""


@dataclass
class Peer:
    """Someone connected to the paper and where they are (clause id and code-point offset)."""

    id: int
    name: str
    role: str
    clause: str | None = None
    offset: int = 0


class SharedDocument(CrdtWriter):
    def __init__(self, doc: Doc | None = None, *, role: str = "edit", who: str = ""):
        if role not in ROLES:
            raise ValueError(f"unknown role {role}")
        self.role = role
        self.who = who
        self.version = 0
        self.saved_version = 0
        self.peers: list[Peer] = []
        self.me: int | None = None  # this peer's id among `peers` (the host is 0)
        self.connection: tuple[str, int] = ("offline", 0)  # connected | reconnecting | offline, unsent
        self.remote_hints: Batch = Batch(())  # what the last remote change touched (texts, fields, lists)
        # Set by the client: sends a command ({"t": "sign", ...}) for the host to apply.
        self.command_sink: Callable[[dict], None] | None = None
        # Set by the client: publishes this peer's cursor (clause id, offset).
        self.cursor_sink: Callable[[str | None, int], None] | None = None
        # Conference rules for signing (a profile name or path; None: the default profile).
        self.conference: Any = None
        self._listeners: list[Listener] = []
        self._update_listeners: list[UpdateListener] = []
        self._peer_listeners: list[Callable[[list[Peer]], None]] = []
        self._notice_listeners: list[Callable[[str, bool], None]] = []
        self._undo: list[UndoStep] = []
        self._redo: list[UndoStep] = []
        self._origin: Any = "local"
        self._paper: WorkingPaper | None = None
        self._keep_paper = False
        self._tracking = False  # while a remote update applies: which texts changed, or more
        self._changed_texts: dict[str, str] = {}
        self._deltas: dict[str, list] = {}
        self._structural = False
        # What the last remote update did to each clause text: id -> (text before, changes as
        # offsets.delta_changes gives them), so the editor rebases typing at the exact places.
        self.remote_changes: dict[str, tuple[str, list[tuple[int, int, str]] | None]] = {}
        self._cursor: tuple[str | None, int] = (None, 0)
        self._attach(doc or Doc())

    @classmethod
    def from_paper(cls, paper: WorkingPaper, **kwargs) -> SharedDocument:
        document = cls(**kwargs)
        schema.write_paper(document.doc, paper)
        document._paper = None
        return document

    def _attach(self, doc: Doc) -> None:
        self.doc = doc
        self._meta, self._clauses, self._sponsors, self._signatories, self._history, self._comments = (
            schema.roots(doc))
        self._subscription = doc.observe(self._on_transaction)
        self._clauses.observe_deep(self._on_clause_events)
        for root in (self._meta, self._sponsors, self._signatories, self._history, self._comments,
                     doc.get("resolved", type=Map)):
            root.observe_deep(self._on_other_events)

    # -- what the editor reads -------------------------------------------------------------
    @property
    def paper(self) -> WorkingPaper:
        if self._paper is None:
            self._paper = schema.read_paper(self.doc)
        return self._paper

    @property
    def read_only(self) -> bool:
        return self.role != "edit"

    @property
    def dirty(self) -> bool:
        """Never: every change is already in this peer's durable copy (and the host's)."""
        return False

    def mark_saved(self) -> None:
        self.saved_version = self.version

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def add_update_listener(self, listener: UpdateListener) -> None:
        self._update_listeners.append(listener)

    def add_peer_listener(self, listener: Callable[[list[Peer]], None]) -> None:
        """Hear who is connected and where (the editor's presence bar)."""
        self._peer_listeners.append(listener)

    def notify_peers(self) -> None:
        for listener in list(self._peer_listeners):
            listener(self.peers)

    def comments(self) -> list[dict]:
        return schema.comments(self.doc)

    def deleted_clauses(self) -> list[tuple[str, str]]:
        """(clause id, text) of soft-deleted clauses: nothing deleted is ever gone for good."""
        with self.doc.transaction():
            tree = schema.layout(self._clauses)
        return [(row.id, row.text) for row in tree.rows.values() if row.id not in tree.part]

    # -- editing ---------------------------------------------------------------------------
    def apply(self, edit: Edit, coalesce: object | None = None) -> None:
        """Apply a local edit; consecutive edits with the same `coalesce` key undo as one step."""
        inverse = self._apply(edit)
        now = time.monotonic()
        last = self._undo[-1] if self._undo else None
        if (coalesce is not None and last is not None and last.key == coalesce
                and now - last.at < COALESCE_SECONDS and not self._redo):
            last.redo, last.at = edit, now
        else:
            self._undo.append(UndoStep(inverse, edit, coalesce, now))
        self._redo.clear()
        self._changed(edit, "local")

    def _apply(self, edit: Edit) -> Edit:
        if self.read_only:
            raise ReadOnlyError(f"joined as {self.role}: this copy cannot be edited")
        if isinstance(edit, SetText):
            # Typing, the hot path: the cached paper takes the edit as the CRDT does (no rebuild).
            paper = self.paper
            inverse = apply_edit(paper, edit)  # validates; raises EditError
            self._keep_paper = True
            try:
                with self.doc.transaction(origin="local"):
                    self._write(edit)
            except BaseException:
                self._paper = None
                raise
            finally:
                self._keep_paper = False
            self._paper = paper
            return inverse
        inverse = apply_edit(copy.deepcopy(self.paper), edit)  # validates; raises EditError
        with self.doc.transaction(origin="local"):
            self._write(edit)
        return inverse

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> Edit | None:
        return self._step(self._undo, self._redo, "undo")

    def redo(self) -> Edit | None:
        return self._step(self._redo, self._undo, "redo")

    def _step(self, source: list[UndoStep], target: list[UndoStep], origin: str) -> Edit | None:
        """Apply the newest step of `source`; a text step only undoes one's own words (rebased)."""
        while source:
            step = source.pop()
            try:
                edit = self._rebased(step)
                inverse = self._apply(edit)
            except EditError:
                continue  # someone else removed what this step touched: skip it
            if _is_text_step(step):
                target.append(UndoStep(step.redo, step.inverse, None, time.monotonic()))
            else:
                target.append(UndoStep(inverse, edit, None, time.monotonic()))
            self._changed(edit, origin)
            return edit
        return None

    def _rebased(self, step: UndoStep) -> Edit:
        if not _is_text_step(step):
            return step.inverse
        clause = self.paper.find(step.inverse.clause_id)
        if clause is None:
            raise EditError(f"no clause with id {step.inverse.clause_id}")
        return SetText(clause.id, rebase(step.redo.text, step.inverse.text, clause.text))

    def break_coalescing(self) -> None:
        if self._undo:
            self._undo[-1].key = None

    def load(self, paper: WorkingPaper) -> None:
        """Make the shared paper read as `paper` (e.g. a recovered journal), as one change.

        Clauses keep their ids where they still exist, so only what differs is rewritten.
        """
        if self.read_only:
            raise ReadOnlyError(f"joined as {self.role}: this copy cannot be edited")
        with self.doc.transaction(origin="local"):
            for name in HEADER_FIELDS:
                self._meta[name] = getattr(paper, name)
            for name in LIST_FIELDS:
                self._set_list(name, list(getattr(paper, name)))
            self._set_history(paper.history)
            tree = schema.layout(self._clauses)
            for part in ("preamble", "operative"):
                for clause_id in tree.siblings(part, None):
                    self._delete(clause_id)
                for i, clause in enumerate(paper.part(part)):
                    self._insert(part, None, i, clause)
        self._undo.clear()
        self._redo.clear()
        self._changed(None, "load")

    def set_cursor(self, clause_id: str | None, offset: int = 0) -> None:
        """Tell the others which clause this peer is on (a code-point offset, never a StickyIndex)."""
        self._cursor = (clause_id, offset)
        if self.cursor_sink is not None:
            self.cursor_sink(clause_id, offset)

    def sign(self, state: str) -> None:
        """Sign as `state`: editors write it; signatories ask the host, which applies it."""
        if self.role == "edit":
            self.host_sign(state, self.who)
        elif self.role == "sign":
            if self.command_sink is None:
                raise ReadOnlyError("not connected to the host: signing waits for the connection")
            self.command_sink({"t": "sign", "state": state})
        else:
            raise ReadOnlyError("the dais does not sign papers")

    def comment(self, clause_id: str | None, text: str) -> None:
        if self.role == "edit":
            self.host_comment(clause_id, text, self.who)
        elif self.command_sink is not None:
            self.command_sink({"t": "comment", "clause": clause_id, "text": text})
        else:
            raise ReadOnlyError("not connected to the host")

    # -- what the host applies for others --------------------------------------------------
    def host_sign(self, typed: str, by: str) -> str:
        """Add `typed` as a signatory under the same rules as `resedit sponsors --add`.

        Returns the official short name written into the list; raises
        resedit.sponsorship.changes.Refused with the reason (misspelt name with the suggestion,
        already listed, already a sponsor, ...) and leaves the paper unchanged.
        """
        from resedit.lint.body import choose_body
        from resedit.sponsorship import changes

        typed = " ".join(str(typed).split())
        if not typed:
            raise changes.Refused("say which State signs: sign STATE")
        current = self.paper
        trial = copy.copy(current)
        trial.sponsors, trial.signatories = list(current.sponsors), list(current.signatories)
        trial.history = list(current.history)
        committee = choose_body(current)
        change = changes.add(trial, typed, "signatory", committee=committee, conference=self.conference,
                             who=by or "unknown", at=now_utc())
        entry = change.entry
        with self.doc.transaction(origin="local"):
            last = max((str(v.get("order", "")) for v in self._signatories.values() if isinstance(v, dict)),
                       default=None)
            self._signatories[entry.state] = {"by": entry.who, "at": entry.at, "order": key_between(last, None)}
            self._history.append(asdict(entry))
        self._changed(Batch((SetList("signatories", tuple(self.paper.signatories)),)), "local")
        return entry.state

    def host_comment(self, clause_id: str | None, text: str, by: str) -> None:
        import secrets

        with self.doc.transaction(origin="local"):
            self._comments.append({"id": secrets.token_hex(6), "by": by, "at": now_utc(), "clause": clause_id,
                                   "text": text})
        self._changed(Batch(()), "local")

    def resolve_comment(self, comment_id: str) -> None:
        """Co-sponsors mark a comment resolved (it stays, marked, for the record)."""
        if self.role != "edit":
            raise ReadOnlyError("only co-sponsors resolve comments")
        with self.doc.transaction(origin="local"):
            self.doc.get("resolved", type=Map)[comment_id] = {"by": self.who, "at": now_utc()}
        self._changed(Batch(()), "local")

    def add_notice_listener(self, listener: Callable[[str, bool], None]) -> None:
        """Hear what the host answered to a command: (message, accepted)."""
        self._notice_listeners.append(listener)

    def notice(self, message: str, ok: bool) -> None:
        for listener in list(self._notice_listeners):
            listener(message, ok)

    # -- remote updates --------------------------------------------------------------------
    def apply_remote(self, update: bytes, origin: Any = "remote") -> None:
        """Merge an update from another peer (or a stored copy) and tell the listeners."""
        before = self.paper if self._listeners else None
        cached = self._paper
        self._origin, self._tracking = origin, True
        self._changed_texts, self._structural, self._deltas = {}, False, {}
        try:
            self.doc.apply_update(update)
        finally:
            self._origin, self._tracking = "local", False
        self._paper = None
        if cached is not None and not self._structural:
            # Only clause texts changed (someone typing): patch a copy instead of rebuilding.
            self._paper = patched(cached, self._changed_texts)
        if self._listeners:
            # Listeners get an empty Batch ("re-read the paper"), not the changed clause, so an
            # editor that follows undo/redo edits does not pull its cursor to where others type.
            self.remote_hints = hints(before, self.paper)
            self.remote_changes = changes_of(before, self._deltas)
            self._changed(Batch(()), "remote")
        else:
            self.version += 1

    def reset(self) -> None:
        """Forget this copy (after the host refused a write): the next sync reloads it all."""
        self.doc.unobserve(self._subscription)
        self._attach(Doc())
        self._undo.clear()
        self._redo.clear()
        self._paper = None
        self._changed(Batch(()), "remote")

    def _on_transaction(self, event) -> None:
        if not self._keep_paper and not self._tracking:
            self._paper = None
        for listener in list(self._update_listeners):
            listener(event.update, self._origin)

    def _on_clause_events(self, events) -> None:
        if not self._tracking:
            return
        for event in events:
            path = event.path
            if isinstance(event, TextEvent) and len(path) == 2 and path[1] == "body" \
                    and "deleted" not in self._clauses[path[0]]:  # a deleted clause's text decides if it shows
                self._changed_texts[path[0]] = str(event.target)
                if path[0] == self._cursor[0]:  # only where this peer types: the delta costs
                    self._deltas.setdefault(path[0], []).append(event.delta)
            else:
                self._structural = True

    def _on_other_events(self, events) -> None:
        if self._tracking:
            self._structural = True

    def _changed(self, edit: Edit, origin: str) -> None:
        self.version += 1
        for listener in list(self._listeners):
            listener(edit, origin)


def _is_text_step(step: UndoStep) -> bool:
    return (isinstance(step.inverse, SetText) and isinstance(step.redo, SetText)
            and step.inverse.clause_id == step.redo.clause_id)
