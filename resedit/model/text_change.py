"""The smallest change between two versions of a text, and where a cursor goes across it.

Shared by co-drafting (resedit.collab.offsets writes only what changed into the CRDT) and the
editor (a cursor stays with its own words when someone else changes the clause). Code points.
"""
from __future__ import annotations


def splice(old: str, new: str, cursor: int | None = None) -> tuple[int, int, str]:
    """The smallest single change turning `old` into `new`: (start, end, inserted), in code points.

    Keeping the unchanged prefix and suffix out of the change is what lets two people typing in
    the same clause both keep their words. `cursor` (where the typist's cursor is in `new`)
    places an insertion that could go in several places (a space typed next to a space) where
    it was typed, so the shared text anchors it after the typist's own characters.
    """
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    grown = len(new) - len(old)
    if cursor is not None and grown > 0 and 0 <= cursor - grown < start \
            and new[cursor:] == old[cursor - grown:]:
        return cursor - grown, cursor - grown, new[cursor - grown:cursor]
    tail = 0
    while tail < limit - start and old[len(old) - 1 - tail] == new[len(new) - 1 - tail]:
        tail += 1
    return start, len(old) - tail, new[start:len(new) - tail]


def shift_offset(old: str, new: str, offset: int) -> int:
    """Where a cursor at code-point `offset` in `old` belongs once someone else turned it into `new`.

    For the editor on remote changes: text inserted before the cursor pushes it right, so one's
    own typing continues where it was instead of landing inside another delegate's words.
    """
    start, end, inserted = splice(old, new)
    if offset <= start:
        return offset
    if offset >= end:
        return offset + len(inserted) - (end - start)
    return start + len(inserted)
