"""Fractional order keys: a clause's place among its siblings is a string, so a move is one write.

Keys use the digits 0-9a-z, compare as plain strings and never end in "0", so there is always
room for a key between two others. New keys are picked at random within the gap, so two people
inserting at the same spot at the same time rarely pick the same key; ties sort by clause id.
"""
from __future__ import annotations

import random

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_rng = random.SystemRandom()


def key_between(low: str | None, high: str | None) -> str:
    """A key strictly between `low` and `high` (None: no bound on that side)."""
    low = low or ""
    if high is not None and low >= high:
        raise ValueError(f"no key between {low!r} and {high!r}")
    return _midpoint(low, high)


def _midpoint(low: str, high: str | None) -> str:
    if high is not None:
        common = 0
        while common < len(high) and (low[common] if common < len(low) else "0") == high[common]:
            common += 1
        if common:
            return high[:common] + _midpoint(low[common:], high[common:])
    lo = DIGITS.index(low[0]) if low else 0
    hi = DIGITS.index(high[0]) if high is not None else len(DIGITS)
    if hi - lo > 1:
        # Appending (no upper bound) takes small steps so keys stay short over many appends.
        top = hi - 1 if high is not None else min(hi - 1, lo + 3)
        return DIGITS[_rng.randint(lo + 1, top)]
    if high is not None and len(high) > 1:
        return high[0]
    return DIGITS[lo] + _midpoint(low[1:], None)


def keys_for_insert(keys: list[str], index: int) -> tuple[str, dict[int, str]]:
    """A key for a new item at `index` of items sorted by `keys`, plus re-keyed items on a tie.

    A tie (two neighbours with the same key, after concurrent inserts) leaves no room between
    them, so the items from `index` up to the next larger key get fresh keys first.
    """
    low = keys[index - 1] if index > 0 else None
    high = keys[index] if index < len(keys) else None
    if low is None or high is None or low < high:
        return key_between(low, high), {}
    end = index
    while end < len(keys) and keys[end] <= low:
        end += 1
    bound = keys[end] if end < len(keys) else None
    fresh: dict[int, str] = {}
    top = bound
    for i in range(end - 1, index - 1, -1):  # from the last tied item backwards, each below the next
        top = key_between(low, top)
        fresh[i] = top
    return key_between(low, top), fresh
