"""LocalDocument: the one owner of the paper the editor shows, with undo/redo. Free of Textual.

Every change goes through `apply(edit)` (edits from resedit.model.edits); the inverse it returns
goes on the undo stack. Listeners hear of every change, so the editor redraws and relints.
`Document` is the interface the editor relies on; co-drafting swaps in its own document
(resedit.collab.document.SharedDocument) that satisfies it.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from resedit.model.paper import WorkingPaper
from resedit.model.undo import COALESCE_SECONDS, UndoStep

if TYPE_CHECKING:  # resedit.model.edits loads with the first edit (not needed for the first paint)
    from resedit.model.edits import Edit

Listener = Callable[["Edit | None", str], None]  # (edit, origin: local | undo | redo | remote | load)
PeerListener = Callable[[list[Any]], None]  # the people connected, for the presence bar


@runtime_checkable
class Document(Protocol):
    """What the editor needs of the paper it shows (LocalDocument, or co-drafting's SharedDocument)."""

    version: int  # counts changes; the editor compares it to see whether something changed

    @property
    def paper(self) -> WorkingPaper: ...

    @property
    def dirty(self) -> bool: ...

    def apply(self, edit: Edit, coalesce: object | None = None) -> None: ...

    def undo(self) -> Edit | None: ...

    def redo(self) -> Edit | None: ...

    def can_undo(self) -> bool: ...

    def can_redo(self) -> bool: ...

    def break_coalescing(self) -> None: ...

    def load(self, paper: WorkingPaper) -> None: ...

    def mark_saved(self) -> None: ...

    def add_listener(self, listener: Listener) -> None: ...

    def add_peer_listener(self, listener: PeerListener) -> None: ...


def apply_edit(paper: WorkingPaper, edit: Edit) -> Edit:
    from resedit.model.edits import apply

    return apply(paper, edit)


class LocalDocument:
    def __init__(self, paper: WorkingPaper | None = None):
        self.paper = paper or WorkingPaper()
        self.version = 0
        self.saved_version = 0
        self._undo: list[UndoStep] = []
        self._redo: list[UndoStep] = []
        self._listeners: list[Listener] = []

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def add_peer_listener(self, listener: PeerListener) -> None:
        """A paper edited alone has no peers: the listener is never called."""

    def apply(self, edit: Edit, coalesce: object | None = None) -> None:
        """Apply an edit; consecutive edits with the same `coalesce` key undo as one step."""
        inverse = apply_edit(self.paper, edit)
        now = time.monotonic()
        last = self._undo[-1] if self._undo else None
        if (coalesce is not None and last is not None and last.key == coalesce
                and now - last.at < COALESCE_SECONDS and not self._redo):
            last.redo, last.at = edit, now  # keep the oldest inverse: undo restores the start
        else:
            self._undo.append(UndoStep(inverse, edit, coalesce, now))
        self._redo.clear()
        self._changed(edit, "local")

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> Edit | None:
        """Undo the last step; returns the edit applied (so the editor can place the cursor)."""
        if not self._undo:
            return None
        step = self._undo.pop()
        redo = apply_edit(self.paper, step.inverse)
        self._redo.append(UndoStep(redo, step.inverse, None, time.monotonic()))
        self._changed(step.inverse, "undo")
        return step.inverse

    def redo(self) -> Edit | None:
        if not self._redo:
            return None
        step = self._redo.pop()
        inverse = apply_edit(self.paper, step.inverse)
        self._undo.append(UndoStep(inverse, step.inverse, None, time.monotonic()))
        self._changed(step.inverse, "redo")
        return step.inverse

    def break_coalescing(self) -> None:
        """The next edit starts a new undo step (e.g. the cursor moved to another clause)."""
        if self._undo:
            self._undo[-1].key = None

    def load(self, paper: WorkingPaper) -> None:
        """Replace the whole paper (recovering a journal): history cleared, counted as unsaved."""
        self.paper = paper
        self._undo.clear()
        self._redo.clear()
        self._changed(None, "load")

    def mark_saved(self) -> None:
        self.saved_version = self.version

    @property
    def dirty(self) -> bool:
        return self.version != self.saved_version

    def _changed(self, edit: Edit, origin: str) -> None:
        self.version += 1
        for listener in list(self._listeners):
            listener(edit, origin)
