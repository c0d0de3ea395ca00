"""A bounded memo for per-clause analyses that are pure functions of the clause text (given the one
pinned model), so re-linting after a one-clause edit recomputes only that clause's answers."""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")
_MEMO: OrderedDict = OrderedDict()
LIMIT = 131072  # ~10 analyses per clause: a 5,000-clause paper must fit, or every re-lint redoes all


def memo(key: Hashable, compute: Callable[[], T]) -> T:
    if key in _MEMO:
        _MEMO.move_to_end(key)
        return _MEMO[key]
    value = _MEMO[key] = compute()
    if len(_MEMO) > LIMIT:
        _MEMO.popitem(last=False)
    return value
