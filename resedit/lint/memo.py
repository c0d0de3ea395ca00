"""A bounded memo for per-clause analyses that are pure functions of the clause text (given the one
pinned model), so re-linting after a one-clause edit recomputes only that clause's answers.

The bound follows the work: a lint counts the analyses it asks for (`run`), nothing is evicted
while it runs, and afterwards the memo keeps room for twice the largest of the last RECENT lints
(at least FLOOR entries). A paper of any length is then answered from the memo on its next lint
instead of evicting its own entries (thrashing), a small lint in between (another paper) does not
evict it, and the memo never holds more than twice the largest recent lint.
"""
from __future__ import annotations

from collections import OrderedDict, deque
from collections.abc import Callable, Hashable
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
_MEMO: OrderedDict = OrderedDict()
FLOOR = 16384
LIMIT = FLOOR
RECENT = 8
_asked: list[int] = []  # lookups of each lint in progress (nested runs count into the outer)
_recent: deque[int] = deque(maxlen=RECENT)  # lookups of the last lints


def memo(key: Hashable, compute: Callable[[], T]) -> T:
    if _asked:
        _asked[-1] += 1
    if key in _MEMO:
        _MEMO.move_to_end(key)
        return _MEMO[key]
    value = _MEMO[key] = compute()
    if not _asked:
        _trim()
    return value


def _trim() -> None:
    while len(_MEMO) > LIMIT:
        _MEMO.popitem(last=False)


@contextmanager
def run():
    """One lint: no eviction inside it; afterwards the bound fits the work it did."""
    global LIMIT
    _asked.append(0)
    try:
        yield
    finally:
        asked = _asked.pop()
        if _asked:
            _asked[-1] += asked
        else:
            _recent.append(asked)
            LIMIT = max(FLOOR, 2 * max(_recent))
            _trim()
