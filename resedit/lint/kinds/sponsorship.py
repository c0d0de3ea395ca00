"""Sponsorship kinds: State names in the sponsor and signatory lists, and the conference's counts.

All kinds read one Analysis (resedit.sponsorship.analysis) of the paper, under the conference
profile and attendance the caller gave `lint` (ctx.conference, ctx.present), else
$RESEDIT_CONFERENCE, else NMUN•NY.
Findings sit in part "sponsors", on the line of the list, with offsets of the name in that list.
"""
from __future__ import annotations

from resedit.lint.hit import Hit
from resedit.lint.kinds.base import Kind
from resedit.model import Location
from resedit.sponsorship.analysis import ROLE_LIST, Analysis, Entry, analyse

PROBLEMS = ("unknown", "misspelt", "unofficial", "duplicate", "both-roles", "observer", "non-member")


def _analysis(rule, ctx) -> Analysis:
    # One analysis per lint run: the context lives for one run.
    if ctx.memo.get("sponsorship") is None:
        ctx.memo["sponsorship"] = analyse(ctx.paper, ctx.committee, ctx.conference, ctx.present)
    return ctx.memo["sponsorship"]


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
    "sponsorship-state": Kind(state_entry, params=("problem",), required=("problem",)),
    "sponsorship-threshold": Kind(threshold),
    "sponsorship-sponsors": Kind(sponsors_count),
}
