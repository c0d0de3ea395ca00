"""The `mandate` rule kind: what the committee cannot do, from its profile.

A rule names one construction (`params: {construction: binding-decision}`). The committee
profile decides whether that construction is overreach for its body and with which words; when
it is, each operative clause (and sub-clause under "Decides to:") is checked on its dependency
parse (resedit.nlp). A finding quotes the mandate statement it breaks with its source, and
suggests wording within the mandate as replacement text for the flagged opening words.
"""
from __future__ import annotations

from resedit.lint.hit import Hit
from resedit.lint.kinds.base import Kind, in_scope, where
from resedit.lint.kinds.mandate.checks import CHECKS, Match
from resedit.lint.kinds.mandate.parse import DECIDE_LIKE, ClauseView
from resedit.lint.memo import memo


def _parent_mode(ctx, parent) -> str:
    """How sub-clauses (at any depth) relate to their operative clause: "acts" under "Decides
    to:" / "Decides:" (the committee does what they say), "decided" under "Decides that:" (they
    are the decision's content), "" otherwise ("Urges Member States to:": the States act)."""
    ann = ctx.annotate(parent.text)
    root = ann.root()
    if root is None or root.lemma not in DECIDE_LIKE:
        return ""
    children = ann.children(root)
    if any(c.dep == "dobj" and c.lower == "that" for c in children) or \
            parent.text.rstrip().lower().endswith("that:"):
        return "decided"
    return "" if any(c.dep in ("ccomp", "dobj") for c in children) else "acts"


def _fill(template: str, match: Match, at_start: bool) -> str:
    text = template.format(verb=match.verb or "take this action",
                           addressee=match.addressee or "Member States", be=match.be)
    return text if at_start else text[:1].lower() + text[1:]


def _best(matches: list[Match]) -> Match | None:
    """One finding per rule and clause: the first in the clause, the deepest when they overlap."""
    if not matches:
        return None
    return sorted(matches, key=lambda m: (m.start, -m.depth, -m.end))[0]


# Rewordings every profile gets unless it says otherwise: a 'that'-clause whose words could not
# be split into "X to VERB" keeps its 'that' ("Demands that ..." -> "Urges that ...").
DEFAULT_SUGGEST = {"suggest_that_clause": ["Urges"]}


def suggestions(entry: dict, match: Match) -> list[str]:
    templates = (entry.get(match.suggest_key) or DEFAULT_SUGGEST.get(match.suggest_key)
                 or entry.get("suggest") or [])
    return [_fill(t, match, match.start == 0) + match.tail for t in templates]


def run(rule, ctx):
    construction = rule.params["construction"]
    committee = ctx.committee
    entry = committee.overreach(construction)
    if entry is None:  # not overreach for this body
        return
    check = CHECKS[construction]
    cannot = committee.cannot(entry["cannot"])
    for part, position, path, clause in in_scope(rule.scope, ctx.paper):
        if not clause.text.strip() or (part == "preamble" and path):
            continue
        mode = "acts"
        if path:
            parent = ctx.paper.part(part)[position - 1]
            mode = memo(("mandate-mode", parent.text), lambda: _parent_mode(ctx, parent))
            if mode == "acts" and clause.text.lstrip().lower().startswith("that "):
                mode = "decided"  # "Decides: (a) That all States shall ..."
        # A pure function of the clause text, its part and mode and the loaded profile: memoised
        # so a re-lint after a one-clause edit re-checks only that clause.
        match = memo(("mandate", construction, id(committee), part, mode, clause.text),
                     lambda: _best(check(ClauseView.of(ctx.annotate(clause.text),
                                                       committee_acts=mode == "acts",
                                                       decided=mode == "decided"),
                                         entry, committee, part)))
        if match is None:
            continue
        offered = suggestions(entry, match)
        yield Hit(where(part, position, path, clause, start=match.start, end=match.end),
                  {"committee": committee.code, "body": committee.name,
                   "trigger": clause.text[match.start:match.end], "what": cannot.get("what", ""),
                   "quote": cannot.get("text", ""), "source": cannot.get("cite", ""),
                   "instead": offered[0] if offered else ""},
                  offered)


KINDS: dict[str, Kind] = {
    "mandate": Kind(run=run, needs_nlp=True, params=("construction",), required=("construction",)),
}
