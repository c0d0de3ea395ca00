"""Changes to the sponsor and signatory lists, each recorded in the paper's history.

`add` normalises the name to the official short name and refuses a change that breaks a rule of
the conference (unknown or misspelt name, already listed, both roles when forbidden, an observer or
non-member where the profile forbids it), raising `Refused` with the reason. `remove` corrects the
list (a name added by mistake); `withdraw` records that a delegation withdrew its support. Every
accepted change appends one HistoryEntry to `paper.history`.
"""
from __future__ import annotations

import getpass
from dataclasses import dataclass, field
from datetime import UTC, datetime

from resedit.errors import ResEditError
from resedit.model.paper import HistoryEntry
from resedit.sponsorship.analysis import ROLE_LIST, ROLES, analyse
from resedit.sponsorship.conference import full_roster, load_conference
from resedit.sponsorship.states import or_list, state_index


class Refused(ResEditError):
    """A change that would break a rule; the message says which and what to do instead."""


@dataclass
class Change:
    entry: HistoryEntry
    warnings: list[str] = field(default_factory=list)  # accepted, but the dais should know


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def default_who() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise Refused(f"role must be sponsor or signatory, not {role!r}")


def add(paper, typed: str, role: str, *, committee, conference=None, who: str | None = None,
        at: str | None = None, note: str = "") -> Change:
    """Add `typed` (any known spelling) as `role`; the official short name goes into the list."""
    _check_role(role)
    conference = load_conference(conference)
    found = state_index().resolve(typed)
    if not found.ok:
        raise Refused(found.describe() + ("" if found.suggestions else
                                          " (check the spelling or use the official UN short name)"))
    state = found.state
    before = analyse(paper, committee, conference)
    for entry in before.entries:
        if entry.state != state.name:
            continue
        if entry.role == role:
            listed = "" if entry.typed == state.name else f" (as '{entry.typed}')"
            raise Refused(f"{state.name} is already a {role}{listed}")
        if not conference.both_roles:
            raise Refused(f"{state.name} is already a {entry.role}; under {conference.name} a "
                          f"delegation cannot be both sponsor and signatory (withdraw it as "
                          f"{entry.role} first)")
    if not state.is_member and not conference.may(role, observer=True, non_member=False):
        raise Refused(f"{state.name} is an observer State; under {conference.name} observers "
                      f"may not be a {role}")
    roster = full_roster(conference, before.committee_code)
    if state.is_member and roster and state.name not in roster and \
            not conference.may(role, observer=False, non_member=True):
        raise Refused(f"{state.name} is not a member of {before.committee_code}; under "
                      f"{conference.name} non-members may not be a {role}")
    getattr(paper, ROLE_LIST[role]).append(state.name)
    if found.how != "exact":
        note = "; ".join(n for n in (f"typed as '{found.typed}'", note) if n)
    entry = HistoryEntry(at=at or now(), who=who or default_who(), action="add", state=state.name,
                         role=role, note=note)
    paper.history.append(entry)
    return Change(entry)


def remove(paper, typed: str, *, committee, conference=None, role: str | None = None,
           who: str | None = None, at: str | None = None, note: str = "",
           action: str = "remove") -> Change:
    """Take `typed` off its list (both lists are searched unless `role` is given).

    A name that does not resolve can still be removed when it is written exactly so in a list (a
    misspelling someone typed into the header).
    """
    if role is not None:
        _check_role(role)
    conference = load_conference(conference)
    found = state_index().resolve(typed)
    roles = [role] if role else list(ROLES)
    hits = []
    for r in roles:
        names = getattr(paper, ROLE_LIST[r])
        for i, name in enumerate(names):
            other = state_index().resolve(name)
            same = (found.ok and other.ok and other.state.name == found.state.name) or \
                   " ".join(name.split()).casefold() == " ".join(typed.split()).casefold()
            if same:
                hits.append((r, i, name))
    if not hits:
        where = f"a {role}" if role else "a sponsor or signatory"
        label = found.state.name if found.ok else typed
        hint = f"; did you mean {or_list(found.suggestions)}?" if found.suggestions else ""
        raise Refused(f"{label} is not {where} of this paper{hint}")
    held = sorted({r for r, _, _ in hits})
    if len(held) > 1:
        raise Refused(f"{hits[0][2]} is both sponsor and signatory; say which with --as")
    the_role = held[0]
    names = getattr(paper, ROLE_LIST[the_role])
    for _, i, _ in reversed(hits):  # duplicates through variants go too
        del names[i]
    state_name = found.state.name if found.ok else hits[0][2]
    entry = HistoryEntry(at=at or now(), who=who or default_who(), action=action,
                         state=state_name, role=the_role, note=note)
    paper.history.append(entry)
    change = Change(entry)
    after = analyse(paper, committee, conference)
    if not after.sponsors:
        change.warnings.append("the paper now has no sponsor")
    elif after.missing:
        change.warnings.append(f"now below the threshold: {after.counted} of "
                               f"{after.requirement.required}, {after.missing} more needed")
    return change


def withdraw(paper, typed: str, **kwargs) -> Change:
    """A delegation withdraws its support: like remove, recorded as a withdrawal."""
    return remove(paper, typed, action="withdraw", **kwargs)
