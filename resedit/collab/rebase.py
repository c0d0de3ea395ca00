"""Three-way merge of one clause's text: pending local typing rebased onto someone else's change.

    merged = rebase(base, mine, theirs, cursor)

`base` is the text both sides last agreed on (what the editor last synced with the shared
document), `mine` the local text (with typing not yet applied), `theirs` the text the shared
document holds now (someone else's change applied to `base`). The result holds both changes:

- every character either side inserted is kept, and each side's insertions stay contiguous, so
  a word typed on either side arrives whole;
- a character of `base` is dropped when either side deleted it;
- when both sides insert at the same place, `mine` comes first: the typist's cursor stays at the
  end of their own typing, and the other person's words start right after it (they keep typing
  at the end of their own word, so neither splits the other's); a space goes between the two
  when they would otherwise run together as one word.

`cursor` (a code-point offset into `mine`) comes back mapped into the merged text: it stays after
one's own typing and before what the other side inserted there. Pure and standard library only:
the editor runs it on every remote change, a host may run it for peers that send whole texts.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Merged:
    text: str
    cursor: int


@dataclass
class _Side:
    """One side's change to `base` by slot: inserts[k] goes before base[k] (k == len(base): the end)."""

    inserts: dict[int, str]
    deleted: set[int]


_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _diff(base: str, other: str) -> _Side:
    """`other` as a change of `base`.

    The unchanged start and end are found character by character: typing is usually one stretch,
    found exactly so. What lies between, when both texts have something there, is compared word
    by word (words, spaces and punctuation marks are the units): a word someone typed is never
    explained as letters of `base` that happen to match, which the other side may have deleted.
    """
    side = _Side({}, set())
    limit = min(len(base), len(other))
    head = 0
    while head < limit and base[head] == other[head]:
        head += 1
    tail = 0
    while tail < limit - head and base[len(base) - 1 - tail] == other[len(other) - 1 - tail]:
        tail += 1
    if head == len(base) - tail or head == len(other) - tail:  # one insertion or one deletion
        if len(other) > len(base):
            side.inserts[head] = other[head:len(other) - tail]
            return side
        side.deleted.update(range(head, len(base) - tail))
        return _slid_left(base, side)
    # Changed in several places: widen to whole words, so no word is cut where the texts diverge.
    while head and _is_word(base[head - 1]):
        head -= 1
    while tail and _is_word(base[len(base) - tail]):
        tail -= 1
    old, new = base[head:len(base) - tail], other[head:len(other) - tail]
    old_words, new_words = _TOKEN.findall(old), _TOKEN.findall(new)
    starts = [head]
    for token in old_words:
        starts.append(starts[-1] + len(token))
    matcher = difflib.SequenceMatcher(str.isspace, old_words, new_words, autojunk=False)  # words anchor, spaces do not
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if j2 > j1:
            side.inserts[starts[i1]] = side.inserts.get(starts[i1], "") + "".join(new_words[j1:j2])
        side.deleted.update(range(starts[i1], starts[i2]))
    return _slid_left(base, side)


def _slid_left(base: str, side: _Side) -> _Side:
    """Each stretch deleted alone moved as far left as it reads the same ("b0 b1 b2" -> "b0 b2"
    deletes " b1", never "b1 "): both sides then delete the same characters for the same words,
    instead of one space each and the two neighbours running together."""
    for start in sorted(k for k in side.deleted if k - 1 not in side.deleted):
        end = start
        while end in side.deleted:
            end += 1
        if any(k in side.inserts for k in range(start, end + 1)):
            continue
        while start and start - 1 not in side.inserts and base[start - 1] == base[end - 1]:
            start, end = start - 1, end - 1
            side.deleted.discard(end)
            side.deleted.add(start)
    return side


def _exact(base: str, theirs: str, changes: list[tuple[int, int, str]] | None) -> _Side | None:
    """The side given as changes, or None when they do not turn `base` into `theirs`."""
    if changes is None:
        return None
    side, pieces, at = _Side({}, set()), [], 0
    for start, end, text in changes:
        if not at <= start <= end <= len(base):
            return None
        pieces += [base[at:start], text]
        if text:
            side.inserts[start] = side.inserts.get(start, "") + text
        side.deleted.update(range(start, end))
        at = end
    return side if "".join(pieces) + base[at:] == theirs else None


def rebase(base: str, mine: str, theirs: str, cursor: int | None = None,
           their_changes: list[tuple[int, int, str]] | None = None) -> Merged:
    """`mine` and `theirs`, both changes of `base`, merged; `cursor` (into `mine`) mapped into it.

    A cursor of None means the end of `mine`. `their_changes`, when known (the shared document
    says exactly what arrived), are the changes base -> theirs as (start, end, inserted) in
    `base` code points, in order: then where they were made is not guessed from the texts
    (which cannot tell which of two equal spaces someone typed).
    """
    if cursor is None:
        cursor = len(mine)
    if not 0 <= cursor <= len(mine):
        raise IndexError(f"cursor {cursor} outside a text of {len(mine)} characters")
    if theirs == base or mine == theirs:
        return Merged(mine, cursor)
    local, remote = _diff(base, mine), _exact(base, theirs, their_changes) or _diff(base, theirs)
    touched = [*local.inserts, *local.deleted, *remote.inserts, *remote.deleted]
    lo, hi = min(touched), max(touched)  # slots outside lo..hi are base, unchanged on both sides
    out: list[str] = [base[:lo]]
    mapped = cursor if cursor < lo else None
    lp = tp = mp = lo  # where we are in `mine`, in `theirs` and in the merged text
    last = (base[lo - 1:lo], lo, lo)  # the last piece out: text, its end in mine, its end in theirs

    def put(piece: str, at_mine: int | None, at_theirs: int | None) -> None:
        # Pieces from different sides never run together into one word: two words typed at one
        # spot, or a word typed next to a space the other side deleted, stay two words.
        nonlocal mp, last
        together = (at_mine is not None and at_mine == last[1]) or (at_theirs is not None and at_theirs == last[2])
        if last[0] and _is_word(last[0][-1]) and _is_word(piece[0]) and not together:
            out.append(" ")
            mp += 1
        out.append(piece)
        mp += len(piece)
        last = (piece, None if at_mine is None else at_mine + len(piece),
                None if at_theirs is None else at_theirs + len(piece))

    for k in range(lo, hi + 1):
        own, other = local.inserts.get(k, ""), remote.inserts.get(k, "")
        if own:
            put(own, lp, None)
        if mapped is None and lp <= cursor <= lp + len(own):
            mapped = mp - len(own) + cursor - lp
        lp += len(own)
        if other:
            put(other, None, tp)
            tp += len(other)
        if k < len(base):
            kept_here, kept_there = k not in local.deleted, k not in remote.deleted
            if kept_here and kept_there:
                put(base[k], lp, tp)
            lp += kept_here
            tp += kept_there
    if mapped is None:  # in the unchanged end
        mapped = mp + cursor - lp
    if hi + 1 < len(base):
        before = mp
        put(base[hi + 1:], lp, tp)
        if mapped >= before and cursor > lp:
            mapped += mp - before - (len(base) - hi - 1)  # after a space put before the end
    return Merged("".join(out), mapped)
