"""What one connection may do beyond editing: a signatory link signs once, for the State it
joined as; every link's comments are limited in number, size and rate, so one connection cannot
fill the paper (and the copies every laptop keeps) or crowd out the delegates still joining."""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from resedit.sponsorship.changes import Refused

MAX_COMMENTS = 200  # per connection, for the life of the connection
MAX_COMMENT_CHARS = 2000
RATE_COMMENTS, RATE_SECONDS = 10, 10.0  # at most 10 comments in any 10 seconds


def signatory_may_sign(joined_as: str, typed: str, already: str | None) -> str:
    """The State a signatory link may sign for now, or Refused with the reason.

    The link names its State when joining (`resedit join LINK --name STATE`): it signs for that
    State only, and once; what it types must be that State (any spelling the lexicon knows).
    """
    from resedit.sponsorship.states import resolve

    if already is not None:
        raise Refused(f"this link has already signed for {already}: one signature per signatory link")
    own = resolve(joined_as)
    if not own.ok:
        raise Refused(f"this link joined as {joined_as!r}, which is not a State ({own.describe()}): "
                      "join again with --name STATE to sign")
    wanted = resolve(typed)
    if not wanted.ok:
        raise Refused(wanted.describe())
    if wanted.state.name != own.state.name:
        raise Refused(f"this link joined as {own.state.name}: it signs for {own.state.name} only")
    return own.state.name


@dataclass
class CommentLimits:
    """One connection's comments so far; `refuse` says why the next one is refused, or None."""

    count: int = 0
    recent: deque = field(default_factory=deque)

    def refuse(self, text: str, now: float) -> str | None:
        if len(text) > MAX_COMMENT_CHARS:
            return f"a comment is at most {MAX_COMMENT_CHARS} characters (this one has {len(text)})"
        if self.count >= MAX_COMMENTS:
            return f"this link has made {MAX_COMMENTS} comments, the most one connection may make"
        while self.recent and now - self.recent[0] > RATE_SECONDS:
            self.recent.popleft()
        if len(self.recent) >= RATE_COMMENTS:
            return f"at most {RATE_COMMENTS} comments every {RATE_SECONDS:g} seconds: wait a moment"
        self.count += 1
        self.recent.append(now)
        return None
