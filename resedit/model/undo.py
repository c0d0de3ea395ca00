"""The undo record both documents keep (the editor's LocalDocument and co-drafting's
SharedDocument): an edit's inverse and the edit itself, and how typing is grouped into one step."""
from __future__ import annotations

from dataclasses import dataclass

# Keystrokes in one clause less than this far apart undo as one step.
COALESCE_SECONDS = 1.5


@dataclass
class UndoStep:
    inverse: object  # the Edit that undoes the step
    redo: object  # the Edit that does it again
    key: object | None  # what consecutive typing must share to join this step (e.g. a clause id)
    at: float  # time.monotonic() of the last edit folded in
