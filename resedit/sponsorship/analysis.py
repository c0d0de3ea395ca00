"""Read a paper's sponsor and signatory lists against the State list and a conference profile.

`analyse` looks at every name once and records what is wrong with it; the lint kinds, the summary
for `resedit check` and the `sponsors` command all read the same Analysis, so they never disagree.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from resedit.sponsorship.conference import Conference, Requirement, full_roster, load_conference
from resedit.sponsorship.states import Resolution, state_index

ROLES = ("sponsor", "signatory")
ROLE_LIST = {"sponsor": "sponsors", "signatory": "signatories"}


@dataclass
class Entry:
    role: str  # sponsor | signatory
    index: int  # 0-based position in its list
    typed: str  # as written in the paper
    resolution: Resolution
    duplicate_of: int | None = None  # index of the earlier entry in the same list naming this State
    also_sponsor: bool = False  # a signatory who is also a sponsor
    observer: bool = False
    non_member: bool = False  # not on the committee's roster (only when one is loaded)
    allowed: bool = True  # the profile lets this kind of delegation hold this role
    conflict: bool = False  # also a sponsor, and the profile forbids holding both roles

    @property
    def state(self) -> str | None:
        return self.resolution.state.name if self.resolution.state else None

    @property
    def counts(self) -> bool:
        """Whether this entry counts toward the threshold."""
        return (self.state is not None and self.duplicate_of is None and self.allowed
                and not self.conflict)


@dataclass
class Analysis:
    conference: Conference
    committee_code: str
    entries: list[Entry]
    requirement: Requirement
    sponsors: list[str] = field(default_factory=list)  # distinct States counted as sponsors
    signatories: list[str] = field(default_factory=list)  # distinct States counted as signatories

    @property
    def counted(self) -> int:
        if self.conference.counts == "signatories":
            return len(self.signatories)
        return len(set(self.sponsors) | set(self.signatories))

    @property
    def missing(self) -> int:
        return max(0, self.requirement.required - self.counted)

    @property
    def met(self) -> bool:
        return self.missing == 0 and len(self.sponsors) >= self.conference.min_sponsors

    def summary(self) -> dict:
        return {"sponsors": len(self.sponsors), "signatories": len(self.signatories),
                "required": self.requirement.required, "met": self.met}

    def line(self) -> str:
        """One line for text output: counts, requirement and whether it is met."""
        uncounted = sum(1 for e in self.entries if not e.counts)
        extra = f"; {_count(uncounted, 'name', 'names')} not counted" if uncounted else ""
        status = "met" if self.met else (f"{self.missing} more needed" if self.missing
                                         else "no sponsor" if not self.sponsors
                                         else f"needs {self.conference.min_sponsors} sponsors")
        return (f"sponsorship: {_count(len(self.sponsors), 'sponsor', 'sponsors')}, "
                f"{_count(len(self.signatories), 'signatory', 'signatories')}; "
                f"{self.requirement.required} required [{self.requirement.basis}]{extra}: {status}")


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def analyse(paper, committee, conference=None, present: int | None = None) -> Analysis:
    """Analysis of `paper`'s lists for `committee` (Committee or code) under `conference`."""
    conference = load_conference(conference)
    code = (getattr(committee, "code", committee) or "").upper()
    roster = full_roster(conference, committee)  # empty when the membership is not all known
    index = state_index()
    entries: list[Entry] = []
    for role in ROLES:
        seen: dict[str, int] = {}
        for i, typed in enumerate(getattr(paper, ROLE_LIST[role])):
            resolution = index.resolve(typed)
            entry = Entry(role=role, index=i, typed=typed, resolution=resolution)
            state = resolution.state
            if state is not None:
                entry.duplicate_of = seen.get(state.name)
                seen.setdefault(state.name, i)
                entry.observer = not state.is_member
                entry.non_member = bool(roster) and state.is_member and state.name not in roster
                entry.allowed = conference.may(role, entry.observer, entry.non_member)
            entries.append(entry)
    sponsor_states = {e.state for e in entries if e.role == "sponsor" and e.counts}
    for entry in entries:
        if entry.role == "signatory" and entry.state in sponsor_states:
            entry.also_sponsor = True
            entry.conflict = not conference.both_roles
    analysis = Analysis(conference=conference, committee_code=code, entries=entries,
                        requirement=conference.requirement(committee, present))
    analysis.sponsors = [e.state for e in entries if e.role == "sponsor" and e.counts]
    analysis.signatories = [e.state for e in entries if e.role == "signatory" and e.counts]
    return analysis


def sponsorship_summary(paper, committee, conference=None, present: int | None = None) -> dict:
    """{sponsors, signatories, required, met} for the JSON of `resedit check`.

    sponsors / signatories: how many distinct, recognised States each list counts (misspelt,
    duplicate or disallowed names do not count); required: the threshold for this committee under
    the conference profile; met: the threshold is reached and there are enough sponsors.
    """
    return analyse(paper, committee, conference, present).summary()


def sponsorship_line(paper, committee, conference=None, present: int | None = None) -> str:
    """The same as one line of text, e.g. for `resedit check` text output."""
    return analyse(paper, committee, conference, present).line()
