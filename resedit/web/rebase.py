"""Putting a browser's change to one clause on top of what others typed meanwhile.

The browser sends (base, text): the clause as it last had it from the host and as the delegate
has it now. The host finds the delegate's change (one splice, base -> text), finds the others'
changes (piece by piece, base -> current) and makes the delegate's change to the current text.
Nobody's typed words are dropped: where the two overlap, both insertions are kept (the
delegate's deletion there yields). static/app.js does the same with one splice a side.
"""
from __future__ import annotations

import difflib

from resedit.collab.offsets import splice


def rebase_edit(base: str, mine: str, current: str) -> str:
    """`current` with the change base -> mine made to it."""
    if current == base or mine == current:
        return mine
    if mine == base:
        return current
    start, end, inserted = splice(base, mine)
    shift = 0
    matcher = difflib.SequenceMatcher(None, base, current, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i2 <= start and not (i1 == i2 == start == end):
            shift += (j2 - j1) - (i2 - i1)  # entirely before the delegate's change
        elif i1 >= end:
            break  # this and the rest lie after it
        else:
            # Overlap: keep the others' text and put the delegate's words beside it.
            at = j1 if start <= i1 else j2
            return current[:at] + inserted + current[at:]
    return current[:start + shift] + inserted + current[end + shift:]
