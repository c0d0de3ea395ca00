"""Sponsorship kinds: State names in the sponsor and signatory lists, and the conference's counts.

All kinds read one Analysis (resedit.sponsorship.analysis) of the paper, under the conference
profile `ctx.conference` when the caller set one, else the rule's `conference` parameter (see
`with_profile`), else $RESEDIT_CONFERENCE, else NMUN•NY; attendance likewise (`present`).
Findings sit in part "sponsors", on the line of the list, with offsets of the name in that list.
"""
from __future__ import annotations

from dataclasses import replace

from resedit.lint.engine import Hit
from resedit.lint.kinds.base import Kind
from resedit.model import Location
from resedit.sponsorship.analysis import ROLE_LIST, Analysis, Entry, analyse

PROBLEMS = ("unknown", "misspelt", "unofficial", "duplicate", "both-roles", "observer", "non-member")


def with_profile(rules, conference=None, present: int | None = None) -> list:
    """The rules, with the sponsorship ones bound to a conference profile and attendance.

    For callers that lint under a conference other than the default (`--conference`,
    `--present`): `lint(paper, with_profile(rules, conf, 38), committee)`.
    """
    bound = {}
    if conference is not None:
        bound["conference"] = conference
    if present is not None:
        bound["present"] = present
    return [replace(r, params={**r.params, **bound}) if bound and r.kind in KINDS else r
            for r in rules]


def _analysis(rule, ctx) -> Analysis:
    conference = getattr(ctx, "conference", None) or rule.params.get("conference")
    present = getattr(ctx, "present", None) or rule.params.get("present")
    cache = ctx.__dict__.setdefault("_sponsorship", {})  # one analysis per lint run and profile
    key = (getattr(conference, "path", None) or getattr(conference, "code", conference), present)
    if key not in cache:
        cache[key] = analyse(ctx.paper, ctx.committee, conference, present)
    return cache[key]


def _location(ctx, entry: Entry) -> Location:
    names = getattr(ctx.paper, ROLE_LIST[entry.role])
    start = sum(len(n) + 2 for n in names[:entry.index])  # offsets in "A, B, C" as written back
    return Location(part="sponsors", line=ctx.paper.lines.get(ROLE_LIST[entry.role]),
                    start=start, end=start + len(entry.typed))


def _list_location(ctx, role: str = "sponsors") -> Location:
    return Location(part="sponsors", line=ctx.paper.lines.get(role) or ctx.paper.lines.get("sponsors"))


def _matches(problem: str, entry: Entry, analysis: Analysis) -> bool:
    found = entry.resolution
    if problem == "unknown":
        return not found.ok and not found.suggestions
    if problem == "misspelt":
        return not found.ok and bool(found.suggestions)
    if not found.ok:
        return False
    if problem == "unofficial":
        return found.how in ("variant", "folded")
    if problem == "duplicate":
        return entry.duplicate_of is not None
    if entry.duplicate_of is not None:  # one finding per State, on its first mention
        return False
    if problem == "both-roles":
        return entry.conflict
    if problem == "observer":
        return entry.observer and not entry.allowed
    if problem == "non-member":
        return entry.non_member and not entry.allowed
    return False


def state_entry(rule, ctx):
    analysis = _analysis(rule, ctx)
    problem = rule.params["problem"]
    if problem not in PROBLEMS:
        raise ValueError(f"rule {rule.id}: sponsorship-state problem {problem!r}; "
                         f"expected one of {', '.join(PROBLEMS)}")
    for entry in analysis.entries:
        if not _matches(problem, entry, analysis):
            continue
        official = entry.state or ""
        values = {"name": entry.typed, "role": entry.role, "official": official,
                  "list": ROLE_LIST[entry.role], "conference": analysis.conference.name,
                  "committee": analysis.committee_code}
        suggestions: list[str] = []
        if problem == "misspelt":
            suggestions = list(entry.resolution.suggestions)
            values["suggestion"] = " or ".join(suggestions)
        elif problem == "unofficial":
            suggestions = [official]
        elif problem == "duplicate":
            first = getattr(ctx.paper, ROLE_LIST[entry.role])[entry.duplicate_of]
            values["first"] = first
            values["spelling"] = "" if first == entry.typed else f" (as '{first}' and '{entry.typed}')"
        yield Hit(_location(ctx, entry), values, suggestions)


def threshold(rule, ctx):
    analysis = _analysis(rule, ctx)
    if analysis.missing:
        counted = "signatories" if analysis.conference.counts == "signatories" else \
            "sponsors and signatories"
        yield Hit(_list_location(ctx), {
            "counted": analysis.counted, "required": analysis.requirement.required,
            "missing": analysis.missing, "basis": analysis.requirement.basis, "who": counted,
            "conference": analysis.conference.name})


def sponsors_count(rule, ctx):
    analysis = _analysis(rule, ctx)
    count, minimum = len(analysis.sponsors), analysis.conference.min_sponsors
    if count < minimum:
        what = "no sponsor" if count == 0 else f"only {count} sponsor{'s' if count > 1 else ''}"
        yield Hit(_list_location(ctx), {"count": count, "minimum": minimum, "what": what,
                                        "conference": analysis.conference.name})


KINDS = {
    "sponsorship-state": Kind(state_entry, params=("problem", "conference", "present"),
                              required=("problem",)),
    "sponsorship-threshold": Kind(threshold, params=("conference", "present")),
    "sponsorship-sponsors": Kind(sponsors_count, params=("conference", "present")),
}
