"""The one place where code-point offsets become the UTF-8 byte offsets pycrdt.Text expects.

pycrdt.Text insert/delete/len count UTF-8 bytes while Python strings count code points; an
offset in the middle of a character fails silently, so every text edit goes through here.
"""
from __future__ import annotations

import difflib

from pycrdt import Text


def byte_offset(text: str, index: int) -> int:
    """UTF-8 byte offset of code-point `index` in `text` (0 <= index <= len(text))."""
    if not 0 <= index <= len(text):
        raise IndexError(f"offset {index} outside a text of {len(text)} characters")
    return len(text[:index].encode("utf-8"))


def splice(old: str, new: str) -> tuple[int, int, str]:
    """The smallest single change turning `old` into `new`: (start, end, inserted), in code points.

    Keeping the unchanged prefix and suffix out of the change is what lets two people typing in
    the same clause both keep their words.
    """
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    tail = 0
    while tail < limit - start and old[len(old) - 1 - tail] == new[len(new) - 1 - tail]:
        tail += 1
    return start, len(old) - tail, new[start:len(new) - tail]


def set_text(ytext: Text, new: str) -> None:
    """Make `ytext` read `new` by deleting and inserting only what differs (must be in a transaction)."""
    new.encode("utf-8")  # a lone surrogate cannot be stored: fail before touching the document
    old = str(ytext)
    start, end, inserted = splice(old, new)
    at = byte_offset(old, start)
    if end > start:
        length = len(old[start:end].encode("utf-8"))
        del ytext[at:at + length]
    if inserted:
        ytext.insert(at, inserted)


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
