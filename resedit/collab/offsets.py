"""The one place where code-point offsets become the UTF-8 byte offsets pycrdt.Text expects.

pycrdt.Text insert/delete/len count UTF-8 bytes while Python strings count code points; an
offset in the middle of a character fails silently, so every text edit goes through here.
"""
from __future__ import annotations

import difflib

from pycrdt import Text

from resedit.model.text_change import splice


def byte_offset(text: str, index: int) -> int:
    """UTF-8 byte offset of code-point `index` in `text` (0 <= index <= len(text))."""
    if not 0 <= index <= len(text):
        raise IndexError(f"offset {index} outside a text of {len(text)} characters")
    return len(text[:index].encode("utf-8"))


def set_text(ytext: Text, new: str, cursor: int | None = None) -> None:
    """Make `ytext` read `new` by deleting and inserting only what differs (must be in a transaction)."""
    new.encode("utf-8")  # a lone surrogate cannot be stored: fail before touching the document
    old = str(ytext)
    start, end, inserted = splice(old, new, cursor)
    at = byte_offset(old, start)
    if end > start:
        length = len(old[start:end].encode("utf-8"))
        del ytext[at:at + length]
    if inserted:
        ytext.insert(at, inserted)


def rebase(base: str, mine: str, current: str) -> str:
    """Make one's own change (base -> mine) to a text others changed meanwhile (base -> current).

    Undo in a shared clause: undoing one's last words must not also undo what others typed since.
    Others' changes are found piece by piece (difflib); only when one of them overlaps one's own
    stretch is there no clean answer, and then one's own version wins.
    """
    if current == base:
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
            shift += (j2 - j1) - (i2 - i1)  # entirely before one's own change
        elif i1 >= end:
            continue  # entirely after it
        else:
            return mine
    return current[:start + shift] + inserted + current[end + shift:]


def delta_changes(old: str, delta: list[dict]) -> list[tuple[int, int, str]] | None:
    """A pycrdt TextEvent delta (UTF-8 byte counts) as (start, end, inserted) changes of `old`
    in code points, in order; None when it does not fit `old`."""
    changes: list[tuple[int, int, str]] = []
    data = old.encode("utf-8")
    at = 0  # byte offset in old

    def points(offset: int) -> int:
        return len(data[:offset].decode("utf-8"))

    try:
        for op in delta:
            if "retain" in op:
                at += int(op["retain"])
            elif "delete" in op:
                start = points(at)
                at += int(op["delete"])
                changes.append((start, points(at), ""))
            elif "insert" in op and isinstance(op["insert"], str):
                changes.append((points(at), points(at), op["insert"]))
            else:
                return None
    except UnicodeDecodeError:
        return None
    if at > len(data):
        return None
    merged: list[tuple[int, int, str]] = []
    for start, end, text in changes:  # an insert right after a delete at one place: one change
        if merged and merged[-1][1] == start and (not merged[-1][2] or start == end):
            s0, _, t0 = merged[-1]
            merged[-1] = (s0, end, t0 + text)
        else:
            merged.append((start, end, text))
    return merged
